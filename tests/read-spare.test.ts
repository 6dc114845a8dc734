// A served corpus copies its graph ahead of the next write (`prepareSpare`): the write (or the layout) then changes
// that copy instead of copying the graph again. What comes out must equal the result without a spare, the served
// graph must stay as it was, and a spare is used once: a second write from the same corpus copies afresh.
import { describe, expect, it } from "vitest";

import { ReadModel } from "../server/read/model.js";
import { extractDocument } from "../server/extract/index.js";
import { provisionalExtraction, provisionalRemoval } from "../server/provisional.js";
import { seedCorpus } from "./helpers/server.js";
import { syntheticArticle } from "./store/fixtures.js";

const exported = (corpus: ReadModel) => JSON.stringify(corpus.graph.export());

describe("the spare copy of a served graph", async () => {
  const base = seedCorpus();
  const docs = [...base.docExtractions, ...[200, 201].map((i) => extractDocument(syntheticArticle(i)))];
  // a corpus of the seeds and two more articles, laid out; its twin has no spare
  const withSpare = await ReadModel.build(docs);
  const without = await ReadModel.build(docs);
  const served = exported(withSpare);
  const added = [extractDocument({ text: "Angela Merkel met Jacinda Ardern in Paris. Keir Starmer called Donald Tusk." })];
  const write = provisionalExtraction(withSpare.extraction, added);
  const all = [...docs, ...added];

  it("a post from a corpus with a spare equals one without, and leaves the served graph as it was", async () => {
    expect(withSpare.hasSpare()).toBe(false); // not before it is asked for
    withSpare.prepareSpare(0);
    expect(withSpare.hasSpare()).toBe(true);
    const a = await withSpare.withAdded(all, write, []);
    expect(withSpare.hasSpare()).toBe(false); // taken by the write
    const b = await without.withAdded(all, write, []);
    expect(exported(a)).toBe(exported(b));
    expect(exported(withSpare)).toBe(served);
    expect(a.graph).not.toBe(withSpare.graph);
    // the spare was taken: a second write from the same corpus makes its own copy, not the changed one
    const again = await withSpare.withAdded(all, write, []);
    expect(again.graph).not.toBe(a.graph);
    expect(exported(again)).toBe(exported(b));
  });

  it("a delete and a layout from a spare equal those without", async () => {
    const gone = [docs.at(-1)!.doc.id];
    const removal = provisionalRemoval(withSpare.extraction, gone);
    const rest = docs.slice(0, -1);
    withSpare.prepareSpare(0);
    withSpare.prepareSpare(0);
    expect(exported(await withSpare.withRemoved(rest, removal, []))).toBe(exported(await without.withRemoved(rest, removal, [])));
    expect(exported(withSpare)).toBe(served);

    const moved = await ReadModel.build(all, undefined, [], { previous: withSpare, moveAbove: 0 });
    const twin = await ReadModel.build(all, undefined, [], { previous: without, moveAbove: 0 });
    const before = exported(moved);
    moved.prepareSpare(0);
    const settled = (await moved.settle())!;
    expect(moved.hasSpare()).toBe(false); // taken by the layout
    expect(exported(settled)).toBe(exported((await twin.settle())!));
    expect(exported(moved)).toBe(before);
  });

  it("a spare given up (the corpus no longer served) is not used by a later write", async () => {
    withSpare.prepareSpare(0);
    withSpare.dropSpare();
    expect(withSpare.hasSpare()).toBe(false);
    expect(exported(await withSpare.withAdded(all, write, []))).toBe(exported(await without.withAdded(all, write, [])));
  });

  it("is not made for a graph under the threshold", async () => {
    const small = await ReadModel.build(docs);
    small.prepareSpare(small.graph.size + 1);
    expect(small.hasSpare()).toBe(false);
    small.prepareSpare(small.graph.size);
    expect(small.hasSpare()).toBe(true);
    expect(exported(await small.withAdded(all, write, []))).toBe(exported(await without.withAdded(all, write, [])));
  });
});
