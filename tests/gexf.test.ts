import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";

import { repoRoot, seedCorpus } from "./helpers/server.js";

const schema = join(repoRoot, "..", "shared", "gexf", "rng-1.3", "gexf.rng");
const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
const hasSchema = existsSync(schema);
if (!hasXmllint) console.warn("SKIPPED GEXF schema validation: xmllint is missing (apt-get install libxml2-utils)");
if (!hasSchema) console.warn(`SKIPPED GEXF schema validation: no schema at ${schema}`);
const networkxVersion = spawnSync("python3", ["-c", "import networkx; print(networkx.__version__)"], { encoding: "utf8" });
const hasNetworkx3 = networkxVersion.status === 0 && Number(networkxVersion.stdout.split(".")[0]) >= 3;
if (!hasNetworkx3) console.warn("SKIPPED networkx read of the GEXF export: python3 with networkx >= 3 is not installed");

// Reads the file with networkx 3 and prints what a Gephi/networkx user relies on.
const NETWORKX_READ = `
import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1], version="1.3")
n, a = next(iter(g.nodes(data=True)))
u, v, e = next(iter(g.edges(data=True)))
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "node": a, "edge": e}, default=str))
`;

describe("GEXF export of the seeds graph", () => {
  const gexf = seedCorpus().gexf();

  it.skipIf(!hasXmllint || !hasSchema)("validates against the official GEXF 1.3 RelaxNG schema", () => {
    const file = join(mkdtempSync(join(tmpdir(), "gexf-")), "seeds.gexf");
    writeFileSync(file, gexf);
    // execFileSync throws (and the test fails) on a non-zero exit
    execFileSync("xmllint", ["--noout", "--relaxng", schema, file], { stdio: "pipe" });
  });

  it("reads back with labels, types, mentions, weights, kinds, colours, sizes and positions", () => {
    const original = seedCorpus().graph;
    const back = parse(Graph, gexf, { addMissingNodes: false });
    expect(back.order).toBe(original.order);
    expect(back.size).toBe(original.size);
    const id = original.nodes()[0]!;
    const a = original.getNodeAttributes(id);
    const b = back.getNodeAttributes(id);
    expect(b).toMatchObject({ label: a.label, type: a.type, mentions: a.mentions, size: a.size });
    expect(b.x).toBeCloseTo(a.x, 3);
    expect(b.color).toMatch(/^rgb/);
    const edge = original.edges()[0]!;
    expect(back.getEdgeAttribute(edge, "kind")).toBe(original.getEdgeAttribute(edge, "kind"));
    expect(back.getEdgeAttribute(edge, "weight")).toBe(original.getEdgeAttribute(edge, "weight"));
  });

  it.skipIf(!hasNetworkx3)("reads in networkx 3 with labels, type, mentions, weight, kind, colours, sizes and positions", () => {
    const file = join(mkdtempSync(join(tmpdir(), "gexf-")), "seeds.gexf");
    writeFileSync(file, gexf);
    const out = JSON.parse(execFileSync("python3", ["-c", NETWORKX_READ, file], { encoding: "utf8" }));
    const original = seedCorpus().graph;
    expect(out.nodes).toBe(original.order);
    expect(out.node).toMatchObject({ label: expect.any(String), type: expect.any(String), mentions: expect.any(Number) });
    expect(out.node.viz).toMatchObject({ color: { r: expect.any(Number) }, size: expect.any(Number), position: { x: expect.any(Number) } });
    expect(out.edge).toMatchObject({ weight: expect.any(Number), kind: expect.any(String) });
  });

  it("writes no hex colours (networkx cannot read them) and no xsi:schemaLocation (the schema rejects it)", () => {
    expect(gexf).not.toMatch(/hex=/);
    expect(gexf).not.toMatch(/schemaLocation/);
  });
});
