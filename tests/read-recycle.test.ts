// A write's new version is made by changing a graph equal to the served one. Rather than copy the served graph each
// time, the graph of the version it replaced is moved on by the changes recorded when the served one was made, once
// nobody reads that older version (read/model.ts, graph/recorded.ts). What comes out must equal a copy's result, the
// graph served must never change, and a version still read (a lease: an export, a filter) keeps its graph.
import Graph from "graphology";
import request from "supertest";
import { describe, expect, it } from "vitest";

import { createApp } from "../server/api/app.js";
import { ReadModel } from "../server/read/model.js";
import { extractDocument } from "../server/extract/index.js";
import { provisionalExtraction, provisionalRemoval } from "../server/provisional.js";
import { recordChanges, replayInSteps } from "../server/graph/recorded.js";
import { runSteps } from "../server/slices.js";
import type { EntityGraph } from "../server/graph/build.js";
import { seedCorpus } from "./helpers/server.js";
import { syntheticArticle } from "./store/fixtures.js";

const exported = (graph: EntityGraph) => JSON.stringify(graph.export());

describe("recording a graph's changes and replaying them", () => {
  const start = () => {
    const g = new Graph({ multi: true, type: "mixed", allowSelfLoops: false }) as unknown as EntityGraph;
    for (const n of ["a", "b", "c"]) g.addNode(n, { label: n } as never);
    g.addUndirectedEdgeWithKey("ab", "a", "b", { weight: 1 } as never);
    g.addDirectedEdgeWithKey("bc", "b", "c", { weight: 2 } as never);
    g.addDirectedEdgeWithKey("ca", "c", "a", { weight: 3 } as never);
    return g;
  };
  const changes: [string, (g: EntityGraph) => void][] = [
    [
      "a node added, then placed in place (a new node's object)",
      (g) => (g.addNode("d", { label: "d" } as never), g.mergeNodeAttributes("d", { x: 4 } as never)),
    ],
    ["a node dropped with its edges", (g) => g.dropNode("c")],
    ["attributes replaced", (g) => g.replaceNodeAttributes("a", { label: "A" } as never)],
    ["an edge added beside one of the same pair", (g) => g.addDirectedEdgeWithKey("bc2", "b", "c", { weight: 5 } as never)],
    [
      "an edge dropped and its pair linked again",
      (g) => (g.dropEdge("ab"), g.addUndirectedEdgeWithKey("ab3", "b", "a", { weight: 6 } as never)),
    ],
    ["edge attributes replaced", (g) => g.replaceEdgeAttributes("ca", { weight: 9 } as never)],
  ];

  it.each(changes)("%s: the replay on an equal graph gives the same graph", (_name, change) => {
    const [changed, twin] = [start(), start()];
    const stop = recordChanges(changed);
    change(changed);
    const ops = stop();
    expect(ops).toBeDefined();
    runSteps(replayInSteps(twin, ops!));
    expect(exported(twin)).toBe(exported(changed));
  });

  it("stops recording when stopped, and a change it cannot replay voids the recording", () => {
    const g = start();
    const stop = recordChanges(g);
    g.dropEdge("bc");
    expect(stop()).toHaveLength(1);
    g.dropEdge("ca"); // after the stop: not recorded, and the listeners are gone
    expect(g.listenerCount("edgeDropped")).toBe(0);
    const again = recordChanges(g);
    g.clearEdges();
    expect(again()).toBeUndefined();
  });
});

describe("a replaced version's graph moved on for the next write", async () => {
  const base = seedCorpus();
  const docs = [...base.docExtractions, ...[200, 201].map((i) => extractDocument(syntheticArticle(i)))];
  const added = [extractDocument({ text: "Angela Merkel met Jacinda Ardern in Paris. Keir Starmer called Donald Tusk." })];
  const more = [extractDocument({ text: "Emmanuel Macron criticised Viktor Orban in Brussels on Monday." })];

  /** Post `added`, delete the last seed-corpus document, post `more`, lay out: each version from the one before. */
  async function writes(corpus: ReadModel, hold: boolean) {
    const versions = [corpus];
    const leases: (() => void)[] = [];
    const step = async (next: Promise<ReadModel>) => {
      if (hold) leases.push(versions.at(-1)!.lease()); // a reader of every version: nothing is recycled
      versions.push(await next);
      versions.at(-2)!.retire(); // replaced where it was served (the writer's serve)
    };
    let all = [...docs, ...added];
    await step(corpus.withAdded(all, provisionalExtraction(corpus.extraction, added), []));
    const gone = [docs.at(-1)!.doc.id];
    all = all.filter((d) => d.doc.id !== gone[0]);
    await step(versions.at(-1)!.withRemoved(all, provisionalRemoval(versions.at(-1)!.extraction, gone), []));
    all = [...all, ...more];
    await step(versions.at(-1)!.withAdded(all, provisionalExtraction(versions.at(-1)!.extraction, more), []));
    const settled = await versions.at(-1)!.settle();
    if (settled) await step(Promise.resolve(settled));
    for (const release of leases) release();
    return versions;
  }

  it("gives the graphs a copy gives, and reuses the graph of each version two writes behind", async () => {
    const recycled = await writes(await ReadModel.build(docs), false);
    const copied = await writes(await ReadModel.build(docs), true);
    expect(recycled).toHaveLength(5); // a post, a delete, a post, the layout after it
    // the last two versions are whole and equal the copies'; the ones before were moved on (their graph reads throw)
    for (const i of [3, 4]) expect(exported(recycled[i]!.graph)).toBe(exported(copied[i]!.graph));
    for (const v of recycled.slice(0, 3)) expect(() => v.graph).toThrow(/reused for a later version/);
    // with every version read meanwhile, none was reused: each still reads, unchanged by the writes after it
    const twin = await writes(await ReadModel.build(docs), true);
    for (const i of [0, 1, 2, 3, 4]) expect(exported(copied[i]!.graph)).toBe(exported(twin[i]!.graph));
  });

  it("keeps a version read under a lease as it was while later writes go on, and reuses it once released", async () => {
    const first = await ReadModel.build(docs);
    const second = await first.withAdded([...docs, ...added], provisionalExtraction(first.extraction, added), []);
    const release = first.lease();
    const before = exported(first.graph);
    expect(second.canRecycle()).toBe(false); // not retired yet
    first.retire();
    expect(second.canRecycle()).toBe(false); // read
    const all = [...docs, ...added, ...more];
    const third = await second.withAdded(all, provisionalExtraction(second.extraction, more), []);
    expect(exported(first.graph)).toBe(before); // read throughout: copied, not reused
    release();
    release(); // a second release changes nothing
    second.retire();
    // `third` was made from a copy: `second`'s graph is the one it may move on, and nobody reads it
    expect(third.canRecycle()).toBe(true);
    const fourth = await third.withAdded(all, provisionalExtraction(third.extraction, []), []);
    expect(() => second.graph).toThrow(/reused/);
    expect(exported(fourth.graph)).toBe(exported(third.graph)); // an empty write: the same graph, moved on
    expect(exported(first.graph)).toBe(before);
  });

  it("waits for a short read of the replaced version to end and moves its graph on, rather than copy", async () => {
    const first = await ReadModel.build(docs);
    const second = await first.withAdded([...docs, ...added], provisionalExtraction(first.extraction, added), []);
    first.retire();
    const release = first.lease(); // a filter or an export taking its nodes out, ended 50 ms later
    setTimeout(release, 50);
    const all = [...docs, ...added, ...more];
    const third = await second.withAdded(all, provisionalExtraction(second.extraction, more), []);
    expect(() => first.graph).toThrow(/reused/);
    second.retire();
    expect(third.canRecycle()).toBe(true);
  });
});

describe("a version laid out after its write", async () => {
  const docs = [...seedCorpus().docExtractions, extractDocument(syntheticArticle(200))];
  const added = [extractDocument({ text: "Angela Merkel met Jacinda Ardern in Paris. Keir Starmer called Donald Tusk." })];

  it("is not leased while the worker lays it out: the write that replaced it may move its graph on meanwhile", async () => {
    const first = await ReadModel.build(docs);
    const all = [...docs, ...added];
    const laidOut = await first.withAdded(all, provisionalExtraction(first.extraction, added), []); // new nodes to place
    first.retire();
    const next = await laidOut.withAdded(all, provisionalExtraction(laidOut.extraction, []), []); // made from it
    laidOut.retire(); // replaced where it was served, its layout still to come
    let done = false;
    const settling = laidOut.settle(() => true).finally(() => (done = true));
    const recyclable: boolean[] = [];
    while (!done) {
      recyclable.push(next.canRecycle());
      await new Promise((r) => setTimeout(r, 1));
    }
    await settling;
    expect(recyclable.length).toBeGreaterThan(2);
    expect(recyclable[0]).toBe(false); // the layout's input is read under a lease
    expect(recyclable).toContain(true); // the worker's part, not
  });
});

describe("a version still served is never reused", async () => {
  const docs = [...seedCorpus().docExtractions, extractDocument(syntheticArticle(200))];
  const added = [extractDocument({ text: "Angela Merkel met Jacinda Ardern in Paris. Keir Starmer called Donald Tusk." })];
  const more = [extractDocument({ text: "Emmanuel Macron criticised Viktor Orban in Brussels on Monday." })];

  /** The writer's batch (corpus-state.ts provisionalView): removal from the served version, addition from that. */
  async function batch(passOn: boolean) {
    const first = await ReadModel.build(docs);
    const served = await first.withAdded([...docs, ...added], provisionalExtraction(first.extraction, added), []);
    first.retire();
    const before = exported(served.graph);
    const gone = [docs.at(-1)!.doc.id];
    const rest = [...docs, ...added].filter((d) => d.doc.id !== gone[0]);
    const removed = await served.withRemoved(rest, provisionalRemoval(served.extraction, gone), []);
    const removedGraph = exported(removed.graph);
    const recyclableBeforeAddition = removed.canRecycle();
    if (passOn) removed.passOn();
    const both = await removed.withAdded([...rest, ...more], provisionalExtraction(removed.extraction, more), []);
    expect(exported(served.graph)).toBe(before); // served throughout: never changed
    return { first, served, removed, removedGraph, both, recyclableBeforeAddition };
  }

  it("a batch's removal and then its addition (made from the removal) leave the served version as it was", async () => {
    const { first, removed, both, recyclableBeforeAddition } = await batch(false);
    expect(recyclableBeforeAddition).toBe(false); // made from `served`, which is still served
    expect(() => first.graph).toThrow(/reused/); // the removal moved the retired one on instead
    removed.retire(); // never served: the next write may move its graph on
    expect(both.canRecycle()).toBe(true);
  });

  it("a removal passed on gives its own graph to the addition, which descends from the served version by both changes", async () => {
    const copied = await batch(false);
    const passed = await batch(true);
    for (const { removed } of [copied, passed]) removed.retire();
    expect(exported(passed.both.graph)).toBe(exported(copied.both.graph));
    expect(() => passed.removed.graph).toThrow(/reused/); // its graph is the addition's now
    expect(exported(copied.removed.graph)).toBe(copied.removedGraph); // copied: the removal kept its own
    // the next write moves the served version's graph on by the removal and the addition together
    passed.served.retire();
    expect(passed.both.canRecycle()).toBe(true);
    const next = await passed.both.withAdded(passed.both.docExtractions, provisionalExtraction(passed.both.extraction, []), []);
    expect(() => passed.served.graph).toThrow(/reused/);
    expect(exported(next.graph)).toBe(exported(copied.both.graph));
  });
});

describe("the read routes hold a lease on the version they answer from", async () => {
  const corpus = await ReadModel.build(seedCorpus().docExtractions);
  const leases: string[] = [];
  const lease = corpus.lease.bind(corpus);
  corpus.lease = () => {
    leases.push("taken");
    const release = lease();
    let released = false; // a route may release early (an export, once its nodes and edges are out) and again at the end
    return () => {
      if (!released) leases.push("released");
      released = true;
      release();
    };
  };
  const app = createApp({ corpus: () => corpus });
  const entity = corpus.graph.nodes()[0]!;
  const edge = corpus.graph.edges()[0]!;
  const doc = corpus.docExtractions[0]!.doc.id;
  const routes: [string, number][] = [
    ["/api/graph?limit=5", 200],
    [`/api/entities/${encodeURIComponent(entity)}`, 200],
    ["/api/entities/no-such-entity", 404],
    [`/api/edges/${encodeURIComponent(edge)}`, 200],
    [`/api/documents/${doc}`, 200],
    ["/api/documents/ffffffffffffffff", 404],
    ["/api/export.gexf", 200],
    ["/api/export.gexf?types=person", 200],
  ];

  it.each(routes)("GET %s (%i): one lease, released once answered", async (path, status) => {
    leases.length = 0;
    await request(app).get(path).expect(status);
    expect(leases).toEqual(["taken", "released"]);
  });
});
