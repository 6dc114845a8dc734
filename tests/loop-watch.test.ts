import { describe, expect, it } from "vitest";

import { watchEventLoop } from "../server/loop-watch.js";

const hold = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
const turns = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("watchEventLoop", () => {
  it("logs a loop held longer than the limit, with how long", async () => {
    const lines: string[] = [];
    const stop = watchEventLoop({ heldMs: 150, everyMs: 20, log: (l) => lines.push(l) });
    await turns(60);
    hold(400);
    await turns(60);
    stop();
    const held = lines.map((l) => Number(/held for ([\d.]+) s/.exec(l)?.[1]));
    expect(held.some((s) => s >= 0.3)).toBe(true);
  });

  it("says nothing of a loop that only waits, and nothing once stopped", async () => {
    const lines: string[] = [];
    const stop = watchEventLoop({ heldMs: 5000, everyMs: 20, log: (l) => lines.push(l) });
    await turns(100);
    stop();
    hold(300);
    await turns(60);
    expect(lines).toEqual([]);
  });
});
