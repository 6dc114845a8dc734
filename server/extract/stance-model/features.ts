// Features of one candidate pair: a sentence and two entity spans in it, X (the one written first) and Y. Pure: the
// same sentence and spans give the same feature strings, in training (DSE and BBC label sets) and in the pipeline.
//
// "⟦X⟧ has sharply criticised ⟦Y⟧'s plan, aides said" gives, among others:
//   B:criticise  BB:sharply_criticise  cue:B:oppose  cue1:oppose  y+1:'s  R:said  speech:R  gap:2-3
// The words are tagged with their region (L before X, B between, R after Y), so "⟦X⟧ praised ⟦Y⟧" and "praise
// for ⟦X⟧ from ⟦Y⟧" differ; the five classes (none, X supports Y, Y supports X, X opposes Y, Y opposes X) carry
// the direction, so the features need not.
import type { Stance } from "../../types.js";
import { AGENT_NOUNS, HEDGES, NEGATIONS, NOUN_CUES, REFUSALS, VERB_CUES } from "../lexicon/stance-cues.js";
import { ATTRIBUTION_WORDS } from "../lexicon/speech.js";

/** What the rule readings (06-stances/readings.ts) said of this pair, fed to the model as features. */
export interface RuleHint {
  /** The holder is the span `a` of the pair (else `b`). */
  holderIsA: boolean;
  stance: Stance;
}

export interface PairInput {
  text: string;
  /** The two entity spans (offsets into `text`), in either order; they must not overlap. */
  a: [number, number];
  b: [number, number];
  rules?: RuleHint[];
}

const X = "⟦X⟧";
const Y = "⟦Y⟧";
const TOKEN = /⟦[XY]⟧|[\p{L}\p{N}][\p{L}\p{N}&-]*(?:\.(?=\p{L})[\p{L}]+)*|['’]s?\b|[^\s\p{L}\p{N}]/gu;

/** Lower-cased word forms of the cue lexicon, each with its lemma and polarity: "slammed" -> slam, oppose. */
const cueOf = new Map<string, { lemma: string; polarity: Stance }>();
for (const c of VERB_CUES) for (const f of c.forms) if (!f.includes(" ")) cueOf.set(f, c);
for (const n of NOUN_CUES) for (const f of n.forms) if (!cueOf.has(f)) cueOf.set(f, { lemma: f, polarity: n.polarity });
for (const a of AGENT_NOUNS) for (const f of a.forms) if (!cueOf.has(f)) cueOf.set(f, { lemma: f, polarity: a.polarity });
cueOf.set("critical", { lemma: "critical", polarity: "oppose" });
cueOf.set("supportive", { lemma: "supportive", polarity: "support" });
/** Two-word cues ("hit back", "pay tribute"), keyed by their first word. */
const phraseCues = new Map<string, { rest: string; lemma: string; polarity: Stance }[]>();
for (const c of VERB_CUES)
  for (const f of c.forms) {
    const [first, ...rest] = f.split(" ");
    if (rest.length === 0) continue;
    phraseCues.set(first!, [...(phraseCues.get(first!) ?? []), { rest: rest[0]!, lemma: c.lemma, polarity: c.polarity }]);
  }
const negations = new Set<string>([...NEGATIONS.filter((n) => !n.includes(" ")), "no", "nor", "without"]);
const hedges = new Set<string>(HEDGES.filter((h) => !h.includes(" ")));
const refusals = new Set(REFUSALS.map((r) => r.split(" ")[0]!));
/** Verbs of speech and attribution: a cue after them may be someone else's opinion, reported. */
const SPEECH: ReadonlySet<string> = new Set(ATTRIBUTION_WORDS);
const AUXILIARIES = new Set(["was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"]);

export interface Token {
  /** The word as the model sees it: lower case, a cue by its lemma, digits as 0, the two entities as ⟦X⟧ and ⟦Y⟧. */
  w: string;
  /** Polarity when the word is a cue of the lexicon. */
  cue?: Stance;
  /** Capitalised in the text, not the sentence's first word: maybe another name ("Smith", "Senate"). */
  cap?: boolean;
  /** Offset of the token in the input text (the entity start for ⟦X⟧ / ⟦Y⟧). */
  at: number;
  end: number;
}

/**
 * The sentence as tokens with the two entities as ⟦X⟧ and ⟦Y⟧ (X written first). `swapped` says that `b` is X.
 * Returns undefined when the spans overlap or are empty.
 */
export function pairTokens(input: PairInput): { tokens: Token[]; x: number; y: number; swapped: boolean } | undefined {
  const swapped = input.b[0] < input.a[0];
  const [first, second] = swapped ? [input.b, input.a] : [input.a, input.b];
  if (first[1] <= first[0] || second[1] <= second[0] || second[0] < first[1]) return undefined;
  const tokens: Token[] = [];
  const read = (from: number, to: number) => {
    for (const m of input.text.slice(from, to).matchAll(TOKEN)) tokens.push(word(m[0], from + m.index));
  };
  read(0, first[0]);
  const x = tokens.push({ w: X, at: first[0], end: first[1] }) - 1;
  read(first[1], second[0]);
  const y = tokens.push({ w: Y, at: second[0], end: second[1] }) - 1;
  read(second[1], input.text.length);
  for (let i = 1; i < tokens.length; i++) {
    const raw = input.text.slice(tokens[i]!.at, tokens[i]!.end);
    if (tokens[i]!.w !== X && tokens[i]!.w !== Y && /^\p{Lu}/u.test(raw) && !/^[.!?"“:]$/.test(tokens[i - 1]!.w)) tokens[i]!.cap = true;
  }
  // Two-word cues: "hit back" is one oppose cue, on its first token.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const phrase = phraseCues.get(tokens[i]!.w)?.find((p) => p.rest === tokens[i + 1]!.w);
    if (phrase) tokens[i] = { ...tokens[i]!, w: phrase.lemma, cue: phrase.polarity };
  }
  return { tokens, x, y, swapped };
}

function word(raw: string, at: number): Token {
  const lower = raw.toLowerCase().replace(/’/g, "'");
  const cue = cueOf.get(lower);
  if (cue) return { w: cue.lemma, cue: cue.polarity, at, end: at + raw.length };
  return { w: /\d/.test(lower) ? "0" : lower, at, end: at + raw.length };
}

/** A crude stem, so that "blames", "blamed" and "blaming" share a feature. */
const stem = (w: string) => (w.length > 5 ? w.replace(/(?:ing|ed|es|s)$/, "") : w);

const bucket = (n: number) => (n <= 1 ? String(n) : n <= 3 ? "2-3" : n <= 6 ? "4-6" : n <= 10 ? "7-10" : n <= 20 ? "11-20" : "21+");

/** The words between the pair as classes, runs of one class collapsed: "has sharply criticised" -> "w-C". */
function shapeOf(between: readonly Token[]): string {
  const out: string[] = [];
  for (const t of between) {
    const c = t.cue ? "C" : SPEECH.has(t.w) ? "S" : t.cap ? "N" : /^\p{L}/u.test(t.w) ? "w" : "P";
    if (out[out.length - 1] !== c) out.push(c);
  }
  return out.join("-") || "none";
}

/** Token indexes inside double quotes. */
function quoted(tokens: Token[]): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  for (const t of tokens) {
    if (t.w === '"') open = !open;
    else if (t.w === "“") open = true;
    else if (t.w === "”") open = false;
    inside.push(open);
  }
  return inside;
}

/** The pair as the model reads it: its tokens, X and Y's indexes, and whether `b` is X. */
export type PairTokens = NonNullable<ReturnType<typeof pairTokens>>;

/**
 * The features of one pair, or undefined when its spans overlap. `read` is the pair's tokens when the caller
 * has them already (the stance stage tokenises once per pair, to check for a cue before it scores).
 */
export function pairFeatures(input: PairInput, read: PairTokens | undefined = pairTokens(input)): string[] | undefined {
  if (!read) return undefined;
  const { tokens, x, y, swapped } = read;
  const at = (i: number) => (i < 0 ? "^" : i >= tokens.length ? "$" : tokens[i]!.w);
  const f = ["bias", `gap:${bucket(y - x - 1)}`];
  const regions: [string, number, number][] = [
    ["L", 0, x],
    ["B", x + 1, y],
    ["R", y + 1, tokens.length],
  ];
  for (const [name, from, to] of regions) {
    for (let i = from; i < to; i++) {
      f.push(`${name}:${tokens[i]!.w}`);
      if (i + 1 < to) f.push(`${name}${name}:${tokens[i]!.w}_${tokens[i + 1]!.w}`);
      if (name === "B") {
        f.push(`Bs:${stem(tokens[i]!.w)}`);
        if (i + 2 < to) f.push(`BBB:${tokens[i]!.w}_${tokens[i + 1]!.w}_${tokens[i + 2]!.w}`);
      }
    }
  }
  f.push(`x-1:${at(x - 1)}`, `x-2:${at(x - 2)}_${at(x - 1)}`, `x+1:${at(x + 1)}`, `x+2:${at(x + 1)}_${at(x + 2)}`);
  f.push(`y-1:${at(y - 1)}`, `y-2:${at(y - 2)}_${at(y - 1)}`, `y+1:${at(y + 1)}`, `y+2:${at(y + 1)}_${at(y + 2)}`);
  f.push(`x+3:${at(x + 1)}_${at(x + 2)}_${at(x + 3)}`, `y-3:${at(y - 3)}_${at(y - 2)}_${at(y - 1)}`);
  if (y === x + 1) f.push("adjacent");

  // Cues by region, the first cue between the pair with what comes before it (negation, refusal, hedge, speech).
  const polar: string[] = [];
  for (const [name, from, to] of regions) {
    for (let i = from; i < to; i++) {
      const cue = tokens[i]!.cue;
      if (!cue) continue;
      const near = name === "L" ? x - i <= 4 : name === "R" ? i - y <= 4 : true;
      f.push(`cue:${name}:${cue}`, `cuel:${name}:${tokens[i]!.w}`);
      if (near) f.push(`cuenear:${name}:${cue}`);
      const window = tokens.slice(Math.max(from, i - 3), i).map((t) => t.w);
      if (window.some((w) => negations.has(w))) f.push(`negcue:${name}:${cue}`);
      if (window.some((w) => refusals.has(w))) f.push(`refusecue:${name}:${cue}`);
      if (window.some((w) => hedges.has(w))) f.push(`hedgecue:${name}:${cue}`);
      if (name === "B") polar.push(cue);
    }
  }
  if (polar.length > 0) f.push(`cue1:${polar[0]}`, `cuelast:${polar[polar.length - 1]}`);
  // Other names (capitalised words) between the pair, and between X and the first cue after it: whoever stands
  // nearer the cue may be the one who holds the stance.
  const between = tokens.slice(x + 1, y);
  f.push(`capB:${bucket(between.filter((t) => t.cap).length)}`);
  const firstCue = between.findIndex((t) => t.cue);
  if (firstCue >= 0) {
    f.push(`cap-x-cue:${between.slice(0, firstCue).some((t) => t.cap)}:${between[firstCue]!.cue}`);
    f.push(`cap-cue-y:${between.slice(firstCue + 1).some((t) => t.cap)}:${between[firstCue]!.cue}`);
    f.push(`x-cue-gap:${bucket(firstCue)}`, `cue-y-gap:${bucket(between.length - firstCue - 1)}`);
    // The cue's polarity with how far it stands from each side: a cue next to X is more likely X's own.
    f.push(`cue-gap:${between[firstCue]!.cue}:${bucket(firstCue)}:${bucket(between.length - firstCue - 1)}`);
  } else f.push("nocue:B");
  // The shape of the words between: cue C, capitalised N, speech S, comma or other mark P, else w (runs collapsed).
  if (between.length <= 12) f.push(`shape:${shapeOf(between)}`);
  // The nearest cue before X, with its polarity and distance ("criticism of ⟦X⟧ by ⟦Y⟧", "praising ⟦X⟧, ⟦Y⟧ said").
  for (let i = x - 1; i >= 0 && x - i <= 6; i--) {
    if (!tokens[i]!.cue) continue;
    f.push(`cue-pre-x:${tokens[i]!.cue}:${bucket(x - i - 1)}`);
    break;
  }

  // Reported speech, passive "by", negation, quotes.
  for (const [name, from, to] of regions) {
    const words = tokens.slice(from, to).map((t) => t.w);
    if (words.some((w) => SPEECH.has(w))) f.push(`speech:${name}`);
    if (words.some((w) => negations.has(w))) f.push(`neg:${name}`);
    if (words.some((w) => w === '"' || w === "“" || w === "”")) f.push(`quote:${name}`);
  }
  // "by ⟦Y⟧", "by Governor ⟦Y⟧", "from the ⟦Y⟧": the word before a side, past up to two titles or an article.
  const lead = (i: number) => {
    let j = i - 1;
    while (j > i - 3 && j >= 0 && (tokens[j]!.cap || tokens[j]!.w === "the")) j--;
    return j;
  };
  const byY = lead(y);
  if (at(byY) === "by" || at(byY) === "from") {
    f.push(`by-y:${at(byY)}`);
    if (tokens.slice(x + 1, byY).some((t) => AUXILIARIES.has(t.w))) f.push("passive-by-y");
    if (polar.length > 0) f.push(`by-y-cue:${polar[polar.length - 1]}`);
  }
  if (at(lead(x)) === "by" || at(lead(x)) === "from") f.push("by-x");
  if (at(x + 1) === "'s" || at(x + 1) === "'") f.push("x-owner");
  if (at(y + 1) === "'s" || at(y + 1) === "'") f.push("y-owner");
  if (at(y + 1) === "of" && polar.length > 0) f.push(`y-of-cue:${polar[polar.length - 1]}`);
  // The speaker of the sentence: "⟦Y⟧ said", "said ⟦Y⟧", "according to ⟦Y⟧", with the polarity of the cues said.
  const speaks = (i: number) => SPEECH.has(at(i + 1)) || SPEECH.has(at(i - 1)) || (at(i - 1) === "to" && at(i - 2) === "according");
  const cues = new Set(tokens.flatMap((t) => (t.cue ? [t.cue] : [])));
  for (const [side, i] of [
    ["x", x],
    ["y", y],
  ] as const) {
    if (!speaks(i)) continue;
    f.push(`speaker:${side}`);
    for (const c of cues) f.push(`speaker:${side}:${c}`);
  }
  const q = quoted(tokens);
  if (q[x]) f.push("x-quoted");
  if (q[y]) f.push("y-quoted");
  // Who leads the sentence: X with no word before it but a title or article is likely the subject.
  if (x <= 2) f.push("x-opens");

  for (const r of input.rules ?? []) {
    const holderIsX = r.holderIsA !== swapped;
    f.push(`rule:${holderIsX ? "XY" : "YX"}:${r.stance}`);
  }
  return f;
}
