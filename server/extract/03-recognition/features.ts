// Word-level features for the NER tagger. Every feature is a short string key
// ("w=obama", "sh=Xx", "g=country:U"); the perceptron interns them to integer ids.

import { matchGazetteer, type Gazetteer } from "./gazetteer.js";

/** What the feature extractor knows besides the sentence itself. */
export interface FeatureContext {
  gazetteer: Gazetteer;
  /** Lowercased words seen written in lowercase in the training text ("police", "the"). */
  lowerVocab: Set<string>;
  /** Lexicons learned from training labels: lowercased word -> list tags like "PER-first". */
  lexicon: Map<string, string[]>;
  /**
   * Normalised words seen at least twice in training. Others get "w=<unk>" instead of their
   * own word feature, so the weights learn what to do with a new name ("Zelensky") from the
   * training words seen only once.
   */
  knownWords?: Set<string>;
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
  return token.toLowerCase().replace(/’/g, "'").replace(/\d/g, "0").replace(/\|/g, "¦");
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
    else c = ch === "’" ? "'" : ch === "|" ? "¦" : ch;
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
 * Features that depend only on the token itself (cacheable per distinct token):
 * bias, normalised word, shape, suffixes 1-4, prefixes 2-4, training-lexicon tags.
 * Example: "Clinton" -> ["b", "w=clinton", "sh=Xx", "x1=n", ..., "lx=PER"].
 */
export function tokenFeatures(tok: string, ctx: FeatureContext): string[] {
  const w = normalizeWord(tok);
  const known = ctx.knownWords === undefined || ctx.knownWords.has(w);
  const f = ["b", known ? "w=" + w : "w=<unk>", "sh=" + wordShape(tok)];
  const len = w.length;
  for (let k = 1; k <= 4 && k < len; k++) f.push(`x${k}=` + w.slice(len - k));
  for (let k = 2; k <= 4 && k < len; k++) f.push(`p${k}=` + w.slice(0, k));
  if (len > 12) f.push("long");
  const lex = ctx.lexicon.get(tok.toLowerCase().replace(/’/g, "'"));
  if (lex !== undefined) for (const l of lex) f.push("lx=" + l);
  return f;
}

/** Relative positions whose word and shape are features of a token: w-2, w-1, w+1, w+2 and s-1, s+1. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;

/** Features a token contributes to the token `offset` positions away: "Mr." at -1 -> ["w-1=mr.", "s-1=Xx."]. */
export function neighbourFeatures(tok: string, offset: number): string[] {
  const name = offset < 0 ? `${offset}` : `+${offset}`;
  const f = [`w${name}=` + normalizeWord(tok)];
  if (offset === 1 || offset === -1) f.push(`s${name}=` + wordShape(tok));
  return f;
}

/** Per-sentence facts the contextual features need, computed once and shared by both passes. */
export interface SentenceInfo {
  tokens: readonly string[];
  caps: boolean;
  norm: string[];
  lower: string[];
  shape: string[];
  gaz: string[][];
}

export function sentenceInfo(tokens: readonly string[], ctx: FeatureContext): SentenceInfo {
  const lower = tokens.map((t) => t.toLowerCase().replace(/’/g, "'"));
  return {
    tokens,
    caps: isAllCapsSentence(tokens),
    norm: tokens.map(normalizeWord),
    lower,
    shape: tokens.map(wordShape),
    gaz: matchGazetteer(lower, ctx.gazetteer),
  };
}

/**
 * Features of token i that depend on its neighbours or the document (besides `pairParts`):
 * missing neighbours ("<s>", "</s>"), the shape trigram, ALL-CAPS line, sentence start, gazetteer marks,
 * and document case evidence.
 */
export function contextFeatures(info: SentenceInfo, i: number, ctx: FeatureContext, doc?: DocStats): string[] {
  const { tokens, norm, shape, gaz, caps } = info;
  const n = tokens.length;
  const S = (k: number): string => (k < 0 ? "<s>" : k >= n ? "</s>" : shape[k]);
  const w = norm[i];
  const sh = shape[i];
  const tok = tokens[i];
  const f: string[] = [];
  if (i < 2) f.push(i === 0 ? "w-1=<s>" : "w-2=<s>", ...(i === 0 ? ["w-2=<s>", "s-1=<s>"] : []));
  if (i >= n - 2) f.push(i === n - 1 ? "w+1=</s>" : "w+2=</s>", ...(i === n - 1 ? ["w+2=</s>", "s+1=</s>"] : []));
  f.push("s-1ss+1=" + S(i - 1) + "|" + sh + "|" + S(i + 1));
  const start = i === 0 || OPENERS.has(tokens[i - 1]);
  if (caps) f.push("AC|" + sh, "AC|w=" + w);
  if (start) f.push("st|" + sh);
  for (const g of gaz[i]) f.push("g=" + g);
  if (i > 0) for (const g of gaz[i - 1]) f.push("g-1=" + g);
  if (i + 1 < n) for (const g of gaz[i + 1]) f.push("g+1=" + g);
  const up = STARTS_UPPER.test(tok);
  // Is the capitalised word also a common lowercase word ("Police", "Trending") or not ("Zelensky")?
  if (up) f.push((ctx.lowerVocab.has(info.lower[i]) ? "lv|" : "nolv|") + (caps ? "AC" : start ? "st" : "mid"));
  if (doc !== undefined && up && HAS_LETTER.test(tok)) pushDocFeatures(f, tok, w, caps, start, doc);
  return f;
}

/**
 * Two-part features as [left, right] in PAIR_TEMPLATES order; the feature string is
 * `${template}=${left}|${right}` ("w-1w=mr.|smith"). Kept apart so tagging can look them up
 * in nested maps without building the string.
 */
export const PAIR_TEMPLATES = ["s-1s", "ss+1", "w-1w", "ww+1", "w-1s", "sw+1"] as const;

export function pairParts(info: SentenceInfo, i: number): [string, string][] {
  const { norm, shape } = info;
  const n = norm.length;
  const W = (k: number): string => (k < 0 ? "<s>" : k >= n ? "</s>" : norm[k]);
  const S = (k: number): string => (k < 0 ? "<s>" : k >= n ? "</s>" : shape[k]);
  const w = norm[i];
  const sh = shape[i];
  return [
    [S(i - 1), sh],
    [sh, S(i + 1)],
    [W(i - 1), w],
    [w, W(i + 1)],
    [W(i - 1), sh],
    [sh, W(i + 1)],
  ];
}

/**
 * Second-pass features: the entity type a first pass gave this (capitalised) word most often
 * elsewhere in the document. Example: "Clinton" tagged PER in the body -> "dp=PER" in the headline.
 */
export function predictionFeatures(info: SentenceInfo, predicted: Map<string, Record<string, number>>): string[][] {
  return info.tokens.map((tok, i) => {
    if (!STARTS_UPPER.test(tok)) return [];
    const pred = predicted.get(info.lower[i]);
    if (pred === undefined) return [];
    let best = "";
    let bestCount = 0;
    for (const [label, count] of Object.entries(pred)) {
      if (count > bestCount) {
        best = label;
        bestCount = count;
      }
    }
    return best === "" ? [] : ["dp=" + best];
  });
}

/**
 * All features for every token of one sentence (the training path; tagging assembles the same
 * features from cached per-token ids). Without `doc` the document features are absent.
 */
export function sentenceFeatures(tokens: readonly string[], ctx: FeatureContext, doc?: DocStats): string[][] {
  const info = sentenceInfo(tokens, ctx);
  const n = tokens.length;
  const predicted = doc?.predicted !== undefined ? predictionFeatures(info, doc.predicted) : undefined;
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const f = tokenFeatures(tokens[i], ctx);
    for (const off of NEIGHBOUR_OFFSETS) {
      const j = i + off;
      if (j >= 0 && j < n) f.push(...neighbourFeatures(tokens[j], off));
    }
    f.push(...contextFeatures(info, i, ctx, doc));
    pairParts(info, i).forEach(([l, r], k) => f.push(`${PAIR_TEMPLATES[k]}=${l}|${r}`));
    if (predicted !== undefined) f.push(...predicted[i]);
    out.push(f);
  }
  return out;
}

/**
 * Document features for a capitalised word: was it written capitalised mid-sentence or in
 * lowercase elsewhere in the document?
 * Example: headline "CLINTON SAYS ..." with "Bill Clinton" in the body -> "dc=C", "dsh=Xx".
 */
function pushDocFeatures(f: string[], tok: string, w: string, caps: boolean, start: boolean, doc: DocStats): void {
  const selfMid = !caps && !start && HAS_LOWER.test(tok);
  const cap = others(doc.capMid, w, selfMid) > 0;
  const low = (doc.lower.get(w) ?? 0) > 0;
  const where = caps ? "AC" : start ? "st" : "mid";
  f.push(`dc=${cap ? "C" : ""}${low ? "L" : ""}|${where}`);
  if (caps) {
    const mixed = doc.mixedForm.get(w);
    if (mixed !== undefined) f.push("dsh=" + wordShape(mixed));
  }
}
