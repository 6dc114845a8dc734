import { fileURLToPath } from "node:url";

import { createApp } from "./api/app.js";
import { Corpus } from "./corpus.js";
import { extractDocument } from "./extract/index.js";
import { listArticleFiles, readArticle } from "./io/read-documents.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const seedsDir = process.env.SEEDS_DIR ?? `${root}seeds`;

const started = performance.now();
const docs = listArticleFiles([seedsDir]).map((f) => extractDocument(readArticle(f, root)));
const corpus = new Corpus(docs);
const app = createApp({ corpus: () => corpus, clientDir: `${root}dist/client` });

const server = app.listen(port, host, () => {
  const s = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `entity graph: ${docs.length} documents, ${corpus.graph.order} entities, ${corpus.graph.size} edges (${s}s)\n` +
      `listening on http://${host}:${port}`,
  );
});

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
