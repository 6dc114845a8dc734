// Phrase gazetteers matched over lowercased tokens. The built-in lists come from the
// `world-countries` package (country names, alternative spellings, capitals, demonyms);
// lists learned from training annotations are stored in the model file and added at load.

import countries from "world-countries";

/** A named list of phrases, each a sequence of lowercased tokens: "united states" -> ["united", "states"]. */
export type PhraseList = Map<string, string[][]>;

export interface Gazetteer {
  /** first lowercased token -> candidate phrases (as token arrays) with their list name. */
  byFirst: Map<string, { tokens: string[]; list: string }[]>;
}

/** Short forms missing from world-countries' altSpellings (which mostly has 2-letter codes we skip). */
const EXTRA_COUNTRY_NAMES = ["U.S.", "US", "U.S.A.", "UK", "U.K.", "Britain", "Great Britain", "America", "EU", "E.U."];

/** Splits a phrase the way the tokenizer would, roughly: "Washington, D.C." -> ["washington", ",", "d.c."]. */
export function phraseTokens(phrase: string): string[] {
  return (phrase.match(/(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu) ?? []).map((t) =>
    t.toLowerCase().replace(/’/g, "'"),
  );
}

/**
 * Country lists from world-countries. Two-letter codes in altSpellings ("IT", "IN") are
 * skipped because they collide with common words in ALL-CAPS headlines.
 */
export function countryLists(): PhraseList {
  const names = new Set<string>(EXTRA_COUNTRY_NAMES);
  const capitals = new Set<string>();
  const demonyms = new Set<string>();
  for (const c of countries) {
    names.add(c.name.common);
    names.add(c.name.official);
    for (const alt of c.altSpellings) if (alt.length > 2) names.add(alt);
    for (const cap of c.capital) capitals.add(cap);
    const eng = c.demonyms?.eng;
    if (eng) {
      demonyms.add(eng.m);
      demonyms.add(eng.f);
    }
  }
  const toTokens = (set: Set<string>): string[][] => [...set].map(phraseTokens).filter((t) => t.length > 0 && t.length <= 6);
  return new Map([
    ["country", toTokens(names)],
    ["capital", toTokens(capitals)],
    ["demonym", toTokens(demonyms)],
  ]);
}

export function buildGazetteer(lists: PhraseList): Gazetteer {
  const byFirst = new Map<string, { tokens: string[]; list: string }[]>();
  for (const [list, phrases] of lists) {
    for (const tokens of phrases) {
      const key = tokens[0];
      let bucket = byFirst.get(key);
      if (bucket === undefined) byFirst.set(key, (bucket = []));
      bucket.push({ tokens, list });
    }
  }
  return { byFirst };
}

/**
 * Marks every token covered by a phrase of each list with "list:B" (first token) or
 * "list:I" (later tokens). Longest phrase per list wins at each start position.
 * Example: ["the", "united", "states"] -> [[], ["country:B"], ["country:I"]].
 */
export function matchGazetteer(lower: readonly string[], gaz: Gazetteer): string[][] {
  const marks: string[][] = lower.map(() => []);
  for (let i = 0; i < lower.length; i++) {
    const bucket = gaz.byFirst.get(lower[i]);
    if (bucket === undefined) continue;
    const longest = new Map<string, number>();
    for (const { tokens, list } of bucket) {
      if (tokens.length <= (longest.get(list) ?? 0) || i + tokens.length > lower.length) continue;
      let ok = true;
      for (let k = 1; k < tokens.length && ok; k++) ok = lower[i + k] === tokens[k];
      if (ok) longest.set(list, tokens.length);
    }
    for (const [list, len] of longest) {
      marks[i].push(`${list}:${len > 1 ? "B" : "U"}`);
      for (let k = 1; k < len; k++) marks[i + k].push(`${list}:I`);
    }
  }
  return marks;
}
