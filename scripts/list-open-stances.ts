// Every stance the extractor finds in the BBC articles that no stance label set touches, one line each:
//   file | holder -stance-> target [cue] | sentence
// For precision audits on text no rule was written for: read the lines (or have someone judge them blind).
// Roles named without a holder ("the prime minister") are read with the role book of these same articles, as
// eval:stance does.
// Usage: npx tsx scripts/list-open-stances.ts > /tmp/open-stances.txt   (needs ../shared/data/news/bbc)
import { existsSync } from "node:fs";

import { buildExtraction, extractDocument } from "../server/extract/index.js";
import { CORPUS_DIR, openArticles, openRoleBook, corpusArticle } from "./lib/stance-labels.js";

if (!existsSync(CORPUS_DIR)) {
  console.error(`no BBC corpus at ${CORPUS_DIR}`);
  process.exit(2);
}

const roles = openRoleBook();
const files = openArticles();
const lines: string[] = [];
for (const file of files) {
  const ex = buildExtraction([extractDocument(corpusArticle(file))], { roles });
  const label = new Map(ex.entities.map((e) => [e.id, e.label]));
  const sentence = new Map(ex.sentences.map((s) => [s.id, s.text]));
  for (const edge of ex.edges.filter((e) => e.kind === "stance")) {
    for (const ev of edge.evidence) {
      lines.push(
        `${file} | ${label.get(edge.source)} -${edge.stance}-> ${label.get(edge.target)} [${ev.cue}] | ${sentence.get(ev.sentenceId)}`,
      );
    }
  }
}
console.log(lines.sort().join("\n"));
console.error(`${lines.length} stances in ${files.length} articles outside the label sets`);
