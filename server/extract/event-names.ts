// Events as a sentence names them, for the mention stage (04-mentions.ts): named events the recogniser has no label
// for ("Munich Security Conference"), an event's own name without what the sentence put in front of it, and recurring
// events named by their kind alone ("the general election"), which resolution places and dates across documents.
import { CALENDAR_WORDS, EVENT_HEADS, EVENT_KIND_MODIFIERS, EVENT_TO_COME_ADJECTIVES } from "./lexicon/events.js";

/** Where in a sentence an event is named. */
export interface EventSpan {
  start: number;
  end: number;
}

// Named events the recogniser has no label for: "Munich Security Conference", "the 2024 NATO summit",
// "Iraq War". Capitalised words (or a year) in front of an event noun.
const EVENT_PATTERN = new RegExp(
  `(?<![\\p{L}])(?:(?:19|20)\\d\\d\\s+)?(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,4}(?:${[...EVENT_HEADS].map((h) => `${h[0]!.toUpperCase()}${h.slice(1)}|${h}`).join("|")})(?![\\p{L}])`,
  "gu",
);

// "a new Russian invasion", 'he was a "German war criminal"': after an indefinite word, and an opening quote, an
// event noun names a kind of thing.
const INDEFINITE_BEFORE = /\b(?:a|an|new|any|another)\s+["“‘']?$/i;

/** A named event, not a hypothetical one: "the Munich Security Conference", but not "a new Russian invasion". */
export function namedEventSpans(text: string): EventSpan[] {
  return [...text.matchAll(EVENT_PATTERN)]
    .filter((m) => !INDEFINITE_BEFORE.test(text.slice(Math.max(0, m.index - 11), m.index)))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// Capitalised only because a sentence starts there: "This election", "No election", "In June's European elections".
const EVENT_OPENER =
  /^(?:a|an|the|this|that|these|those|no|any|every|each|another|in|on|at|for|from|by|with|during|after|before|since|until|but|and|or|so)\s+/i;
// "June's European elections", "Tuesday's summit": when it happens is no part of its name.
const WHEN_OWNER = new RegExp(`^(?:${[...CALENDAR_WORDS].join("|")})['’]s\\s+`, "i");

/** An event's name without the words a sentence or a date put in front of it: "In June's X elections" -> "X elections". */
export function eventName(name: string): string {
  let own = name;
  for (let m = EVENT_OPENER.exec(own) ?? WHEN_OWNER.exec(own); m; m = EVENT_OPENER.exec(own) ?? WHEN_OWNER.exec(own)) {
    own = own.slice(m[0].length);
  }
  return own;
}

// "the general election", "the 2005 election", "the presidential election": a recurring event named by its kind and a
// year or a word of its kind, without a name of its own. Resolution across documents gives it its place and year. A
// word saying it is still to come is no part of its name ("the expected 2005 election").
const GENERIC_EVENT = new RegExp(
  `(?<![\\p{L}])the\\s+(?:(?:${EVENT_TO_COME_ADJECTIVES.join("|")})\\s+)?((?:(?:19|20)\\d\\d\\s+)?(?:(?:${[...EVENT_KIND_MODIFIERS].join("|")})\\s+)?(?:election|referendum))(?![\\p{L}])`,
  "giu",
);

/** Recurring events named by their kind: "the general election" gives "general election" and where it stands. */
export function genericEventSpans(text: string): (EventSpan & { name: string })[] {
  const out: (EventSpan & { name: string })[] = [];
  for (const m of text.matchAll(GENERIC_EVENT)) {
    const name = m[1]!;
    if (!/\s/.test(name)) continue; // "the election" alone: which one is anyone's guess
    const start = m.index + m[0].length - name.length;
    out.push({ start, end: start + name.length, name });
  }
  return out;
}
