// An extraction worker for tests: extracts like the real one, except that a document whose text is
// "exhaust memory" allocates until the heap limit and one whose text is "spin forever" never ends.
import { parentPort } from "node:worker_threads";

import { register } from "tsx/esm/api";

register();
const { extractBounded } = await import("../../server/extract/index.ts");
extractBounded({ text: "Ready." });
parentPort.postMessage({ ready: true });

parentPort.on("message", (job) => {
  job.inputs.forEach((input, index) => {
    if (input.text === "exhaust memory") {
      const hoard = [];
      for (;;) hoard.push(new Array(1e6).fill(hoard.length));
    }
    if (input.text === "spin forever") for (;;);
    parentPort.postMessage({ index, result: extractBounded(input) });
  });
});
