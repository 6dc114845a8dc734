// The review queue: pairs of entities that may be one, for an analyst to merge or keep apart. Candidates are
// same-type pairs the resolver left apart with a close name: a lone surname beside the full names that share it
// ("Blair" / "Tony Blair": resolution joins only when one full name has that surname), names a letter or two apart
// ("Zelenskiy" / "Zelensky"), and an acronym beside the name it abbreviates ("IMF" / "International Monetary Fund").
// Ranked by how much a merge would change the graph: mentions moved plus links that would be re-pointed.
import { acronymOf, initialsOf, spellingKey } from "../extract/08-entities.js";
import { nameTokens } from "../extract/05-coreference/index.js";
import type { EntityGraph } from "../graph/build.js";
import type { Entity, Extraction } from "../types.js";

export const DUPLICATE_REASONS = ["surname", "spelling", "acronym"] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateSide {
  id: string;
  label: string;
  type: Entity["type"];
  mentions: number;
}

/** A pair to review; `from` is the smaller entity, the one a merge would fold into `into`. */
export interface Duplicate {
  from: DuplicateSide;
  into: DuplicateSide;
  reason: DuplicateReason;
  /** Mentions that would move plus links that would be re-pointed: what the merge changes in the graph. */
  score: number;
}

/** Levenshtein distance, giving up (Infinity) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_x, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > max) return Infinity;
    prev = row;
  }
  return prev[b.length]! <= max ? prev[b.length]! : Infinity;
}

const MIN_SPELLING_LENGTH = 5;
/** Names this long or longer may differ by two letters; shorter ones ("Iran" / "Iraq") by none. */
const TWO_EDITS_FROM = 9;
/** Entities compared for spelling within one block (names sharing their first three letters) at most. */
const MAX_BLOCK = 300;

function candidatePairs(entities: Entity[]): Map<string, { a: Entity; b: Entity; reason: DuplicateReason }> {
  const pairs = new Map<string, { a: Entity; b: Entity; reason: DuplicateReason }>();
  const add = (a: Entity, b: Entity, reason: DuplicateReason) => {
    if (a.id === b.id || a.type !== b.type) return;
    const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
    if (!pairs.has(key)) pairs.set(key, { a, b, reason });
  };
  const people = entities.filter((e) => e.type === "person");
  const fullBySurname = new Map<string, Entity[]>();
  for (const p of people) {
    const tokens = nameTokens(p.label);
    if (tokens.length >= 2) {
      const key = spellingKey(tokens.at(-1)!);
      fullBySurname.set(key, [...(fullBySurname.get(key) ?? []), p]);
    }
  }
  for (const p of people) {
    const tokens = nameTokens(p.label);
    if (tokens.length === 1) for (const full of fullBySurname.get(spellingKey(tokens[0]!)) ?? []) add(p, full, "surname");
  }
  const blocks = new Map<string, Entity[]>();
  for (const e of entities) {
    const name = e.label.toLowerCase();
    if (name.length < MIN_SPELLING_LENGTH) continue;
    const key = `${e.type}:${name.slice(0, 3)}`;
    blocks.set(key, [...(blocks.get(key) ?? []), e]);
  }
  for (const block of blocks.values()) {
    const list = block.slice(0, MAX_BLOCK);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!.label.toLowerCase(), list[j]!.label.toLowerCase()];
        const max = Math.min(a.length, b.length) >= TWO_EDITS_FROM ? 2 : 1;
        if (editDistance(a, b, max) <= max) add(list[i]!, list[j]!, "spelling");
      }
    }
  }
  const byInitials = new Map<string, Entity[]>();
  for (const e of entities) {
    const initials = e.type === "organization" || e.type === "event" ? initialsOf(e.label) : undefined;
    if (initials) byInitials.set(`${e.type}:${initials}`, [...(byInitials.get(`${e.type}:${initials}`) ?? []), e]);
  }
  for (const e of entities) {
    const acronym = acronymOf(e.label);
    if (acronym) for (const full of byInitials.get(`${e.type}:${acronym}`) ?? []) add(e, full, "acronym");
  }
  return pairs;
}

/** The pairs to review, most consequential first; pairs kept apart by a correction are not asked again. */
export function possibleDuplicates(extraction: Extraction, graph: EntityGraph, limit = 50): Duplicate[] {
  const apart = new Set(
    (extraction.corrections?.log ?? [])
      .filter((o) => o.action === "keep-apart" && o.status === "applied")
      .map((o) => [...o.entities].sort().join("|")),
  );
  const side = (e: Entity): DuplicateSide => ({
    id: e.id,
    label: e.label,
    type: e.type,
    mentions: graph.getNodeAttribute(e.id, "mentions"),
  });
  const out: Duplicate[] = [];
  for (const [key, { a, b, reason }] of candidatePairs(extraction.entities)) {
    if (apart.has(key) || !graph.hasNode(a.id) || !graph.hasNode(b.id)) continue;
    // The smaller folds into the bigger; of two the same size, the later id into the earlier.
    const [x, y] = [side(a), side(b)];
    const [from, into] = x.mentions < y.mentions || (x.mentions === y.mentions && x.id > y.id) ? [x, y] : [y, x];
    const keep = new Set(graph.neighbors(into.id));
    const repointed = graph.neighbors(from.id).filter((n) => n !== into.id && !keep.has(n)).length;
    out.push({ from, into, reason, score: from.mentions + repointed });
  }
  return out.sort((x, y) => y.score - x.score || x.from.id.localeCompare(y.from.id)).slice(0, limit);
}
