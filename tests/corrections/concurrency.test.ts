// Corrections posted to the server while the ingest CLI writes the same store from another process: both retry on
// the version check, and at the end every document and every correction is there, applied.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { CorpusWriter, buildReadModel } from "../../server/corpus-writer.js";
import { buildExtraction } from "../../server/extract/index.js";
import { deriveRecords } from "../../server/store/derived.js";
import { SqliteStore } from "../../server/store/sqlite.js";
import { repoRoot } from "../helpers/server.js";
import { syntheticArticle, tempDir } from "../store/fixtures.js";
import { openSeedStore } from "./fixtures.js";

const { dir, remove } = tempDir("corrections-concurrency-");
afterAll(remove);

const PEOPLE = ["person:angela-merkel", "person:emmanuel-macron", "person:donald-tusk", "person:keir-starmer"];

describe("corrections and an ingest at once", () => {
  it("lose nothing: every document and every correction is stored, and the graph is their rebuild", async () => {
    const path = join(dir, "graph.db");
    const ctx = await openSeedStore(path);
    await ctx.service.ingest([0, 1, 2, 3, 4, 5, 6].map(syntheticArticle));
    const folder = join(dir, "articles");
    mkdirSync(folder);
    for (let i = 20; i < 32; i++) writeFileSync(join(folder, `${i}.txt`), syntheticArticle(i).text);

    const cli = spawn(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "scripts", "ingest.ts"), folder, "--batch", "2", "--workers", "0", "--db", path],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    cli.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => cli.on("exit", resolve));
    let running = true;
    void exited.then(() => (running = false));

    // Renames round the cast until the CLI is done (and at least a dozen).
    const posted: number[] = [];
    for (let i = 0; running || i < 12; i++) {
      const res = await ctx
        .api()
        .post("/api/corrections")
        .send({ action: "rename", entity: PEOPLE[i % PEOPLE.length], label: `Name ${i}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      posted.push(res.body.correction.id);
    }
    expect(await exited, stderr).toBe(0);
    await ctx.store.close();

    const store = new SqliteStore(path);
    const snapshot = await store.load();
    expect(snapshot.documents.length).toBe(7 + 12);
    expect(snapshot.corrections.map((c) => c.id)).toEqual(posted);
    const reopened = await CorpusWriter.open(store, buildReadModel);
    const labels = new Map(reopened.current().extraction.entities.map((e) => [e.id, e.label]));
    const expected = new Map(posted.map((_id, i) => [PEOPLE[i % PEOPLE.length]!, `Name ${i}`]));
    for (const [id, label] of expected) expect(labels.get(id)).toBe(label);
    // The stored entities and edges are what the documents and the log derive, whoever wrote last.
    expect(await store.loadDerived()).toEqual(deriveRecords(buildExtraction(snapshot.documents, { corrections: snapshot.corrections })));
    expect(store.checkIntegrity()).toBe("ok");
    await store.close();
  }, 120_000);
});
