// Names that are no entity once the whole corpus is read. Each rule is a reason, not a list of names.
import type { EntityType } from "../../types.js";
import { CALENDAR_WORDS } from "../lexicon/events.js";
import { resolveCountry } from "../lexicon/countries.js";
import { TITLE_WORDS } from "../lexicon/titles.js";
import { acronymOf } from "./organizations.js";
import { nameTokens } from "../05-coreference/index.js";
import { type CaseCounts, mostlyLowerCase } from "./corpus-stats.js";

export interface Candidate {
  label: string;
  type: EntityType;
  /** Mentions with a person's cue (a title, "Mr"): those are somebody, whatever the word also means. */
  personCues: number;
  /** The cues say it is a programme or show. */
  work: boolean;
}

export type JunkReason = "common noun" | "calendar word" | "programme or show" | "title word" | "organization's war";

/**
 * Why an entity is junk, or undefined when it is not:
 * - a one-word name the corpus mostly writes lower-case is a common noun capitalised at a sentence start or in a
 *   headline ("Bill", "House"); a name of several words likewise when the corpus writes the whole phrase
 *   lower-case more often ("Human Rights");
 * - a month, weekday or holiday alone ("Christmas");
 * - a programme or show ("the BBC's Newsnight programme"), or a film, album or game ("the comedy Sideways");
 * - a title alone ("Lord", "Queen", "PM"): it says what somebody is, not who, even written "the Queen said";
 * - a war named only by an organization's acronym ("UN war" of "UN war crimes tribunal"): no war is fought there.
 * Countries come from the dataset and are never junk; nor, but for a title alone, is a name written with a
 * person's cue.
 */
export function junkReason(
  c: Candidate,
  counts: CaseCounts,
  phraseCase: (phrase: string) => { lower: number; capitalised: number },
): JunkReason | undefined {
  if (c.type === "country") return undefined;
  const tokens = nameTokens(c.label);
  // "UN war crimes tribunal": a war is named by where it is fought or a name of its own, not by an organization's acronym
  if (
    c.type === "event" &&
    /^wars?$/i.test(tokens.at(-1)!) &&
    tokens.length > 1 &&
    tokens.slice(0, -1).every((t) => acronymOf(t) && !resolveCountry(t))
  ) {
    return "organization's war";
  }
  if (tokens.length === 1 && TITLE_WORDS.has(tokens[0]!.toLowerCase())) return "title word";
  if (c.personCues > 0) return undefined;
  if (c.work) return "programme or show";
  if (tokens.length === 1 && CALENDAR_WORDS.has(tokens[0]!.toLowerCase())) return "calendar word";
  if (tokens.length === 1 && mostlyLowerCase(counts, tokens[0]!)) return "common noun";
  if (tokens.length > 1 && tokens.every((t) => mostlyLowerCase(counts, t))) {
    const { lower, capitalised } = phraseCase(c.label);
    if (lower >= 2 && lower >= 2 * capitalised) return "common noun";
  }
  return undefined;
}

/** Counts a phrase written lower-case and as given, over every sentence, past each sentence's first word. */
export function phraseCounter(texts: () => string): (phrase: string) => { lower: number; capitalised: number } {
  let all: string | undefined;
  const count = (needle: string) => {
    all ??= texts();
    let n = 0;
    for (let i = all.indexOf(needle); i >= 0; i = all.indexOf(needle, i + needle.length)) {
      const before = all.charCodeAt(i - 1);
      const after = all.charCodeAt(i + needle.length);
      const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (!letter(before) && !letter(after) && all[i - 1] !== "\n") n++;
    }
    return n;
  };
  return (phrase) => ({ lower: count(phrase.toLowerCase()), capitalised: count(phrase) });
}
