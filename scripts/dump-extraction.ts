// npm run dump:extraction -- out.jsonl
// Every per-document extraction of the seeds and the BBC corpus (../shared/data/news/bbc), one JSON line each, and
// the corpus build's entities and edges: diff two dumps to show that a change to the extractor keeps its output
// byte for byte. Also prints the largest sentence, token, mention count per sentence and document it met, which the
// extraction limits (server/extract/limits.ts) must stay above.
import { createWriteStream } from "node:fs";

import { buildExtraction, extractDocument } from "../server/extract/index.js";
import { listArticleFiles, readArticle } from "../server/io/read-documents.js";
import type { DocExtraction } from "../server/types.js";
import { loadNews, repoRoot } from "./bench/corpus.js";
import { readArgs } from "./lib/args.js";

const USAGE = "usage: npm run dump:extraction -- out.jsonl";
const out = readArgs(USAGE, { allowPositionals: true }).positionals[0];
if (!out) {
  console.error(USAGE);
  process.exit(2);
}
const inputs = [
  ...listArticleFiles([`${repoRoot}seeds`]).map((f) => readArticle(f, repoRoot)),
  ...loadNews().map((a) => ({ text: a.text, source: a.path })),
];
const file = createWriteStream(out);
const docs: DocExtraction[] = [];
const most = { documentChars: 0, sentenceChars: 0, tokenChars: 0, mentionsPerSentence: 0 };
for (const input of inputs) {
  const d = extractDocument(input);
  docs.push(d);
  file.write(`${JSON.stringify(d)}\n`);
  most.documentChars = Math.max(most.documentChars, d.doc.text.length);
  for (const s of d.sentences) {
    most.sentenceChars = Math.max(most.sentenceChars, s.text.length);
    for (const t of s.text.split(/\s+/)) most.tokenChars = Math.max(most.tokenChars, t.length);
  }
  const perSentence = new Map<string, number>();
  for (const m of d.mentions) perSentence.set(m.sentenceId, (perSentence.get(m.sentenceId) ?? 0) + 1);
  most.mentionsPerSentence = Math.max(most.mentionsPerSentence, ...perSentence.values(), 0);
}
const { entities, edges } = buildExtraction(docs);
file.write(`${JSON.stringify({ entities, edges })}\n`);
file.end();
console.log(`${docs.length} documents -> ${out}; largest: ${JSON.stringify(most)}`);
