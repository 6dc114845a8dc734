// Every stance the extractor finds in the BBC articles that no stance label set touches, one line each:
//   file | holder -stance-> target [cue] | sentence
// For precision audits on text no rule was written for: read the lines (or have someone judge them blind).
// Usage: npx tsx scripts/list-open-stances.ts > /tmp/open-stances.txt   (needs ../shared/data/news/bbc)
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { buildExtraction, extractDocument } from "../server/extract/index.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(repoRoot, "../shared/data/news/bbc");
if (!existsSync(corpus)) {
  console.error(`no BBC corpus at ${corpus}`);
  process.exit(2);
}
const labelDir = join(repoRoot, "tests/labels");
const labelled = new Set<string>();
for (const set of readdirSync(labelDir).filter((f) => f.endsWith(".jsonl"))) {
  for (const line of readFileSync(join(labelDir, set), "utf8").split("\n").filter(Boolean)) labelled.add((JSON.parse(line) as { file: string }).file);
}

const lines: string[] = [];
let articles = 0;
for (const category of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const name of readdirSync(join(corpus, category.name))) {
    const file = `${category.name}/${name}`;
    if (labelled.has(file)) continue;
    articles++;
    const ex = buildExtraction([extractDocument({ text: readFileSync(join(corpus, file), "utf8"), source: file })]);
    const label = new Map(ex.entities.map((e) => [e.id, e.label]));
    const sentence = new Map(ex.sentences.map((s) => [s.id, s.text]));
    for (const edge of ex.edges.filter((e) => e.kind === "stance")) {
      for (const ev of edge.evidence) {
        lines.push(`${file} | ${label.get(edge.source)} -${edge.stance}-> ${label.get(edge.target)} [${ev.cue}] | ${sentence.get(ev.sentenceId)}`);
      }
    }
  }
}
console.log(lines.sort().join("\n"));
console.error(`${lines.length} stances in ${articles} articles outside the label sets`);
