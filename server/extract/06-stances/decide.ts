// The stance model over a masked sentence: every candidate pair a rule did not read is scored (06-stances/pairs.ts),
// with the rule readings' stances as its features, and kept when the model's probability clears the threshold, a
// cue word of its polarity stands between the pair, and no check of overrule.ts drops it. A pair a rule read keeps
// the rule's stance. The probability is the stance's confidence; the cue is the lexicon cue word between the pair.
import type { Mention, Sentence, StanceMention } from "../../types.js";
import { type PairTokens, pairTokens } from "../stance-model/features.js";
import { classify, decide, POLAR, type StanceModel } from "../stance-model/model.js";
import type { Masked } from "../mask.js";
import { NEGATIONS, OWNED_NOUNS, PHYSICAL_CUES, REFUSALS } from "../lexicon/stance-cues.js";
import { type Candidate, pairInput, pairInstances } from "./pairs.js";
import { overruled } from "./overrule.js";
import { titledPerson } from "./holders.js";

const NEGATED = new Set<string>([...NEGATIONS.filter((n) => !n.includes(" ")), ...REFUSALS.map((r) => r.split(" ")[0]!)]);

const OWNED = new RegExp(`^(?:${OWNED_NOUNS.join("|")})$`);
/** Words at most between a cue and either side of a stance the model adds. */
export const MAX_CUE_GAP = 4;

/** The stances the model keeps in one masked sentence, given what the rule readings said of it. */
export function modelStances(
  sentence: Sentence,
  masked: Masked,
  mentions: Mention[],
  ruled: readonly StanceMention[],
  model: StanceModel,
  { threshold = model.threshold, requireCue = true }: { threshold?: number; requireCue?: boolean } = {},
): StanceMention[] {
  const slotOf = new Map([...masked.slots.values()].map((s) => [s.mention, s]));
  // "backed by ⟦Glenmoor Police⟧ ⟦Commissioner Alan Pike⟧": a name in a person's title is neither side; the person is.
  const inTitle = new Set(
    [...masked.slots]
      .filter(([id, s]) => mentions[s.mention]!.type !== "person" && titledPerson(id, masked, mentions))
      .map(([, s]) => s.mention),
  );
  const out: StanceMention[] = [];
  const cluster = (i: number) => mentions[i]!.cluster;
  for (const instances of pairInstances(masked, mentions)) {
    const first = instances[0]!;
    // Where a rule read these two, the rule stands (negation, refusal and ownership are theirs to judge).
    const pair = [cluster(first.a), cluster(first.b)].sort().join("|");
    if (ruled.some((r) => [cluster(r.holder), cluster(r.target)].sort().join("|") === pair)) continue;
    // Without a cue word in reach of both sides no stance can be kept: the nearest place the two are written with
    // one is scored, or none.
    const pick = requireCue ? inReach(sentence, instances, ruled) : scored(sentence, first, ruled);
    if (!pick) continue;
    const { c, input, read } = pick;
    const probs = classify(model, input, read);
    if (!probs) continue;
    const cls = decide(probs, threshold);
    if (cls === 0) continue;
    const { holderIsX, stance } = POLAR[cls - 1]!;
    const [holder, target] = holderIsX ? [c.a, c.b] : [c.b, c.a];
    const holderSlot = slotOf.get(holder);
    const targetSlot = slotOf.get(target);
    // A thing ("the offer") stands for its maker only as a target; "him" only for a stance its subject holds.
    if (holderSlot?.thing || inTitle.has(holder) || inTitle.has(target)) continue;
    if (targetSlot?.objectOf !== undefined && mentions[targetSlot.objectOf]!.cluster !== mentions[holder]!.cluster) continue;
    const cue = cueBetween(input.text, read, stance, holderIsX);
    if (!cue && requireCue) continue;
    // Where the readings know the cue is no stance or the name not its holder, the rule overrules the model.
    const person = (i: number) => mentions[i]!.type === "person" || slotOf.get(i)?.resolved === true;
    if (
      cue &&
      overruled({ text: input.text, read, cue: cue.index, holderIsX, holderIsPerson: person(holder), targetIsPerson: person(target) })
    )
      continue;
    const found: StanceMention = {
      sentenceId: sentence.id,
      holder,
      target,
      stance,
      cue: cue?.cue ?? "",
      confidence: Math.round(probs[cls]! * 100) / 100,
      cueSpan: cue?.span ?? [c.bSpan[0], c.bSpan[0]],
    };
    if (holderSlot?.resolved) found.holderSpan = holderSlot.span;
    if (targetSlot?.resolved && mentions[target]!.sentenceId !== sentence.id) found.targetSpan = targetSlot.span;
    out.push(found);
  }
  return out;
}

/** The first of the places two things are written with a cue word in reach of both, tokenised. */
function inReach(sentence: Sentence, instances: Candidate[], ruled: readonly StanceMention[]) {
  for (const c of instances) {
    const found = scored(sentence, c, ruled);
    if (found && cueInReach(found.read)) return found;
  }
  return undefined;
}

function scored(sentence: Sentence, c: Candidate, ruled: readonly StanceMention[]) {
  const input = pairInput(sentence, c, ruled);
  const read = pairTokens(input);
  return read ? { c, input, read } : undefined;
}

/** Some cue word between the pair at most MAX_CUE_GAP words from each side: what cueBetween needs first. */
export function cueInReach({ tokens, x, y }: PairTokens): boolean {
  for (let i = Math.max(x + 1, y - 1 - MAX_CUE_GAP); i < y && i - x - 1 <= MAX_CUE_GAP; i++) if (tokens[i]!.cue) return true;
  return false;
}

/**
 * The lexicon cue word of the stance's polarity between the pair, in reach of both: not negated or refused, not a
 * physical act ("the US attack on Iraq"), at most MAX_CUE_GAP words from each side, and the target not the owner
 * of something other than a thing one can be for or against ("criticised Mr Blair's spokesman").
 */
function cueBetween(
  text: string,
  read: PairTokens,
  stance: string,
  holderIsX: boolean,
): { cue: string; span: [number, number]; index: number } | undefined {
  const { tokens, x, y } = read;
  const t = holderIsX ? y : x;
  if (tokens[t + 1]?.w === "'s" && !OWNED.test(tokens[t + 2]?.w ?? "")) return undefined;
  for (let i = x + 1; i < y; i++) {
    const tok = tokens[i]!;
    if (tok.cue !== stance) continue;
    if (PHYSICAL_CUES.has(tok.w) || i - x - 1 > MAX_CUE_GAP || y - i - 1 > MAX_CUE_GAP) return undefined;
    if (tokens.slice(Math.max(x + 1, i - 3), i).some((w) => NEGATED.has(w.w))) return undefined;
    return { cue: text.slice(tok.at, tok.end), span: [tok.at, tok.end], index: i };
  }
  return undefined;
}
