// A write changes a few nodes of a big graph: the layout starts from the positions the graph had, puts each new
// node beside its neighbours, and lets only those nodes move, so the picture an analyst knows stays where it was.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";

import type { EntityGraph } from "./build.js";
import { separateNodes } from "./layout.js";

/** ForceAtlas2 iterations a write's new nodes get, among their neighbours held in place. */
export const REFINE_ITERATIONS = 300;

/** The golden angle: new nodes around one neighbour spread out instead of landing on one spot. */
const GOLDEN = 2.399963;

/**
 * Gives every node of `graph`, built anew, a start: where it was in `previous`, else beside its neighbours (`place`).
 * Metrics are those of `previous` until the worker computes them again. Returns the ids of the nodes it placed (the
 * ones the layout then moves).
 */
export function placeBeside(graph: EntityGraph, previous: EntityGraph): Set<string> {
  return place(graph, (n) => previous.hasNode(n), previous);
}

/**
 * `graph` is the previous graph moved on by a write (graphWithChange) that added the nodes `added` and gave new edges
 * to the nodes `moved`: the others already have their places, and keep their attribute objects. The added ones are
 * placed beside their neighbours (`place`). Returns the ids of the nodes it placed.
 */
export function placeAdded(graph: EntityGraph, added: ReadonlySet<string>, moved: ReadonlySet<string>): Set<string> {
  return place(graph, (n) => !added.has(n), undefined, moved);
}

/**
 * Places each node of `graph` that was not there before (`had`) at the weighted mean of its neighbours that have a
 * place (a little off it, so two new nodes never coincide), else at a seeded spot inside the old extent; a new node
 * takes its heaviest neighbour's community. The others keep their places: those of `previous` if given (a graph
 * built anew), else their own.
 */
function place(graph: EntityGraph, had: (n: string) => boolean, previous?: EntityGraph, moved?: ReadonlySet<string>): Set<string> {
  const placed = new Set<string>();
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((n, a) => {
    if (!had(n)) return;
    const { x, y } = previous ? previous.getNodeAttributes(n) : a;
    if (previous)
      graph.mergeNodeAttributes(n, {
        x,
        y,
        community: previous.getNodeAttribute(n, "community"),
        pagerank: previous.getNodeAttribute(n, "pagerank"),
      });
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  });
  if (x0 === Infinity) [x0, x1, y0, y1] = [0, 100, 0, 100];
  const step = 0.01 * Math.max(x1 - x0, y1 - y0, 1);
  const fresh = graph.filterNodes((n) => !had(n));
  const known = (n: string) => had(n) || placed.has(n);
  // Two rounds: a new node whose only neighbours are new is placed beside them once they are placed.
  for (let round = 0; round < 2; round++) {
    fresh.forEach((n, i) => {
      if (placed.has(n)) return;
      let [sx, sy, sw, heaviest, community] = [0, 0, 0, 0, 0];
      graph.forEachEdge(n, (_e, a, s, t) => {
        const other = s === n ? t : s;
        if (!known(other)) return;
        const o = graph.getNodeAttributes(other);
        [sx, sy, sw] = [sx + a.weight * o.x, sy + a.weight * o.y, sw + a.weight];
        if (a.weight > heaviest) [heaviest, community] = [a.weight, o.community];
      });
      if (sw === 0 && round === 0) return;
      const angle = i * GOLDEN;
      const [cx, cy] = sw > 0 ? [sx / sw, sy / sw] : [x0 + ((i * 0.618) % 1) * (x1 - x0), y0 + ((i * 0.382) % 1) * (y1 - y0)];
      graph.mergeNodeAttributes(n, { x: cx + step * Math.cos(angle), y: cy + step * Math.sin(angle), community, pagerank: 0 });
      placed.add(n);
    });
  }
  if (!moved) graph.forEachNode((n) => graph.setNodeAttribute(n, "degree", new Set(graph.neighbors(n)).size));
  else for (const n of moved) graph.replaceNodeAttributes(n, { ...graph.getNodeAttributes(n), degree: new Set(graph.neighbors(n)).size });
  return placed;
}

/**
 * Moves the nodes not marked `fixed` among their neighbours (held in place): ForceAtlas2 on the subgraph of the
 * moving nodes and the nodes next to them, no gravity (the neighbours hold them), then the overlap pass over all.
 * The cost follows what moves, not the corpus.
 */
export function refineLayout(graph: Graph): void {
  const local = new Set<string>();
  graph.forEachNode((n, a) => {
    if (a.fixed) return;
    local.add(n);
    for (const m of graph.neighbors(n)) local.add(m);
  });
  if (local.size > 1) {
    const sub = new Graph({ multi: true, type: "mixed" });
    for (const n of local) sub.addNode(n, graph.getNodeAttributes(n));
    graph.forEachEdge((e, a, s, t, _sa, _ta, undirected) => {
      if (!local.has(s) || !local.has(t)) return;
      if (undirected) sub.addUndirectedEdgeWithKey(e, s, t, a);
      else sub.addDirectedEdgeWithKey(e, s, t, a);
    });
    forceAtlas2.assign(sub, {
      iterations: REFINE_ITERATIONS,
      getEdgeWeight: "weight",
      settings: { ...forceAtlas2.inferSettings(graph), gravity: 0, barnesHutOptimize: sub.order > 500 },
    });
    sub.forEachNode((n, a) => {
      if (!a.fixed) graph.mergeNodeAttributes(n, { x: a.x, y: a.y });
    });
  }
  graph.forEachNode((n) => graph.removeNodeAttribute(n, "fixed"));
  separateNodes(graph);
}
