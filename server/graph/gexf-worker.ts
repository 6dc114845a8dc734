// Writes the GEXF of the graph it is given and posts the text back.
import { parentPort, workerData } from "node:worker_threads";

import Graph from "graphology";

import type { EntityGraph } from "./build.js";
import { toGexf } from "./gexf.js";

const graph = new Graph({ multi: true, type: "mixed" }) as EntityGraph;
graph.import(workerData);
parentPort!.postMessage(toGexf(graph));
