// The name index a provisional write resolves new mentions with (server/provisional.ts) is moved on through a full
// resolution rather than counted again: it must equal the index counted afresh, and be the moved one.
import { describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../server/extract/index.js";
import { nameIndexInSteps } from "../server/provisional.js";
import { runSteps } from "../server/slices.js";
import type { Extraction } from "../server/types.js";
import { syntheticArticle } from "./store/fixtures.js";

const docs = [0, 1, 2, 3, 4, 5].map((i) => extractDocument(syntheticArticle(i)));
const index = (e: Extraction) => runSteps(nameIndexInSteps(e));
/** The same corpus with every mention a new object: nothing to move on from, so its index is counted. */
const counted = (e: Extraction) => index({ ...e, mentions: e.mentions.map((m) => ({ ...m })) });

describe("the name index through a full resolution", () => {
  it.each([
    ["a document added", [...docs, extractDocument(syntheticArticle(6))]],
    ["a document removed", docs.slice(1)],
    ["one added and one removed", [...docs.slice(0, -1), extractDocument({ text: "Angela Merkel met Jacinda Ardern in Berlin." })]],
  ])("%s: moved on from the last corpus's, equal to the index counted afresh", (_name, next) => {
    const before = buildExtraction(docs);
    const kept = index(before);
    const after = buildExtraction(next);
    const moved = index(after);
    expect(moved).toBe(kept); // the last corpus's index, moved on
    expect(moved).toEqual(counted(after));
  });

  it("counts another corpus afresh rather than moving on from one it shares little with", () => {
    const first = buildExtraction(docs.slice(0, 2));
    const kept = index(first);
    const other = buildExtraction(docs.slice(3));
    const fresh = index(other);
    expect(fresh).not.toBe(kept);
    expect(fresh).toEqual(counted(other));
  });
});
