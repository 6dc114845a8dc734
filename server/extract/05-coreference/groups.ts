// Organizations referred to without their name: "the party" and a sentence-initial "They"/"Their", resolved from the
// sentences before, and "we" in a quotation, from its speaker (discourse.ts asks for them sentence by sentence and
// keeps what they need in its DocMemory).
import type { Mention, Sentence } from "../../types.js";
import { PARTIES } from "../lexicon/parties.js";
import { PARTY_NOUNS, PLURAL_PRONOUNS } from "../lexicon/references.js";
import type { Reference } from "../mask.js";
import { VOICES } from "../lexicon/speakers.js";
import { SPEECH_VERBS } from "../lexicon/speech.js";

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

// "We" and "our" in a quotation, for the organization its speaker speaks for.
const FIRST_PLURAL = /(?<![\p{L}])(?:[Ww]e|[Oo]ur)(?![\p{L}'’])/gu;
const SPOKES = VOICES.join("|");
// "A Quorlex spokesman said", "Quorlex said".
const SPOKES_AFTER = new RegExp(`^\\s+(?:(?:${SPOKES})\\b|(?:has\\s+)?(?:${SPEECH_VERBS.join("|")})\\b)`);
// "a spokeswoman for Quorlex told".
const SPOKES_BEFORE = new RegExp(`\\b(?:${SPOKES})\\s+(?:for|from|at)\\s+(?:the\\s+)?$`);
// "Ada Roe of the Velmont Party", "Ada Roe, head of the Velmont Party,".
const MEMBER_OF = /^(?:,\s*[^,"“”]{1,60}?)?\s+(?:of|at|from)\s+(?:the\s+)?$/;
const SPEECH = new RegExp(`\\b(?:${SPEECH_VERBS.join("|")})\\b`);

/**
 * 'A Quorlex spokesman said: "We ..."', '"Our plan stands," said Ada Roe of the Velmont Party': "we" and "our" in
 * a quotation are the organization the speaker speaks for, when the sentence names exactly one so.
 */
export function findQuotedWe(
  sentence: Sentence,
  own: { index: number; m: Mention }[],
  quotes: [number, number][],
  quoted: (at: number) => boolean,
): Reference[] {
  const text = sentence.text;
  if (quotes.length === 0) return [];
  const outside = own.filter(({ m }) => !quoted(m.start));
  const unquoted = quotes.reduceRight((t, [a, b]) => t.slice(0, a) + " ".repeat(b - a) + t.slice(b), text);
  if (!SPEECH.test(unquoted)) return [];
  const speaksFor = outside.filter(({ m }) => {
    if (m.type !== "organization") return false;
    const before = text.slice(0, m.start);
    const member = outside.some(({ m: p }) => p.type === "person" && p.end <= m.start && MEMBER_OF.test(text.slice(p.end, m.start)));
    // Not one of several: "Quorlex and Zenith said" do not speak as one.
    const listed = /(?:,|\band)\s+(?:the\s+)?$/.test(before) || /^\s+and\b/.test(text.slice(m.end));
    return !listed && (SPOKES_AFTER.test(text.slice(m.end)) || SPOKES_BEFORE.test(before) || member);
  });
  const clusters = new Set(speaksFor.map(({ m }) => m.cluster));
  if (clusters.size !== 1) return [];
  const found: Reference[] = [];
  for (const [qStart, qEnd] of quotes) {
    for (const m of text.slice(qStart, qEnd).matchAll(FIRST_PLURAL)) {
      found.push({ span: [qStart + m.index, qStart + m.index + m[0].length], mention: speaksFor[0]!.index });
    }
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
