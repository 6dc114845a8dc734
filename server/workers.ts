import { Worker } from "node:worker_threads";

/**
 * Runs a one-shot worker (its entry registers tsx, see graph/*-worker-entry.mjs) on `data` and resolves with
 * the one message it posts back: for work that must not block the event loop.
 */
export function runOnce<T>(entry: URL, data: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: data });
    worker.once("message", (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}
