// A write's provisional resolution: the corpus as it was resolved, with the new documents' mentions given the
// entities their names already have. It costs the new documents, not the corpus, so the server shows a post at once;
// the corpus is then resolved in full after the commit (corpus-writer.ts), which may join, split or drop some of
// what this guessed, and that resolution replaces it.
import { resolvedMention } from "../common/mentions.js";
import { byId, sortedUnique } from "../common/group.js";
import { entityId } from "./extract/08-entities.js";
import { coMentionEdges, stanceEdges } from "./extract/09-edges.js";
import { type Steps, every, runSteps } from "./slices.js";
import type { GraphChange, IdChange } from "./store/derived.js";
import type { Doc, DocExtraction, Edge, Entity, Extraction, ResolvedMention } from "./types.js";

const nameKey = (type: string, name: string) => `${type}:${name.toLowerCase()}`;

/** Per key, how many mentions resolved to each entity. */
type Votes = Map<string, Map<string, number>>;

function vote(votes: Votes, key: string, id: string): void {
  const ids = votes.get(key);
  if (!ids) votes.set(key, new Map([[id, 1]]));
  else ids.set(id, (ids.get(id) ?? 0) + 1);
}

function unvote(votes: Votes, key: string, id: string): void {
  const ids = votes.get(key);
  const n = (ids?.get(id) ?? 0) - 1;
  if (n > 0) ids!.set(id, n);
  else if (ids?.delete(id) && ids.size === 0) votes.delete(key);
}

/** The entity most of a key's mentions resolved to (ties by id, so it does not depend on mention order). */
function majority(votes: Votes, key: string): string | undefined {
  const ids = votes.get(key);
  if (!ids) return undefined;
  let best = "";
  let most = 0;
  for (const [id, n] of ids) if (n > most || (n === most && id < best)) [best, most] = [id, n];
  return best;
}

/** How a resolved corpus names its entities: by in-document cluster key, and by type and name. */
interface NameIndex {
  byCluster: Votes;
  byName: Votes;
}

// The index of the latest corpus that has one. A provisional write moves it on to the corpus it makes (the votes of
// its new mentions added), and so does a full resolution of it (the mentions it changed), so a run of writes counts
// the corpus's mentions once; another corpus counts them again.
let latest: { extraction: Extraction; index: NameIndex } | undefined;

/** A full resolution that changed more than this share of the mentions is counted afresh rather than moved on. */
const MOVE_AT_MOST = 0.25;

/**
 * The name index of `extraction`: the latest one's if it is that corpus; moved on from it when `extraction` keeps
 * most of its mentions (the same objects: a full resolution keeps every mention it did not change, 08-entities.ts),
 * which costs the mentions that changed; else counted. In steps, so that the server does it between reads. At
 * 20,000 articles a count took 1.1-3.4 s of a post's 2 s when the post came before the count made after the full
 * resolution was done.
 */
export function* nameIndexInSteps(extraction: Extraction): Steps<NameIndex> {
  if (latest?.extraction === extraction) return latest.index;
  const last = latest;
  const changed = last && (yield* mentionChangesInSteps(last.extraction.mentions, extraction.mentions));
  // Moved in one step, and only if no other index took its place meanwhile: a count given up leaves it whole.
  if (changed && latest === last) {
    moveIndex(last.extraction, extraction, changed.added, changed.removed);
    return latest.index;
  }
  const index: NameIndex = { byCluster: new Map(), byName: new Map() };
  for (const [i, m] of extraction.mentions.entries()) {
    if (every(i, 8192)) yield;
    vote(index.byCluster, m.cluster, m.entityId);
    vote(index.byName, nameKey(m.type, m.name), m.entityId);
  }
  latest = { extraction, index };
  return index;
}

const nameIndex = (extraction: Extraction) => runSteps(nameIndexInSteps(extraction));

/**
 * The mentions of `after` that are not in `before` and those of `before` not in `after`, by identity; undefined when
 * more than MOVE_AT_MOST of `after` is new (counting the index afresh costs less then).
 */
function* mentionChangesInSteps(
  before: readonly ResolvedMention[],
  after: readonly ResolvedMention[],
): Steps<{ added: ResolvedMention[]; removed: ResolvedMention[] } | undefined> {
  const gone = new Set<ResolvedMention>();
  for (const [i, m] of before.entries()) {
    if (every(i, 65536)) yield;
    gone.add(m);
  }
  const added: ResolvedMention[] = [];
  for (const [i, m] of after.entries()) {
    if (every(i, 65536)) yield;
    if (gone.delete(m)) continue;
    added.push(m);
    if (added.length > MOVE_AT_MOST * after.length) return undefined;
  }
  return { added, removed: [...gone] };
}

/**
 * Moves the index of `from` on to `to`, which adds `added` to it and takes `removed` away; `from`'s is counted again
 * if asked for.
 */
function moveIndex(from: Extraction, to: Extraction, added: readonly ResolvedMention[], removed: readonly ResolvedMention[] = []): void {
  if (latest?.extraction !== from) return;
  for (const m of added) {
    vote(latest.index.byCluster, m.cluster, m.entityId);
    vote(latest.index.byName, nameKey(m.type, m.name), m.entityId);
  }
  for (const m of removed) {
    unvote(latest.index.byCluster, m.cluster, m.entityId);
    unvote(latest.index.byName, nameKey(m.type, m.name), m.entityId);
  }
  latest = { extraction: to, index: latest.index };
}

/** Where `id` is in `sorted` (by id, code units), or -1. */
function indexOfId(sorted: readonly { id: string }[], id: string): number {
  let [lo, hi] = [0, sorted.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid]!.id;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Items of a loop over the whole corpus between two turns of the event loop. */
const STEP = 8192;

/** `sorted` (by id) with the items of `changed` in place of those of the same id, and the others merged in. */
function* mergedById<T extends { id: string }>(sorted: readonly T[], changed: Iterable<T>): Steps<T[]> {
  const out = sorted.slice();
  const added: T[] = [];
  for (const item of changed) {
    const at = indexOfId(sorted, item.id);
    if (at >= 0) out[at] = item;
    else added.push(item);
  }
  if (added.length === 0) return out;
  added.sort(byId);
  yield;
  const merged: T[] = [];
  let j = 0;
  for (const [i, item] of out.entries()) {
    if (every(i, STEP)) yield;
    while (j < added.length && added[j]!.id < item.id) merged.push(added[j++]!);
    merged.push(item);
  }
  while (j < added.length) merged.push(added[j++]!);
  return merged;
}

/** Each new document's mentions, given the entity their cluster or name has in `resolved` (a new one if none). */
function resolveNew(resolved: Extraction, docs: readonly DocExtraction[]) {
  const index = nameIndex(resolved);
  const gone = resolved.corrections?.gone ?? {};
  const byDoc = new Map<string, (ResolvedMention | undefined)[]>();
  for (const d of docs) {
    byDoc.set(
      d.doc.id,
      d.mentions.map((m) => {
        const id = majority(index.byCluster, m.cluster) ?? majority(index.byName, nameKey(m.type, m.name)) ?? entityId(m.type, m.name);
        // an entity a correction took away (merged, retyped, hidden) is not brought back by a guess
        return id in gone ? undefined : resolvedMention(m, m.name, m.type, id);
      }),
    );
  }
  return byDoc;
}

/** `entities` with the new mentions' names, surfaces and roles added, and an entity for each new id (in `changed`). */
function* withMentions(
  entities: readonly Entity[],
  mentions: readonly ResolvedMention[],
  added: Set<string>,
  changed: Entity[],
): Steps<Entity[]> {
  const touched = new Map<string, ResolvedMention[]>();
  for (const m of mentions) touched.set(m.entityId, [...(touched.get(m.entityId) ?? []), m]);
  for (const [id, ms] of touched) {
    const e = entities[indexOfId(entities, id)];
    if (!e) added.add(id);
    const first = ms[0]!;
    changed.push({
      ...(e ?? {
        id,
        label: first.name,
        type: first.type,
        affiliations: sortedUnique(ms.flatMap((m) => (m.affiliation ? [m.affiliation] : []))),
      }),
      aliases: sortedUnique([...(e?.aliases ?? []), ...ms.flatMap((m) => [m.name, m.surface])]),
      roles: sortedUnique([...(e?.roles ?? []), ...ms.flatMap((m) => (m.role ? [m.role] : []))]),
    });
  }
  return yield* mergedById(entities, changed);
}

/** `edges` with the new ones added and the evidence of the new documents joined to the edges they share (in `changed`). */
function* withEdges(edges: readonly Edge[], fresh: readonly Edge[], change: IdChange, changed: Edge[]): Steps<Edge[]> {
  for (const e of fresh) {
    const old = edges[indexOfId(edges, e.id)];
    (old ? change.updated : change.added).push(e.id);
    changed.push(old ? { ...old, evidence: [...old.evidence, ...e.evidence] } : e);
  }
  return yield* mergedById(edges, changed);
}

/**
 * A write resolved provisionally: the corpus with it, what it changed, and what it added (the read side's lookups
 * are moved on by these): the new documents and their mentions, the entities and edges added or changed.
 */
export interface ProvisionalWrite {
  extraction: Extraction;
  change: GraphChange;
  documents: Doc[];
  mentions: ResolvedMention[];
  entities: Entity[];
  edges: Edge[];
}

/**
 * The corpus `resolved` with `docs` added (documents it does not hold), resolved provisionally: each new mention
 * takes the entity its in-document cluster, or failing that its name, resolved to most often in `resolved`, else a
 * new entity named by it. No junk filter, no joining across documents, no role book: the full resolution does that.
 * With what changed, as a write answers it.
 */
export function provisionalExtraction(resolved: Extraction, docs: readonly DocExtraction[]): ProvisionalWrite {
  return runSteps(provisionalExtractionInSteps(resolved, docs));
}

/** `provisionalExtraction` in steps: the server answers reads between them (it reads every edge of the corpus). */
export function* provisionalExtractionInSteps(resolved: Extraction, docs: readonly DocExtraction[]): Steps<ProvisionalWrite> {
  const byDoc = resolveNew(resolved, docs);
  const sorted = [...docs].sort((a, b) => a.doc.id.localeCompare(b.doc.id));
  const mentions = sorted.flatMap((d) => byDoc.get(d.doc.id)!.filter((m): m is ResolvedMention => m !== undefined));
  const added = new Set<string>();
  const [changedEntities, changedEdges]: [Entity[], Edge[]] = [[], []];
  const entities = yield* withMentions(resolved.entities, mentions, added, changedEntities);
  yield;
  const edgeChange: IdChange = { added: [], updated: [], removed: [] };
  const fresh = [...coMentionEdges(mentions), ...stanceEdges(sorted, byDoc)];
  yield;
  const edges = yield* withEdges(resolved.edges, fresh, edgeChange, changedEdges);
  yield;
  // The documents in id order, as a full resolution keeps them; the new sentences and mentions after the others.
  const extraction: Extraction = {
    documents: [...resolved.documents, ...sorted.map((d) => d.doc)].sort((a, b) => a.id.localeCompare(b.id)),
    sentences: [...resolved.sentences, ...sorted.flatMap((d) => d.sentences)],
    mentions: [...resolved.mentions, ...mentions],
    entities,
    edges,
    ...(resolved.corrections ? { corrections: resolved.corrections } : {}),
  };
  moveIndex(resolved, extraction, mentions);
  const updated = [...new Set(mentions.map((m) => m.entityId))].filter((id) => !added.has(id)).sort();
  const change: GraphChange = { entities: { added: [...added].sort(), updated, removed: [] }, edges: edgeChange };
  const documents = sorted.map((d) => d.doc);
  return { extraction, change, documents, mentions, entities: changedEntities, edges: changedEdges };
}

/**
 * A removal resolved provisionally: the corpus without the documents, what it changed, and what it took away (the
 * read side's lookups are moved on by these): the documents and their mentions, the entities removed, the edges
 * removed and changed.
 */
export interface ProvisionalRemoval {
  extraction: Extraction;
  change: GraphChange;
  documents: string[];
  mentions: ResolvedMention[];
  entities: string[];
  edges: { removed: string[]; updated: Edge[] };
}

/**
 * The corpus `resolved` without the documents `ids` (documents it holds), resolved provisionally: their sentences,
 * mentions and evidence taken away, an entity left without mentions removed, an edge left without evidence removed;
 * the others keep the names and roles they had (the full resolution may rename or split them). With what changed.
 */
export function provisionalRemoval(resolved: Extraction, ids: readonly string[]): ProvisionalRemoval {
  return runSteps(provisionalRemovalInSteps(resolved, ids));
}

/** `provisionalRemoval` in steps: the server answers reads between them (it reads every mention and edge). */
export function* provisionalRemovalInSteps(resolved: Extraction, ids: readonly string[]): Steps<ProvisionalRemoval> {
  const gone = new Set(ids);
  const [mentions, removed]: ResolvedMention[][] = [[], []];
  for (const [i, m] of resolved.mentions.entries()) {
    if (every(i, STEP)) yield;
    (gone.has(m.docId) ? removed : mentions).push(m);
  }
  const touched = new Set(removed.map((m) => m.entityId));
  const kept = new Set<string>();
  for (const m of mentions) if (touched.has(m.entityId)) kept.add(m.entityId);
  const entityChange: IdChange = { added: [], updated: [], removed: [] };
  for (const id of [...touched].sort()) (kept.has(id) ? entityChange.updated : entityChange.removed).push(id);
  const lost = new Set(entityChange.removed);
  const edgeChange: IdChange = { added: [], updated: [], removed: [] };
  const [edges, updated]: Edge[][] = [[], []];
  for (const [i, e] of resolved.edges.entries()) {
    if (every(i, STEP)) yield;
    if (!lost.has(e.source) && !lost.has(e.target) && !e.evidence.some((ev) => gone.has(ev.docId))) {
      edges.push(e);
      continue;
    }
    const evidence = e.evidence.filter((ev) => !gone.has(ev.docId));
    if (evidence.length === 0 || lost.has(e.source) || lost.has(e.target)) edgeChange.removed.push(e.id);
    else {
      edgeChange.updated.push(e.id);
      updated.push({ ...e, evidence });
      edges.push(updated.at(-1)!);
    }
  }
  const sentences: Extraction["sentences"] = [];
  for (const [i, sentence] of resolved.sentences.entries()) {
    if (every(i, STEP)) yield;
    if (!gone.has(sentence.docId)) sentences.push(sentence);
  }
  const extraction: Extraction = {
    documents: resolved.documents.filter((d) => !gone.has(d.id)),
    sentences,
    mentions,
    entities: resolved.entities.filter((e) => !lost.has(e.id)),
    edges,
    ...(resolved.corrections ? { corrections: resolved.corrections } : {}),
  };
  moveIndex(resolved, extraction, [], removed);
  return {
    extraction,
    change: { entities: entityChange, edges: edgeChange },
    documents: [...gone],
    mentions: removed,
    entities: entityChange.removed,
    edges: { removed: edgeChange.removed, updated },
  };
}

/** Where an id stands after two changes, one after the other: added, updated, removed, or as it was. */
function composeIds(first: IdChange, second: IdChange): IdChange {
  const ends = new Map<string, { before: boolean; after: boolean }>();
  const mark = (change: IdChange, step: "first" | "second") => {
    const at = (id: string, after: boolean, existed: boolean) => {
      const seen = step === "second" ? ends.get(id) : undefined;
      ends.set(id, { before: seen ? seen.before : existed, after });
    };
    for (const id of change.added) at(id, true, false);
    for (const id of change.updated) at(id, true, true);
    for (const id of change.removed) at(id, false, true);
  };
  mark(first, "first");
  mark(second, "second");
  const out: IdChange = { added: [], updated: [], removed: [] };
  for (const [id, { before, after }] of [...ends].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (before && after) out.updated.push(id);
    else if (after) out.added.push(id);
    else if (before) out.removed.push(id);
  }
  return out;
}

/** What two writes, one after the other, changed in the graph: as the client would see the second's result. */
export function composeChanges(first: GraphChange, second: GraphChange): GraphChange {
  return { entities: composeIds(first.entities, second.entities), edges: composeIds(first.edges, second.edges) };
}
