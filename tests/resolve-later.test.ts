// When the corpus is resolved in full after a provisional write (server/resolve-later.ts): after a quiet wait that
// doubles each time a write gives a resolution up, and is back to its start once one is done.
import { describe, expect, it } from "vitest";

import { RESOLVE_AFTER_QUIET_MAX_MS, RESOLVE_AFTER_QUIET_MS, ResolutionAfterCommit } from "../server/resolve-later.js";

/** A writer's queue whose resolution runs until it is aborted, or until the test lets it finish. */
function target() {
  let queue = Promise.resolve();
  let finish: (() => void) | undefined;
  const started: number[] = [];
  return {
    started,
    finish: () => finish?.(),
    target: {
      queue: (job: () => Promise<void>) => void (queue = queue.then(job)),
      pending: () => true,
      batchWaiting: () => false,
      resolve: (signal: AbortSignal) =>
        new Promise<void>((resolve, reject) => {
          started.push(Date.now());
          finish = resolve;
          signal.addEventListener("abort", () => reject(signal.reason as Error));
        }),
    },
    settled: () => queue,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("ResolutionAfterCommit", () => {
  it("waits twice as long after each resolution a write gave up, up to the max, and starts over once one is done", async () => {
    const t = target();
    const later = new ResolutionAfterCommit(t.target);
    const waits = [later.quietMs()];
    for (let i = 0; i < 7; i++) {
      later.schedule();
      later.flush(); // the quiet wait over: the resolution starts
      await tick();
      later.postpone(); // a write arrives while it runs: given up
      await t.settled();
      waits.push(later.quietMs());
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16000, 16000, 16000]);
    expect(waits[0]).toBe(RESOLVE_AFTER_QUIET_MS);
    expect(Math.max(...waits)).toBe(RESOLVE_AFTER_QUIET_MAX_MS);
    later.schedule();
    later.flush();
    await tick();
    t.finish(); // done this time
    await t.settled();
    expect(later.quietMs()).toBe(RESOLVE_AFTER_QUIET_MS);
    expect(t.started).toHaveLength(8);
  });

  it("counts a write that comes during the quiet wait as no resolution given up", async () => {
    const t = target();
    const later = new ResolutionAfterCommit(t.target);
    later.schedule();
    later.postpone(); // before the wait is over: the wait starts again, nothing ran
    expect(later.quietMs()).toBe(RESOLVE_AFTER_QUIET_MS);
    later.stop();
    expect(t.started).toEqual([]);
  });
});
