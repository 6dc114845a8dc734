// A name whose last word is one of these is an event: "Munich Security Conference", "2024 NATO summit",
// "World Cup", "Olympic Games", "Iraq War".
export const EVENT_HEADS: ReadonlySet<string> = new Set([
  "conference", "summit", "war", "invasion", "election", "elections", "referendum", "games", "cup",
  "olympics", "championship", "championships", "festival", "awards", "revolution",
]);

// Words that may stand lower-case inside a multi-word name: "Armed Forces of Ukraine", "Bank of England".
export const NAME_FUNCTION_WORDS: ReadonlySet<string> = new Set(["of", "the", "for", "and", "de", "du", "la", "von", "van", "on", "&"]);
