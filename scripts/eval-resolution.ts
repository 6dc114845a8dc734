// Scores corpus resolution on a labelled set (tests/labels/resolution-*.json): the set names its corpus folders
// under ../shared/data/news; each is extracted and resolved as one corpus.
//
//   npm run eval:resolution -- --labels FILE [--json]
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { ReadModel } from "../server/read/model.js";
import { createExtractionPool } from "../server/extract/pool/index.js";
import { InputError, listArticleFiles, readArticle } from "../server/io/read-documents.js";
import { formatResolutionScore, scoreResolution, validateLabels } from "./lib/resolution-score.js";

const USAGE = "usage: npm run eval:resolution -- --labels FILE [--json]";
const NEWS = join(import.meta.dirname, "..", "..", "shared", "data", "news");

async function main(): Promise<void> {
  let values: { labels?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ options: { labels: { type: "string" }, json: { type: "boolean" } } }));
  } catch (err) {
    throw new InputError(`${(err as Error).message}\n${USAGE}`);
  }
  if (!values.labels) throw new InputError(`missing --labels FILE\n${USAGE}`);
  if (!existsSync(values.labels)) throw new InputError(`no such labels file: ${values.labels}`);
  let labels;
  try {
    labels = validateLabels(JSON.parse(readFileSync(values.labels, "utf8")));
  } catch (err) {
    throw new InputError(`${values.labels}: ${(err as Error).message}`);
  }
  const folders = labels.corpus.map((c) => join(NEWS, c));
  for (const f of folders) if (!existsSync(f)) throw new InputError(`corpus folder not found: ${f} (the labels need ../shared/data/news)`);
  const pool = createExtractionPool();
  try {
    const docs = await pool.extract(listArticleFiles(folders).map((f) => readArticle(f)));
    const corpus = new ReadModel(docs);
    const nodes = corpus.extraction.entities.map((e) => ({ ...e, mentions: corpus.graph.getNodeAttribute(e.id, "mentions") as number }));
    const score = scoreResolution(labels, nodes);
    if (values.json) console.log(JSON.stringify(score));
    else {
      console.log(`${values.labels}: ${docs.length} documents, ${nodes.length} entities`);
      console.log(formatResolutionScore(score));
      for (const e of score.details.entities)
        if (e.verdict !== "clean") console.log(`  ${e.verdict}: ${e.labels.join(" / ")} -> ${e.nodes.join(", ") || "-"}`);
      for (const [a, b, id] of score.details.falseMerges) console.log(`  false merge: ${a} + ${b} in ${id}`);
      for (const j of score.details.junk) console.log(`  junk: ${j}`);
    }
  } finally {
    await pool.close();
  }
}

main().catch((err) => {
  if (err instanceof InputError) {
    console.error(`eval:resolution: ${err.message}`);
    process.exit(2);
  }
  throw err;
});
