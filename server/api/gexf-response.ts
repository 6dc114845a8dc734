// GET /api/export.gexf: the GEXF written while it is sent (graph/gexf-stream.ts), other requests answered between
// its chunks. The route takes the version's nodes and edges out under a lease first (gexfSourceInSteps) and sends
// from them, so the export is of one corpus version throughout without holding that version's graph while a slow
// client reads: a lease held that long made every write meanwhile copy the whole graph.
import { once } from "node:events";
import { setImmediate as nextTurn } from "node:timers/promises";

import type { Response } from "express";

import { type GexfSource, gexfChunks } from "../graph/gexf-stream.js";

/** Waits until `res` can take more, or is closed (a client that went away): true if it can. No listener is left. */
async function drained(res: Response): Promise<boolean> {
  const done = new AbortController();
  const { signal } = done;
  try {
    return await Promise.race([
      // each rejects when the other came first and `done` is aborted: false, not an unhandled rejection
      once(res, "drain", { signal }).then(
        () => true,
        () => false,
      ),
      once(res, "close", { signal }).then(
        () => false,
        () => false,
      ),
    ]);
  } finally {
    done.abort(); // removes the listener of the one that did not come
  }
}

/**
 * Sends the GEXF of `graph` chunk by chunk, waiting for the socket when it is full, and stops when the client goes
 * away. An error before the first chunk is thrown (the error handler answers it); after it, the response is cut.
 */
export async function sendGexf(res: Response, graph: GexfSource): Promise<void> {
  try {
    for (const chunk of gexfChunks(graph)) {
      if (res.destroyed) return;
      if (chunk && !res.write(chunk) && !(await drained(res))) return;
      await nextTurn();
    }
    res.end();
  } catch (err) {
    if (!res.headersSent) throw err;
    res.destroy(err as Error);
  }
}
