import { join, resolve } from "node:path";

import { SqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";

export type { Store } from "./store.js";

/** `DATABASE_PATH`, else `DATA_DIR/graph.db`, else `./data/graph.db`, relative to the working directory. */
export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_PATH) return resolve(env.DATABASE_PATH);
  return resolve(join(env.DATA_DIR || "data", "graph.db"));
}

/** Opens the configured store; the one place a second backend (PostgreSQL, see README) would be chosen. */
export function openStore(path = databasePath()): Store {
  return new SqliteStore(path);
}
