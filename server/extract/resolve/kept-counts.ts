// Corpus-wide counts kept from one resolution to the next and moved on by the documents that came and went, so a
// write reads only its own documents; they equal the counts over the whole corpus (tests/extract/kept-counts.test.ts).
// - How often the corpus writes a phrase lower-case and as given (junk.ts asks it of many-word names): counting one
//   phrase was a scan of all the text, about 5 MB for the BBC corpus, for each of thousands of names.
// - How often each word is written lower-case and capitalised (corpus-stats.ts `caseCounts`, a sum over documents).
import type { DocExtraction, Sentence } from "../../types.js";
import { type Steps, every, runSteps } from "../../slices.js";
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

/**
 * Whether a match of `needle` that starts a word can begin inside an earlier match: only when a proper prefix of it
 * is also a suffix with no ASCII letter in front ("a to a"). `countIn` skips the text of each match it finds.
 */
function overlapsAtWordStart(needle: string): boolean {
  for (let k = needle.length - 1; k > 0; k--) {
    if (needle.endsWith(needle.slice(0, k)) && !asciiLetter(needle.charCodeAt(needle.length - k - 1))) return true;
  }
  return false;
}

/** The end of the ASCII-letter run that starts at `i`. */
function wordEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length && asciiLetter(text.charCodeAt(end))) end++;
  return end;
}

/** The end of the next ASCII word after `end` (what is not a letter skipped), or -1 when there is none. */
function nextWordEnd(text: string, end: number): number {
  let next = end;
  while (next < text.length && !asciiLetter(text.charCodeAt(next))) next++;
  return next < text.length ? wordEnd(text, next) : -1;
}

/** Characters of a loose needle's key: "1994 World Cup" is looked up where the text has "1994". */
const LOOSE_KEY = 4;

/**
 * Needles that do not start with an ASCII letter, for `Needles`: their matches need not start a word ("1994" in
 * "21994"), so each place of the text where one of their first characters is gets looked up by the characters from
 * there. Counted as `countIn` counts them (a scan per needle was a pass over all the text for each: 436 such needles
 * took 8.8 s of 10.5 at 20,000 generated articles, in one step of the first write after a start).
 */
class LooseNeedles {
  /** Needles by their first LOOSE_KEY characters (all of a shorter one). */
  private readonly byKey = new Map<string, string[]>();
  private readonly keyLengths = new Set<number>();
  private readonly firstChars = new Set<number>();
  size = 0;

  add(needle: string): void {
    const key = needle.slice(0, LOOSE_KEY);
    const list = this.byKey.get(key);
    if (list) list.push(needle);
    else this.byKey.set(key, [needle]);
    this.keyLengths.add(key.length);
    this.firstChars.add(needle.charCodeAt(0));
    this.size++;
  }

  /**
   * Adds each needle's matches in `text`, as `countIn` finds them: left to right, each search going on after the
   * last match's end (whether that match counted or not), a match counting with no ASCII letter either side and
   * neither at the text's start nor after a line break.
   */
  count(text: string, add: (needle: string, n: number) => void): void {
    let searchFrom: Map<string, number> | undefined;
    for (let i = 0; i < text.length; i++) {
      if (!this.firstChars.has(text.charCodeAt(i))) continue;
      for (const length of this.keyLengths) {
        for (const needle of this.byKey.get(text.slice(i, i + length)) ?? []) {
          if (i < (searchFrom?.get(needle) ?? 0) || !text.startsWith(needle, i)) continue;
          (searchFrom ??= new Map()).set(needle, i + needle.length);
          if (i > 0 && !asciiLetter(text.charCodeAt(i - 1)) && !asciiLetter(text.charCodeAt(i + needle.length)) && text[i - 1] !== "\n")
            add(needle, 1);
        }
      }
    }
  }
}

/**
 * Needles for `countAll`, indexed by their text up to the end of their last ASCII word; kept by `PhraseCounts`, so
 * that a write does not index thousands of needles again to count them in its own documents. At each word of the
 * text, the text up to the end of the next words is looked up for as long as it begins some needle: about one
 * lookup per word, however many needles share their first words (an index by first word alone checked each "NATO"
 * of a fuzz corpus against 2,400 needles: a minute of one step at 4,000 documents, the server held).
 */
class Needles {
  /** Needle by its text up to the end of its last ASCII word. */
  private readonly byKey = new Map<string, string[]>();
  /** The needles' texts up to the end of each of their ASCII words: a text that is none of them begins no needle. */
  private readonly prefixes = new Set<string>();
  /** Needles a match of which can begin inside another (`overlapsAtWordStart`): `countIn` counts them, where found. */
  private readonly overlapping = new Set<string>();
  /** Needles that do not start with an ASCII letter ("1994 World Cup", "& Co"): a match may start anywhere. */
  private readonly loose = new LooseNeedles();
  private readonly all = new Set<string>();

  constructor(needles: Iterable<string> = []) {
    for (const needle of needles) this.add(needle);
  }

  add(needle: string): void {
    if (this.all.has(needle)) return;
    this.all.add(needle);
    if (!asciiLetter(needle.charCodeAt(0))) return this.loose.add(needle);
    if (overlapsAtWordStart(needle)) this.overlapping.add(needle);
    let key = "";
    for (let end = wordEnd(needle, 0); end >= 0; end = nextWordEnd(needle, end)) {
      key = needle.slice(0, end);
      this.prefixes.add(key);
    }
    const list = this.byKey.get(key);
    if (list) list.push(needle);
    else this.byKey.set(key, [needle]);
  }

  /** How often each needle is in the documents, every needle included (at 0 when absent). */
  count(documents: readonly Texts[]): Map<string, number> {
    return runSteps(this.countInSteps(documents));
  }

  /** `count` in steps of a few documents: over a whole corpus it takes seconds (2 s at 20,000 articles). */
  *countInSteps(documents: readonly Texts[]): Steps<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const needle of this.all) counts.set(needle, 0);
    const add = (needle: string, n: number) => counts.set(needle, counts.get(needle)! + n);
    for (const [k, sentences] of documents.entries()) {
      for (const sentence of sentences) {
        if (this.loose.size > 0) this.loose.count(sentence.text, add);
        if (this.byKey.size > 0) this.countWordStarts(sentence, add);
      }
      if (every(k, DOCUMENTS_PER_STEP)) yield;
    }
    return counts;
  }

  /** Adds the matches in `sentence` of the needles that start with an ASCII letter, looked up at each word's start. */
  private countWordStarts(sentence: Sentence, add: (needle: string, n: number) => void): void {
    const { text } = sentence;
    const found = new Set<string>();
    for (let i = 1; i < text.length; i++) {
      if (!asciiLetter(text.charCodeAt(i)) || asciiLetter(text.charCodeAt(i - 1))) continue;
      const first = wordEnd(text, i + 1);
      for (let end = text[i - 1] === "\n" ? -1 : first; end >= 0; end = nextWordEnd(text, end)) {
        const key = text.slice(i, end);
        if (!this.prefixes.has(key)) break;
        for (const needle of this.byKey.get(key) ?? []) {
          if (!text.startsWith(needle, i) || asciiLetter(text.charCodeAt(i + needle.length))) continue;
          if (this.overlapping.has(needle)) found.add(needle);
          else add(needle, 1);
        }
      }
      i = first - 1;
    }
    // The sentences where such a needle is, counted as a scan counts it (a match inside another is skipped).
    for (const needle of found) add(needle, countIn([sentence], needle));
  }
}

/** Documents counted between two yields of the corpus-wide counts kept between resolutions: a few ms of work. */
export const DOCUMENTS_PER_STEP = 50;

/**
 * `countIn` of many needles at once, in one pass over the sentences: each word of the text is looked up among the
 * needles that start with it. A match starts a word, so this finds what `countIn` does unless a match can begin
 * inside an earlier one; those needles (and one that does not start with a letter) are counted by `countIn` itself.
 */
export function countAll(documents: readonly Texts[], needles: Iterable<string>): Map<string, number> {
  return new Needles(needles).count(documents);
}

/** `countAll` in steps. */
export function countAllInSteps(documents: readonly Texts[], needles: Iterable<string>): Steps<Map<string, number>> {
  return new Needles(needles).countInSteps(documents);
}

/** How often a phrase is written lower-case and as given, in the corpus a `PhraseCounts.counter` was made for. */
export type PhraseCounter = (phrase: string) => { lower: number; capitalised: number };

export class PhraseCounts {
  /** The documents (by their sentences) the counts are of. */
  private counted = new Map<Texts, DocExtraction>();
  private readonly counts = new Map<string, number>();
  /** The needles of `counts`, indexed to count them in the documents a write adds or removes. */
  private needles = new Needles();
  private first = "";
  private generation = 0;

  /**
   * Counts for this set of documents, in this order (the corpus's first sentence counts from its start). `phrases`
   * are those the caller will ask for: counted together in one pass, which costs about what counting one does.
   */
  counter(docs: readonly DocExtraction[], phrases: Iterable<string> = []): PhraseCounter {
    return runSteps(this.counterInSteps(docs, phrases));
  }

  /**
   * `counter` in steps: the phrases not counted yet are counted a few documents at a time (all of them on the first
   * write after a start). Another resolution may run between two steps; what this one counted is then its own.
   */
  *counterInSteps(docs: readonly DocExtraction[], phrases: Iterable<string> = []): Steps<PhraseCounter> {
    this.sync(docs);
    const generation = ++this.generation;
    const first = this.first;
    const all = docs.map((d) => d.sentences);
    const missing = [...phrases].flatMap((p) => [p, p.toLowerCase()]).filter((needle) => !this.counts.has(needle));
    const counted = yield* countAllInSteps(all, missing);
    // Kept for the next resolutions only if no other one moved the counts on meanwhile.
    if (generation === this.generation) {
      for (const [needle, n] of counted) {
        this.counts.set(needle, n);
        this.needles.add(needle);
      }
    }
    const count = (needle: string) => {
      const full = () => all.reduce((sum, sentences) => sum + countIn(sentences, needle), 0);
      // Another resolution (of another corpus, run in slices beside this one) moved the counts on: count afresh.
      let n = counted.get(needle) ?? (generation === this.generation ? this.counts.get(needle) : full());
      if (n === undefined) {
        n = full();
        this.counts.set(needle, n);
        this.needles.add(needle);
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
    if (whole) {
      this.counts.clear();
      this.needles = new Needles();
    } else if (added.length + removed.length > 0) {
      const plus = this.needles.count(added.map((d) => d.sentences));
      const minus = this.needles.count(removed.map((d) => d.sentences));
      for (const [needle, n] of this.counts) {
        const delta = plus.get(needle)! - minus.get(needle)!;
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
    return runSteps(this.ofInSteps(docs));
  }

  /**
   * `of` in steps: a new corpus (the first resolution after a start) is counted a few documents at a time, 1.6 s
   * at 20,000 articles. The counts and the documents they are of are replaced together, in one step, so a
   * resolution that runs between two steps reads a pair that fits.
   */
  *ofInSteps(docs: readonly DocExtraction[]): Steps<CaseCounts> {
    const { now, added, removed, whole } = changes(this.counted, docs, (d) => d.sentences);
    let totals: CaseCounts;
    if (!this.totals || whole) {
      totals = { lower: new Map(), capitalised: new Map(), titleQualifier: new Map() };
      for (let i = 0; i < docs.length; i += DOCUMENTS_PER_STEP) {
        addCounts(totals, caseCounts(docs.slice(i, i + DOCUMENTS_PER_STEP)), 1);
        yield;
      }
    } else {
      // A new object, not the last one changed: a resolution still running in slices keeps reading the last one.
      totals = {
        lower: new Map(this.totals.lower),
        capitalised: new Map(this.totals.capitalised),
        titleQualifier: new Map(this.totals.titleQualifier),
      };
      addCounts(totals, caseCounts(added), 1);
      addCounts(totals, caseCounts(removed), -1);
    }
    this.totals = totals;
    this.counted = now;
    return totals;
  }
}

/** Adds `from` times `sign` into `into`, a word whose count comes to 0 left out. */
function addCounts(into: CaseCounts, from: CaseCounts, sign: number): void {
  for (const key of ["lower", "capitalised", "titleQualifier"] as const) {
    const totals = into[key];
    for (const [word, n] of from[key]) {
      const total = (totals.get(word) ?? 0) + sign * n;
      if (total === 0) totals.delete(word);
      else totals.set(word, total);
    }
  }
}

/** The counts resolution keeps between runs in this process. */
export const corpusPhrases = new PhraseCounts();
export const corpusCaseCounts = new CaseCountsKept();
