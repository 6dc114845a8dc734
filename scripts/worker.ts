// npm run worker -- [--batch N] [--lease SECONDS] [--threads N] [--exit-when-empty]
// An ingest worker for the PostgreSQL store (DATABASE_URL=postgres://…): claims queued documents (enqueued by
// `npm run ingest -- --queue`), extracts them and stores each batch in one transaction, which also marks the batch's
// queue rows done; when the queue is empty, the corpus is resolved once (not once per batch). Run as many as the
// machines have cores, on any machine that reaches the database. A worker that dies (kill -9, a lost machine) leaves
// its claim to expire, and another takes the batch.
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";

import type pg from "pg";

import { buildExtractionOnly, loadState, noDerivedChange } from "../server/corpus-state.js";
import { extractEach } from "../server/extract-inputs.js";
import { type ExtractionPool, createExtractionPool } from "../server/extract/pool/index.js";
import { resolutionStamp } from "../server/store/resolutions.js";
import type { StoredDocument } from "../server/store/store.js";
import { InputError } from "../server/io/read-documents.js";
import { ClaimLostError, IngestQueue, type QueueOutcome, type QueuedDocument } from "../server/queue/ingest-queue.js";
import { databasePath } from "../server/store/index.js";
import { PgStore, isPostgresUrl } from "../server/store/postgres.js";

const USAGE = "usage: npm run worker -- [--batch N] [--lease SECONDS] [--threads N] [--exit-when-empty]";

interface Options {
  batch: number;
  leaseMs: number;
  /** Extraction threads in this process; 0 (the default) extracts on the main thread: scale with processes. */
  threads: number;
  exitWhenEmpty: boolean;
  pollMs: number;
}

function readOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        batch: { type: "string" },
        lease: { type: "string" },
        threads: { type: "string" },
        "exit-when-empty": { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (err) {
    throw new InputError(`${(err as Error).message}\n${USAGE}`);
  }
  const number = (raw: string | undefined, flag: string, min: number, fallback: number) => {
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(v) || v < min) throw new InputError(`--${flag} needs a number, at least ${min}\n${USAGE}`);
    return v;
  };
  return {
    batch: Math.floor(number(values.batch, "batch", 1, 50)),
    leaseMs: number(values.lease, "lease", 0.1, 120) * 1000,
    threads: Math.floor(number(values.threads, "threads", 0, 0)),
    exitWhenEmpty: values["exit-when-empty"],
    pollMs: 1000,
  };
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const location = databasePath();
  if (!isPostgresUrl(location)) throw new InputError("the worker needs a PostgreSQL store: set DATABASE_URL=postgres://user@host/db");
  const store = new PgStore(location);
  const pool = createExtractionPool(options.threads);
  const worker = `${hostname()}:${process.pid}`;
  let stopping = false;
  const stop = () => (stopping = true);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  const tally = { created: 0, existing: 0, refused: 0, lost: 0 };
  try {
    const queue = new IngestQueue(await store.connection());
    console.error(`worker ${worker}: following the queue in ${store.location}`);
    let stored = false; // documents stored since the corpus was last resolved here
    while (!stopping) {
      const claimed = await queue.claim(worker, options.batch, options.leaseMs);
      if (claimed.length === 0) {
        const empty = (await queue.counts()).queued === 0;
        if (empty && stored) {
          await resolveOnce(store, worker);
          stored = false;
        }
        if (options.exitWhenEmpty && empty) break;
        await sleep(options.pollMs);
        continue;
      }
      console.error(`worker ${worker}: claimed ${claimed.length} documents`);
      // The lease is renewed while the batch is extracted, so a slow batch is not taken over from a live worker.
      const renew = setInterval(
        () =>
          void queue
            .renew(
              worker,
              claimed.map((c) => c.id),
              options.leaseMs,
            )
            .catch(() => undefined),
        options.leaseMs / 3,
      );
      try {
        await processBatch(store, pool, worker, claimed, tally);
        stored = true;
      } catch (err) {
        if (!(err instanceof ClaimLostError)) throw err;
        tally.lost += claimed.length;
        console.error(`worker ${worker}: ${err.message}; left to it`);
      } finally {
        clearInterval(renew);
      }
      const left = await queue.counts();
      console.error(
        `worker ${worker}: ${tally.created} new, ${tally.existing} already stored, ${tally.refused} refused; ${left.queued} queued`,
      );
    }
    console.log(
      `worker ${worker}: ${tally.created} new, ${tally.existing} already stored, ${tally.refused} refused, ${tally.lost} taken over`,
    );
    return 0;
  } finally {
    await pool.close();
    await store.close();
  }
}

/**
 * Extracts the claimed rows, then stores the new documents and marks the rows in one transaction holding the store's
 * write lock. No resolution: the batch leaves the derived rows marked incomplete (`resolveOnce` completes them when
 * the queue is empty), so a batch costs its own documents, and workers do not wait on each other's resolutions.
 */
async function processBatch(
  store: PgStore,
  pool: ExtractionPool,
  worker: string,
  claimed: QueuedDocument[],
  tally: { created: number; existing: number; refused: number },
): Promise<void> {
  const extracted = await extractEach(
    claimed.map((c) => c.input),
    pool,
  );
  const outcomes: QueueOutcome[] = claimed.map((c, i) => {
    const e = extracted[i]!;
    return "stored" in e ? { id: c.id, docId: e.stored.extraction.doc.id } : { id: c.id, refused: e.refused.message };
  });
  const mark = (client: pg.ClientBase) => IngestQueue.finish(client, worker, outcomes);
  const { created, existing } = await store.exclusive(async () => {
    // Under the lock: no other worker stores between this check and the write (the same text queued twice).
    const fresh = new Map<string, StoredDocument>();
    let existing = 0;
    for (const e of extracted) {
      if (!("stored" in e)) continue;
      const id = e.stored.extraction.doc.id;
      if (fresh.has(id) || (await store.hasDocument(id))) existing++;
      else fresh.set(id, e.stored);
    }
    if (fresh.size === 0) await store.transact(mark);
    else {
      const put = [...fresh.values()];
      const expectedVersion = await store.currentVersion();
      await store.withWriteHook(mark, () => store.write({ put, remove: [], derived: noDerivedChange(), expectedVersion }));
    }
    return { created: fresh.size, existing };
  });
  tally.created += created;
  tally.existing += existing;
  tally.refused += outcomes.filter((o) => "refused" in o).length;
}

/**
 * Resolves the corpus once the queue is empty, unless the store's derived rows are complete already (another worker
 * or a server did it): the corpus is loaded, resolved and its rows rewritten, the version kept (corpus-state.ts).
 */
async function resolveOnce(store: PgStore, worker: string): Promise<void> {
  const started = performance.now();
  const resolved = await store.exclusive(async () => {
    if (await store.derivedComplete(resolutionStamp())) return false;
    await loadState(store, buildExtractionOnly);
    return true;
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`worker ${worker}: queue empty, ${resolved ? `corpus resolved in ${seconds}s` : "corpus resolved already"}`);
}

try {
  process.exitCode = await main();
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  console.error(`worker: ${err.message}`);
  process.exitCode = 2;
}
