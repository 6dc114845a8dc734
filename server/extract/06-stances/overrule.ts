// The rule checks that overrule a stance the model found: the model reads words, not senses or clauses, so where
// the readings (readings.ts, verb-readings.ts) know a cue is no stance ("bring back Solano", "backed New Zealand to win", "reports
// that he had been critical of") or a name is not the holder ("an action, filed in the District Court, accuses"),
// the model's stance is dropped too. The checks read the plain sentence around the pair and its cue word, with the
// same patterns the readings use over masked text.
import { OWNED_ONLY_CUES } from "../lexicon/stance-cues.js";
import type { PairTokens } from "../stance-model/features.js";
import { CONDITIONAL } from "../cue-forms.js";
import {
  AFTER_PREPOSITION,
  FORECAST,
  FUNCTION_WORD,
  NOT_THE_HOLDER,
  OWNED_WORD,
  PHRASAL_BACK,
  REPORTED,
  SPEAKS_FOR,
  VERB_LEAD_IN,
} from "./patterns.js";

export interface ModelStance {
  text: string;
  read: PairTokens;
  /** Token index of the cue word between the pair. */
  cue: number;
  holderIsX: boolean;
  /** Whether each side is a person (a country or company followed by a noun is a modifier: "the US assets"). */
  holderIsPerson: boolean;
  targetIsPerson: boolean;
}

/** "Mr Brown said it would back", "asked why ministers attacked": another subject or clause stands between. */
const OTHER_CLAUSE = /(?:^|\s)(?:I|we|you|they|it|he|she|why|whether|how|what|when|where|that|if|who|which)\s/i;

/** Why a rule overrules the model's stance, or undefined when none does. */
export function overruled(s: ModelStance): string | undefined {
  const { text, read, cue, holderIsX } = s;
  const { tokens, x, y } = read;
  const word = tokens[cue]!;
  const [h, t] = holderIsX ? [x, y] : [y, x];
  const raw = (i: number) => (tokens[i] ? text.slice(tokens[i]!.at, tokens[i]!.end).toLowerCase() : "");
  const before = (i: number) => text.slice(0, tokens[i]!.at);
  const afterTarget = text.slice(tokens[t]!.end);

  // Senses of the cue word that are no stance.
  if (/^(?:a|an|the)$/.test(raw(cue - 1)) && word.w === "welcome") return "a welcome boost";
  if (word.w === "back" && (PHRASAL_BACK.test(before(cue)) || (cue === x + 1 && raw(cue) === "back"))) return "back, not a cue";
  if (word.cue === "support" && FORECAST.test(afterTarget)) return "a forecast";
  if (word.w === "condemn" && /^\s+to\s/.test(afterTarget)) return "condemned to a defeat";
  if (word.w === "welcome" && /^\s+(?:back|home)\b/.test(afterTarget)) return "a greeting";
  if (/ing$/.test(raw(cue)) && /^\p{Ll}/u.test(raw(cue + 1)) && cue + 2 === y && !FUNCTION_WORD.test(raw(cue + 1)))
    return "a participle qualifying a noun"; // "beat defending champion Serena Williams"
  // Denied or dismissed: only towards something said ("dismissed Foster's offer", "dismissed the US complaint"),
  // and a denial before another cue cancels it ("denied accusing Germany").
  if (OWNED_ONLY_CUES.has(word.w) && tokens[t + 1]?.w !== "'s" && !OWNED_WORD.test(raw(t + 1))) return "a denial of no claim";
  if (tokens.slice(Math.max(0, cue - 3), cue).some((w) => OWNED_ONLY_CUES.has(w.w))) return "a denied cue";
  // Someone else's opinion, reported or conditional.
  if (REPORTED.test(before(cue))) return "reported";
  if (CONDITIONAL.test(before(Math.min(h, cue)))) return "conditional";

  // The holder, when it is written before the cue, must be the cue's subject.
  if (h < cue) {
    const lead = before(h);
    if (NOT_THE_HOLDER.test(lead) || AFTER_PREPOSITION.test(lead)) return "not the holder";
    const between = text.slice(tokens[h]!.end, word.at);
    if (OTHER_CLAUSE.test(` ${between}`)) return "another subject between";
    // "Southcorp, whose labels include ... Lindemans, dismissed": a name between two commas is in a parenthesis.
    if (lead.includes(",") && /,/.test(between)) return "a name in a parenthesis";
    // "met Condoleezza Rice, praising the United States": a trailing participle is the readings' to read.
    if (/ing$/.test(raw(cue)) && /,/.test(between)) return "a trailing participle";
    const words = between.trim();
    if (!s.holderIsPerson && words !== "" && !VERB_LEAD_IN.test(words) && !SPEAKS_FOR.test(words)) return "a modifier holder";
  }
  // "criticised by the group's chief": the holder is the owner's person, not the owner.
  if (tokens[h + 1]?.w === "'s" && /^\p{Ll}/u.test(raw(h + 2)) && !OWNED_WORD.test(raw(h + 2))) return "someone of the holder's";
  // "the US assets": a country or company in front of a noun qualifies it; "dismissed the US complaint" is
  // towards the US, as "Tory plans" is towards the Tories.
  const next = raw(t + 1);
  if (!s.targetIsPerson && /^\p{Ll}/u.test(next) && !FUNCTION_WORD.test(next) && !OWNED_WORD.test(next) && !tokens[t + 1]?.cue)
    return "a modifier target";
  return undefined;
}
