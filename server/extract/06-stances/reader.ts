// What every reading gets (`Reader`: the masked sentence, and `add` to record a stance) and the confidence
// each kind of reading gives, shared by the readings (verb-readings.ts, noun-readings.ts) and their runner (readings.ts).
import type { Mention, Stance } from "../../types.js";
import type { Masked } from "../mask.js";

export const CONFIDENCE = {
  stated: 0.9,
  passive: 0.85,
  nominal: 0.7,
  warnedThat: 0.6,
  /** "X said ... and attacked Y": the holder is read across a clause. */
  coordinated: 0.7,
  refused: 0.6,
  /** Multiplier when the holder is a pronoun or a role resolved from earlier sentences. */
  resolvedHolder: 0.85,
  /** Multiplier when the target is the maker of a thing named earlier: "condemned the move". */
  resolvedThing: 0.8,
  /** Multiplier for hoped-for or reported stances. */
  hedged: 0.45,
} as const;

/** What a reading gets: the masked sentence, and `add` to record the stances it finds. */
export interface Reader {
  masked: Masked;
  mentions: Mention[];
  /** The masked text before an offset: what a match follows. */
  before: (index: number) => string;
  /** A masked span as offsets in the sentence. */
  cueSpan: (start: number, end: number) => [number, number];
  /** Records a stance of the holder in a slot towards each target mention. */
  add: (holderSlot: string, targets: number[], polarity: Stance, cue: string, confidence: number, span: [number, number]) => void;
  /** A verb cue whose match ends in its target list: the cue is the last `verb` before the first target. */
  addVerbBeforeTargets: (
    match: RegExpExecArray,
    holder: string,
    verb: string,
    firstTarget: string,
    rest: string,
    confidence: number,
  ) => void;
}
