// npm run worker -- [--batch N] [--lease SECONDS] [--threads N] [--exit-when-empty]
// An ingest worker for the PostgreSQL store (DATABASE_URL=postgres://…): claims queued documents (enqueued by
// `npm run ingest -- --queue`), extracts them and stores each batch with its resolution in one transaction, which
// also marks the batch's queue rows done. Run as many as the machines have cores, on any machine that reaches the
// database. A worker that dies (kill -9, a lost machine) leaves its claim to expire, and another takes the batch.
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";

import type pg from "pg";

import { CorpusWriter, type CorpusView, buildExtractionOnly } from "../server/corpus-writer.js";
import { createExtractionPool } from "../server/extract/pool/index.js";
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
    const service = await CorpusWriter.open(store, buildExtractionOnly, options.threads > 0 ? { pool } : {});
    console.error(`worker ${worker}: following the queue in ${store.location}`);
    while (!stopping) {
      const claimed = await queue.claim(worker, options.batch, options.leaseMs);
      if (claimed.length === 0) {
        if (options.exitWhenEmpty && (await queue.counts()).queued === 0) break;
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
        await processBatch(service, store, worker, claimed, tally);
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
 * Extracts the claimed rows, then stores them and marks their rows in one transaction. The commit holds the store's
 * write lock: it reloads what other workers stored meanwhile and resolves against it, so workers never conflict.
 */
async function processBatch(
  service: CorpusWriter<CorpusView>,
  store: PgStore,
  worker: string,
  claimed: QueuedDocument[],
  tally: { created: number; existing: number; refused: number },
): Promise<void> {
  const extracted = await service.extractEach(claimed.map((c) => c.input));
  const outcomes: QueueOutcome[] = claimed.map((c, i) => {
    const e = extracted[i]!;
    return "stored" in e ? { id: c.id, docId: e.stored.extraction.doc.id } : { id: c.id, refused: e.refused.message };
  });
  const stored = extracted.flatMap((e) => ("stored" in e ? [e.stored] : []));
  let marked = false;
  const mark = async (client: pg.ClientBase) => {
    await IngestQueue.finish(client, worker, outcomes);
    marked = true;
  };
  const result = await store.exclusive(async () => {
    await service.syncWithStore();
    return store.withWriteHook(mark, () => service.ingestExtracted(stored));
  });
  // Nothing new to store (every document already was, or all were refused): the rows are marked on their own.
  if (!marked) await store.transact(mark);
  for (const d of result.documents) tally[d.status === "existing" ? "existing" : "created"]++;
  tally.refused += outcomes.filter((o) => "refused" in o).length;
}

try {
  process.exitCode = await main();
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  console.error(`worker: ${err.message}`);
  process.exitCode = 2;
}
