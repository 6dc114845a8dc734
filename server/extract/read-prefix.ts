// The title and affiliation written in front of a person's name ("Polish Prime Minister Donald Tusk"): read by
// mention finding, the role book and the stance stage, so it lives apart from any one of them.
import { countryIndex, countryName } from "./lexicon/countries.js";
import { HONORIFICS, titleWordOf } from "./lexicon/titles.js";

export interface Prefix {
  role?: string;
  affiliation?: string;
  /** Where the title/demonym prefix begins in the sentence. */
  start: number;
}

/**
 * Reads the title and affiliation written in front of a person's name, walking back word by word
 * (`start` also takes in a capitalised word qualifying the title, "London mayor"):
 * "Polish Prime Minister Donald Tusk" -> role "Prime Minister", affiliation "Poland";
 * "U.S. President Donald Trump" -> role "President", affiliation "United States".
 */
export function readPrefix(text: string, nameStart: number): Prefix {
  const before = text.slice(0, nameStart);
  const words = [...before.matchAll(/(\S+)\s+/g)];
  const roleWords: string[] = [];
  let start = nameStart;
  let affiliation: string | undefined;
  let qualified = false;
  for (let i = words.length - 1; i >= 0; i--) {
    const m = words[i]!;
    if (m.index + m[0].length !== start) break; // words must touch: "Minister Donald", not "said. Donald"
    const word = m[1]!;
    const title = titleWordOf(word);
    if (title) {
      roleWords.unshift(title);
      start = m.index;
      continue;
    }
    const idx = countryIndex();
    const code = idx.demonyms.get(word) ?? idx.names.get(word);
    if (code && roleWords.length > 0) {
      affiliation = countryName(code);
      start = m.index;
    } else if (roleWords.length > 0 && /^\p{Lu}[\p{L}-]*$/u.test(word) && !qualified) {
      // A place or party qualifying the title: "London mayor Ken Livingstone", "Tory peer Lord Tebbit", and title
      // words before it still belong: "former Olympic champion Michael Johnson".
      start = m.index;
      qualified = true;
      continue;
    }
    break;
  }
  const role = roleWords.filter((w) => !HONORIFICS.has(w.toLowerCase())).join(" ");
  const prefix: Prefix = { start };
  if (role) prefix.role = role;
  if (affiliation) prefix.affiliation = affiliation;
  return prefix;
}
