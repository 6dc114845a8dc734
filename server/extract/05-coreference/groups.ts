// Organizations referred to without their name: "the party" and a sentence-initial "They"/"Their", resolved from the
// sentences before (discourse.ts asks for them sentence by sentence and keeps what they need in its DocMemory).
import type { Mention, Sentence } from "../../types.js";
import { PARTIES } from "../lexicon/parties.js";
import { PARTY_NOUNS, PLURAL_PRONOUNS } from "../lexicon/references.js";
import type { Reference } from "../mask.js";

export interface GroupMemory {
  /** The last political party named outside quotations, and in which sentence: what "the party" refers to. */
  lastParty?: { mention: number; sentence: number };
  /** The organization that opened the last sentence, if "they" can stand for it ("The Tories", "Labour"). */
  pluralSubject?: { mention: number; sentence: number };
}

/** How many sentences back "the party" may find the party it stands for. */
const PARTY_LOOKBACK = 3;
const PARTY_NAMES: ReadonlySet<string> = new Set(PARTIES.map((p) => p.name));
// "the party", "the party's"; not "the party political broadcast" or "the party whip", where the party is nobody's.
const PARTY_REFERENCE = new RegExp(`\\b[Tt]he\\s+(?:${PARTY_NOUNS.join("|")})\\b(?!\\s+(?:political|politics|whip|system)\\b)`, "g");
// "They have backed", "But their demands": only a pronoun that opens the sentence, the subject carried on.
const PLURAL_OPENER = new RegExp(`^(?:(?:But|And|However|Meanwhile|Now|Instead),?\\s+)?(${PLURAL_PRONOUNS.join("|")})\\b`, "i");

/** A political party: one of the parties the lexicon knows, or an organization whose name says so ("Veritas Party"). */
export function isParty(m: Mention): boolean {
  return m.type === "organization" && (PARTY_NAMES.has(m.name) || /\bParty$/.test(m.name));
}

/**
 * A name "they" may stand for: a party ("Labour say they will"), or an organization named in the plural ("the
 * Tories", "Lib Dems"). Not a company named in the singular: "Microsoft released figures. They showed ..." is the figures.
 */
function namedInPlural(m: Mention): boolean {
  return isParty(m) || (m.type === "organization" && /(?<![s'’])s$/.test(m.surface));
}

/**
 * "He accused the party of ...": the party last named outside quotations in the three sentences before (one named in
 * this sentence is "it" here: "Labour and the Greens criticised the party's sums" is a third party).
 * "Their plan was praised by X", after a sentence that opened with "The Tories": that organization.
 */
export function findGroupReferences(sentence: Sentence, memory: GroupMemory, quoted: (at: number) => boolean): Reference[] {
  const found: Reference[] = [];
  const party = memory.lastParty;
  if (party && sentence.index - party.sentence <= PARTY_LOOKBACK) {
    for (const m of sentence.text.matchAll(PARTY_REFERENCE)) {
      if (!quoted(m.index)) found.push({ span: [m.index, m.index + m[0].length], mention: party.mention });
    }
  }
  const plural = PLURAL_OPENER.exec(sentence.text);
  if (plural && memory.pluralSubject?.sentence === sentence.index - 1) {
    const at = plural[0].length - plural[1]!.length;
    found.push({ span: [at, at + plural[1]!.length], mention: memory.pluralSubject.mention });
  }
  return found;
}

/** After a sentence: the last party it names outside quotations, and the organization it opened with, if plural. */
export function rememberGroups(
  memory: GroupMemory,
  sentence: Sentence,
  outside: { index: number; m: Mention }[],
  opener: { index: number; m: Mention } | undefined,
): void {
  const party = outside.filter(({ m }) => isParty(m)).at(-1);
  if (party) memory.lastParty = { mention: party.index, sentence: sentence.index };
  memory.pluralSubject = opener && namedInPlural(opener.m) ? { mention: opener.index, sentence: sentence.index } : undefined;
}
