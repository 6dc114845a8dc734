// The cue lexicon (lexicon/stance-cues.ts) as the lookups and patterns that coreference and the stance readings
// share: every form of every cue verb, participle, noun and agent noun, with its polarity, the words that flip or
// soften a cue, and what a possessive may own.
import { alternation, escapeRegExp } from "../../common/regex.js";
import type { Stance } from "../types.js";
import {
  AGENT_NOUNS,
  CONDITIONALS,
  DEMAND_VERBS,
  HEDGES,
  NEGATIONS,
  NOUN_CUES,
  OWNED_NOUNS,
  OWNED_ONLY_CUES,
  PHYSICAL_CUES,
  REFUSALS,
  VERB_CUES,
} from "./lexicon/stance-cues.js";

/** A literal as a regular expression, and an alternation of literals (the one copy of each: common/regex.ts). */
export const escape = escapeRegExp;
export { alternation };

export const verbForms = new Map<string, { lemma: string; polarity: Stance }>();
export const participles = new Map<string, { lemma: string; polarity: Stance }>();
for (const c of VERB_CUES) {
  for (const f of c.forms) verbForms.set(f, c);
  for (const f of c.participles) participles.set(f, c);
}
export const nounForms = new Map<string, Stance>();
for (const n of NOUN_CUES) for (const f of n.forms) nounForms.set(f, n.polarity);

export const formsOf = (keep: (lemma: string) => boolean) => [...verbForms.entries()].filter(([, c]) => keep(c.lemma)).map(([f]) => f);
export const physicalForms = formsOf((l) => PHYSICAL_CUES.has(l));
export const ownedOnlyForms = formsOf((l) => OWNED_ONLY_CUES.has(l));
export const speechForms = formsOf((l) => !PHYSICAL_CUES.has(l) && !OWNED_ONLY_CUES.has(l));
/** "criticising", "backing": participles that can open or trail a clause. */
export const ingForms = speechForms.filter((f) => /ing$/.test(f.split(" ")[0]!));
/** "attacked", "criticised": past forms that can follow "and" after a verb of speech. */
export const pastForms = [...verbForms.keys()].filter((f) => /^\w+ed\b/.test(f));

/** Agent nouns: "critic", "supporter", "ally". */
export const agentForms = new Map<string, Stance>();
for (const a of AGENT_NOUNS) for (const f of a.forms) agentForms.set(f, a.polarity);
/** "His film was highly critical of President Bush", "the group is supportive of Labour". */
export const STANCE_ADJECTIVES: Record<string, Stance> = { critical: "oppose", supportive: "support" };

export const NEGATION = new RegExp(`\\b(?:${NEGATIONS.map(escape).join("|")})\\b|n't\\b`, "i");
export const REFUSAL = new RegExp(`\\b(?:${REFUSALS.map(escape).join("|")})\\s*$`, "i");
export const HEDGE = new RegExp(`\\b(?:${HEDGES.map(escape).join("|")})\\b`, "i");
export const CONDITIONAL = new RegExp(`\\b(?:${CONDITIONALS.join("|")})\\b[^.;]{0,50}$`, "i");

/**
 * Every word that can carry a stance, in one pattern: a sentence without any is skipped before the
 * (much slower) masked patterns run. Most news sentences have none.
 */
export const ANY_CUE = new RegExp(
  `\\b(?:${alternation([...verbForms.keys(), ...participles.keys(), ...nounForms.keys(), ...agentForms.keys(), ...DEMAND_VERBS, ...Object.keys(STANCE_ADJECTIVES), "warned", "warns"])})\\b`,
  "i",
);

// A possessive target stands for its owner only before a word for what people say or do:
// "criticized Macron's comments" -> Macron; "attack Putin's residence" -> nothing.
export const OWNED = `(?:${OWNED_NOUNS.join("|")})`;
// Up to three words between an owner and what it owns: "Chancellor Gordon Brown's pre-Budget report", "Deutsche Boerse's proposed £1.3bn offer".
export const OWNED_MODIFIERS = '(?:[\\w£$€.,-]+\\s+){0,3}["“]?';
