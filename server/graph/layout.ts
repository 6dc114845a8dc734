import { createHash } from "node:crypto";

import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";

import { type Steps, every } from "../slices.js";
import { layoutSupervisor } from "./layout-supervisor.js";
import { layoutInput } from "./layout-input.js";
import { separateDiscs } from "./separate.js";
import { type EntityGraph, type Metrics, assignMetrics, computeMetrics, sharingCopyInSteps } from "./build.js";

export type Positions = Record<string, { x: number; y: number }>;

/** What is slow to compute for a large graph and depends only on its structure: kept in the store between runs. */
export interface LayoutRecord {
  positions: Positions;
  metrics: Metrics;
}

/**
 * ForceAtlas2 iterations for a graph of this size: 300 up to a thousand nodes, then fewer so that a large
 * corpus lays out in a few seconds (Barnes-Hut makes each iteration O(n log n)); the client can refine it.
 */
export function layoutIterations(order: number): number {
  return order <= 1000 ? 300 : Math.max(25, Math.round(300_000 / order));
}

/** Runs the layout on the graph in place. Deterministic: the same graph (and seeded start) gives the same positions. */
export function applyLayout(graph: Graph): void {
  if (graph.order < 2) return;
  forceAtlas2.assign(graph, {
    iterations: layoutIterations(graph.order),
    getEdgeWeight: "weight",
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 },
  });
  separateNodes(graph);
}

/**
 * How many pixels across the default view gives the graph's extent (about what a laptop's canvas shows). Node
 * sizes are pixels and positions graph units, so the separation needs this ratio to know how big a disc is.
 */
export const NOMINAL_VIEW_PX = 700;

const extentOf = (graph: Graph) => {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((_n, a) => {
    [x0, x1, y0, y1] = [Math.min(x0, a.x), Math.max(x1, a.x), Math.min(y0, a.y), Math.max(y1, a.y)];
  });
  return Math.max(x1 - x0, y1 - y0, 1e-9);
};

/** The share of the default view that the discs may cover together: above it, they are drawn smaller. */
export const MAX_DISC_COVER = 0.15;

/** The factor by which discs of these sizes (px) are drawn so that they cover at most MAX_DISC_COVER of the view. */
export function densityScale(sizes: number[], viewPx = NOMINAL_VIEW_PX): number {
  const area = sizes.reduce((sum, r) => sum + Math.PI * r * r, 0);
  return area === 0 ? 1 : Math.min(1, Math.sqrt((MAX_DISC_COVER * viewPx * viewPx) / area));
}

/**
 * Pushes apart discs that ForceAtlas2 left on top of each other (its hubs sit together), as drawn at the default
 * view: positions in pixels of that view, each disc's size scaled to the density (densityScale), a 1 px margin.
 * Spreading widens the extent a little and so shrinks the discs relative to it, hence a second round.
 */
export function separateNodes(graph: Graph): void {
  const ids = graph.nodes();
  const sizes = ids.map((n) => (graph.getNodeAttribute(n, "size") as number | undefined) ?? 4);
  const scale = densityScale(sizes);
  for (let round = 0; round < 2; round++) {
    const perPx = extentOf(graph) / NOMINAL_VIEW_PX;
    const discs = ids.map((n, i) => {
      const a = graph.getNodeAttributes(n);
      return { x: (a.x as number) / perPx, y: (a.y as number) / perPx, r: sizes[i]! * scale + 1 };
    });
    separateDiscs(discs);
    ids.forEach((n, i) => graph.mergeNodeAttributes(n, { x: discs[i]!.x * perPx, y: discs[i]!.y * perPx }));
  }
}

export function readPositions(graph: Graph): Positions {
  const out: Positions = {};
  graph.forEachNode((n, a) => (out[n] = { x: a.x as number, y: a.y as number }));
  return out;
}

export function assignLayout(graph: EntityGraph, record: LayoutRecord): void {
  graph.forEachNode((n) => graph.mergeNodeAttributes(n, record.positions[n]!));
  assignMetrics(graph, record.metrics);
}

/**
 * A copy of `graph` with the record's positions and metrics, `graph` unchanged: the copy shares the edges' attribute
 * objects with it and has new ones for its nodes (build.ts's `sharingCopyInSteps`). In steps, for a served graph.
 * `spare`: a sharing copy of `graph` made ahead (read/model.ts), this call's alone: given the positions, not copied.
 */
export function* withLayoutInSteps(graph: EntityGraph, record: LayoutRecord, spare?: EntityGraph): Steps<EntityGraph> {
  const copy = spare ?? (yield* sharingCopyInSteps(graph));
  let i = 0;
  for (const { node, attributes } of copy.nodeEntries()) {
    if (every(i++, 4096)) yield;
    copy.replaceNodeAttributes(node, { ...attributes, ...record.positions[node]!, ...record.metrics[node]! });
  }
  return copy;
}

/**
 * What the layout depends on (nodes in order with their start positions, edges with their weights): two graphs
 * with the same key get the same layout, so a stored layout can be reused when the key matches.
 */
export function* layoutKeyInSteps(graph: EntityGraph): Steps<string> {
  const hash = createHash("sha1");
  hash.update("layout+metrics v3\n"); // the record's format: a new format never reads an old record
  let i = 0;
  for (const { node: n, attributes: a } of graph.nodeEntries()) {
    if (every(i++, 1024)) yield;
    hash.update(`${n}|${a.x}|${a.y}|${a.size}\n`);
  }
  for (const { edge: e, attributes: a, source: s, target: t } of graph.edgeEntries()) {
    if (every(i++, 1024)) yield;
    hash.update(`${e}|${s}|${t}|${a.weight}\n`);
  }
  return hash.digest("hex");
}

/** Layout and metrics computed on this thread, on a copy: the graph keeps its start positions. */
export function layoutInPlace(graph: EntityGraph): LayoutRecord {
  const copy = graph.copy();
  const metrics = computeMetrics(copy);
  applyLayout(copy);
  return { positions: readPositions(copy), metrics };
}

/** Layout and metrics computed in the layout worker, so that a large corpus does not block the event loop. */
export function layoutInWorker(graph: EntityGraph): Promise<LayoutRecord> {
  return layoutSupervisor().full(layoutInput(graph));
}
