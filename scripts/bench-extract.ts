// npm run bench:extract [-- --limit N] [--rounds R] [--json]
// Words per second of our extraction against raw compromise on the same BBC articles, interleaved per chunk
// so that machine noise hits every side alike; medians over rounds, ratios in the same run (single thread).
// The stance stage is timed inside our side, so its cost is a ratio of two timings of the same run.
import { loadNews } from "./bench/corpus.js";
import { measureSingleThread } from "./bench/extract.js";
import { countOption, readArgs } from "./lib/args.js";

const USAGE = "usage: npm run bench:extract [-- --limit N] [--rounds R] [--json]";
const { values } = readArgs(USAGE, {
  options: { limit: { type: "string" }, rounds: { type: "string" }, json: { type: "boolean", default: false } },
});
const articles = loadNews(countOption(values.limit, "limit", Infinity, USAGE));
const rounds = countOption(values.rounds, "rounds", 3, USAGE);
const words = articles.reduce((n, a) => n + a.words, 0);
const wps = measureSingleThread(articles, rounds);
const ratio = wps.ours / wps.compromise;
const stanceCost = wps.stanceShare;

if (values.json) {
  console.log(JSON.stringify({ articles: articles.length, words, rounds, wordsPerSecond: wps, ratio, stanceCost }));
} else {
  console.log(`${articles.length} articles, ${words} words, median of ${rounds} rounds (single thread)`);
  console.log(`  raw compromise           ${Math.round(wps.compromise)} words/s`);
  console.log(`  ours (full pipeline)     ${Math.round(wps.ours)} words/s   ratio ${ratio.toFixed(2)} (target >= 1.0)`);
  console.log(`  stance stage             adds ${(stanceCost * 100).toFixed(1)}% to the rest of our pipeline (target <= 20%)`);
}
