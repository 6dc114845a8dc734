import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

import type { DocExtraction, DocumentInput } from "../../types.js";
import { extractDocument } from "../index.js";

export interface ExtractionPool {
  readonly size: number;
  /** Extracts every input; results come back in input order whatever worker did them. */
  extract(inputs: DocumentInput[]): Promise<DocExtraction[]>;
  close(): Promise<void>;
}

/** Pool size from EXTRACT_WORKERS, else one worker per core. */
export function defaultPoolSize(): number {
  const fromEnv = Number(process.env.EXTRACT_WORKERS);
  return Number.isInteger(fromEnv) && fromEnv >= 1 ? fromEnv : availableParallelism();
}

// Documents per message: big enough that messaging is cheap next to extraction, small enough to balance.
const BATCH = 8;

/**
 * Extraction in worker threads, so a big batch neither blocks the server's event loop nor leaves a core idle.
 * Extraction is pure, so the results are the same (byte for byte) with one worker or many.
 * `size: 0` extracts on the calling thread (for small jobs and tests).
 */
export function createExtractionPool(size = defaultPoolSize()): ExtractionPool {
  if (size <= 0) {
    return {
      size: 0,
      extract: async (inputs) => inputs.map((input) => extractDocument(input)),
      close: async () => {},
    };
  }
  const workers = Array.from({ length: size }, () => new Worker(new URL("./worker-entry.mjs", import.meta.url)));
  const idle = [...workers];
  const waiting: (() => void)[] = [];
  let nextId = 0;

  const run = (worker: Worker, inputs: DocumentInput[]) =>
    new Promise<DocExtraction[]>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (msg: { id: number; results?: DocExtraction[]; error?: string }) => {
        if (msg.id !== id) return;
        worker.off("message", onMessage);
        worker.off("error", onError);
        if (msg.error) reject(new Error(`extraction worker: ${msg.error}`));
        else resolve(msg.results!);
      };
      const onError = (err: Error) => {
        worker.off("message", onMessage);
        reject(err);
      };
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.postMessage({ id, inputs });
    });

  const acquire = async (): Promise<Worker> => {
    while (idle.length === 0) await new Promise<void>((r) => waiting.push(r));
    return idle.pop()!;
  };
  const release = (w: Worker) => {
    idle.push(w);
    waiting.shift()?.();
  };

  return {
    size,
    async extract(inputs) {
      const batches: DocumentInput[][] = [];
      for (let i = 0; i < inputs.length; i += BATCH) batches.push(inputs.slice(i, i + BATCH));
      const results = await Promise.all(
        batches.map(async (batch) => {
          const worker = await acquire();
          try {
            return await run(worker, batch);
          } finally {
            release(worker);
          }
        }),
      );
      return results.flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
