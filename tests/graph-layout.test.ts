import { describe, expect, it } from "vitest";

import { ReadModel, type LayoutCache } from "../server/read/model.js";
import type { LayoutRecord } from "../server/graph/layout.js";
import Graph from "graphology";

import { NOMINAL_VIEW_PX, densityScale, layoutInPlace, layoutInWorker, layoutIterations } from "../server/graph/layout.js";
import { graphOfLayoutInput, layoutInput } from "../server/graph/layout-input.js";
import { separateDiscs } from "../server/graph/separate.js";
import { buildGraph } from "../server/graph/build.js";
import { seedCorpus } from "./helpers/server.js";

describe("layout", () => {
  it("ReadModel.build equals new ReadModel, and reuses the layout and metrics from a cache", async () => {
    const inPlace = seedCorpus();
    const saved = new Map<string, LayoutRecord>();
    let computed = 0;
    const cache: LayoutCache = {
      get: async (key) => saved.get(key),
      set: async (key, record) => {
        computed++;
        saved.set(key, record);
      },
    };
    const inWorker = await ReadModel.build(inPlace.docExtractions, cache);
    expect(inWorker.graphJson()).toEqual(inPlace.graphJson());
    const again = await ReadModel.build(inPlace.docExtractions, cache);
    expect(again.graphJson()).toEqual(inPlace.graphJson());
    expect(computed).toBe(1);
  });

  it("a worker thread computes the same layout and metrics as this thread (large graphs use the worker)", async () => {
    const graph = buildGraph(seedCorpus().extraction, { layout: false, metrics: false });
    expect(await layoutInWorker(graph)).toEqual(layoutInPlace(graph));
  });

  it("sends the worker a light copy of the graph: positions, sizes, weights, fixed nodes, in the graph's order", () => {
    const graph = buildGraph(seedCorpus().extraction, { layout: false, metrics: false });
    const moving = new Set(graph.nodes().slice(0, 3));
    const light = new Graph({ multi: true, type: "mixed" });
    graph.forEachNode((n, a) => light.addNode(n, { x: a.x, y: a.y, size: a.size, ...(moving.has(n) ? {} : { fixed: true }) }));
    graph.forEachEdge((e, a, s, t, _sa, _ta, undirected) =>
      undirected
        ? light.addUndirectedEdgeWithKey(e, s, t, { weight: a.weight })
        : light.addDirectedEdgeWithKey(e, s, t, { weight: a.weight }),
    );
    expect(graph.directedSize).toBeGreaterThan(0);
    // Edge keys are not sent (the layout and the metrics never read them): compared by ends, kind and weight.
    const shape = (g: Graph) => ({
      nodes: g.export().nodes,
      edges: g.mapEdges((_e, a, s, t, _sa, _ta, undirected) => ({ s, t, undirected, a })),
    });
    expect(shape(graphOfLayoutInput(layoutInput(graph, moving)))).toEqual(shape(light));
  });

  it.each([
    [10, 300],
    [1000, 300],
    [10_000, 30],
    [1_000_000, 25],
  ])("a graph of %i nodes gets %i iterations", (order, iterations) => {
    expect(layoutIterations(order)).toBe(iterations);
  });
});

/** n discs of radius r on a circle of the given radius, crowded together. */
const ring = (n: number, radius: number, r: number) =>
  Array.from({ length: n }, (_, i) => ({ x: radius * Math.cos(i), y: radius * Math.sin(i), r }));

describe("separated discs", () => {
  const overlaps = (discs: { x: number; y: number; r: number }[], tolerance = 0.5) =>
    discs.flatMap((a, i) => discs.slice(i + 1).filter((b) => a.r + b.r - Math.hypot(a.x - b.x, a.y - b.y) > tolerance)).length;

  it("parts discs on one spot and crowded discs, the same way every time", () => {
    const make = () => [
      ...Array.from({ length: 5 }, () => ({ x: 10, y: 10, r: 4 })),
      ...Array.from({ length: 60 }, (_, i) => ({ x: (i % 8) * 3, y: Math.floor(i / 8) * 3, r: 2 + (i % 5) })),
    ];
    const [a, b] = [make(), make()];
    expect(overlaps(a)).toBeGreaterThan(50);
    expect(separateDiscs(a)).toBe(0);
    expect(overlaps(a)).toBe(0);
    separateDiscs(b);
    expect(b).toEqual(a);
  });

  it.each([
    ["a hub many cells wide over small discs", [{ x: 0, y: 0, r: 40 }, ...ring(80, 15, 2)]],
    ["a disc flung far away (the grid grows its cells)", [{ x: 1e6, y: -1e6, r: 2 }, ...ring(50, 3, 2)]],
    ["a disc with no position (left where it is)", [{ x: NaN, y: 0, r: 2 }, ...ring(30, 2, 2)]],
  ])("parts %s", (_name, discs) => {
    expect(overlaps(discs)).toBeGreaterThan(0);
    expect(separateDiscs(discs)).toBe(0);
    expect(overlaps(discs.filter((d) => Number.isFinite(d.x)))).toBe(0);
  });

  it("leaves discs that do not touch where they are", () => {
    const discs = [
      { x: 0, y: 0, r: 3 },
      { x: 10, y: 0, r: 3 },
    ];
    separateDiscs(discs);
    expect(discs).toEqual([
      { x: 0, y: 0, r: 3 },
      { x: 10, y: 0, r: 3 },
    ]);
  });

  it("the laid-out graph has no two discs overlapping at the default view, sizes scaled to the density", () => {
    const graph = seedCorpus().graph;
    const sizes = graph.mapNodes((_n, a) => a.size);
    const scale = densityScale(sizes);
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    graph.forEachNode((_n, a) => ([x0, x1, y0, y1] = [Math.min(x0, a.x), Math.max(x1, a.x), Math.min(y0, a.y), Math.max(y1, a.y)]));
    const perPx = Math.max(x1 - x0, y1 - y0) / NOMINAL_VIEW_PX;
    expect(overlaps(graph.mapNodes((_n, a) => ({ x: a.x / perPx, y: a.y / perPx, r: a.size * scale })))).toBe(0);
  });
});
