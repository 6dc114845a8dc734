// Computes the ForceAtlas2 layout of the graph it is given and posts the positions back.
import { parentPort, workerData } from "node:worker_threads";

import Graph from "graphology";

import { applyLayout, readPositions } from "./layout.js";

const graph = new Graph({ multi: true, type: "mixed" });
graph.import(workerData);
applyLayout(graph);
parentPort!.postMessage(readPositions(graph));
