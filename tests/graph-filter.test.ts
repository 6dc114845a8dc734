import Graph from "graphology";
import request from "supertest";
import { describe, expect, it } from "vitest";

import { createApp } from "../server/api/app.js";
import type { EntityGraph, NodeAttributes } from "../server/graph/build.js";
import {
  DEFAULT_LIMIT,
  type GraphQuery,
  GraphQueryError,
  MAX_EDGES,
  filterGraph,
  filterGraphInSteps,
  parseGraphQuery,
} from "../server/graph/filter.js";
import { newsCorpus } from "./e2e/fixtures.js";

const corpus = newsCorpus();
const nodes = (q: GraphQuery) => filterGraph(corpus, q).graph.nodes().sort();
const edges = (q: GraphQuery) => filterGraph(corpus, q).graph.edges().sort();

describe("filterGraph: which nodes a query keeps", () => {
  const cases: [string, GraphQuery, string[]][] = [
    ["types", { types: ["person"] }, ["person:emmanuel-macron", "person:keir-starmer", "person:olaf-scholz", "person:volodymyr-zelensky"]],
    ["two types", { types: ["organization", "event"] }, ["organization:nato", "organization:united-nations"]],
    ["minMentions", { minMentions: 3 }, ["country:ukraine"]],
    [
      "from: only documents dated on or after (undated ones drop out)",
      { from: "2025-02-01" },
      ["country:russia", "country:ukraine", "organization:nato", "organization:united-nations", "person:volodymyr-zelensky"],
    ],
    [
      "to",
      { to: "2025-01-31" },
      ["country:france", "country:germany", "country:ukraine", "organization:nato", "person:emmanuel-macron", "person:olaf-scholz"],
    ],
    ["a range with no documents", { from: "2030-01-01", to: "2030-12-31" }, []],
    ["focus, 1 hop", { focus: "person:keir-starmer", hops: 1 }, ["country:united-states", "person:keir-starmer"]],
    [
      "focus, 2 hops",
      { focus: "person:keir-starmer", hops: 2 },
      ["country:united-kingdom", "country:united-states", "person:keir-starmer"],
    ],
    [
      "focus passes the type filter, its neighbours do not",
      { focus: "person:keir-starmer", hops: 2, types: ["person"] },
      ["person:keir-starmer"],
    ],
    ["limit: top N by PageRank", { limit: 3 }, ["country:germany", "country:ukraine", "country:united-states"]],
    ["limit keeps the focus", { focus: "country:ukraine", hops: 2, limit: 1 }, ["country:ukraine"]],
    [
      "stances only: linked entities of the stance edges",
      { kinds: ["support", "oppose"], linked: true },
      ["country:russia", "person:volodymyr-zelensky"],
    ],
    ["linked drops only the unlinked", { types: ["person"], linked: true }, ["person:emmanuel-macron", "person:olaf-scholz"]],
  ];
  it.each(cases)("%s", (_name, query, expected) => {
    expect(nodes(query)).toEqual(expected);
  });
});

describe("filterGraph: which edges a query keeps", () => {
  const cases: [string, GraphQuery, string[]][] = [
    ["kinds: oppose", { kinds: ["oppose"] }, ["person:volodymyr-zelensky->country:russia:oppose"]],
    ["kinds: support (none in the fixture)", { kinds: ["support"] }, []],
    ["minWeight", { minWeight: 2 }, ["person:emmanuel-macron--person:olaf-scholz"]],
    [
      "both ends must be kept",
      { types: ["country"], minWeight: 1, kinds: ["co-mention"] },
      ["country:france--country:germany", "country:russia--country:ukraine", "country:united-kingdom--country:united-states"],
    ],
  ];
  it.each(cases)("%s", (_name, query, expected) => {
    expect(edges(query)).toEqual(expected);
  });
});

describe("filterGraph: minConfidence hides stance edges below it, never co-mentions", () => {
  const stance = "person:volodymyr-zelensky->country:russia:oppose";
  const all = edges({});
  const confidence = corpus.graph.getEdgeAttribute(stance, "confidence")!;
  const cases: [string, number, boolean][] = [
    ["0 keeps every stance", 0, true],
    ["the edge's own confidence keeps it", confidence, true],
    ["just above it hides it", confidence + 0.01, false],
    ["1 hides every stance below certainty", 1, false],
  ];
  it.each(cases)("%s", (_name, minConfidence, kept) => {
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThan(1);
    const shown = edges({ minConfidence });
    expect(shown.includes(stance)).toBe(kept);
    // every other edge stays whatever the threshold
    expect(shown.filter((e) => e !== stance)).toEqual(all.filter((e) => e !== stance));
  });

  it("a stance edge without a confidence counts as 0", () => {
    const g = corpus.graph.copy();
    g.removeEdgeAttribute(stance, "confidence");
    const r = filterGraph({ ...corpus, graph: g } as typeof corpus, { minConfidence: 0.1 });
    expect(r.graph.hasEdge(stance)).toBe(false);
    expect(filterGraph({ ...corpus, graph: g } as typeof corpus, { minConfidence: 0 }).graph.hasEdge(stance)).toBe(true);
  });
});

describe("filterGraph: attributes and counts", () => {
  it("returns graphology's JSON unchanged for an empty query on a small graph", () => {
    expect(filterGraph(corpus, {}).graph.export()).toEqual(corpus.graphJson());
  });

  it("recomputes mentions and weights within a date range and keeps positions", () => {
    const { graph } = filterGraph(corpus, { from: "2025-02-01" });
    expect(corpus.graph.getNodeAttribute("country:ukraine", "mentions")).toBe(3);
    expect(graph.getNodeAttribute("country:ukraine", "mentions")).toBe(2);
    expect(graph.getNodeAttribute("country:ukraine", "documents")).toBe(1);
    graph.forEachNode((n, a) => {
      expect([a.x, a.y]).toEqual([corpus.graph.getNodeAttribute(n, "x"), corpus.graph.getNodeAttribute(n, "y")]);
    });
    expect(graph.hasEdge("country:ukraine--person:emmanuel-macron")).toBe(false);
  });

  it("says how many nodes and edges are hidden", () => {
    const r = filterGraph(corpus, { types: ["person"] });
    expect(r.total).toEqual({ nodes: corpus.graph.order, edges: corpus.graph.size });
    expect(r.shown).toEqual({ nodes: 4, edges: r.graph.size });
    expect(r.hidden).toEqual({ nodes: corpus.graph.order - 4, edges: corpus.graph.size - r.graph.size });
  });

  it("rejects an unknown focus", () => {
    expect(() => filterGraph(corpus, { focus: "person:nobody" })).toThrow(GraphQueryError);
  });
});

/** A synthetic graph: n nodes, PageRank falling with the index, every pair linked when `complete`. */
function synthetic(n: number, complete: boolean) {
  const graph: EntityGraph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
  for (let i = 0; i < n; i++) {
    const attrs: NodeAttributes = {
      label: `n${i}`,
      type: "person",
      aliases: [],
      roles: [],
      affiliations: [],
      mentions: 1,
      documents: 1,
      community: 0,
      pagerank: 1 / (i + 1),
      degree: 0,
      x: i,
      y: 2 * i,
      size: 4,
      color: "rgb(0,0,0)",
    };
    graph.addNode(`person:n${i}`, attrs);
  }
  if (complete) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        graph.addUndirectedEdgeWithKey(`${i}--${j}`, `person:n${i}`, `person:n${j}`, {
          kind: "co-mention",
          weight: 1 + ((i + j) % 3),
          size: 1,
          color: "rgb(0,0,0)",
        });
      }
    }
  }
  return { graph, extraction: { documents: [], mentions: [], edges: [] } };
}

describe("filterGraph: scale caps", () => {
  it(`shows the top ${DEFAULT_LIMIT} by PageRank when no limit is given and the graph is larger`, () => {
    const r = filterGraph(synthetic(DEFAULT_LIMIT + 100, false), {});
    expect(r.shown.nodes).toBe(DEFAULT_LIMIT);
    expect(r.hidden.nodes).toBe(100);
    expect(r.graph.hasNode("person:n0")).toBe(true);
    expect(r.graph.hasNode(`person:n${DEFAULT_LIMIT}`)).toBe(false);
    expect(r.bbox).toEqual({ x: [0, DEFAULT_LIMIT + 99], y: [0, 2 * (DEFAULT_LIMIT + 99)] });
  });

  it(`never sends more than ${MAX_EDGES} edges, the heaviest first`, () => {
    const source = synthetic(450, true); // 450 * 449 / 2 = 101,025 edges
    const r = filterGraph(source, { limit: 450 });
    expect(r.shown.edges).toBe(MAX_EDGES);
    const light = (g: EntityGraph) => g.filterEdges((_e, a) => a.weight === 1).length;
    expect(light(r.graph)).toBe(light(source.graph) - (source.graph.size - MAX_EDGES)); // only weight-1 edges dropped
  });

  it("filters a big graph in steps (the server answers other requests between them), to the same subgraph", () => {
    const source = synthetic(200, true); // 19,900 edges
    const steps = filterGraphInSteps(source, { limit: 150, minWeight: 2 });
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThan(10);
    const once = filterGraph(source, { limit: 150, minWeight: 2 });
    expect(step.value.graph.export()).toEqual(once.graph.export());
    expect({ ...step.value, graph: undefined }).toEqual({ ...once, graph: undefined });
    expect(once.shown.nodes).toBe(150);
  });
});

describe("parseGraphQuery", () => {
  it("reads every parameter", () => {
    expect(
      parseGraphQuery({
        types: "person,country",
        kinds: "co-mention,oppose",
        minMentions: "2",
        minWeight: "3",
        from: "2025-01-01",
        to: "2025-02-01",
        focus: "person:x",
        hops: "2",
        limit: "100",
      }),
    ).toEqual({
      types: ["person", "country"],
      kinds: ["co-mention", "oppose"],
      minMentions: 2,
      minWeight: 3,
      from: "2025-01-01",
      to: "2025-02-01",
      focus: "person:x",
      hops: 2,
      limit: 100,
    });
    expect(parseGraphQuery({ types: "", other: "ignored" })).toEqual({});
  });

  it.each([
    ["0", 0],
    ["0.75", 0.75],
    [".9", 0.9],
    ["1", 1],
  ])("reads minConfidence %s as %f", (raw, expected) => {
    expect(parseGraphQuery({ minConfidence: raw })).toEqual({ minConfidence: expected });
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["unknown type", { types: "person,planet" }, /types: unknown value "planet"/],
    ["unknown kind", { kinds: "stance" }, /kinds: unknown value "stance"/],
    ["negative count", { minMentions: "-1" }, /minMentions: expected a whole number/],
    ["not a number", { minWeight: "abc" }, /minWeight/],
    ["bad date", { from: "2025-13-45" }, /from: expected a date/],
    ["not ISO", { to: "15/02/2025" }, /to: expected a date/],
    ["from after to", { from: "2025-03-01", to: "2025-02-01" }, /after/],
    ["hops 3", { focus: "person:x", hops: "3" }, /hops: expected 1 or 2/],
    ["hops without focus", { hops: "1" }, /hops needs focus/],
    ["linked not a flag", { linked: "yes" }, /linked: expected 1 or 0/],
    ["limit above the cap", { limit: "20000" }, /limit: expected a whole number from 0 to 10000/],
    ["repeated parameter", { types: ["person", "country"] }, /types: give it once/],
    ["minConfidence above 1", { minConfidence: "1.5" }, /minConfidence: expected a number from 0 to 1/],
    ["negative minConfidence", { minConfidence: "-0.2" }, /minConfidence: expected a number from 0 to 1/],
    ["minConfidence not a number", { minConfidence: "high" }, /minConfidence: expected a number from 0 to 1/],
    ["minConfidence as a percentage", { minConfidence: "80%" }, /minConfidence/],
  ];
  it.each(bad)("rejects %s", (_name, params, message) => {
    expect(() => parseGraphQuery(params)).toThrow(message);
  });
});

describe("GET /api/graph and /api/export.gexf with a query", () => {
  const app = createApp({ corpus: () => corpus });

  it("serves the filtered graph and its counts", async () => {
    const res = await request(app).get("/api/graph?types=person&minMentions=2").expect(200);
    expect(res.body.nodes.map((n: { key: string }) => n.key).sort()).toEqual([
      "person:emmanuel-macron",
      "person:olaf-scholz",
      "person:volodymyr-zelensky",
    ]);
    const view = JSON.parse(res.headers["x-graph-view"]);
    expect(view.shown.nodes).toBe(3);
    expect(view.hidden.nodes).toBe(corpus.graph.order - 3);
  });

  it("drops the stance edge above its confidence, and refuses a confidence above 1", async () => {
    const keys = async (q: string) =>
      ((await request(app).get(`/api/graph?${q}`).expect(200)).body.edges as { key: string }[]).map((e) => e.key);
    const stance = "person:volodymyr-zelensky->country:russia:oppose";
    const confidence = corpus.graph.getEdgeAttribute(stance, "confidence")!;
    expect(await keys(`kinds=oppose&minConfidence=${confidence}`)).toEqual([stance]);
    expect(await keys(`kinds=oppose&minConfidence=${Math.min(1, confidence + 0.01)}`)).toEqual([]);
    const res = await request(app).get("/api/graph?minConfidence=2").expect(400);
    expect(res.body.error).toMatch(/minConfidence/);
  });

  it("answers 400 with an error for bad values and 400 for an unknown focus", async () => {
    const res = await request(app).get("/api/graph?minWeight=lots").expect(400);
    expect(res.body.error).toMatch(/minWeight/);
    await request(app).get("/api/graph?focus=person:nobody").expect(400);
    await request(app).get("/api/export.gexf?types=planet").expect(400);
  });

  it("exports the filtered graph as GEXF, and everything without a query", async () => {
    const some = await request(app).get("/api/export.gexf?focus=person%3Akeir-starmer&hops=1").expect(200);
    expect(some.text.match(/<node /g)).toHaveLength(2);
    const all = await request(app).get("/api/export.gexf").expect(200);
    expect(all.text.match(/<node /g)).toHaveLength(corpus.graph.order);
  });
});
