import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/api/app.js";
import type { Store } from "../../server/store/store.js";
import { isLoopbackAddress } from "../../server/api/access.js";
import { CorpusWriter, buildReadModel } from "../../server/corpus-writer.js";
import { checkIntegrity, describeEachBackend } from "./backends.js";
import { syntheticArticle } from "./fixtures.js";

const MAX_BODY = 64 * 1024;

describeEachBackend("HTTP writes", (backend) => {
  const opened: Store[] = [];
  /** A fresh store and service per describe block, so counts in one block do not depend on another. */
  async function setup(token?: string) {
    const store = await backend.store(`graph-${opened.length}`);
    opened.push(store);
    const service = await CorpusWriter.open(store, buildReadModel);
    await service.ingest([syntheticArticle(100), syntheticArticle(101)]);
    const app = createApp({
      corpus: () => service.current(),
      write: { service, maxBodyBytes: MAX_BODY, ...(token ? { token } : {}) },
    });
    return { store, service, app };
  }

  afterAll(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  const article = (i: number) => syntheticArticle(i).text;

  describe("POST /api/documents with JSON", () => {
    let ctx: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => (ctx = await setup()));

    it("stores the document, answers its id and the graph change, and serves it at once", async () => {
      const res = await request(ctx.app)
        .post("/api/documents")
        .send({
          title: "Talks in Rome",
          date: "2025-03-04T09:00:00Z",
          source: "https://example.org/a",
          author: "A. Writer",
          text: article(5),
        })
        .expect(201);
      const [doc] = res.body.documents;
      expect(doc).toMatchObject({ title: "Talks in Rome", status: "created", from: "request body" });
      expect(doc.id).toMatch(/^[0-9a-f]{16}$/);
      expect(res.body.rejected).toEqual([]);
      const changed = [...res.body.change.entities.added, ...res.body.change.entities.updated];
      expect(changed.length).toBeGreaterThan(0);
      const stored = await request(ctx.app).get(`/api/documents/${doc.id}`).expect(200);
      expect(stored.body).toMatchObject({
        title: "Talks in Rome",
        date: "2025-03-04",
        author: "A. Writer",
        source: "https://example.org/a",
      });
      const graph = await request(ctx.app).get("/api/graph?limit=10000").expect(200);
      const nodes = new Set(graph.body.nodes.map((node: { key: string }) => node.key));
      for (const id of res.body.change.entities.added) expect(nodes).toContain(id);
    });

    it("stores the same content once and answers the existing id, whatever the title", async () => {
      const before = await ctx.store.countDocuments();
      const first = await request(ctx.app)
        .post("/api/documents")
        .send({ text: article(6) })
        .expect(201);
      const again = await request(ctx.app)
        .post("/api/documents")
        .send({ title: "Other title", text: article(6) })
        .expect(200);
      expect(again.body.documents[0]).toMatchObject({ id: first.body.documents[0].id, status: "existing" });
      expect(again.body.change.entities).toEqual({ added: [], updated: [], removed: [] });
      expect(await ctx.store.countDocuments()).toBe(before + 1);
    });

    it("takes an array, storing the good documents and reporting the bad ones", async () => {
      const res = await request(ctx.app)
        .post("/api/documents")
        .send([{ text: article(7) }, { text: "  " }])
        .expect(201);
      expect(res.body.documents).toHaveLength(1);
      expect(res.body.rejected).toEqual([{ where: "document 1", status: 400, error: "document 1: text is empty" }]);
    });

    it.each([
      ["invalid JSON, with the parser's reason", '{"text": "a', /^invalid JSON: /],
      ["an empty text", JSON.stringify({ text: " \n " }), /^text is empty$/],
      ["no text", JSON.stringify({ title: "x" }), /field "text" must be a string/],
      ["a misspelt field", JSON.stringify({ body: "x", text: "y" }), /unknown field "body"/],
      ["a date that is not a date", JSON.stringify({ text: "x", date: "2025-02-30" }), /field "date" must be an ISO date/],
      ["a field of the wrong type", JSON.stringify({ text: "x", title: 3 }), /field "title" must be a string/],
      ["not an object", "42", /expected an object/],
    ])("answers 400 for %s", async (_name, body, message) => {
      const res = await request(ctx.app).post("/api/documents").set("content-type", "application/json").send(body).expect(400);
      expect(res.body.error).toMatch(message);
    });

    it("answers 413 above the body limit, naming the limit", async () => {
      const res = await request(ctx.app)
        .post("/api/documents")
        .send({ text: "a".repeat(MAX_BODY + 1) })
        .expect(413);
      expect(res.body.error).toBe(`request body larger than the ${MAX_BODY}-byte limit`);
    });

    it("answers 415 for a content type it cannot read", async () => {
      const res = await request(ctx.app).post("/api/documents").set("content-type", "application/pdf").send("%PDF").expect(415);
      expect(res.body.error).toMatch(/unsupported content type "application\/pdf"/);
    });
  });

  describe("POST /api/documents with text and HTML bodies", () => {
    let ctx: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => (ctx = await setup()));

    it("takes text/plain, titled by its first line", async () => {
      const res = await request(ctx.app).post("/api/documents").set("content-type", "text/plain").send(article(10)).expect(201);
      expect(res.body.documents[0].title).toBe(article(10).split("\n")[0]);
    });

    it("takes text/html: the headline becomes the title, scripts and navigation are dropped", async () => {
      const html = `<html><head><title>Site</title><script>var secret = "Vladimir Putin";</script></head>
      <body><nav><a href="/">Home</a> <a>Donald Trump news</a></nav><article><h1>Talks &amp; trade</h1>
      ${article(11)
        .split("\n")
        .map((line) => `<p>${line}</p>`)
        .join("")}</article><footer>Cookie policy</footer></body></html>`;
      const res = await request(ctx.app).post("/api/documents").set("content-type", "text/html").send(html).expect(201);
      const doc = await request(ctx.app).get(`/api/documents/${res.body.documents[0].id}`).expect(200);
      expect(doc.body.title).toBe("Talks & trade");
      expect(doc.body.text).toContain("Talks & trade\n");
      for (const dropped of ["Putin", "Trump", "Home", "Cookie", "Site"]) expect(doc.body.text).not.toContain(dropped);
    });

    it("answers 400 naming the offset for bytes that are not UTF-8, and 400 for an empty body", async () => {
      const latin1 = Buffer.from("Prices rose by \xa35 in London.", "latin1");
      const bad = await request(ctx.app).post("/api/documents").set("content-type", "text/plain").send(latin1).expect(400);
      expect(bad.body.error).toBe("request body: not valid UTF-8 (byte 0xa3 at offset 15)");
      const empty = await request(ctx.app).post("/api/documents").set("content-type", "text/plain").send("").expect(400);
      expect(empty.body.error).toBe("request body: text is empty");
    });
  });

  describe("POST /api/documents with a multipart upload", () => {
    let ctx: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => (ctx = await setup()));

    const jsonl = [
      JSON.stringify({ title: "Line one", text: article(21) }),
      "",
      JSON.stringify({ text: article(22), date: "2025-05-06" }),
    ].join("\n");

    it("stores every good file (one document per JSONL line) and reports each bad one with its reason", async () => {
      const res = await request(ctx.app)
        .post("/api/documents")
        .attach("files", Buffer.from(article(20)), "a.txt")
        .attach("files", Buffer.from(`# Notes\n\n${article(23)}`), "b.md")
        .attach("files", Buffer.from(`<p>${article(24)}</p><script>x()</script>`), "c.html")
        .attach("files", Buffer.from(jsonl), "d.jsonl")
        .attach("files", Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), "scan.pdf")
        .attach("files", Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), "scan.txt")
        .attach("files", Buffer.from("caf\xe9 in Paris", "latin1"), "latin1.txt")
        .attach("files", Buffer.from(`${JSON.stringify({ text: article(25) })}\n{"text": oops}\n`), "e.jsonl")
        .expect(201);
      expect(res.body.documents.map((d: { from: string }) => d.from)).toEqual([
        "a.txt",
        "b.md",
        "c.html",
        "d.jsonl line 1",
        "d.jsonl line 3",
        "e.jsonl line 1",
      ]);
      expect(res.body.documents[3].title).toBe("Line one");
      expect(res.body.rejected).toEqual([
        { where: "scan.pdf", status: 415, error: expect.stringMatching(/^scan.pdf: unsupported file type ".pdf"/) },
        { where: "scan.txt", status: 415, error: "scan.txt: binary content, not text" },
        { where: "latin1.txt", status: 400, error: "latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3)" },
        { where: "e.jsonl line 2", status: 400, error: expect.stringMatching(/^e.jsonl line 2: invalid JSON: /) },
      ]);
      const html = await request(ctx.app).get(`/api/documents/${res.body.documents[2].id}`).expect(200);
      expect(html.body.text).not.toContain("x()");
    });

    it("fails as a whole when no file can be stored: one file's own status, or 400 with the list", async () => {
      const one = await request(ctx.app).post("/api/documents").attach("f", Buffer.from("%PDF\0"), "x.pdf").expect(415);
      expect(one.body.error).toMatch(/^x.pdf: unsupported file type/);
      const two = await request(ctx.app)
        .post("/api/documents")
        .attach("f", Buffer.from("%PDF\0"), "x.pdf")
        .attach("f", Buffer.from(" "), "empty.txt")
        .expect(400);
      expect(two.body.error).toBe("no document stored: 2 refused");
      expect(two.body.rejected.map((r: { status: number }) => r.status)).toEqual([415, 400]);
    });

    it("answers 413 for an upload over the limit, and 400 for an upload with no files", async () => {
      await request(ctx.app)
        .post("/api/documents")
        .attach("f", Buffer.alloc(MAX_BODY + 10, "a"), "big.txt")
        .expect(413);
      const none = await request(ctx.app).post("/api/documents").field("note", "hello").expect(400);
      expect(none.body.error).toBe("the upload has no files");
    });
  });

  describe("DELETE /api/documents/:id", () => {
    let ctx: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => (ctx = await setup()));

    it("removes the document, its mentions and evidence, and entities left with no evidence", async () => {
      const text = "Jacinda Ardern met Justin Trudeau in Wellington.\nArdern and Trudeau spoke about New Zealand and Canada.";
      const added = await request(ctx.app).post("/api/documents").send({ text }).expect(201);
      const id = added.body.documents[0].id;
      expect(added.body.change.entities.added).toEqual(expect.arrayContaining(["person:jacinda-ardern", "person:justin-trudeau"]));
      const res = await request(ctx.app).delete(`/api/documents/${id}`).expect(200);
      expect(res.body.id).toBe(id);
      expect(res.body.change.entities.removed).toEqual(added.body.change.entities.added);
      expect(res.body.change.edges.removed).toEqual(added.body.change.edges.added);
      await request(ctx.app).get(`/api/documents/${id}`).expect(404);
      await request(ctx.app)
        .get(`/api/entities/${encodeURIComponent("person:jacinda-ardern")}`)
        .expect(404);
      expect(await ctx.store.hasDocument(id)).toBe(false);
      expect(await checkIntegrity(ctx.store)).toBe("ok");
    });

    it("answers 404 with a JSON error for an unknown id, and for one already deleted", async () => {
      const res = await request(ctx.app).delete("/api/documents/0000000000000000").expect(404);
      expect(res.body).toEqual({ error: "unknown document: 0000000000000000" });
    });
  });

  describe("write access", () => {
    it("is absent from a read-only app (no service): 404", async () => {
      const { service } = await setup();
      const readOnly = createApp({ corpus: () => service.current() });
      await request(readOnly).post("/api/documents").send({ text: "x" }).expect(404);
    });

    it("with API_TOKEN: 401 without or with a wrong bearer token, accepted with it; reads stay open", async () => {
      const { app } = await setup("s3cret-token");
      const missing = await request(app)
        .post("/api/documents")
        .send({ text: article(30) })
        .expect(401);
      expect(missing.headers["www-authenticate"]).toMatch(/^Bearer/);
      await request(app)
        .post("/api/documents")
        .set("authorization", "Bearer nope")
        .send({ text: article(30) })
        .expect(401);
      await request(app).delete("/api/documents/x").expect(401);
      await request(app)
        .post("/api/documents")
        .set("authorization", "Bearer s3cret-token")
        .send({ text: article(30) })
        .expect(201);
      await request(app).get("/api/documents").expect(200);
    });

    it.each([
      ["127.0.0.1", true],
      ["127.8.9.10", true],
      ["::1", true],
      ["::ffff:127.0.0.1", true],
      ["192.0.2.2", false],
      ["::ffff:192.0.2.2", false],
      ["fd00::2", false],
      ["1270.0.0.1", false],
      [undefined, false],
    ])("treats %s as loopback: %s", (address, loopback) => {
      expect(isLoopbackAddress(address)).toBe(loopback);
    });

    // A real connection from a non-loopback address of this machine, where it has one.
    const external =
      Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === "IPv4" && !i.internal)?.address ?? "";
    it.skipIf(!external)("without API_TOKEN: 403 for a client that is not on loopback, reads open", async () => {
      const { app } = await setup();
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, external, () => resolve(s));
      });
      try {
        const url = `http://${external}:${(server.address() as AddressInfo).port}`;
        const res = await request(url)
          .post("/api/documents")
          .send({ text: article(31) })
          .expect(403);
        expect(res.body.error).toMatch(/only from this machine/);
        await request(url).get("/api/health").expect(200);
      } finally {
        await new Promise((r) => server.close(r));
      }
    });
  });

  describe("concurrent ingests", () => {
    it("stores each of 60 parallel posts (50 distinct texts, 10 repeated) exactly once", async () => {
      const { app, store, service } = await setup();
      const before = await store.countDocuments();
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, "127.0.0.1", () => resolve(s));
      });
      try {
        const texts = [
          ...Array.from({ length: 50 }, (_, i) => article(200 + i)),
          ...Array.from({ length: 10 }, (_, i) => article(200 + i)),
        ];
        const answers = await Promise.all(texts.map((text) => request(server).post("/api/documents").send({ text })));
        for (const a of answers) expect([200, 201]).toContain(a.status);
        const docs = answers.map((a) => a.body.documents[0]);
        expect(docs.filter((d) => d.status === "created")).toHaveLength(50);
        expect(docs.filter((d) => d.status === "existing")).toHaveLength(10);
        expect(new Set(docs.map((d) => d.id)).size).toBe(50);
        for (let i = 0; i < 10; i++) expect(docs[50 + i].id).toBe(docs[i].id);
        expect(await store.countDocuments()).toBe(before + 50);
        expect(await checkIntegrity(store)).toBe("ok");
        const reopened = await CorpusWriter.open(backend.open(store.location), buildReadModel);
        expect(reopened.current().graphJson()).toEqual(service.current().graphJson());
        await reopened.store.close();
      } finally {
        await new Promise((r) => server.close(r));
      }
    });
  });
});
