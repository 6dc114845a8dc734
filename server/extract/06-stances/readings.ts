// The readings: each one construction that says who supports or opposes whom, read from a masked sentence
// (mask.ts) with the patterns in patterns.ts. A reading records what it finds with `add`; `readStances` runs them all,
// the verb readings (verb-readings.ts) and the noun and adjective readings (noun-readings.ts), in one order.
import type { Mention, Sentence, StanceMention } from "../../types.js";
import { verbForms } from "../cue-forms.js";
import type { Masked } from "../mask.js";
import { CONFIDENCE, type Reader } from "./reader.js";
import { slotsIn } from "./holders.js";
import {
  readActive,
  readDemand,
  readDeniedClaim,
  readWarnedThat,
  readPassive,
  readSpeechThen,
  readVehicle,
  readTrailing,
  readParticipleOpener,
} from "./verb-readings.js";
import { readNominal, readAdjective, readAgentOf, readAgentCompound, readAgentTitle, readOwnedNoun } from "./noun-readings.js";

/** The stances one masked sentence states, from every reading. */
export function readStances(sentence: Sentence, masked: Masked, mentions: Mention[]): StanceMention[] {
  const out: StanceMention[] = [];
  const cueSpan = (start: number, end: number): [number, number] => [masked.orig[start]!, masked.orig[end]!];
  const add: Reader["add"] = (holderSlot, targets, polarity, cue, confidence, span) => {
    const holder = masked.slots.get(holderSlot);
    if (!holder) return;
    const cluster = mentions[holder.mention]!.cluster;
    for (const target of targets) {
      if (mentions[target]!.cluster === cluster) continue;
      // "claims that TBWA was blaming him": "him" was read as someone other than the sentence's subject, which
      // holds only for a stance that subject holds.
      const targetSlots = [...masked.slots.values()].filter((x) => x.mention === target);
      const object = targetSlots.find((x) => x.objectOf !== undefined);
      if (object && mentions[object.objectOf!]!.cluster !== cluster) continue;
      const thing = targetSlots.some((x) => x.thing);
      const stance: StanceMention = {
        sentenceId: sentence.id,
        holder: holder.mention,
        target,
        stance: polarity,
        cue,
        confidence:
          Math.round(confidence * (holder.resolved ? CONFIDENCE.resolvedHolder : 1) * (thing ? CONFIDENCE.resolvedThing : 1) * 100) / 100,
        cueSpan: span,
      };
      if (holder.resolved) stance.holderSpan = holder.span;
      // The target's own mention is in another sentence: point at the words that stand for it here.
      const written = mentions[target]!.sentenceId === sentence.id ? undefined : targetSlots.find((x) => x.resolved);
      if (written) stance.targetSpan = written.span;
      out.push(stance);
    }
  };
  const addVerbBeforeTargets: Reader["addVerbBeforeTargets"] = (match, holder, verb, firstTarget, rest, confidence) => {
    const cueStart = match.index + match[0].lastIndexOf(verb, match[0].length - firstTarget.length);
    const cue = verbForms.get(verb.toLowerCase())!;
    add(holder, slotsIn(rest, firstTarget, masked, mentions), cue.polarity, verb, confidence, cueSpan(cueStart, cueStart + verb.length));
  };
  const reader: Reader = { masked, mentions, before: (index) => masked.text.slice(0, index), cueSpan, add, addVerbBeforeTargets };
  for (const read of READINGS) read(reader);
  return out;
}

/** Every reading, in the order they run: when two give the same stance, the first with the highest confidence stays. */
const READINGS: ((reader: Reader) => void)[] = [
  readActive,
  readDemand,
  readDeniedClaim,
  readWarnedThat,
  readPassive,
  readNominal,
  readAdjective,
  readSpeechThen,
  readVehicle,
  readTrailing,
  readParticipleOpener,
  readAgentOf,
  readAgentCompound,
  readAgentTitle,
  readOwnedNoun,
];
