// npm run bench:corpus -- --docs N [--seed S] [--from YEAR] [--years Y] [--out DIR]
// Writes N distinct articles made from the BBC corpus (scripts/bench/generate.ts) as JSONL files that
// `npm run ingest -- DIR` reads: 1,000 a file. The folder must be outside the repository: corpus text is never
// committed. Prints the folder, and how many articles, words and distinct names it holds.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

import { readArticle } from "../server/io/read-documents.js";
import { NEWS_DIR, loadNews, repoRoot } from "./bench/corpus.js";
import { generateArticles, namePools, namesIn } from "./bench/generate.js";
import { countOption, readArgs } from "./lib/args.js";

const USAGE = "usage: npm run bench:corpus -- --docs N [--seed S] [--from YEAR] [--years Y] [--out DIR]";
const { values } = readArgs(USAGE, {
  options: {
    docs: { type: "string" },
    seed: { type: "string" },
    from: { type: "string" },
    years: { type: "string" },
    out: { type: "string" },
  },
});
if (values.docs === undefined) {
  console.error(`--docs is required\n${USAGE}`);
  process.exit(2);
}
const docs = countOption(values.docs, "docs", 0, USAGE);
const seed = countOption(values.seed, "seed", 1, USAGE);
const fromYear = countOption(values.from, "from", 1995, USAGE);
const years = countOption(values.years, "years", 30, USAGE);
const out = resolve(values.out ?? join(tmpdir(), `bench-corpus-${docs}-seed${seed}`));
if (!relative(repoRoot, out).startsWith("..")) {
  console.error(`--out ${out} is inside the repository: generated corpus text is never kept there\n${USAGE}`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
if (readdirSync(out).length > 0) {
  console.error(`${out} is not empty: give a new folder with --out`);
  process.exit(2);
}

const started = performance.now();
const articles = loadNews();
console.error(`reading the names of ${articles.length} BBC articles...`);
const sources = articles.map((a) => {
  const input = readArticle(join(NEWS_DIR, a.path), NEWS_DIR);
  return { input, names: namesIn(input) };
});
const pools = namePools(sources.map((s) => s.names));
const FILE_LINES = 1000;
let lines: string[] = [];
let files = 0;
let made = 0;
let words = 0;
const flush = () => {
  if (lines.length === 0) return;
  writeFileSync(join(out, `part-${String(++files).padStart(4, "0")}.jsonl`), `${lines.join("\n")}\n`);
  lines = [];
};
for (const article of generateArticles(sources, pools, { docs, seed, fromYear, years })) {
  lines.push(JSON.stringify(article));
  made++;
  words += article.text.split(/\s+/).filter(Boolean).length;
  if (lines.length === FILE_LINES) flush();
}
flush();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${out}: ${made} articles, ${words} words, ${files} file(s), in ${seconds}s`);
if (made < docs) console.error(`only ${made} distinct articles could be made (asked for ${docs})`);
