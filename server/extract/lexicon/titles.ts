// Words that make up a title or role in front of a name: "Italian Defense Minister Guido Crosetto",
// "U.S. President Donald Trump", "Kremlin spokesperson Dmitry Peskov". They are stripped from the name
// and kept as the person's role.

/** Honorifics that are never part of a role worth keeping. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  "mr",
  "mr.",
  "mrs",
  "mrs.",
  "ms",
  "ms.",
  "dr",
  "dr.",
  "sir",
  "lord",
  "lady",
  "dame",
]);

export const TITLE_WORDS: ReadonlySet<string> = new Set([
  "president",
  "vice",
  "prime",
  "minister",
  "chancellor",
  "secretary",
  "foreign",
  "defense",
  "defence",
  "interior",
  "finance",
  "general",
  "attorney",
  "deputy",
  "state",
  "senator",
  "sen.",
  "rep.",
  "representative",
  "governor",
  "mayor",
  "king",
  "queen",
  "prince",
  "princess",
  "pope",
  "sheikh",
  "emir",
  "ambassador",
  "commissioner",
  "chairman",
  "chairwoman",
  "chair",
  "chief",
  "executive",
  "ceo",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "leader",
  "mp",
  "mep",
  "pm",
  "speaker",
  "judge",
  "justice",
  "gen.",
  "col.",
  "lt.",
  "admiral",
  "commander",
  "director",
  "head",
  "former",
  "ex",
  "acting",
  "opposition",
  "kremlin",
  ...HONORIFICS,
  "reporter",
  "journalist",
  "shadow",
  "co-chairman",
  "peer",
  "chancellor",
  "secretary-general",
  "coach",
  "manager",
  "striker",
  "captain",
  "singer",
  "actor",
  "actress",
  "star",
  "boss",
  "founder",
  "champion",
]);

/**
 * The title a word in front of names is, as written in the singular: "Princes William and Harry" -> "Prince",
 * "Presidents Bush and Chirac" -> "President"; undefined for a word that is no title ("Prices").
 */
export function titleWordOf(word: string): string | undefined {
  if (TITLE_WORDS.has(word.toLowerCase())) return word;
  for (const cut of [1, 2]) {
    const singular = word.slice(0, -cut);
    const plural = word.slice(-cut).toLowerCase() === (cut === 1 ? "s" : "es");
    if (plural && singular.length > 2 && TITLE_WORDS.has(singular.toLowerCase())) return singular;
  }
  return undefined;
}
