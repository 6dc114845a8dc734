// Towns and cities the recogniser read as a person or an organization ("Blackpool", "at Westminster"). They are
// places, which are none of our four types, so they get no node; but a city's name is also a football club's
// ("Liverpool beat Chelsea"), a company's ("Hitachi") or a person's ("Charlotte Church"), so the corpus decides.
import { isLargeCity } from "../lexicon/cities.js";
import { escapeRegExp } from "../../../common/regex.js";
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
export function markPlaces(units: Unit[], cues: Map<Unit, Record<Cue, number>>, sentences: () => Iterable<string>): void {
  const written = new Map<string, string>(); // lower-case name -> as written
  const organizationCues = new Map<string, number>();
  for (const u of units) {
    const type = typeOf(u.key);
    const name = nameOf(u.key);
    if ((type !== "person" && type !== "organization") || name.includes(" ")) continue;
    const surface = unitName(u);
    if (!written.has(name) && isLargeCity(surface)) written.set(name, surface);
    organizationCues.set(name, (organizationCues.get(name) ?? 0) + cues.get(u)!.organization);
  }
  if (written.size === 0) return;
  const names = [...written.values()];
  const { total, locative } = countLocatives(names, sentences());
  const places = new Set(
    names
      .filter((n) => {
        const loc = locative.get(n) ?? 0;
        return loc >= PLACE_SHARE * (total.get(n) ?? 0) && loc > (organizationCues.get(n.toLowerCase()) ?? 0);
      })
      .map((n) => n.toLowerCase()),
  );
  for (const u of units) {
    const name = nameOf(u.key);
    if (places.has(name) && (typeOf(u.key) === "person" || typeOf(u.key) === "organization") && cues.get(u)!.person === 0) {
      u.key = `${PLACE}:${name}`;
    }
  }
}

/** How often each name is written (exact case, a word of its own), and how often after a locative word. */
export function countLocatives(names: string[], sentences: Iterable<string>) {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(${LOCATIVE})\\s+)?(${names.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])(-based)?`,
    "gu",
  );
  const total = new Map<string, number>();
  const locative = new Map<string, number>();
  for (const s of sentences) {
    for (const m of s.matchAll(pattern)) {
      const name = m[2]!;
      total.set(name, (total.get(name) ?? 0) + 1);
      if (m[1] || m[3]) locative.set(name, (locative.get(name) ?? 0) + 1);
    }
  }
  return { total, locative };
}
