// The candidate pairs of a masked sentence for the stance model, and what the rule readings said of each:
// every two slots (named entities, and pronouns or roles resolved by discourse.ts) that are different things.
import type { Mention, Sentence, StanceMention } from "../../types.js";
import type { PairInput, RuleHint } from "../stance-model/features.js";
import { mask, type Masked } from "../mask.js";
import { readStances } from "./readings.js";

/** At most this many pairs of one sentence are scored (the nearest first): a list of twenty names is 190 pairs. */
export const MAX_PAIRS_PER_SENTENCE = 24;

export interface Candidate {
  /** Mention indexes of the two sides, `a` written first. */
  a: number;
  b: number;
  /** Where each side is written in the sentence: a name without its title, or the pronoun or role. */
  aSpan: [number, number];
  bSpan: [number, number];
}

/** The name inside a mention's surface: "President Vladimir Putin's" -> the span of "Vladimir Putin". */
export function nameSpan(m: Mention): [number, number] {
  const at = m.surface.indexOf(m.name);
  return at < 0 ? [m.start, m.end] : [m.start + at, m.start + at + m.name.length];
}

/** The candidate pairs of one masked sentence, nearest first, at most MAX_PAIRS_PER_SENTENCE: one per two things. */
export function candidatePairs(masked: Masked, mentions: Mention[], max = MAX_PAIRS_PER_SENTENCE): Candidate[] {
  return pairInstances(masked, mentions, max).map((instances) => instances[0]!);
}

/**
 * Every place two things are written in one sentence, nearest first, grouped by the two things (at most `max`
 * groups, nearest group first). The nearest is not always where the stance is: in "Anil's demand that Anand Jain -
 * a board member accused by Anil of ..." the stance is read from the second "Anil".
 */
export function pairInstances(masked: Masked, mentions: Mention[], max = MAX_PAIRS_PER_SENTENCE): Candidate[][] {
  const sides = [...masked.slots.values()]
    .map((s) => ({ mention: s.mention, span: s.resolved ? s.span : nameSpan(mentions[s.mention]!) }))
    .sort((p, q) => p.span[0] - q.span[0]);
  const out: (Candidate & { distance: number })[] = [];
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const [p, q] = [sides[i]!, sides[j]!];
      if (mentions[p.mention]!.cluster === mentions[q.mention]!.cluster || q.span[0] < p.span[1]) continue;
      out.push({ a: p.mention, b: q.mention, aSpan: p.span, bSpan: q.span, distance: q.span[0] - p.span[1] });
    }
  }
  // Two names of one thing ("the Financial Services Authority (FSA)") are one group.
  const groups = new Map<string, Candidate[]>();
  for (const { a, b, aSpan, bSpan } of out.sort((p, q) => p.distance - q.distance || p.aSpan[0] - q.aSpan[0])) {
    const key = [mentions[a]!.cluster, mentions[b]!.cluster].sort().join("|");
    const group = groups.get(key) ?? [];
    if (group.length === 0 && groups.size >= max) continue;
    group.push({ a, b, aSpan, bSpan });
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** What the rule readings said of one pair, as the model's rule features. */
export function hintsFor(c: Candidate, ruled: readonly StanceMention[]): RuleHint[] {
  return ruled
    .filter((r) => (r.holder === c.a && r.target === c.b) || (r.holder === c.b && r.target === c.a))
    .map((r) => ({ holderIsA: r.holder === c.a, stance: r.stance }));
}

/** The model's input for a candidate of a sentence. */
export const pairInput = (sentence: Sentence, c: Candidate, ruled: readonly StanceMention[]): PairInput => ({
  text: sentence.text,
  a: c.aSpan,
  b: c.bSpan,
  rules: hintsFor(c, ruled),
});

/**
 * A sentence with two marked entities and nothing else known (the DSE benchmark's rows): the model's input,
 * with the rule readings run over the sentence as if the two were the only names in it.
 */
export function standalonePair(text: string, a: [number, number], b: [number, number]): PairInput {
  const sentence: Sentence = { id: "s", docId: "d", index: 1, start: 0, end: text.length, text };
  const mention = (span: [number, number], i: number): Mention => {
    const surface = text.slice(span[0], span[1]);
    return { sentenceId: "s", docId: "d", start: span[0], end: span[1], surface, name: surface, type: "person", cluster: `pair:${i}` };
  };
  const mentions = [mention(a, 0), mention(b, 1)];
  const order = a[0] <= b[0] ? [0, 1] : [1, 0];
  let ruled: StanceMention[] = [];
  if (a[1] <= b[0] || b[1] <= a[0]) {
    const masked = mask(
      sentence,
      order.map((index) => ({ index, m: mentions[index]! })),
      [],
    );
    ruled = readStances(sentence, masked, mentions);
  }
  return {
    text,
    a,
    b,
    rules: ruled.filter((r) => r.holder !== r.target).map((r) => ({ holderIsA: r.holder === 0, stance: r.stance })),
  };
}
