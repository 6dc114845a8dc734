// The subgraph a view asks for: GET /api/graph and GET /api/export.gexf take the same query.
// Positions come unchanged from the full graph, so a filter never moves a node on screen.
import Graph from "graphology";

import { parseWith } from "../../common/api/parse.js";
import { type GraphQuery, MAX_NODES, graphQuerySchema } from "../../common/api/queries.js";
import type { GraphView } from "../../common/api/views.js";
import { edgeSize, sizeFor } from "../../common/appearance.js";
import { EDGE_FILTER_KINDS, type EdgeFilterKind, type Extraction, edgeFilterKind } from "../../common/types.js";
import type { EdgeAttributes, EntityGraph, NodeAttributes } from "./build.js";
import { type Steps, every, runSteps } from "../slices.js";

export { EDGE_FILTER_KINDS, type EdgeFilterKind, type GraphQuery, MAX_NODES };

/** Top-N by PageRank when the caller gives no limit and the graph is larger. */
export const DEFAULT_LIMIT = 500;
/** What a browser is ever sent, whatever the query says (nodes: MAX_NODES). */
export const MAX_EDGES = 100_000;

/** A query the filter cannot answer; `status` lets the API's error handler send it as a 400. */
export class GraphQueryError extends Error {
  readonly status = 400;
  override readonly name = "GraphQueryError";
}

/** Reads a URL query (`?types=person,country&minMentions=2&focus=person:x&hops=2`); throws GraphQueryError on bad values. */
export function parseGraphQuery(params: Record<string, unknown>): GraphQuery {
  const read = parseWith(graphQuerySchema, params);
  if (!read.ok) throw new GraphQueryError(read.problem.message);
  return read.value;
}

/** What the filter reads: a Corpus fits. */
export interface FilterSource {
  graph: EntityGraph;
  extraction: Pick<Extraction, "documents" | "mentions" | "edges">;
}

/** The subgraph and the X-Graph-View header's counts; `bbox` is the full graph's extent, so a client framing on it keeps nodes still. */
export type FilterResult = Required<GraphView> & { graph: EntityGraph };

function bboxOf(graph: EntityGraph): FilterResult["bbox"] {
  const box: FilterResult["bbox"] = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] };
  graph.forEachNode((_n, a) => {
    box.x = [Math.min(box.x[0], a.x), Math.max(box.x[1], a.x)];
    box.y = [Math.min(box.y[0], a.y), Math.max(box.y[1], a.y)];
  });
  return graph.order ? box : { x: [0, 1], y: [0, 1] };
}

/** Items of a loop between two turns of the event loop when the filter runs in slices. */
const STEP = 2048;

/** Mentions and documents per entity, and evidence per edge, counted only over documents in a date range. */
interface Dated {
  mentions: Map<string, number>;
  documents: Map<string, number>;
  weights: Map<string, number>;
}

/** Mentions, documents and edge weights counted only over documents dated in [from, to]. */
function* countInRange(source: FilterSource, from = "0000-00-00", to = "9999-99-99"): Steps<Dated> {
  const inRange = new Set(source.extraction.documents.filter((d) => d.date && d.date >= from && d.date <= to).map((d) => d.id));
  const mentions = new Map<string, number>();
  const docs = new Map<string, Set<string>>();
  for (const [i, m] of source.extraction.mentions.entries()) {
    if (every(i, STEP)) yield;
    if (!inRange.has(m.docId)) continue;
    mentions.set(m.entityId, (mentions.get(m.entityId) ?? 0) + 1);
    const set = docs.get(m.entityId) ?? new Set();
    set.add(m.docId);
    docs.set(m.entityId, set);
  }
  const weights = new Map<string, number>();
  for (const [i, e] of source.extraction.edges.entries()) {
    if (every(i, STEP)) yield;
    const w = e.evidence.filter((ev) => inRange.has(ev.docId)).length;
    if (w > 0) weights.set(e.id, w);
  }
  return { mentions, documents: new Map([...docs].map(([id, set]) => [id, set.size])), weights };
}

/** The nodes the node filters keep (types, minMentions; the focus always passes), counts within the date range. */
function* nodesKept(full: EntityGraph, query: GraphQuery, dated: Dated | undefined): Steps<Map<string, NodeAttributes>> {
  const nodeAttrs = new Map<string, NodeAttributes>();
  let i = 0;
  for (const { node: id, attributes: a } of full.nodeEntries()) {
    if (every(i++, STEP)) yield;
    const attrs = dated ? { ...a, mentions: dated.mentions.get(id) ?? 0, documents: dated.documents.get(id) ?? 0 } : a;
    if (dated && attrs.mentions === 0) continue;
    if (id !== query.focus) {
      if (query.types && !query.types.includes(a.type)) continue;
      if (query.minMentions !== undefined && attrs.mentions < query.minMentions) continue;
    }
    nodeAttrs.set(id, dated ? { ...attrs, size: sizeFor(attrs, "mentions") } : attrs);
  }
  return nodeAttrs;
}

/** The edges the edge filters keep (kinds, minWeight, minConfidence, both ends kept), and the neighbours they make. */
function* edgesKept(full: EntityGraph, query: GraphQuery, dated: Dated | undefined, nodeAttrs: Map<string, NodeAttributes>) {
  const edgeAttrs = new Map<string, EdgeAttributes>();
  const neighbours = new Map<string, string[]>();
  let i = 0;
  for (const { edge: id, attributes: a, source: s, target: t } of full.edgeEntries()) {
    if (every(i++, STEP)) yield;
    if (!nodeAttrs.has(s) || !nodeAttrs.has(t)) continue;
    const weight = dated ? (dated.weights.get(id) ?? 0) : a.weight;
    if (weight === 0) continue;
    if (query.kinds && !query.kinds.includes(edgeFilterKind(a))) continue;
    if (query.minWeight !== undefined && weight < query.minWeight) continue;
    if (query.minConfidence !== undefined && a.kind === "stance" && (a.confidence ?? 0) < query.minConfidence) continue;
    edgeAttrs.set(id, dated ? { ...a, weight, size: edgeSize(weight) + (a.kind === "stance" ? 1 : 0) } : a);
    for (const [from, to] of [
      [s, t],
      [t, s],
    ] as const) {
      const list = neighbours.get(from);
      if (list) list.push(to);
      else neighbours.set(from, [to]);
    }
  }
  return { edgeAttrs, neighbours };
}

/** The nodes within `hops` of `focus` (itself included when kept), by the kept edges. */
function egoNetwork(focus: string, hops: number, nodeAttrs: Map<string, NodeAttributes>, neighbours: Map<string, string[]>): Set<string> {
  const ego = new Set<string>();
  let frontier = nodeAttrs.has(focus) ? [focus] : [];
  for (const n of frontier) ego.add(n);
  for (let hop = 0; hop < hops; hop++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of neighbours.get(n) ?? []) {
        if (!ego.has(m)) {
          ego.add(m);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return ego;
}

/** The `limit` nodes of `keep` with the highest PageRank (ties by id), the focus always among them. */
function topByPageRank(full: EntityGraph, keep: Set<string>, limit: number, focus: string | undefined): Set<string> {
  if (keep.size <= limit) return keep;
  const ranked = [...keep].sort((a, b) => full.getNodeAttribute(b, "pagerank") - full.getNodeAttribute(a, "pagerank") || (a < b ? -1 : 1));
  const top = new Set(ranked.slice(0, limit));
  if (focus !== undefined && keep.has(focus) && !top.has(focus)) {
    top.delete(ranked[limit - 1]!);
    top.add(focus);
  }
  return top;
}

/** The kept edges between kept nodes, at most MAX_EDGES of them, the heaviest (ties by id). */
function* edgesBetween(full: EntityGraph, keep: Set<string>, edgeAttrs: Map<string, EdgeAttributes>): Steps<string[]> {
  let edgeIds: string[] = [];
  let i = 0;
  for (const e of edgeAttrs.keys()) {
    if (every(i++, STEP)) yield;
    if (keep.has(full.source(e)) && keep.has(full.target(e))) edgeIds.push(e);
  }
  if (edgeIds.length > MAX_EDGES) {
    const strongest = new Set(
      [...edgeIds].sort((a, b) => edgeAttrs.get(b)!.weight - edgeAttrs.get(a)!.weight || (a < b ? -1 : 1)).slice(0, MAX_EDGES),
    );
    edgeIds = edgeIds.filter((e) => strongest.has(e));
    yield;
  }
  return edgeIds;
}

/**
 * The subgraph for a query, in this order: date range (counts recomputed within it), node filters (types,
 * minMentions; the focus always passes), edge filters (kinds, minWeight, both ends kept), ego network of
 * `focus` within `hops`, then the top `limit` nodes by PageRank and at most MAX_EDGES edges by weight.
 */
export function filterGraph(source: FilterSource, query: GraphQuery): FilterResult {
  return runSteps(filterGraphInSteps(source, query));
}

/**
 * `filterGraph` in steps: the server runs them in slices, answering other requests in between (a filter over a graph
 * of 224,000 edges held the event loop for 1.4 s in one piece).
 */
export function* filterGraphInSteps(source: FilterSource, query: GraphQuery): Steps<FilterResult> {
  const full = source.graph;
  if (query.focus !== undefined && !full.hasNode(query.focus)) throw new GraphQueryError(`focus: unknown entity "${query.focus}"`);
  const dated = query.from || query.to ? yield* countInRange(source, query.from, query.to) : undefined;
  const nodeAttrs = yield* nodesKept(full, query, dated);
  const { edgeAttrs, neighbours } = yield* edgesKept(full, query, dated, nodeAttrs);
  yield;
  let keep = new Set(query.linked ? [...nodeAttrs.keys()].filter((n) => neighbours.has(n) || n === query.focus) : nodeAttrs.keys());
  if (query.focus !== undefined) keep = egoNetwork(query.focus, query.hops ?? 1, nodeAttrs, neighbours);
  keep = topByPageRank(full, keep, Math.min(query.limit ?? DEFAULT_LIMIT, MAX_NODES), query.focus);
  yield;
  const edgeIds = yield* edgesBetween(full, keep, edgeAttrs);

  const graph: EntityGraph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
  for (const id of full.nodes()) if (keep.has(id)) graph.addNode(id, nodeAttrs.get(id)!);
  yield;
  for (const [i, id] of edgeIds.entries()) {
    if (every(i, STEP)) yield;
    const [s, t] = [full.source(id), full.target(id)];
    if (full.isUndirected(id)) graph.addUndirectedEdgeWithKey(id, s, t, edgeAttrs.get(id)!);
    else graph.addDirectedEdgeWithKey(id, s, t, edgeAttrs.get(id)!);
  }

  const total = { nodes: full.order, edges: full.size };
  const shown = { nodes: graph.order, edges: graph.size };
  return { graph, total, shown, hidden: { nodes: total.nodes - shown.nodes, edges: total.edges - shown.edges }, bbox: bboxOf(full) };
}
