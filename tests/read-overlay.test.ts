// The read side's lookups moved on by a write without copying them (server/read/overlay.ts): each version answers
// as a plain map of its own keys would, and the versions before it keep answering as they did.
import { describe, expect, it } from "vitest";

import { OverlayMap } from "../server/read/overlay.js";

/** What a plain map gives after the same steps: the model the overlay must match. */
function plain(base: [string, number][], steps: { set: [string, number][]; remove: string[] }[]): Map<string, number> {
  const map = new Map(base);
  for (const { set, remove } of steps) {
    for (const [k, v] of set) map.set(k, v);
    for (const k of remove) map.delete(k);
  }
  return map;
}

const keys = ["a", "b", "c", "d", "zz", "__proto__", "constructor"];

describe("OverlayMap", () => {
  it.each([
    { why: "a key set, then read", base: [["a", 1]], steps: [{ set: [["b", 2]], remove: [] }] },
    { why: "a base key changed", base: [["a", 1]], steps: [{ set: [["a", 5]], remove: [] }] },
    {
      why: "a base key removed (has is false, get undefined)",
      base: [
        ["a", 1],
        ["b", 2],
      ],
      steps: [{ set: [], remove: ["a"] }],
    },
    {
      why: "removed, then set again",
      base: [["a", 1]],
      steps: [
        { set: [], remove: ["a"] },
        { set: [["a", 7]], remove: [] },
      ],
    },
    { why: "set and removed in one step: removed", base: [], steps: [{ set: [["c", 3]], remove: ["c"] }] },
    { why: "a value of 0 is a value", base: [["a", 0]], steps: [{ set: [["b", 0]], remove: [] }] },
    { why: "keys an object would inherit", base: [], steps: [{ set: [["constructor", 1]], remove: ["__proto__"] }] },
  ] as { why: string; base: [string, number][]; steps: { set: [string, number][]; remove: string[] }[] }[])(
    "answers as a plain map: $why",
    ({ base, steps }) => {
      let map = OverlayMap.of(new Map(base));
      for (const { set, remove } of steps) map = map.with(set, remove);
      const model = plain(base, steps);
      for (const k of keys) expect([k, map.has(k), map.get(k)]).toEqual([k, model.has(k), model.get(k)]);
    },
  );

  it("leaves every earlier version as it was, and its base unchanged, across folds into a new base", () => {
    const base = new Map(Array.from({ length: 100 }, (_, i): [string, number] => [`k${i}`, i]));
    const frozen = new Map(base);
    const versions = [OverlayMap.of(base)];
    const steps: { set: [string, number][]; remove: string[] }[] = [];
    // 3,000 keys written over 30 versions: far past the fold floor, so the changes are folded more than once
    for (let v = 0; v < 30; v++) {
      const step = {
        set: Array.from({ length: 100 }, (_, i): [string, number] => [`k${v * 100 + i}`, -v]),
        remove: [`k${(v * 37) % 100}`],
      };
      steps.push(step);
      versions.push(versions.at(-1)!.with(step.set, step.remove));
    }
    expect(base).toEqual(frozen);
    versions.forEach((version, v) => {
      const model = plain([...frozen], steps.slice(0, v));
      for (let i = 0; i < 3100; i += 7) expect(version.get(`k${i}`)).toBe(model.get(`k${i}`));
    });
  });
});
