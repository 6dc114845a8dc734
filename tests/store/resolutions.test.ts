// A server starts from the stored rows instead of resolving the corpus again: the rows give back exactly the
// extraction resolution gives, they are trusted only when complete for this resolver, and rows that are not (another
// resolver wrote them, or a file from before they were kept) are rewritten when the corpus is loaded.
import Database from "better-sqlite3";
import pg from "pg";
import { expect, it } from "vitest";

import { CorpusWriter, buildExtractionOnly, buildReadModel } from "../../server/corpus-writer.js";
import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { listArticleFiles, readArticle } from "../../server/io/read-documents.js";
import { deriveRecords } from "../../server/store/derived.js";
import { extractionFromRows, resolutionStamp } from "../../server/store/resolutions.js";
import type { Correction } from "../../server/types.js";
import { repoRoot } from "../helpers/server.js";
import { describeEachBackend } from "./backends.js";
import { syntheticArticle } from "./fixtures.js";

const seeds = listArticleFiles([`${repoRoot}seeds`]).map((f) => readArticle(f, repoRoot));
const docs = [...seeds, ...[0, 1, 2].map(syntheticArticle)].map((input) => extractDocument(input));

/** SQL run on the store from outside, as another program would: to spoil rows and see who reads them. */
async function sql(location: string, statement: string): Promise<void> {
  if (/^postgres/.test(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    await client.query(statement);
    await client.end();
  } else {
    const db = new Database(location);
    db.exec(statement);
    db.close();
  }
}

it("gives back the exact extraction from the derived records, with and without corrections", () => {
  const plain = buildExtraction(docs);
  expect(extractionFromRows(docs, deriveRecords(plain))).toEqual(plain);
  // A hidden entity drops its mentions and edges; a merge moves mentions to another entity; both are in the rows.
  const [a, b, c] = plain.entities.filter((e) => e.type === "person");
  const ref = (e: { id: string }) => ({ id: e.id, keys: plain.mentions.filter((m) => m.entityId === e.id).map((m) => m.cluster) });
  const corrections = [
    { id: 1, action: "hide", entity: ref(a!), author: "t", at: "2026-01-01T00:00:00Z" },
    { id: 2, action: "merge", from: ref(b!), into: ref(c!), author: "t", at: "2026-01-01T00:00:00Z" },
  ] as Correction[];
  const corrected = buildExtraction(docs, { corrections });
  expect(corrected.corrections).toBeDefined();
  expect(corrected.mentions.length).toBeLessThan(plain.mentions.length);
  expect(extractionFromRows(docs, deriveRecords(corrected))).toEqual(corrected);
});

it("refuses rows that do not fit the documents", () => {
  const rows = deriveRecords(buildExtraction(docs));
  const [first] = rows.resolutions.keys();
  const moved = JSON.parse(rows.resolutions.get(first!)!) as unknown[][];
  moved[0]![1] = -1; // a mention at a place its document has none
  rows.resolutions.set(first!, JSON.stringify(moved));
  expect(extractionFromRows(docs, rows)).toBeUndefined();
});

describeEachBackend("starting from the stored rows", (backend) => {
  it("reads the resolution back from rows complete for this resolver, and resolves again when they are not", async () => {
    const location = await backend.location();
    const writer = await CorpusWriter.open(backend.open(location), buildReadModel);
    await writer.ingest(seeds);
    const resolved = writer.current().extraction;
    const graph = writer.current().graphJson();
    await writer.store.close();

    // A restart: the same extraction and graph, and the rows are what it was read from (a label spoiled in them shows).
    const again = await CorpusWriter.open(backend.open(location), buildReadModel);
    expect(again.current().extraction).toEqual(resolved);
    expect(again.current().graphJson()).toEqual(graph);
    await again.store.close();
    const id = resolved.entities[0]!.id;
    await sql(location, `UPDATE entities SET label = 'Spoiled' WHERE id = '${id}'`);
    const spoiled = await CorpusWriter.open(backend.open(location), buildExtractionOnly);
    expect(spoiled.current().extraction.entities.find((e) => e.id === id)!.label).toBe("Spoiled");
    await spoiled.store.close();

    // Rows another resolver wrote are not trusted: the corpus is resolved again and the rows rewritten, the version kept.
    const stamp = JSON.stringify({ version: 1, stamp: `not-${resolutionStamp()}` });
    await sql(location, `UPDATE derived_meta SET value = '${stamp}' WHERE key = 'complete'`);
    const store = backend.open(location);
    const rebuilt = await CorpusWriter.open(store, buildExtractionOnly);
    expect(rebuilt.current().extraction).toEqual(resolved);
    expect(await store.currentVersion()).toBe(1);
    const reread = await store.load({ derived: true });
    expect(reread.derived?.complete).toEqual({ version: 1, stamp: resolutionStamp() });
    expect(reread.derived?.rows).toEqual(deriveRecords(resolved));
    await store.close();
  });

  it("marks the rows complete only while every write keeps them so", async () => {
    const location = await backend.location();
    const store = backend.open(location);
    const writer = await CorpusWriter.open(store, buildExtractionOnly);
    await writer.ingest(seeds.slice(0, 2));
    await writer.ingest(seeds.slice(2));
    expect((await store.load({ derived: true })).derived?.complete).toEqual({ version: 2, stamp: resolutionStamp() });
    // A write that does not say its rows were complete (a tool writing by hand) clears the mark.
    await store.write({
      put: [],
      remove: [],
      derived: { entities: { put: [], remove: [] }, edges: { put: [], remove: [] }, resolutions: { put: [], remove: [] } },
      expectedVersion: 2,
    });
    expect((await store.load({ derived: true })).derived?.complete).toBeUndefined();
    await store.close();
  });
});
