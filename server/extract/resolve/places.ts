// Towns and cities the recogniser read as a person or an organization ("Blackpool", "at Westminster"). They are
// places, which are none of our four types, so they get no node; but a city's name is also a football club's
// ("Liverpool beat Chelsea"), a company's ("Hitachi") or a person's ("Charlotte Church"), so the corpus decides.
import { isLargeCity } from "../lexicon/cities.js";
import { SPEECH_VERBS, STATEMENT_VERBS } from "../lexicon/speech.js";
import { escapeRegExp } from "../../../common/regex.js";
import { type Steps, every, runSteps } from "../../slices.js";
import { DOCUMENTS_PER_STEP } from "./kept-counts.js";
import type { DocExtraction, Sentence } from "../../types.js";
import type { Cue } from "./type-vote.js";
import { type Unit, nameOf, typeOf, unitName } from "./units.js";

/** The type of the units that name a place: no entity is made of them. */
export const PLACE = "place";

/** A city's name is a place when at least this share of the times the corpus writes it follow a locative word. */
export const PLACE_SHARE = 0.2;

const LOCATIVE = "in|at|near|outside|across|around|throughout";

/**
 * Rekeys to `place:` the units of a one-word name that is a large city's (lexicon/cities.ts) and that the corpus
 * writes as a place: after "in", "at", "near" ... or before "-based" in at least PLACE_SHARE of its occurrences, and
 * more often than with an organization's cue ("the X", "X party"). A person's name is rarely written so ("Charlotte",
 * "Jackson": never after "in"), and a unit with a person's cue of its own stays a person ("Lord Liverpool").
 */
export function* markPlaces(units: Unit[], cues: Map<Unit, Record<Cue, number>>, docs: readonly DocExtraction[]): Steps<void> {
  const written = new Map<string, string>(); // lower-case name -> as written
  const organizationCues = new Map<string, number>();
  const surnames = new Set<string>();
  const organizations = new Set<string>();
  const personDocs = new Map<string, Set<string>>(); // read as a person, with no person's cue
  let i = 0;
  for (const u of units) {
    if (every(i++, 1024)) yield;
    const type = typeOf(u.key);
    const name = nameOf(u.key);
    if (type === "person" && name.includes(" ")) surnames.add(name.slice(name.lastIndexOf(" ") + 1));
    if ((type !== "person" && type !== "organization") || name.includes(" ")) continue;
    if (type === "organization") organizations.add(name);
    else if (cues.get(u)!.person === 0) personDocs.set(name, (personDocs.get(name) ?? new Set<string>()).add(u.docId));
    const surface = unitName(u);
    if (!written.has(name) && isLargeCity(surface)) written.set(name, surface);
    organizationCues.set(name, (organizationCues.get(name) ?? 0) + cues.get(u)!.organization);
  }
  if (written.size === 0) return;
  const names = [...written.values()];
  yield;
  const { total, locative, acts } = yield* corpusLocatives.ofInSteps(names, docs);
  yield;
  const places = new Set(
    names
      .filter((n) => {
        const loc = locative.get(n) ?? 0;
        const org = organizationCues.get(n.toLowerCase()) ?? 0;
        if (loc >= PLACE_SHARE * (total.get(n) ?? 0) && loc > org) return true;
        // "Edinburgh were", "Hitachi said": a place neither speaks nor takes a plural verb as a team does
        if (org > 0 || acts.has(n)) return false;
        // with no organization's cue, a place's cue seen twice decides, as other cues do
        if (loc >= 2) return true;
        // a city's name nobody in the corpus bears as a surname, read as a person in two documents or more but never
        // with a person's cue, names no one ("cities such as Liverpool"); one document's may be a team sheet's surname
        const lower = n.toLowerCase();
        return !surnames.has(lower) && !organizations.has(lower) && (personDocs.get(lower)?.size ?? 0) >= 2;
      })
      .map((n) => n.toLowerCase()),
  );
  for (const u of units) {
    if (every(i++, 2048)) yield;
    const name = nameOf(u.key);
    if (places.has(name) && (typeOf(u.key) === "person" || typeOf(u.key) === "organization") && cues.get(u)!.person === 0) {
      u.key = `${PLACE}:${name}`;
    }
  }
}

// A verb of speech, or one in the plural after a singular name (British usage for a team, band or firm)
const ACTS = [...new Set([...SPEECH_VERBS, ...STATEMENT_VERBS, "were", "are", "have"])].join("|");

/** A name written alone and as a whole word: letters and digits only ("Leeds", not "Stoke-on-Trent"). */
const PLAIN = /^[\p{L}\p{N}]+$/u;

const locativePattern = (names: string[]) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(${LOCATIVE})\\s+)?(${names.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])(?:(-based)|\\s+(?:${ACTS})\\b())?`,
    "gu",
  );

/**
 * How often each name is written (exact case, a word of its own), how often after a locative word, and how often
 * before a verb of speech or a plural verb ("Hitachi said", "Edinburgh were": a place does neither). Each name is
 * counted on its own: what one name counts does not depend on the others asked with it. Plain names share one
 * pass, since two of them never match at one place; a name with other characters ("Stoke-on-Trent", which
 * "Stoke" would also match) is counted in a pass of its own.
 */
export function countLocatives(names: string[], sentences: Iterable<string>) {
  const unique = [...new Set(names)];
  const plain = unique.filter((n) => PLAIN.test(n));
  const passes = [...(plain.length > 0 ? [plain] : []), ...unique.filter((n) => !PLAIN.test(n)).map((n) => [n])].map(locativePattern);
  const total = new Map<string, number>();
  const locative = new Map<string, number>();
  const acts = new Map<string, number>();
  const bump = (map: Map<string, number>, name: string) => map.set(name, (map.get(name) ?? 0) + 1);
  const texts = [...sentences];
  for (const pattern of passes) {
    for (const s of texts) {
      for (const m of s.matchAll(pattern)) {
        const name = m[2]!;
        bump(total, name);
        if (m[1] || m[3]) bump(locative, name);
        if (m[4] !== undefined) bump(acts, name);
      }
    }
  }
  return { total, locative, acts };
}

type LocativeCounts = ReturnType<typeof countLocatives>;

/**
 * `countLocatives` over a corpus, kept per document between resolutions: a document is read once for each name
 * asked, so a write reads its own documents (and every document only for a name the corpus never asked before).
 * Equal to counting the whole corpus afresh, since each name is counted on its own.
 */
export class KeptLocatives {
  /** Every name asked so far, in the order first asked: a document has been counted for a prefix of it. */
  private readonly asked: string[] = [];
  private readonly known = new Set<string>();
  private readonly perDoc = new WeakMap<readonly Sentence[], { upTo: number; counts: LocativeCounts }>();

  of(names: string[], docs: readonly DocExtraction[]): LocativeCounts {
    return runSteps(this.ofInSteps(names, docs));
  }

  /**
   * `of` in steps of a few documents: every document is read for a name the corpus never asked before (all of them on
   * the first resolution after a start: 2.8 s at 20,000 articles). Each document's counts are moved on in one step.
   */
  *ofInSteps(names: string[], docs: readonly DocExtraction[]): Steps<LocativeCounts> {
    for (const n of names) {
      if (this.known.has(n)) continue;
      this.known.add(n);
      this.asked.push(n);
    }
    const wanted = new Set(names);
    const sum: LocativeCounts = { total: new Map(), locative: new Map(), acts: new Map() };
    for (const [i, d] of docs.entries()) {
      if (every(i, DOCUMENTS_PER_STEP)) yield;
      let kept = this.perDoc.get(d.sentences);
      if (!kept) this.perDoc.set(d.sentences, (kept = { upTo: 0, counts: { total: new Map(), locative: new Map(), acts: new Map() } }));
      if (kept.upTo < this.asked.length) {
        const more = countLocatives(
          this.asked.slice(kept.upTo),
          d.sentences.map((s) => s.text),
        );
        for (const key of ["total", "locative", "acts"] as const) for (const [n, c] of more[key]) kept.counts[key].set(n, c);
        kept.upTo = this.asked.length;
      }
      for (const key of ["total", "locative", "acts"] as const) {
        for (const [n, c] of kept.counts[key]) if (wanted.has(n)) sum[key].set(n, (sum[key].get(n) ?? 0) + c);
      }
    }
    return sum;
  }
}

const corpusLocatives = new KeptLocatives();
