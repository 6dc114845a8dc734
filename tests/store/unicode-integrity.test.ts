// Text is stored exactly as sent, or refused: random Unicode posted through the API comes back the same after a
// restart and after `npm run ingest -- --rebuild` (ids, texts, highlights), and every highlight reads its surface.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { join } from "node:path";

import fc from "fast-check";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/api/app.js";
import { type CorpusView, CorpusWriter, buildReadModel, buildExtractionOnly } from "../../server/corpus-writer.js";
import { contentHash } from "../../server/extract/01-documents.js";
import { SqliteStore } from "../../server/store/sqlite.js";
import { repoRoot } from "../helpers/server.js";
import { tempDir } from "./fixtures.js";

const { dir, remove } = tempDir("unicode-");
afterAll(remove);

/** `npm run ingest -- --rebuild` on the store, in a child process (asynchronously: the test runner stays responsive). */
async function rebuild(db: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const args = ["--import", "tsx", join(repoRoot, "scripts", "ingest.ts"), "--rebuild", "--workers", "0"];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: db },
    });
    return { status: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every stored document as the API serves it (text, metadata, mention offsets), by id. */
async function snapshot(db: string): Promise<Map<string, unknown>> {
  const service = await CorpusWriter.open(new SqliteStore(db), buildReadModel);
  try {
    const app = createApp({ corpus: () => service.current() });
    const docs = new Map<string, unknown>();
    for (const { id } of (await request(app).get("/api/documents").expect(200)).body) {
      docs.set(id, (await request(app).get(`/api/documents/${id}`).expect(200)).body);
    }
    return docs;
  } finally {
    await service.store.close();
  }
}

/** The checks that make offsets trustworthy: each id is the hash of its text, each mention's span reads its surface. */
function checkOffsets(view: CorpusView): void {
  const sentences = new Map(view.extraction.sentences.map((s) => [s.id, s]));
  for (const { doc } of view.docExtractions) expect(doc.id).toBe(contentHash(doc.text).slice(0, 16));
  const texts = new Map(view.docExtractions.map(({ doc }) => [doc.id, doc.text]));
  for (const m of view.extraction.mentions) {
    const s = sentences.get(m.sentenceId)!;
    expect(s.text.slice(m.start, m.end)).toBe(m.surface);
    expect(texts.get(m.docId)!.slice(s.start + m.start, s.start + m.end)).toBe(m.surface);
  }
}

// Pieces of a news sentence, and the characters an attacker or a careless pipeline would add between them.
const WORDS = ["Tony Blair", "Gordon Brown", "met", "London", "in", "on Monday", "Angela Merkel", "said", "France", "NATO"];
const ODD = [
  "\u{1F600}", // astral emoji
  "\u{1D400}", // mathematical bold A
  "\u{20000}", // CJK extension B
  "e\u0301", // e + combining acute (not NFC)
  "\u0301", // a combining mark on its own
  "\u200f", // right-to-left mark
  "\u202e", // right-to-left override
  "\u200d", // zero-width joiner
  "\u0000", // NUL
  "\ufeff", // BOM inside the text
  "\u05e9\u05dc\u05d5\u05dd", // Hebrew
];
const LONE = ["\ud800", "\udfff", "\udc00\ud83d"];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) },
);
const sentence = fc.array(piece, { minLength: 3, maxLength: 12 }).map((parts) => `${parts.join(" ")}.`);
const wellFormed = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((lines) => lines.join("\n"));
// One article in four has half a surrogate pair somewhere (JSON can carry it as an escape).
const poisoned = fc
  .tuple(wellFormed, fc.constantFrom(...LONE), fc.nat())
  .map(([text, lone, at]) => text.slice(0, at % text.length) + lone + text.slice(at % text.length));
const article = fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 1, arbitrary: poisoned });

const hasLoneSurrogate = (s: string) => /[\ud800-\udfff]/u.test(s);

describe("Unicode integrity", () => {
  it("refuses a lone surrogate with a 400 that says where, and stores nothing", async () => {
    const db = join(dir, "lone.db");
    const service = await CorpusWriter.open(new SqliteStore(db), buildReadModel);
    const app = createApp({ corpus: () => service.current(), write: { service, maxBodyBytes: 1 << 20 } });
    const body = '{"text":"Tony Blair met \\ud800 Gordon Brown in London on Monday."}';
    const res = await request(app).post("/api/documents").set("content-type", "application/json").send(body).expect(400);
    expect(res.body.error).toBe('field "text" has a lone surrogate \\ud800 at index 15: not Unicode text');
    const batch = [{ text: "Tony Blair met Gordon Brown." }, { title: "x\udc00", text: "Angela Merkel met Tony Blair." }];
    const mixed = await request(app).post("/api/documents").send(JSON.stringify(batch)).set("content-type", "application/json");
    expect(mixed.status).toBe(201);
    expect(mixed.body.rejected).toEqual([
      { where: "document 1", status: 400, error: 'document 1: field "title" has a lone surrogate \\udc00 at index 1: not Unicode text' },
    ]);
    const jsonl = await request(app)
      .post("/api/documents")
      .attach("files", Buffer.from('{"text":"Gordon Brown \\udfff met Tony Blair."}\n'), "a.jsonl")
      .expect(400);
    expect(jsonl.body.error).toMatch(/^a.jsonl line 1: field "text" has a lone surrogate \\udfff at index 13/);
    expect(await service.store.countDocuments()).toBe(1);
    await service.store.close();
  });

  it("a store written before the check (the surrogate stored as U+FFFD) is rebuilt into one document with the right highlights", async () => {
    const db = join(dir, "legacy.db");
    const service = await CorpusWriter.open(new SqliteStore(db), buildReadModel);
    // What the API stored before lone surrogates were refused: the service itself does not check.
    await service.ingest([{ text: "Tony Blair met \ud800 Gordon Brown in London on Monday." }]);
    await service.store.close();

    const res = await rebuild(db);
    expect(res.stderr).not.toMatch(/Error/);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/store: 1 documents/);
    const reopened = await CorpusWriter.open(new SqliteStore(db), buildExtractionOnly);
    const [only, ...others] = reopened.current().docExtractions;
    expect(others).toEqual([]);
    expect(only!.doc.text).toBe("Tony Blair met \ufffd\ufffd\ufffd Gordon Brown in London on Monday."); // what SQLite kept
    checkOffsets(reopened.current());
    expect(only!.mentions.map((m) => m.surface)).toEqual(expect.arrayContaining(["Tony Blair", "Gordon Brown", "London"]));
    await reopened.store.close();
  });

  it("random Unicode: the same ids, texts and highlights after a restart and a rebuild; every highlight reads its surface", async () => {
    const db = join(dir, "random.db");
    const service = await CorpusWriter.open(new SqliteStore(db), buildReadModel);
    const app = createApp({ corpus: () => service.current(), write: { service, maxBodyBytes: 1 << 20 } });
    const posted = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(article, async (text) => {
        const res = await request(app).post("/api/documents").send({ text });
        if (hasLoneSurrogate(text)) {
          expect(res.status).toBe(400);
          expect(res.body.error).toMatch(/lone surrogate \\u[0-9a-f]{4} at index \d+/);
          return;
        }
        if (text.trim() === "") return expect(res.status).toBe(400);
        expect([200, 201]).toContain(res.status);
        const id = res.body.documents[0].id;
        expect(id).toBe(contentHash(text).slice(0, 16));
        posted.set(id, text);
        const stored = await request(app).get(`/api/documents/${id}`).expect(200);
        expect(stored.body.text).toBe(text);
      }),
      { numRuns: 40 },
    );
    expect(posted.size).toBeGreaterThan(15);
    checkOffsets(service.current());
    await service.store.close();

    const before = await snapshot(db);
    expect([...before.keys()].sort()).toEqual([...posted.keys()].sort());
    for (const [id, doc] of before) expect((doc as { text: string }).text).toBe(posted.get(id));

    expect(await snapshot(db)).toEqual(before); // restart
    const res = await rebuild(db);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`${posted.size} re-extracted`));
    expect(await snapshot(db)).toEqual(before); // rebuild
    const reopened = await CorpusWriter.open(new SqliteStore(db), buildExtractionOnly);
    checkOffsets(reopened.current());
    await reopened.store.close();
  }, 120_000);
});
