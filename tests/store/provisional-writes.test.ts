// Writes shown at once with a provisional resolution (server/provisional.ts) and resolved in full after their
// commit: what a post shows before, and that the corpus ends as a full rebuild's, whatever comes in between.
import { describe, expect, it } from "vitest";

import { CorpusWriter, buildReadModel } from "../../server/corpus-writer.js";
import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import {
  composeChanges,
  provisionalExtraction,
  provisionalExtractionInSteps,
  provisionalRemoval,
  provisionalRemovalInSteps,
} from "../../server/provisional.js";
import type { Steps } from "../../server/slices.js";
import { deriveRecords } from "../../server/store/derived.js";
import { buildGraph } from "../../server/graph/build.js";
import { ReadModel } from "../../server/read/model.js";
import { listArticleFiles, readArticle } from "../../server/io/read-documents.js";
import { repoRoot } from "../helpers/server.js";
import { checkIntegrity, describeEachBackend } from "./backends.js";
import { syntheticArticle } from "./fixtures.js";

const seeds = listArticleFiles([`${repoRoot}seeds`]).map((f) => readArticle(f, repoRoot));
const extra = [0, 1, 2, 3, 4].map(syntheticArticle);

describe("provisionalExtraction", () => {
  const corpus = buildExtraction([extractDocument(syntheticArticle(0)), extractDocument(syntheticArticle(1))]);
  const entityOf = (e: ReturnType<typeof provisionalExtraction>["extraction"], docId: string, name: string) =>
    e.mentions.find((m) => m.docId === docId && m.name === name)?.entityId;

  it.each([
    // a name the corpus resolved keeps its entity; one it never saw is a new entity named by it
    { text: "Chancellor Angela Merkel met Volodymyr Zelensky in Kyiv.", name: "Angela Merkel", known: true },
    { text: "In Kyiv, Merkel spoke to reporters on Monday.", name: "Merkel", known: true },
    { text: "Jacinda Ardern spoke to reporters in Wellington on Monday.", name: "Jacinda Ardern", known: false },
  ])("gives $name the entity the corpus has for it (known: $known)", ({ text, name, known }) => {
    const doc = extractDocument({ text });
    const { extraction, change } = provisionalExtraction(corpus, [doc]);
    const id = entityOf(extraction, doc.doc.id, name)!;
    expect(id).toBeDefined();
    expect(corpus.entities.some((e) => e.id === id)).toBe(known);
    expect(change.entities[known ? "updated" : "added"]).toContain(id);
    expect(extraction.documents.map((d) => d.id)).toEqual(
      [...corpus.documents.map((d) => d.id), doc.doc.id].sort((a, b) => a.localeCompare(b)),
    );
  });

  it("joins the new sentences' evidence to the edges the corpus has, and adds the others", () => {
    const doc = extractDocument({ text: "Angela Merkel met Volodymyr Zelensky in Kyiv. Jacinda Ardern met Angela Merkel." });
    const { extraction, change } = provisionalExtraction(corpus, [doc]);
    for (const id of change.edges.updated) {
      const before = corpus.edges.find((e) => e.id === id)!;
      const after = extraction.edges.find((e) => e.id === id)!;
      expect(after.evidence.length).toBeGreaterThan(before.evidence.length);
    }
    expect(change.edges.added.some((id) => id.includes("jacinda-ardern"))).toBe(true);
    expect(extraction.edges.map((e) => e.id)).toEqual([...new Set(extraction.edges.map((e) => e.id))]);
  });

  it("does not bring back an entity a correction took away", () => {
    const id = corpus.entities.find((e) => e.label === "Angela Merkel")!.id;
    const hidden = { ...corpus, corrections: { log: [], gone: { [id]: { action: "hide" as const, correction: 1 } } } };
    const { extraction } = provisionalExtraction(hidden, [extractDocument({ text: "Jacinda Ardern met Angela Merkel." })]);
    expect(extraction.mentions.some((m) => m.entityId === id && m.docId !== corpus.documents[0]!.id)).toBe(false);
  });
});

describe("provisionalRemoval", () => {
  const docs = [
    extractDocument({ text: "Angela Merkel met Volodymyr Zelensky in Kyiv on Monday." }),
    extractDocument({ text: "Angela Merkel met Jacinda Ardern in Berlin. Merkel praised Ardern." }),
  ];
  const corpus = buildExtraction(docs);
  const [kept, gone] = docs.map((d) => d.doc.id) as [string, string];
  const idOf = (name: string) => corpus.mentions.find((m) => m.name === name)!.entityId;

  it("takes the document's sentences, mentions and evidence away, and what is left without them", () => {
    const { extraction, change, mentions: removed } = provisionalRemoval(corpus, [gone]);
    expect(extraction.documents.map((d) => d.id)).toEqual([kept]);
    expect(extraction.sentences.every((x) => x.docId === kept)).toBe(true);
    expect(extraction.mentions).toEqual(corpus.mentions.filter((m) => m.docId === kept));
    expect(removed).toEqual(corpus.mentions.filter((m) => m.docId === gone));
    // named in both documents: kept and counted again; named only in the removed one: removed
    expect(change.entities.updated).toContain(idOf("Angela Merkel"));
    expect(change.entities.removed).toContain(idOf("Jacinda Ardern"));
    expect(change.entities.removed).not.toContain(idOf("Volodymyr Zelensky"));
    expect(extraction.entities.map((e) => e.id)).not.toContain(idOf("Jacinda Ardern"));
    // no edge is left without evidence, or with evidence in the removed document, or at a removed entity
    for (const e of extraction.edges) {
      expect(e.evidence.length).toBeGreaterThan(0);
      expect(e.evidence.every((ev) => ev.docId === kept)).toBe(true);
    }
    expect(change.edges.removed.length).toBeGreaterThan(0);
    expect(extraction.edges.map((e) => e.id).sort()).toEqual(
      corpus.edges
        .filter((e) => !change.edges.removed.includes(e.id))
        .map((e) => e.id)
        .sort(),
    );
  });

  it("changes nothing that the removed document did not touch", () => {
    const { extraction, change } = provisionalRemoval(corpus, [gone]);
    const untouched = corpus.entities.filter((e) => ![...change.entities.updated, ...change.entities.removed].includes(e.id));
    for (const e of untouched) expect(extraction.entities).toContainEqual(e);
    expect(change.entities.added).toEqual([]);
    expect(change.edges.added).toEqual([]);
  });

  it("then forgets the removed names: a new document does not join an entity that is gone", () => {
    const { extraction } = provisionalRemoval(corpus, [gone]);
    const after = provisionalExtraction(extraction, [extractDocument({ text: "Ardern spoke to reporters in Wellington." })]);
    expect(after.change.entities.updated).not.toContain(idOf("Jacinda Ardern"));
  });
});

describe("provisional writes in steps (the server answers reads between them)", () => {
  // Loops over every mention, sentence and edge yield every 8,192 items: the corpus of 40 documents is given 9,000
  // more edges, copies of its own under new ids (sorted after the others), with the same evidence.
  const docs = Array.from({ length: 40 }, (_, i) => extractDocument(syntheticArticle(i)));
  const resolved = buildExtraction(docs.slice(1));
  const copies = Array.from({ length: 9000 }, (_, i) => ({
    ...resolved.edges[i % resolved.edges.length]!,
    id: `zz-${String(i).padStart(5, "0")}`,
  }));
  const corpus = { ...resolved, edges: [...resolved.edges, ...copies] };
  const run = <T>(steps: Steps<T>): [T, number] => {
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    return [step.value, yields];
  };

  it("a removal yields while it reads the corpus, and ends as in one piece", () => {
    const [removal, yields] = run(provisionalRemovalInSteps(corpus, [docs[1]!.doc.id]));
    expect(yields).toBeGreaterThan(0);
    expect(removal).toEqual(provisionalRemoval(corpus, [docs[1]!.doc.id]));
    expect(removal.change.edges.updated.length + removal.change.edges.removed.length).toBeGreaterThan(100);
  });

  it("an addition yields while it merges the edges, and ends as in one piece", () => {
    expect(corpus.edges.length).toBeGreaterThan(8192);
    const [added, yields] = run(provisionalExtractionInSteps(corpus, [docs[0]!]));
    expect(yields).toBeGreaterThan(0);
    expect(added).toEqual(provisionalExtraction(corpus, [docs[0]!]));
    expect(added.extraction.edges.length).toBeGreaterThan(9000);
  });
});

describe("composeChanges", () => {
  const ids = (added: string[], updated: string[], removed: string[]) => ({ added, updated, removed });
  const none = ids([], [], []);
  it.each([
    { first: ids([], [], ["a"]), second: ids(["a"], [], []), expected: ids([], ["a"], []), why: "removed, then added again" },
    { first: ids(["a"], [], []), second: ids([], [], ["a"]), expected: none, why: "added, then removed" },
    { first: ids([], ["a"], []), second: ids([], [], ["a"]), expected: ids([], [], ["a"]), why: "updated, then removed" },
    { first: ids(["a"], [], []), second: ids([], ["a"], []), expected: ids(["a"], [], []), why: "added, then updated" },
    { first: ids([], ["b"], ["c"]), second: ids(["d"], [], []), expected: ids(["d"], ["b"], ["c"]), why: "apart" },
  ])("$why", ({ first, second, expected }) => {
    const change = composeChanges({ entities: first, edges: none }, { entities: second, edges: none });
    expect(change.entities).toEqual(expected);
    expect(change.edges).toEqual(none);
  });
});

/**
 * The read model a write moved on equals one built from scratch from its provisional corpus: nodes, edges and
 * entity answers (places and metrics wait for the layout worker; a degree is counted again).
 */
async function expectBuiltFromScratch(moved: ReadModel): Promise<void> {
  moved.graph.forEachNode((id, a) => expect([id, a.degree]).toEqual([id, new Set(moved.graph.neighbors(id)).size]));
  const built = new ReadModel(moved.docExtractions, {
    extraction: moved.extraction,
    graph: buildGraph(moved.extraction, { layout: false, metrics: false }),
  });
  // New nodes come last in the moved graph: compared by id. Places and metrics wait for the layout worker.
  const withoutPlace = (g: typeof moved.graph) =>
    g
      .mapNodes((id, { x: _x, y: _y, community: _c, pagerank: _p, degree: _d, ...rest }) => ({ id, ...rest }))
      .sort((a, b) => a.id.localeCompare(b.id));
  expect(withoutPlace(moved.graph)).toEqual(withoutPlace(built.graph));
  expect(moved.graph.mapEdges((id, a, s, t) => ({ id, a, s, t })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
    built.graph.mapEdges((id, a, s, t) => ({ id, a, s, t })).sort((a, b) => a.id.localeCompare(b.id)),
  );
  // The same sentences and counts; a page lists the new documents' sentences last, until the full resolution.
  const answer = async (corpus: ReadModel, id: string) => {
    const { sentences, community: _c, pagerank: _p, degree: _d, ...rest } = (await corpus.entity(id))!;
    return { ...rest, sentences: sentences.sort((a, b) => a.sentenceId.localeCompare(b.sentenceId) || a.start - b.start) };
  };
  for (const id of moved.graph.nodes()) expect(await answer(moved, id)).toEqual(await answer(built, id));
}

describeEachBackend("writes resolved after their commit (resolveAfterCommitAbove)", (backend) => {
  it("shows a post at once, then resolves the corpus into a full rebuild's graph and rows", async () => {
    const store = await backend.store("provisional");
    const writer = await CorpusWriter.open(store, buildReadModel, { resolveAfterCommitAbove: 0 });
    await writer.ingest(seeds);
    await writer.idle();
    const { documents, change } = await writer.ingest([extra[0]!]);
    expect(writer.provisional()).toBe(true);
    expect(writer.current().docExtractions).toHaveLength(seeds.length + 1);
    expect(change.entities.added.length + change.entities.updated.length).toBeGreaterThan(0);
    for (const id of change.entities.added) expect(writer.current().graph.hasNode(id)).toBe(true);
    expect((await store.load({ derived: true })).derived?.complete).toBeUndefined(); // a reader would resolve itself

    await writer.idle();
    expect(writer.provisional()).toBe(false);
    const all = (await store.load()).documents;
    expect(all.map((d) => d.doc.id)).toContain(documents[0]!.id);
    const full = buildExtraction(all);
    expect(writer.current().extraction).toEqual(full);
    expect(await store.loadDerived()).toEqual(deriveRecords(full));
    const done = await store.load({ derived: true });
    expect(done.derived?.complete?.version).toBe(done.version);
    await store.close();
  });

  it("moves the read model on by the write: the graph and answers of one built from the provisional corpus", async () => {
    const store = await backend.store("provisional-view");
    // spareAboveEdges 0: each write's view copies its graph ahead for the next (the server does above 20,000 edges)
    const writer = await CorpusWriter.open(store, buildReadModel, { resolveAfterCommitAbove: 0, spareAboveEdges: 0 });
    await writer.ingest([...seeds, extra[0]!, extra[1]!]);
    await writer.idle();
    await writer.settled();
    const before = writer.current();
    const served = JSON.stringify(before.graph.export());
    // Names the corpus has, in pairs it has not seen: edges between nodes that were there before, and new nodes.
    const pairs = { text: "Angela Merkel met Emmanuel Macron in Paris.\nDonald Tusk called Keir Starmer and Jacinda Ardern." };
    const { change } = await writer.ingest([pairs, extra[2]!]);
    const moved = writer.current();
    expect(change.edges.added.some((id) => moved.graph.extremities(id).every((end) => before.graph.hasNode(end)))).toBe(true);
    // The graph served before the write shares attribute objects with the new one: it must come out unchanged.
    expect(JSON.stringify(before.graph.export())).toBe(served);
    await expectBuiltFromScratch(moved);
    await writer.idle();
    await store.close();
  });

  it("moves the read model on by a delete, and by a batch that deletes and posts", async () => {
    const store = await backend.store("provisional-delete-view");
    // spareAboveEdges 0: each write's view copies its graph ahead for the next (the server does above 20,000 edges)
    const writer = await CorpusWriter.open(store, buildReadModel, { resolveAfterCommitAbove: 0, spareAboveEdges: 0 });
    await writer.ingest([...seeds, extra[0]!, extra[1]!, extra[2]!]);
    await writer.idle();
    await writer.settled();
    const idOf = (input: { text: string }) => writer.current().docExtractions.find((d) => d.doc.text === input.text)!.doc.id;
    const before = writer.current();
    const served = JSON.stringify(before.graph.export());
    const gone = idOf(extra[1]!);
    const change = await writer.remove(gone);
    const moved = writer.current();
    expect(writer.provisional()).toBe(true);
    expect(change.entities.removed.length + change.edges.removed.length).toBeGreaterThan(0);
    for (const id of change.entities.removed) expect(moved.graph.hasNode(id)).toBe(false);
    expect(JSON.stringify(before.graph.export())).toBe(served);
    await expectBuiltFromScratch(moved);
    expect(moved.documents().map((d) => d.id)).not.toContain(gone);

    // One batch: a delete and a post that arrive together.
    const [posted] = await writer.extract([extra[3]!]);
    const movedServed = JSON.stringify(moved.graph.export());
    const [removal, post] = await Promise.all([writer.remove(idOf(extra[2]!)), writer.ingestExtracted([posted!])]);
    expect(removal).toEqual(post.change); // the batch's change
    // the version the batch replaced, read as it was (its graph is reused by a later write, not by this one)
    expect(JSON.stringify(moved.graph.export())).toBe(movedServed);
    const both = writer.current();
    expect(both.extraction.documents.map((d) => d.id)).toContain(posted!.extraction.doc.id);
    await expectBuiltFromScratch(both);

    await writer.idle();
    const all = (await store.load()).documents;
    expect(writer.current().extraction).toEqual(buildExtraction(all));
    expect(await store.loadDerived()).toEqual(deriveRecords(buildExtraction(all)));
    expect(await checkIntegrity(store)).toBe("ok");
    await store.close();
  });

  it("postpones or gives up a resolution when a post arrives, serves the post, and still ends as a full rebuild", async () => {
    const store = await backend.store("provisional-busy");
    const writer = await CorpusWriter.open(store, buildReadModel, { resolveAfterCommitAbove: 0 });
    await writer.ingest(seeds);
    // Posts one after another without waiting: each arrives while the resolution after the one before runs.
    for (const input of extra.slice(0, 3)) await writer.ingest([input]);
    // A delete is provisional too: gone from what is served at once, and the corpus resolved after it.
    const gone = writer.current().docExtractions.find((d) => d.doc.text === extra[1]!.text)!.doc.id;
    await writer.remove(gone);
    expect(writer.provisional()).toBe(true);
    expect(writer.current().extraction.documents.map((d) => d.id)).not.toContain(gone);
    expect(writer.current().extraction.mentions.some((m) => m.docId === gone)).toBe(false);
    await writer.ingest([extra[3]!]);
    await writer.idle();
    const all = (await store.load()).documents;
    expect(all).toHaveLength(seeds.length + 3);
    expect(writer.current().extraction).toEqual(buildExtraction(all));
    expect(await store.loadDerived()).toEqual(deriveRecords(buildExtraction(all)));
    expect(await checkIntegrity(store)).toBe("ok");
    await store.close();
  });

  it("resolves after the quiet wait while the store watcher keeps checking the store (a check is not a write)", async () => {
    const store = await backend.store("provisional-watched");
    const writer = await CorpusWriter.open(store, buildReadModel, { resolveAfterCommitAbove: 0 });
    await writer.ingest(seeds.slice(0, 2));
    await writer.idle();
    await writer.ingest([extra[3]!]);
    expect(writer.provisional()).toBe(true);
    const deadline = Date.now() + 15_000;
    while (writer.provisional() && Date.now() < deadline) {
      await writer.syncWithStore(); // what server/store-watch.ts does every second
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(writer.provisional()).toBe(false);
    expect(writer.current().extraction).toEqual(buildExtraction((await store.load()).documents));
    await store.close();
  }, 30_000);

  it("stops without the resolution of the last post, and the next opening resolves the corpus", async () => {
    const store = await backend.store("provisional-stop");
    const writer = await CorpusWriter.open(store, buildReadModel, { resolveAfterCommitAbove: 0 });
    await writer.ingest(seeds);
    await writer.ingest([extra[0]!]);
    await writer.stop(); // a clean shutdown: the queued writes done, the resolution given up (or already done)
    const stored = await store.load({ derived: true });
    expect(writer.provisional()).toBe(stored.derived?.complete === undefined);
    const reopened = await CorpusWriter.open(await backend.store("provisional-stop"), buildReadModel);
    expect(reopened.current().extraction).toEqual(buildExtraction(stored.documents));
    await Promise.all([store.close(), reopened.store.close()]);
  });

  it("leaves a store that the next opening resolves when the process ends before the resolution", async () => {
    const store = await backend.store("provisional-crash");
    const writer = await CorpusWriter.open(store, buildReadModel, { resolveAfterCommitAbove: 0 });
    await writer.ingest(seeds.slice(0, 2));
    await writer.idle();
    await writer.ingest([extra[4]!]);
    await writer.remove(writer.current().docExtractions[0]!.doc.id);
    // A second process opens the store before this one has resolved: the rows are marked incomplete, so it
    // resolves the corpus itself rather than trusting them (and none of them points at the removed document).
    expect(await checkIntegrity(store)).toBe("ok");
    const reader = await CorpusWriter.open(await backend.store("provisional-crash"), buildReadModel);
    const all = (await reader.store.load()).documents;
    expect(all).toHaveLength(2);
    expect(reader.current().extraction).toEqual(buildExtraction(all));
    await writer.idle();
    await Promise.all([store.close(), reader.store.close()]);
  });
});
