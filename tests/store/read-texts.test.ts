// The read side reads sentence and document texts from the store by id: its answers (entity pages, edge evidence,
// documents) equal those of a read model holding the whole extraction in memory, after a write and after a restart.
import { expect, it } from "vitest";

import { CorpusWriter, buildReadModel } from "../../server/corpus-writer.js";
import { ReadModel } from "../../server/read/model.js";
import { listArticleFiles, readArticle } from "../../server/io/read-documents.js";
import { repoRoot } from "../helpers/server.js";
import { describeEachBackend } from "./backends.js";
import { syntheticArticle } from "./fixtures.js";

const seeds = listArticleFiles([`${repoRoot}seeds`]).map((f) => readArticle(f, repoRoot));

/** Every entity page (two pages of each), edge and document, as the API would answer them. */
async function answers(model: ReadModel) {
  const entities = await Promise.all(
    model.extraction.entities.map(async (e) => [await model.entity(e.id, { limit: 3 }), await model.entity(e.id, { offset: 3, limit: 3 })]),
  );
  const edges = await Promise.all(model.extraction.edges.map((e) => model.edge(e.id)));
  const documents = await Promise.all(model.extraction.documents.map((d) => model.document(d.id)));
  return { entities, edges, documents };
}

describeEachBackend("answers read from the store", (backend) => {
  it("equal those of the extraction in memory, after a write and after a restart", async () => {
    const store = await backend.store("reads");
    const service = await CorpusWriter.open(store, buildReadModel);
    await service.ingest([...seeds, syntheticArticle(0)]);
    const inMemory = new ReadModel(service.current().docExtractions);
    const expected = await answers(inMemory);
    expect(expected.edges.flatMap((e) => e!.evidence).length).toBeGreaterThan(10);
    expect(await answers(service.current())).toEqual(expected);

    const reopened = await backend.store("reads");
    const restarted = await CorpusWriter.open(reopened, buildReadModel);
    const sorted = new ReadModel(restarted.current().docExtractions);
    expect(await answers(restarted.current())).toEqual(await answers(sorted));
    await reopened.close();
    await store.close();
  });

  it("leave out what the store does not hold: an unknown sentence id, an unknown document", async () => {
    const store = await backend.store("reads");
    const [sentence] = (await store.load()).documents[0]!.sentences;
    const texts = await store.sentenceTexts([sentence!.id, "no-such-sentence"]);
    expect([...texts]).toEqual([[sentence!.id, sentence!.text]]);
    expect(await store.readDocument("no-such-document")).toBeUndefined();
    await store.close();
  });
});
