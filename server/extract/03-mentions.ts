import nlp from "compromise";

import type { EntityType, Mention, Sentence } from "../types.js";
import { countryIndex, countryName, resolveCountry } from "./lexicon/countries.js";
import { EVENT_HEADS, NAME_FUNCTION_WORDS } from "./lexicon/events.js";
import { HONORIFICS, TITLE_WORDS } from "./lexicon/titles.js";

/** A mention before in-document resolution gives it a cluster. */
export type MentionCandidate = Omit<Mention, "cluster">;

type RawKind = "person" | "organization" | "place" | "country";
interface RawSpan {
  start: number;
  end: number;
  kind: RawKind;
}

interface CompromiseMatch {
  offset: { start: number; length: number };
}

// Trailing punctuation, quotes and possessives: "NATO,", "NATO” —", "Putin's", "Ukraine’s".
const TRAILING_JUNK = /(?:['’]s|['’]|[\s,.;:!?“”"()\-—–]+)$/u;
const LEADING_JUNK = /^[\s“”"'‘’(\-—–]+/u;

/** Spans as compromise tags them. */
function compromiseSpans(text: string): RawSpan[] {
  const doc = nlp(text);
  const spans: RawSpan[] = [];
  const add = (matches: CompromiseMatch[], kind: RawKind) => {
    for (const m of matches) spans.push({ start: m.offset.start, end: m.offset.start + m.offset.length, kind });
  };
  add(doc.people().json({ offset: true }) as CompromiseMatch[], "person");
  add(doc.organizations().json({ offset: true }) as CompromiseMatch[], "organization");
  add(doc.places().json({ offset: true }) as CompromiseMatch[], "place");
  return spans;
}

let countryPattern: RegExp | undefined;
/** One regex over every country name and capital in the dataset, longest first, exact case. */
function countryRegex(): RegExp {
  if (!countryPattern) {
    const idx = countryIndex();
    const forms = [...idx.names.keys(), ...idx.capitals.keys()].sort((a, b) => b.length - a.length);
    const escaped = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    countryPattern = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  }
  return countryPattern;
}

/** Country names and capitals compromise misses ("Britain", "U.K.", "Washington urged"). */
function countrySpans(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  for (const m of text.matchAll(countryRegex())) spans.push({ start: m.index, end: m.index + m[0].length, kind: "country" });
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

const PRIORITY: Record<RawKind, number> = { person: 3, organization: 2, country: 1, place: 0 };

/** Overlapping spans: the longer wins ("Kyiv Independent" over "Kyiv"), then person > organization > place. */
function removeOverlaps(spans: RawSpan[]): RawSpan[] {
  const sorted = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[b.kind] - PRIORITY[a.kind] || a.start - b.start,
  );
  const kept: RawSpan[] = [];
  for (const s of sorted) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’\-]*/gu;

/** Every content word capitalised: "Armed Forces of Ukraine" yes, "Western military" no. */
function isProperName(name: string): boolean {
  const words = name.match(WORD) ?? [];
  if (words.length === 0) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_FUNCTION_WORDS.has(w.toLowerCase()));
}

interface Prefix {
  role?: string;
  affiliation?: string;
  /** Where the title/demonym prefix begins in the sentence. */
  start: number;
}

/**
 * Reads the title and affiliation written in front of a person's name, walking back word by word:
 * "Polish Prime Minister Donald Tusk" -> role "Prime Minister", affiliation "Poland";
 * "U.S. President Donald Trump" -> role "President", affiliation "United States".
 */
function readPrefix(text: string, nameStart: number): Prefix {
  const before = text.slice(0, nameStart);
  const words = [...before.matchAll(/(\S+)\s+/g)].filter((m) => m.index + m[0].length === nameStart || true);
  const roleWords: string[] = [];
  let start = nameStart;
  let affiliation: string | undefined;
  for (let i = words.length - 1; i >= 0; i--) {
    const m = words[i]!;
    if (m.index + m[0].length !== start) break; // words must touch: "Minister Donald", not "said. Donald"
    const word = m[1]!;
    if (TITLE_WORDS.has(word.toLowerCase())) {
      roleWords.unshift(word);
      start = m.index;
      continue;
    }
    const idx = countryIndex();
    const code = idx.demonyms.get(word) ?? idx.names.get(word);
    if (code && roleWords.length > 0) {
      affiliation = countryName(code);
      start = m.index;
    }
    break;
  }
  const role = roleWords.filter((w) => !HONORIFICS.has(w.toLowerCase())).join(" ");
  const prefix: Prefix = { start };
  if (role) prefix.role = role;
  if (affiliation) prefix.affiliation = affiliation;
  return prefix;
}

/** "President Volodymyr Zelenskyy" -> name starts at "Volodymyr"; the title moves into the prefix. */
function stripLeadingTitles(text: string, span: RawSpan): RawSpan {
  let start = span.start;
  for (const m of text.slice(span.start, span.end).matchAll(/(\S+)(\s+|$)/g)) {
    if (!TITLE_WORDS.has(m[1]!.toLowerCase())) break;
    start = span.start + m.index + m[0].length;
  }
  return { ...span, start };
}

function candidate(sentence: Sentence, start: number, end: number, type: EntityType, name: string): MentionCandidate {
  return { sentenceId: sentence.id, docId: sentence.docId, start, end, surface: sentence.text.slice(start, end), name, type };
}

function classify(sentence: Sentence, span: RawSpan): MentionCandidate | undefined {
  const text = sentence.text;
  if (span.kind === "person") {
    const named = stripLeadingTitles(text, span);
    const name = text.slice(named.start, named.end);
    if (!isProperName(name) || resolveCountry(name)) return undefined;
    const prefix = readPrefix(text, named.start);
    const m = candidate(sentence, named.start, span.end, "person", name);
    if (prefix.role) m.role = prefix.role;
    if (prefix.affiliation) m.affiliation = prefix.affiliation;
    return m;
  }
  const name = text.slice(span.start, span.end);
  if (!isProperName(name)) return undefined;
  const country = resolveCountry(name);
  if (country) return candidate(sentence, span.start, span.end, "country", countryName(country.code));
  if (span.kind === "place" || span.kind === "country") return undefined; // cities and regions that are not capitals
  const last = (name.match(WORD) ?? []).at(-1)?.toLowerCase() ?? "";
  return candidate(sentence, span.start, span.end, EVENT_HEADS.has(last) ? "event" : "organization", name);
}

/** Finds the people, countries, organizations and events named in one sentence. */
export function findMentions(sentence: Sentence): MentionCandidate[] {
  const text = sentence.text;
  const raw = [...compromiseSpans(text), ...countrySpans(text)]
    .map((s) => trimSpan(text, s))
    .filter((s) => s.end > s.start);
  const mentions: MentionCandidate[] = [];
  for (const span of removeOverlaps(raw)) {
    const m = classify(sentence, span);
    if (m) mentions.push(m);
  }
  return mentions;
}
