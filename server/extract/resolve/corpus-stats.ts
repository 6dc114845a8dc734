// What the whole corpus knows about words and documents, read once per resolution: how often a word is written
// lower-case and how often capitalised inside a sentence, which years a sentence names.
import type { DocExtraction } from "../../types.js";
import { HONORIFICS, TITLE_WORDS } from "../lexicon/titles.js";

const WORD = /[\p{L}][\p{L}'’-]*/gu;
const YEAR = /(?<![\p{L}\p{N}])((?:19|20)\d\d)(?![\p{L}\p{N}])/gu;

export interface CaseCounts {
  /** Lower-case form -> times written lower-case. */
  lower: Map<string, number>;
  /** Exact form -> times written capitalised on its own (no capitalised word beside it), not first in a sentence. */
  capitalised: Map<string, number>;
  /** Lower-case form of a capitalised word -> times it stands right before a lower-case title ("Veritas leader"). */
  titleQualifier: Map<string, number>;
}

/** Counts every word of the corpus by case; a sentence's first word says nothing about case and is skipped. */
export function caseCounts(docs: readonly DocExtraction[]): CaseCounts {
  const lower = new Map<string, number>();
  const capitalised = new Map<string, number>();
  const titleQualifier = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const word = new RegExp(WORD.source, "gu");
  for (const d of docs) {
    for (const s of d.sentences) {
      // One pass; a capitalised word is settled when the next word shows whether it touches another capitalised one.
      // Words touch when one space apart: "Terrorism Bill" is one name, "the bill" a noun.
      let index = 0;
      let prev: { w: string; upper: boolean; title: boolean; end: number; joined: boolean } | undefined;
      word.lastIndex = 0;
      for (let m = word.exec(s.text); ; m = word.exec(s.text)) {
        const w = m?.[0];
        const c = w?.charCodeAt(0) ?? 0;
        const upper = w !== undefined && !((c >= 97 && c <= 122) || w[0] === w[0]!.toLowerCase());
        const touches = m !== null && prev !== undefined && prev.end + 1 === m.index;
        if (prev?.upper && index > 1 && !prev.joined && !(upper && touches && !prev.title)) bump(capitalised, prev.w);
        if (!m || w === undefined) break;
        if (!upper && touches && prev!.upper && TITLE_WORDS.has(w) && !HONORIFICS.has(w)) bump(titleQualifier, prev!.w.toLowerCase());
        if (!upper && index > 0) bump(lower, w);
        // "Mr Brown", "Then Brown": a title or a sentence's first word in front does not make one name with it
        const title = TITLE_WORDS.has(w.toLowerCase());
        prev = { w, upper, title, end: m.index + w.length, joined: upper && touches && prev!.upper && index > 1 && !prev!.title };
        index++;
      }
    }
  }
  return { lower, capitalised, titleQualifier };
}

/**
 * "A capitalised word the corpus mostly writes lower-case is a common noun": true when the lower-case form is written
 * at least twice as often as the capitalised form on its own inside sentences. A word the corpus never writes inside
 * a sentence is not known to be common ("Mark Tait" opening a sentence keeps its first name).
 */
export function mostlyLowerCase(counts: CaseCounts, word: string): boolean {
  const lower = counts.lower.get(word.toLowerCase()) ?? 0;
  const capitalised = counts.capitalised.get(word) ?? 0;
  return lower > 0 && lower >= 2 * capitalised;
}

/** The years a text names ("the 2005 election", "in March 2004"), in order. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map((m) => Number(m[1]));
}
