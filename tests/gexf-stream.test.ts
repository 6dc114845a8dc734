// The GEXF export written in chunks (server/graph/gexf-stream.ts) is graphology-gexf's text (server/graph/gexf.ts,
// toGexf) byte for byte, whatever the chunk size: the library stays the reference for what the file says.
import { createServer, get } from "node:http";

import Graph from "graphology";
import { describe, expect, it } from "vitest";

import type { EntityGraph } from "../server/graph/build.js";
import { toGexf } from "../server/graph/gexf.js";
import { gexfChunks, gexfSourceInSteps } from "../server/graph/gexf-stream.js";
import { sendGexf } from "../server/api/gexf-response.js";
import { createApp } from "../server/api/app.js";
import { ReadModel } from "../server/read/model.js";
import { runSteps } from "../server/slices.js";
import { seedCorpus } from "./helpers/server.js";

type NodeInput = Partial<ReturnType<EntityGraph["getNodeAttributes"]>>;

function node(label: string, more: NodeInput = {}) {
  return {
    label,
    type: "person" as const,
    aliases: [],
    roles: [],
    affiliations: [],
    mentions: 1,
    documents: 1,
    community: 0,
    pagerank: 0.25,
    degree: 1,
    x: 1.5,
    y: -2,
    size: 4,
    color: "rgb(242, 142, 43)",
    ...more,
  };
}

/** A small graph whose labels and values are the awkward ones: what an escape or a type rule could get wrong. */
function awkward(): EntityGraph {
  const g: EntityGraph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
  g.addNode('person:o"brien', node(`O"Brien & <Sons> 'quoted'`, { aliases: ["O'Brien", 'say "hi"'], roles: ["minister\tof\nstate\r"] }));
  g.addNode("person:zoë", node("Zoë 🙂 Ünal", { pagerank: 1, community: 3000000000, x: 0, y: 0, affiliations: ["Labour"] }));
  g.addNode("country:x", node("", { type: "country", mentions: 0, color: "#abcdef", size: 7 }));
  g.addNode("org:y", node("Y", { type: "organization", color: "not a colour" }));
  g.addUndirectedEdgeWithKey("c1", 'person:o"brien', "person:zoë", {
    kind: "co-mention",
    weight: 2,
    size: 1.5,
    color: "rgb(190, 190, 190)",
  });
  g.addDirectedEdgeWithKey("s1", "person:zoë", "country:x", {
    kind: "stance",
    stance: "oppose",
    weight: 1,
    confidence: 0.875,
    size: 2,
    color: "rgba(200, 40, 40, 0.5)",
    type: "arrow",
  });
  return g;
}

/** Where a pagerank of 0 everywhere makes the attribute an integer, and no node has an alias. */
function plain(): EntityGraph {
  const g: EntityGraph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
  for (let i = 0; i < 25; i++) g.addNode(`person:p${i}`, node(`P ${i}`, { pagerank: 0 }));
  for (let i = 1; i < 25; i++)
    g.addUndirectedEdgeWithKey(`e${i}`, `person:p${i - 1}`, `person:p${i}`, {
      kind: "co-mention",
      weight: i,
      size: 1,
      color: "rgb(1, 2, 3)",
    });
  return g;
}

const empty = (): EntityGraph => new Graph({ multi: true, type: "mixed" });

describe("gexfChunks", () => {
  it.each([
    { name: "the seeds graph", graph: () => seedCorpus().graph },
    { name: "awkward labels and values", graph: awkward },
    { name: "integer-only and empty attributes", graph: plain },
    { name: "an empty graph", graph: empty },
  ])("writes graphology-gexf's text for $name, in chunks of any size", ({ graph }) => {
    const g = graph();
    const reference = toGexf(g);
    for (const size of [1, 7, 1000]) expect([...gexfChunks(g, size)].join("")).toBe(reference);
  });

  it.each([
    { name: "the seeds graph", graph: () => seedCorpus().graph },
    { name: "awkward labels and values", graph: awkward },
    { name: "an empty graph", graph: empty },
  ])("writes the same text from $name's nodes and edges taken out, and they stay as taken when the graph changes", ({ graph }) => {
    const g = graph();
    const reference = toGexf(g);
    const source = runSteps(gexfSourceInSteps(g));
    // what moving a graph on does: a node's object changed in place, attributes replaced, an edge and a node dropped
    for (const n of g.nodes()) g.setNodeAttribute(n, "x", 999);
    for (const e of g.edges()) g.replaceEdgeAttributes(e, { ...g.getEdgeAttributes(e), weight: 77 });
    if (g.order) g.dropNode(g.nodes()[0]!);
    expect([...gexfChunks(source, 7)].join("")).toBe(reference);
    if (g.order + g.size) expect(toGexf(g)).not.toBe(reference); // the graph did change
  });

  it("keeps each chunk to about the size asked for", () => {
    const g = seedCorpus().graph;
    const chunks = [...gexfChunks(g, 10)];
    expect(chunks.length).toBeGreaterThan((g.order + g.size) / 10);
    for (const chunk of chunks) expect((chunk.match(/<(node|edge) /g) ?? []).length).toBeLessThanOrEqual(10);
  });
});

describe("GET /api/export.gexf to a slow reader (sendGexf)", () => {
  it("waits on the socket without piling up listeners, and sends the whole text", async () => {
    const g: EntityGraph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
    for (let i = 0; i < 4000; i++) g.addNode(`person:p${i}`, node(`Person number ${i}`));
    const warnings: string[] = [];
    const warn = (w: Error) => warnings.push(w.message);
    process.on("warning", warn);
    const listeners: number[] = [];
    const server = createServer((_req, res) => {
      void sendGexf(res as never, g).then(() => listeners.push(res.listenerCount("close"), res.listenerCount("drain")));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const text = await new Promise<string>((resolve, reject) => {
      get(`http://127.0.0.1:${port}/`, (res) => {
        const parts: Buffer[] = [];
        res.pause(); // a reader that lets the socket fill before it reads
        setTimeout(() => res.resume(), 300);
        res.on("data", (b: Buffer) => parts.push(b));
        res.on("end", () => resolve(Buffer.concat(parts).toString()));
      }).on("error", reject);
    });
    server.close();
    process.off("warning", warn);
    expect(text).toBe(toGexf(g));
    expect(text.length).toBeGreaterThan(1_000_000); // past any socket buffer: the writer did wait
    expect(listeners.every((n) => n <= 2)).toBe(true);
    expect(warnings.filter((w) => w.includes("MaxListeners"))).toEqual([]);
  });
});

describe("GET /api/export.gexf holds no lease on the version while a slow client reads", () => {
  it("takes the nodes and edges out first: the version's graph may move on, and the text is the version's", async () => {
    const corpus = await ReadModel.build(seedCorpus().docExtractions);
    const big: EntityGraph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
    for (let i = 0; i < 4000; i++) big.addNode(`person:p${i}`, node(`Person number ${i}`));
    const reference = toGexf(big);
    Object.defineProperty(corpus, "graph", { get: () => big }); // a graph past any socket buffer
    const leases: string[] = [];
    const lease = corpus.lease.bind(corpus);
    corpus.lease = () => {
      leases.push("taken");
      const release = lease();
      return () => (leases.push("released"), release());
    };
    const server = createServer(createApp({ corpus: () => corpus }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const text = await new Promise<string>((resolve, reject) => {
      get(`http://127.0.0.1:${port}/api/export.gexf`, (res) => {
        const parts: Buffer[] = [];
        res.pause(); // the text is still being sent: the lease is already given back
        expect(leases).toEqual(["taken", "released"]);
        big.clear(); // the version's graph moved on meanwhile
        setTimeout(() => res.resume(), 300);
        res.on("data", (b: Buffer) => parts.push(b));
        res.on("end", () => resolve(Buffer.concat(parts).toString()));
      }).on("error", reject);
    });
    server.close();
    expect(text.length).toBeGreaterThan(1_000_000); // past any socket buffer: sent while the graph was cleared
    expect(text).toBe(reference);
  });
});
