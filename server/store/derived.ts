// What the store keeps besides the documents: entities, edges and the cluster -> entity resolution,
// all derived from the stored documents by corpus resolution. Each write carries the difference between
// the derived records before and after it, so the store's tables always match the documents it holds.
import type { Edge, Entity, Extraction } from "../types.js";

/**
 * An entity as stored: its record plus the counts the graph sizes nodes by. Not `ambiguous` nor `event`: those are
 * recomputed by resolution whenever the graph is built, and the entities table has no column for them.
 */
export interface EntityRecord extends Omit<Entity, "ambiguous" | "event"> {
  mentions: number;
  documents: number;
}

export interface Derived {
  entities: Map<string, EntityRecord>;
  edges: Map<string, Edge>;
  /** In-document cluster key -> entity id ("person:putin" -> "person:vladimir-putin"). */
  clusters: Map<string, string>;
}

/** Records to write and keys to delete for one kind of derived row. */
export interface RowChange<T> {
  put: T[];
  remove: string[];
}

export interface DerivedChange {
  entities: RowChange<EntityRecord>;
  edges: RowChange<Edge>;
  clusters: RowChange<[cluster: string, entityId: string]>;
}

/** The ids a write added, changed or removed: what the API answers so a client can update its view. */
export interface IdChange {
  added: string[];
  updated: string[];
  removed: string[];
}

export interface GraphChange {
  entities: IdChange;
  edges: IdChange;
}

export function emptyDerived(): Derived {
  return { entities: new Map(), edges: new Map(), clusters: new Map() };
}

export function deriveRecords(extraction: Extraction): Derived {
  const mentions = new Map<string, number>();
  const documents = new Map<string, Set<string>>();
  const clusters = new Map<string, string>();
  for (const m of extraction.mentions) {
    mentions.set(m.entityId, (mentions.get(m.entityId) ?? 0) + 1);
    const docs = documents.get(m.entityId) ?? new Set();
    docs.add(m.docId);
    documents.set(m.entityId, docs);
    clusters.set(m.cluster, m.entityId);
  }
  const entities = new Map<string, EntityRecord>(
    extraction.entities.map(({ ambiguous: _recomputed, event: _alsoRecomputed, ...e }) => [
      e.id,
      { ...e, mentions: mentions.get(e.id) ?? 0, documents: documents.get(e.id)?.size ?? 0 },
    ]),
  );
  return { entities, edges: new Map(extraction.edges.map((e) => [e.id, e])), clusters };
}

interface KeyedDiff<T> {
  added: [string, T][];
  updated: [string, T][];
  removed: string[];
}

/** Compares two maps by value (JSON), so an edge that gained one evidence sentence counts as updated. */
function diffMaps<T>(before: Map<string, T>, after: Map<string, T>): KeyedDiff<T> {
  const diff: KeyedDiff<T> = { added: [], updated: [], removed: [] };
  for (const [key, value] of after) {
    const old = before.get(key);
    if (old === undefined) diff.added.push([key, value]);
    else if (old !== value && JSON.stringify(old) !== JSON.stringify(value)) diff.updated.push([key, value]);
  }
  for (const key of before.keys()) if (!after.has(key)) diff.removed.push(key);
  return diff;
}

const rowChange = <T>(diff: KeyedDiff<T>): RowChange<T> => ({
  put: [...diff.added, ...diff.updated].map(([, v]) => v),
  remove: diff.removed,
});

const idChange = <T>(diff: KeyedDiff<T>): IdChange => ({
  added: diff.added.map(([k]) => k).sort(),
  updated: diff.updated.map(([k]) => k).sort(),
  removed: [...diff.removed].sort(),
});

/** What to write to the store and what to tell the client when the derived records go from `before` to `after`. */
export function diffDerived(before: Derived, after: Derived): { rows: DerivedChange; graph: GraphChange } {
  const entities = diffMaps(before.entities, after.entities);
  const edges = diffMaps(before.edges, after.edges);
  const clusters = diffMaps(before.clusters, after.clusters);
  return {
    rows: {
      entities: rowChange(entities),
      edges: rowChange(edges),
      clusters: {
        put: [...clusters.added, ...clusters.updated],
        remove: clusters.removed,
      },
    },
    graph: { entities: idChange(entities), edges: idChange(edges) },
  };
}
