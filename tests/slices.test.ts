// Work in steps that the server may give up: `whileWanted` stops at the first step after it is no longer wanted, and
// runs the steps' cleanup; wanted to the end, it gives the steps' result.
import { describe, expect, it } from "vitest";

import { type Steps, runSteps, whileWanted } from "../server/slices.js";

function* counting(log: string[], steps: number): Steps<number> {
  try {
    for (let i = 0; i < steps; i++) {
      log.push(`step ${i}`);
      yield;
    }
    return steps;
  } finally {
    log.push("cleanup");
  }
}

describe("whileWanted", () => {
  const cases = [
    { name: "wanted to the end: the result", wantedFor: Infinity, result: 3, steps: 3 },
    { name: "no longer wanted after one step: undefined, no more steps", wantedFor: 1, result: undefined, steps: 1 },
    { name: "not wanted at all: no step", wantedFor: 0, result: undefined, steps: 0 },
  ];
  it.each(cases)("$name", ({ wantedFor, result, steps }) => {
    const log: string[] = [];
    let asked = 0;
    expect(runSteps(whileWanted(counting(log, 3), () => asked++ < wantedFor))).toBe(result);
    expect(log.filter((l) => l.startsWith("step"))).toHaveLength(steps);
    if (steps > 0) expect(log.at(-1)).toBe("cleanup");
  });
});
