// The corrections routes: the log (GET), a correction (POST), undo (DELETE), and corrections.json export and import.
// Writes take the same access rules as document writes: the app guards every write route (./access.ts guardWrites).
import express, { type Request, type Response, Router } from "express";

import { correctionIdSchema, duplicatesQuerySchema } from "../../common/api/queries.js";
import type { ReadModel } from "../read/model.js";
import { addCorrection, correctionsLog, exportCorrections, importCorrections, undoCorrection } from "../corrections/service.js";
import { possibleDuplicates } from "../corrections/review.js";
import { CorrectionError } from "../corrections/validate.js";
import type { WriteOptions } from "./documents-write.js";
import { HttpError, readRequest } from "./errors.js";

const MAX_CORRECTIONS_BODY = 5 * 1024 * 1024;

/** A CorrectionError as the JSON error handler sends it: `{ error, field?, mergedInto? }`. */
async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof CorrectionError) throw new HttpError(err.status, err.message, err.details);
    throw err;
  }
}

/** The 404 for an entity a correction took away: where it went (`mergedInto`), or that it is hidden. */
export function goneEntityError(corpus: ReadModel, id: string): HttpError | undefined {
  const gone = corpus.extraction.corrections?.gone ?? {};
  let g = gone[id];
  if (!g) return undefined;
  if (!g.to) return new HttpError(404, `entity ${id} is hidden (correction #${g.correction})`, { hidden: true, correction: g.correction });
  let to = g.to;
  for (let hops = 0; gone[to]?.to && hops < 100; hops++) to = gone[to]!.to!;
  g = gone[id]!;
  const verb = g.action === "retype" ? "was retyped as" : "was merged into";
  return new HttpError(404, `entity ${id} ${verb} ${to} (correction #${g.correction})`, { mergedInto: to, correction: g.correction });
}

export function correctionRoutes(options: { corpus: () => ReadModel; write?: WriteOptions | undefined }): Router {
  const router = Router();

  router.get("/corrections", (_req, res) => {
    const corpus = options.corpus();
    res.json({ corrections: correctionsLog(corpus.corrections, corpus.extraction) });
  });

  router.get("/review/duplicates", (req, res) => {
    const { limit } = readRequest(duplicatesQuerySchema, req.query);
    const corpus = options.corpus();
    res.json({ duplicates: corpus.cached(`duplicates:${limit}`, () => possibleDuplicates(corpus.extraction, corpus.graph, limit)) });
  });

  router.get("/corrections/export", (_req, res) => {
    res.attachment("corrections.json").json(exportCorrections(options.corpus().corrections));
  });

  const write = options.write;
  if (!write) return router;
  const json = express.json({ type: () => true, limit: MAX_CORRECTIONS_BODY });
  const author = write.token ? "token" : "local";

  router.post("/corrections", json, async (req: Request, res: Response) => {
    res.status(201).json(await translated(() => addCorrection(write.service, req.body, author)));
  });

  router.post("/corrections/import", json, async (req: Request, res: Response) => {
    const { imported, change } = await translated(() => importCorrections(write.service, req.body));
    const log = correctionsLog(imported, write.service.current().extraction);
    res.status(201).json({ imported: log, change });
  });

  router.delete("/corrections/:id", async (req: Request<{ id: string }>, res: Response) => {
    const id = readRequest(correctionIdSchema, req.params.id);
    res.json(await translated(() => undoCorrection(write.service, id)));
  });
  return router;
}
