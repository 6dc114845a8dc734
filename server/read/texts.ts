// Where the read side finds the text it shows: sentence texts and whole documents. The server reads them from the
// store by primary key, so the graph view keeps no copy of them; a corpus built without a store (tests, the CLI)
// reads them from its own extraction.
import type { DocumentText, Store } from "../store/store.js";
import type { Extraction } from "../types.js";

export type ReadTexts = Pick<Store, "sentenceTexts" | "readDocument">;

/** The texts of an extraction held in memory. */
export function memoryTexts(extraction: Extraction): ReadTexts {
  const sentences = new Map(extraction.sentences.map((s) => [s.id, s]));
  const docs = new Map(extraction.documents.map((d) => [d.id, d]));
  return {
    sentenceTexts: async (ids) =>
      new Map(ids.flatMap((id): [string, string][] => (sentences.has(id) ? [[id, sentences.get(id)!.text]] : []))),
    readDocument: async (id): Promise<DocumentText | undefined> => {
      const doc = docs.get(id);
      if (!doc) return undefined;
      const starts = extraction.sentences.filter((s) => s.docId === id).map((s): [string, number] => [s.id, s.start]);
      return { doc, sentenceStarts: new Map(starts) };
    },
  };
}
