import type { Mention, Sentence, Stance, StanceMention } from "../types.js";
import { isHeadline } from "./02-sentences.js";
import { readPrefix } from "./03-mentions.js";
import { countryIndex, countryName } from "./lexicon/countries.js";
import { type RoleBook, roleKey } from "./role-book.js";
import {
  AGENT_NOUNS,
  CONDITIONALS,
  DEMANDED_ACTS,
  FORECAST_VERBS,
  DEMAND_VERBS,
  DENIAL_CUES,
  HEDGES,
  NEGATIONS,
  NOUN_CUES,
  ORGANIZATION_NOUNS,
  OWNED_NOUNS,
  OWNED_ONLY_CUES,
  PERSON_PRONOUNS,
  PHRASAL_BEFORE_BACK,
  PHYSICAL_CUES,
  REFUSALS,
  MAKING_VERBS,
  ROLE_NOUNS,
  THING_KINDS,
  THING_NOUNS,
  THING_VERBS,
  VEHICLE_NOUNS,
  VERB_CUES,
} from "./lexicon/stance-cues.js";

// Stances are read from a "masked" sentence in which every entity is a placeholder ⟦n⟧ (n = mention index
// in the document) and pronoun or role holders are ⟦pn⟧. Patterns over the masked text stay short:
// "Italian Defense Minister ⟦4⟧ criticized ⟦5⟧'s comments" -> 4 opposes 5.

const CONFIDENCE = {
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

export interface Masked {
  text: string;
  /** Original sentence offset for every masked offset (length text.length + 1). */
  orig: number[];
  /** Placeholder id -> mention index in the document, and the span written in this sentence. */
  slots: Map<string, { mention: number; span: [number, number]; resolved: boolean; objectOf?: number; thing?: boolean }>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (forms: Iterable<string>) => [...forms].sort((a, b) => b.length - a.length).map(escape).join("|");

const SLOT = "⟦([pt]?\\d+)⟧";
// A possessive target stands for its owner only before a word for what people say or do:
// "criticized Macron's comments" -> Macron; "attack Putin's residence" -> nothing.
const OWNED = `(?:${OWNED_NOUNS.join("|")})`;
// Up to three words between an owner and what it owns: "Chancellor Gordon Brown's pre-Budget report", "Deutsche Boerse's proposed £1.3bn offer".
const OWNED_MODIFIERS = "(?:[\\w£$€.,-]+\\s+){0,3}[\"“]?";
const POSSESSIVE = "(?:['’]s?)?";
const DETERMINER = "(?:(?:the|a|an)\\s+)?";
// Up to four words between holder and cue, no clause break, no other entity: "has also previously".
const BETWEEN = "((?:[^⟦⟧.;:!?\"“”,\\s]+\\s+){0,4}?)";
// "Enrico Bondi, sued ...", "Jack Straw, who accused ...", "X, the Tory leader, attacked ...".
// Also a bracketed acronym first: "The Open Society Institute (OSI), financed by ..., has accused".
const APPOSITION = "((?:\\s*\\([^()]{1,16}\\))?(?:\\s*,[^,.;]{1,60},|\\s*,\\s+who\\b|,)?)";
// "suing three firms - Shell, its unit Shell Oil and BP", "rejected by several countries, including":
// a counted group announced in front of the list that names it.
const COUNTED = "(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|\\d+)\\s+(?:[\\w-]+\\s+)?[\\w-]+\\s*(?:[-–—:]|,?\\s+including)\\s+)?";
// "the X", and "its unit X", "her director husband X": a possessive with up to two lower-case nouns before the name.
const LIST_DETERMINER = "(?:(?:the|a|an)\\s+|(?:its|their|his|her)\\s+(?:(?!(?:by|of|to|from|with|for|on|in|at|against|over|and|or)\\b)[a-z-]+\\s+){0,2})?";
// The bodies that act for an organization: "rejected by Vivendi's board" is Vivendi's stance. Not single people:
// "criticised Mr Blair's spokesman" is not against Mr Blair.
const SPOKESPEOPLE = "(?:board|management|directors|shareholders)";
/**
 * Targets after a cue: one or a list of entities, each maybe owning something. After a verb of speech or
 * judgement ("criticised Mr Brown's preoccupation") anything owned stands for its owner; after a verb that
 * can be physical ("attack Putin's residence", "ban X's products") only what people say or decide does.
 */
function targetList(owned: string): string {
  const one = `(?:['’]s?\\s+${OWNED_MODIFIERS}${owned}\\b|['’]s?\\s+(?:[\\w-]+\\s+)?${SPOKESPEOPLE}\\b|(?!['’]))`;
  // A resolved name ("the prime minister and his chancellor") joins a list only after "and" or "or": after a bare comma
  // it is an apposition ("StreamCast Networks, the company behind Morpheus").
  const next = `\\s*(?:,|,?\\s+and|,?\\s+or)\\s+${LIST_DETERMINER}⟦\\d+⟧${one}|,?\\s+(?:and|or)\\s+${LIST_DETERMINER}⟦[pt]\\d+⟧${one}`;
  return `${COUNTED}${LIST_DETERMINER}${SLOT}${one}((?:${next})*)`;
}
const TARGET_LIST = targetList(OWNED);
const TARGET_LIST_ANY_OWNED = targetList("[\\w-]+");

const verbForms = new Map<string, { lemma: string; polarity: Stance }>();
const participles = new Map<string, { lemma: string; polarity: Stance }>();
for (const c of VERB_CUES) {
  for (const f of c.forms) verbForms.set(f, c);
  for (const f of c.participles) participles.set(f, c);
}
const nounForms = new Map<string, Stance>();
for (const n of NOUN_CUES) for (const f of n.forms) nounForms.set(f, n.polarity);

const formsOf = (keep: (lemma: string) => boolean) => [...verbForms.entries()].filter(([, c]) => keep(c.lemma)).map(([f]) => f);
const physicalForms = formsOf((l) => PHYSICAL_CUES.has(l));
const ownedOnlyForms = formsOf((l) => OWNED_ONLY_CUES.has(l));
const speechForms = formsOf((l) => !PHYSICAL_CUES.has(l) && !OWNED_ONLY_CUES.has(l));
// "Labour and the Greens have criticised ...": earlier holders of a list, read from the text before the match.
const HOLDER_LIST_BEFORE = /((?:⟦\d+⟧\s*(?:,|,?\s+and)\s+(?:the\s+)?)+)$/;
const ACTIVE = new RegExp(`${SLOT}${POSSESSIVE}${APPOSITION}\\s+${BETWEEN}(${alternation(speechForms)})\\s+${TARGET_LIST_ANY_OWNED}`, "giu");
// "denied Putin's allegation", and with the owner in front of what it said: "dismissed the US complaint",
// "brushed off Labour suggestions". Not a clause: "denied Labour's plans were dead".
const ACTIVE_OWNED_ONLY = new RegExp(
  `${SLOT}${POSSESSIVE}${APPOSITION}\\s+${BETWEEN}(${alternation(ownedOnlyForms)})\\s+${DETERMINER}${SLOT}(?:['’]s?\\s+${OWNED_MODIFIERS}[\\w-]+\\b|\\s+(?:[\\w-]+\\s+)?${OWNED}\\b|(?<=⟦t\\d+⟧))()`,
  "giu",
);
const ACTIVE_PHYSICAL = new RegExp(`${SLOT}${POSSESSIVE}${APPOSITION}\\s+${BETWEEN}(${alternation(physicalForms)})\\s+${TARGET_LIST}`, "giu");
// The owner after the thing owned: "welcomed the decision by India and Pakistan", "rejected a £1.3bn ($2.5bn) takeover
// offer from Foster's Group", "has rejected proposals from Rangers". Not across a clause or another "of": "dismissed
// claims that his policy was on the turf of the BNP", "rejected calls for an inquiry into the conduct of the war".
const ACTIVE_OWNED_BY = new RegExp(
  `${SLOT}${APPOSITION}\\s+${BETWEEN}(${alternation(verbForms.keys())})\\s+(?:(?:the|a|an|its|their)\\s+)?(?:[\\w£$€.,()-]+\\s+){0,3}?${OWNED}\\b(?:(?:(?!\\s(?:that|of)\\s)[^⟦⟧.;!?()]|\\.(?=\\d)|\\([^()⟦⟧]{0,40}\\)){0,60}?\\s+(?:by|from)\\s+(?:[\\w-]+\\s+){0,3}?|\\s+of\\s+(?:(?![\\w-]+ing\\b)[\\w-]+\\s+){0,3}?)${TARGET_LIST}`,
  "giu",
);
const WARNED_THAT = new RegExp(`${SLOT}${APPOSITION}\\s+${BETWEEN}(warned|warns)\\s+that\\s+${DETERMINER}${SLOT}\\s+(?:was|were|is|are|had|has|would|will)\\b`, "giu");
// "was welcomed at the time by Beijing", "was criticised on Monday by": a short time adverbial before "by".
const PASSIVE_ADVERBIAL = "(?:\\s+(?:at\\s+the\\s+time|(?:last|this|on|earlier\\s+this)\\s+\\p{L}+|yesterday|today|earlier|later|\\w+ly))?";
const PASSIVE = new RegExp(
  `${SLOT}((?:['’]s?|\\s+)\\s*${OWNED_MODIFIERS}${OWNED}\\s+(?:for|of|on|to|from)\\s+[^.;!?]{0,50}?|${POSSESSIVE}(?:[^⟦⟧.;!?]|\\.(?=\\d)){0,60}?)\\s+((?:was|were|is|are|(?:has|have|had)\\s+(?:\\w+\\s+)?been|being)\\s+(?:\\w+ly\\s+)?)(${alternation(participles.keys())})${PASSIVE_ADVERBIAL}\\s+by\\s+${TARGET_LIST}`,
  "giu",
);
const NOMINAL = new RegExp(
  `\\b(${alternation(nounForms.keys())})(?:\\s+and\\s+(?:\\w+\\s+)?(?:${alternation(nounForms.keys())}))?\\s+(?:from|by)\\s+(?:[\\w\\s]{0,30}?,?\\s*including\\s+)?${TARGET_LIST}`,
  "giu",
);
const DEMAND = new RegExp(
  `${SLOT}${APPOSITION}\\s+${BETWEEN}(${alternation(DEMAND_VERBS)})\\s+${DETERMINER}${SLOT}\\s+to\\s+(?:${alternation(DEMANDED_ACTS)})\\b`,
  "giu",
);
// "the SEC's criticism of Fannie Mae", and without the possessive "US support for Boeing".
// "his attack on Labour": "on" only after attack, which is otherwise physical ("attacks on Iraq" are by armies, not words).
const OWNED_NOUN = new RegExp(
  `${SLOT}(?:['’]s?)?\\s+(?:\\w+\\s+)?(${alternation(nounForms.keys())}|attacks?(?=\\s+on\\s))\\s+(?:for|of|on)\\s+${DETERMINER}${SLOT}`,
  "giu",
);
// "His film was highly critical of President Bush", "the group is supportive of Labour", "the think tank, which
// usually tends to be critical of the President,".
const APPOSITION_WHICH = APPOSITION.replace("who\\b", "(?:who|which)\\b");
// "His film was highly critical of President Bush", "the group is supportive of Labour".
const STANCE_ADJECTIVES: Record<string, Stance> = { critical: "oppose", supportive: "support" };
const ADJECTIVE = new RegExp(
  `${SLOT}${APPOSITION_WHICH}\\s+((?:is|was|are|were|has been|have been|had been|remains?|remained|(?:tends?|tended|seems?|seemed|appears?|appeared)\\s+to\\s+be)\\s+(?:\\w+ly\\s+)?)(critical|supportive)\\s+of\\s+${TARGET_LIST}`,
  "giu",
);

// "the US is a firm supporter of aid for Turkey", "X, a long-time critic of Y,":
// the holder is (or is described as) someone for or against the target.
const agentForms = new Map<string, Stance>();
for (const a of AGENT_NOUNS) for (const f of a.forms) agentForms.set(f, a.polarity);
const BE = "(?:is|was|are|were|has been|have been|had been|remains?|remained|becomes?|became)";
const AGENT_OF = new RegExp(
  `${SLOT}(?:\\s*\\([^()]{1,16}\\))?(?:,[^,.;]{1,60},)?(?:\\s+(${BE}\\s+(?:\\w+ly\\s+)?(?:a|an|one of the|among the))|\\s*,\\s*(?:a|an|the))\\s+((?:[\\w-]+\\s+){0,3}?)(${alternation(agentForms.keys())})\\s+of\\s+(?:(?:[\\w-]+\\s+){0,3}?(${alternation(nounForms.keys())})\\s+(?:for|of)\\s+)?${TARGET_LIST}`,
  "giu",
);
// "Tony Blair said Labour would set out plans ... and attacked the Tory plans": the sentence's first name speaks,
// then goes on to a stance. The clause in between may not hold a cue or speech verb of its own, which the
// "and" could belong to instead.
const pastForms = [...verbForms.keys()].filter((f) => /^\w+ed\b/.test(f));
const SPEECH_THEN = new RegExp(
  `^[^⟦⟧]{0,40}?${SLOT}${APPOSITION}\\s+(?:has\\s+|had\\s+)?(?:said|told|wrote|added|claimed|argued|insisted)\\b([^.;:!?"“”]*?),?\\s+and\\s+(?:also\\s+|then\\s+)?(${alternation(pastForms)})\\s+${TARGET_LIST_ANY_OWNED}`,
  "iu",
);
const SPEECH_VERB = /\b(?:said|says|told|tells|wrote|writes|added|adds|claimed|argued|insisted)\b/i;

// "Moore was an outspoken Bush critic": the target named in front of the agent noun.
const AGENT_COMPOUND = new RegExp(`${SLOT}\\s+(${BE}\\s+(?:\\w+ly\\s+)?(?:a|an)\\s+)((?:[\\w-]+\\s+){0,2}?)${SLOT}\\s+(${alternation(agentForms.keys())})\\b`, "giu");
// "Blair ally Alan Milburn", "Bush critic Michael Moore": the agent noun as a title in front of the holder.
const AGENT_TITLE = new RegExp(`${SLOT}\\s+(${alternation(agentForms.keys())})\\s+${SLOT}`, "giu");

// "Putin told him Ukraine had tried to attack his residence, an allegation Kyiv has denied": the denier against
// whoever made the claim, the last name before it that said, claimed or accused.
const DENIED_CLAIM = new RegExp(
  `,\\s+(?:an?|the)\\s+(?:allegations?|claims?|accusations?|charges?)\\s+(?:that\\s+|which\\s+)?${SLOT}\\s+((?:has|have|had|always|\\w+ly)\\s+)*(${alternation(formsOf((l) => DENIAL_CUES.has(l)))})\\b`,
  "giu",
);
const CLAIMANT = /⟦(\d+)⟧(?:\s*,[^,.;]{1,60},)?\s+(?:has\s+|had\s+|have\s+|also\s+|\w+ly\s+)*(?:said|says|told|claimed|claims|alleged|alleges|accused|accuses|charged|insisted|insists|argued|argues)\b/gu;

// "Fox closed the debate with a speech criticising Brown's budget": the stance is the speaker's.
// "Praising Brown for his budget, Blair said": the participle's subject is the main clause's.
const ingForms = speechForms.filter((f) => /ing$/.test(f.split(" ")[0]!));
const VEHICLE = new RegExp(
  `${SLOT}${APPOSITION}\\s+((?:[^⟦⟧.;:!?"“”,\\s]+\\s+){0,6}?)(?:a|an|his|her|its|their)\\s+(?:[\\w-]+\\s+)?(?:${VEHICLE_NOUNS.join("|")})\\s+(${alternation(ingForms)})\\s+${TARGET_LIST_ANY_OWNED}`,
  "giu",
);
const PARTICIPLE_OPENER = new RegExp(
  `^(?:(?:But|And|However|Meanwhile|Also),?\\s+)?(${alternation(ingForms)})\\s+${TARGET_LIST_ANY_OWNED}[^⟦⟧.;:!?"“”]{0,80}?,\\s+${SLOT}(?=\\s+\\p{Ll})`,
  "iu",
);

// "Fox then responded by accusing the premier of ...", "The Tories hit back, accusing Labour of ...", "The SNP's
// Sturgeon wrote to McConnell on Tuesday accusing him of ...": a
// participle after the main clause has the main clause's subject. The clause in between is checked in
// `readStances` (TRAILING_CLAUSE_BREAK): no second subject, speech or condition the participle could belong to.
const TRAILING = new RegExp(
  `^(?:(?:But|And|However|Meanwhile|Later|Instead|Also),?\\s+)?(?:[Tt]he\\s+)?(?:⟦\\d+⟧['’]s?\\s+)?${SLOT}${APPOSITION}\\s+((?:MPs\\s+|MEPs\\s+)?\\p{Ll}[^⟦⟧.;:!?"“”]{0,80}?(?:⟦\\d+⟧[^⟦⟧.;:!?"“”]{0,40}?)?)(?:,\\s+|\\s+by\\s+|(?<=\\b(?:on\\s+\\p{Lu}\\p{Ll}+day|yesterday|today|last\\s+(?:week|month|night|year)))\\s+)(${alternation(ingForms)})\\s+${TARGET_LIST_ANY_OWNED}`,
  "u",
);
const TRAILING_CLAUSE_BREAK = new RegExp(
  `\\b(?:that|who|which|whose|when|while|whether|if|unless|because|as|where|after|before|but|and|or|without|said|says|told|tells|added|adds|claimed|claims|argued|argues|insisted|insists|believes?|thinks?)\\b`,
  "i",
);
// In the clause, another name may stand only after a preposition: "wrote to ⟦McConnell⟧ on Tuesday".
const SLOT_AFTER_PREPOSITION = /(?:^|\s)(?:to|with|at|on|for|from|against|of|in|into)\s+(?:the\s+)?⟦\d+⟧/g;
// The word after a country or organization holder must be a verb for it to be the subject: "⟦Labour⟧ hit back".
const VERB_LIKE = /^(?:has|have|had|is|was|were|are|will|would|also|then|later|again|\w+ed|\w+ly|hit|struck|spoke|wrote|took|went|came|made|gave|told|said|met)\b/i;

const NEGATION = new RegExp(`\\b(?:${NEGATIONS.map(escape).join("|")})\\b|n't\\b`, "i");
const REFUSAL = new RegExp(`\\b(?:${REFUSALS.map(escape).join("|")})\\s*$`, "i");
const HEDGE = new RegExp(`\\b(?:${HEDGES.map(escape).join("|")})\\b`, "i");
const CONDITIONAL = new RegExp(`\\b(?:${CONDITIONALS.join("|")})\\b[^.;]{0,50}$`, "i");


/** Where the title in front of a name starts: "Chancellor Gordon Brown", but not "Praising Chancellor Gordon Brown". */
function titleStart(text: string, nameStart: number): number {
  const start = readPrefix(text, nameStart).start;
  // "defending champion Venus Williams" is a title, not a cue before a name: the title stays outside the slot.
  if (/^champions?\s/i.test(text.slice(start)) && /\bdefending\s+$/i.test(text.slice(0, start))) return nameStart;
  const first = /^(\S+)\s+/.exec(text.slice(start, nameStart));
  return first && verbForms.has(first[1]!.toLowerCase()) ? start + first[0].length : start;
}

function mask(sentence: Sentence, mentions: { index: number; m: Mention }[], pronouns: Reference[]): Masked {
  const pieces = [
    // A slot covers the title in front of a name, so "accused Mr ⟦3⟧" reads "accused ⟦3⟧".
    ...mentions.map(({ index, m }) => ({
      start: titleStart(sentence.text, m.start),
      nameStart: m.start,
      end: m.end,
      id: String(index),
      mention: index,
      resolved: false,
      objectOf: undefined as number | undefined,
    })),
    ...pronouns.map((p, i) => ({
      start: p.span[0],
      nameStart: p.span[0],
      end: p.span[1],
      id: `${p.thing ? "t" : "p"}${i}`,
      mention: p.mention,
      resolved: true,
      objectOf: p.objectOf,
    })),
    // "US President ⟦Donald Trump⟧": the title slot swallows the country that qualifies it.
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  let text = "";
  const orig: number[] = [];
  const slots: Masked["slots"] = new Map();
  let at = 0;
  for (const piece of pieces) {
    // A title prefix that runs into the mention before it gives way: "⟦Scottish National Party Holyrood⟧ leader Nicola Sturgeon".
    const p = piece.start < at && at <= piece.nameStart ? { ...piece, start: at } : piece;
    if (p.start < at) continue;
    for (let i = at; i < p.start; i++) {
      orig.push(i);
      text += sentence.text[i];
    }
    const token = `⟦${p.id}⟧`;
    for (let i = 0; i < token.length; i++) orig.push(p.start);
    text += token;
    slots.set(p.id, {
      mention: p.mention,
      span: [p.start, p.end],
      resolved: p.resolved,
      ...(p.objectOf !== undefined ? { objectOf: p.objectOf } : {}),
      ...(p.id.startsWith("t") ? { thing: true } : {}),
    });
    at = p.end;
  }
  for (let i = at; i < sentence.text.length; i++) {
    orig.push(i);
    text += sentence.text[i];
  }
  orig.push(sentence.text.length);
  return { text, orig, slots };
}

interface DocMemory {
  /** The most prominent person now, by `salience`: what "He" and "She" refer to. */
  prominent?: number;
  /**
   * How prominent each person is, by in-document cluster: +2 as a sentence's subject (named, by role, or
   * "He" continuing the chain), +0.5 named elsewhere outside quotes, halved every sentence. A subject we cannot
   * name ("The prime minister said", nobody introduced so) is kept as UNKNOWN, so that "he" then resolves to nobody.
   */
  salience: Map<string, { score: number; mention?: number }>;
  /** Every person mentioned so far, with how they were described: "Tory co-chairman" for "the Tory co-chairman". */
  people: { mention: number; description: string }[];
  /** The last organization that was a sentence subject: what "the company" refers to. */
  lastOrganization?: number;
  /** Things made by someone named, newest last: "Xstrata's offer" -> { noun: "offer", owner, sentence }. */
  things: { noun: string; owner: number; sentence: number }[];
  /** The name a sentence opened with: who made "the move" reported in it. */
  lastSubject?: { mention: number; sentence: number };
  /** Who holds which role across the corpus, for a role nobody in this document was introduced with. */
  roles?: RoleBook;
}

const PRONOUN = new RegExp(`(?<![\\p{L}])(${PERSON_PRONOUNS.join("|")})(?![\\p{L}])`, "giu");
const FIRST_PERSON = /(?<![\p{L}])I(?![\p{L}'’])/gu;
// "his policies" (an owned thing: the target) and "his attack on Labour" (a stance noun: the holder).
const POSSESSIVE_PRONOUN = new RegExp(
  `(?<![\\p{L}])(?:his|her)(?=\\s+${OWNED_MODIFIERS}${OWNED}\\b|\\s+(?:\\w+\\s+)?(?:${alternation(nounForms.keys())})\\s+(?:of|for|on|against)\\s)`,
  "giu",
);
// "him", and "her" where it is not a possessive: "accused her of", "praised her,".
const OBJECT_PRONOUN = /(?<![\p{L}])(?:him|her)(?=\s+(?:of|for|over|as|on|to|in|at|after|with|and|but)\b|\s*[,.;!?])/gu;
const SUBJECT_LEAD = /^(?:(?:But|And|However|Meanwhile|Also|Now|Then|Later|Earlier|Instead|So)\b[,\s]*)?(?:[Tt]he\s+)?$|^[^"“”]{0,140},\s*$/;
const ORGANIZATION_NOUN = new RegExp(`\\b[Tt]he\\s+(?:${ORGANIZATION_NOUNS.join("|")})\\b`, "g");
// Role nouns in either case: "the president", "the President", "the Prime Minister".
const ROLE_NOUN = ROLE_NOUNS.map((n) => n.replace(/\b(\w)/g, (c) => `[${c}${c.toUpperCase()}]`)).join("|");
const ROLE = new RegExp(`\\b(?:[Tt]he|[Hh]is|[Hh]er)\\s+(?:(\\p{Lu}\\p{L}+)\\s+)??(${ROLE_NOUN})\\b`, "gu");
// Who is speaking a quotation: 'X told the paper: "..."', '"...," said X', '"...," X said'.
const SPEAKER_BEFORE = /(?:said|says|told\s[^"“:]{1,40}|added|adds|wrote|writes|insisted|argued)\s*[:,]?\s*$/;
const SPEAKER_AFTER = /^\s*(?:(?:said|says|added|adds|insisted|argued)\s+)?$/;
// "X has said it will", "X said on Monday that they had": the pronoun is the speaker, read from the name just before.
const REPORTED_SUBJECT = /\b(?:said|says|announced|confirmed|insisted|added|warned|stated)\s+(?:(?:on|last|this)\s+\w+\s+)?(?:that\s+)?(it|they)\b/g;
const SPEAKER_LEAD_IN = /^(?:\s+(?:has|have|had|also|now|previously|already|\w+ly))*\s+$/;
const SPEECH_AFTER_NAME = /^\s+(?:said|says|added|adds|insisted|argued)\b/;

/**
 * Every word that can carry a stance, in one pattern: a sentence without any is skipped before the
 * (much slower) masked patterns run. Most news sentences have none.
 */
const ANY_CUE = new RegExp(
  `\\b(?:${alternation([...verbForms.keys(), ...participles.keys(), ...nounForms.keys(), ...agentForms.keys(), ...DEMAND_VERBS, ...Object.keys(STANCE_ADJECTIVES), "warned", "warns"])})\\b`,
  "i",
);

/** Spans inside double quotes: '"I attack Michael Howard politically"'. An unclosed quote runs to the end. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open < 0 && (c === '"' || c === "“")) open = i;
    else if (open >= 0 && (c === '"' || c === "”")) {
      spans.push([open, i + 1]);
      open = -1;
    }
  }
  if (open >= 0) spans.push([open, text.length]);
  return spans;
}

interface Reference {
  span: [number, number];
  mention: number;
  /** For "him"/"her": the subject it was resolved against. Only a stance held by that subject may target it. */
  objectOf?: number;
  /** "the offer": the maker of a thing named earlier (slot id ⟦tN⟧). */
  thing?: boolean;
}

/**
 * Pronoun and role holders, resolved from what came before: "He warned" is the most prominent person
 * (see `remember`), or the person this sentence opened with ("Culture Secretary Tessa Jowell said ... and
 * she accused"); "the French leader", "his chancellor" are the person last described that way; "I" inside a
 * quotation is its speaker. Names inside quotations are never antecedents: they are what someone said.
 */
function findResolvedHolders(sentence: Sentence, memory: DocMemory, mentions: Mention[], own: { index: number; m: Mention }[]): Reference[] {
  const text = sentence.text;
  const quotes = quotedSpans(text);
  const quoted = (at: number) => quotes.some(([a, b]) => a <= at && at < b);
  const found: Reference[] = [];

  for (const m of text.matchAll(ORGANIZATION_NOUN)) {
    if (memory.lastOrganization !== undefined) found.push({ span: [m.index, m.index + m[0].length], mention: memory.lastOrganization });
  }
  for (const m of text.matchAll(ROLE)) {
    const who = resolveRole(m[1], m[2]!, memory, mentions);
    if (who !== undefined) found.push({ span: [m.index, m.index + m[0].length], mention: who });
  }

  // The sentence's subject: the first person named or referred to outside a quotation.
  const people = own.filter(({ m }) => m.type === "person" && !quoted(m.start)).map(({ index, m }) => ({ at: m.start, end: m.end, mention: index }));
  const pronouns = [...text.matchAll(PRONOUN)].filter((m) => !quoted(m.index));
  const roles = found.filter((r) => mentions[r.mention]!.type === "person");
  const firstRole = roles[0] && { at: roles[0].span[0], mention: roles[0].mention };
  // Only a name that opens the sentence (maybe after an opening phrase) is its subject: not "That may annoy
  // Mr Brown, but he ...".
  const subjects = people.filter((p) => SUBJECT_LEAD.test(text.slice(0, titleStart(text, p.at))));
  const opener = [subjects[0], firstRole].filter((x) => x !== undefined).sort((a, b) => a.at - b.at)[0];
  for (const m of pronouns) {
    // The sentence opened with a name or role before any pronoun: "she" is that person; otherwise the most prominent.
    const who = opener && opener.at < pronouns[0]!.index ? opener.mention : memory.prominent;
    if (who !== undefined) found.push({ span: [m.index, m.index + m[0].length], mention: who });
  }
  // "accusing him of", "heaped praise on him": an object pronoun is not its clause's subject. It is the last person
  // named before it in the sentence who is not the subject, or else the most prominent person who is not.
  const subject = opener && (pronouns[0] === undefined || opener.at < pronouns[0].index) ? opener.mention : pronouns[0] ? memory.prominent : opener?.mention;
  const subjectCluster = subject === undefined ? undefined : mentions[subject]!.cluster;
  for (const m of text.matchAll(OBJECT_PRONOUN)) {
    if (quoted(m.index)) continue;
    const named = people.filter((p) => p.end <= m.index && mentions[p.mention]!.cluster !== subjectCluster).at(-1)?.mention;
    const who = named ?? (subjectCluster === undefined ? undefined : otherProminent(memory, subjectCluster));
    if (who !== undefined) found.push({ span: [m.index, m.index + m[0].length], mention: who, ...(subject !== undefined ? { objectOf: subject } : {}) });
  }
  // "Labour and the Greens have criticised his plans": his/her before something owned (or a stance noun: "his attack on") is the most prominent person.
  // Not when someone is named before it in the sentence: "Netanyahu, who also backed his nomination" may be anyone's.
  for (const m of text.matchAll(POSSESSIVE_PRONOUN)) {
    if (memory.prominent !== undefined && !people.some((p) => p.at < m.index)) {
      found.push({ span: [m.index, m.index + m[0].length], mention: memory.prominent });
    }
  }

  // "Yukos has said it will sue Baikal": "it" (or "they") right after a verb of speech is the organization or
  // country that spoke. A person's "it" is something else ("Mr Brown said it would").
  for (const m of text.matchAll(REPORTED_SUBJECT)) {
    const pronounAt = m.index + m[0].length - m[1]!.length;
    const speaker = own.filter(({ m: x }) => x.end <= m.index).at(-1);
    if (speaker && speaker.m.type !== "person" && !quoted(speaker.m.start) && SPEAKER_LEAD_IN.test(text.slice(speaker.m.end, m.index))) {
      found.push({ span: [pronounAt, pronounAt + m[1]!.length], mention: speaker.index });
    }
  }

  // "Christian Aid condemned the move": the maker of the last move named in the sentences before.
  for (const m of text.matchAll(THING_REFERENCE)) {
    if (quoted(m.index)) continue;
    const noun = singular(m[1]!);
    const made = [...memory.things].reverse().find((t) => t.noun === noun && sentence.index - t.sentence <= THING_LOOKBACK)?.owner;
    // "The WTO is to end its quota system. Christian Aid condemned the move.": a move or decision nobody was said
    // to make is the last sentence's, made by whoever it opened with.
    const actor = EVENT_NOUNS.has(noun) && memory.lastSubject?.sentence === sentence.index - 1 ? memory.lastSubject.mention : undefined;
    const owner = made ?? actor;
    if (owner !== undefined) found.push({ span: [m.index, m.index + m[0].length], mention: owner, thing: true });
  }

  // "I" inside a quotation is whoever is said to say it, in this sentence.
  const speakers = [
    ...people,
    ...found.filter((r) => mentions[r.mention]!.type === "person" && !quoted(r.span[0])).map((r) => ({ at: r.span[0], end: r.span[1], mention: r.mention })),
  ].sort((a, b) => a.at - b.at);
  for (const [qStart, qEnd] of quotes) {
    const before = speakers
      .filter((x) => x.at < qStart && SPEAKER_BEFORE.test(text.slice(x.at, qStart)) && !/["“”]/.test(text.slice(x.at, qStart)))
      .at(-1);
    const after = speakers.find((x) => {
      if (x.at < qEnd) return false;
      const gap = text.slice(qEnd, x.at);
      return SPEAKER_AFTER.test(gap.replace(/^[,.!?]/, "")) && (/\b(?:said|says|added|adds|insisted|argued)\s*$/.test(gap) || SPEECH_AFTER_NAME.test(text.slice(x.end)));
    });
    const speaker = before ?? after;
    if (!speaker) continue;
    for (const m of text.slice(qStart, qEnd).matchAll(FIRST_PERSON)) {
      found.push({ span: [qStart + m.index, qStart + m.index + 1], mention: speaker.mention });
    }
  }
  return found;
}

/** The most prominent person but one: who "him" is when "he" is the most prominent. Nobody if that is someone unnamed. */
function otherProminent(memory: DocMemory, subjectCluster: string): number | undefined {
  const ranked = [...memory.salience.entries()].filter(([cluster]) => cluster !== subjectCluster).sort((a, b) => b[1].score - a[1].score);
  const [cluster, entry] = ranked[0] ?? [];
  return cluster === UNKNOWN ? undefined : entry?.mention;
}

/**
 * "the French leader", "the Tory co-chairman", "his chancellor": the person last introduced that way, or else the
 * person named so far in this document whom the corpus's role book most often gives that title (`roleHolder`).
 */
function resolveRole(qualifier: string | undefined, role: string, memory: DocMemory, mentions: Mention[]): number | undefined {
  const code = qualifier ? countryIndex().demonyms.get(qualifier) : undefined;
  const country = code ? countryName(code) : undefined;
  const noun = role.toLowerCase();
  const introduced = [...memory.people].reverse().find(({ mention, description }) => {
    const p = mentions[mention]!;
    if (country) return mentions.some((x) => x.cluster === p.cluster && x.affiliation === country);
    // "the Tory co-chairman" needs a person introduced as "Tory co-chairman".
    if (qualifier) return description.includes(`${qualifier.toLowerCase()} ${noun}`);
    return description.includes(noun) || (p.role ?? "").toLowerCase().includes(noun);
  })?.mention;
  return introduced ?? (country ? undefined : roleHolder(roleKey(`${qualifier ?? ""} ${role}`), memory, mentions));
}

/** How many times the corpus must give a person a role, and by how much more than anyone else here, to be sure. */
export const ROLE_BOOK_MIN = 2;
const ROLE_BOOK_MARGIN = 2;

/**
 * "Mr Fox accused the prime minister", in an article that names Tony Blair but never calls him that: of the people
 * named so far, the one the role book counts most often with the title, if clearly ahead of the others.
 */
function roleHolder(key: string | undefined, memory: DocMemory, mentions: Mention[]): number | undefined {
  const holders = key === undefined ? undefined : memory.roles?.get(key);
  if (!holders) return undefined;
  const byCluster = new Map<string, { mention: number; count: number }>();
  for (const { mention } of memory.people) {
    const p = mentions[mention]!;
    const count = holders.get(p.name.toLowerCase()) ?? 0;
    if (count > (byCluster.get(p.cluster)?.count ?? -1)) byCluster.set(p.cluster, { mention, count });
  }
  const [best, next] = [...byCluster.values()].sort((a, b) => b.count - a.count);
  if (!best || best.count < ROLE_BOOK_MIN || (next && best.count < ROLE_BOOK_MARGIN * next.count)) return undefined;
  return best.mention;
}

/**
 * The roles a document names in a way the role book could answer ("the prime minister", "the Tory leader"; not "the
 * French leader", read by nationality): a document with none has the same stances with any book.
 */
export function roleKeysIn(sentences: Sentence[]): string[] {
  const keys = new Set<string>();
  for (const sentence of sentences) {
    for (const m of sentence.text.matchAll(ROLE)) {
      if (m[1] && countryIndex().demonyms.has(m[1])) continue;
      const key = roleKey(`${m[1] ?? ""} ${m[2]!}`);
      if (key) keys.add(key);
    }
  }
  return [...keys];
}

const THING = `(${THING_NOUNS.join("|")})s?`;
/** How many sentences back "the offer" may find the offer it stands for. */
const THING_LOOKBACK = 3;
// "the move", "this decision", "the new targets"; not "the move by X" or "the plan to" (said where it stands), and
// not "the LSE bid" (a name in between says whose).
const THING_REFERENCE = new RegExp(
  `\\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese)\\s+(?:(?:new|latest|proposed|planned|revised|original|controversial|final|\\w+ly)\\s+)?${THING}\\b(?!['’]|\\s+(?:by|of|from|for|to|that|which)\\b)`,
  "g",
);
const THING_WORD = new RegExp(`\\b${THING}\\b|\\b(?:${Object.keys(THING_VERBS).join("|")})\\b`, "i");
// Who made a thing, read in the sentence that names it: "⟦n⟧'s £1.3bn offer", "a report by ⟦n⟧", "⟦n⟧ has announced a move".
const MADE_BY = [
  new RegExp(`⟦(\\d+)⟧['’]s?\\s+(?:[\\w£$€.,-]+\\s+){0,3}?${THING}\\b`, "gi"),
  new RegExp(`\\b${THING}\\s+(?:\\w+\\s+)?(?:by|from)\\s+(?:the\\s+)?⟦(\\d+)⟧`, "gi"),
  new RegExp(
    `⟦(\\d+)⟧(?:\\s*,[^,.;]{1,60},)?\\s+(?:(?:has|have|had|was|were|is|will|also|\\w+ly)\\s+)*(?:${MAKING_VERBS.join("|")})\\s+(?:(?:a|an|its|the|their|his|her)\\s+)?(?:[\\w£$€.,-]+\\s+){0,3}?${THING}\\b`,
    "gi",
  ),
];
// "The Sunday Times alleged that ...", "the Lords ruled": a thing made by the verb that says it (captures owner, verb).
const MADE_BY_VERB = new RegExp(
  `⟦(\\d+)⟧(?:\\s*,[^,.;]{1,60},)?\\s+(?:(?:has|have|had|also|\\w+ly)\\s+)*(${Object.keys(THING_VERBS).join("|")})\\b`,
  "gi",
);
/** The kind of thing a noun names, one for "claims", "allegations" and "the charges". */
const singular = (noun: string) => {
  const one = noun.toLowerCase().replace(/s$/, "");
  return THING_KINDS[one] ?? one;
};
const EVENT_NOUNS: ReadonlySet<string> = new Set(["move", "decision"]);

/** After a sentence: the things it names with their makers, for "the offer" in the sentences after. */
function rememberThings(memory: DocMemory, sentence: Sentence, outside: { index: number; m: Mention }[]): void {
  if (outside.length === 0 || !THING_WORD.test(sentence.text)) return;
  const { text, slots } = mask(sentence, outside, []);
  const found: { at: number; noun: string; owner: number }[] = [];
  for (const [i, pattern] of MADE_BY.entries()) {
    for (const m of text.matchAll(pattern)) {
      // The first two patterns capture (owner, noun) and (noun, owner); the third (owner, noun).
      const [owner, noun] = i === 1 ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
      const mention = slots.get(owner)?.mention;
      if (mention !== undefined) found.push({ at: m.index, noun: singular(noun), owner: mention });
    }
  }
  for (const m of text.matchAll(MADE_BY_VERB)) {
    const mention = slots.get(m[1]!)?.mention;
    if (mention !== undefined) found.push({ at: m.index, noun: THING_VERBS[m[2]!.toLowerCase()]!, owner: mention });
  }
  for (const f of found.sort((a, b) => a.at - b.at)) memory.things.push({ noun: f.noun, owner: f.owner, sentence: sentence.index });
}

// A sentence that opens with a role: "The prime minister on Sunday said ...".
const ROLE_SUBJECT = new RegExp(`^(?:(?:But|And|However|Meanwhile),?\\s+)?[Tt]he\\s+(?:(\\p{Lu}\\p{L}+)\\s+)??(${ROLE_NOUN})\\b`, "u");

const UNKNOWN = "";
const PRONOUN_SUBJECT = /^(?:(?:But|And|However|Meanwhile|Instead|Later),?\s+)?(?:He|She)\b/;
// An opening phrase without a name, ending in a comma: "Born in 1912 and educated at Portsmouth,".
const OPENING_PHRASE = /^[^"“”]{0,140},\s*$/;

/** After a sentence: who "he" and "the company" will refer to next, and how each person was described. */
function remember(memory: DocMemory, sentence: Sentence, own: { index: number; m: Mention }[], mentions: Mention[]): void {
  const quotes = quotedSpans(sentence.text);
  const outside = own.filter(({ m }) => !quotes.some(([a, b]) => a <= m.start && m.start < b));
  rememberThings(memory, sentence, outside);
  const firstPerson = outside.find(({ m }) => m.type === "person");
  const roleSubject = ROLE_SUBJECT.exec(sentence.text);
  for (const entry of memory.salience.values()) entry.score /= 2;
  const bump = (mention: number | undefined, by: number) => {
    const key = mention === undefined ? UNKNOWN : mentions[mention]!.cluster;
    const entry = memory.salience.get(key) ?? { score: 0 };
    entry.score += by;
    if (mention !== undefined) entry.mention = mention;
    memory.salience.set(key, entry);
  };
  // The subject: "The prime minister said ..." is whoever that is, or nobody we know; a name near the start, or
  // after an opening phrase ("Born in 1912, Lord Callaghan became"); "He" at the start continues the chain.
  const subject = roleSubject
    ? { mention: resolveRole(roleSubject[1], roleSubject[2]!, memory, mentions) }
    : firstPerson && (firstPerson.m.start < 60 || OPENING_PHRASE.test(sentence.text.slice(0, readPrefix(sentence.text, firstPerson.m.start).start)))
      ? { mention: firstPerson.index }
      : PRONOUN_SUBJECT.test(sentence.text) && memory.prominent !== undefined
        ? { mention: memory.prominent }
        : undefined;
  if (subject) bump(subject.mention, 2);
  for (const { index, m } of outside) if (m.type === "person" && index !== subject?.mention) bump(index, 0.5);
  const [top] = [...memory.salience.values()].sort((a, b) => b.score - a.score);
  memory.prominent = top?.mention;
  const first = outside[0];
  if (first && first.m.type === "organization" && first.m.start < 40) memory.lastOrganization = first.index;
  const opener = first && first.m.start < 40 && SUBJECT_LEAD.test(sentence.text.slice(0, titleStart(sentence.text, first.m.start)));
  memory.lastSubject = opener ? { mention: first.index, sentence: sentence.index } : undefined;
  for (const { index, m } of own) {
    if (m.type !== "person") continue;
    const description = sentence.text.slice(readPrefix(sentence.text, m.start).start, m.start).toLowerCase();
    memory.people.push({ mention: index, description: `${description} ${(m.role ?? "").toLowerCase()}` });
  }
}

// "opposed the LSE bid": a name in front of a deal word is what the deal is for, not who made it.
// Likewise "a critic of US support for Israel": the name in front of a stance noun holds that stance, it is not the target.
const DEAL_OBJECT = new RegExp(`^\\s+(?:bid|bids|takeover|offer|deal|merger|${alternation(nounForms.keys())})\\b`, "i");
const POSSESSED = /^['’]s?\s+((?:[\w£$€.,-]+\s+){0,3}?)([\w-]+)/;
const OWNED_WORD = new RegExp(`^${OWNED}$`, "i");
// "⟦Wasps⟧ director of rugby ⟦Warren Gatland⟧": lower-case title words ("of" only inside them) between a name and a person.
const TITLE_WORD = "(?!(?:for|from|of|to|by|with|at|as|in|on|over|after|against|than|that|who|which|said|says)\\b)\\p{Ll}[\\w-]*\\s+";
const TITLED_PERSON = new RegExp(`^\\s+${TITLE_WORD}(?:(?:of\\s+)?${TITLE_WORD}){0,3}⟦(\\d+)⟧`, "u");
const OWNED_THEN_VERB = new RegExp(`^(?:['’]s?)?\\s+(?:[\\w£$€.,-]+\\s+){0,3}?${OWNED}\\s+(?:was|were|is|are|had|has|have|would|will|could|did|do|does)\\b`, "i");
const OWNED_PERSON = /^(?:spokes(?:man|woman|person)|aides?|advisers?|deputy|lawyers?|wife|husband|son|daughter|brother|sister|chairman|boss|staff|officials?)$/i;
const APPOSED = /^['’]s?\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+(?:the\s+)?⟦([pt]?\d+)⟧/;
/** "⟦n⟧'s claims were denied by": the passive's subject is something the name owns. */
const OWNED_GAP = new RegExp(`^(?:['’]s?)?\\s+${OWNED_MODIFIERS}${OWNED}\\s*$`, "i");
/**
 * Words after a name that show it does not qualify a noun: "⟦US⟧ assets were" (qualifies), "⟦Yukos⟧ has been"
 * and "criticism from ⟦Robinson⟧ afterwards" (does not). Used for passive subjects and for holders after by/from.
 */
const FUNCTION_WORD =
  /^(?:of|in|on|and|or|over|for|after|before|who|which|that|at|to|as|with|since|about|against|last|this|earlier|recently|among|amid|because|but|when|while|said|says|has|have|had|is|was|were|are|will|would|during|until|under|into|its|their|his|her|the|a|an|if|than|so|also|too|it|itself|himself|herself|themselves|however|\w+ly|\w+wards|yesterday|today|tonight|later|again|now|then|instead|alone)$/i;

/**
 * The target mentions of a matched list, dropping readings that name the wrong thing: "the LSE bid" (the
 * bid is for the LSE), "Britain's financial watchdog" (a country owns institutions, not opinions, unless
 * it is "Britain's government", "Britain's policy").
 */
function slotsIn(list: string, first: string, masked: Masked, mentions: Mention[]): number[] {
  const ids = [first, ...[...list.matchAll(/⟦([pt]?\d+)⟧/g)].map((m) => m[1]!)];
  return ids.flatMap((id) => {
    const slot = masked.slots.get(id);
    if (!slot) return [];
    const after = textAfterSlot(masked, id);
    if (DEAL_OBJECT.test(after)) return [];
    // "praised ⟦Blue Harbour⟧ director and co-star ⟦Tom Reed⟧": a name that qualifies a person's title.
    const titled = TITLED_PERSON.exec(after)?.[1];
    const person = titled !== undefined ? masked.slots.get(titled) : undefined;
    if (person && mentions[slot.mention]!.type !== "person" && mentions[person.mention]!.type === "person") return [person.mention];
    const owned = POSSESSED.exec(after)?.[2];
    // "criticised Britain's bank regulator, the FSA": the one named in apposition.
    const apposed = APPOSED.exec(after)?.[1];
    if (owned && !OWNED_WORD.test(owned) && apposed !== undefined) {
      const other = masked.slots.get(apposed);
      return other ? [other.mention] : [];
    }
    if (owned && mentions[slot.mention]!.type === "country" && !OWNED_WORD.test(owned)) return [];
    // "criticised Mr Blair's spokesman": a stance towards someone's people is not towards them.
    if (owned && OWNED_PERSON.test(owned)) return [];
    return [slot.mention];
  });
}

/** A sentence with its entities (and resolved pronoun or role holders) masked, ready to be read for stances. */
export interface MaskedSentence {
  sentence: Sentence;
  masked: Masked;
}

/**
 * Masks the sentences of one document that name two things or more (counting "he", "the chancellor" and
 * the like, resolved from the sentences before), in order: only those with a cue word unless `all` is set
 * (the learned-stance experiment reads every one). Headlines and the title line are left out.
 */
export function maskSentences(
  sentences: Sentence[],
  mentions: Mention[],
  { all = false, roles }: { all?: boolean; roles?: RoleBook } = {},
): MaskedSentence[] {
  const bySentence = new Map<string, { index: number; m: Mention }[]>();
  mentions.forEach((m, index) => {
    const list = bySentence.get(m.sentenceId) ?? [];
    list.push({ index, m });
    bySentence.set(m.sentenceId, list);
  });
  const memory: DocMemory = { people: [], salience: new Map(), things: [], ...(roles ? { roles } : {}) };
  const out: MaskedSentence[] = [];

  for (const sentence of sentences) {
    const own = bySentence.get(sentence.id) ?? [];
    // An article's first line without a full stop is its title: "Cardinal criticises Iraq war cost".
    const title = sentence.index === 0 && !/[.!?]["”’)]?$/.test(sentence.text.trim());
    if ((all || ANY_CUE.test(sentence.text)) && !isHeadline(sentence.text) && !title) {
      const resolved = findResolvedHolders(sentence, memory, mentions, own);
      if (own.length + resolved.length >= 2) {
        // "The Tory co-chairman" is one holder: a name inside a resolved role gives way to it.
        const roleParts = own.filter(({ m }) => resolved.some((r) => r.span[0] <= m.start && m.end <= r.span[1]));
        const named = own.filter((x) => !roleParts.includes(x));
        const masked = mask(sentence, named, resolved.filter((r) => !named.some(({ m }) => r.span[0] < m.end && m.start < r.span[1])));
        if (masked.slots.size >= 2) out.push({ sentence, masked });
      }
    }
    remember(memory, sentence, own, mentions);
  }
  return out;
}

/**
 * Finds who supports or opposes whom in each sentence of one document. Precision first: a sentence
 * without an entity on both sides of a cue gives nothing ("the senator opposed the idea").
 */
export function findStances(sentences: Sentence[], mentions: Mention[], roles?: RoleBook): StanceMention[] {
  const masked = maskSentences(sentences, mentions, roles ? { roles } : {});
  return dedupe(masked.flatMap(({ sentence, masked }) => readStances(sentence, masked, mentions)));
}

function readStances(sentence: Sentence, masked: Masked, mentions: Mention[]): StanceMention[] {
  const out: StanceMention[] = [];
  const cueSpan = (start: number, end: number): [number, number] => [masked.orig[start]!, masked.orig[end]!];
  const add = (holderSlot: string, targets: number[], polarity: Stance, cue: string, confidence: number, span: [number, number]) => {
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
        confidence: Math.round(confidence * (holder.resolved ? CONFIDENCE.resolvedHolder : 1) * (thing ? CONFIDENCE.resolvedThing : 1) * 100) / 100,
        cueSpan: span,
      };
      if (holder.resolved) stance.holderSpan = holder.span;
      // The target's own mention is in another sentence: point at the words that stand for it here.
      const written = mentions[target]!.sentenceId === sentence.id ? undefined : targetSlots.find((x) => x.resolved);
      if (written) stance.targetSpan = written.span;
      out.push(stance);
    }
  };
  const before = (index: number) => masked.text.slice(0, index);
  /** A verb cue whose match ends in its target list: the cue is the last `verb` before the first target. */
  const addVerbBeforeTargets = (match: RegExpExecArray, holder: string, verb: string, firstTarget: string, rest: string, confidence: number) => {
    const cueStart = match.index + match[0].lastIndexOf(verb, match[0].length - firstTarget.length);
    const cue = verbForms.get(verb.toLowerCase())!;
    add(holder, slotsIn(rest, firstTarget, masked, mentions), cue.polarity, verb, confidence, cueSpan(cueStart, cueStart + verb.length));
  };

  const actives = [ACTIVE, ACTIVE_PHYSICAL, ACTIVE_OWNED_ONLY, ACTIVE_OWNED_BY].flatMap((pattern) => [...masked.text.matchAll(pattern)]);
  for (const m of actives) {
    const [, slot, apposition = "", between = "", verb, firstTarget, rest = ""] = m;
    // "head of the ⟦Red Cross⟧, ⟦Jane Doe⟧, accused ...": the person in the apposition is the holder.
    const appositionId = /^,\s*⟦(\d+)⟧\s*,$/.exec(apposition.trim())?.[1];
    const appositionPerson =
      appositionId && mentions[masked.slots.get(appositionId)?.mention ?? -1]?.type === "person" ? appositionId : undefined;
    const holderIsPerson = mentions[masked.slots.get(slot!)?.mention ?? -1]?.type === "person";
    const holder = appositionPerson && !holderIsPerson ? appositionPerson : slot;
    if (CONDITIONAL.test(before(m.index))) continue;
    // "The majority owner of Russian oil firm Yukos has sued", "Ericsson of Sweden are backing": the holder is someone else.
    if (NOT_THE_HOLDER.test(before(m.index))) continue;
    const coHolders = [...(HOLDER_LIST_BEFORE.exec(before(m.index))?.[1] ?? "").matchAll(/⟦(\d+)⟧/g)].map((x) => x[1]!);
    const cue = verbForms.get(verb!.toLowerCase())!;
    if (isModifierUse(holder!, between, masked, mentions) || /\b(?:a|an|the)\s*$/i.test(between)) continue;
    // "met in ⟦London⟧, criticising ⟦Brown⟧": a participle after a comma belongs to the main clause (TRAILING).
    if (apposition.trim() === "," && between === "" && /ing$/i.test(verb!.split(" ")[0]!)) continue;
    // "Though I like Blur, I have to disagree with": another subject stands between.
    if (/(?:^|\s)(?:I|we|you|they|it|he|she)\s/i.test(` ${between}`)) continue;
    if (verb!.toLowerCase() === "back" && between.trim() === "") continue; // "Cardiff back Rhys Williams"
    if (cue.lemma === "back" && PHRASAL_BACK.test(between)) continue; // "tried to bring back Solano"
    const after = masked.text.slice(m.index + m[0].length);
    if (cue.polarity === "support" && FORECAST.test(after)) continue; // "backed New Zealand to win the series"
    if (cue.lemma === "condemn" && /^\s+to\s/.test(after)) continue; // "condemned Mansfield to a ninth game without a win"
    if (cue.lemma === "welcome" && /^\s+(?:back|home)\b/.test(after)) continue; // "welcoming the chancellor back": a greeting
    // "denied Labour's plans were dead": what was denied is a clause, not what Labour said.
    if (OWNED_ONLY_CUES.has(cue.lemma) && OWNED_THEN_VERB.test(textAfterSlot(masked, firstTarget!))) continue;
    if (REPORTED.test(before(m.index))) continue; // "upset by reports that he had criticised"
    const cueStart = m.index + m[0].indexOf(verb!, m[0].indexOf(between) + between.length - 1);
    let polarity: Stance | undefined = cue.polarity;
    let confidence: number = CONFIDENCE.stated;
    if (REFUSAL.test(between)) {
      if (polarity === "oppose") polarity = undefined;
      else {
        polarity = "oppose";
        confidence = CONFIDENCE.refused;
      }
    } else if (NEGATION.test(between)) polarity = undefined;
    if (!polarity) continue;
    if (HEDGE.test(between) || /\b(hope[sd]?|hoping|wish(es|ed)?)\s+that\s*$/i.test(before(m.index))) confidence *= CONFIDENCE.hedged;
    for (const h of [holder!, ...coHolders]) {
      add(h, slotsIn(rest, firstTarget!, masked, mentions), polarity, verb!, confidence, cueSpan(cueStart, cueStart + verb!.length));
    }
  }

  for (const m of masked.text.matchAll(DEMAND)) {
    const [, holder, , between = "", verb, target] = m;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(verb!, m[0].indexOf(between) + between.length - 1);
    if (t !== undefined && !NEGATION.test(between)) add(holder!, [t], "oppose", verb!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + verb!.length));
  }

  for (const m of masked.text.matchAll(DENIED_CLAIM)) {
    const [, holder, , verb] = m;
    const claimant = [...before(m.index).matchAll(CLAIMANT)].at(-1)?.[1];
    const t = claimant !== undefined ? masked.slots.get(claimant)?.mention : undefined;
    const cueStart = m.index + m[0].lastIndexOf(verb!);
    if (t !== undefined) add(holder!, [t], "oppose", verb!, CONFIDENCE.nominal, cueSpan(cueStart, cueStart + verb!.length));
  }

  for (const m of masked.text.matchAll(WARNED_THAT)) {
    const [, holder, , between = "", verb, target] = m;
    if (NEGATION.test(between)) continue;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(verb!);
    if (t !== undefined) add(holder!, [t], "oppose", verb!, CONFIDENCE.warnedThat, cueSpan(cueStart, cueStart + verb!.length));
  }

  for (const m of masked.text.matchAll(PASSIVE)) {
    const [, target, gap = "", aux = "", participle, firstHolder, rest = ""] = m;
    if (NEGATION.test(aux)) continue;
    // "ruled foreign by a court as it was backed by": the passive's subject is "it".
    if (/\b(?:it|he|she|they)$/i.test(gap)) continue;
    // "Nike, whose shoes are endorsed by a golfer": what is owned must be something said or decided.
    const whose = /^\s*,?\s*whose\s+((?:[\w-]+\s+){0,2}?[\w-]+)$/.exec(gap)?.[1];
    if (whose !== undefined && !whose.split(/\s+/).some((w) => OWNED_WORD.test(w))) continue;
    // "the US assets had been rejected": a name right in front of a noun qualifies it, unless it owns it ("Labour plans were").
    const attributive = /^\s+((?:[\w-]+\s+){0,2}?[\w-]+)$/.exec(gap)?.[1]?.split(/\s+/);
    if (attributive && attributive.every((w) => /^\p{Ll}/u.test(w) && !FUNCTION_WORD.test(w)) && !attributive.some((w) => OWNED_WORD.test(w))) continue;
    const cue = participles.get(participle!.toLowerCase())!;
    if (OWNED_ONLY_CUES.has(cue.lemma) && !OWNED_GAP.test(gap)) continue;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(participle!, m[0].indexOf(aux));
    if (t === undefined) continue;
    for (const slot of [firstHolder!, ...[...rest.matchAll(/⟦(\d+)⟧/g)].map((x) => x[1]!)]) {
      const h = holderAfterBy(slot, masked, mentions);
      if (h !== undefined) add(h, [t], cue.polarity, participle!, CONFIDENCE.passive, cueSpan(cueStart, cueStart + participle!.length));
    }
  }

  // "met with skepticism and outright rejection by several countries, including Slovakia, ..., Spain":
  // each listed holder against the owner of what they reacted to: a possessive in the sentence, or its subject.
  for (const m of masked.text.matchAll(NOMINAL)) {
    const [, noun, firstHolder, rest = ""] = m;
    const polarity = nounForms.get(noun!.toLowerCase())!;
    const head = before(m.index);
    if (NEGATION.test(head.slice(-25))) continue;
    // The owner: a possessive just before the noun, or the sentence's subject, not a name inside a phrase
    // ("The referee from Saturday's France v Scotland match has defended ... after criticism by Matt Williams").
    const subject = /^([^⟦]{0,40})⟦(\d+)⟧/.exec(head);
    // "Straw has defended plans ... despite opposition from the US": the opposition is to the plans, which
    // may be someone else's, not to the subject.
    const despite = /\b(?:despite|amid|in spite of|notwithstanding)\s+(?:[\w-]+\s+)?$/i.test(head);
    const subjectOwner = subject && !despite && !/\b(?:of|from|by|with|for|against|v|vs|between)\b/.test(subject[1]!) ? subject[2] : undefined;
    const owner = /⟦(\d+)⟧['’]s?\s+(?:\w+\s+){0,2}$/.exec(head)?.[1] ?? subjectOwner;
    const target = owner !== undefined ? masked.slots.get(owner)?.mention : undefined;
    if (target === undefined) continue;
    for (const slot of [firstHolder!, ...[...rest.matchAll(/⟦(\d+)⟧/g)].map((x) => x[1]!)]) {
      const h = holderAfterBy(slot, masked, mentions);
      if (h !== undefined) add(h, [target], polarity, noun!, CONFIDENCE.nominal, cueSpan(m.index, m.index + noun!.length));
    }
  }

  for (const m of masked.text.matchAll(ADJECTIVE)) {
    const [, holder, , be = "", adjective, firstTarget, rest = ""] = m;
    if (NEGATION.test(be) || isModifierUse(holder!, "", masked, mentions) || REPORTED.test(before(m.index))) continue;
    const cueStart = m.index + m[0].indexOf(adjective!, m[0].indexOf(be) + be.length - 1);
    const span = cueSpan(cueStart, cueStart + adjective!.length);
    add(holder!, slotsIn(rest, firstTarget!, masked, mentions), STANCE_ADJECTIVES[adjective!.toLowerCase()]!, adjective!, CONFIDENCE.stated, span);
  }

  const speechThen = SPEECH_THEN.exec(masked.text);
  if (speechThen) {
    const [, holder, , clause = "", verb, firstTarget, rest = ""] = speechThen;
    const bare = clause.replace(/⟦[pt]?\d+⟧/g, " ");
    if (!ANY_CUE.test(bare) && !SPEECH_VERB.test(bare) && !CONDITIONAL.test(bare) && !isModifierUse(holder!, "", masked, mentions)) {
      addVerbBeforeTargets(speechThen, holder!, verb!, firstTarget!, rest, CONFIDENCE.coordinated);
    }
  }

  for (const m of masked.text.matchAll(VEHICLE)) {
    const [, holder, , between = "", verb, firstTarget, rest = ""] = m;
    if (NEGATION.test(between) || CONDITIONAL.test(before(m.index)) || isModifierUse(holder!, "", masked, mentions)) continue;
    addVerbBeforeTargets(m, holder!, verb!, firstTarget!, rest, CONFIDENCE.stated * (HEDGE.test(between) ? CONFIDENCE.hedged : 1));
  }
  const trailing = TRAILING.exec(masked.text);
  if (trailing) {
    const [, holder, , clause = "", verb, firstTarget, rest = ""] = trailing;
    const holderIsPerson = mentions[masked.slots.get(holder!)?.mention ?? -1]?.type === "person";
    // "⟦Labour⟧ MPs met": the people who speak for it may stand before the verb.
    const predicate = clause.replace(SPEAKS_FOR, "").trim();
    const ok =
      !TRAILING_CLAUSE_BREAK.test(clause) &&
      !ANY_CUE.test(clause.replace(/⟦[pt]?\d+⟧/g, " ").replace(PHRASAL_BACK_ANYWHERE, " ")) &&
      !NEGATION.test(clause) &&
      clause.replace(SLOT_AFTER_PREPOSITION, " ").indexOf("⟦") < 0 &&
      (holderIsPerson || VERB_LIKE.test(predicate));
    if (ok) addVerbBeforeTargets(trailing, holder!, verb!, firstTarget!, rest, CONFIDENCE.coordinated * (HEDGE.test(clause) ? CONFIDENCE.hedged : 1));
  }
  const opener = PARTICIPLE_OPENER.exec(masked.text);
  if (opener) {
    const [, verb, firstTarget, rest = "", holder] = opener;
    const cueStart = opener.index + opener[0].indexOf(verb!);
    const cue = verbForms.get(verb!.toLowerCase())!;
    add(holder!, slotsIn(rest, firstTarget!, masked, mentions), cue.polarity, verb!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + verb!.length));
  }

  for (const m of masked.text.matchAll(AGENT_OF)) {
    const [, holder, be = "", modifiers = "", agent, inner, firstTarget, rest = ""] = m;
    const polarity = agentForms.get(agent!.toLowerCase())!;
    // "a supporter of continued support for Turkey" holds; "a critic of support for X" is not a plain stance.
    if (inner && nounForms.get(inner.toLowerCase()) !== polarity) continue;
    if (NEGATION.test(be) || NEGATION.test(modifiers) || isModifierUse(holder!, "", masked, mentions)) continue;
    const cueStart = m.index + m[0].indexOf(agent!, m[0].indexOf(modifiers) + modifiers.length - 1);
    add(holder!, slotsIn(rest, firstTarget!, masked, mentions), polarity, agent!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + agent!.length));
  }
  for (const m of masked.text.matchAll(AGENT_COMPOUND)) {
    const [, holder, be = "", , target, agent] = m;
    const t = masked.slots.get(target!)?.mention;
    if (t === undefined || NEGATION.test(be)) continue;
    const cueStart = m.index + m[0].lastIndexOf(agent!);
    add(holder!, [t], agentForms.get(agent!.toLowerCase())!, agent!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + agent!.length));
  }
  for (const m of masked.text.matchAll(AGENT_TITLE)) {
    const [, target, agent, holder] = m;
    const t = masked.slots.get(target!)?.mention;
    if (t === undefined) continue;
    const cueStart = m.index + m[0].indexOf(agent!);
    add(holder!, [t], agentForms.get(agent!.toLowerCase())!, agent!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + agent!.length));
  }

  for (const m of masked.text.matchAll(OWNED_NOUN)) {
    const [, holder, noun, target] = m;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(noun!);
    // A person's attack on someone is in words; a country's or a club's may be in arms or on the pitch.
    if (/^attack/i.test(noun!) && mentions[masked.slots.get(holder!)?.mention ?? -1]?.type !== "person") continue;
    if (t !== undefined) add(holder!, [t], nounForms.get(noun!.toLowerCase())!, noun!, CONFIDENCE.nominal, cueSpan(cueStart, cueStart + noun!.length));
  }
  return out;
}

const NOT_THE_HOLDER = /(?:\b(?:include|includes|including|such as)\s+(?:⟦[pt]?\d+⟧\s*,\s*)*$|(?:^|\s)(?:[Mm]any|[Ss]ome|[Ss]everal|[Ff]ew|[Mm]ost|[Oo]ther)\s+|\b(?:owners?|shareholders?|investors?|rivals?|customers?|creditors?|clients?|critics?|supporters?)\s+of\s+(?:[\w-]+\s+){0,4}|(?:⟦[pt]?\d+⟧|\p{Lu}[\p{L}-]*)\s+of\s+(?:the\s+)?)$/u;

const PHRASAL_BACK_ANYWHERE = new RegExp(`\\b(?:${PHRASAL_BEFORE_BACK.join("|")})\\s+back\\b`, "gi");
const PHRASAL_BACK = new RegExp(`\\b(?:${PHRASAL_BEFORE_BACK.join("|")})\\s*$`, "i");
const FORECAST = new RegExp(`^\\s+to\\s+(?:${FORECAST_VERBS.join("|")})\\b`, "i");
// "reports that he has been critical of", "denied claims that": a stance someone else says there is.
const REPORTED = /\b(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|speculation)\s+that\s+(?:[^⟦.;]|⟦[pt]?\d+⟧){0,40}$/i;

/**
 * After "by" or "from", a name that goes on is not the holder: "by the ⟦US⟧ Anti-Doping Agency" names the
 * agency, "criticism from ⟦Charlton⟧ fans" the fans. "by ⟦US⟧ officials" and "by ⟦Vivendi⟧'s board" speak for it.
 */
/** The masked text after a slot: "⟦3⟧'s comments were" -> "'s comments were". */
function textAfterSlot(masked: Masked, slotId: string): string {
  const token = `⟦${slotId}⟧`;
  return masked.text.slice(masked.text.indexOf(token) + token.length);
}

/**
 * The holder a name after "by" or "from" stands for: the person whose title it qualifies ("by ⟦Wasps⟧ director of
 * rugby ⟦Warren Gatland⟧"), itself, or nobody when it goes on to name something else (`holderGoesOn`).
 */
function holderAfterBy(slotId: string, masked: Masked, mentions: Mention[]): string | undefined {
  const titled = TITLED_PERSON.exec(textAfterSlot(masked, slotId))?.[1];
  if (titled !== undefined && mentions[masked.slots.get(titled)?.mention ?? -1]?.type === "person") return titled;
  return holderGoesOn(slotId, masked) ? undefined : slotId;
}

function holderGoesOn(slotId: string, masked: Masked): boolean {
  const after = textAfterSlot(masked, slotId);
  if (/^\s+\p{Lu}/u.test(after)) return true;
  const word = /^\s+(\p{Ll}[\w-]*)/u.exec(after)?.[1];
  return word !== undefined && !FUNCTION_WORD.test(word) && !SPEAKS_FOR.test(word);
}

// What may stand between a holder and its verb: "has", "will also", "strongly". A country or organization
// followed by any other lower-case word is a modifier, not the holder: "A US woman is suing HP".
const VERB_LEAD_IN = /^(?:(?:has|have|had|is|was|were|are|will|would|could|can|may|might|should|must|did|does|do|also|then|now|not|never|already|previously|again|still|last|this|on|in|\w+ly)\b\s*)*$/i;
// "The US government accused", "Labour MPs criticised": people who speak for the country or organization.
const SPEAKS_FOR = /^(?:government|officials|spokes(?:man|woman|person)|authorities|administration|ministers?|leaders?|president|diplomats|negotiators|regulators|forces|troops|army|military|MPs|MEPs|peers|members|activists|backbenchers)\b/i;

function isModifierUse(holderSlot: string, between: string, masked: Masked, mentions: Mention[]): boolean {
  const holder = masked.slots.get(holderSlot);
  if (!holder || mentions[holder.mention]!.type === "person") return false;
  const words = between.trim();
  return words !== "" && !VERB_LEAD_IN.test(words) && !SPEAKS_FOR.test(words);
}

/** One stance per sentence, holder, target and polarity: the most confident reading wins. */
function dedupe(stances: StanceMention[]): StanceMention[] {
  const best = new Map<string, StanceMention>();
  for (const s of stances) {
    const key = `${s.sentenceId}|${s.holder}|${s.target}|${s.stance}`;
    const prev = best.get(key);
    if (!prev || s.confidence > prev.confidence) best.set(key, s);
  }
  return [...best.values()];
}
