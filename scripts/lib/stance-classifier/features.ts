// Features of a candidate stance pair (holder slot, target slot) in a masked sentence, for the learned-stance
// experiment (scripts/stance-classifier-cv.ts). Pure: the same masked sentence and pair give the same feature strings.
//
// "⟦4⟧ has criticised ⟦5⟧'s comments" with holder 4 and target 5 gives, among others:
//   dir=HT  b=HT:has  b=HT:criticise  cue=HT:oppose  t+1='s  ty=person>person
// The rules in 07-stances/ read the constructions they know; these features let a model weigh the same
// words (and others the rules never list) wherever they stand.

import type { EntityType, Stance } from "../../../server/types.js";
import { HEDGES, NEGATIONS, NOUN_CUES, REFUSALS, VERB_CUES } from "../../../server/extract/lexicon/stance-cues.js";

export interface Token {
  text: string;
  /** Offset of the token in the masked text. */
  at: number;
  /** Placeholder id when the token is an entity slot ("4", "p0"). */
  slot?: string;
}

/** What a pair's features need to know about its two slots besides the words. */
export interface PairInfo {
  holderType: EntityType;
  targetType: EntityType;
  /** The holder is a pronoun or role resolved from earlier sentences ("He", "the chancellor"). */
  holderResolved: boolean;
  targetResolved: boolean;
}

const TOKEN = /⟦p?\d+⟧|[\p{L}\p{N}][\p{L}\p{N}&-]*(?:\.(?=\p{L})[\p{L}]+)*|['’]s?\b|[^\s\p{L}\p{N}]/gu;

export function tokenize(masked: string): Token[] {
  return [...masked.matchAll(TOKEN)].map((m) => {
    const slot = /^⟦(p?\d+)⟧$/.exec(m[0])?.[1];
    return slot === undefined ? { text: m[0], at: m.index } : { text: m[0], at: m.index, slot };
  });
}

const cueOf = new Map<string, { lemma: string; polarity: Stance }>();
for (const c of VERB_CUES) for (const f of c.forms) if (!f.includes(" ")) cueOf.set(f, c);
for (const n of NOUN_CUES) for (const f of n.forms) if (!cueOf.has(f)) cueOf.set(f, { lemma: f, polarity: n.polarity });
const negations = new Set<string>(NEGATIONS.filter((n) => !n.includes(" ")));
const hedges = new Set<string>(HEDGES.filter((h) => !h.includes(" ")));
const refusals = new Set(REFUSALS.map((r) => r.split(" ")[0]!));

/** A word as the model sees it: lower case, a cue by its lemma, digits as 0, a slot as ENT. */
export function normalize(token: Token): string {
  if (token.slot !== undefined) return "ENT";
  const lower = token.text.toLowerCase().replace(/’/g, "'");
  const cue = cueOf.get(lower);
  if (cue) return cue.lemma;
  if (/\d/.test(lower)) return "0";
  return lower;
}

/** The stance a single word carries by the lexicon: "criticised" -> oppose. */
export function cuePolarity(token: Token): Stance | undefined {
  return token.slot === undefined ? cueOf.get(token.text.toLowerCase())?.polarity : undefined;
}

const bucket = (n: number) => (n <= 3 ? String(n) : n <= 6 ? "4-6" : n <= 10 ? "7-10" : "11+");

/** Token ranges inside double quotes: a name there is what someone said, not who said it. */
export function quotedTokens(tokens: Token[]): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  for (const t of tokens) {
    if (t.text === '"') {
      inside.push(true);
      open = !open;
    } else if (t.text === "“" || t.text === "”") {
      inside.push(true);
      open = t.text === "“";
    } else inside.push(open);
  }
  return inside;
}

/**
 * The features of "holder (token h) stands for or against target (token t)". Words between the two are
 * read with the direction ("HT": holder first), since "⟦a⟧ criticised ⟦b⟧" and "⟦b⟧ criticised ⟦a⟧" differ.
 */
export function pairFeatures(tokens: Token[], h: number, t: number, info: PairInfo, quoted = quotedTokens(tokens)): string[] {
  const dir = h < t ? "HT" : "TH";
  const lo = Math.min(h, t);
  const hi = Math.max(h, t);
  const between = tokens.slice(lo + 1, hi);
  const word = (i: number) => (i >= 0 && i < tokens.length ? normalize(tokens[i]!) : i < 0 ? "^" : "$");
  const f = ["bias", `dir=${dir}`, `gap=${dir}:${bucket(between.length)}`, `ty=${info.holderType}>${info.targetType}`];
  if (info.holderResolved) f.push("hres", `hres+dir=${dir}`);
  if (info.targetResolved) f.push("tres");
  if (quoted[h]) f.push("hq");
  if (quoted[t]) f.push("tq");
  if (!tokens.slice(0, h).some((x) => x.slot !== undefined)) f.push("hfirst");

  let entities = 0;
  const polarities: string[] = [];
  let negated = false;
  let refused = false;
  let hedged = false;
  between.forEach((tok, i) => {
    const w = normalize(tok);
    f.push(`b=${dir}:${w}`);
    if (i + 1 < between.length) f.push(`bb=${dir}:${w}_${normalize(between[i + 1]!)}`);
    if (tok.slot !== undefined) entities++;
    const polarity = cuePolarity(tok);
    if (polarity) {
      polarities.push(polarity);
      f.push(
        `cue=${dir}:${polarity}`,
        `cuel=${dir}:${w}`,
        `cuepos=${dir}:${polarity}:${i === 0 ? "first" : i === between.length - 1 ? "last" : "mid"}`,
      );
    }
    if (negations.has(w) || w === "n't") negated = true;
    if (refusals.has(w)) refused = true;
    if (hedges.has(w)) hedged = true;
    if (w === ",") f.push("comma");
    if (w === '"' || w === "“" || w === "”") f.push("quote-between");
    if (w === "said" || w === "says" || w === "told") f.push("speech-between");
  });
  f.push(`nent=${Math.min(entities, 2)}`);
  for (const p of polarities) {
    if (negated) f.push(`neg+cue=${p}`);
    if (refused) f.push(`refuse+cue=${p}`);
    if (hedged) f.push(`hedge+cue=${p}`);
  }
  if (polarities.length === 0) f.push(`nocue=${dir}`);
  // Cues just outside the pair: "criticism of ⟦a⟧ from ⟦b⟧" has its cue before both.
  for (let i = lo - 1; i >= Math.max(0, lo - 4); i--) {
    const p = cuePolarity(tokens[i]!);
    if (p) f.push(`cue-before=${dir}:${p}`);
  }
  for (let i = hi + 1; i <= Math.min(tokens.length - 1, hi + 4); i++) {
    const p = cuePolarity(tokens[i]!);
    if (p) f.push(`cue-after=${dir}:${p}`);
  }
  const polarityAt = (i: number) => (i >= 0 && i < tokens.length ? cuePolarity(tokens[i]!) : undefined) ?? "-";
  f.push(
    `t-1pol=${dir}:${polarityAt(t - 1)}`,
    `t-2pol=${dir}:${polarityAt(t - 2)}`,
    `h+1pol=${dir}:${polarityAt(h + 1)}`,
    `h+2pol=${dir}:${polarityAt(h + 2)}`,
  );
  f.push(
    `h-1=${word(h - 1)}`,
    `h+1=${word(h + 1)}`,
    `t-1=${word(t - 1)}`,
    `t+1=${word(t + 1)}`,
    `t+1+2=${word(t + 1)}_${word(t + 2)}`,
    `h-2-1=${word(h - 2)}_${word(h - 1)}`,
  );
  return f;
}
