import { describe, expect, it } from "vitest";

import { sameJson } from "../../server/store/derived.js";

// The derived rows' diff compares values as JSON would, without writing the JSON.
describe("sameJson", () => {
  const rows: [string, unknown, unknown, boolean][] = [
    ["the same object", { a: 1 }, { a: 1 }, true],
    ["nested arrays and objects", { e: [{ s: "x", span: [1, 2] }] }, { e: [{ s: "x", span: [1, 2] }] }, true],
    ["keys in another order", { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    ["an undefined property is absent", { a: 1, b: undefined }, { a: 1 }, true],
    ["undefined in an array is null", [undefined], [null], true],
    ["one more evidence sentence", { e: [{ s: "x" }] }, { e: [{ s: "x" }, { s: "y" }] }, false],
    ["a changed number", { a: 1 }, { a: 2 }, false],
    ["a number against its string", { a: 1 }, { a: "1" }, false],
    ["a missing key", { a: 1, b: 2 }, { a: 1 }, false],
    ["an extra key", { a: 1 }, { a: 1, c: 0 }, false],
    ["an array against an object", { a: [] }, { a: {} }, false],
    ["null against an object", { a: null }, { a: {} }, false],
  ];
  it.each(rows)("%s", (_name, a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
    expect(sameJson(b, a)).toBe(same);
  });
});
