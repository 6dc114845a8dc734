// The layout worker: one thread that lives as long as the server, taking one graph at a time. `full` lays the graph
// out from its seeded start (a first start); `refine` moves only its new nodes (a write, layout-incremental.ts). Both
// compute the metrics again and post the record back.
import { parentPort } from "node:worker_threads";

import { computeMetrics } from "./build.js";
import { type LayoutRecord, applyLayout, readPositions } from "./layout.js";
import { type LayoutInput, graphOfLayoutInput } from "./layout-input.js";
import { refineLayout } from "./layout-incremental.js";

export interface LayoutJob {
  id: number;
  kind: "full" | "refine";
  graph: LayoutInput;
}

export type LayoutReply = { id: number; record: LayoutRecord } | { id: number; error: string };

parentPort!.on("message", ({ id, kind, graph: data }: LayoutJob) => {
  try {
    const graph = graphOfLayoutInput(data);
    const metrics = computeMetrics(graph);
    if (kind === "full") applyLayout(graph);
    else refineLayout(graph);
    parentPort!.postMessage({ id, record: { positions: readPositions(graph), metrics } } satisfies LayoutReply);
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies LayoutReply);
  }
});
