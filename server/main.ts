import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

import { accessFromEnv } from "./api/access.js";
import { createApp } from "./api/app.js";
import { DEFAULT_MAX_BODY_BYTES } from "./api/documents-write.js";
import { cacheBytes } from "./read/cache.js";
import { CorpusWriter, buildReadModel } from "./corpus-writer.js";
import { applyHeapGrowth, heapGrowthPercent } from "./heap.js";
import { parseByteSize } from "./ingest/size.js";
import { listIngestSources, readAs } from "./io/read-documents.js";
import { createExtractionPool } from "./extract/pool/index.js";
import { closeLayoutWorker } from "./graph/layout-supervisor.js";
import { keepServing } from "./last-resort.js";
import { watchEventLoop } from "./loop-watch.js";
import { Shutdown } from "./shutdown.js";
import { watchStore } from "./store-watch.js";
import { databasePath, openStore } from "./store/index.js";
import { StoreFormatError } from "./store/sqlite.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
// `SEEDS_DIR=` (empty) or `--no-seeds`: an empty store stays empty, for an analyst's own corpus.
const seedsDir = process.argv.includes("--no-seeds") ? "" : (process.env.SEEDS_DIR ?? `${root}seeds`);
const token = process.env.API_TOKEN || undefined;
const { allowedHosts, trustProxy } = accessFromEnv(process.env);
const maxBodyBytes = process.env.MAX_BODY ? parseByteSize(process.env.MAX_BODY) : DEFAULT_MAX_BODY_BYTES;
if (maxBodyBytes === undefined) {
  console.error(`MAX_BODY="${process.env.MAX_BODY}" is not a size: use bytes or a unit, e.g. 5mb`);
  process.exit(2);
}

// A write to a corpus of more documents than this is shown at once, resolved provisionally, and resolved in full
// after it (server/provisional.ts): below it, a full resolution is quick enough to wait for.
const provisionalAbove = Number(process.env.PROVISIONAL_ABOVE ?? 300);
if (!Number.isInteger(provisionalAbove) || provisionalAbove < 0) {
  console.error(`PROVISIONAL_ABOVE="${process.env.PROVISIONAL_ABOVE}" is not a number of documents: give a whole number, e.g. 300`);
  process.exit(2);
}

if (cacheBytes() === undefined) {
  console.error(`CACHE_MB="${process.env.CACHE_MB}" is not a size: give megabytes, e.g. 128`);
  process.exit(2);
}

const heapGrowth = heapGrowthPercent();
if (heapGrowth === undefined) {
  console.error(`HEAP_GROWTH_PERCENT="${process.env.HEAP_GROWTH_PERCENT}" is not a percent from 0 to 300: give a whole number, e.g. 100`);
  process.exit(2);
}
applyHeapGrowth(heapGrowth);

// A file that is not a store (or a newer one) is refused with its reason, not a stack trace: nothing was written.
function openOrExit(path: string) {
  try {
    return openStore(path);
  } catch (err) {
    if (!(err instanceof StoreFormatError)) throw err;
    console.error(`${err.message}\nSet DATABASE_PATH to a store file (a new path makes a new store).`);
    process.exit(2);
  }
}

const started = performance.now();
const store = openOrExit(databasePath());
// Posted articles are extracted in worker threads, so a big upload never blocks reads.
const pool = createExtractionPool();
const service = await CorpusWriter.open(store, buildReadModel, { pool, resolveAfterCommitAbove: provisionalAbove });

// Seeds only fill an empty store: once analysts have added or deleted documents, a restart keeps their corpus.
if (seedsDir && (await store.countDocuments()) === 0) {
  const parsed = listIngestSources([seedsDir]).flatMap((f) => readAs(f.path, f.source));
  for (const p of parsed) if ("error" in p) console.warn(`seeds: skipped ${p.error.message}`);
  const inputs = parsed.flatMap((p) => ("input" in p ? [p.input] : []));
  if (inputs.length > 0) await service.ingest(inputs);
}

// From here on, an error no handler caught is logged and the server keeps serving (server/last-resort.ts); a failure
// while starting (the store, the seeds) still ends the process with its message.
keepServing();
// A long step of a write holds reads back: say so in the log when it comes to seconds.
const stopLoopWatch = watchEventLoop();

const app = createApp({
  corpus: () => service.current(),
  clientDir: `${root}dist/client`,
  sourceMaps: process.env.NODE_ENV === "development",
  trustProxy,
  write: { service, maxBodyBytes, allowedHosts, ...(token ? { token } : {}) },
});

// The store is followed: what the ingest CLI or another server writes shows here within a second.
const watch = watchStore(service, {
  onChange: (corpus) => console.log(`store changed: ${corpus.docExtractions.length} documents, ${corpus.graph.order} entities`),
});
// SIGTERM / SIGINT: no new requests, those under way and the write in progress finish, then the watcher,
// the workers and the store close, and the process exits 0.
const shutdown = new Shutdown({
  steps: [
    async () => stopLoopWatch(),
    () => watch.stop(),
    () => service.stop(),
    () => pool.close(),
    () => closeLayoutWorker(),
    () => store.close(),
  ],
});
const server = createServer(shutdown.wrap(app));
shutdown.listen(server);
// Before the last-resort handler sees it: a server that cannot listen (the port taken) must not run on unreachable.
server.once("error", (err: NodeJS.ErrnoException) => {
  console.error(`cannot listen on ${host}:${port}: ${err.code ?? err.message}. Set PORT to a free port.`);
  void store.close().finally(() => process.exit(2));
});
server.listen(port, host, () => {
  // The whole graph's GEXF is written when first asked for, not here: at start it doubled the peak memory.
  const corpus = service.current();
  const s = ((performance.now() - started) / 1000).toFixed(1);
  const writes = token ? "writes need the API token" : "writes accepted from this machine only (no API_TOKEN)";
  console.log(
    `entity graph: ${corpus.docExtractions.length} documents, ${corpus.graph.order} entities, ${corpus.graph.size} edges (${s}s)\n` +
      `store ${store.location}; ${writes}\n` +
      `listening on http://${host}:${(server.address() as AddressInfo).port}`,
  );
});
