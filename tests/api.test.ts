import request from "supertest";
import { describe, expect, it } from "vitest";

import { createApp } from "../server/api/app.js";
import { toGexf } from "../server/graph/gexf.js";
import { ENTITY_TYPES } from "../server/types.js";
import { seedCorpus } from "./helpers/server.js";

const app = createApp({ corpus: seedCorpus });

describe("GET /api/graph", () => {
  it("serves graphology's serialized graph with the attribute contract", async () => {
    const res = await request(app).get("/api/graph").expect(200);
    expect(res.body.options).toMatchObject({ multi: true, type: "mixed" });
    expect(res.body.nodes.length).toBeGreaterThan(10);
    for (const n of res.body.nodes) {
      expect(ENTITY_TYPES).toContain(n.attributes.type);
      expect(n.attributes).toMatchObject({ label: expect.any(String), aliases: expect.any(Array), mentions: expect.any(Number) });
      expect(n.attributes).toMatchObject({ documents: expect.any(Number), x: expect.any(Number), y: expect.any(Number) });
      expect(n.attributes).toMatchObject({ size: expect.any(Number), color: expect.any(String) });
    }
    for (const e of res.body.edges) {
      expect(["co-mention", "stance"]).toContain(e.attributes.kind);
      expect(e.attributes.weight).toBeGreaterThan(0);
      expect(Boolean(e.undirected)).toBe(e.attributes.kind === "co-mention");
    }
  });
});

describe("GET /api/entities/:id", () => {
  it("returns the entity and the sentences that mention it, with offsets on the mention", async () => {
    const res = await request(app)
      .get(`/api/entities/${encodeURIComponent("country:united-states")}`)
      .expect(200);
    expect(res.body.label).toBe("United States");
    expect(res.body.aliases).toEqual(expect.arrayContaining(["U.S.", "America"]));
    expect(res.body.sentences.length).toBe(res.body.mentions);
    for (const m of res.body.sentences) {
      expect(m.text.slice(m.start, m.end)).toBe(m.surface);
      expect(m.docTitle).toEqual(expect.any(String));
    }
  });

  it("answers 404 with a JSON error for an unknown id", async () => {
    const res = await request(app).get("/api/entities/person:nobody").expect(404);
    expect(res.body).toEqual({ error: "unknown entity: person:nobody" });
  });
});

describe("GET /api/edges/:id", () => {
  it("returns the evidence sentences with both ends highlighted", async () => {
    const id = seedCorpus().extraction.edges.find((e) => e.kind === "co-mention" && e.evidence.length > 1)!.id;
    const res = await request(app)
      .get(`/api/edges/${encodeURIComponent(id)}`)
      .expect(200);
    expect(res.body.weight).toBe(res.body.evidence.length);
    for (const ev of res.body.evidence) {
      const roles = ev.highlights.map((h: { role: string }) => h.role);
      expect(roles).toEqual(expect.arrayContaining(["source", "target"]));
    }
  });

  it("answers 404 for an unknown edge", async () => {
    await request(app).get("/api/edges/a--b").expect(404).expect("content-type", /json/);
  });
});

describe("documents", () => {
  it("lists the five seed articles and serves one with its text and mentions", async () => {
    const list = await request(app).get("/api/documents").expect(200);
    expect(list.body).toHaveLength(5);
    const doc = await request(app).get(`/api/documents/${list.body[0].id}`).expect(200);
    expect(doc.body.text.length).toBeGreaterThan(500);
    for (const m of doc.body.mentions) expect(m.end).toBeGreaterThan(m.start);
  });

  it("answers 404 for an unknown document", async () => {
    await request(app).get("/api/documents/nope").expect(404);
  });
});

describe("export and health", () => {
  it("serves GEXF as an attachment", async () => {
    const res = await request(app)
      .get("/api/export.gexf")
      .buffer(true)
      .parse((r, done) => {
        let text = "";
        r.setEncoding("utf8");
        r.on("data", (chunk: string) => (text += chunk));
        r.on("end", () => done(null, text));
      })
      .expect(200)
      .expect("content-type", /gexf/);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="?entity-graph-all\.gexf"?$/);
    expect(res.body).toContain('<gexf version="1.3"');
    // written in chunks as it is sent (server/graph/gexf-stream.ts): graphology-gexf's text of the served graph
    expect(res.body).toBe(toGexf(seedCorpus().graph));
  });

  it("reports health and 404s unknown endpoints as JSON", async () => {
    const health = await request(app).get("/api/health").expect(200);
    expect(health.body).toMatchObject({ ok: true, documents: 5 });
    await request(app).get("/api/nothing").expect(404).expect("content-type", /json/);
  });
});

describe("answers encoded once", () => {
  it("gzips a large graph for clients that accept it, gives its ETag, and answers 304 when it has not changed", async () => {
    const plain = await request(app).get("/api/graph").set("Accept-Encoding", "identity").expect(200);
    const zipped = await request(app).get("/api/graph").set("Accept-Encoding", "gzip").expect(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.body).toEqual(plain.body); // supertest unzips
    const etag = plain.headers.etag!;
    expect(etag).toMatch(/^W\/"/);
    await request(app).get("/api/graph").set("If-None-Match", etag).expect(304);
  });
});

describe("GET /api/search", () => {
  it("finds entities of the whole corpus by name or alias, best first", async () => {
    const res = await request(app).get("/api/search?q=zelenskyy").expect(200);
    expect(res.body[0]).toMatchObject({ id: expect.stringMatching(/^person:/), type: "person" });
    const byAlias = await request(app).get("/api/search?q=Kremlin").expect(200);
    expect(byAlias.body[0]).toMatchObject({ label: "Russia", via: "Kremlin" });
  });

  it.each([["/api/search"], ["/api/search?q=%20"], ["/api/search?q=x&limit=0"], ["/api/search?q=x&limit=many"]])(
    "%s answers 400",
    async (url) => {
      const res = await request(app).get(url).expect(400);
      expect(res.body.error).toMatch(/query|limit/);
    },
  );
});

describe("entity sentences in pages", () => {
  it("answers a page of sentences with the total, and a timeline of all of them", async () => {
    const id = encodeURIComponent("country:ukraine");
    const all = await request(app).get(`/api/entities/${id}`).expect(200);
    expect(all.body.sentencesTotal).toBe(all.body.mentions);
    const page = await request(app).get(`/api/entities/${id}?offset=2&limit=3`).expect(200);
    expect(page.body.sentences).toEqual(all.body.sentences.slice(2, 5));
    expect(page.body.sentencesTotal).toBe(all.body.sentencesTotal);
    const counted = Object.values(all.body.timeline as Record<string, number>).reduce((a, b) => a + b, 0) + all.body.undated;
    expect(counted).toBe(all.body.mentions);
  });

  it.each([["?limit=0"], ["?limit=x"], ["?offset=-1"], ["?limit=5001"]])("%s answers 400", async (q) => {
    await request(app)
      .get(`/api/entities/${encodeURIComponent("country:ukraine")}${q}`)
      .expect(400);
  });
});
