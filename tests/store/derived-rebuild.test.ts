// The stored derived records are exactly what a rebuild of the stored documents derives, also for what resolution
// computes but the tables do not keep (the fuzz run's store check found an `ambiguous` mark that the entities
// table could not hold, so every store with a shared lone surname differed from its rebuild).
import { expect, it } from "vitest";

import { CorpusWriter, buildReadModel } from "../../server/corpus-writer.js";
import { buildExtraction } from "../../server/extract/index.js";
import { deriveRecords } from "../../server/store/derived.js";
import { describeEachBackend } from "./backends.js";

// Invented: two Howards, then a lone "Howard" that neither clearly owns.
const texts = [
  "Michael Howard spoke in London on Monday.\nMichael Howard said taxes would fall.",
  "John Howard spoke in Sydney on Tuesday.\nJohn Howard said the election was close.",
  "Howard said on Wednesday that the plan would fail.\nHoward was speaking to reporters.",
];

describeEachBackend("derived records", (backend) => {
  it("equal a rebuild of the stored documents when resolution marks a lone surname ambiguous", async () => {
    const store = await backend.store("derived");
    const service = await CorpusWriter.open(store, buildReadModel);
    for (const text of texts) await service.ingest([{ text }]);
    const lone = service.current().extraction.entities.find((e) => e.id === "person:howard");
    expect(lone?.ambiguous).toBe(true); // the case this test is about still arises
    const { documents } = await store.load();
    expect(await store.loadDerived()).toEqual(deriveRecords(buildExtraction(documents)));
  });
});
