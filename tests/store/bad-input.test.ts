// Inputs that once ended the server, answered 500 or ran a worker out of memory: each is now a 4xx naming the
// part that was wrong, or a document stored with what the limits cut, and the server keeps serving.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/api/app.js";
import { CorpusWriter, buildReadModel } from "../../server/corpus-writer.js";
import { LIMITS } from "../../server/extract/limits.js";
import { createExtractionPool } from "../../server/extract/pool/index.js";
import type { Store } from "../../server/store/store.js";
import { describeEachBackend } from "./backends.js";
import { syntheticArticle } from "./fixtures.js";

describeEachBackend("bad input", (backend) => {
  let ctx: { app: ReturnType<typeof createApp>; store: Store; service: CorpusWriter };

  beforeAll(async () => {
    const store = await backend.store("graph");
    const service = await CorpusWriter.open(store, buildReadModel);
    await service.ingest([syntheticArticle(1)]);
    ctx = { app: createApp({ corpus: () => service.current(), write: { service, maxBodyBytes: 2 * 1024 * 1024 } }), store, service };
  });
  afterAll(async () => {
    await ctx.store.close();
  });

  const BOUNDARY = "----fuzzBoundary42";
  const multipart = (body: string) =>
    request(ctx.app).post("/api/documents").set("Content-Type", `multipart/form-data; boundary=${BOUNDARY}`).send(Buffer.from(body));
  const filePart = (name: string, text: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${text}`;

  describe("a request that cannot end the process", () => {
    it("answers 400 naming the file for a multipart body that ends inside a file, and keeps serving", async () => {
      const res = await multipart(filePart("cut.txt", "Ann Other met Bo Dee in Ruritania")).expect(400);
      expect(res.body.error).toBe('bad multipart body: file "cut.txt": Unexpected end of form');
      // ends between parts, and inside the headers of a part
      const between = await multipart(`${filePart("a.txt", syntheticArticle(2).text)}\r\n--${BOUNDARY}`).expect(400);
      expect(between.body.error).toMatch(/^bad multipart body: /);
      await multipart(`--${BOUNDARY}\r\nContent-Disposition: form-da`).expect(400);
      const whole = await multipart(`${filePart("b.txt", syntheticArticle(3).text)}\r\n--${BOUNDARY}--\r\n`).expect(201);
      expect(whole.body.documents[0].from).toBe("b.txt");
      await request(ctx.app).get("/api/health").expect(200);
    });

    it("answers 400 for a 100 KB word without spaces (it was a 500: a regex built from the name was too large)", async () => {
      const res = await request(ctx.app)
        .post("/api/documents")
        .type("text/plain")
        .send(`Mr Quox${"a".repeat(100_000)} said so.`)
        .expect(400);
      expect(res.body.error).toBe(
        `request body: a word of 100004 characters without a space at offset 3 (limit ${LIMITS.tokenChars}): not prose`,
      );
    });

    it("answers 413 for a 1 MB line (it ran extraction workers out of memory), naming the limit", async () => {
      const line = Array.from({ length: 150_000 }, (_, i) => ["Mr Quill", "met", "Ondra", "in", "Velm"][i % 5]).join(" ");
      const res = await request(ctx.app).post("/api/documents").type("text/plain").send(line).expect(413);
      expect(res.body.error).toMatch(new RegExp(`above the ${LIMITS.documentChars}-character limit per document`));
    });

    it("stores a document with a very long sentence, read in pieces, and says so in the answer", async () => {
      const sentence = Array.from({ length: 1200 }, (_, i) => `Mira Tolland visited Quenby and Ostrava on day ${i}`).join(", ");
      const res = await request(ctx.app)
        .post("/api/documents")
        .send({ text: `${sentence}.` })
        .expect(201);
      expect(res.body.documents[0].cut[0]).toBe(`1 sentence(s) longer than ${LIMITS.sentenceChars} characters read in pieces`);
      const doc = await request(ctx.app).get(`/api/documents/${res.body.documents[0].id}`).expect(200);
      expect(doc.body.text.length).toBe(sentence.length + 1); // the text is stored whole
    });
  });
});

describe("the extraction pool", () => {
  const pool = createExtractionPool(1, {
    entry: new URL("../helpers/failing-worker.mjs", import.meta.url),
    maxHeapMb: 300,
    budgetMs: 15_000, // a fresh worker loads its model inside the budget of its first document
  });
  afterAll(() => pool.close());

  it("fails only the document whose worker ran out of memory or time, and replaces the worker", async () => {
    const ok = (i: number) => ({ text: syntheticArticle(i).text });
    const outcomes = await pool.extractEach([ok(10), { text: "exhaust memory" }, ok(11), { text: "spin forever" }, ok(12)]);
    const summary = outcomes.map((o) => ("refused" in o ? `${o.refused.status} ${o.refused.message}` : `ok ${o.extraction.doc.id}`));
    expect(summary[0]).toMatch(/^ok /);
    expect(summary[1]).toBe("413 extraction ran out of memory (300 MB per worker)");
    expect(summary[2]).toMatch(/^ok /);
    expect(summary[3]).toBe("413 extraction took longer than the 15 s budget per document");
    expect(summary[4]).toMatch(/^ok /);
  }, 120_000);
});
