// Crash trials: kill -9 the ingest CLI or the server at a random moment while it writes, then check that the store
// opens, that no document is half stored, and that the derived graph equals a rebuild (scripts/lib/store-check.ts).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { mulberry32 } from "../../server/random.js";
import { startServer, repoRoot } from "../fuzz/server.js";
import { checkStore } from "../lib/store-check.js";

export interface TrialResult {
  trial: number;
  target: "cli" | "server";
  /** Milliseconds after the writes began that the process was killed. */
  killedAfterMs: number;
  documents: number;
  problems: string[];
}

const NAMES = ["Ardent Velm", "Mira Tolland", "Osric Brand", "Lena Quorra", "Tam Ostrava", "Ilse Marrow"];
const PLACES = ["Ruritania", "Freedonia", "Genovia", "Elbonia"];

/** An invented article; `i` makes each one different (so each has its own id). */
function article(i: number): string {
  const a = NAMES[i % NAMES.length]!;
  const b = NAMES[(i * 5 + 1) % NAMES.length]!;
  const place = PLACES[i % PLACES.length]!;
  return [
    `${a.split(" ")[1]} meets ${b.split(" ")[1]} in ${place}`,
    `Minister ${a} met Senator ${b} in ${place} for round ${i} of the talks.`,
    `${a.split(" ")[1]} said ${place} would back the plan, and ${b.split(" ")[1]} criticised the Harbour Council.`,
  ].join("\n");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function cliTrial(dir: string, rng: () => number): Promise<number> {
  const folder = join(dir, "articles");
  mkdirSync(folder);
  for (let i = 0; i < 80; i++) writeFileSync(join(folder, `${String(i).padStart(3, "0")}.txt`), article(i + Math.floor(rng() * 1e6)));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "scripts", "ingest.ts"), folder, "--batch", "8", "--workers", "1"],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: join(dir, "graph.db") },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  // From the first committed batch on, the CLI is extracting, resolving or committing: kill it somewhere in there.
  await new Promise<void>((resolve) => {
    child.stderr!.on("data", (chunk: Buffer) => /ingest: \d+\/\d+ files/.test(chunk.toString()) && resolve());
    child.once("exit", () => resolve());
  });
  const delay = Math.floor(rng() * 1500);
  await sleep(delay);
  child.kill("SIGKILL");
  await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));
  return delay;
}

async function serverTrial(dir: string, rng: () => number): Promise<number> {
  const server = await startServer(join(dir, "graph.db"));
  const base = Math.floor(rng() * 1e6);
  // Posts and deletes in flight at once; the answers do not matter, only what the store holds after the kill.
  const writes = Array.from({ length: 12 }, (_, i) =>
    fetch(`${server.url}/api/documents`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(i % 3 === 0 ? [{ text: article(base + i) }, { text: article(base + i + 100) }] : { text: article(base + i) }),
    })
      .then(async (res) => {
        const body = (await res.json()) as { documents?: { id: string }[] };
        if (i % 4 === 1 && body.documents?.[0]) await fetch(`${server.url}/api/documents/${body.documents[0].id}`, { method: "DELETE" });
      })
      .catch(() => undefined),
  );
  const delay = Math.floor(rng() * 3000);
  await sleep(delay);
  await server.stop("SIGKILL");
  await Promise.all(writes);
  return delay;
}

export async function runCrashTrials(options: { trials: number; seed: number; log?: (line: string) => void }): Promise<TrialResult[]> {
  const rng = mulberry32(options.seed);
  const results: TrialResult[] = [];
  for (let trial = 1; trial <= options.trials; trial++) {
    const target = trial % 2 === 1 ? "server" : "cli";
    const dir = mkdtempSync(join(tmpdir(), `crash-${target}-`));
    try {
      const killedAfterMs = target === "cli" ? await cliTrial(dir, rng) : await serverTrial(dir, rng);
      const { documents, problems, derivedComplete } = await checkStore(join(dir, "graph.db"));
      const result = { trial, target, killedAfterMs, documents, problems } as TrialResult;
      results.push(result);
      options.log?.(
        `crash trial ${trial} (${target}, killed after ${killedAfterMs} ms): ${documents} documents, ${problems.length ? problems.join("; ") : "store consistent"}` +
          (derivedComplete ? "" : " (derived rows marked incomplete, completed by the next opening)"),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
