// A store of the seeds behind the real app, for the corrections tests: the service, the app and a way to reopen it.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

import request from "supertest";

import { createApp } from "../../server/api/app.js";
import { CorpusWriter, buildReadModel } from "../../server/corpus-writer.js";
import { listArticleFiles, readArticle } from "../../server/io/read-documents.js";
import { SqliteStore } from "../../server/store/sqlite.js";
import { repoRoot } from "../helpers/server.js";

export const seedInputs = () => listArticleFiles([`${repoRoot}seeds`]).map((f) => readArticle(f, repoRoot));

export async function openSeedStore(path: string, options: { seed?: boolean } = {}) {
  const store = new SqliteStore(path);
  const service = await CorpusWriter.open(store, buildReadModel);
  if (options.seed) await service.ingest(seedInputs());
  const app = createApp({ corpus: () => service.current(), write: { service, maxBodyBytes: 1 << 20 } });
  return { store, service, app, api: () => request(app) };
}

/** `npm run ingest -- --rebuild` on the store file, as a second process (on the main thread: the machine is shared). */
export const rebuildStore = (path: string) =>
  spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "scripts", "ingest.ts"), "--rebuild", "--workers", "0"], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, DATABASE_PATH: path },
  });
