// The store suites run once per backend: SQLite always, PostgreSQL when PG_TEST_URL names a server to create
// databases on (e.g. `PG_TEST_URL=$(npm run -s pg:local)`; .ci/run starts one). Each store gets its own database,
// dropped after the file's tests, as each SQLite store gets its own file.
import { spawn } from "node:child_process";

import pg from "pg";
import { afterAll, describe } from "vitest";

import { PgStore, isPostgresUrl } from "../../server/store/postgres.js";
import { SqliteStore } from "../../server/store/sqlite.js";
import type { Store } from "../../server/store/store.js";
import { repoRoot } from "../helpers/server.js";
import { tempDir } from "./fixtures.js";

export const PG_TEST_URL = process.env.PG_TEST_URL || undefined;

export interface Backend {
  name: "sqlite" | "postgres";
  available: boolean;
  /** Where a new, empty store can be made: a file in a fresh folder, or a new database on the test server. */
  location(label?: string): Promise<string>;
  open(location: string): Store & { checkIntegrity(): string | Promise<string> };
  /** Removes every store `location` made. */
  cleanup(): Promise<void>;
  /** Opens the store called `name` in this file: made empty the first time, the same one again after. */
  store(name: string): Promise<Store & { checkIntegrity(): string | Promise<string> }>;
}

/** `store(name)` on top of a backend's location and open. */
function withNamedStores(backend: Omit<Backend, "store">): Backend {
  const named = new Map<string, Promise<string>>();
  return {
    ...backend,
    async store(name) {
      if (!named.has(name)) named.set(name, backend.location(name));
      return backend.open(await named.get(name)!);
    },
    async cleanup() {
      named.clear();
      await backend.cleanup();
    },
  };
}

function sqliteBackend(): Omit<Backend, "store"> {
  const dirs: (() => void)[] = [];
  let n = 0;
  return {
    name: "sqlite",
    available: true,
    async location(label = "graph") {
      const { dir, remove } = tempDir(`${label}-`);
      dirs.push(remove);
      return `${dir}/${label}-${n++}.db`;
    },
    open: (location) => new SqliteStore(location),
    async cleanup() {
      dirs.splice(0).forEach((r) => r());
    },
  };
}

function postgresBackend(): Omit<Backend, "store"> {
  const made: string[] = [];
  let admin: pg.Client | undefined;
  const connect = async () => {
    if (!admin) {
      admin = new pg.Client({ connectionString: PG_TEST_URL });
      await admin.connect();
    }
    return admin;
  };
  return {
    name: "postgres",
    available: PG_TEST_URL !== undefined,
    async location(label = "graph") {
      const name = `t_${label.replace(/\W/g, "_")}_${process.pid}_${made.length}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
      await (await connect()).query(`CREATE DATABASE ${name}`);
      made.push(name);
      const url = new URL(PG_TEST_URL!);
      url.pathname = `/${name}`;
      return url.toString();
    },
    open: (location) => new PgStore(location),
    async cleanup() {
      if (!admin) return;
      for (const name of made.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      admin = undefined;
    },
  };
}

export const BACKENDS: Backend[] = [withNamedStores(sqliteBackend()), withNamedStores(postgresBackend())];

if (!PG_TEST_URL) console.warn("PostgreSQL store tests skipped: PG_TEST_URL is not set (see README, PostgreSQL)");

/** `fn` once per backend, in a describe named after it; PostgreSQL's is skipped, and says so, without PG_TEST_URL. */
export function describeEachBackend(name: string, fn: (backend: Backend) => void): void {
  for (const backend of BACKENDS) {
    const title = backend.available ? `${name} [${backend.name}]` : `${name} [${backend.name}: skipped, PG_TEST_URL not set]`;
    describe.skipIf(!backend.available)(title, () => {
      afterAll(() => backend.cleanup());
      fn(backend);
    });
  }
}

/** The store's own integrity check, whichever backend: "ok" when sound. */
export async function checkIntegrity(store: Store): Promise<string> {
  return (store as Store & { checkIntegrity(): string | Promise<string> }).checkIntegrity();
}

/** The environment that points a CLI (ingest, worker) at a store: a PostgreSQL URL or an SQLite file. */
export const storeEnv = (location: string): NodeJS.ProcessEnv =>
  isPostgresUrl(location)
    ? { ...process.env, DATABASE_URL: location, DATABASE_PATH: "" }
    : { ...process.env, DATABASE_PATH: location, DATABASE_URL: "" };

/** Runs `node <args>` in the repository to its end and gives back its exit code and output. */
export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
