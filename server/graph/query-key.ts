// Cache keys for graph views: two queries that must give the same subgraph get the same key, so a client
// stepping through `limit=401, 402, ...` or `minMentions=10000, 10001, ...` cannot pin a copy of the graph each.
import { ENTITY_TYPES } from "../types.js";
import { DEFAULT_LIMIT, EDGE_FILTER_KINDS, type FilterSource, type GraphQuery, MAX_NODES } from "./filter.js";

interface Extent {
  maxMentions: number;
  maxWeight: number;
  /** Distinct document dates, ascending. */
  dates: string[];
}

const extents = new WeakMap<FilterSource, Extent>();

function extentOf(source: FilterSource): Extent {
  let extent = extents.get(source);
  if (extent) return extent;
  let maxMentions = 0;
  let maxWeight = 0;
  source.graph.forEachNode((_id, a) => (maxMentions = Math.max(maxMentions, a.mentions)));
  source.graph.forEachEdge((_id, a) => (maxWeight = Math.max(maxWeight, a.weight)));
  const dates = [...new Set(source.extraction.documents.flatMap((d) => (d.date ? [d.date] : [])))].sort();
  extent = { maxMentions, maxWeight, dates };
  extents.set(source, extent);
  return extent;
}

/** The sorted distinct values, or undefined when they are every allowed value (the same as no filter). */
function set<T extends string>(values: T[] | undefined, all: readonly T[]): T[] | undefined {
  if (values === undefined) return undefined;
  const distinct = [...new Set(values)].sort();
  return all.every((v) => distinct.includes(v)) ? undefined : distinct;
}

/**
 * The query in a canonical form that `filterGraph` answers identically (see its steps): the limit capped at the
 * node count (no cut happens above it), thresholds capped one above the largest count (nothing passes above it)
 * and 0 or 1 dropped (every mention count and edge weight is at least 1; a min confidence of 0 likewise), types and kinds sorted (all of them is
 * no filter), a date range replaced by the first and last document dates inside it, hops 1 made explicit.
 */
export function canonicalGraphQuery(query: GraphQuery, source: FilterSource): GraphQuery {
  const { maxMentions, maxWeight, dates } = extentOf(source);
  const out: GraphQuery = {};
  const types = set(query.types, ENTITY_TYPES);
  const kinds = set(query.kinds, EDGE_FILTER_KINDS);
  if (types) out.types = types;
  if (kinds) out.kinds = kinds;
  if (query.minMentions !== undefined && query.minMentions > 1) out.minMentions = Math.min(query.minMentions, maxMentions + 1);
  if (query.minWeight !== undefined && query.minWeight > 1) out.minWeight = Math.min(query.minWeight, maxWeight + 1);
  // Every stance confidence is at least 0, so 0 hides nothing.
  if (query.minConfidence !== undefined && query.minConfidence > 0) out.minConfidence = query.minConfidence;
  if (query.from !== undefined || query.to !== undefined) {
    const inRange = dates.filter((d) => d >= (query.from ?? "") && d <= (query.to ?? "\uffff"));
    // An empty range keeps only its emptiness: any two such ranges give the same (empty) counts.
    out.from = inRange[0] ?? "empty";
    out.to = inRange.at(-1) ?? "empty";
  }
  if (query.focus !== undefined) {
    out.focus = query.focus;
    out.hops = query.hops ?? 1;
  }
  out.limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_NODES, source.graph.order);
  return out;
}

/** The cache key of a graph view. */
export const graphQueryKey = (query: GraphQuery, source: FilterSource): string =>
  `graph:${JSON.stringify(canonicalGraphQuery(query, source))}`;
