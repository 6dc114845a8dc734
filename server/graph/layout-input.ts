// What the layout worker is sent: the graph's structure and positions packed in typed arrays, moved to the worker
// rather than copied. A graph of 35,000 nodes and 224,000 edges sent as graphology's export() (an object per node and
// per edge) took the event loop 0.8 s to clone on every write; typed arrays are handed over at no cost.
import Graph from "graphology";

import { type Steps, every, runSteps } from "../slices.js";
import type { EntityGraph } from "./build.js";

/** The light graph a layout worker needs: positions, sizes, weights, and (`fixed`) the nodes that may not move. */
export interface LayoutInput {
  /** Node keys, in the graph's order; the arrays below are indexed alike. */
  nodes: string[];
  x: Float64Array;
  y: Float64Array;
  size: Float64Array;
  /** 1 for a node the layout may not move. */
  fixed: Uint8Array;
  /** Edges, in the graph's order, by the index of their ends in `nodes`. */
  source: Uint32Array;
  target: Uint32Array;
  weight: Float64Array;
  /** 1 for an undirected edge (co-mentions), 0 for a directed one (stances). */
  undirected: Uint8Array;
}

/** `layoutInput` in steps, so that the server answers reads while it packs a big graph for the worker. */
export function* layoutInputInSteps(graph: EntityGraph, moving?: Set<string>): Steps<LayoutInput> {
  const n = graph.order;
  const input: LayoutInput = {
    nodes: new Array<string>(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    size: new Float64Array(n),
    fixed: new Uint8Array(n),
    source: new Uint32Array(graph.size),
    target: new Uint32Array(graph.size),
    weight: new Float64Array(graph.size),
    undirected: new Uint8Array(graph.size),
  };
  const index = new Map<string, number>();
  let i = 0;
  for (const { node, attributes: a } of graph.nodeEntries()) {
    if (every(i, 2048)) yield;
    index.set(node, i);
    input.nodes[i] = node;
    input.x[i] = a.x;
    input.y[i] = a.y;
    input.size[i] = a.size;
    input.fixed[i] = moving && !moving.has(node) ? 1 : 0;
    i++;
  }
  let e = 0;
  for (const { attributes, source, target, undirected } of graph.edgeEntries()) {
    if (every(e, 2048)) yield;
    input.source[e] = index.get(source)!;
    input.target[e] = index.get(target)!;
    input.weight[e] = attributes.weight;
    input.undirected[e] = undirected ? 1 : 0;
    e++;
  }
  return input;
}

export function layoutInput(graph: EntityGraph, moving?: Set<string>): LayoutInput {
  return runSteps(layoutInputInSteps(graph, moving));
}

/** The buffers `postMessage` hands over to the worker instead of copying them. */
export function transferablesOf(input: LayoutInput): ArrayBuffer[] {
  return [input.x, input.y, input.size, input.fixed, input.source, input.target, input.weight, input.undirected].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** The worker's graph: the nodes with x, y, size (and `fixed`), the edges with their weight, in the sent order. */
export function graphOfLayoutInput(input: LayoutInput): Graph {
  const graph = new Graph({ multi: true, type: "mixed" });
  input.nodes.forEach((key, i) =>
    graph.addNode(key, { x: input.x[i]!, y: input.y[i]!, size: input.size[i]!, ...(input.fixed[i] ? { fixed: true } : {}) }),
  );
  for (let e = 0; e < input.source.length; e++) {
    const [s, t, attrs] = [input.nodes[input.source[e]!]!, input.nodes[input.target[e]!]!, { weight: input.weight[e]! }];
    if (input.undirected[e]) graph.addUndirectedEdge(s, t, attrs);
    else graph.addDirectedEdge(s, t, attrs);
  }
  return graph;
}
