// A corpus of any size made from the BBC articles, for the scale benchmark: each article is a BBC one with its
// people's and organizations' names swapped from pools that grow with the corpus, and a date spread over years.
// Seeded: the same seed and size give the same articles. The text stays outside the repository (bench-corpus.ts).
import { contentHash } from "../../server/extract/01-documents.js";
import { extractDocument } from "../../server/extract/index.js";
import { mulberry32 } from "../../server/random.js";
import { alternation } from "../../common/regex.js";
import type { DocumentInput } from "../../server/types.js";

/** The names of one source article, as the extractor reads them. */
export interface SourceNames {
  people: string[];
  organizations: string[];
}

export function namesIn(input: DocumentInput): SourceNames {
  const { mentions } = extractDocument(input, { stances: false });
  const of = (type: string) => [...new Set(mentions.filter((m) => m.type === type).map((m) => m.name))];
  return { people: of("person"), organizations: of("organization") };
}

/** Words that make an organization's name from a surname, once the corpus's own organizations are used up. */
const ORG_SUFFIXES = ["Group", "Holdings", "Foundation", "Institute", "Partners", "Bank", "Trust", "Council"];

/** The pools every generated article draws from: first names, surnames and organizations found in the sources. */
export interface NamePools {
  firstNames: string[];
  surnames: string[];
  organizations: string[];
}

const isAcronym = (name: string) => /^[A-Z0-9&.]{1,6}$/.test(name);
const tokens = (name: string) => name.split(/\s+/).filter(Boolean);

export function namePools(sources: SourceNames[]): NamePools {
  const firstNames = new Set<string>();
  const surnames = new Set<string>();
  const organizations = new Set<string>();
  for (const s of sources) {
    for (const name of s.people) {
      const t = tokens(name);
      if (t.length >= 2) firstNames.add(t[0]!);
      surnames.add(t[t.length - 1]!);
    }
    for (const name of s.organizations) if (!isAcronym(name)) organizations.add(name);
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return { firstNames: sorted(firstNames), surnames: sorted(surnames), organizations: sorted(organizations) };
}

/** A whole number from an index, mixed: the j-th person's first name and surname are drawn apart. */
const mix = (j: number, salt: number) => Math.imul(j ^ salt, 0x9e3779b1) >>> 0;

export interface GenerateOptions {
  docs: number;
  seed: number;
  /** The first year of the dates, and over how many years they spread. */
  fromYear: number;
  years: number;
}

/**
 * `options.docs` distinct articles from `sources` (each with its names), round after round over a seeded order.
 * The people and organizations of the generated corpus number about half and a quarter of the articles, drawn
 * skewed (a few recur in many articles, most in few), as a real archive's entities grow with it.
 */
export function* generateArticles(
  sources: { input: DocumentInput; names: SourceNames }[],
  pools: NamePools,
  options: GenerateOptions,
): Generator<DocumentInput> {
  const random = mulberry32(options.seed);
  const people = Math.max(50, Math.round(options.docs / 2));
  const orgs = Math.max(20, Math.round(options.docs / 4));
  const skewed = (n: number) => Math.floor(n * random() ** 2);
  const person = (j: number) => ({
    first: pools.firstNames[mix(j, 1) % pools.firstNames.length]!,
    last: pools.surnames[mix(j, 2) % pools.surnames.length]!,
  });
  const organization = (j: number) =>
    j < pools.organizations.length
      ? pools.organizations[j]!
      : `${pools.surnames[mix(j, 3) % pools.surnames.length]} ${ORG_SUFFIXES[mix(j, 4) % ORG_SUFFIXES.length]}`;
  const order = sources.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const seen = new Set<string>();
  const start = Date.UTC(options.fromYear, 0, 1);
  const span = Date.UTC(options.fromYear + options.years, 0, 1) - start;
  let made = 0;
  for (let i = 0; made < options.docs && i < options.docs * 3 + sources.length; i++) {
    const { input, names } = sources[order[i % order.length]!]!;
    const swap = new Map<string, string>();
    for (const name of names.organizations) if (!isAcronym(name)) swap.set(name, organization(skewed(orgs)));
    for (const name of names.people) {
      const t = tokens(name);
      const last = t[t.length - 1]!;
      const drawn = person(skewed(people));
      if (!swap.has(last)) swap.set(last, drawn.last);
      if (t.length >= 2 && !swap.has(t[0]!)) swap.set(t[0]!, drawn.first);
    }
    const replace = (text: string) => {
      if (swap.size === 0) return text;
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(swap.keys())})(?![\\p{L}\\p{N}])`, "gu");
      return text.replace(pattern, (found) => swap.get(found) ?? found);
    };
    const text = replace(input.text);
    const hash = contentHash(text);
    if (seen.has(hash)) continue; // an article with no names to swap, already given once
    seen.add(hash);
    made++;
    const date = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10);
    const article: DocumentInput = { text, date, source: `generated/${made}` };
    if (input.title) article.title = replace(input.title);
    yield article;
  }
}
