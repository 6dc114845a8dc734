// Political parties that English-language news names by nickname or adjective, as data: "the Tories",
// "Tory plans", "Lib Dem leader Charles Kennedy" all name one party. The recogniser alone tags "Tory" as a
// person and "Conservative" as a nationality-like MISC word, and cannot know that Tories are Conservatives.
// Kept short on purpose: the main parties of the UK and the US, whose news this corpus and our users read most.

export interface Party {
  /** The entity's name. */
  name: string;
  /** Names of the party as a noun: "the Tories", "Labour". */
  forms: string[];
  /** Adjectives naming the party in front of a noun: "Tory plans", "Conservative MP". Not read at a sentence start. */
  adjectives: string[];
  /** The country whose elections it fights (ISO code): a document about its campaign is set there. */
  country: string;
}

export const PARTIES: readonly Party[] = [
  {
    name: "Conservative Party",
    forms: ["Conservative Party", "Conservatives", "Tory Party", "Tories", "Tory"],
    adjectives: ["Conservative"],
    country: "GB",
  },
  { name: "Labour Party", forms: ["Labour Party", "Labour"], adjectives: [], country: "GB" },
  {
    name: "Liberal Democrats",
    forms: ["Liberal Democrats", "Liberal Democrat Party", "Lib Dems"],
    adjectives: ["Liberal Democrat", "Lib Dem"],
    country: "GB",
  },
  { name: "Scottish National Party", forms: ["Scottish National Party", "SNP"], adjectives: [], country: "GB" },
  { name: "UK Independence Party", forms: ["UK Independence Party", "UKIP", "Ukip"], adjectives: [], country: "GB" },
  { name: "Plaid Cymru", forms: ["Plaid Cymru"], adjectives: [], country: "GB" },
  { name: "Republican Party", forms: ["Republican Party", "Republicans", "GOP"], adjectives: ["Republican"], country: "US" },
  { name: "Democratic Party", forms: ["Democratic Party", "Democrats"], adjectives: ["Democratic"], country: "US" },
];
