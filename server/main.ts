import { fileURLToPath } from "node:url";

import { createApp } from "./api/app.js";
import { DEFAULT_MAX_BODY_BYTES } from "./api/documents-write.js";
import { CorpusService, buildCorpus } from "./corpus-service.js";
import { parseByteSize } from "./ingest/size.js";
import { listIngestFiles, readDocuments } from "./io/read-documents.js";
import { createExtractionPool } from "./extract/pool/index.js";
import { keepServing } from "./last-resort.js";
import { databasePath, openStore } from "./store/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const seedsDir = process.env.SEEDS_DIR ?? `${root}seeds`;
const token = process.env.API_TOKEN || undefined;
const maxBodyBytes = process.env.MAX_BODY ? parseByteSize(process.env.MAX_BODY) : DEFAULT_MAX_BODY_BYTES;
if (maxBodyBytes === undefined) {
  console.error(`MAX_BODY="${process.env.MAX_BODY}" is not a size: use bytes or a unit, e.g. 5mb`);
  process.exit(2);
}

// An error no handler caught is logged and the server keeps serving (server/last-resort.ts).
keepServing();
const started = performance.now();
const store = openStore(databasePath());
// Posted articles are extracted in worker threads, so a big upload never blocks reads.
const pool = createExtractionPool();
const service = await CorpusService.open(store, buildCorpus, { pool });

// Seeds only fill an empty store: once analysts have added or deleted documents, a restart keeps their corpus.
if ((await store.countDocuments()) === 0) {
  const parsed = listIngestFiles([seedsDir]).flatMap((f) => readDocuments(f, root));
  for (const p of parsed) if ("error" in p) console.warn(`seeds: skipped ${p.error.message}`);
  const inputs = parsed.flatMap((p) => ("input" in p ? [p.input] : []));
  if (inputs.length > 0) await service.ingest(inputs);
}

const app = createApp({
  corpus: () => service.current(),
  clientDir: `${root}dist/client`,
  write: { service, maxBodyBytes, ...(token ? { token } : {}) },
});

const server = app.listen(port, host, () => {
  // Write the whole graph's GEXF now, in a worker, so that the first "Export all" answers at once.
  service
    .current()
    .gexfAsync()
    .catch((err: unknown) => console.error("GEXF export failed:", err));
  const corpus = service.current();
  const s = ((performance.now() - started) / 1000).toFixed(1);
  const writes = token ? "writes need the API token" : "writes accepted from this machine only (no API_TOKEN)";
  console.log(
    `entity graph: ${corpus.docExtractions.length} documents, ${corpus.graph.order} entities, ${corpus.graph.size} edges (${s}s)\n` +
      `store ${store.location}; ${writes}\n` +
      `listening on http://${host}:${port}`,
  );
});

const shutdown = () => server.close(() => void Promise.all([pool.close(), store.close()]).then(() => process.exit(0)));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
