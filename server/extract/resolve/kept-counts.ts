// Corpus-wide counts kept from one resolution to the next and moved on by the documents that came and went, so a
// write reads only its own documents; they equal the counts over the whole corpus (tests/extract/kept-counts.test.ts).
// - How often the corpus writes a phrase lower-case and as given (junk.ts asks it of many-word names): counting one
//   phrase was a scan of all the text, about 5 MB for the BBC corpus, for each of thousands of names.
// - How often each word is written lower-case and capitalised (corpus-stats.ts `caseCounts`, a sum over documents).
import type { DocExtraction, Sentence } from "../../types.js";
import { type CaseCounts, caseCounts } from "./corpus-stats.js";

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
  private counted = new Map<Texts, DocExtraction>();
  private readonly counts = new Map<string, number>();
  private first = "";
  private generation = 0;

  /** Counts for this set of documents, in this order (the corpus's first sentence counts from its start). */
  counter(docs: readonly DocExtraction[]): (phrase: string) => { lower: number; capitalised: number } {
    this.sync(docs);
    const generation = ++this.generation;
    const first = this.first;
    const all = docs.map((d) => d.sentences);
    const count = (needle: string) => {
      const full = () => all.reduce((sum, sentences) => sum + countIn(sentences, needle), 0);
      // Another resolution (of another corpus, run in slices beside this one) moved the counts on: count afresh.
      let n = generation === this.generation ? this.counts.get(needle) : full();
      if (n === undefined) {
        n = full();
        this.counts.set(needle, n);
      }
      // The joined text's very first character has nothing before it, so a match there counts.
      const atStart = first.startsWith(needle) && !asciiLetter(first.charCodeAt(needle.length)) ? 1 : 0;
      return n + atStart;
    };
    return (phrase) => ({ lower: count(phrase.toLowerCase()), capitalised: count(phrase) });
  }

  private sync(docs: readonly DocExtraction[]): void {
    const { now, added, removed, whole } = changes(this.counted, docs, (d) => d.sentences);
    // A new corpus rather than a write (another store, a first load): counting again costs less than moving on.
    if (whole) this.counts.clear();
    else if (added.length + removed.length > 0) {
      for (const [needle, n] of this.counts) {
        const delta =
          added.reduce((sum, d) => sum + countIn(d.sentences, needle), 0) -
          removed.reduce((sum, d) => sum + countIn(d.sentences, needle), 0);
        if (delta !== 0) this.counts.set(needle, n + delta);
      }
    }
    this.counted = now;
    this.first = docs.find((d) => d.sentences.length > 0)?.sentences[0]!.text ?? "";
  }
}

/** The documents a kept count is of, and those that came and went since; undefined when the whole set changed. */
function changes<T>(counted: Map<Texts, T>, docs: readonly T[], key: (d: T) => Texts) {
  const now = new Map(docs.map((d) => [key(d), d] as const));
  const added = [...now].filter(([s]) => !counted.has(s)).map(([, d]) => d);
  const removed = [...counted].filter(([s]) => !now.has(s)).map(([, d]) => d);
  return { now, added, removed, whole: added.length + removed.length > now.size / 2 };
}

/** `caseCounts` of the corpus, moved on by the documents added and removed since the last call. */
export class CaseCountsKept {
  private counted = new Map<Texts, DocExtraction>();
  private totals: CaseCounts | undefined;

  of(docs: readonly DocExtraction[]): CaseCounts {
    const { now, added, removed, whole } = changes(this.counted, docs, (d) => d.sentences);
    if (!this.totals || whole) this.totals = caseCounts(docs);
    else {
      // A new object, not the last one changed: a resolution still running in slices keeps reading the last one.
      const totals: CaseCounts = {
        lower: new Map(this.totals.lower),
        capitalised: new Map(this.totals.capitalised),
        titleQualifier: new Map(this.totals.titleQualifier),
      };
      const add = (from: CaseCounts, sign: number) => {
        for (const key of ["lower", "capitalised", "titleQualifier"] as const) {
          const into = totals[key];
          for (const [word, n] of from[key]) {
            const total = (into.get(word) ?? 0) + sign * n;
            if (total === 0) into.delete(word);
            else into.set(word, total);
          }
        }
      };
      add(caseCounts(added), 1);
      add(caseCounts(removed), -1);
      this.totals = totals;
    }
    this.counted = now;
    return this.totals;
  }
}

/** The counts resolution keeps between runs in this process. */
export const corpusPhrases = new PhraseCounts();
export const corpusCaseCounts = new CaseCountsKept();
