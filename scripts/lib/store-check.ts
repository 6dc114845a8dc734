// Is a store what its documents say it should be? Used after fuzzing and after kill -9 (scripts/fuzz.ts,
// scripts/crash-trials.ts): the file is sound, every document is whole (exactly what extracting its stored input
// again gives: no sentence, mention or stance missing), and the derived entities, edges and clusters equal a rebuild.
import { isDeepStrictEqual } from "node:util";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { deriveRecords } from "../../server/store/derived.js";
import { SqliteStore } from "../../server/store/sqlite.js";

export interface StoreCheck {
  documents: number;
  /** Empty when the store is consistent. */
  problems: string[];
}

export async function checkStore(path: string): Promise<StoreCheck> {
  const store = new SqliteStore(path);
  try {
    const problems: string[] = [];
    const integrity = store.checkIntegrity();
    if (integrity !== "ok") problems.push(`integrity: ${integrity}`);
    const { documents } = await store.load();
    const inputs = await store.loadInputs();
    documents.forEach((stored, i) => {
      const again = extractDocument(inputs[i]!);
      const parts = (["doc", "sentences", "mentions", "stances"] as const).filter((k) => !isDeepStrictEqual(stored[k], again[k]));
      if (parts.length > 0)
        problems.push(`document ${stored.doc.id}: its ${parts.join(", ")} differ from what its stored text extracts to`);
    });
    if (!isDeepStrictEqual(await store.loadDerived(), deriveRecords(buildExtraction(documents)))) {
      problems.push("derived entities, edges or clusters differ from a rebuild of the stored documents");
    }
    return { documents: documents.length, problems };
  } finally {
    await store.close();
  }
}
