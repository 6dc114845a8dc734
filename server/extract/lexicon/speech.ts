// Verbs that report speech, as data, one list per construction that reads them. The lists differ on purpose, each
// as it was tuned against the labelled sentences: a verb added to one changes what that construction reads.

/** "X said Labour would ... and attacked": the speaker goes on to a stance (patterns.ts, SPEECH_THEN). */
export const SPEECH_THEN_VERBS = ["said", "told", "wrote", "added", "claimed", "argued", "insisted"] as const;
/** A speech verb of its own in a clause, which an "and ..." could belong to instead (patterns.ts, SPEECH_VERB). */
export const SPEECH_VERBS = ["said", "says", "told", "tells", "wrote", "writes", "added", "adds", "claimed", "argued", "insisted"] as const;
/** "⟦n⟧ claimed that ...": the name is the claimant, not the target (patterns.ts, CLAIMANT). */
export const CLAIM_VERBS = [
  "said",
  "says",
  "told",
  "claimed",
  "claims",
  "alleged",
  "alleges",
  "accused",
  "accuses",
  "charged",
  "insisted",
  "insists",
  "argued",
  "argues",
] as const;
/** Verbs of speech and belief that end the clause a trailing participle may belong to (patterns.ts, TRAILING_CLAUSE_BREAK). */
export const CLAUSE_BREAK_VERBS = [
  "said",
  "says",
  "told",
  "tells",
  "added",
  "adds",
  "claimed",
  "claims",
  "argued",
  "argues",
  "insisted",
  "insists",
  "believes",
  "believe",
  "thinks",
  "think",
] as const;
/** '"...," said X', '"...," X said': who is speaking a quotation (discourse.ts, SPEAKER_AFTER, SPEECH_AFTER_NAME). */
export const QUOTE_VERBS = ["said", "says", "added", "adds", "insisted", "argued"] as const;
/** 'X wrote: "..."', 'X told the paper: "..."' ("told" with its object, discourse.ts, SPEAKER_BEFORE). */
export const QUOTE_LEAD_VERBS = ["said", "says", "added", "adds", "wrote", "writes", "insisted", "argued"] as const;
/** "X said on Monday that they had": the pronoun after is the speaker (discourse.ts, REPORTED_SUBJECT). */
export const STATEMENT_VERBS = ["said", "says", "announced", "confirmed", "insisted", "added", "warned", "stated"] as const;
/** Speech and attribution words the stance model marks: a cue after them may be someone else's opinion, reported. */
export const ATTRIBUTION_WORDS = [
  "said",
  "says",
  "say",
  "told",
  "tells",
  "according",
  "claimed",
  "claims",
  "reported",
  "reports",
  "wrote",
  "writes",
  "added",
  "stated",
  "tweeted",
  "argued",
  "argues",
  "insisted",
  "insists",
  "suggested",
  "suggests",
  "believes",
  "believe",
  "thinks",
] as const;
