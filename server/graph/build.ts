import Graph, { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import pagerank from "graphology-metrics/centrality/pagerank.js";

import { CO_MENTION_COLOR, STANCE_COLORS, colorFor, edgeSize, sizeFor } from "../../common/appearance.js";
import type { EdgeAttributes, NodeAttributes } from "../../common/graph.js";
import type { Edge, Entity, Extraction } from "../../common/types.js";
import type { GraphChange } from "../store/derived.js";
import { mulberry32 } from "../random.js";
import { type Steps, every, runSteps } from "../slices.js";
import { applyLayout } from "./layout.js";
import type { Lookup } from "../read/overlay.js";

export type { EdgeAttributes, NodeAttributes };

export type EntityGraph = Graph<NodeAttributes, EdgeAttributes>;

function edgeAttributes(edge: Edge): EdgeAttributes {
  const weight = edge.evidence.length;
  if (edge.kind === "stance" && edge.stance) {
    const confidences = edge.evidence.map((e) => e.confidence ?? 0);
    // Several sentences saying the same thing make the stance surer: 1 - prod(1 - c_i).
    const confidence = 1 - confidences.reduce((p, c) => p * (1 - c), 1);
    return {
      kind: "stance",
      weight,
      stance: edge.stance,
      confidence: Math.round(confidence * 1000) / 1000,
      size: edgeSize(weight) + 1,
      color: STANCE_COLORS[edge.stance],
      type: "arrow",
    };
  }
  return { kind: "co-mention", weight, size: edgeSize(weight), color: CO_MENTION_COLOR };
}

/** One undirected simple graph whose edge weights sum every co-mention and stance edge between two entities. */
export function weightedProjection(graph: EntityGraph): UndirectedGraph {
  const simple = new UndirectedGraph();
  graph.forEachNode((n) => simple.addNode(n));
  graph.forEachEdge((_e, a, source, target) => {
    simple.updateEdge(source, target, (attr) => ({ weight: ((attr.weight as number | undefined) ?? 0) + a.weight }));
  });
  return simple;
}

export type Metrics = Record<string, Pick<NodeAttributes, "community" | "pagerank" | "degree">>;

/** Louvain communities (seeded, so stable), PageRank and degree of every node. */
export function computeMetrics(graph: Graph): Metrics {
  const simple = weightedProjection(graph as EntityGraph);
  const communities = simple.size > 0 ? louvain(simple, { getEdgeWeight: "weight", rng: mulberry32(7) }) : {};
  const ranks = simple.size > 0 ? pagerank(simple, { getEdgeWeight: "weight" }) : {};
  const out: Metrics = {};
  graph.forEachNode((n) => {
    out[n] = {
      community: communities[n] ?? 0,
      pagerank: Math.round((ranks[n] ?? 1 / Math.max(1, graph.order)) * 1e6) / 1e6,
      degree: simple.degree(n),
    };
  });
  return out;
}

export function assignMetrics(graph: EntityGraph, metrics: Metrics): void {
  graph.forEachNode((n) => graph.mergeNodeAttributes(n, metrics[n]!));
}

/**
 * The graph users see: one node per entity, co-mention and stance edges, Louvain communities and PageRank,
 * positions from ForceAtlas2 (seeded start). `layout: false` and `metrics: false` leave those to callers that
 * compute them in a worker or reuse them from the store (graph/layout.ts).
 */
export function buildGraph(extraction: Extraction, { layout = true, metrics = true } = {}): EntityGraph {
  const graph = runSteps(graphInSteps(extraction));
  if (metrics) assignMetrics(graph, computeMetrics(graph));
  if (layout) applyLayout(graph);
  return graph;
}

/** The graph of an extraction at its seeded start positions, no metrics: in steps, so the server reads between them. */
export function* graphInSteps(extraction: Extraction): Steps<EntityGraph> {
  const graph: EntityGraph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
  const mentionCount = new Map<string, number>();
  const docSets = new Map<string, Set<string>>();
  let i = 0;
  for (const m of extraction.mentions) {
    if (every(i++, 4096)) yield;
    mentionCount.set(m.entityId, (mentionCount.get(m.entityId) ?? 0) + 1);
    const set = docSets.get(m.entityId) ?? new Set();
    set.add(m.docId);
    docSets.set(m.entityId, set);
  }
  const random = mulberry32(42);
  for (const e of extraction.entities) {
    if (every(i++, 512)) yield;
    const counts = { mentions: mentionCount.get(e.id) ?? 0, documents: docSets.get(e.id)?.size ?? 0 };
    graph.addNode(e.id, nodeAttributes(e, counts, random() * 100, random() * 100));
  }
  for (const edge of extraction.edges) {
    if (every(i++, 512)) yield;
    addEdge(graph, edge);
  }
  return graph;
}

/** A node's attributes before the metrics: the entity, its counts, a start position. */
function nodeAttributes(e: Entity, counts: { mentions: number; documents: number }, x: number, y: number): NodeAttributes {
  const looks = { type: e.type, mentions: counts.mentions };
  return {
    label: e.label,
    type: e.type,
    aliases: e.aliases,
    roles: e.roles,
    affiliations: e.affiliations,
    ...(e.ambiguous ? { ambiguous: true as const } : {}),
    ...(e.event ? { event: e.event } : {}),
    ...counts,
    community: 0,
    pagerank: 0,
    degree: 0,
    x,
    y,
    size: sizeFor(looks, "mentions"),
    color: colorFor(looks, "type"),
  };
}

function addEdge(graph: EntityGraph, edge: Edge): void {
  const attrs = edgeAttributes(edge);
  if (edge.kind === "co-mention") graph.addUndirectedEdgeWithKey(edge.id, edge.source, edge.target, attrs);
  else graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, attrs);
}

/**
 * A graph of the same nodes and edges that shares their attribute objects with `graph` (3-4x quicker than
 * `graph.copy()`, which copies each): the copy must replace an attribute object, never change one in place. In steps:
 * a graph of 300,000 edges takes seconds to copy, and the server answers reads meanwhile (`graph` is served, so it
 * never changes under the copy).
 */
export function* sharingCopyInSteps(graph: EntityGraph): Steps<EntityGraph> {
  const copy: EntityGraph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
  let i = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    if (every(i++, 4096)) yield;
    copy.addNode(node, attributes);
  }
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    if (every(i++, 4096)) yield;
    if (undirected) copy.addUndirectedEdgeWithKey(edge, source, target, attributes);
    else copy.addDirectedEdgeWithKey(edge, source, target, attributes);
  }
  return copy;
}

/**
 * `graph`, a graph equal to the one before a write that only added or only removed documents and the caller's alone
 * (read/graph-version.ts: a replaced graph moved on, or a sharing copy), moved on by the write's change: without the
 * removed entities and edges, with the added ones, and the attributes of the changed ones set again from `entities`,
 * `edges` and `mentionsOf`. Positions and metrics stay as they were (a new node is at 0, 0 until placed). Costs the
 * change, not a rebuild from every mention. `graph` shares the attribute objects of the nodes and edges the write
 * did not change with the graph served: change them only by replacing them.
 */
export function* graphWithChangeInSteps(
  graph: EntityGraph,
  change: GraphChange,
  lookup: { entities: Lookup<Entity>; edges: Lookup<Edge>; mentionsOf: (id: string) => readonly { docId: string }[] },
): Steps<EntityGraph> {
  yield;
  for (const id of change.edges.removed) if (graph.hasEdge(id)) graph.dropEdge(id);
  for (const id of change.entities.removed) graph.dropNode(id);
  const counts = (id: string) => {
    const ms = lookup.mentionsOf(id);
    return { mentions: ms.length, documents: new Set(ms.map((m) => m.docId)).size };
  };
  for (const id of change.entities.added) graph.addNode(id, nodeAttributes(lookup.entities.get(id)!, counts(id), 0, 0));
  for (const id of change.entities.updated) {
    const { x, y, community, pagerank, degree } = graph.getNodeAttributes(id);
    graph.replaceNodeAttributes(id, { ...nodeAttributes(lookup.entities.get(id)!, counts(id), x, y), community, pagerank, degree });
  }
  for (const id of change.edges.added) addEdge(graph, lookup.edges.get(id)!);
  for (const id of change.edges.updated) graph.replaceEdgeAttributes(id, edgeAttributes(lookup.edges.get(id)!));
  return graph;
}
