// Words that make up a title or role in front of a name: "Italian Defense Minister Guido Crosetto",
// "U.S. President Donald Trump", "Kremlin spokesperson Dmitry Peskov". They are stripped from the name
// and kept as the person's role.

export const TITLE_WORDS: ReadonlySet<string> = new Set(
  [
    "president", "vice", "prime", "minister", "chancellor", "secretary", "foreign", "defense", "defence",
    "interior", "finance", "general", "attorney", "deputy", "state", "senator", "sen.", "rep.", "representative",
    "governor", "mayor", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "ambassador",
    "commissioner", "chairman", "chairwoman", "chair", "chief", "executive", "ceo", "spokesperson", "spokesman",
    "spokeswoman", "leader", "mp", "mep", "speaker", "judge", "justice", "gen.", "col.", "lt.", "admiral",
    "commander", "director", "head", "former", "ex", "acting", "opposition", "kremlin",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "dame", "reporter", "journalist",
    "shadow", "co-chairman", "peer", "chancellor", "secretary-general", "coach", "manager", "striker", "captain", "singer", "actor", "actress", "star", "boss", "founder", "champion",
  ],
);

/** Honorifics that are never part of a role worth keeping. */
export const HONORIFICS: ReadonlySet<string> = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "dame"]);
