// Words that stand for someone or something named before, as data: "the company", "he", "the prime minister", "the
// offer" and the verbs that make such a thing ("tabled an offer"). Read by coreference (05-coreference/discourse.ts).

/** Nouns that, after "the", stand for the organization last named: "The company has also accused Gazprom". */
// Not "the government", "the club", "the union": the last organization named is too often another one (a precision
// audit of 79 stances on unlabelled BBC articles found "the club" read as the other club, "the government" as whatever
// organization came last). "The party" is read apart, as the last party named (PARTY_NOUNS).
export const ORGANIZATION_NOUNS = ["company", "firm", "group", "bank", "airline", "carrier", "retailer"] as const;

/**
 * Nouns that, after "the", stand for the political party last named (05-coreference/groups.ts): "He accused the party
 * of ...". A party is told from other organizations by name (lexicon/parties.ts, "... Party"), so "the party" never
 * reads a club or a company named last, as "the club" and "the government" would.
 */
export const PARTY_NOUNS = ["party"] as const;

/** Pronouns that, opening a sentence, stand for the organization the sentence before opened with: "The Tories ... Their plan". */
export const PLURAL_PRONOUNS = ["they", "their"] as const;

/** Pronouns that stand for the most prominent person so far (05-coreference/discourse.ts, `remember`). */
export const PERSON_PRONOUNS = ["he", "she"] as const;

/** Role nouns that, after "the", stand for the person last described that way: "the French leader". */
// Two-word roles in lower case ("the first minister", "the foreign secretary") are listed whole: a lower-case word in
// front of a role is otherwise not read as part of it.
export const ROLE_NOUNS = [
  "leader",
  "president",
  "minister",
  "prime minister",
  "chancellor",
  "premier",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "official",
  "chairman",
  "co-chairman",
  "chairwoman",
  "chief executive",
  "secretary",
  "boss",
  "first minister",
  "foreign secretary",
  "home secretary",
  "health secretary",
  "education secretary",
  "culture secretary",
  "defence secretary",
  "foreign minister",
  "finance minister",
  "attorney general",
] as const;

/**
 * Words that make a title another office: "the prime minister" is not whoever was introduced as "Deputy Prime
 * Minister John Prescott", "the chairman" not the "vice-chairman", "the minister" not the prime minister.
 */
export const OTHER_OFFICE_WORDS = [
  "deputy",
  "vice",
  "shadow",
  "assistant",
  "junior",
  "under",
  "co",
  "former",
  "ex",
  "prime",
  "first",
] as const;

/**
 * Things someone makes and others react to: "the offer", "the report" in a later sentence stand for whoever made
 * the last one named, if that was said ("Xstrata's offer", "a report by the NAO", "the WTO announced a move").
 * Singular forms; a plural "s" is read too. Not "deal" or "merger": they have two parties, neither the one owner.
 */
export const THING_NOUNS = [
  "offer",
  "bid",
  "report",
  "plan",
  "proposal",
  "decision",
  "move",
  "ruling",
  "statement",
  "scheme",
  "target",
  "demand",
  "takeover",
  "verdict",
  "judgment",
  "policy",
  "budget",
  "review",
  "package",
  "initiative",
  "measure",
  "announcement",
  "findings",
  "strategy",
  "reform",
  "claim",
  "allegation",
  "accusation",
  "charge",
  "suggestion",
] as const;

/**
 * Things that are one kind for "the claims" in a later sentence: "The paper alleged ... He denied the claims" denies
 * the allegation. Each noun maps to its kind; nouns not listed are their own kind.
 */
export const THING_KINDS: Readonly<Record<string, string>> = {
  allegation: "claim",
  accusation: "claim",
  charge: "claim",
  suggestion: "claim",
  judgment: "ruling",
  verdict: "ruling",
};

/** Verbs that make a thing by saying it: "the Sunday Times alleged that ..." makes a claim, "the Lords ruled" a ruling. */
export const THING_VERBS: Readonly<Record<string, string>> = {
  claimed: "claim",
  claims: "claim",
  alleged: "claim",
  alleges: "claim",
  accused: "claim",
  accuses: "claim",
  charged: "claim",
  suggested: "claim",
  suggests: "claim",
  ruled: "ruling",
  rules: "ruling",
};

/** Verbs by which someone makes a thing: "the WTO announced a move", "Xstrata has tabled an offer". */
export const MAKING_VERBS = [
  "announced",
  "announces",
  "proposed",
  "proposes",
  "unveiled",
  "unveils",
  "published",
  "publishes",
  "issued",
  "issues",
  "launched",
  "launches",
  "tabled",
  "tables",
  "put forward",
  "puts forward",
  "released",
  "releases",
  "set out",
  "sets out",
  "outlined",
  "outlines",
  "submitted",
  "submits",
  "made",
  "makes",
  "produced",
  "produces",
  "presented",
  "presents",
  "lodged",
  "lodges",
  "filed",
  "files",
  "approved",
  "approves",
  "took",
  "takes",
  "agreed",
  "agrees",
] as const;
