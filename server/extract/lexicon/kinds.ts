// Words for the kind of thing a name is, written next to it: "the comedy Sideways", "games giant Electronic Arts".
// Entity types across the corpus are voted with them (resolve/type-vote.ts).

/** In front of a creative work's title: "blockbuster The Aviator", "the game Halo". */
export const WORK_KINDS_BEFORE = [
  "film",
  "movie",
  "blockbuster",
  "biopic",
  "comedy",
  "drama",
  "thriller",
  "musical",
  "sitcom",
  "album",
  "novel",
  "game",
  "documentary",
  "programme",
  "series",
] as const;
/** After a creative work's title: "Newsnight programme", "The Office series". */
export const WORK_KINDS_AFTER = ["programme", "show", "series", "documentary"] as const;
/** In front of an organization's name: "games giant Electronic Arts", "Scottish band Franz Ferdinand". */
export const ORGANIZATION_KINDS = [
  "firm",
  "company",
  "giant",
  "group",
  "maker",
  "retailer",
  "bank",
  "airline",
  "carrier",
  "operator",
  "manufacturer",
  "broadcaster",
  "band",
  "label",
  "studio",
  "club",
  "agency",
] as const;
/**
 * What only an organization has, after its name or its possessive: "Quorlex customers", "Quorlex's Japanese
 * division", "Quorlex's head office". Not what a person has as well: staff, a spokesman, shares, earnings, sales.
 */
export const ORGANIZATION_HOLDINGS = [
  "customers",
  "subscribers",
  "shareholders",
  "users",
  "headquarters",
  "head office",
  "subsidiary",
  "subsidiaries",
  "division",
  "divisions",
  "branches",
  "stores",
  "factories",
  "products",
  "profits",
  "revenues",
  "turnover",
] as const;
