import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { deriveRecords } from "../../server/store/derived.js";
import { completeDerived } from "../../scripts/lib/store-check.js";
import { repoRoot } from "../helpers/server.js";
import { type Backend, checkIntegrity, describeEachBackend, runNode, storeEnv } from "./backends.js";
import { syntheticArticle, tempDir } from "./fixtures.js";

const { dir, remove } = tempDir("ingest-cli-");
afterAll(remove);

// node --import tsx rather than the tsx binary: one process, so SIGKILL hits the process that writes.
const ingestArgs = (args: string[]) => ["--import", "tsx", join(repoRoot, "scripts", "ingest.ts"), ...args];
/** Runs the CLI to its end without blocking this worker's event loop (a long spawnSync starves vitest's RPC). */
const ingest = (db: string, ...args: string[]) => runNode(ingestArgs(args), storeEnv(db));

function writeArticles(folder: string, from: number, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = from; i < from + count; i++) writeFileSync(join(folder, `${String(i).padStart(4, "0")}.txt`), syntheticArticle(i).text);
}

/**
 * Reopens the store and checks it the way the crash test needs: file sound, every document whole and consistent.
 * `complete`: whether the derived rows must be marked complete as found (an ingest that ran to its end resolved the
 * corpus) or incomplete (killed before that); incomplete rows are checked after a writer's opening completes them.
 */
async function checkStore(backend: Backend, path: string, complete = true) {
  const store = backend.open(path);
  try {
    expect(await checkIntegrity(store)).toBe("ok");
    expect(await completeDerived(store)).toBe(complete);
    const { documents } = await store.load();
    const inputs = await store.loadInputs();
    // Each stored document is exactly what extracting its text again gives: all its sentences, mentions, stances.
    expect(documents).toEqual(inputs.map((input) => extractDocument(input)));
    // And the stored entities and edges are the ones those documents derive: none missing, none left over.
    expect(await store.loadDerived()).toEqual(deriveRecords(buildExtraction(documents)));
    return documents.length;
  } finally {
    await store.close();
  }
}

describeEachBackend("ingest CLI", (backend) => {
  describe("npm run ingest", { timeout: 180_000 }, () => {
    const folder = join(dir, `mixed-${backend.name}`);
    let db: string;
    let unused: string;
    beforeAll(async () => {
      db = await backend.location("mixed");
      unused = await backend.location("unused");
    });
    mkdirSync(join(folder, "sub"), { recursive: true });
    writeFileSync(join(folder, "a.txt"), syntheticArticle(1).text);
    writeFileSync(join(folder, "sub", "b.md"), syntheticArticle(2).text);
    writeFileSync(join(folder, "c.html"), `<nav>Home</nav><article><h1>Rome talks</h1><p>${syntheticArticle(3).text}</p></article>`);
    writeFileSync(
      join(folder, "d.jsonl"),
      [4, 5].map((i) => JSON.stringify({ text: syntheticArticle(i).text, source: `https://example.org/${i}` })).join("\n"),
    );
    writeFileSync(join(folder, "notes.csv"), "skipped: not an article format");

    it("stores .txt, .md, .html and .jsonl from folders, reports progress and a summary", async () => {
      const res = await ingest(db, folder);
      expect(res.stderr).toMatch(/^ingest: 4\/4 files, 5 new, 0 already stored$/m);
      expect(res.stdout.trim()).toMatch(
        /^4 files: 5 new, 0 already stored, 0 rejected in [\d.]+s; store: 5 documents, \d+ entities, \d+ edges, [\d.]+ MB -> .*mixed.*$/,
      );
      expect(res.status).toBe(0);
    });

    it("stores nothing twice when run again", async () => {
      const res = await ingest(db, folder);
      expect(res.status).toBe(0);
      expect(res.stdout).toMatch(/^4 files: 0 new, 5 already stored, 0 rejected/);
    });

    it("--rebuild re-extracts every stored document and leaves a consistent store", async () => {
      const res = await ingest(db, "--rebuild");
      expect(res.status).toBe(0);
      expect(res.stderr).toMatch(/^rebuild: 5\/5 documents re-extracted$/m);
      expect(res.stdout).toMatch(/^0 files: 0 new, 0 already stored, 5 re-extracted, 0 rejected/);
      expect(await checkStore(backend, db)).toBe(5);
    });

    it("stores the good files, names each bad one on stderr, and exits with code 2", async () => {
      const bad = join(dir, `bad-${backend.name}`);
      writeArticles(bad, 10, 2);
      writeFileSync(join(bad, "latin1.txt"), Buffer.from("Prices rose by \xa35.", "latin1"));
      writeFileSync(join(bad, "empty.md"), "\n\n");
      const res = await ingest(await backend.location("bad"), bad);
      expect(res.status).toBe(2);
      expect(res.stderr).toMatch(/latin1\.txt: not valid UTF-8 \(byte 0xa3 at offset 15\)/);
      expect(res.stderr).toMatch(/empty\.md: text is empty/);
      expect(res.stdout).toMatch(/^4 files: 2 new, 0 already stored, 2 rejected/);
    });

    it.each([
      [["no/such/folder"], /no such file or directory: no\/such\/folder/],
      [["package.json"], /unsupported file type ".json"/],
      [[], /no input files or folders/],
      [["seeds", "--batch", "0"], /--batch needs a whole number/],
      [["seeds", "--fast"], /Unknown option '--fast'/],
    ])("%j fails with exit code 2 and says why", async (args, message) => {
      const res = await ingest(unused, ...args);
      expect(res.status).toBe(2);
      expect(res.stderr).toMatch(message);
    });
  });

  describe("crash safety", () => {
    it("after SIGKILL mid-ingest every document is whole or absent, the store sound, and ingest resumes", async () => {
      const folder = join(dir, `many-${backend.name}`);
      const db = await backend.location("crash");
      const total = 300;
      const batch = 20;
      writeArticles(folder, 1000, total);

      const child: ChildProcess = spawn(process.execPath, ingestArgs([folder, "--batch", String(batch)]), {
        cwd: repoRoot,
        env: storeEnv(db),
        stdio: ["ignore", "ignore", "pipe"],
      });
      // Kill as soon as the first batch reports its commit: later batches are being extracted or written.
      const killed = await new Promise<boolean>((resolve) => {
        let stderr = "";
        child.stderr!.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          if (/^ingest: \d+\/\d+ files/m.test(stderr) && child.kill("SIGKILL")) resolve(true);
        });
        child.on("exit", () => resolve(false));
      });
      expect(killed).toBe(true);
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));
      expect(child.signalCode).toBe("SIGKILL");

      const survived = await checkStore(backend, db, false);
      expect(survived).toBeGreaterThan(0);
      expect(survived).toBeLessThan(total);
      expect(survived % batch).toBe(0); // whole batches only: a transaction is all or nothing

      const resumed = await ingest(db, folder, "--batch", String(batch));
      expect(resumed.status).toBe(0);
      expect(resumed.stdout).toMatch(new RegExp(`^${total} files: ${total - survived} new, ${survived} already stored, 0 rejected`));
      expect(await checkStore(backend, db)).toBe(total);
    }, 180_000);
  });
});
