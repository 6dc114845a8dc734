// POST /api/documents and DELETE /api/documents/:id. Present only when the app has a CorpusWriter.
import express, { type Request, type RequestHandler, type Response, Router } from "express";

import { type CorpusWriter, UnknownDocumentError } from "../corpus-writer.js";
import { decodeUtf8 } from "../ingest/decode.js";
import { RejectedInput } from "../ingest/errors.js";
import { type Parsed, formatOf, parseFile } from "../ingest/formats.js";
import { splitMultipart } from "../ingest/multipart.js";
import { parseDocumentInput } from "../ingest/validate.js";
import type { WriteAccess } from "./access.js";
import { HttpError } from "./errors.js";

/** Who may write (`token`, `allowedHosts`): the app guards every write route with it (`guardWrites`). */
export interface WriteOptions extends WriteAccess {
  service: CorpusWriter;
  /** Largest request body in bytes (413 above). */
  maxBodyBytes: number;
}

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

const ACCEPTED_TYPES = "application/json, text/plain, text/markdown, text/html, application/x-ndjson or multipart/form-data";

/** The body as bytes, whatever its type, up to the limit; body-parser's 413 becomes one that names the limit. */
function readBody(maxBodyBytes: number): RequestHandler {
  const raw = express.raw({ type: () => true, limit: maxBodyBytes });
  return (req, res, next) =>
    raw(req, res, (err?: unknown) => {
      const tooLarge = (err as { type?: string } | undefined)?.type === "entity.too.large";
      next(tooLarge ? new RejectedInput("too-large", `request body larger than the ${maxBodyBytes}-byte limit`) : err);
    });
}

/** JSON: one document object, or an array of them (each is checked on its own, like the files of an upload). */
function parseJsonBody(bytes: Buffer): Parsed[] {
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(bytes, "request body"));
  } catch (err) {
    if (err instanceof RejectedInput) throw err;
    throw new RejectedInput("invalid", `invalid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(value)) return [{ where: "request body", input: parseDocumentInput(value) }];
  if (value.length === 0) throw new RejectedInput("invalid", "empty array: no documents");
  return value.map((item, i) => {
    const where = `document ${i}`;
    try {
      return { where, input: parseDocumentInput(item, where) };
    } catch (err) {
      if (err instanceof RejectedInput) return { where, error: err };
      throw err;
    }
  });
}

/** Every document the request carries, each parsed or refused on its own. */
async function parseRequest(req: Request): Promise<Parsed[]> {
  const mediaType = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (mediaType === "multipart/form-data") {
    const files = await splitMultipart(req.headers, body);
    if (files.length === 0) throw new RejectedInput("invalid", "the upload has no files");
    return files.flatMap((f) => parseFile(f.name, f.bytes, f.mediaType));
  }
  if (mediaType === "application/json") return parseJsonBody(body);
  if (!formatOf("", mediaType)) {
    throw new RejectedInput("unsupported", `unsupported content type "${mediaType || "(none)"}": send ${ACCEPTED_TYPES}`);
  }
  return parseFile("request body", body, mediaType);
}

interface Rejection {
  where: string;
  status: number;
  error: string;
}

/**
 * Batch policy: the documents that parse are stored (in one transaction) and the others reported in `rejected`;
 * the answer is 201 when something new was stored, 200 when everything was already there. When nothing in the
 * request could be stored, it fails as a whole: with the one error's status, or 400 for several mixed reasons.
 */
function failWhole(rejected: Rejection[], single: boolean): never {
  const statuses = new Set(rejected.map((r) => r.status));
  const status = statuses.size === 1 ? rejected[0]!.status : 400;
  if (single) throw new HttpError(status, rejected[0]!.error);
  throw new HttpError(status, `no document stored: ${rejected.length} refused`, { rejected });
}

async function postDocuments(service: CorpusWriter, req: Request, res: Response): Promise<void> {
  const parsed = await parseRequest(req);
  const good = parsed.flatMap((p) => ("input" in p ? [p] : []));
  const rejected: Rejection[] = parsed.flatMap((p) =>
    "error" in p ? [{ where: p.where, status: p.error.status, error: p.error.message }] : [],
  );
  if (good.length === 0) failWhole(rejected, parsed.length === 1);
  // Extraction can refuse a document too (over the limits, out of time or memory): it joins the rejected.
  const extracted = (await service.extractEach(good.map((p) => p.input))).map((e, i) => ({ ...e, where: good[i]!.where }));
  const ready = extracted.flatMap((e) => ("stored" in e ? [e] : []));
  for (const e of extracted)
    if ("refused" in e) rejected.push({ where: e.where, status: e.refused.status, error: `${e.where}: ${e.refused.message}` });
  if (ready.length === 0) failWhole(rejected, parsed.length === 1);
  const result = await service.ingestExtracted(ready.map((e) => e.stored));
  const documents = result.documents.map((d, i) => ({
    ...d,
    from: ready[i]!.where,
    ...(ready[i]!.cuts.length ? { cut: ready[i]!.cuts } : {}),
  }));
  const created = documents.some((d) => d.status !== "existing");
  res.status(created ? 201 : 200).json({ documents, rejected, change: result.change });
}

export function documentWriteRoutes(options: WriteOptions): Router {
  const router = Router();

  router.post("/documents", readBody(options.maxBodyBytes), (req: Request, res: Response) => postDocuments(options.service, req, res));

  router.delete("/documents/:id", async (req: Request<{ id: string }>, res: Response) => {
    try {
      const change = await options.service.remove(req.params.id);
      res.json({ id: req.params.id, change });
    } catch (err) {
      if (err instanceof UnknownDocumentError) throw new HttpError(404, err.message);
      throw err;
    }
  });
  return router;
}
