// The server follows the store and stops cleanly: writes by another process (the ingest CLI, a second service on
// the same file) show up without a restart, and SIGTERM / SIGINT exit 0 with the write in progress kept.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, afterEach, describe, expect, it } from "vitest";

import { CorpusWriter, buildExtractionOnly } from "../../server/corpus-writer.js";
import { watchStore } from "../../server/store-watch.js";
import { SqliteStore } from "../../server/store/sqlite.js";
import { type Running, health, ingestCli, portIsFree, startServerProcess, until } from "../helpers/process.js";
import { describeEachBackend } from "./backends.js";
import { syntheticArticle, tempDir } from "./fixtures.js";

const { dir, remove } = tempDir("live-");
afterAll(remove);

describeEachBackend("a service follows writes made through another connection", (backend) => {
  it("reloads within the poll interval and reports the change", async () => {
    const path = await backend.location("two");
    const [a, b] = [backend.open(path), backend.open(path)];
    const writer = await CorpusWriter.open(a, buildExtractionOnly);
    const reader = await CorpusWriter.open(b, buildExtractionOnly);
    const seen: number[] = [];
    const watch = watchStore(reader, { intervalMs: 100, onChange: (c) => seen.push(c.docExtractions.length) });
    try {
      expect(await reader.syncWithStore()).toBe(false); // nothing written yet: no reload
      await writer.ingest([syntheticArticle(1), syntheticArticle(2)]);
      const started = Date.now();
      await until("the reader to reload", async () => (reader.current().docExtractions.length === 2 ? true : undefined), 3000);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(seen).toEqual([2]);
      expect(reader.version()).toBe(writer.version());
      // The reader writes on top of what it saw, without a conflict, and the writer follows in turn.
      await reader.ingest([syntheticArticle(3)]);
      expect(await writer.syncWithStore()).toBe(true);
      expect(writer.current().docExtractions).toHaveLength(3);
    } finally {
      await watch.stop();
      await a.close();
      await b.close();
    }
  });
});

describe("npm start as a process", () => {
  let running: Running | undefined;
  afterEach(() => {
    if (running?.child.exitCode === null) running.child.kill("SIGKILL");
    running = undefined;
  });

  it("shows what the ingest CLI adds while it runs, with sources as given, then exits 0 on SIGTERM and frees its port", async () => {
    const db = join(dir, "cli.db");
    const folder = join(dir, "articles");
    mkdirSync(join(folder, "sub"), { recursive: true });
    writeFileSync(join(folder, "a.txt"), syntheticArticle(11).text);
    writeFileSync(join(folder, "sub", "b.txt"), syntheticArticle(12).text);
    running = await startServerProcess(db);
    const before = await health(running.url);
    expect(before.documents).toBe(0); // --no-seeds: the empty store stays empty

    const cli = ingestCli(db, [folder, "--workers", "0"]);
    expect(cli.status, cli.stderr).toBe(0);
    const written = Date.now();
    const after = await until("the server to see the CLI's documents", async () => {
      const h = await health(running!.url);
      return h.documents === 2 ? h : undefined;
    });
    expect(Date.now() - written).toBeLessThan(3000);
    expect(after.stamp).not.toBe(before.stamp);
    const docs = (await (await fetch(`${running.url}/api/documents`)).json()) as { source: string }[];
    expect(docs.map((d) => d.source).sort()).toEqual(["a.txt", join("sub", "b.txt")]);

    running.child.kill("SIGTERM");
    const started = Date.now();
    expect(await running.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await portIsFree(running.port)).toBe(true);
    expect(running.output()).toContain("SIGTERM: shutting down");
  }, 60_000);

  it("on SIGINT lets a write in progress finish and keeps it, and exits 0 with its port free", async () => {
    const db = join(dir, "sigint.db");
    running = await startServerProcess(db);
    const body = JSON.stringify(Array.from({ length: 10 }, (_, i) => syntheticArticle(100 + i)));
    const post = fetch(`${running.url}/api/documents`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    // The request is under way (extraction of 10 articles takes a while on the main thread) when the signal comes.
    await new Promise((r) => setTimeout(r, 300));
    running.child.kill("SIGINT");
    const answer = await post.catch((err: Error) => {
      throw new Error(`${err.message}; server said:\n${running!.output()}`);
    });
    expect(answer.status).toBe(201);
    expect(await running.exited).toBe(0);
    expect(await portIsFree(running.port)).toBe(true);
    const store = new SqliteStore(db);
    try {
      expect(await store.countDocuments()).toBe(10);
      expect(store.checkIntegrity()).toBe("ok");
    } finally {
      await store.close();
    }
  }, 60_000);
});
