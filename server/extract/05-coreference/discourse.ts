// Coreference of pronouns and roles (stage 5), run by the stance stage for the sentences it reads. Takes the sentences
// and mentions so far (and the corpus's role book, if any) and gives the holders they stand for.
// What the sentences before tell about this one: who "he", "the prime minister", "the company" and "I" in a quotation
// are, and whose "the offer" or "the move" is. Read sentence by sentence into a DocMemory (`remember`), and asked for
// each sentence with a cue (`findResolvedHolders`).
import type { Mention, Sentence } from "../../types.js";
import { readPrefix } from "../read-prefix.js";
import { countryIndex, countryName } from "../lexicon/countries.js";
import {
  MAKING_VERBS,
  ORGANIZATION_NOUNS,
  OTHER_OFFICE_WORDS,
  PERSON_PRONOUNS,
  ROLE_NOUNS,
  THING_KINDS,
  THING_NOUNS,
  THING_VERBS,
} from "../lexicon/references.js";
import { QUOTE_LEAD_VERBS, QUOTE_VERBS, STATEMENT_VERBS } from "../lexicon/speech.js";
import { type RoleBook, roleKey } from "../07-role-book.js";
import { alternation, escapeRegExp } from "../../../common/regex.js";
import { type Reference, mask, quotedSpans, titleStart } from "../mask.js";
import { OWNED, OWNED_MODIFIERS, nounForms } from "../cue-forms.js";
import { type GroupMemory, findGroupReferences, findQuotedWe, rememberGroups } from "./groups.js";
import { UNKNOWN, objectPronouns } from "./pronouns.js";

export interface DocMemory extends GroupMemory {
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
const SUBJECT_LEAD =
  /^(?:(?:But|And|However|Meanwhile|Also|Now|Then|Later|Earlier|Instead|So)\b[,\s]*)?(?:[Tt]he\s+)?$|^[^"“”]{0,140},\s*$/;
const ORGANIZATION_NOUN = new RegExp(`\\b[Tt]he\\s+(?:${ORGANIZATION_NOUNS.join("|")})\\b`, "g");
// Role nouns in either case: "the president", "the President", "the Prime Minister".
const ROLE_NOUN = ROLE_NOUNS.map((n) => n.replace(/\b(\w)/g, (c) => `[${c}${c.toUpperCase()}]`)).join("|");
const ROLE = new RegExp(`\\b(?:[Tt]he|[Hh]is|[Hh]er)\\s+(?:(\\p{Lu}\\p{L}+)\\s+)??(${ROLE_NOUN})\\b`, "gu");
// Who is speaking a quotation: 'X told the paper: "..."', '"...," said X', '"...," X said'.
const SPEAKER_BEFORE = new RegExp(`(?:${QUOTE_LEAD_VERBS.join("|")}|told\\s[^"“:]{1,40})\\s*[:,]?\\s*$`);
const SPEAKER_AFTER = new RegExp(`^\\s*(?:(?:${QUOTE_VERBS.join("|")})\\s+)?$`);
// "X has said it will", "X said on Monday that they had": the pronoun is the speaker, read from the name just before.
const REPORTED_SUBJECT = new RegExp(
  `\\b(?:${STATEMENT_VERBS.join("|")})\\s+(?:(?:on|last|this)\\s+\\w+\\s+)?(?:that\\s+)?(it|they)\\b`,
  "g",
);
const SPEAKER_LEAD_IN = /^(?:\s+(?:has|have|had|also|now|previously|already|\w+ly))*\s+$/;
const SPEECH_AFTER_NAME = new RegExp(`^\\s+(?:${QUOTE_VERBS.join("|")})\\b`);
const SPEECH_BEFORE_NAME = new RegExp(`\\b(?:${QUOTE_VERBS.join("|")})\\s*$`);

/**
 * Pronoun and role holders, resolved from what came before: "He warned" is the most prominent person
 * (see `remember`), or the person this sentence opened with ("Culture Secretary Tessa Jowell said ... and
 * she accused"); "the French leader", "his chancellor" are the person last described that way; "I" inside a
 * quotation is its speaker. Names inside quotations are never antecedents: they are what someone said.
 */
export function findResolvedHolders(
  sentence: Sentence,
  memory: DocMemory,
  mentions: Mention[],
  own: { index: number; m: Mention }[],
): Reference[] {
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
  const people = own
    .filter(({ m }) => m.type === "person" && !quoted(m.start))
    .map(({ index, m }) => ({ at: m.start, end: m.end, mention: index }));
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
  // Who "him" and "her" are not (objectPronouns): the sentence's subject.
  const subject =
    opener && (pronouns[0] === undefined || opener.at < pronouns[0].index)
      ? opener.mention
      : pronouns[0]
        ? memory.prominent
        : opener?.mention;
  const named = opener !== undefined && opener.mention === subject;
  found.push(
    ...objectPronouns(text, subject === undefined ? undefined : { mention: subject, named }, people, roles, memory, mentions, quoted),
  );
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

  found.push(...findGroupReferences(sentence, memory, quoted), ...findQuotedWe(sentence, own, quotes, quoted));

  // "I" inside a quotation is whoever is said to say it, in this sentence.
  const speakers = [
    ...people,
    ...found
      .filter((r) => mentions[r.mention]!.type === "person" && !quoted(r.span[0]))
      .map((r) => ({ at: r.span[0], end: r.span[1], mention: r.mention })),
  ].sort((a, b) => a.at - b.at);
  for (const [qStart, qEnd] of quotes) {
    const before = speakers
      .filter((x) => x.at < qStart && SPEAKER_BEFORE.test(text.slice(x.at, qStart)) && !/["“”]/.test(text.slice(x.at, qStart)))
      .at(-1);
    const after = speakers.find((x) => {
      if (x.at < qEnd) return false;
      const gap = text.slice(qEnd, x.at);
      return SPEAKER_AFTER.test(gap.replace(/^[,.!?]/, "")) && (SPEECH_BEFORE_NAME.test(gap) || SPEECH_AFTER_NAME.test(text.slice(x.end)));
    });
    const speaker = before ?? after;
    if (!speaker) continue;
    for (const m of text.slice(qStart, qEnd).matchAll(FIRST_PERSON)) {
      found.push({ span: [qStart + m.index, qStart + m.index + 1], mention: speaker.mention });
    }
  }
  return found;
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
    if (qualifier) return describedAs(description, `${qualifier.toLowerCase()} ${noun}`);
    return describedAs(description, noun) || describedAs((p.role ?? "").toLowerCase(), noun);
  })?.mention;
  return introduced ?? (country ? undefined : roleHolder(roleKey(`${qualifier ?? ""} ${role}`), memory, mentions));
}

const titlePatterns = new Map<string, RegExp>();
/** Whether a lower-case description names the title itself, not another office: "deputy prime minister" is not "prime minister". */
function describedAs(description: string, title: string): boolean {
  let pattern = titlePatterns.get(title);
  if (!pattern) {
    pattern = new RegExp(`(?<!\\b(?:${OTHER_OFFICE_WORDS.join("|")})[\\s-]*)(?<![\\w-])${escapeRegExp(title)}(?![\\w-])`);
    titlePatterns.set(title, pattern);
  }
  return pattern.test(description);
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

const PRONOUN_SUBJECT = /^(?:(?:But|And|However|Meanwhile|Instead|Later),?\s+)?(?:He|She)\b/;
// An opening phrase without a name, ending in a comma: "Born in 1912 and educated at Portsmouth,".
const OPENING_PHRASE = /^[^"“”]{0,140},\s*$/;

/** After a sentence: who "he" and "the company" will refer to next, and how each person was described. */
export function remember(memory: DocMemory, sentence: Sentence, own: { index: number; m: Mention }[], mentions: Mention[]): void {
  const quotes = quotedSpans(sentence.text);
  const outside = own.filter(({ m }) => !quotes.some(([a, b]) => a <= m.start && m.start < b));
  rememberThings(memory, sentence, outside);
  // "After a meeting with Anna Berg on Sunday, Tom Vale said": a name in an opening phrase is not the
  // subject; the first person in a subject's place is, and else the first person named near the start.
  const firstPerson =
    outside.find(({ m }) => m.type === "person" && SUBJECT_LEAD.test(sentence.text.slice(0, titleStart(sentence.text, m.start)))) ??
    outside.find(({ m }) => m.type === "person");
  const roleSubject = ROLE_SUBJECT.exec(sentence.text);
  for (const entry of memory.salience.values()) entry.score /= 2;
  const bump = (mention: number | undefined, by: number) => {
    const key = mention === undefined ? UNKNOWN : mentions[mention]!.cluster;
    const entry = memory.salience.get(key) ?? { score: 0 };
    entry.score += by;
    if (mention !== undefined) entry.mention = mention;
    memory.salience.set(key, entry);
  };
  // The subject: "The prime minister said ..." is whoever that is, or nobody we know; "He" at the start continues
  // the chain, even with a name soon after it ("He said Mr Smith and he would go"); else a name
  // near the start, or after an opening phrase ("Born in 1912, Lord Callaghan became").
  const subject = roleSubject
    ? { mention: resolveRole(roleSubject[1], roleSubject[2]!, memory, mentions) }
    : PRONOUN_SUBJECT.test(sentence.text) && memory.prominent !== undefined
      ? { mention: memory.prominent }
      : firstPerson &&
          (firstPerson.m.start < 60 || OPENING_PHRASE.test(sentence.text.slice(0, readPrefix(sentence.text, firstPerson.m.start).start)))
        ? { mention: firstPerson.index }
        : undefined;
  if (subject) bump(subject.mention, 2);
  for (const { index, m } of outside) if (m.type === "person" && index !== subject?.mention) bump(index, 0.5);
  const [top] = [...memory.salience.values()].sort((a, b) => b.score - a.score);
  memory.prominent = top?.mention;
  const first = outside[0];
  const opener = first && first.m.start < 40 && SUBJECT_LEAD.test(sentence.text.slice(0, titleStart(sentence.text, first.m.start)));
  // "The group" is the organization that spoke last ("..., the LSE said."), or else the last one a sentence opened with.
  const speaker = outside.filter(({ m }) => m.type === "organization" && SPEECH_AFTER_NAME.test(sentence.text.slice(m.end))).at(-1);
  if (speaker) memory.lastOrganization = speaker.index;
  else if (first && first.m.type === "organization" && first.m.start < 40) memory.lastOrganization = first.index;
  memory.lastSubject = opener ? { mention: first.index, sentence: sentence.index } : undefined;
  rememberGroups(memory, sentence, outside, opener ? first : undefined);
  for (const { index, m } of own) {
    if (m.type !== "person") continue;
    const description = sentence.text.slice(readPrefix(sentence.text, m.start).start, m.start).toLowerCase();
    memory.people.push({ mention: index, description: `${description} ${(m.role ?? "").toLowerCase()}` });
  }
}
