// Scores the NER recogniser on a CoNLL-2003 file (exact-match entity-level P/R/F1 for PER, LOC,
// ORG and their micro average; MISC ignored). Each sentence's tokens are joined with single
// spaces and the raw text goes through recognizeDocument, one -DOCSTART- document at a time.
//
//   npx tsx scripts/eval-ner.ts <conll-file> [--json] [--baseline compromise]
//
// --baseline compromise scores raw compromise (people -> PER, places -> LOC, organizations -> ORG) the same
// way, for the before/after table.

import { existsSync, readFileSync, statSync } from "node:fs";

import nlp from "compromise";

import { recognizeDocument } from "../server/extract/03-recognition/index.js";
import { evaluateDocuments, formatScores, parseConll, type Scores } from "../server/extract/03-recognition/score.js";
import { readArgs } from "./lib/args.js";

type Recognizer = (texts: string[]) => { start: number; end: number; label: string }[][];

/** Raw compromise on each sentence, with its own offsets. */
const compromiseBaseline: Recognizer = (texts) =>
  texts.map((text) => {
    const doc = nlp(text);
    const spans: { start: number; end: number; label: string }[] = [];
    const add = (matches: { offset: { start: number; length: number } }[], label: string) => {
      for (const m of matches) {
        // compromise's match text keeps trailing punctuation and possessives ("NATO ,", "Putin 's"): trim them, to be fair
        const raw = text.slice(m.offset.start, m.offset.start + m.offset.length);
        const trimmed = raw.replace(/(?:\s+'s|\s*[^\p{L}\p{N}.)]+)+$/u, "");
        spans.push({ start: m.offset.start, end: m.offset.start + trimmed.length, label });
      }
    };
    add(doc.people().json({ offset: true }), "PER");
    add(doc.places().json({ offset: true }), "LOC");
    add(doc.organizations().json({ offset: true }), "ORG");
    return spans;
  });

const USAGE = "usage: npx tsx scripts/eval-ner.ts <conll-file> [--json] [--baseline compromise]";

function main(): number {
  const { values, positionals: paths } = readArgs(USAGE, {
    options: { json: { type: "boolean", default: false }, baseline: { type: "string" } },
    allowPositionals: true,
  });
  const { json, baseline } = values;
  if (baseline !== undefined && baseline !== "compromise") {
    console.error(`eval-ner: unknown baseline "${baseline}" (known: compromise)`);
    return 2;
  }
  if (paths.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const path = paths[0];
  if (!existsSync(path) || !statSync(path).isFile()) {
    console.error(`eval-ner: no such file: ${path}`);
    return 2;
  }
  const docs = parseConll(readFileSync(path, "utf8"));
  const t0 = performance.now();
  const recognize: Recognizer = baseline === "compromise" ? compromiseBaseline : (texts) => recognizeDocument(texts);
  const scores: Scores = evaluateDocuments(docs, recognize);
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

process.exitCode = main();
