// A worker of the extraction pool: extracts the documents it is sent and posts the results back.
import { parentPort } from "node:worker_threads";

import type { DocumentInput } from "../../types.js";
import { extractDocument } from "../index.js";

interface Job {
  id: number;
  inputs: DocumentInput[];
}

parentPort!.on("message", (job: Job) => {
  try {
    parentPort!.postMessage({ id: job.id, results: job.inputs.map((input) => extractDocument(input)) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
