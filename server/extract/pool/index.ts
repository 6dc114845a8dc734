import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

import { RejectedInput } from "../../ingest/errors.js";
import type { DocExtraction, DocumentInput } from "../../types.js";
import { type BoundedExtraction, extractBounded } from "../index.js";
import { LIMITS } from "../limits.js";

/** One document's extraction, or why it could not be extracted (it ran out of time or memory). */
export type ExtractionOutcome = BoundedExtraction | { refused: RejectedInput };

export interface ExtractionPool {
  readonly size: number;
  /** Workers running now: none until the first job. */
  readonly started: number;
  /** Extracts every input; results come back in input order whatever worker did them. Fails if any document fails. */
  extract(inputs: DocumentInput[]): Promise<DocExtraction[]>;
  /** Extracts every input, each succeeding or failing on its own (a worker that dies fails only its document). */
  extractEach(inputs: DocumentInput[]): Promise<ExtractionOutcome[]>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Extraction of one document longer than this stops its worker and fails the document. */
  budgetMs?: number;
  /** Old-generation heap of each worker (the model and lexicon take about 200 MB of it). */
  maxHeapMb?: number;
  /** The worker's entry module (tests give one that can be made to fail); by default ./worker-entry.mjs. */
  entry?: URL;
}

/** Pool size from EXTRACT_WORKERS (0: extract on the calling thread), else one worker per core. */
export function defaultPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.EXTRACT_WORKERS?.trim();
  const fromEnv = raw ? Number(raw) : NaN;
  return Number.isInteger(fromEnv) && fromEnv >= 0 ? fromEnv : availableParallelism();
}

// Documents per message: big enough that messaging is cheap next to extraction, small enough to balance.
const BATCH = 8;
export const WORKER_HEAP_MB = 1024;

const failed = (outcome: ExtractionOutcome): outcome is { refused: RejectedInput } => "refused" in outcome;

async function allOrFail(outcomes: Promise<ExtractionOutcome[]>): Promise<DocExtraction[]> {
  return (await outcomes).map((o) => {
    if (failed(o)) throw o.refused;
    return o.extraction;
  });
}

interface Task {
  input: DocumentInput;
  resolve: (outcome: ExtractionOutcome) => void;
  reject: (err: Error) => void;
}

/** What a worker posts per document: its extraction, or the error extraction threw (a bug: the request fails). */
type WorkerMessage = { index: number; result: BoundedExtraction } | { index: number; error: string };

/**
 * Extraction in worker threads, so a big batch neither blocks the server's event loop nor leaves a core idle.
 * Extraction is pure, so the results are the same (byte for byte) with one worker or many.
 * A worker that runs out of memory, crashes, or spends more than the budget on one document is replaced; that
 * document is refused with the reason, and the rest of its batch goes to the next worker.
 * `size: 0` extracts on the calling thread (for small jobs and tests; no time budget there).
 * Workers start when work waits for them, not before (`grow`): a server that only reads never pays for their
 * models (about 155 MB each at rest), and one that takes a post at a time runs one.
 */
export function createExtractionPool(size = defaultPoolSize(), options: PoolOptions = {}): ExtractionPool {
  if (size <= 0) {
    const extractEach = async (inputs: DocumentInput[]) => inputs.map((input) => extractBounded(input));
    return { size: 0, started: 0, extractEach, extract: (inputs) => allOrFail(extractEach(inputs)), close: async () => {} };
  }
  const budgetMs = options.budgetMs ?? LIMITS.extractionMs;
  const maxHeapMb = options.maxHeapMb ?? WORKER_HEAP_MB;
  const entry = options.entry ?? new URL("./worker-entry.mjs", import.meta.url);
  const queue: Task[] = [];
  const running = new Set<Worker>();
  /** Workers that have loaded their model (a worker says so once): the time budget does not count the loading. */
  const ready = new WeakSet<Worker>();
  let closed = false;

  /** One worker slot: takes batches from the queue until it is empty; a new worker replaces one that failed. */
  interface Slot {
    worker: Worker;
    busy: boolean;
  }
  const replace = (slot: Slot) => {
    running.delete(slot.worker);
    void slot.worker.terminate();
    if (!closed) slot.worker = spawn(slot);
  };
  const spawn = (slot?: Slot) => {
    const worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    running.add(worker);
    worker.on("message", (msg: { ready?: boolean }) => msg.ready && ready.add(worker));
    // Between jobs nothing listens for a job's errors: an idle worker that dies is replaced (and never ends the process).
    worker.on("error", () => undefined);
    worker.on("exit", () => {
      if (slot && !slot.busy && slot.worker === worker) replace(slot);
    });
    return worker;
  };
  const slots: Slot[] = [];
  /**
   * One more worker for each batch that waits with every worker busy, up to `size`: the ingest CLI's first 400
   * documents start them all, a server's posts one at a time keep one (each costs its models' memory).
   */
  const grow = () => {
    const idle = slots.filter((slot) => !slot.busy).length;
    for (let extra = Math.ceil(queue.length / BATCH) - idle; extra > 0 && slots.length < size; extra--) {
      const slot: Slot = { worker: undefined as unknown as Worker, busy: false };
      slot.worker = spawn(slot);
      slots.push(slot);
    }
  };

  const runBatch = (worker: Worker, batch: Task[]) =>
    new Promise<boolean>((settled) => {
      let next = 0; // the first task of the batch without an answer: the one the worker is on
      let timer: NodeJS.Timeout;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => stop(`extraction took longer than the ${budgetMs / 1000} s budget per document`), budgetMs);
      };
      const finish = (healthy: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        settled(healthy);
      };
      // The document the worker was on fails; the others go back to the front of the queue for the next worker.
      const stop = (reason: string) => {
        finish(false);
        void worker.terminate();
        batch[next]?.resolve({ refused: new RejectedInput("too-large", reason) });
        queue.unshift(...batch.slice(next + 1));
      };
      const onMessage = (msg: WorkerMessage | { ready: true }) => {
        if ("ready" in msg) return arm(); // loaded: the first document's budget starts now
        const task = batch[msg.index]!;
        next = msg.index + 1;
        if ("error" in msg) task.reject(new Error(`extraction worker: ${msg.error}`));
        else task.resolve(msg.result);
        if (next >= batch.length) finish(true);
        else arm();
      };
      const onError = (err: Error & { code?: string }) =>
        stop(
          err.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `extraction ran out of memory (${maxHeapMb} MB per worker)`
            : `extraction worker failed: ${err.message}`,
        );
      const onExit = (code: number) => stop(`extraction worker stopped (exit code ${code})`);
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.once("exit", onExit);
      if (ready.has(worker)) arm();
      worker.postMessage({ inputs: batch.map((t) => t.input) });
    });

  const pump = () => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0 || closed) continue;
      slot.busy = true;
      void runBatch(slot.worker, queue.splice(0, BATCH)).then((healthy) => {
        if (!healthy) replace(slot);
        slot.busy = false;
        pump();
      });
    }
  };

  const extractEach = (inputs: DocumentInput[]) =>
    Promise.all(
      inputs.map(
        (input) =>
          new Promise<ExtractionOutcome>((resolve, reject) => {
            if (closed) return reject(new Error("the extraction pool is closed"));
            queue.push({ input, resolve, reject });
            grow();
            pump();
          }),
      ),
    );

  return {
    size,
    get started() {
      return running.size;
    },
    extractEach,
    extract: (inputs) => allOrFail(extractEach(inputs)),
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error("the extraction pool is closed"));
      await Promise.all([...running].map((w) => w.terminate()));
      running.clear();
    },
  };
}
