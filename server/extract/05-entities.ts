import type { DocExtraction, Entity, EntityType, Mention, ResolvedMention } from "../types.js";
import { nameTokens } from "./04-coreference.js";

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
 * Joins document clusters across the corpus. Clusters with the same key are one entity; a person known
 * only by a single name in some document ("Putin") joins the one multi-word person whose surname it is.
 */
export function corpusClusters(mentions: Mention[]): Map<string, string> {
  const keys = new Set(mentions.map((m) => m.cluster));
  const bySurname = new Map<string, Set<string>>();
  for (const key of keys) {
    if (!key.startsWith("person:")) continue;
    const tokens = nameTokens(key.slice("person:".length));
    if (tokens.length >= 2) {
      const set = bySurname.get(tokens.at(-1)!) ?? new Set();
      set.add(key);
      bySurname.set(tokens.at(-1)!, set);
    }
  }
  const target = new Map<string, string>();
  for (const key of keys) {
    let to = key;
    if (key.startsWith("person:")) {
      const tokens = nameTokens(key.slice("person:".length));
      const owners = tokens.length === 1 ? bySurname.get(tokens[0]!) : undefined;
      if (owners && owners.size === 1) to = [...owners][0]!;
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

/** The name to show: for people the most frequent full name ("Volodymyr Zelenskyy"), else the most frequent form. */
export function chooseLabel(type: EntityType, names: string[]): string {
  const full = type === "person" ? names.filter((n) => nameTokens(n).length >= 2) : [];
  return mostFrequent(full.length > 0 ? full : names, (a, b) => b.length - a.length);
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
  const idOfKey = new Map<string, string>();
  for (const [key, group] of [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const type = group[0]!.type;
    const label = chooseLabel(type, group.map((m) => m.name));
    let id = entityId(type, label);
    while (entities.some((e) => e.id === id)) id += "-2";
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
