// The server as `npm start` runs it, in a child process on a free port, and what tests need around it.
import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

import { repoRoot } from "./server.js";

export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `npm start`'s process, on a free port, with its own store and no seeds. */
export interface Running {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

export async function startServerProcess(db: string, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "server", "main.ts"), "--no-seeds"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_PATH: db, EXTRACT_WORKERS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = await until(
    "the server to listen",
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      return m ? Number(m[1]) : undefined;
    },
    120_000, // a big store's first start lays the graph out
  );
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

const fetchHealth = async (url: string) => (await fetch(`${url}/api/health`)).json() as Promise<{ documents: number; stamp: string }>;

/** A kept-alive connection the server closed while this process was blocked (a spawnSync of the CLI) resets when reused. */
const isReset = (err: unknown) => (err as { cause?: { code?: string } }).cause?.code === "ECONNRESET";

/**
 * The server's health. Asked again once on a reset connection: after a test blocks longer than the server's
 * keep-alive timeout (5 s; an ingest CLI run on a loaded machine), the client reuses a socket the server has closed.
 * A server that is gone refuses the second connection, and that error is thrown.
 */
export async function health(url: string) {
  try {
    return await fetchHealth(url);
  } catch (err) {
    if (!isReset(err)) throw err;
    return fetchHealth(url);
  }
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** `npm run ingest -- <args>` into the store at `db`, to the end. */
export function ingestCli(db: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "scripts", "ingest.ts"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, DATABASE_PATH: db },
  });
}
