// Word-level features for the NER tagger. Every feature is a short string key
// ("w=obama", "sh=Xx", "g=country:U"); the perceptron interns them to integer ids.

import { matchGazetteer, type Gazetteer } from "./gazetteer.ts";

/** What the feature extractor knows besides the sentence itself. */
export interface FeatureContext {
  gazetteer: Gazetteer;
  /** Lowercased words seen written in lowercase in the training text ("police", "the"). */
  lowerVocab: Set<string>;
  /** Lexicons learned from training labels: lowercased word -> list tags like "PER-first". */
  lexicon: Map<string, string[]>;
}

/** Document-level evidence about each lowercased word, from the other sentences of the document. */
export interface DocStats {
  /** lowercased word -> times written capitalised ("Clinton") away from a sentence start, outside ALL-CAPS lines. */
  capMid: Map<string, number>;
  /** lowercased word -> times written all-lowercase. */
  lower: Map<string, number>;
  /** lowercased word -> a mixed-case spelling seen in the document ("clinton" -> "Clinton"). */
  mixedForm: Map<string, string>;
  /** lowercased word -> counts of labels predicted for it by a first pass (two-pass tagging), e.g. {PER: 3}. */
  predicted?: Map<string, Record<string, number>>;
}

/** Lowercase, curly apostrophe -> straight, every digit -> 0: "1996-08-22" -> "0000-00-00". */
export function normalizeWord(token: string): string {
  return token.toLowerCase().replace(/’/g, "'").replace(/\d/g, "0");
}

/**
 * Word shape with runs collapsed: "McDonald" -> "XxXx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d",
 * "NATO" -> "X", "Zelenskyy’s" -> "Xx'x".
 */
export function wordShape(token: string): string {
  let out = "";
  let last = "";
  for (const ch of token) {
    let c: string;
    if (ch >= "0" && ch <= "9") c = "d";
    else if (ch !== ch.toLowerCase()) c = "X";
    else if (ch !== ch.toUpperCase()) c = "x";
    else c = ch === "’" ? "'" : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const HAS_LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** True for headline-style lines: letters present and none lowercase ("SOCCER - JAPAN GET LUCKY WIN"). */
export function isAllCapsSentence(tokens: readonly string[]): boolean {
  let letters = 0;
  for (const t of tokens) {
    if (!HAS_LETTER.test(t)) continue;
    if (HAS_LOWER.test(t)) return false;
    letters++;
  }
  return letters > 0;
}

/** Tokens after which a capital letter does not signal a name: start of sentence, after a quote or colon. */
const OPENERS = new Set(['"', "“", "‘", "``", ":", "(", "-", "--", "—", "–", "'"]);

export function createDocStats(): DocStats {
  return { capMid: new Map(), lower: new Map(), mixedForm: new Map() };
}

/** Adds one sentence's words to the document statistics. */
export function addToDocStats(stats: DocStats, tokens: readonly string[]): void {
  const caps = isAllCapsSentence(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!HAS_LETTER.test(t)) continue;
    const lw = normalizeWord(t);
    if (!HAS_LOWER.test(t) && caps) continue;
    if (!/\p{Lu}/u.test(t)) bump(stats.lower, lw);
    else if (i > 0 && !OPENERS.has(tokens[i - 1]) && !caps) {
      bump(stats.capMid, lw);
      if (HAS_LOWER.test(t) && !stats.mixedForm.has(lw)) stats.mixedForm.set(lw, t);
    }
  }
}

export function buildDocStats(sentences: readonly (readonly string[])[]): DocStats {
  const stats = createDocStats();
  for (const s of sentences) addToDocStats(stats, s);
  return stats;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The count for `key` with this occurrence's own contribution removed. */
function others(map: Map<string, number>, key: string, self: boolean): number {
  return (map.get(key) ?? 0) - (self ? 1 : 0);
}

/**
 * Features for every token of one sentence. `doc` is optional: without it the document
 * features are simply absent (a one-sentence input is its own document then).
 */
export function sentenceFeatures(tokens: readonly string[], ctx: FeatureContext, doc?: DocStats): string[][] {
  const n = tokens.length;
  const caps = isAllCapsSentence(tokens);
  const norm = tokens.map(normalizeWord);
  const lowerTokens = tokens.map((t) => t.toLowerCase().replace(/’/g, "'"));
  const shape = tokens.map(wordShape);
  const gaz = matchGazetteer(lowerTokens, ctx.gazetteer);
  const W = (i: number): string => (i < 0 ? "<s>" : i >= n ? "</s>" : norm[i]);
  const S = (i: number): string => (i < 0 ? "<s>" : i >= n ? "</s>" : shape[i]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const tok = tokens[i];
    const w = norm[i];
    const sh = shape[i];
    const start = i === 0 || OPENERS.has(tokens[i - 1]);
    const f: string[] = ["b", "w=" + w, "sh=" + sh, "w-1=" + W(i - 1), "w+1=" + W(i + 1), "w-2=" + W(i - 2), "w+2=" + W(i + 2)];
    f.push("s-1=" + S(i - 1), "s+1=" + S(i + 1), "s-1s=" + S(i - 1) + "|" + sh, "ss+1=" + sh + "|" + S(i + 1));
    f.push("s-1ss+1=" + S(i - 1) + "|" + sh + "|" + S(i + 1), "w-1w=" + W(i - 1) + "|" + w, "ww+1=" + w + "|" + W(i + 1));
    f.push("w-1s=" + W(i - 1) + "|" + sh, "sw+1=" + sh + "|" + W(i + 1));
    if (caps) f.push("AC|" + sh, "AC|w=" + w);
    if (start) f.push("st|" + sh);
    const len = w.length;
    for (let k = 1; k <= 4 && k < len; k++) f.push(`x${k}=` + w.slice(len - k));
    for (let k = 2; k <= 4 && k < len; k++) f.push(`p${k}=` + w.slice(0, k));
    if (len > 12) f.push("long");
    for (const g of gaz[i]) f.push("g=" + g);
    if (i > 0) for (const g of gaz[i - 1]) f.push("g-1=" + g);
    if (i + 1 < n) for (const g of gaz[i + 1]) f.push("g+1=" + g);
    const lex = ctx.lexicon.get(lowerTokens[i]);
    if (lex !== undefined) for (const l of lex) f.push("lx=" + l);
    const up = STARTS_UPPER.test(tok);
    if (up && ctx.lowerVocab.has(lowerTokens[i])) f.push("lv|" + (caps ? "AC" : start ? "st" : "mid"));
    if (doc !== undefined && up && HAS_LETTER.test(tok)) pushDocFeatures(f, tok, lowerTokens[i], w, caps, start, doc);
    out.push(f);
  }
  return out;
}

/**
 * Document features for a capitalised word: was it written capitalised mid-sentence or in
 * lowercase elsewhere in the document, and what did a first tagging pass call it there?
 * Example: headline "CLINTON SAYS ..." with "Bill Clinton" in the body -> "dc=C", "dsh=Xx".
 */
function pushDocFeatures(f: string[], tok: string, lower: string, w: string, caps: boolean, start: boolean, doc: DocStats): void {
  const selfMid = !caps && !start && HAS_LOWER.test(tok);
  const cap = others(doc.capMid, w, selfMid) > 0;
  const low = (doc.lower.get(w) ?? 0) > 0;
  const where = caps ? "AC" : start ? "st" : "mid";
  f.push(`dc=${cap ? "C" : ""}${low ? "L" : ""}|${where}`);
  if (caps) {
    const mixed = doc.mixedForm.get(w);
    if (mixed !== undefined) f.push("dsh=" + wordShape(mixed));
  }
  const pred = doc.predicted?.get(lower);
  if (pred !== undefined) {
    let best = "";
    let bestCount = 0;
    for (const [label, count] of Object.entries(pred)) {
      if (count > bestCount) {
        best = label;
        bestCount = count;
      }
    }
    if (best !== "") f.push("dp=" + best);
  }
}
