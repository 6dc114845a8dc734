// The copies of a served graph a write makes (moved on by a change, or given a layout) run in steps between reads,
// so they must equal the one-piece result and leave the served graph as it was, attribute objects included.
import { describe, expect, it } from "vitest";
import Graph from "graphology";

import type { EdgeAttributes, NodeAttributes } from "../common/graph.js";
import { type EntityGraph, sharingCopyInSteps } from "../server/graph/build.js";
import { type LayoutRecord, assignLayout, withLayoutInSteps } from "../server/graph/layout.js";
import { runSteps } from "../server/slices.js";
import { seedCorpus } from "./helpers/server.js";

describe("copies of a served graph in steps", () => {
  const served = seedCorpus().graph;

  it("a sharing copy has every node and edge with the same attributes", () => {
    const before = JSON.stringify(served.export());
    const copy = runSteps(sharingCopyInSteps(served));
    expect(JSON.stringify(copy.export())).toBe(before);
    // shared, not copied: the copy must replace an attribute object to change it
    const node = served.nodes()[0]!;
    expect(copy.getNodeAttributes(node)).toBe(served.getNodeAttributes(node));
    copy.dropNode(node);
    expect(served.hasNode(node)).toBe(true);
  });

  it("a big graph is copied in several steps, mixed edges kept as they were", () => {
    const big = new Graph({ multi: true, type: "mixed", allowSelfLoops: false }) as unknown as EntityGraph;
    for (let i = 0; i < 6000; i++) big.addNode(`n${i}`, {} as NodeAttributes);
    for (let i = 1; i < 6000; i++) {
      if (i % 3 === 0) big.addDirectedEdgeWithKey(`e${i}`, `n${i - 1}`, `n${i}`, {} as EdgeAttributes);
      else big.addUndirectedEdgeWithKey(`e${i}`, `n${i - 1}`, `n${i}`, {} as EdgeAttributes);
    }
    const steps = sharingCopyInSteps(big);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(step.value.export()).toEqual(big.export());
    expect(step.value.directedSize).toBe(1999);
  });

  it("a copy with a layout equals the graph given the layout in place, and the served graph keeps its places", () => {
    const before = JSON.stringify(served.export());
    const record: LayoutRecord = { positions: {}, metrics: {} };
    served.forEachNode((n, a) => {
      record.positions[n] = { x: a.x + 1, y: a.y - 2 };
      record.metrics[n] = { community: a.community + 1, pagerank: 0.5, degree: a.degree + 3 };
    });
    const laidOut = runSteps(withLayoutInSteps(served, record));
    const reference = served.copy();
    assignLayout(reference, record);
    expect(laidOut.export()).toEqual(reference.export());
    expect(JSON.stringify(served.export())).toBe(before);
  });
});
