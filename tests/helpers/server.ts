import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Server } from "node:http";

import { createApp } from "../../server/api/app.js";
import { ReadModel } from "../../server/read/model.js";
import { extractDocument } from "../../server/extract/index.js";
import { listArticleFiles, readArticle } from "../../server/io/read-documents.js";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

let seeds: ReadModel | undefined;
/** The seeds corpus, extracted once per test file. */
export function seedCorpus(): ReadModel {
  seeds ??= new ReadModel(listArticleFiles([`${repoRoot}seeds`]).map((f) => extractDocument(readArticle(f, repoRoot))));
  return seeds;
}

/** Starts the real app on a free loopback port. */
export async function startServer(corpus = seedCorpus()): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createApp({ corpus: () => corpus, clientDir: `${repoRoot}dist/client` });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
