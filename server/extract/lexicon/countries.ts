import countries from "world-countries";

// Countries come from the world-countries dataset (names, official names, alternative spellings,
// capitals, demonyms). What the dataset lacks is added here as data, each with its reason.

/** Names English news uses that the dataset does not list as alternative spellings. */
const COLLOQUIAL_NAMES: Record<string, string> = {
  America: "US", // "without America, this is impossible"
  Britain: "GB", // "Britain's willingness to contribute troops"
  US: "US", // the dataset lists "US" only as the ISO code, which we otherwise skip
  Kiev: "UA", // older spelling of the capital Kyiv
  Holland: "NL",
  Turkey: "TR", // the dataset's common name is "Türkiye" and it lists only "Republic of Turkey"
};

/** Seats of government that news uses for the government itself, like a capital: "the Kremlin warned". */
const GOVERNMENT_SEATS: Record<string, string> = {
  Kremlin: "RU",
  "White House": "US",
  "Downing Street": "GB",
  Whitehall: "GB",
  Élysée: "FR",
  Elysee: "FR",
  Bankova: "UA",
  Zhongnanhai: "CN",
};

/** Dataset capitals written differently in running text: "Washington D.C." -> "Washington". */
const CAPITAL_SUFFIXES = [/\s+D\.C\.$/];

export interface CountryRecord {
  code: string;
  name: string;
  official: string;
  capitals: string[];
}

export interface CountryIndex {
  /** Exact-case surface form -> country code ("U.S." -> "US", "Britain" -> "GB"). */
  names: Map<string, string>;
  /** Capital city -> country code ("Kyiv" -> "UA", "Washington" -> "US"). */
  capitals: Map<string, string>;
  /** Demonym -> country code ("Polish" -> "PL"). */
  demonyms: Map<string, string>;
  byCode: Map<string, CountryRecord>;
}

/** "USA" -> "U.S.A.": news writes short all-caps names with dots. */
function dotted(name: string): string | undefined {
  return /^[A-Z]{2,3}$/.test(name) ? `${name.split("").join(".")}.` : undefined;
}

function buildIndex(): CountryIndex {
  const names = new Map<string, string>();
  const capitals = new Map<string, string>();
  const demonyms = new Map<string, string>();
  const byCode = new Map<string, CountryRecord>();
  const addName = (name: string, code: string) => {
    if (!names.has(name)) names.set(name, code);
    const d = dotted(name);
    if (d && !names.has(d)) names.set(d, code);
  };

  // Sovereign states first, so that a shared name or demonym goes to them:
  // "French" -> France, not French Southern and Antarctic Lands.
  const ordered = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  for (const c of ordered) {
    const code = c.cca2;
    const capitalNames = c.capital.map((cap) => CAPITAL_SUFFIXES.reduce((s, re) => s.replace(re, ""), cap));
    byCode.set(code, { code, name: c.name.common, official: c.name.official, capitals: capitalNames });
    addName(c.name.common, code);
    addName(c.name.official, code);
    // Two-letter ISO codes ("DE", "IT", "IN") are words or abbreviations in running text, so they are skipped;
    // other alternative spellings ("UK", "USA", "UAE", "Great Britain") are names.
    for (const alt of c.altSpellings) {
      if (alt !== c.cca2 && /^[\p{Lu}]/u.test(alt)) addName(alt, code);
    }
    for (const cap of capitalNames) if (!capitals.has(cap)) capitals.set(cap, code);
    const dem = c.demonyms?.eng;
    if (dem) for (const d of [dem.m, dem.f]) if (d && !demonyms.has(d)) demonyms.set(d, code);
  }
  for (const [seat, code] of Object.entries(GOVERNMENT_SEATS)) capitals.set(seat, code);
  for (const [name, code] of Object.entries(COLLOQUIAL_NAMES)) {
    if (name === "Kiev") capitals.set(name, code);
    else addName(name, code);
  }
  return { names, capitals, demonyms, byCode };
}

let index: CountryIndex | undefined;
export function countryIndex(): CountryIndex {
  index ??= buildIndex();
  return index;
}

/** The country a surface form names, directly or through its capital: "U.K." -> GB, "Moscow" -> RU. */
export function resolveCountry(surface: string): { code: string; viaCapital: boolean } | undefined {
  const idx = countryIndex();
  const direct = idx.names.get(surface);
  if (direct) return { code: direct, viaCapital: false };
  const cap = idx.capitals.get(surface);
  return cap ? { code: cap, viaCapital: true } : undefined;
}

export function countryName(code: string): string {
  return countryIndex().byCode.get(code)?.name ?? code;
}

/** The dataset's official name of a country ("Republic of Türkiye"), if the code is known. */
export function countryOfficialName(code: string | undefined): string | undefined {
  return code ? countryIndex().byCode.get(code)?.official : undefined;
}
