import { describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { deriveRecords, derivedWithout, sameJson } from "../../server/store/derived.js";

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

// A provisional removal takes out of the stored rows what points at the removed documents, and nothing else.
describe("derivedWithout", () => {
  const docs = ["a", "b", "c"].map((id) => extractDocument({ text: `Tony Blair met Jacques Chirac in Paris (${id}).`, source: id }));
  const derived = deriveRecords(buildExtraction(docs));
  const [a, b] = [docs[0]!.doc.id, docs[1]!.doc.id];

  it("with no document removed: the rows as they were, nothing to write", () => {
    const { rows, derived: after } = derivedWithout(derived, []);
    expect(after).toBe(derived);
    expect(rows).toEqual({ entities: { put: [], remove: [] }, edges: { put: [], remove: [] }, resolutions: { put: [], remove: [] } });
  });

  it("drops the removed documents' evidence and resolutions, leaving the rows it was given untouched", () => {
    const edgesBefore = [...derived.edges.values()].map((e) => e.evidence.length);
    const { rows, derived: after } = derivedWithout(derived, [a, b]);
    expect(rows.resolutions.remove.sort()).toEqual([a, b].sort());
    expect(rows.edges.put.length).toBeGreaterThan(0);
    for (const edge of after.edges.values()) expect(edge.evidence.every((ev) => ev.docId !== a && ev.docId !== b)).toBe(true);
    expect([...after.resolutions.keys()]).toEqual([docs[2]!.doc.id]);
    expect([...derived.edges.values()].map((e) => e.evidence.length)).toEqual(edgesBefore);
    expect(derived.resolutions.size).toBe(3);
  });
});
