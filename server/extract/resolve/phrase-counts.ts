// How often the corpus writes a phrase lower-case and as given (junk.ts asks it of many-word names). Counting one
// phrase is a scan of the whole corpus's text, about 5 MB for the BBC corpus, and resolution asks thousands: that
// was most of what a write cost. The counts are kept from one resolution to the next and moved on by the documents
// that came and went, so a write scans only its own documents. They equal `phraseCounter` over the joined text.
import type { DocExtraction, Sentence } from "../../types.js";

type Texts = readonly Sentence[];

const asciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Matches of `needle` with no ASCII letter either side, never at a sentence's start (a capital there says nothing). */
function countIn(sentences: Texts, needle: string): number {
  let n = 0;
  for (const { text } of sentences) {
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
      if (i > 0 && !asciiLetter(text.charCodeAt(i - 1)) && !asciiLetter(text.charCodeAt(i + needle.length)) && text[i - 1] !== "\n") n++;
    }
  }
  return n;
}

export class PhraseCounts {
  /** The documents (by their sentences) the counts are of. */
  private counted = new Set<Texts>();
  private readonly counts = new Map<string, number>();
  private first = "";

  /** Counts for this set of documents, in this order (the corpus's first sentence counts from its start). */
  counter(docs: readonly DocExtraction[]): (phrase: string) => { lower: number; capitalised: number } {
    this.sync(docs);
    const all = docs.map((d) => d.sentences);
    const count = (needle: string) => {
      let n = this.counts.get(needle);
      if (n === undefined) {
        n = all.reduce((sum, sentences) => sum + countIn(sentences, needle), 0);
        this.counts.set(needle, n);
      }
      // The joined text's very first character has nothing before it, so a match there counts.
      const atStart = this.first.startsWith(needle) && !asciiLetter(this.first.charCodeAt(needle.length)) ? 1 : 0;
      return n + atStart;
    };
    return (phrase) => ({ lower: count(phrase.toLowerCase()), capitalised: count(phrase) });
  }

  private sync(docs: readonly DocExtraction[]): void {
    const now = new Set<Texts>(docs.map((d) => d.sentences));
    const added = [...now].filter((s) => !this.counted.has(s));
    const removed = [...this.counted].filter((s) => !now.has(s));
    // A new corpus rather than a write (another store, a first load): counting again costs less than moving on.
    if (added.length + removed.length > now.size / 2) this.counts.clear();
    else if (added.length + removed.length > 0) {
      for (const [needle, n] of this.counts) {
        const delta = added.reduce((sum, s) => sum + countIn(s, needle), 0) - removed.reduce((sum, s) => sum + countIn(s, needle), 0);
        if (delta !== 0) this.counts.set(needle, n + delta);
      }
    }
    this.counted = now;
    this.first = docs.find((d) => d.sentences.length > 0)?.sentences[0]!.text ?? "";
  }
}

/** The counts resolution keeps between runs in this process. */
export const corpusPhrases = new PhraseCounts();
