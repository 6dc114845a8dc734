// Recurring events resolved across documents by kind, place and year: "the general election", "the May election"
// and "the 2005 election" in British news of 2005 are one event; "Iraq war" and "Iraq War" are one whatever the year.
import { countryIndex, countryName, resolveCountry } from "../lexicon/countries.js";
import { alternation } from "../../../common/regex.js";
import { CALENDAR_WORDS, EVENT_KIND_MODIFIERS, EVENT_TO_COME, RELATIVE_TIME_WORDS } from "../lexicon/events.js";
import { TITLE_WORDS } from "../lexicon/titles.js";
import { isCommonWord } from "../03-recognition/index.js";
import { nameTokens } from "../05-coreference/index.js";
import { yearsIn } from "./corpus-stats.js";
import type { EventFacts } from "../../types.js";
import { type Unit, nameOf, typeOf, unitName } from "./units.js";

/** Kinds that recur at a place and are told apart by year. */
const BY_YEAR = new Set(["election", "referendum"]);
/** Kinds told apart by place alone: a war is not renamed each year. */
const BY_PLACE = new Set(["war"]);

export interface EventParts {
  kind: string;
  /** Country code named in the event's name. */
  place?: string;
  year?: number;
  /** A word saying which kind ("general", "presidential"), lower-case. */
  modifier?: string;
  /** True when some word is a name of its own ("Munich Security Conference"): such an event keeps its name. */
  named: boolean;
}

/** Reads an event name: "2005 UK general election" -> kind election, place GB, year 2005, modifier general. */
export function eventParts(name: string): EventParts {
  const tokens = nameTokens(name);
  const kind = tokens.at(-1)!.toLowerCase().replace(/s$/, "");
  const parts: EventParts = { kind, named: false };
  for (const t of tokens.slice(0, -1)) {
    if (/^(?:19|20)\d\d$/.test(t)) parts.year = Number(t);
    else if (resolveCountry(t) && !resolveCountry(t)!.viaCapital) parts.place = resolveCountry(t)!.code;
    else if (countryIndex().demonyms.has(t)) parts.place = countryIndex().demonyms.get(t)!;
    else if (EVENT_KIND_MODIFIERS.has(t.toLowerCase())) parts.modifier = t.toLowerCase();
    // "previous election": another one, not the one the document is about. A party's ("the Labour election
    // campaign") is the election it fights.
    else if (RELATIVE_TIME_WORDS.has(t.toLowerCase())) parts.named = true;
    else if (!(CALENDAR_WORDS.has(t.toLowerCase()) || TITLE_WORDS.has(t.toLowerCase()) || isCommonWord(t))) parts.named = true;
  }
  return parts;
}

/** Where and when a document is set: the country it names most, the year of its date. */
export interface DocumentSetting {
  place: (docId: string) => string | undefined;
  year: (docId: string) => number | undefined;
}

/**
 * Rewrites the keys of unnamed recurring events to kind, place and year, taking what the name does not say from
 * its clause (the one year it names: "the general election in 1997", not "gifts rose on 2003, as parties saved for
 * the election") or its document (the country it names most, the year of its date). Not from years named elsewhere
 * in the text: an undated article names past years in passing ("since 1997"); and an event still to come ("ahead of
 * the general election") not even from its clause ("any time before June 2006" is a deadline). An undated one joins
 * the latest year of its kind and place: news names past elections by their year ("the 2001 election") and the one
 * to come as "the general election".
 * Returns labels for the keys made ("2005 United Kingdom general election").
 */
export function resolveEvents(units: Unit[], doc: DocumentSetting, sentenceText: (id: string) => string): Map<string, string> {
  const labels = new Map<string, string>();
  const generic: { unit: Unit; kind: string; place: string; year?: number; modifier?: string }[] = [];
  for (const u of units) {
    if (typeOf(u.key) !== "event") continue;
    // as written: keys are lower-case, and "us" or "uk" is no country's name
    const parts = eventParts(unitName(u));
    if (parts.named) continue;
    if (BY_PLACE.has(parts.kind) && parts.place) {
      u.key = `event:${parts.kind}|${parts.place}`;
      labels.set(u.key, `${countryName(parts.place)} ${parts.kind}`);
    } else if (BY_YEAR.has(parts.kind)) {
      const place = parts.place ?? doc.place(u.docId);
      if (!place) continue;
      // "ahead of the general election": the years its sentence names are other dates (a deadline, a past one)
      const year = parts.year ?? (toCome(u, sentenceText) ? undefined : sentenceYear(u, sentenceText)) ?? doc.year(u.docId);
      generic.push({
        unit: u,
        kind: parts.kind,
        place,
        ...(year ? { year } : {}),
        ...(parts.modifier ? { modifier: parts.modifier } : {}),
      });
    }
  }
  const years = new Map<string, Map<number, number>>();
  for (const g of generic) {
    if (!g.year) continue;
    const at = `${g.kind}|${g.place}`;
    const counts = years.get(at) ?? new Map<number, number>();
    counts.set(g.year, (counts.get(g.year) ?? 0) + g.unit.mentions.length);
    years.set(at, counts);
  }
  const modifiers = new Map<string, Map<string, number>>();
  for (const g of generic) {
    const at = `${g.kind}|${g.place}`;
    const year = g.year ?? latest(years.get(at));
    g.unit.key = `event:${at}|${year ?? ""}`;
    const m = modifiers.get(g.unit.key) ?? new Map<string, number>();
    if (g.modifier) m.set(g.modifier, (m.get(g.modifier) ?? 0) + g.unit.mentions.length);
    modifiers.set(g.unit.key, m);
  }
  for (const [key, m] of modifiers) {
    const [kind, place, year] = nameOf(key).split("|") as [string, string, string];
    const modifier = [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    labels.set(key, [year, countryName(place), modifier, kind].filter(Boolean).join(" "));
  }
  return labels;
}

/**
 * An event entity's kind and year, from its key: "event:election|GB|2005" (made by resolveEvents) or a name of its
 * own ("event:2024 nato summit").
 */
export function eventFacts(key: string): EventFacts {
  const name = nameOf(key);
  if (name.includes("|")) {
    const [kind, , year] = name.split("|") as [string, string, string | undefined];
    return { kind, ...(year ? { year: Number(year) } : {}) };
  }
  const { kind, year } = eventParts(name);
  return { kind, ...(year ? { year } : {}) };
}

/** The latest year counted, if any. */
function latest(counts: Map<number, number> | undefined): number | undefined {
  return counts && counts.size > 0 ? Math.max(...counts.keys()) : undefined;
}

const FUTURE_CUE = new RegExp(`\\b(?:${alternation(EVENT_TO_COME)})\\s+(?:[\\p{L}\\p{N}'’-]+\\s+){0,6}$`, "iu");

/** Some mention of the unit is of an event still to come: a cue in front of it in its clause. */
function toCome(u: Unit, sentenceText: (id: string) => string): boolean {
  return u.mentions.some((m) => FUTURE_CUE.test(sentenceText(m.sentenceId).slice(Math.max(0, m.start - 80), m.start)));
}

const CLAUSE_BREAK = /[,;:()—–]/gu;

/** The clause a mention stands in: "gifts rose on 2003, as parties saved for the election" -> the second. */
function clauseOf(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index < start) from = m.index + 1;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return text.slice(from, to);
}

/** The one year the clauses of a unit's mentions name, if they name exactly one. */
function sentenceYear(u: Unit, sentenceText: (id: string) => string): number | undefined {
  const years = new Set(u.mentions.flatMap((m) => yearsIn(clauseOf(sentenceText(m.sentenceId), m.start, m.end))));
  return years.size === 1 ? [...years][0] : undefined;
}
