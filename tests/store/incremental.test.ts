// "Incremental equals a full rebuild": documents added one by one, with a delete in between, give the same
// graph and the same stored records as a fresh store given the final set at once.
import { expect, it } from "vitest";

import { CorpusWriter, buildExtractionOnly, buildReadModel } from "../../server/corpus-writer.js";
import { buildExtraction } from "../../server/extract/index.js";
import { deriveRecords } from "../../server/store/derived.js";
import { addCorrection, exportCorrections, importCorrections } from "../../server/corrections/service.js";
import { listArticleFiles, readArticle } from "../../server/io/read-documents.js";
import { mulberry32 } from "../../server/random.js";
import { repoRoot } from "../helpers/server.js";
import { checkIntegrity, describeEachBackend } from "./backends.js";
import { syntheticArticle } from "./fixtures.js";

const seeds = listArticleFiles([`${repoRoot}seeds`]).map((f) => readArticle(f, repoRoot));
const extra = [0, 1, 2, 3, 4, 5].map(syntheticArticle);

describeEachBackend("incremental ingest and delete", (backend) => {
  it("ends with the same graph JSON, documents and stored records as a full rebuild", async () => {
    const incremental = await backend.store("incremental");
    const a = await CorpusWriter.open(incremental, buildReadModel);
    for (const input of [...seeds, ...extra]) await a.ingest([input]);
    const deleted = [seeds[2]!, extra[1]!, extra[4]!];
    for (const input of deleted) {
      const id = a.current().docExtractions.find((d) => d.doc.text === input.text)!.doc.id;
      await a.remove(id);
    }

    const finalSet = [...seeds, ...extra].filter((input) => !deleted.includes(input));
    const full = await backend.store("full");
    const b = await CorpusWriter.open(full, buildReadModel);
    await b.ingest(finalSet);

    expect(a.current().graphJson()).toEqual(b.current().graphJson());
    expect(a.current().documents()).toEqual(b.current().documents());
    expect(await incremental.loadDerived()).toEqual(await full.loadDerived());
    expect((await incremental.load()).documents).toEqual((await full.load()).documents);

    // And reopening the incremental store (a restart) builds that graph again without extracting anything.
    const reopened = await CorpusWriter.open(await backend.store("incremental"), buildReadModel);
    expect(reopened.current().graphJson()).toEqual(b.current().graphJson());
    expect(await checkIntegrity(incremental)).toBe("ok");
    await Promise.all([incremental.close(), full.close(), reopened.store.close()]);
  });
});

describeEachBackend("a seeded random sequence of adds and deletes", (backend) => {
  // Provisional: every post and delete shown with a provisional resolution (server/provisional.ts), the corpus
  // resolved in full after it, before each comparison (or aborted by the next write, when the writes come quicker).
  it.each([
    { seed: 1, provisional: false },
    { seed: 2, provisional: false },
    { seed: 3, provisional: false },
    { seed: 4, provisional: true },
    { seed: 5, provisional: true },
  ])(
    "gives, after every few writes, the graph and stored records of a full rebuild (seed $seed, provisional $provisional)",
    async ({ seed, provisional }) => {
      const random = mulberry32(seed);
      const inputs = [...seeds, ...[10, 11, 12, 13, 14, 15, 16, 17].map(syntheticArticle)];
      const store = await backend.store(`random-${seed}`);
      const a = await CorpusWriter.open(store, buildReadModel, provisional ? { resolveAfterCommitAbove: 0 } : {});
      const present = new Set<(typeof inputs)[number]>();
      for (let step = 0; step < 12; step++) {
        const absent = inputs.filter((i) => !present.has(i));
        if (present.size > 0 && (absent.length === 0 || random() < 0.35)) {
          const gone = [...present][Math.floor(random() * present.size)]!;
          await a.remove(a.current().docExtractions.find((d) => d.doc.text === gone.text)!.doc.id);
          present.delete(gone);
        } else {
          // one document, or a batch of two in one write
          const batch = absent.filter(() => random() < 0.5).slice(0, 1 + Math.floor(random() * 2));
          const chosen = batch.length > 0 ? batch : [absent[0]!];
          await a.ingest(chosen);
          for (const input of chosen) present.add(input);
        }
        if (step % 4 !== 3) continue;
        await a.idle();
        const full = await backend.store(`random-${seed}-full-${step}`);
        const b = await CorpusWriter.open(full, buildReadModel);
        await b.ingest([...present]);
        expect(a.current().graphJson(), `step ${step}`).toEqual(b.current().graphJson());
        expect(await store.loadDerived(), `step ${step}`).toEqual(await full.loadDerived());
        await full.close();
      }
      await store.close();
    },
  );
});

describeEachBackend("a role read with the role book of the corpus", (backend) => {
  it("gives the same graph whether the article naming the role comes before or after the ones that title its holder", async () => {
    const untitled = {
      text: "Tony Blair spoke in Leeds on Friday.\nLiam Fox accused the prime minister of hiding from voters.",
      title: "Fox",
    };
    const titled = [
      { text: "Prime Minister Tony Blair opened a hospital in Leeds on Monday.", title: "Hospital" },
      { text: "Prime Minister Tony Blair met nurses in Bristol.", title: "Nurses" },
    ];
    const first = await backend.store("role-first");
    const a = await CorpusWriter.open(first, buildReadModel);
    for (const input of [untitled, ...titled]) await a.ingest([input]);
    const last = await backend.store("role-last");
    const b = await CorpusWriter.open(last, buildReadModel);
    await b.ingest([...titled, untitled]);

    const stances = (json: { edges: { attributes?: { kind?: string } }[] }) =>
      json.edges.filter((e) => e.attributes?.kind === "stance").length;
    expect(stances(b.current().graphJson())).toBe(1);
    expect(a.current().graphJson()).toEqual(b.current().graphJson());
    expect(await first.loadDerived()).toEqual(await last.loadDerived());
    await Promise.all([first.close(), last.close()]);
  });
});

describeEachBackend("corrections with incremental ingest", (backend) => {
  it("made between ingests and deletes, give the same graph as the same corrections imported into a full rebuild", async () => {
    const store = await backend.store("corrected-incremental");
    const a = await CorpusWriter.open(store, buildReadModel);
    const correct = async (body: object) => addCorrection(a, body, "local");
    await a.ingest(seeds);
    await correct({ action: "merge", from: "person:olaf-scholz", into: "person:donald-tusk" });
    await correct({ action: "split", entity: "country:russia", aliases: ["Kremlin"] });
    for (const input of extra) await a.ingest([input]);
    await correct({ action: "rename", entity: "person:angela-merkel", label: "Chancellor Merkel" });
    await correct({ action: "retype", entity: "organization:coalition-of-the-willing", type: "event" });
    await a.remove(a.current().docExtractions.find((d) => d.doc.text === extra[2]!.text)!.doc.id);
    await correct({ action: "keep-apart", entities: ["person:donald-trump", "person:donald-tusk"] });
    await correct({ action: "hide", entity: "organization:youtube" });
    expect(a.current().extraction.corrections!.log.map((o) => o.status)).toEqual(Array(6).fill("applied"));

    const full = await backend.store("corrected-full");
    const b = await CorpusWriter.open(full, buildReadModel);
    await b.ingest([...seeds, ...extra.filter((_x, i) => i !== 2)]);
    await importCorrections(b, JSON.parse(JSON.stringify(exportCorrections(a.corrections()))));

    expect(a.current().graphJson()).toEqual(b.current().graphJson());
    expect(await store.loadDerived()).toEqual(await full.loadDerived());
    const reopened = await CorpusWriter.open(await backend.store("corrected-incremental"), buildReadModel);
    expect(reopened.current().graphJson()).toEqual(b.current().graphJson());
    await Promise.all([store.close(), full.close(), reopened.store.close()]);
  });
});

describeEachBackend("ingest that resolves once at the end (deferResolution)", (backend) => {
  it("stores documents with the derived rows marked incomplete, then resolves them into those of a full rebuild", async () => {
    const store = await backend.store("deferred");
    const cli = await CorpusWriter.open(store, buildExtractionOnly, { deferResolution: true });
    await cli.ingest(seeds.slice(0, 2));
    const before = await store.loadDerived();
    await cli.ingest(seeds.slice(2));
    const waiting = await store.load({ derived: true });
    expect(waiting.documents).toHaveLength(seeds.length);
    expect(waiting.derived?.complete).toBeUndefined(); // a reader now resolves the corpus itself
    expect(await store.loadDerived()).toEqual(before); // no resolution ran for the two writes

    // A server that follows the store resolves and rewrites the rows meanwhile (version kept): the CLI's rows
    // must still come out right, so it diffs against the rows stored now, not those it loaded.
    const server = await CorpusWriter.open(await backend.store("deferred"), buildExtractionOnly);
    await cli.ingest(extra.slice(0, 2));
    await cli.resolveDeferred();

    const all = (await store.load()).documents;
    expect(all).toHaveLength(seeds.length + 2);
    const done = await store.load({ derived: true });
    expect(done.derived?.complete?.version).toBe(done.version);
    expect(await store.loadDerived()).toEqual(deriveRecords(buildExtraction(all)));
    expect(cli.current().extraction).toEqual(buildExtraction(all));
    // Replacing a document would orphan the rows derived from it: refused until the corpus is resolved.
    await cli.ingest([extra[2]!]);
    await expect(cli.ingest([extra[2]!], { replace: true })).rejects.toThrow(/waits for resolveDeferred/);
    await Promise.all([store.close(), server.store.close()]);
  });
});
