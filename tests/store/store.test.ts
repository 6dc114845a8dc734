import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";

import { CorpusService, buildExtractionOnly } from "../../server/corpus-service.js";
import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { deriveRecords, diffDerived, emptyDerived } from "../../server/store/derived.js";
import type { Correction } from "../../server/types.js";
import { SqliteStore, StoreFormatError } from "../../server/store/sqlite.js";
import { StoreConflictError } from "../../server/store/store.js";
import { syntheticArticle, tempDir } from "./fixtures.js";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function freshStore(): SqliteStore {
  const { dir, remove } = tempDir();
  const store = new SqliteStore(`${dir}/graph.db`);
  cleanups.push(() => {
    void store.close();
    remove();
  });
  return store;
}

const inputs = [0, 1, 2, 3].map(syntheticArticle);
const extracted = inputs.map((input) => ({ input, extraction: extractDocument(input) }));

describe("SqliteStore", () => {
  it("gives back exactly the extractions it was given, and the derived records of all of them", async () => {
    const store = freshStore();
    const derived = deriveRecords(buildExtraction(extracted.map((e) => e.extraction)));
    const { rows } = diffDerived(emptyDerived(), derived);
    const version = await store.write({ put: extracted, remove: [], derived: rows, expectedVersion: 0 });
    expect(version).toBe(1);
    const loaded = await store.load();
    expect(loaded.version).toBe(1);
    const byId = (a: { doc: { id: string } }, b: { doc: { id: string } }) => a.doc.id.localeCompare(b.doc.id);
    expect(loaded.documents).toEqual(extracted.map((e) => e.extraction).sort(byId));
    expect(await store.loadDerived()).toEqual(derived);
    expect(store.checkIntegrity()).toBe("ok");
  });

  it("keeps what was given for re-extraction: a derived title is not frozen into the input", async () => {
    const store = freshStore();
    const one = extracted[0]!;
    const { rows } = diffDerived(emptyDerived(), deriveRecords(buildExtraction([one.extraction])));
    await store.write({ put: [one], remove: [], derived: rows, expectedVersion: 0 });
    expect(await store.loadInputs()).toEqual([one.input]);
    expect(await store.hasDocument(one.extraction.doc.id)).toBe(true);
    expect(await store.countDocuments()).toBe(1);
  });

  it("deletes a document with its rows, and removes entities and edges left without evidence", async () => {
    const store = freshStore();
    const all = deriveRecords(buildExtraction(extracted.map((e) => e.extraction)));
    await store.write({ put: extracted, remove: [], derived: diffDerived(emptyDerived(), all).rows, expectedVersion: 0 });
    const gone = extracted[3]!.extraction.doc.id;
    const rest = deriveRecords(buildExtraction(extracted.slice(0, 3).map((e) => e.extraction)));
    await store.write({ put: [], remove: [gone], derived: diffDerived(all, rest).rows, expectedVersion: 1 });
    expect(await store.hasDocument(gone)).toBe(false);
    expect(await store.loadDerived()).toEqual(rest);
    expect(store.checkIntegrity()).toBe("ok");
  });

  it("refuses a write computed from an older version, and changes nothing", async () => {
    const store = freshStore();
    const write = { put: [extracted[0]!], remove: [], derived: diffDerived(emptyDerived(), emptyDerived()).rows };
    await store.write({ ...write, expectedVersion: 0 });
    await expect(store.write({ ...write, expectedVersion: 0 })).rejects.toBeInstanceOf(StoreConflictError);
    expect((await store.load()).version).toBe(1);
  });

  it("rolls back the whole write when a derived row points at nothing (foreign keys checked at commit)", async () => {
    const store = freshStore();
    const edge = { id: "a--b", kind: "co-mention" as const, source: "person:a", target: "person:b", evidence: [] };
    const derived = { entities: { put: [], remove: [] }, edges: { put: [edge], remove: [] }, clusters: { put: [], remove: [] } };
    await expect(store.write({ put: [extracted[0]!], remove: [], derived, expectedVersion: 0 })).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.countDocuments()).toBe(0);
  });

  it("keeps where a stance's target is written when it is named in another sentence", async () => {
    const store = freshStore();
    const input = { text: "Tony Blair spoke in Leeds on Friday.\nLiam Fox accused him of hiding from voters." };
    const extraction = extractDocument(input);
    expect(extraction.stances.map((s) => s.targetSpan)).toEqual([[17, 20]]);
    const { rows } = diffDerived(emptyDerived(), deriveRecords(buildExtraction([extraction])));
    await store.write({ put: [{ input, extraction }], remove: [], derived: rows, expectedVersion: 0 });
    expect((await store.load()).documents).toEqual([extraction]);
  });

  it("upgrades a version-2 file in place: stances gain the target columns, corrections its table, and what was stored stays", async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const path = `${dir}/v2.db`;
    const old = new SqliteStore(path);
    const one = extracted[0]!;
    const { rows } = diffDerived(emptyDerived(), deriveRecords(buildExtraction([one.extraction])));
    await old.write({ put: [one], remove: [], derived: rows, expectedVersion: 0 });
    await old.close();
    // What a version-2 file looks like: the stances table without the two columns, and no corrections.
    const db = new Database(path);
    db.exec("ALTER TABLE stances DROP COLUMN target_start; ALTER TABLE stances DROP COLUMN target_end; DROP TABLE corrections;");
    db.pragma("user_version = 2");
    db.close();

    const upgraded = new SqliteStore(path);
    cleanups.push(() => void upgraded.close());
    expect((await upgraded.load()).documents).toEqual([one.extraction]);
    const check = new Database(path, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(4);
    expect((check.prepare("SELECT name FROM pragma_table_info('stances')").all() as { name: string }[]).map((c) => c.name)).toContain(
      "target_end",
    );
    check.close();
    expect((await upgraded.load()).corrections).toEqual([]);
  });

  it("upgrades a version-3 file in place: the corrections table is added, and a correction can be stored", async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const path = `${dir}/v3.db`;
    await new SqliteStore(path).close();
    const db = new Database(path);
    db.exec("DROP TABLE corrections;");
    db.pragma("user_version = 3");
    db.close();
    const upgraded = new SqliteStore(path);
    cleanups.push(() => void upgraded.close());
    const correction = {
      id: 1,
      action: "hide",
      entity: { id: "person:x", keys: ["person:x"] },
      author: "local",
      at: "2026-01-01T00:00:00Z",
    } satisfies Correction;
    const none = { put: [], remove: [] };
    await upgraded.write({
      put: [],
      remove: [],
      derived: { entities: none, edges: none, clusters: none },
      expectedVersion: 0,
      corrections: { put: [correction], remove: [] },
    });
    expect(await upgraded.load()).toMatchObject({ corrections: [correction], nextCorrectionId: 2 });
  });

  it("refuses an SQLite file that is not a store, instead of adding tables to it", () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const other = new Database(`${dir}/other.db`);
    other.exec("CREATE TABLE notes (text TEXT)");
    other.close();
    expect(() => new SqliteStore(`${dir}/other.db`)).toThrow(StoreFormatError);
  });
});

describe("two writers on one file (the CLI while the server runs)", () => {
  it("the stale writer reloads and retries: both writes land and the derived rows stay exact", async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const first = await CorpusService.open(new SqliteStore(`${dir}/g.db`), buildExtractionOnly);
    const second = await CorpusService.open(new SqliteStore(`${dir}/g.db`), buildExtractionOnly);
    await first.ingest([inputs[0]!]);
    const result = await second.ingest([inputs[1]!]);
    expect(result.documents[0]!.status).toBe("created");
    expect(second.current().docExtractions).toHaveLength(2);
    const check = new SqliteStore(`${dir}/g.db`);
    const { documents } = await check.load();
    expect(await check.loadDerived()).toEqual(deriveRecords(buildExtraction(documents)));
    await Promise.all([first.store.close(), second.store.close(), check.close()]);
  });
});
