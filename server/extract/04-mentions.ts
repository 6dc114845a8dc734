// Stage 4, per document: mentions. Takes a sentence and the recogniser's spans in it (stage 3) and gives mention
// candidates: typed names, with countries, parties, faith groups and named events added from lexicon/.
import type { EntityType, Mention, Sentence } from "../types.js";
import { alternation } from "../../common/regex.js";
import { PHOTO_CREDIT } from "./01-documents.js";
import { type Span, isCommonWord } from "./03-recognition/index.js";
import { countryIndex, countryName, resolveCountry } from "./lexicon/countries.js";
import { EVENT_HEADS, LEGISLATION_HEADS, NAME_FUNCTION_WORDS } from "./lexicon/events.js";
import { GENERIC_ACRONYMS } from "./lexicon/generic-acronyms.js";
import { eventName, genericEventSpans, namedEventSpans } from "./event-names.js";
import { FAITH_GROUPS } from "./lexicon/groups.js";
import { PARTIES } from "./lexicon/parties.js";
import { TITLE_WORDS, titleWordOf } from "./lexicon/titles.js";
import { readPrefix } from "./read-prefix.js";

/** A mention before in-document resolution gives it a cluster. */
export type MentionCandidate = Omit<Mention, "cluster">;

type RawKind = "person" | "organization" | "place" | "country" | "misc" | "event";
interface RawSpan {
  start: number;
  end: number;
  kind: RawKind;
}

// Trailing punctuation, quotes and possessives: "NATO,", "NATO” —", "Putin's", "Ukraine’s".
const TRAILING_JUNK = /(?:['’]s|['’]|[\s,.;:!?“”"()\-—–]+)$/u;
const LEADING_JUNK = /^[\s“”"'‘’(\-—–]+/u;

const KIND_OF_LABEL: Record<Span["label"], RawKind> = { PER: "person", ORG: "organization", LOC: "place", MISC: "misc" };

/** Spans the trained recogniser found in this sentence (see 03-recognition/README.md). */
function recognizerSpans(spans: readonly Span[]): RawSpan[] {
  return spans.map((s) => ({ start: s.start, end: s.end, kind: KIND_OF_LABEL[s.label] }));
}

// "in an interview with The Economist", "Speaking with The Guardian": a capitalised "The" inside a sentence
// belongs to the name that follows it (titles of papers, bands, institutions), which the recogniser often misses.
const TITLED_NAME = /(?<=[\p{L}\p{N},;:]\s)The(?:\s+\p{Lu}[\p{L}&'’-]*){1,3}/gu;

function titledNameSpans(text: string): RawSpan[] {
  return [...text.matchAll(TITLED_NAME)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: "organization" as const }));
}

// "President Bush's record", "Mr Brown warned": a title in front of an unknown capitalised word names a person,
// whether or not the recogniser saw one there.
const TITLED_PERSON =
  /\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Dame|President|Senator|Chancellor|Governor|Mayor|Pope|King|Queen|Prince|Princess)\.?\s+((?:\p{Lu}[\p{Ll}'’-]+\s?){1,3})/gu;

function titledPersonSpans(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  for (const m of text.matchAll(TITLED_PERSON)) {
    const words = m[1]!.trim().split(/\s+/);
    // stop at the first word that is a common word, a title or a place: "President Bush said", not "Bush Said"
    const name: string[] = [];
    const honorific = /^(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?$/.test(m[0].split(/\s+/)[0]!);
    for (const w of words) {
      const bare = w.replace(/['’]s?$/, "");
      const surname = honorific && name.length === 0; // "Mr Mann" is a person whatever "Mann" also names
      if (isCommonWord(bare) || TITLE_WORDS.has(bare.toLowerCase())) break;
      if (!surname && (resolveCountry(bare) || countryIndex().demonyms.has(bare))) break;
      name.push(w);
    }
    if (name.length === 0) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    spans.push({ start: m.index, end: start + name.join(" ").length, kind: "person" });
  }
  return spans;
}

// The recogniser tags group names and nationality words as MISC: "the Tories" (a party) and "Scottish" in
// "the Scottish Executive" (an institution). A plural MISC after "the" that is not a nationality is an
// organization; a MISC word followed by capitalised words (not a title) starts one.
function miscNameSpans(text: string, recognized: readonly Span[]): RawSpan[] {
  const idx = countryIndex();
  const spans: RawSpan[] = [];
  for (const s of recognized) {
    if (s.label !== "MISC") continue;
    const after = /^(?:\s+\p{Lu}[\p{L}'’-]*)+/u.exec(text.slice(s.end))?.[0];
    const firstAfter = after?.trim().split(/\s+/)[0];
    if (after && firstAfter && !TITLE_WORDS.has(firstAfter.toLowerCase())) {
      spans.push({ start: s.start, end: s.end + after.length, kind: "organization" });
      continue;
    }
    // "the Scottish Executive", "the British Army": a nationality and an institution's head word name an organization.
    if (INSTITUTION_HEAD.test(s.text)) {
      spans.push({ start: s.start, end: s.end, kind: "organization" });
      continue;
    }
    const plural = /^\p{Lu}\p{Ll}+(?:ies|s)$/u.test(s.text);
    const singular = s.text.replace(/ies$/, "y").replace(/s$/, "");
    // "the Europeans", "the Westerners": people by where they are from, not a group with a name.
    const peoples = /(?:an|ese|ish|er)$/.test(singular) || idx.demonyms.has(singular) || idx.demonyms.has(s.text);
    if (plural && /\bthe\s+$/i.test(text.slice(0, s.start)) && !peoples) {
      spans.push({ start: s.start, end: s.end, kind: "organization" });
    }
  }
  return spans;
}

const INSTITUTION_HEAD =
  /\s(?:Executive|Assembly|Parliament|Government|Office|Commission|Council|Army|Navy|Police|Court|Ministry|Department|Agency|Authority|Federation|Association|League|Church)$/u;

// "Foster's Group", "Sainsbury's Bank": a company named after its founder keeps the possessive.
const COMPANY_AFTER_POSSESSIVE = /^['’]s\s+(?:Group|Bank|Holdings|Corporation|Company|Brewing|International)\b/u;

function extendCompanyName(text: string, span: RawSpan): RawSpan {
  const more = COMPANY_AFTER_POSSESSIVE.exec(text.slice(span.end));
  return more ? { ...span, end: span.end + more[0].length, kind: "organization" } : span;
}

// "the French government", "Russian authorities": a nationality in front of the state's own bodies is the country.
const STATE_BODY = /^(\p{Lu}\p{Ll}+)\s+(?:government|authorities|administration)$/u;

function stateBodySpans(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  for (const m of text.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(?:government|authorities|administration)\b/gu)) {
    if (countryIndex().demonyms.has(m[1]!)) spans.push({ start: m.index, end: m.index + m[0].length, kind: "country" });
  }
  return spans;
}

// "Coalition" + " of the Willing", "Bank" + " of England": an organization's name goes on over "of (the) Name".
const OF_NAME = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/u;

function extendOfName(text: string, span: RawSpan): RawSpan {
  if (span.kind !== "organization") return span;
  const more = OF_NAME.exec(text.slice(span.end));
  return more ? { ...span, end: span.end + more[0].length } : span;
}

let countryPattern: RegExp | undefined;
/** One regex over every country name and capital in the dataset, longest first, exact case. */
function countryRegex(): RegExp {
  if (!countryPattern) {
    const idx = countryIndex();
    const forms = alternation([...idx.names.keys(), ...idx.capitals.keys()]);
    countryPattern = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${forms})(?![\\p{L}\\p{N}])`, "gu");
  }
  return countryPattern;
}

const COUNTRY_INSTITUTION =
  /^(?:\s+\p{Lu}[\p{L}-]*){1,3}?\s+(?:Agency|Commission|Council|Department|Office|Authority|Association|Federation|Institute|Committee|Board|Service|Corporation)\b/u;
const AFTER_HONORIFIC = /\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s$/;

/** Country names and capitals compromise misses ("Britain", "U.K.", "Washington urged"). */
function countrySpans(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  for (const m of text.matchAll(countryRegex())) {
    // "Mr Mann", "Mr Jordan": after an honorific, a country's name is a surname.
    if (AFTER_HONORIFIC.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: "country" });
    // "the United States Anti-Doping Agency": a country's name opening an institution's name.
    const institution = COUNTRY_INSTITUTION.exec(text.slice(m.index + m[0].length));
    if (institution) spans.push({ start: m.index, end: m.index + m[0].length + institution[0].length, kind: "organization" });
  }
  return spans;
}

/** Shrinks a span past leading quotes and trailing punctuation or possessive. */
function trimSpan(text: string, span: RawSpan): RawSpan {
  let { start, end } = span;
  for (;;) {
    const piece = text.slice(start, end);
    const lead = LEADING_JUNK.exec(piece);
    const trail = TRAILING_JUNK.exec(piece);
    if (!lead && !trail) break;
    // Keep the final dot of an abbreviation: "U.S." stays "U.S.".
    if (!lead && trail && /^\.$/.test(trail[0]) && /(?:^|\.)\p{Lu}\.$/u.test(piece)) break;
    if (lead) start += lead[0].length;
    if (trail) end -= trail[0].length;
    if (end <= start) break;
  }
  return { ...span, start, end: Math.max(start, end) };
}

const PRIORITY: Record<EntityType, number> = { event: 4, person: 3, organization: 2, country: 1 };

/** Overlapping mentions: the longer wins ("Kyiv Independent" over "Kyiv"), then event > person > organization > country. */
function removeOverlaps(mentions: MentionCandidate[]): MentionCandidate[] {
  const sorted = [...mentions].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[b.type] - PRIORITY[a.type] || a.start - b.start,
  );
  const kept: MentionCandidate[] = [];
  for (const s of sorted) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;

/** Every content word capitalised: "Armed Forces of Ukraine" yes, "Western military" no. */
function isProperName(name: string): boolean {
  const words = name.match(WORD) ?? [];
  if (words.length === 0) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_FUNCTION_WORDS.has(w.toLowerCase()));
}

/** "President Volodymyr Zelenskyy" -> name starts at "Volodymyr"; the title moves into the prefix. */
function stripLeadingTitles(text: string, span: RawSpan): RawSpan {
  let start = span.start;
  const words = [...text.slice(span.start, span.end).matchAll(/(\S+)(\s+|$)/g)];
  let qualified = false;
  for (let i = 0; i < words.length - 1; i++) {
    const m = words[i]!;
    const isTitle = (w: string) => titleWordOf(w) !== undefined;
    if (isTitle(m[1]!)) {
      start = span.start + m.index + m[0].length;
      continue;
    }
    // "Euro MP Robert Kilroy-Silk", "Labour MP Jane Doe": one capitalised word qualifying the title that follows it.
    if (!qualified && /^\p{Lu}/u.test(m[1]!) && isTitle(words[i + 1]![1]!)) {
      qualified = true;
      continue;
    }
    break;
  }
  return { ...span, start };
}

/** "Howard's Jewish": a possessive inside a person's span ends the name; what follows is not part of it. */
function cutAtPossessive(text: string, span: RawSpan): RawSpan {
  const m = /['’]s\s/u.exec(text.slice(span.start, span.end));
  return m ? { ...span, end: span.start + m.index } : span;
}

function candidate(sentence: Sentence, start: number, end: number, type: EntityType, name: string): MentionCandidate {
  return { sentenceId: sentence.id, docId: sentence.docId, start, end, surface: sentence.text.slice(start, end), name, type };
}

// A capitalised adverb or gerund that starts a sentence is not part of a name:
// "Additionally, Zelensky ...", "Addressing Munich Security Conference attendees ...".
const SENTENCE_OPENER = /^\p{Lu}\p{Ll}+(?:ly|ing)\b[,\s]*/u;

function dropOpener(text: string, span: RawSpan): RawSpan | undefined {
  if (span.start !== 0) return span;
  const m = SENTENCE_OPENER.exec(text.slice(span.start, span.end));
  if (!m) return span;
  return m[0].length >= span.end - span.start ? undefined : { ...span, start: span.start + m[0].length };
}

// "Welsh", "Scottish", "Cornish": nationality words of nations the country dataset does not list.
const NATIONALITY_SHAPE = /^\p{Lu}\p{Ll}+(?:sh|ese)$/u;

// "Euro MP Robert Kilroy-Silk" read as one organization: an all-capitals title (MP, MEP, PM) followed by a name
// makes the span a person with a title in front.
const TITLED_INSIDE = /^(?:(?:\p{Lu}[\p{L}-]*\s+)?(?:MP|MEP|MSP|PM|AM)|Mrs?|Ms|Dr|Sir|Dame|Lady)\.?\s+\p{Lu}\p{Ll}/u;

const PLURAL_ACRONYM = /^\p{Lu}{2,}[0-9]?s$/u;

function classify(sentence: Sentence, rawSpan: RawSpan): MentionCandidate | undefined {
  const text = sentence.text;
  const span = dropOpener(text, rawSpan);
  if (!span) return undefined;
  // An article alone is no name: 'businesses", An EU spokesman' after a sentence break the source lost.
  if (/^(?:a|an|the|this|that|these|those)$/i.test(text.slice(span.start, span.end).trim())) return undefined;
  // "MPs", "PCs", "DVDs": an acronym in the plural names a kind of thing or people, never one of them, whatever the
  // recogniser's type ("after MPs criticised the prime minister" was a person, 42 times in the BBC corpus).
  const whole = text.slice(span.start, span.end).trim();
  if (GENERIC_ACRONYMS.has(whole) || PLURAL_ACRONYM.test(whole)) return undefined;
  // "Muslims", "Catholic": a faith names many people, not one entity (as "the French" does).
  if (FAITH_GROUPS.has(whole)) return undefined;
  // "Lord", "the Queen", "PM": a title alone names an office, not who holds it.
  if (!resolveCountry(whole) && (whole.match(WORD) ?? []).every((w) => TITLE_WORDS.has(w.toLowerCase()))) return undefined;
  // "the Prevention of Terrorism Bill", "Human Rights Act": legislation is none of the four types.
  const lastWord = (whole.match(WORD) ?? []).at(-1) ?? "";
  if (/\s/.test(whole) && LEGISLATION_HEADS.has(lastWord)) return undefined;
  if (span.kind !== "person" && span.kind !== "event" && TITLED_INSIDE.test(whole)) return classify(sentence, { ...span, kind: "person" });
  if (span.kind === "person") {
    const named = stripLeadingTitles(text, cutAtPossessive(text, span));
    const name = text.slice(named.start, named.end);
    const surname = AFTER_HONORIFIC.test(text.slice(Math.max(0, named.start - 6), named.start)); // "Mr Mann"
    if (!isProperName(name) || (resolveCountry(name) && !surname)) return undefined;
    // "the Finance Bill": a capitalised word in front makes "Bill" a piece of legislation, not a first name.
    if (LEGISLATION_HEADS.has(name) && /\p{Lu}[\p{L}-]*\s+$/u.test(text.slice(0, named.start))) return undefined;
    if (/^the\s/i.test(name)) return candidate(sentence, named.start, named.end, "organization", name.slice(4)); // "The Guardian"
    // "Tory co-chairman Liam Fox", "Labour leader Keir Starmer": a word before a title qualifies the next person.
    const next = /^\s+([\p{L}-]+)/u.exec(text.slice(span.end))?.[1];
    // A single name qualifying a title is the organization the person belongs to ("Veritas leader", "Chelsea manager"),
    // unless it is a place or a nationality, which say where, not who.
    if (next && /^\p{Ll}/u.test(next) && TITLE_WORDS.has(next.toLowerCase()) && !name.includes(" ")) {
      const place = resolveCountry(name) || countryIndex().demonyms.has(name) || NATIONALITY_SHAPE.test(name);
      return place ? undefined : candidate(sentence, named.start, named.end, "organization", name);
    }
    const prefix = readPrefix(text, named.start);
    const m = candidate(sentence, named.start, named.end, "person", name);
    if (prefix.role) m.role = prefix.role;
    if (prefix.affiliation) m.affiliation = prefix.affiliation;
    return m;
  }
  // "the European Union" -> "European Union"; but a capital "The" inside a sentence is part of the name ("The Economist").
  const name = text.slice(span.start, span.end).replace(span.start === 0 ? /^the\s+/i : /^the\s+/, "");
  const start = span.end - name.length;
  if (span.kind === "event") {
    const own = eventName(name);
    // "The awards ceremony", "Labour's election": an event's name needs a capitalised word of its own.
    const words = own.split(/\s+/);
    const named = words.slice(0, -1).some((w) => /^\p{Lu}/u.test(w) && !/['’]s?$/.test(w)) || /^\p{Lu}/u.test(words.at(-1)!);
    return named && words.length >= 2 ? candidate(sentence, span.end - own.length, span.end, "event", own) : undefined;
  }
  if (GENERIC_ACRONYMS.has(name)) return undefined;
  const stateBody = span.kind === "country" ? STATE_BODY.exec(name) : null;
  if (stateBody) return candidate(sentence, start, span.end, "country", countryName(countryIndex().demonyms.get(stateBody[1]!)!));
  if (!isProperName(name)) return undefined;
  const country = resolveCountry(name);
  if (country) return candidate(sentence, start, span.end, "country", countryName(country.code));
  const last = (name.match(WORD) ?? []).at(-1)?.toLowerCase() ?? "";
  if (EVENT_HEADS.has(last)) {
    // "War", "Games": the event noun alone names no event.
    return /\s/.test(name) ? candidate(sentence, start, span.end, "event", name) : undefined;
  }
  // Cities and regions that are not capitals, and MISC (nationalities, works) are not one of our types.
  if (span.kind !== "organization") return undefined;
  return candidate(sentence, start, span.end, "organization", name);
}

const PARTY_BY_FORM = new Map(PARTIES.flatMap((p) => [...p.forms, ...p.adjectives].map((f) => [f, p.name] as const)));
const PARTY_ADJECTIVES = new Set(PARTIES.flatMap((p) => p.adjectives));
const PARTY_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(PARTY_BY_FORM.keys())})(?![\\p{L}\\p{N}])`, "gu");

/** "The Tories", "Tory plans", "Lib Dem leader": parties by any of their names (lexicon/parties.ts). */
function partyMentions(sentence: Sentence): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  for (const m of sentence.text.matchAll(PARTY_PATTERN)) {
    // "Conservative estimates suggest": an adjective opening a sentence is just an adjective.
    // "Lib Dem" is no common word, so it is the party wherever it stands.
    if (m.index === 0 && PARTY_ADJECTIVES.has(m[0]) && m[0].split(" ").every((w) => isCommonWord(w))) continue;
    out.push(candidate(sentence, m.index, m.index + m[0].length, "organization", PARTY_BY_FORM.get(m[0])!));
  }
  return out;
}

/** Photo credits inside a sentence: names there are metadata (Doc.credit), not news. */
const CREDIT = new RegExp(PHOTO_CREDIT.source, "g");

/**
 * Finds the people, countries, organizations and events named in one sentence, given the spans the
 * recogniser found in it (03-recognition/index.ts recognizeDocument, run once per document for document-level evidence).
 */
export function findMentions(sentence: Sentence, recognized: readonly Span[]): MentionCandidate[] {
  const text = sentence.text;
  const credits = [...text.matchAll(CREDIT)].map((m) => [m.index, m.index + m[0].length] as const);
  const raw = [
    ...recognizerSpans(recognized).map((s) => extendCompanyName(text, extendOfName(text, s))),
    ...stateBodySpans(text),
    ...miscNameSpans(text, recognized),
    ...countrySpans(text),
    ...namedEventSpans(text).map((s) => ({ ...s, kind: "event" as const })),
    ...titledNameSpans(text),
    ...titledPersonSpans(text),
  ]
    .map((s) => trimSpan(text, s))
    .filter((s) => s.end > s.start && !credits.some(([a, b]) => s.start >= a && s.end <= b));
  // A party's name overrules what the recogniser made of it: "Tory" is not a person, "Conservative MP" not a party.
  const parties = partyMentions(sentence).filter((p) => !credits.some(([a, b]) => p.start >= a && p.end <= b));
  const generic = genericEventSpans(text).map((e) => candidate(sentence, e.start, e.end, "event", e.name));
  const mentions: MentionCandidate[] = [...parties, ...generic];
  for (const found of raw) {
    // "Lib Dem Norman Baker": a party in front of a person's name is not part of it.
    const lead = found.kind === "person" ? parties.find((p) => p.start <= found.start && found.start < p.end) : undefined;
    const span = lead ? { ...found, start: lead.end + (/^\s*/.exec(text.slice(lead.end))?.[0].length ?? 0) } : found;
    if (span.end <= span.start) continue;
    const overlapsParty = parties.some((p) => span.start < p.end && p.start < span.end);
    const insideParty = parties.some((p) => span.start >= p.start && span.end <= p.end);
    if (insideParty || (overlapsParty && span.kind !== "person" && span.kind !== "event")) continue;
    const m = classify(sentence, span);
    if (m) mentions.push(m);
  }
  return removeOverlaps(mentions);
}
