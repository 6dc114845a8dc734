// npm run bench:workers -- [--limit N] [--workers 1,2,4] [--batch N]
// Ingest words/s on PostgreSQL with 1, 2 and 4 worker processes: for each count, a fresh database, the BBC articles
// (--limit of them, spread over the categories) enqueued, then that many `npm run worker -- --exit-when-empty`
// started together; the time is from their start to the last one's exit (their start-up included).
// Needs PG_TEST_URL (or DATABASE_URL): a server where it may create and drop databases (`npm run pg:local`).
import { spawn } from "node:child_process";
import { join } from "node:path";

import pg from "pg";

import { IngestQueue } from "../server/queue/ingest-queue.js";
import { PgStore } from "../server/store/postgres.js";
import { argValue, loadNews, repoRoot } from "./bench/corpus.js";

const admin = process.env.PG_TEST_URL || process.env.DATABASE_URL;
if (!admin) {
  console.error("bench:workers: set PG_TEST_URL to a PostgreSQL server where databases may be created (npm run pg:local)");
  process.exit(2);
}
const limit = Number(argValue("--limit") ?? 300);
const counts = (argValue("--workers") ?? "1,2,4").split(",").map(Number);
const batch = argValue("--batch") ?? "25";
const articles = loadNews(limit);
const words = articles.reduce((sum, a) => sum + a.words, 0);

function runWorker(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "scripts", "worker.ts"), "--batch", batch, "--exit-when-empty"],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: url },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
  });
}

const client = new pg.Client({ connectionString: admin });
await client.connect();
const rows: { workers: number; seconds: number; wordsPerSecond: number }[] = [];
try {
  for (const n of counts) {
    const name = `bench_workers_${process.pid}_${n}`;
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    try {
      const store = new PgStore(url.toString());
      await new IngestQueue(await store.connection()).enqueue(articles.map((a) => ({ text: a.text, source: a.path })));
      await store.close();
      const started = performance.now();
      await Promise.all(Array.from({ length: n }, () => runWorker(url.toString())));
      const seconds = (performance.now() - started) / 1000;
      rows.push({ workers: n, seconds, wordsPerSecond: words / seconds });
      console.error(`${n} worker(s): ${articles.length} articles, ${words} words in ${seconds.toFixed(1)} s`);
    } finally {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
} finally {
  await client.end();
}
const one = rows.find((r) => r.workers === 1)?.wordsPerSecond;
console.log("| workers | seconds | words/s | vs 1 worker |\n|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.workers} | ${r.seconds.toFixed(1)} | ${Math.round(r.wordsPerSecond)} | ${one ? `${(r.wordsPerSecond / one).toFixed(2)}x` : ""} |`,
  );
}
