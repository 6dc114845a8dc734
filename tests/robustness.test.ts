// The fuzz suite and the crash trials, small: `npm run fuzz -- --requests 10000 --seed 1` and
// `npm run crash-trials -- --trials 20` are the big runs (README, "Robustness").
import { describe, expect, it } from "vitest";

import { runCrashTrials } from "../scripts/crash/trials.js";
import { runFuzz } from "../scripts/fuzz/run.js";

describe("fuzzing the real server", () => {
  // One request at a time: writes still resolve and lay out the whole corpus on the request thread, so parallel
  // writes queue past the 20 s hang bound on a loaded machine; reads during writes are the open part of the work.
  it("survives 150 seeded random and malformed requests: no crash, no 5xx, no hang, store equal to a rebuild", async () => {
    const report = await runFuzz({ requests: 150, seed: 11, concurrency: 1 });
    expect({ crashes: report.crashes, serverErrors: report.serverErrors, hangs: report.hangs, escaped: report.escaped }).toEqual({
      crashes: 0,
      serverErrors: [],
      hangs: [],
      escaped: [],
    });
    expect(report.requests).toBe(150);
    expect(report.store.problems).toEqual([]);
    // The run reached the write paths, not only the refusals.
    expect(report.statuses["201"]).toBeGreaterThan(10);
    expect(report.statuses["400"]).toBeGreaterThan(10);
  }, 600_000);
});

describe("kill -9 during writes", () => {
  it("leaves a store that opens, holds no half document and equals a rebuild, in 5 trials (server and CLI)", async () => {
    const results = await runCrashTrials({ trials: 5, seed: 3 });
    expect(results.map((r) => r.problems)).toEqual([[], [], [], [], []]);
    expect(results.map((r) => r.target)).toEqual(["server", "cli", "server", "cli", "server"]);
  }, 600_000);
});
