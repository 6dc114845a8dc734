// Memory stays bounded whatever clients ask: the real server (npm start's server/main.ts, in a child process
// with CACHE_MB=16) answers 5,000 distinct graph queries and its resident memory grows by at most the cache bound
// plus a margin. Before the byte bound it kept 5,000 answers whatever their size.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { EDGE_FILTER_KINDS } from "../server/graph/filter.js";
import { ENTITY_TYPES } from "../server/types.js";
import { repoRoot } from "./helpers/server.js";
import { tempDir } from "./store/fixtures.js";

const CACHE_MB = 16;
/** Room for what is not the cache: heap growth before a collection, sockets, allocator slack. */
const MARGIN_MB = 48;
const QUERIES = 5000;

const hasProc = existsSync("/proc/self/status");
if (!hasProc) console.warn("SKIPPED cache memory test: no /proc to read a process's resident memory from");

/** Resident memory of a process in MB, from /proc (Linux). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * The i-th of many distinct queries: every limit from 1 to 5,000 (all those above the node count give the same
 * view, which must be kept once), and minimum mentions, types and edge kinds in many combinations.
 */
function query(i: number): string {
  const params = new URLSearchParams({ limit: String(1 + i), minMentions: String(1 + (i % 3)) });
  const types = ENTITY_TYPES.filter((_t, k) => ((i >> 2) & (1 << k)) !== 0);
  const kinds = EDGE_FILTER_KINDS.filter((_k, k) => ((i >> 2) & (1 << k)) !== 0);
  if (i % 4 === 1 && types.length) params.set("types", types.join(","));
  if (i % 4 === 2 && kinds.length) params.set("kinds", kinds.join(","));
  return `/api/graph?${params}`;
}

describe.skipIf(!hasProc)("response cache under many distinct queries", () => {
  const { dir, remove } = tempDir("cache-memory-");
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    // A heap limit, so that V8 collects garbage as it goes rather than letting the heap grow first (by some 100 MB
    // here, which would hide what the cache keeps); the cache's buffers live outside that heap, so they still count.
    const node = ["--max-old-space-size=256", "--import", "tsx", join(repoRoot, "server", "main.ts")];
    child = spawn(process.execPath, node, {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_PATH: join(dir, "graph.db"),
        CACHE_MB: String(CACHE_MB),
        EXTRACT_WORKERS: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("listening on")) resolve();
      });
      child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
    url = `http://127.0.0.1:${port}`;
  }, 120_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    remove();
  });

  /** Sends the queries, eight at a time; every answer must be a graph. */
  async function send(from: number, to: number): Promise<void> {
    let next = from;
    const worker = async () => {
      while (next < to) {
        const res = await fetch(url + query(next++), { headers: { "accept-encoding": "gzip" } });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  it(`keeps resident memory within CACHE_MB + ${MARGIN_MB} MB over ${QUERIES} distinct graph queries`, async () => {
    await send(QUERIES, QUERIES + 300); // warm up: code paths compiled, buffers allocated (views of the whole graph)
    const before = rssMb(child.pid!);
    await send(0, QUERIES);
    const after = rssMb(child.pid!);
    console.log(`cache memory: RSS ${before.toFixed(0)} MB -> ${after.toFixed(0)} MB over ${QUERIES} queries (CACHE_MB=${CACHE_MB})`);
    expect(after - before).toBeLessThan(CACHE_MB + MARGIN_MB);
  }, 180_000);
});
