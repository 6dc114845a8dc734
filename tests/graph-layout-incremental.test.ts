// A write to a big graph is laid out after its commit, from the positions the graph had: its new nodes start beside
// their neighbours and only they move (a little push apart aside), and the metrics come out as a full computation's.
import { describe, expect, it } from "vitest";

import { ReadModel, type LayoutCache } from "../server/read/model.js";
import { extractDocument } from "../server/extract/index.js";
import type { LayoutRecord } from "../server/graph/layout.js";
import { seedCorpus } from "./helpers/server.js";
import { syntheticArticle } from "./store/fixtures.js";

const memoryCache = () => {
  const saved = new Map<string, LayoutRecord>();
  const cache: LayoutCache = { get: async (key) => saved.get(key), set: async (key, record) => void saved.set(key, record) };
  return { saved, cache };
};

const extent = (corpus: ReadModel) => {
  const xs = corpus.graph.mapNodes((_n, a) => a.x);
  const ys = corpus.graph.mapNodes((_n, a) => a.y);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
};

const withoutPlaces = (corpus: ReadModel) =>
  corpus.graph.mapNodes((n, a) => {
    const { x: _x, y: _y, ...rest } = a;
    return [n, rest] as const;
  });

describe("layout of a write, after its commit", async () => {
  const before = seedCorpus();
  const added = [100, 101].map((i) => extractDocument(syntheticArticle(i)));
  const docs = [...before.docExtractions, ...added];
  const { saved, cache } = memoryCache();
  // moveAbove 0: the seeds stand in for a big corpus (the server moves on from the old layout above 500 nodes)
  const provisional = await ReadModel.build(docs, cache, [], { previous: before, moveAbove: 0 });
  const fresh = provisional.graph.filterNodes((n) => !before.graph.hasNode(n));

  it("serves the old nodes where they were and the new ones beside a neighbour, before any layout ran", () => {
    expect(fresh.length).toBeGreaterThan(0);
    expect([...provisional.unsettled()].sort()).toEqual([...fresh].sort());
    provisional.graph.forEachNode((n, a) => {
      if (!before.graph.hasNode(n)) return;
      expect([a.x, a.y]).toEqual([before.graph.getNodeAttribute(n, "x"), before.graph.getNodeAttribute(n, "y")]);
    });
    const span = extent(before);
    for (const n of fresh) {
      const a = provisional.graph.getNodeAttributes(n);
      const near = provisional.graph
        .neighbors(n)
        .map((m) => Math.hypot(provisional.graph.getNodeAttribute(m, "x") - a.x, provisional.graph.getNodeAttribute(m, "y") - a.y));
      if (near.length > 0) expect(Math.min(...near)).toBeLessThan(0.5 * span);
    }
    expect(saved.size).toBe(0); // nothing laid out yet
  });

  it("then lays out the new nodes, barely moves the old ones, and keeps the result for a restart", async () => {
    const settled = (await provisional.settle())!;
    // The same corpus (a page has nothing new to read), new positions (a page redraws).
    expect(settled.stamp).toBe(provisional.stamp);
    expect(settled.layoutStamp).not.toBe(provisional.layoutStamp);
    expect(settled.unsettled().size).toBe(0);
    const span = extent(before);
    settled.graph.forEachNode((n, a) => {
      if (!before.graph.hasNode(n)) return;
      const d = Math.hypot(a.x - before.graph.getNodeAttribute(n, "x"), a.y - before.graph.getNodeAttribute(n, "y"));
      expect(d).toBeLessThan(0.05 * span);
    });
    expect(fresh.some((n) => settled.graph.getNodeAttribute(n, "x") !== provisional.graph.getNodeAttribute(n, "x"))).toBe(true);
    // metrics (communities, PageRank, degree) and every other attribute as a full build gives them
    expect(withoutPlaces(settled)).toEqual(withoutPlaces(new ReadModel(docs)));
    expect(saved.size).toBe(1);
    const restarted = await ReadModel.build(docs, cache);
    expect(restarted.graphJson()).toEqual(settled.graphJson());
  });

  it("gives its layout up once a newer write replaced it (the newer corpus takes the unsettled nodes over)", async () => {
    const own = memoryCache();
    const replaced = await ReadModel.build(docs, own.cache, [], { previous: before, moveAbove: 0 });
    expect(await replaced.settle(() => false)).toBeUndefined();
    expect(own.saved.size).toBe(0); // not laid out for nothing
    expect(replaced.unsettled().size).toBeGreaterThan(0);
  });

  it("a corpus with nothing pending settles to nothing", async () => {
    expect(await before.settle()).toBeUndefined();
  });
});
