// Computes the metrics and the ForceAtlas2 layout of the graph it is given and posts them back.
import { parentPort, workerData } from "node:worker_threads";

import Graph from "graphology";

import { computeMetrics } from "./build.js";
import { type LayoutRecord, applyLayout, readPositions } from "./layout.js";

const graph = new Graph({ multi: true, type: "mixed" });
graph.import(workerData);
const metrics = computeMetrics(graph);
applyLayout(graph);
parentPort!.postMessage({ positions: readPositions(graph), metrics } satisfies LayoutRecord);
