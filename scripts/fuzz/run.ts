// One fuzz run: the real server on a temp store, `requests` seeded requests from fuzzRequest, a few at a time; then
// the checks: the server is alive, no answer was a 5xx, none took longer than the hang limit, no error reached the
// last-resort handler, and the store equals a rebuild of its documents.
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { mulberry32 } from "../../server/random.js";
import { checkStore } from "../lib/store-check.js";
import { type FuzzRequest, type Known, fuzzRequest } from "./inputs.js";
import { startServer } from "./server.js";

export interface FuzzOptions {
  requests: number;
  seed: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** A request with no answer after this long is a hang. */
  hangMs?: number;
  /** Where to copy the run's store before it is deleted (to profile what the fuzz stored). */
  keepStore?: string;
  /**
   * A store file to start from (copied, never changed): a run on a copy of a big store reaches the state that the
   * end of a long run reaches, in minutes (a store of 4,000 fuzz documents is an hour of requests).
   */
  fromStore?: string;
  /** Where the server writes its CPU profile when it stops (to find what a slow answer waited for). */
  profileDir?: string;
  log?: (line: string) => void;
}

export interface FuzzReport {
  requests: number;
  seed: number;
  seconds: number;
  crashes: number;
  serverErrors: { kind: string; status: number; error: string }[];
  hangs: { kind: string; path: string }[];
  /** Answers that took longer than the hang limit in all but never stopped coming (big exports). */
  longAnswers: { kind: string; seconds: number }[];
  unanswered: { kind: string; error: string }[];
  /** Lines the last-resort handler logged: errors no other handler caught. */
  escaped: string[];
  /** Answers by status, and by kind of input. */
  statuses: Record<string, number>;
  byKind: Record<string, Record<string, number>>;
  slowestMs: number;
  store: { documents: number; problems: string[] };
  ok: boolean;
}

/** Answers slower than this are logged as they come. */
const SLOW_MS = 5_000;

async function refreshKnown(url: string, known: Known): Promise<void> {
  try {
    const graph = (await (await fetch(`${url}/api/graph?limit=200`)).json()) as { nodes: { key: string }[]; edges: { key: string }[] };
    const docs = (await (await fetch(`${url}/api/documents`)).json()) as { id: string }[];
    known.entities = graph.nodes.map((n) => n.key);
    known.edges = graph.edges.map((e) => e.key);
    known.documents = docs.map((d) => d.id);
  } catch {
    // the checks after the run say whether the server is still there
  }
}

/**
 * Sends `req` and reads its answer. A hang (rejects with a TimeoutError) is no answer within `hangMs`, or an answer
 * whose body stops coming for `hangMs`: a big export that keeps streaming is slow, not hung (its time still counts
 * in the slowest answer, and in `longAnswers`).
 */
async function send(url: string, req: FuzzRequest, hangMs: number): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitAgain = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new DOMException(`nothing for ${hangMs} ms`, "TimeoutError")), hangMs);
  };
  waitAgain();
  try {
    const res = await fetch(`${url}${req.path}`, {
      method: req.method,
      headers: req.headers,
      ...(req.body ? { body: new Uint8Array(req.body) } : {}),
      signal: controller.signal,
    });
    const chunks: Uint8Array[] = [];
    if (res.body) {
      const reader = res.body.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        waitAgain();
        chunks.push(next.value);
      }
    }
    return { status: res.status, body: Buffer.concat(chunks).toString(), ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { requests, seed, concurrency = 4, hangMs = 20_000, log = () => undefined } = options;
  const dir = mkdtempSync(join(tmpdir(), "fuzz-"));
  const db = join(dir, "graph.db");
  if (options.fromStore) {
    copyFileSync(options.fromStore, db);
    // A store not checkpointed since its last write keeps that write in its write-ahead log: copied with it.
    if (existsSync(`${options.fromStore}-wal`)) copyFileSync(`${options.fromStore}-wal`, `${db}-wal`);
  }
  const started = performance.now();
  // A held event loop is what comes before a hang: said as it comes, with the requests around it.
  const server = await startServer(
    db,
    {},
    (line) => line.includes("event loop held") && log(`fuzz:   server said: ${line.slice(0, 200)}`),
    options.profileDir,
  );
  const rng = mulberry32(seed);
  const known: Known = { entities: [], edges: [], documents: [] };
  await refreshKnown(server.url, known);
  const report: FuzzReport = {
    requests: 0,
    seed,
    seconds: 0,
    crashes: 0,
    serverErrors: [],
    hangs: [],
    longAnswers: [],
    unanswered: [],
    escaped: [],
    statuses: {},
    byKind: {},
    slowestMs: 0,
    store: { documents: 0, problems: [] },
    ok: false,
  };
  // Drawn one after another from the one seed: the same kinds of input in the same order on every run (the ids
  // they aim at come from what the server holds at that moment).
  let sent = 0;
  const worker = async () => {
    while (sent < requests && server.alive()) {
      sent++;
      const req = fuzzRequest(rng, known);
      let status: string;
      try {
        const res = await send(server.url, req, hangMs);
        status = String(res.status);
        report.slowestMs = Math.max(report.slowestMs, res.ms);
        if (res.ms > hangMs) report.longAnswers.push({ kind: req.kind, seconds: Math.round(res.ms / 100) / 10 });
        // Slow answers as they come: what was under way when a hang comes near (the report lists only the hangs).
        if (res.ms > SLOW_MS)
          log(`fuzz: slow answer, ${(res.ms / 1000).toFixed(1)} s, ${res.status}: ${req.kind} ${req.path.slice(0, 80)}`);
        if (res.status >= 500) report.serverErrors.push({ kind: req.kind, status: res.status, error: res.body.slice(0, 200) });
      } catch (err) {
        const name = (err as Error).name;
        status = name === "TimeoutError" ? "hang" : "no answer";
        if (status === "hang") {
          report.hangs.push({ kind: req.kind, path: req.path.slice(0, 120) });
          log(`fuzz: hang (no answer in ${hangMs / 1000} s) at request ${report.requests + 1}: ${req.kind} ${req.path.slice(0, 80)}`);
          for (const line of server.stderr().trimEnd().split("\n").slice(-3)) log(`fuzz:   server said: ${line.slice(0, 200)}`);
        }
        // The connection closed without an answer: the server may have answered early and closed while the body was
        // still being sent (a 413), or died; the liveness check after the run tells which.
        else report.unanswered.push({ kind: req.kind, error: String((err as { cause?: Error }).cause?.message ?? (err as Error).message) });
      }
      report.requests++;
      report.statuses[status] = (report.statuses[status] ?? 0) + 1;
      const kind = (report.byKind[req.kind] ??= {});
      kind[status] = (kind[status] ?? 0) + 1;
      if (report.requests % 50 === 0) {
        await refreshKnown(server.url, known);
        log(`fuzz: ${report.requests}/${requests} requests, ${JSON.stringify(report.statuses)}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    const health = server.alive()
      ? await fetch(`${server.url}/api/health`).then(
          (r) => r.status,
          () => 0,
        )
      : 0;
    if (!server.alive() || health !== 200) report.crashes++;
  } finally {
    await server.stop();
  }
  report.escaped = server
    .stderr()
    .split("\n")
    .filter((line) => line.startsWith("last-resort handler"));
  report.store = await checkStore(db);
  if (options.keepStore) cpSync(dir, options.keepStore, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  report.ok =
    report.crashes === 0 &&
    report.serverErrors.length === 0 &&
    report.hangs.length === 0 &&
    report.escaped.length === 0 &&
    report.store.problems.length === 0 &&
    report.requests === requests;
  return report;
}
