// Scores the NER recogniser on a CoNLL-2003 file (exact-match entity-level P/R/F1 for PER, LOC,
// ORG and their micro average; MISC ignored). Each sentence's tokens are joined with single
// spaces and the raw text goes through recognizeDocument, one -DOCSTART- document at a time.
//
//   npx tsx scripts/eval-ner.ts <conll-file> [--json]

import { existsSync, readFileSync, statSync } from "node:fs";
import { recognizeDocument } from "../server/extract/ner/index.js";
import { evaluateDocuments, formatScores, parseConll, type Scores } from "../server/extract/ner/score.js";

function main(argv: string[]): number {
  const json = argv.includes("--json");
  const paths = argv.filter((a) => a !== "--json");
  if (paths.length !== 1) {
    console.error("usage: npx tsx scripts/eval-ner.ts <conll-file> [--json]");
    return 2;
  }
  const path = paths[0];
  if (!existsSync(path) || !statSync(path).isFile()) {
    console.error(`eval-ner: no such file: ${path}`);
    return 2;
  }
  const docs = parseConll(readFileSync(path, "utf8"));
  const t0 = performance.now();
  const scores: Scores = evaluateDocuments(docs, (texts) => recognizeDocument(texts));
  const seconds = (performance.now() - t0) / 1000;
  if (json) {
    const out: Record<string, { p: number; r: number; f1: number }> = {};
    for (const key of ["PER", "LOC", "ORG", "micro"]) out[key] = scores[key];
    process.stdout.write(JSON.stringify(out) + "\n");
  } else {
    const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
    const tokens = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.tokens.length, 0), 0);
    console.log(`${path}: ${docs.length} documents, ${sentences} sentences, ${tokens} tokens`);
    console.log(formatScores(scores));
    console.log(`(recognised in ${seconds.toFixed(2)}s including model load: ${Math.round(tokens / seconds)} tokens/s)`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
