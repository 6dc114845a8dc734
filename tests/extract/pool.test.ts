import { readFileSync, readdirSync } from "node:fs";

import { afterAll, describe, expect, it } from "vitest";

import { ReadModel } from "../../server/read/model.js";
import { createExtractionPool, defaultPoolSize } from "../../server/extract/pool/index.js";
import { repoRoot } from "../helpers/server.js";

const inputs = readdirSync(`${repoRoot}seeds`)
  .sort()
  .flatMap((f) => {
    const text = readFileSync(`${repoRoot}seeds/${f}`, "utf8");
    // more documents than workers x batch, so batches interleave across workers
    return [0, 1, 2, 3].map((k) => ({ text: k === 0 ? text : `${text}\nCopy ${k}.`, source: `${f}#${k}` }));
  });

describe("extraction pool", () => {
  const inline = createExtractionPool(0);
  const two = createExtractionPool(2);
  afterAll(async () => {
    await two.close();
  });

  it("starts no worker before its first job", () => {
    expect(two.started).toBe(0);
  });

  it("starts one worker for one document at a time, a second only when work waits with the first busy", async () => {
    const pool = createExtractionPool(2);
    try {
      for (const input of inputs.slice(0, 3)) await pool.extract([input]);
      expect(pool.started).toBe(1);
      await Promise.all([pool.extract(inputs.slice(0, 1)), pool.extract(inputs.slice(1, 2))]);
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("gives the same graph, byte for byte, with no worker and with two workers", async () => {
    const [a, b] = await Promise.all([inline.extract(inputs), two.extract(inputs)]);
    expect(b.map((d) => d.doc.source)).toEqual(inputs.map((i) => i.source)); // input order kept
    expect(JSON.stringify(new ReadModel(b).graphJson())).toBe(JSON.stringify(new ReadModel(a).graphJson()));
    expect(two.started).toBe(2);
  }, 120_000); // two workers load their models first: 25 s on a busy 2-core machine
});

describe("EXTRACT_WORKERS", () => {
  it.each([
    ["0", 0],
    ["3", 3],
    [" 1 ", 1],
  ])("%j gives a pool of %i", (raw, size) => {
    expect(defaultPoolSize({ EXTRACT_WORKERS: raw })).toBe(size);
  });

  it.each(["", "-1", "two", "1.5"])("%j is not a size: one worker per core", (raw) => {
    expect(defaultPoolSize({ EXTRACT_WORKERS: raw })).toBeGreaterThanOrEqual(1);
  });
});
