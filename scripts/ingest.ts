// npm run ingest -- <file-or-dir>... [--rebuild] [--batch N] [--db path] [--queue]
// Adds .txt/.md/.html/.jsonl articles to the store (DATABASE_PATH, else DATA_DIR/graph.db, else ./data/graph.db)
// in batches, one transaction each: a crash loses at most the open batch. --rebuild re-extracts every stored
// document first (after the extractor improved). Bad files are reported and skipped; the exit code is then 2.
// --queue (PostgreSQL only) reads and checks the files but only enqueues them: `npm run worker` processes extract them.
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";

import { CorpusWriter, buildExtractionOnly, type CorpusView, type WriteResult } from "../server/corpus-writer.js";
import { RejectedInput } from "../server/ingest/errors.js";
import { type IngestSource, InputError, listIngestSources, readAs } from "../server/io/read-documents.js";
import { createExtractionPool, defaultPoolSize } from "../server/extract/pool/index.js";
import { type Store, databasePath, openStore } from "../server/store/index.js";
import { PgStore, isPostgresUrl } from "../server/store/postgres.js";
import { IngestQueue } from "../server/queue/ingest-queue.js";
import { StoreFormatError } from "../server/store/sqlite.js";
import type { DocumentInput } from "../server/types.js";

const USAGE =
  "usage: npm run ingest -- <file-or-dir>... [--rebuild] [--batch N] [--workers N] [--db path/graph.db | --db postgres://…] [--queue]";
// 400 documents per transaction: a crash loses at most the open batch, and a rerun resumes. The corpus is resolved
// once, after the last batch (CorpusWriter's deferResolution): until then the store's derived rows are marked
// incomplete, and a server that opens the store meanwhile resolves it itself.
const DEFAULT_BATCH = 400;

interface Options {
  inputs: string[];
  rebuild: boolean;
  /** Enqueue for `npm run worker` instead of extracting here. */
  queue: boolean;
  batch: number;
  db: string;
  /** Extraction workers: EXTRACT_WORKERS or one per core; 0 extracts on the main thread. */
  workers: number;
}

function readOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        rebuild: { type: "boolean", default: false },
        queue: { type: "boolean", default: false },
        batch: { type: "string" },
        db: { type: "string" },
        workers: { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new InputError(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const whole = (raw: string | undefined, fallback: number, min: number, message: string) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isInteger(n) || n < min) throw new InputError(message);
    return n;
  };
  const options: Options = {
    inputs: positionals,
    rebuild: values.rebuild,
    queue: values.queue,
    batch: whole(values.batch, DEFAULT_BATCH, 1, "--batch needs a whole number above 0"),
    db: values.db ?? databasePath(),
    workers: whole(values.workers, defaultPoolSize(), 0, "--workers needs a whole number, 0 or more"),
  };
  if (options.inputs.length === 0 && !options.rebuild) throw new InputError(`no input files or folders\n${USAGE}`);
  if (options.queue && options.rebuild) throw new InputError("--queue and --rebuild do not go together");
  if (options.queue && !isPostgresUrl(options.db)) {
    throw new InputError("--queue needs a PostgreSQL store: set DATABASE_URL=postgres://user@host/db (or --db with that URL)");
  }
  return options;
}

/** A bar redrawn in place on a terminal; elsewhere (logs, CI, tests) one plain line per committed batch. */
class Progress {
  private readonly started = performance.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  update(done: number, detail: string): void {
    const seconds = (performance.now() - this.started) / 1000;
    const eta = done > 0 ? (seconds / done) * (this.total - done) : 0;
    if (!this.tty) {
      process.stderr.write(`${this.label}: ${done}/${this.total} ${detail}\n`);
      return;
    }
    const width = 30;
    const filled = Math.round((done / Math.max(1, this.total)) * width);
    const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
    process.stderr.write(`\r\x1b[K${this.label} [${bar}] ${done}/${this.total} ${detail}, ETA ${formatSeconds(eta)}`);
  }

  /** A message on its own line, without tearing the bar. */
  note(message: string): void {
    process.stderr.write(`${this.tty ? "\r\x1b[K" : ""}${message}\n`);
  }

  finish(): void {
    if (this.tty) process.stderr.write("\n");
  }
}

const formatSeconds = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s` : `${s.toFixed(0)}s`);

/** The store's size on disk: the SQLite file and its WAL, or the PostgreSQL database. */
async function megabytes(store: Store): Promise<string> {
  const bytes =
    store instanceof PgStore
      ? await store.sizeBytes()
      : [store.location, `${store.location}-wal`].filter(existsSync).reduce((sum, p) => sum + statSync(p).size, 0);
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Tally {
  created: number;
  existing: number;
  replaced: number;
  rejected: RejectedInput[];
}

function count(tally: Tally, result: WriteResult): void {
  for (const d of result.documents) tally[d.status]++;
}

/**
 * Stores batches one transaction at a time while the worker pool extracts the next batch: extraction (in
 * workers) and resolution plus the write (here) overlap.
 */
async function storeBatches(
  service: CorpusWriter<CorpusView>,
  batches: { inputs: DocumentInput[]; done: number }[],
  options: { replace: boolean },
  onBatch: (done: number) => void,
  tally: Tally,
  onRefused: (error: RejectedInput) => void,
) {
  // A rebuild's text may hash to another id than the one it is stored under (ids were once computed another way,
  // or the text was altered on its way into the store): the stored one is replaced, never kept beside it.
  const storedId = new Map(service.current().docExtractions.map((d) => [d.doc.text, d.doc.id]));
  let next = batches.length > 0 ? service.extractEach(batches[0]!.inputs) : undefined;
  for (let i = 0; i < batches.length; i++) {
    const outcomes = await next!;
    next = i + 1 < batches.length ? service.extractEach(batches[i + 1]!.inputs) : undefined;
    // A document over the extraction limits (or out of time or memory) is reported and skipped, like a bad file.
    for (const e of outcomes) if ("refused" in e) onRefused(new RejectedInput(e.refused.reason, e.refused.message, e.input.source));
    const extracted = outcomes.flatMap((e) => ("stored" in e ? [e.stored] : []));
    const supersedes = options.replace
      ? extracted.flatMap(({ input, extraction }) => {
          const old = storedId.get(input.text);
          return old !== undefined && old !== extraction.doc.id ? [old] : [];
        })
      : [];
    if (extracted.length > 0) count(tally, await service.ingestExtracted(extracted, { ...options, supersedes }));
    onBatch(batches[i]!.done);
  }
}

async function rebuild(service: CorpusWriter<CorpusView>, inputs: DocumentInput[], batch: number, tally: Tally) {
  const progress = new Progress("rebuild", inputs.length);
  const batches = [];
  for (let i = 0; i < inputs.length; i += batch)
    batches.push({ inputs: inputs.slice(i, i + batch), done: Math.min(i + batch, inputs.length) });
  await storeBatches(
    service,
    batches,
    { replace: true },
    (done) => progress.update(done, "documents re-extracted"),
    tally,
    (error) => {
      tally.rejected.push(error);
      progress.note(`rebuild: skipped ${error.message}`);
    },
  );
  progress.finish();
}

async function ingestFiles(service: CorpusWriter<CorpusView>, files: IngestSource[], batch: number, tally: Tally) {
  const progress = new Progress("ingest", files.length);
  const batches: { inputs: DocumentInput[]; done: number }[] = [];
  let pending: DocumentInput[] = [];
  for (const [i, file] of files.entries()) {
    for (const parsed of readAs(file.path, file.source)) {
      if ("input" in parsed) pending.push(parsed.input);
      else {
        tally.rejected.push(parsed.error);
        progress.note(`ingest: skipped ${parsed.error.message}`);
      }
    }
    if (pending.length >= batch || i === files.length - 1) {
      batches.push({ inputs: pending, done: i + 1 });
      pending = [];
    }
  }
  const report = (done: number) => progress.update(done, `files, ${tally.created} new, ${tally.existing} already stored`);
  await storeBatches(service, batches, { replace: false }, report, tally, (error) => {
    tally.rejected.push(error);
    progress.note(`ingest: skipped ${error.message}`);
  });
  progress.finish();
}

/** Reads and checks the files, and adds their documents to the ingest queue; workers extract and store them. */
async function enqueueFiles(location: string, files: IngestSource[], skipped: number, started: number): Promise<number> {
  const store = new PgStore(location);
  try {
    const queue = new IngestQueue(await store.connection());
    let queued = 0;
    let rejected = skipped;
    const pending: DocumentInput[] = [];
    for (const file of files) {
      for (const parsed of readAs(file.path, file.source)) {
        if ("input" in parsed) pending.push(parsed.input);
        else {
          rejected++;
          console.error(`ingest: skipped ${parsed.error.message}`);
        }
      }
      if (pending.length >= 500) queued += await queue.enqueue(pending.splice(0));
    }
    queued += await queue.enqueue(pending);
    const { queued: waiting } = await queue.counts();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${files.length} files: ${queued} queued, ${rejected} rejected in ${seconds}s; ${waiting} waiting for workers -> ${store.location}`,
    );
    return rejected > 0 ? 2 : 0;
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const options = readOptions(process.argv.slice(2));
  // Folders' entries that are no file (a FIFO would block for ever), loops and unreadable paths: said and skipped.
  const skipped: string[] = [];
  const files = listIngestSources(options.inputs, (message) => {
    skipped.push(message);
    console.error(`ingest: skipped ${message}`);
  });
  if (options.inputs.length > 0 && files.length === 0) {
    throw new InputError(`no .txt, .md, .html or .jsonl files found in ${options.inputs.join(", ")}`);
  }
  if (options.queue) return enqueueFiles(options.db, files, skipped.length, started);
  const store = openStore(options.db);
  const pool = createExtractionPool(options.workers);
  try {
    // A rebuild replaces stored documents, and the rows derived from them go with each batch: it resolves per batch.
    const service = await CorpusWriter.open(store, buildExtractionOnly, { pool, deferResolution: !options.rebuild });
    const tally: Tally = { created: 0, existing: 0, replaced: 0, rejected: [] };
    if (options.rebuild) await rebuild(service, await store.loadInputs(), options.batch, tally);
    if (files.length > 0) await ingestFiles(service, files, options.batch, tally);
    await pool.close(); // the workers' memory is given back before the corpus is resolved
    await service.resolveDeferred();
    const { documents, entities, edges } = service.current().extraction;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const work = [
      `${tally.created} new`,
      `${tally.existing} already stored`,
      ...(options.rebuild ? [`${tally.replaced} re-extracted`] : []),
      `${tally.rejected.length + skipped.length} rejected`,
    ].join(", ");
    console.log(
      `${files.length} files: ${work} in ${seconds}s; store: ${documents.length} documents, ${entities.length} entities, ` +
        `${edges.length} edges, ${await megabytes(store)} -> ${store.location}`,
    );
    return tally.rejected.length + skipped.length > 0 ? 2 : 0;
  } finally {
    await pool.close();
    await store.close();
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  if (!(err instanceof InputError || err instanceof StoreFormatError)) throw err;
  console.error(`ingest: ${err.message}`);
  process.exitCode = 2;
}
