import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";

import { CorpusWriter, buildExtractionOnly } from "../../server/corpus-writer.js";
import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { deriveRecords, diffDerived, emptyDerived } from "../../server/store/derived.js";
import type { Correction } from "../../server/types.js";
import { SqliteStore, StoreFormatError } from "../../server/store/sqlite.js";
import { PgStore } from "../../server/store/postgres.js";
import { SCHEMA_VERSION } from "../../server/store/postgres-schema.js";
import { StoreConflictError } from "../../server/store/store.js";
import { BACKENDS, type Backend, PG_TEST_URL, checkIntegrity, describeEachBackend } from "./backends.js";
import { syntheticArticle, tempDir } from "./fixtures.js";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function freshStore(backend: Backend) {
  const store = backend.open(await backend.location());
  cleanups.push(() => store.close());
  return store;
}

// What a version-4 file looks like: a cluster table in place of the resolutions, and no entity facts.
const BACK_TO_V4 = `
DROP VIEW resolved_mentions; DROP TABLE resolutions; DROP TABLE derived_meta; ALTER TABLE entities DROP COLUMN facts;
CREATE TABLE clusters (cluster TEXT PRIMARY KEY, entity_id TEXT NOT NULL) STRICT, WITHOUT ROWID;
CREATE VIEW resolved_mentions AS SELECT m.*, c.entity_id FROM mentions m JOIN clusters c ON c.cluster = m.cluster;`;

const inputs = [0, 1, 2, 3].map(syntheticArticle);
const extracted = inputs.map((input) => ({ input, extraction: extractDocument(input) }));

describeEachBackend("store", (backend) => {
  it("gives back exactly the extractions it was given, and the derived records of all of them", async () => {
    const store = await freshStore(backend);
    const derived = deriveRecords(buildExtraction(extracted.map((e) => e.extraction)));
    const { rows } = diffDerived(emptyDerived(), derived);
    const version = await store.write({ put: extracted, remove: [], derived: rows, expectedVersion: 0 });
    expect(version).toBe(1);
    const loaded = await store.load();
    expect(loaded.version).toBe(1);
    const byId = (a: { doc: { id: string } }, b: { doc: { id: string } }) => a.doc.id.localeCompare(b.doc.id);
    expect(loaded.documents).toEqual(extracted.map((e) => e.extraction).sort(byId));
    expect(await store.loadDerived()).toEqual(derived);
    expect(await checkIntegrity(store)).toBe("ok");
  });

  it("keeps what was given for re-extraction: a derived title is not frozen into the input", async () => {
    const store = await freshStore(backend);
    const one = extracted[0]!;
    const { rows } = diffDerived(emptyDerived(), deriveRecords(buildExtraction([one.extraction])));
    await store.write({ put: [one], remove: [], derived: rows, expectedVersion: 0 });
    expect(await store.loadInputs()).toEqual([one.input]);
    expect(await store.hasDocument(one.extraction.doc.id)).toBe(true);
    expect(await store.countDocuments()).toBe(1);
  });

  it("deletes a document with its rows, and removes entities and edges left without evidence", async () => {
    const store = await freshStore(backend);
    const all = deriveRecords(buildExtraction(extracted.map((e) => e.extraction)));
    await store.write({ put: extracted, remove: [], derived: diffDerived(emptyDerived(), all).rows, expectedVersion: 0 });
    const gone = extracted[3]!.extraction.doc.id;
    const rest = deriveRecords(buildExtraction(extracted.slice(0, 3).map((e) => e.extraction)));
    await store.write({ put: [], remove: [gone], derived: diffDerived(all, rest).rows, expectedVersion: 1 });
    expect(await store.hasDocument(gone)).toBe(false);
    expect(await store.loadDerived()).toEqual(rest);
    expect(await checkIntegrity(store)).toBe("ok");
  });

  it("refuses a write computed from an older version, and changes nothing", async () => {
    const store = await freshStore(backend);
    const write = { put: [extracted[0]!], remove: [], derived: diffDerived(emptyDerived(), emptyDerived()).rows };
    await store.write({ ...write, expectedVersion: 0 });
    await expect(store.write({ ...write, expectedVersion: 0 })).rejects.toBeInstanceOf(StoreConflictError);
    expect((await store.load()).version).toBe(1);
  });

  it("rolls back the whole write when a derived row points at nothing (foreign keys checked at commit)", async () => {
    const store = await freshStore(backend);
    const edge = { id: "a--b", kind: "co-mention" as const, source: "person:a", target: "person:b", evidence: [] };
    const derived = { entities: { put: [], remove: [] }, edges: { put: [edge], remove: [] }, resolutions: { put: [], remove: [] } };
    await expect(store.write({ put: [extracted[0]!], remove: [], derived, expectedVersion: 0 })).rejects.toThrow(/foreign key/i);
    expect(await store.countDocuments()).toBe(0);
  });

  it("keeps where a stance's target is written when it is named in another sentence", async () => {
    const store = await freshStore(backend);
    const input = { text: "Tony Blair spoke in Leeds on Friday.\nLiam Fox accused him of hiding from voters." };
    const extraction = extractDocument(input);
    expect(extraction.stances.map((s) => s.targetSpan)).toEqual([[17, 20]]);
    const { rows } = diffDerived(emptyDerived(), deriveRecords(buildExtraction([extraction])));
    await store.write({ put: [{ input, extraction }], remove: [], derived: rows, expectedVersion: 0 });
    expect((await store.load()).documents).toEqual([extraction]);
  });

  it("the stale writer reloads and retries: both writes land and the derived rows stay exact (two writers, one store)", async () => {
    const location = await backend.location();
    const first = await CorpusWriter.open(backend.open(location), buildExtractionOnly);
    const second = await CorpusWriter.open(backend.open(location), buildExtractionOnly);
    await first.ingest([inputs[0]!]);
    const result = await second.ingest([inputs[1]!]);
    expect(result.documents[0]!.status).toBe("created");
    expect(second.current().docExtractions).toHaveLength(2);
    const check = backend.open(location);
    const { documents } = await check.load();
    expect(await check.loadDerived()).toEqual(deriveRecords(buildExtraction(documents)));
    await Promise.all([first.store.close(), second.store.close(), check.close()]);
  });
});

describe("SqliteStore files", () => {
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
    db.exec(BACK_TO_V4);
    db.exec("ALTER TABLE stances DROP COLUMN target_start; ALTER TABLE stances DROP COLUMN target_end; DROP TABLE corrections;");
    db.pragma("user_version = 2");
    db.close();

    const upgraded = new SqliteStore(path);
    cleanups.push(() => void upgraded.close());
    expect((await upgraded.load()).documents).toEqual([one.extraction]);
    const check = new Database(path, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(5);
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
    db.exec(BACK_TO_V4);
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
      derived: { entities: none, edges: none, resolutions: none },
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

describeEachBackend("corrections log", (backend) => {
  it("keeps corrections by id, and an undone id is never given again", async () => {
    const store = await freshStore(backend);
    const none = { put: [], remove: [] };
    const derived = { entities: none, edges: none, resolutions: none };
    const correction = (id: number) =>
      ({
        id,
        action: "hide",
        entity: { id: "person:x", keys: ["person:x"] },
        author: "local",
        at: "2026-01-01T00:00:00Z",
      }) satisfies Correction;
    await store.write({
      put: [],
      remove: [],
      derived,
      expectedVersion: 0,
      corrections: { put: [correction(1), correction(2)], remove: [] },
    });
    await store.write({ put: [], remove: [], derived, expectedVersion: 1, corrections: { put: [], remove: [2] } });
    expect(await store.load()).toMatchObject({ corrections: [correction(1)], nextCorrectionId: 3, version: 2 });
  });
});

describe.skipIf(!PG_TEST_URL)(`PgStore databases${PG_TEST_URL ? "" : " [skipped, PG_TEST_URL not set]"}`, () => {
  const backend = BACKENDS.find((b) => b.name === "postgres")!;
  afterAll(() => backend.cleanup());

  it("upgrades a version-3 database in place: the corrections table and the queue are added, what was stored stays", async () => {
    const location = await backend.location();
    const old = new PgStore(location);
    const one = extracted[0]!;
    const { rows } = diffDerived(emptyDerived(), deriveRecords(buildExtraction([one.extraction])));
    await old.write({ put: [one], remove: [], derived: rows, expectedVersion: 0 });
    const pool = await old.connection();
    await pool.query(
      `DROP VIEW resolved_mentions; DROP TABLE resolutions, derived_meta; ALTER TABLE entities DROP COLUMN facts;
       CREATE TABLE clusters (cluster text PRIMARY KEY, entity_id text NOT NULL);
       CREATE VIEW resolved_mentions AS SELECT m.*, c.entity_id FROM mentions m JOIN clusters c ON c.cluster = m.cluster;
       DROP TABLE corrections, ingest_queue; DELETE FROM meta WHERE key = 'next_correction_id'; UPDATE meta SET value = 3 WHERE key = 'schema'`,
    );
    await old.close();
    const upgraded = new PgStore(location);
    cleanups.push(() => upgraded.close());
    expect(await upgraded.load()).toMatchObject({ documents: [one.extraction], corrections: [], nextCorrectionId: 1, version: 1 });
    const schema = await (await upgraded.connection()).query("SELECT value FROM meta WHERE key = 'schema'");
    expect(schema.rows[0].value).toBe(SCHEMA_VERSION);
  });

  it("refuses a database that is not a store, and one from a newer program, adding nothing", async () => {
    const location = await backend.location();
    const setup = new pg.Client({ connectionString: location });
    await setup.connect();
    await setup.query("CREATE TABLE notes (text text)");
    const foreign = new PgStore(location);
    await expect(foreign.load()).rejects.toBeInstanceOf(StoreFormatError);
    await foreign.close();
    const tables = await setup.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.rows[0].n).toBe(1);
    await setup.query("DROP TABLE notes");
    const fresh = new PgStore(location);
    await fresh.countDocuments();
    await fresh.close();
    await setup.query("UPDATE meta SET value = 99 WHERE key = 'schema'");
    const newer = new PgStore(location);
    await expect(newer.load()).rejects.toThrow(/schema version 99/);
    await newer.close();
    await setup.end();
  });

  it("refuses a text with a NUL character (PostgreSQL text cannot hold it) and stores nothing", async () => {
    const store = new PgStore(await backend.location());
    cleanups.push(() => store.close());
    const input = { text: "Tony Blair met Gordon Brown\u0000 in London." };
    const { rows } = diffDerived(emptyDerived(), emptyDerived());
    const write = store.write({ put: [{ input, extraction: extractDocument(input) }], remove: [], derived: rows, expectedVersion: 0 });
    await expect(write).rejects.toThrow(/a NUL character at index 27/);
    expect(await store.countDocuments()).toBe(0);
    expect(await store.currentVersion()).toBe(0);
  });

  it("exclusive keeps other writers out until it ends, and may be entered again from inside", async () => {
    const location = await backend.location();
    const [a, b] = [new PgStore(location), new PgStore(location)];
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    const none = { put: [], remove: [] };
    const empty = { put: [], remove: [], derived: { entities: none, edges: none, resolutions: none } };
    const order: string[] = [];
    let outside: Promise<number> | undefined;
    await a.exclusive(async () => {
      outside = b.write({ ...empty, expectedVersion: 1 }).then((v) => (order.push("b"), v));
      await new Promise((r) => setTimeout(r, 300));
      await a.exclusive(() => a.write({ ...empty, expectedVersion: 0 }));
      order.push("a");
    });
    expect(await outside).toBe(2);
    expect(order).toEqual(["a", "b"]);
  });

  it("a connection lost in the middle of a query fails that call only; the process and the store go on", async () => {
    const location = await backend.location();
    const store = new PgStore(location);
    cleanups.push(() => store.close());
    const pool = await store.connection();
    // In a transaction: a connection checked out of the pool, as every write holds one.
    const sleeping = store
      .transact((client) => client.query("SELECT pg_sleep(30)"))
      .then(
        () => "finished",
        (err: Error) => err.message,
      );
    const name = new URL(location).pathname.slice(1);
    const kill = `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
                  WHERE datname = $1 AND query = 'SELECT pg_sleep(30)' AND pid <> pg_backend_pid()`;
    for (let killed = false; !killed;) killed = (await pool.query(kill, [name])).rowCount! > 0;
    expect(await sleeping).toMatch(/terminat/);
    expect(await store.countDocuments()).toBe(0);
  });

  it("names itself by the URL without its password", () => {
    const store = new PgStore("postgres://ann:s3cret@127.0.0.1:1/db");
    expect(store.location).toBe("postgres://ann@127.0.0.1:1/db");
    void store.close();
  });
});
