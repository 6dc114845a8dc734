// Name search over entities: one ranking for the client (entities drawn) and the server (the whole corpus).
import type { SearchHit } from "./api/views.js";
import type { EntityType } from "./types.js";

export interface Searchable {
  id: string;
  label: string;
  type: EntityType;
  aliases?: string[];
  mentions: number;
}

export type { SearchHit };

/** Best hits first: a name that starts with the query, then one containing it; labels before aliases; more mentions first. */
export function searchNames(items: Iterable<Searchable>, query: string, max = 8): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const item of items) {
    let best: { rank: number; via?: string } | undefined;
    for (const name of [item.label, ...(item.aliases ?? [])]) {
      const i = name.toLowerCase().indexOf(q);
      if (i < 0) continue;
      const rank = (i === 0 ? 0 : 1) + (name === item.label ? 0 : 0.5);
      if (!best || rank < best.rank) best = name === item.label ? { rank } : { rank, via: name };
    }
    if (best) {
      const hit: SearchHit = { id: item.id, label: item.label, type: item.type, rank: best.rank - item.mentions / 1e6 };
      if (best.via) hit.via = best.via;
      hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label)).slice(0, max);
}
