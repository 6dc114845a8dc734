import { join, resolve } from "node:path";

import { PgStore, isPostgresUrl } from "./postgres.js";
import { SqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";

export type { Store } from "./store.js";

/**
 * Where the store is: `DATABASE_URL` when it is a `postgres://` (or `postgresql://`) URL, else the SQLite file at
 * `DATABASE_PATH`, else `DATA_DIR/graph.db`, else `./data/graph.db`, relative to the working directory.
 */
export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL && isPostgresUrl(env.DATABASE_URL)) return env.DATABASE_URL;
  if (env.DATABASE_PATH) return resolve(env.DATABASE_PATH);
  return resolve(join(env.DATA_DIR || "data", "graph.db"));
}

/** Opens the store at a location from `databasePath`: a PostgreSQL URL or an SQLite file. */
export function openStore(location = databasePath()): Store {
  return isPostgresUrl(location) ? new PgStore(location) : new SqliteStore(location);
}
