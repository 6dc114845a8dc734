// A worker of the extraction pool: extracts the documents it is sent, one by one, and posts each result back as
// soon as it is done, so the pool knows which document a worker was on if it dies or runs over its time budget.
import { parentPort } from "node:worker_threads";

import type { DocumentInput } from "../../types.js";
import { extractBounded } from "../index.js";

// Load the model and lexicons before saying so: the pool's time budget starts once the worker is ready.
extractBounded({ text: "Ready." });
parentPort!.postMessage({ ready: true });

parentPort!.on("message", (job: { inputs: DocumentInput[] }) => {
  job.inputs.forEach((input, index) => {
    try {
      parentPort!.postMessage({ index, result: extractBounded(input) });
    } catch (err) {
      parentPort!.postMessage({ index, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
});
