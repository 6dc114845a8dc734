// Is a store what its documents say it should be? Used after fuzzing and after kill -9 (scripts/fuzz.ts,
// scripts/crash-trials.ts): the file is sound, every document is whole (exactly what extracting its stored input
// again gives: no sentence, mention or stance missing), and the derived entities, edges and clusters equal a rebuild.
// Derived rows marked incomplete (an ingest killed before its one resolution at the end) are what the next opening
// resolves again: the check opens the store as the server does, then compares.
import { isDeepStrictEqual } from "node:util";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { CorpusWriter, buildExtractionOnly } from "../../server/corpus-writer.js";
import { deriveRecords } from "../../server/store/derived.js";
import { resolutionStamp } from "../../server/store/resolutions.js";
import { SqliteStore } from "../../server/store/sqlite.js";
import type { Store } from "../../server/store/store.js";

export interface StoreCheck {
  documents: number;
  /** Empty when the store is consistent. */
  problems: string[];
  /** Whether the derived rows were marked complete as found; if not, they were checked after the store's next opening. */
  derivedComplete: boolean;
}

/**
 * Whether the store's derived rows were complete for this resolver and version as found; if not (an ingest killed
 * before its one resolution at the end), they are made so as the next opening makes them: a writer opens the store.
 */
export async function completeDerived(store: Store): Promise<boolean> {
  const { derived, version } = await store.load({ derived: true });
  const complete = derived?.complete?.version === version && derived.complete.stamp === resolutionStamp();
  if (!complete) await CorpusWriter.open(store, buildExtractionOnly);
  return complete;
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
    const complete = await completeDerived(store);
    if (!isDeepStrictEqual(await store.loadDerived(), deriveRecords(buildExtraction(documents)))) {
      problems.push("derived entities, edges or clusters differ from a rebuild of the stored documents");
    }
    return { documents: documents.length, problems, derivedComplete: complete };
  } finally {
    await store.close();
  }
}
