import type { DocExtraction, Entity, EntityType, Mention, ResolvedMention } from "../types.js";
import { nameTokens } from "./04-coreference.js";
import { NAME_FUNCTION_WORDS } from "./lexicon/events.js";

/** "person:Volodymyr Zelenskyy" -> "person:volodymyr-zelenskyy": readable, stable ids for URLs. */
export function entityId(type: EntityType, label: string): string {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${type}:${slug || "x"}`;
}

/**
 * Spelling key of a transliterated name: "Zelenskyy", "Zelensky" and "Zelenskiy" all give "zelensky".
 * Diacritics go, doubled letters collapse, and the endings -iy/-ij/-yi become -y.
 */
export function spellingKey(name: string): string {
  return nameTokens(name)
    .map((t) =>
      t
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")
        .replace(/(.)\1+/g, "$1")
        .replace(/(?:iy|ij|yi)$/, "y"),
    )
    .join(" ");
}

/** "EU", "U.N.", "NATO" -> "EU", "UN", "NATO"; undefined when the name is not an acronym. */
export function acronymOf(name: string): string | undefined {
  const letters = name.replace(/\./g, "");
  return /^\p{Lu}{2,6}$/u.test(letters) ? letters : undefined;
}

/** Initials of a multi-word name's content words: "Armed Forces of Ukraine" -> "AFU", "European Union" -> "EU". */
export function initialsOf(name: string): string | undefined {
  const words = nameTokens(name).filter((w) => !NAME_FUNCTION_WORDS.has(w.toLowerCase()));
  return words.length >= 2 ? words.map((w) => w[0]!.toUpperCase()).join("") : undefined;
}

const typeOf = (key: string) => key.slice(0, key.indexOf(":"));
const nameOf = (key: string) => key.slice(key.indexOf(":") + 1);

/** Maps each key to one representative, the first in sorted order of its group, when the group key is shared by all. */
function groupBy(keys: string[], groupKey: (key: string) => string | undefined): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const key of [...keys].sort()) {
    const g = groupKey(key);
    if (g === undefined) continue;
    groups.set(g, [...(groups.get(g) ?? []), key]);
  }
  const to = new Map<string, string>();
  for (const members of groups.values()) for (const m of members) to.set(m, members[0]!);
  return to;
}

/**
 * Joins document clusters across the corpus:
 * - people whose names differ only in transliteration ("Volodymyr Zelensky" / "Volodymyr Zelenskyy");
 * - a person known only by a single name in some document ("Putin") joins the one multi-word person with that surname;
 * - an acronym joins the one organization or event whose initials it is ("EU" -> "European Union").
 * Never on a shared first name or a shared word: Donald Trump is not Donald Tusk, European Union is not European Council.
 */
export function corpusClusters(mentions: Mention[]): Map<string, string> {
  const nameOfCluster = new Map<string, string>();
  for (const m of mentions) if (!nameOfCluster.has(m.cluster)) nameOfCluster.set(m.cluster, m.name);
  const keys = [...nameOfCluster.keys()];
  const spelled = groupBy(keys, (k) => (typeOf(k) === "person" ? `person:${spellingKey(nameOf(k))}` : undefined));
  const canonical = (k: string) => spelled.get(k) ?? k;

  const bySurname = new Map<string, Set<string>>();
  const byInitials = new Map<string, Set<string>>();
  for (const key of keys) {
    const tokens = nameTokens(nameOf(key));
    if (typeOf(key) === "person" && tokens.length >= 2) {
      const surname = spellingKey(tokens.at(-1)!);
      bySurname.set(surname, (bySurname.get(surname) ?? new Set()).add(canonical(key)));
    }
    const initials = typeOf(key) === "organization" || typeOf(key) === "event" ? initialsOf(nameOf(key)) : undefined;
    if (initials) byInitials.set(initials, (byInitials.get(initials) ?? new Set()).add(key));
  }
  const only = (set: Set<string> | undefined) => (set && set.size === 1 ? [...set][0]! : undefined);

  const target = new Map<string, string>();
  for (const key of keys) {
    let to = canonical(key);
    const tokens = nameTokens(nameOf(key));
    if (typeOf(key) === "person" && tokens.length === 1) to = only(bySurname.get(spellingKey(tokens[0]!))) ?? to;
    if (typeOf(key) === "organization") {
      const acronym = acronymOf(nameOfCluster.get(key) ?? "");
      if (acronym) to = only(byInitials.get(acronym)) ?? to;
    }
    target.set(key, to);
  }
  return target;
}

function mostFrequent(values: string[], prefer: (a: string, b: string) => number): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || prefer(a[0], b[0]) || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * The name to show: for people the most frequent full name ("Volodymyr Zelenskyy"); for others the most
 * frequent form, but a spelled-out name over its acronym unless the acronym is far more common
 * ("Armed Forces of Ukraine" over "AFU", yet "NATO" when the full name appears once in twenty).
 */
export function chooseLabel(type: EntityType, names: string[]): string {
  const prefer = (a: string, b: string) => b.length - a.length;
  if (type === "person") {
    const full = names.filter((n) => nameTokens(n).length >= 2);
    return mostFrequent(full.length > 0 ? full : names, prefer);
  }
  const spelled = names.filter((n) => !acronymOf(n));
  const acronyms = names.length - spelled.length;
  return mostFrequent(spelled.length > 0 && acronyms < 3 * spelled.length ? spelled : names, prefer);
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** Resolves every mention of the corpus to an entity. Deterministic: the same documents give the same ids. */
export function resolveEntities(docs: DocExtraction[]): { entities: Entity[]; mentions: ResolvedMention[] } {
  const all = docs.flatMap((d) => d.mentions);
  const target = corpusClusters(all);
  const groups = new Map<string, Mention[]>();
  for (const m of all) {
    const key = target.get(m.cluster)!;
    const group = groups.get(key) ?? [];
    group.push(m);
    groups.set(key, group);
  }
  const entities: Entity[] = [];
  const ids = new Set<string>();
  const idOfKey = new Map<string, string>();
  for (const [key, group] of [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const type = group[0]!.type;
    const label = chooseLabel(
      type,
      group.map((m) => m.name),
    );
    let id = entityId(type, label);
    while (ids.has(id)) id += "-2";
    ids.add(id);
    idOfKey.set(key, id);
    entities.push({
      id,
      label,
      type,
      aliases: sortedUnique(group.flatMap((m) => [m.name, m.surface])),
      roles: sortedUnique(group.flatMap((m) => (m.role ? [m.role] : []))),
      affiliations: sortedUnique(group.flatMap((m) => (m.affiliation ? [m.affiliation] : []))),
    });
  }
  const mentions = all.map((m) => ({ ...m, entityId: idOfKey.get(target.get(m.cluster)!)! }));
  return { entities, mentions };
}
