// PostgreSQL only: the ingest queue and its workers (npm run worker), and servers following writes by LISTEN/NOTIFY.
// Skipped, saying so, without PG_TEST_URL (see backends.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { CorpusWriter, buildReadModel, buildExtractionOnly } from "../../server/corpus-writer.js";
import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { listArticleFiles, readArticle } from "../../server/io/read-documents.js";
import { ClaimLostError, IngestQueue } from "../../server/queue/ingest-queue.js";
import { watchStore } from "../../server/store-watch.js";
import { deriveRecords } from "../../server/store/derived.js";
import { PgStore } from "../../server/store/postgres.js";
import { SqliteStore } from "../../server/store/sqlite.js";
import type { DocumentInput } from "../../server/types.js";
import { completeDerived } from "../../scripts/lib/store-check.js";
import { repoRoot } from "../helpers/server.js";
import { until } from "../helpers/process.js";
import { BACKENDS, PG_TEST_URL, checkIntegrity, runNode, storeEnv } from "./backends.js";
import { syntheticArticle, tempDir } from "./fixtures.js";

const postgres = BACKENDS.find((b) => b.name === "postgres")!;
const { dir, remove } = tempDir("pg-workers-");
afterAll(async () => {
  await postgres.cleanup();
  remove();
});

const workerArgs = (args: string[]) => ["--import", "tsx", join(repoRoot, "scripts", "worker.ts"), ...args];

/** A store with `inputs` enqueued, as `npm run ingest -- --queue` leaves it. */
async function queued(name: string, inputs: DocumentInput[]): Promise<{ url: string; store: PgStore; queue: IngestQueue }> {
  const url = await postgres.location(name);
  const store = new PgStore(url);
  const queue = new IngestQueue(await store.connection());
  await queue.enqueue(inputs);
  return { url, store, queue };
}

interface QueueRow {
  id: string;
  state: string;
  attempts: number;
  claimed_by: string;
  doc_id: string | null;
}
const queueRows = async (store: PgStore) =>
  (await (await store.connection()).query<QueueRow>("SELECT id, state, attempts, claimed_by, doc_id FROM ingest_queue ORDER BY id")).rows;

/**
 * Every stored document is what extracting its text gives, and the derived rows are exactly those it derives.
 * `complete`: whether they must be marked complete (the queue was emptied, and the corpus resolved once) or not (a
 * worker was killed after storing a batch): then they are checked after a reader's opening completes them.
 */
async function expectWholeStore(store: PgStore, complete = true): Promise<number> {
  expect(await checkIntegrity(store)).toBe("ok");
  const { documents } = await store.load();
  expect(documents).toEqual((await store.loadInputs()).map((input) => extractDocument(input)));
  expect(await completeDerived(store)).toBe(complete);
  expect(await store.loadDerived()).toEqual(deriveRecords(buildExtraction(documents)));
  return documents.length;
}

describe.skipIf(!PG_TEST_URL)(
  `ingest workers on PostgreSQL${PG_TEST_URL ? "" : " [skipped, PG_TEST_URL not set]"}`,
  { timeout: 240_000 },
  () => {
    it("a worker killed with kill -9 mid-batch loses no document and leaves no half one; another takes its claim over", async () => {
      const total = 60;
      const batch = 10;
      const inputs = Array.from({ length: total }, (_, i) => syntheticArticle(2000 + i));
      const { url, store } = await queued("killed", inputs);
      try {
        const child: ChildProcess = spawn(process.execPath, workerArgs(["--batch", String(batch), "--lease", "2"]), {
          cwd: repoRoot,
          env: storeEnv(url),
          stdio: ["ignore", "ignore", "pipe"],
        });
        // Killed as soon as it claims its second batch: the first is stored, the second is being extracted.
        const killed = await new Promise<boolean>((resolve) => {
          let stderr = "";
          child.stderr!.on("data", (chunk: Buffer) => {
            stderr += chunk.toString();
            if ((stderr.match(/: claimed \d+ documents/g) ?? []).length >= 2 && child.kill("SIGKILL")) resolve(true);
          });
          child.on("exit", () => resolve(false));
        });
        expect(killed).toBe(true);
        await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));
        expect(child.signalCode).toBe("SIGKILL");

        const survived = await expectWholeStore(store, false);
        expect(survived).toBeGreaterThan(0);
        expect(survived).toBeLessThan(total);
        expect(survived % batch).toBe(0); // whole batches only: a batch and its queue rows commit together
        const rows = await queueRows(store);
        expect(rows.filter((r) => r.state === "done")).toHaveLength(survived);

        // A second worker waits out the dead one's lease, then takes its rows over and empties the queue.
        const second = await runNode(workerArgs(["--batch", String(batch), "--lease", "2", "--exit-when-empty"]), storeEnv(url));
        expect(second.status).toBe(0);
        expect(await expectWholeStore(store)).toBe(total);
        const after = await queueRows(store);
        expect(after.every((r) => r.state === "done")).toBe(true);
        expect(new Set(after.map((r) => r.doc_id)).size).toBe(total);
        // The batch the killed worker held was claimed twice; the rest once.
        expect(after.filter((r) => r.attempts === 2).length).toBeGreaterThan(0);
        expect(after.every((r) => r.attempts <= 2)).toBe(true);
      } finally {
        await store.close();
      }
    });

    it("two workers at once never process the same document, and give the same graph as SQLite given the same documents", async () => {
      const seeds = listArticleFiles([`${repoRoot}seeds`]).map((f) => readArticle(f, repoRoot));
      const inputs = [...seeds, ...Array.from({ length: 36 }, (_, i) => syntheticArticle(3000 + i)), syntheticArticle(3000)];
      const { url, store } = await queued("two", inputs);
      try {
        const run = () => runNode(workerArgs(["--batch", "4", "--exit-when-empty"]), storeEnv(url));
        const results = await Promise.all([run(), run()]);
        for (const r of results) expect(r.status).toBe(0);
        const rows = await queueRows(store);
        expect(rows.every((r) => r.state === "done")).toBe(true);
        expect(rows.every((r) => r.attempts === 1)).toBe(true); // no row was claimed by both
        // Each worker says how many documents it stored: together exactly the distinct ones, none stored twice.
        const stored = results.map((r) => Number(/: (\d+) new, (\d+) already stored/.exec(r.stdout)![1]));
        const distinct = new Set(inputs.map((i) => i.text)).size;
        expect(stored.reduce((a, b) => a + b, 0)).toBe(distinct);

        const sqlite = await CorpusWriter.open(new SqliteStore(join(dir, "same.db")), buildExtractionOnly);
        await sqlite.ingest(inputs);
        expect(await store.loadDerived()).toEqual(await sqlite.store.loadDerived());
        expect((await store.load()).documents).toEqual((await sqlite.store.load()).documents);
        // The graph the server builds from each store, layout included.
        const fromPg = await CorpusWriter.open(new PgStore(url), buildReadModel);
        const fromSqlite = await CorpusWriter.open(new SqliteStore(join(dir, "same.db")), buildReadModel);
        expect(fromPg.current().graphJson()).toEqual(fromSqlite.current().graphJson());
        await Promise.all([sqlite.store.close(), fromPg.store.close(), fromSqlite.store.close()]);
      } finally {
        await store.close();
      }
    });

    it("a lapsed claim is taken over by the next claim, and the first worker can no longer mark its rows", async () => {
      const { store, queue } = await queued("lease", [syntheticArticle(6000), syntheticArticle(6001)]);
      try {
        const a = await queue.claim("a", 10, 200);
        expect(a.map((c) => c.attempts)).toEqual([1, 1]);
        expect(await queue.claim("b", 10, 60_000)).toEqual([]); // held: nothing for b yet
        await new Promise((r) => setTimeout(r, 300));
        const b = await queue.claim("b", 10, 60_000);
        expect(b.map((c) => [c.id, c.attempts])).toEqual(a.map((c) => [c.id, 2]));
        const outcomes = a.map((c) => ({ id: c.id, docId: "x" }));
        await expect(store.transact((client) => IngestQueue.finish(client, "a", outcomes))).rejects.toBeInstanceOf(ClaimLostError);
        expect((await queueRows(store)).map((r) => [r.state, r.claimed_by])).toEqual([
          ["queued", "b"],
          ["queued", "b"],
        ]);
      } finally {
        await store.close();
      }
    });

    it("a server follows another process's writes by LISTEN/NOTIFY, well before its next poll", async () => {
      const url = await postgres.location("listen");
      const writer = await CorpusWriter.open(new PgStore(url), buildExtractionOnly);
      const reader = await CorpusWriter.open(new PgStore(url), buildExtractionOnly);
      const watch = watchStore(reader, { intervalMs: 600_000 });
      try {
        // The LISTEN connection is up once a write's notification gets through (the poll is ten minutes away).
        let n = 0;
        await until("LISTEN", async () => {
          await writer.ingest([syntheticArticle(4000 + n++)]);
          return reader.current().docExtractions.length > 0 ? true : undefined;
        });
        await writer.ingest([syntheticArticle(4100)]);
        await until("the reader to reload", async () => (reader.version() === writer.version() ? true : undefined), 5000);
        expect(reader.current().docExtractions).toHaveLength(n + 1);
      } finally {
        await watch.stop();
        await Promise.all([writer.store.close(), reader.store.close()]);
      }
    });
  },
);

const ingestArgs = (args: string[]) => ["--import", "tsx", join(repoRoot, "scripts", "ingest.ts"), ...args];

describe("npm run ingest -- --queue", { timeout: 120_000 }, () => {
  it("refuses an SQLite store, and the worker too, saying that the queue needs PostgreSQL", async () => {
    const db = join(dir, "no-queue.db");
    const res = await runNode(ingestArgs(["--queue", "seeds"]), storeEnv(db));
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/--queue needs a PostgreSQL store/);
    const worker = await runNode(workerArgs(["--exit-when-empty"]), storeEnv(db));
    expect(worker.status).toBe(2);
    expect(worker.stderr).toMatch(/the worker needs a PostgreSQL store/);
  });

  it.skipIf(!PG_TEST_URL)("enqueues the good files' documents without extracting them, and names the bad ones", async () => {
    const url = await postgres.location("cli-queue");
    const folder = join(dir, "to-queue");
    mkdirSync(folder, { recursive: true });
    for (const i of [1, 2, 3]) writeFileSync(join(folder, `${i}.txt`), syntheticArticle(5000 + i).text);
    writeFileSync(join(folder, "empty.md"), "\n");
    const res = await runNode(ingestArgs(["--queue", folder]), storeEnv(url));
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/empty\.md: text is empty/);
    expect(res.stdout).toMatch(/^4 files: 3 queued, 1 rejected in [\d.]+s; 3 waiting for workers -> postgres:\/\//);
    const store = new PgStore(url);
    try {
      expect(await store.countDocuments()).toBe(0);
      const rows = await queueRows(store);
      expect(rows.map((r) => r.state)).toEqual(["queued", "queued", "queued"]);
    } finally {
      await store.close();
    }
  });
});
