import { describe, expect, it } from "vitest";

import { Corpus, type LayoutCache } from "../server/corpus.js";
import type { LayoutRecord } from "../server/graph/layout.js";
import { layoutInPlace, layoutInWorker, layoutIterations } from "../server/graph/layout.js";
import { buildGraph } from "../server/graph/build.js";
import { seedCorpus } from "./helpers/server.js";

describe("layout", () => {
  it("Corpus.build equals new Corpus, and reuses the layout and metrics from a cache", async () => {
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
    const inWorker = await Corpus.build(inPlace.docExtractions, cache);
    expect(inWorker.graphJson()).toEqual(inPlace.graphJson());
    const again = await Corpus.build(inPlace.docExtractions, cache);
    expect(again.graphJson()).toEqual(inPlace.graphJson());
    expect(computed).toBe(1);
  });

  it("a worker thread computes the same layout and metrics as this thread (large graphs use the worker)", async () => {
    const graph = buildGraph(seedCorpus().extraction, { layout: false, metrics: false });
    expect(await layoutInWorker(graph)).toEqual(layoutInPlace(graph));
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
