// Writes queued behind a running one are committed together: fewer resolutions, each request answered with its own
// documents, and the same corpus as the writes one by one.
import { describe, expect, it } from "vitest";

import { type BuildView, CorpusWriter, UnknownDocumentError, buildReadModel } from "../../server/corpus-writer.js";
import { extractDocument } from "../../server/extract/index.js";
import type { StoredDocument } from "../../server/store/store.js";
import { type BatchOp, MAX_BATCH_DOCUMENTS, OpenBatch, planBatch } from "../../server/write-batch.js";
import type { ReadModel } from "../../server/read/model.js";
import { checkIntegrity, describeEachBackend } from "./backends.js";
import { syntheticArticle } from "./fixtures.js";

const docs = [0, 1, 2, 3].map((i) => {
  const input = syntheticArticle(i);
  return { input, extraction: extractDocument(input) } as StoredDocument;
});
const [a, b, c] = docs.map((d) => d.extraction.doc.id) as [string, string, string];
const put = (...indexes: number[]): BatchOp => ({ kind: "put", extracted: indexes.map((i) => docs[i]!) });
const remove = (id: string): BatchOp => ({ kind: "remove", id });
const storedOnly = (...ids: string[]) => ({ has: (id: string) => ids.includes(id), title: () => "stored title" });

describe("planBatch", () => {
  const cases: { name: string; ops: BatchOp[]; stored: string[]; put: string[]; remove: string[]; statuses: string[][] }[] = [
    { name: "two posts, both new", ops: [put(0), put(1)], stored: [], put: [a, b], remove: [], statuses: [["created"], ["created"]] },
    {
      name: "the same text in two requests is stored once",
      ops: [put(0), put(0, 1)],
      stored: [],
      put: [a, b],
      remove: [],
      statuses: [["created"], ["existing", "created"]],
    },
    { name: "a text already stored is existing", ops: [put(0)], stored: [a], put: [], remove: [], statuses: [["existing"]] },
    { name: "a delete and a post", ops: [remove(a), put(1)], stored: [a], put: [b], remove: [a], statuses: [[], ["created"]] },
  ];
  it.each(cases)("$name", ({ ops, stored, put: puts, remove: removes, statuses }) => {
    const plan = planBatch(ops, storedOnly(...stored));
    expect(plan.put.map((p) => p.extraction.doc.id)).toEqual(puts);
    expect(plan.remove).toEqual(removes);
    expect(plan.outcomes.map((o) => ("documents" in o ? o.documents.map((d) => d.status) : ["unknown"]))).toEqual(statuses);
  });

  it("fails the delete of an unknown id on its own, and keeps the others", () => {
    const plan = planBatch([remove(c), put(0)], storedOnly());
    expect(plan.outcomes[0]).toEqual({ unknown: c });
    expect(plan.put.map((p) => p.extraction.doc.id)).toEqual([a]);
    expect(plan.remove).toEqual([]);
  });
});

describe("OpenBatch", () => {
  const cases: { name: string; first: BatchOp[]; next: BatchOp; accepts: boolean }[] = [
    { name: "a post after a post", first: [put(0)], next: put(1), accepts: true },
    { name: "the same post again (answered existing)", first: [put(0)], next: put(0), accepts: true },
    { name: "a delete of another document", first: [put(0)], next: remove(b), accepts: true },
    { name: "a delete of a document the batch stores", first: [put(0)], next: remove(a), accepts: false },
    { name: "a post of a document the batch deletes", first: [remove(a)], next: put(0), accepts: false },
    { name: "the same delete twice", first: [remove(a)], next: remove(a), accepts: false },
  ];
  it.each(cases)("$name: joins is $accepts", ({ first, next, accepts }) => {
    const batch = new OpenBatch();
    for (const op of first) batch.add(op);
    expect(batch.accepts(next)).toBe(accepts);
  });

  it(`takes no more once it holds ${MAX_BATCH_DOCUMENTS} documents`, () => {
    const batch = new OpenBatch();
    for (let i = 0; i < MAX_BATCH_DOCUMENTS; i++) batch.add(remove(`doc-${i}`));
    expect(batch.accepts(put(0))).toBe(false);
  });
});

/** buildReadModel, counting its calls (one per resolution of the corpus); `started` resolves at the next call. */
function countingBuild(): { build: BuildView<ReadModel>; calls: () => number; started: () => Promise<void> } {
  let calls = 0;
  let signal: (() => void) | undefined;
  return {
    build: (...args) => {
      calls++;
      signal?.();
      return buildReadModel(...args);
    },
    calls: () => calls,
    started: () => new Promise((resolve) => (signal = resolve)),
  };
}

describeEachBackend("writes queued behind a running one", (backend) => {
  it("are committed in one batch, each answered with its own documents, the corpus equal to writes one by one", async () => {
    const inputs = [0, 1, 2, 3, 4, 5, 6, 7].map(syntheticArticle);
    const counted = countingBuild();
    const store = await backend.store("batched");
    const writer = await CorpusWriter.open(store, counted.build);
    const [first, ...queued] = await writer.extractEach(inputs).then((e) => e.map((x) => ("stored" in x ? x.stored : undefined)!));
    const opened = counted.calls();
    const building = counted.started();
    const running = writer.ingestExtracted([first!]);
    await building;
    const answers = await Promise.all([
      running,
      ...queued.map((stored) => writer.ingestExtracted([stored])),
      writer.ingestExtracted([first!]),
    ]);
    // The first write runs alone; the eight requests queued behind it are one batch.
    expect(counted.calls() - opened).toBe(2);
    expect(answers.map((r) => r.documents.map((d) => [d.id, d.status]))).toEqual([
      [[first!.extraction.doc.id, "created"]],
      ...queued.map((s) => [[s.extraction.doc.id, "created"]]),
      [[first!.extraction.doc.id, "existing"]],
    ]);

    const oneByOne = await CorpusWriter.open(await backend.store("one-by-one"), buildReadModel);
    for (const input of inputs) await oneByOne.ingest([input]);
    expect(writer.current().graphJson()).toEqual(oneByOne.current().graphJson());
    expect(await checkIntegrity(store)).toBe("ok");
  });

  it("keep a delete and a post in order, and fail a delete of an unknown id alone", async () => {
    const writer = await CorpusWriter.open(await backend.store("ordered"), buildReadModel);
    const [x, y] = await writer.extract([syntheticArticle(10), syntheticArticle(11)]);
    await writer.ingestExtracted([x!]);
    const xId = x!.extraction.doc.id;
    const [removed, missing, posted, again] = await Promise.allSettled([
      writer.remove(xId),
      writer.remove("no-such-document"),
      writer.ingestExtracted([y!]),
      writer.ingestExtracted([x!]),
    ]);
    expect(removed.status).toBe("fulfilled");
    expect(missing.status === "rejected" && missing.reason).toBeInstanceOf(UnknownDocumentError);
    expect(posted.status === "fulfilled" && posted.value.documents[0]!.status).toBe("created");
    // Posted after its delete: stored again, in the next batch.
    expect(again.status === "fulfilled" && again.value.documents[0]!.status).toBe("created");
    expect(writer.has(xId) && writer.has(y!.extraction.doc.id)).toBe(true);
  });

  it("answer a delete of an id nothing stores at once, and keep one of a document being posted for its turn", async () => {
    const counted = countingBuild();
    const writer = await CorpusWriter.open(await backend.store("unknown-at-once"), counted.build);
    const [x] = await writer.extract([syntheticArticle(20)]);
    const xId = x!.extraction.doc.id;
    const building = counted.started();
    const posting = writer.ingestExtracted([x!]);
    await building; // the post is resolving the corpus now
    let postDone = false;
    void posting.then(() => (postDone = true));
    // Not stored, not being stored: refused without waiting for the post under way.
    await expect(writer.remove("no-such-document")).rejects.toBeInstanceOf(UnknownDocumentError);
    expect(postDone).toBe(false);
    // The document the post stores: the delete waits for the post, then deletes it.
    await writer.remove(xId);
    expect(postDone).toBe(true);
    expect(writer.has(xId)).toBe(false);
    // Once the post is answered, its id is no longer counted as being stored.
    await expect(writer.remove(xId)).rejects.toBeInstanceOf(UnknownDocumentError);
  });
});
