// Page furniture that scraped articles carry: never a sentence, never an entity.
// Lines are compared after trimming and lower-casing; patterns match a whole line.

export const BOILERPLATE_LINES: readonly string[] = [
  "read more",
  "show more",
  "news feed",
  "trending now",
  "most read",
  "most popular",
  "related articles",
  "related",
  "advertisement",
  "share",
  "share this article",
  "subscribe",
  "sign up",
  "avatar",
  "reporter",
  "editor",
  "(updated: )",
];

export const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /^\d+\s+min(ute)?s?\s+read$/i, // "2 min read"
  /^(photo|image|picture|credit)s?\s*:/i, // "Photo: Shutterstock.com"
  /^\(updated:.*\)$/i,
];

// Furniture glued to the front of a real line: "Most Read date 2025-02-15 The remarks come ...",
// "Show More\"Absolutely Possible.\" Kyiv Discusses ...". The prefix is cut, the rest is kept.
export const BOILERPLATE_PREFIXES: readonly RegExp[] = [
  /^\s*(trending now|most read|show more|read more|news feed)\s*/i,
  /^\s*date\s+\d{4}-\d\d-\d\d\s*/i, // a dateline the scraper glued on: " date 2025-02-15 The remarks ..."
];
