// Training pairs from the hand-labelled BBC sets: every candidate pair the stance stage scores in a labelled
// sentence, labelled with the stance class the annotators gave it (none when they gave it none).
import { maskSentences } from "../../server/extract/06-stances/index.js";
import { candidatePairs, pairInput } from "../../server/extract/06-stances/pairs.js";
import { readStances } from "../../server/extract/06-stances/readings.js";
import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import type { PairInput } from "../../server/extract/stance-model/features.js";
import { byFile, goldMatches, corpusArticle, type LabelRow } from "./stance-labels.js";

export interface LabelledPair {
  input: PairInput;
  label: number;
  file: string;
}

/** The pairs of the labelled sentences of the given rows, with their classes (X = the side written first). */
export function labelledPairs(rows: LabelRow[]): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const [file, fileRows] of byFile(rows)) {
    const doc = extractDocument(corpusArticle(file), { stances: false });
    const ex = buildExtraction([doc]);
    const entityOf = new Map(ex.entities.map((e) => [e.id, e]));
    // Resolution leaves junk mentions out of ex.mentions, so a document mention is found by where it is written.
    const entityAt = new Map(ex.mentions.map((m) => [`${m.start}:${m.end}`, entityOf.get(m.entityId)]));
    const entity = (mention: number) => entityAt.get(`${doc.mentions[mention]!.start}:${doc.mentions[mention]!.end}`);
    for (const { sentence, masked } of maskSentences(doc.sentences, doc.mentions, { all: true })) {
      const row = fileRows.find((r) => sentence.start < r.end && r.start < sentence.end);
      if (!row) continue;
      const ruled = readStances(sentence, masked, doc.mentions);
      for (const c of candidatePairs(masked, doc.mentions)) {
        const [a, b] = [entity(c.a), entity(c.b)];
        if (!a || !b) continue;
        let label = 0;
        for (const g of row.stances) {
          if (goldMatches(a, b, g)) label = g.stance === "support" ? 1 : 3;
          else if (goldMatches(b, a, g)) label = g.stance === "support" ? 2 : 4;
          if (label) break;
        }
        out.push({ input: pairInput(sentence, c, ruled), label, file });
      }
    }
  }
  return out;
}
