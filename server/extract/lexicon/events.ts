// A name whose last word is one of these is an event: "Munich Security Conference", "2024 NATO summit",
// "World Cup", "Olympic Games", "Iraq War".
export const EVENT_HEADS: ReadonlySet<string> = new Set([
  "conference",
  "summit",
  "war",
  "invasion",
  "election",
  "elections",
  "referendum",
  "games",
  "cup",
  "olympics",
  "championship",
  "championships",
  "festival",
  "awards",
  "revolution",
]);

// Words that may stand lower-case inside a multi-word name: "Armed Forces of Ukraine", "Bank of England".
export const NAME_FUNCTION_WORDS: ReadonlySet<string> = new Set(["of", "the", "for", "and", "de", "du", "la", "von", "van", "on", "&"]);

// Calendar words are capitalised but never a first name: "October Google" is not a person.
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "christmas",
  "easter",
]);

// Words that say which kind of election a bare "the ... election" is: "the general election", "the presidential
// election". With a year ("the 2005 election") they make a recurring event worth a node.
export const EVENT_KIND_MODIFIERS: ReadonlySet<string> = new Set(["general", "presidential", "parliamentary"]);

// The last word of a piece of legislation's name: "Prevention of Terrorism Bill", "Human Rights Act".
export const LEGISLATION_HEADS: ReadonlySet<string> = new Set(["Bill", "Act"]);

// Words placing an event at another time than the document's: "the previous election", "the next referendum".
export const RELATIVE_TIME_WORDS: ReadonlySet<string> = new Set(["previous", "last", "next", "future", "past", "former", "coming"]);

// Words in front of an event still to come: "an expected May election", "the forthcoming general election" ...
export const EVENT_TO_COME_ADJECTIVES: readonly string[] = ["expected", "forthcoming", "upcoming", "impending", "looming", "approaching"];

// ... and phrases: "ahead of the general election", "in the run-up to the election", "widely tipped for May".
export const EVENT_TO_COME: readonly string[] = [
  ...EVENT_TO_COME_ADJECTIVES,
  "ahead of",
  "before",
  "run-up to",
  "lead-up to",
  "build-up to",
  "closer to",
  "tipped",
];
