import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";

import express, { type ErrorRequestHandler, type Request, type Response } from "express";

import { DEFAULT_SENTENCES, entityPageSchema, searchQuerySchema } from "../../common/api/queries.js";
import type { ReadModel } from "../read/model.js";
import { filterGraphInSteps, parseGraphQuery } from "../graph/filter.js";
import { graphQueryKey } from "../graph/query-key.js";
import { runInSlices } from "../slices.js";
import { sendGexf } from "./gexf-response.js";
import { gexfSourceInSteps } from "../graph/gexf-stream.js";
import { type TrustProxy, guardWrites } from "./access.js";
import { correctionRoutes, goneEntityError } from "./corrections.js";
import { type WriteOptions, documentWriteRoutes } from "./documents-write.js";
import { HttpError, readRequest } from "./errors.js";
import { securityHeaders, sourceMaps } from "./headers.js";

export interface AppOptions {
  /** Returns the current corpus: it is replaced when documents are added or removed. */
  corpus: () => ReadModel;
  /** Folder of the built client (index.html, main.js); the API works without it. */
  clientDir?: string;
  /** POST and DELETE /api/documents; without it the API is read-only (those routes answer 404). */
  write?: WriteOptions;
  /** Serve the client's `*.map` files (NODE_ENV=development); otherwise they answer 404. */
  sourceMaps?: boolean;
  /** Express's `trust proxy` (TRUST_PROXY): off unless set, so forwarding headers are not believed. */
  trustProxy?: TrustProxy;
}

const notFound = (what: string, id: string) => new HttpError(404, `unknown ${what}: ${id}`);

export { DEFAULT_SENTENCES };

/**
 * A JSON answer encoded once: its bytes, a gzipped copy for clients that accept it (every browser; a 900 KB
 * graph view is 10x smaller), and its ETag (Express would otherwise hash the body on every request).
 */
interface Prepared {
  body: Buffer;
  gzipped?: Buffer;
  etag: string;
}

const GZIP_ABOVE_BYTES = 2048;

/**
 * A copy in memory of its own size. A small Buffer is a slice of a shared 8 KB pool and gzip's output a slice of
 * its 16 KB chunk: kept in a cache, each would hold on to the whole block, several times the bytes it counts.
 */
function ownBuffer(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes;
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

function prepared(value: unknown): Prepared {
  const body = ownBuffer(Buffer.from(JSON.stringify(value)));
  const answer: Prepared = { body, etag: `W/"${createHash("sha1").update(body).digest("base64url")}"` };
  if (body.length > GZIP_ABOVE_BYTES) answer.gzipped = ownBuffer(gzipSync(body));
  return answer;
}

function sendPrepared(req: Request, res: Response, { body, gzipped, etag }: Prepared): void {
  res.set("ETag", etag).set("Vary", "Accept-Encoding").type("json");
  if (gzipped && req.acceptsEncodings("gzip") === "gzip") res.set("Content-Encoding", "gzip").send(gzipped);
  else res.send(body);
}

/** Builds the Express app without listening, so tests can drive it with supertest. */
export function createApp(options: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);
  app.use(securityHeaders());
  const api = express.Router();
  // Every write route, whichever router adds it, passes the one access check (server/api/access.ts).
  if (options.write) api.use(guardWrites(options.write));

  api.get("/health", (_req, res) => {
    const c = options.corpus();
    res.json({
      ok: true,
      documents: c.extraction.documents.length,
      entities: c.graph.order,
      edges: c.graph.size,
      stamp: c.stamp,
      layout: c.layoutStamp,
      resolving: options.write?.service.provisional() ?? false,
    });
  });

  /**
   * A handler that reads one corpus version from its start to its end, across turns (a filter in slices, an export, an
   * answer that awaits the store): the version's graph is not reused for a later one meanwhile (read/model.ts), until
   * the handler is done or calls `release` (once it no longer reads the graph).
   */
  const reading =
    <P = Record<string, string>>(handler: (corpus: ReadModel, req: Request<P>, res: Response, release: () => void) => Promise<void>) =>
    async (req: Request<P>, res: Response) => {
      const corpus = options.corpus();
      const release = corpus.lease();
      try {
        await handler(corpus, req, res, release);
      } finally {
        release();
      }
    };

  // Filters (types, kinds, minMentions, minWeight, from, to, focus, hops, limit: server/graph/filter.ts); the counts
  // of what is shown and hidden and the full graph's extent travel in a header so the body stays graphology's JSON.
  api.get(
    "/graph",
    reading(async (corpus, req, res) => {
      const query = parseGraphQuery(req.query);
      // In slices: on a graph of 200,000 edges a filter takes a second or more, and other requests go on meanwhile.
      const { view, ...answer } = await corpus.cachedAsync(graphQueryKey(query, corpus), async () => {
        const { graph, total, shown, hidden, bbox } = await runInSlices(filterGraphInSteps(corpus, query));
        return { view: JSON.stringify({ total, shown, hidden, bbox }), ...prepared(graph.export()) };
      });
      res.set("X-Graph-View", view);
      sendPrepared(req, res, answer);
    }),
  );

  api.get(
    "/entities/:id",
    reading<{ id: string }>(async (corpus, req, res) => {
      if (!corpus.hasEntity(req.params.id)) throw goneEntityError(corpus, req.params.id) ?? notFound("entity", req.params.id);
      // Offsets past the end, and limits past it, give the same page: one cache entry each, not one per number.
      const total = corpus.sentenceCount(req.params.id);
      const page = readRequest(entityPageSchema, req.query);
      const offset = Math.min(page.offset ?? 0, total);
      const limit = Math.min(page.limit ?? DEFAULT_SENTENCES, Math.max(1, total - offset));
      const key = `entity:${req.params.id}:${offset}:${limit}`;
      sendPrepared(req, res, await corpus.cachedAsync(key, async () => prepared(await corpus.entity(req.params.id, { offset, limit }))));
    }),
  );

  api.get("/search", (req, res) => {
    const { q, limit } = readRequest(searchQuerySchema, req.query);
    res.json(options.corpus().search(q, limit));
  });

  api.get(
    "/edges/:id",
    reading<{ id: string }>(async (corpus, req, res) => {
      const edge = await corpus.edge(req.params.id);
      if (!edge) throw notFound("edge", req.params.id);
      res.json(edge);
    }),
  );

  api.get("/documents", (_req, res) => {
    res.json(options.corpus().documents());
  });

  api.get(
    "/documents/:id",
    reading<{ id: string }>(async (corpus, req, res) => {
      const doc = await corpus.document(req.params.id);
      if (!doc) throw notFound("document", req.params.id);
      res.json(doc);
    }),
  );

  api.get(
    "/export.gexf",
    reading(async (corpus, req, res, release) => {
      const query = parseGraphQuery(req.query);
      // Named after what it holds: the view a query asks for, or the whole graph. Before type(): attachment()
      // guesses a type from the extension.
      res.attachment(Object.keys(query).length ? "entity-graph-view.gexf" : "entity-graph-all.gexf");
      res.type("application/gexf+xml");
      // No query: the whole graph, with no limit. With one: the same subgraph GET /api/graph shows. Written as sent,
      // from its nodes and edges taken out first: the version's graph is not held while a slow client reads.
      const graph = Object.keys(query).length ? (await runInSlices(filterGraphInSteps(corpus, query))).graph : corpus.graph;
      const source = await runInSlices(gexfSourceInSteps(graph));
      release();
      await sendGexf(res, source);
    }),
  );

  if (options.write) api.use(documentWriteRoutes(options.write));
  api.use(correctionRoutes(options));

  api.use((req: Request, _res: Response) => {
    throw new HttpError(404, `no such endpoint: ${req.method} /api${req.path}`);
  });

  app.use("/api", api);

  if (options.clientDir && existsSync(options.clientDir)) {
    app.use(sourceMaps(options.sourceMaps ?? false), express.static(options.clientDir));
  }

  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = err instanceof HttpError ? err.status : typeof err?.status === "number" ? err.status : 500;
    const message = status >= 500 ? "internal error" : String(err?.message ?? err);
    if (status >= 500) console.error(err);
    const details = err instanceof HttpError && status < 500 ? err.details : undefined;
    res.status(status).json({ error: message, ...details });
  };
  app.use(onError);
  return app;
}
