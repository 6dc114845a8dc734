// Small words a Title Case headline leaves in lower case, two lists as tuned: the sentence stage tells a headline
// by them (02-sentences.ts), the recogniser tells a Title Case line by them (03-recognition/model.ts, `isTitleCase`).

/** Lower-case words of a Title Case headline, for telling headlines apart ("Troops Sent to the Front"). */
export const TITLE_CASE_SMALL_WORDS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "the",
  "of",
  "to",
  "and",
  "or",
  "for",
  "in",
  "on",
  "at",
  "by",
  "with",
  "from",
  "as",
  "vs",
]);

/** Small words a Title Case headline leaves in lowercase ("Troops to Ukraine"). */
export const HEADLINE_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "the",
  "of",
  "to",
  "for",
  "in",
  "on",
  "at",
  "with",
  "and",
  "a",
  "an",
  "as",
  "from",
  "by",
  "over",
  "after",
]);
