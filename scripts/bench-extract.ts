// npm run bench:extract [-- --limit N] [--rounds R]
// Words per second of our extraction against raw compromise on the same BBC articles, interleaved A/B/C
// per chunk so that machine noise hits every side alike; medians over rounds, ratios in the same run.
//   A: compromise   nlp(text) + .people() / .places() / .organizations()
//   B: ours         extractDocument (recognition, in-document resolution, stances) + corpus resolution
//   C: ours, no stance stage (what the stance stage costs)
import nlp from "compromise";

import { buildExtraction, extractDocument } from "../server/extract/index.js";
import type { DocExtraction } from "../server/types.js";
import { argValue, loadNews, median } from "./bench/corpus.js";

const limit = Number(argValue("--limit") ?? Infinity);
const rounds = Number(argValue("--rounds") ?? 3);
const CHUNK = 50;
const articles = loadNews(limit);
const totalWords = articles.reduce((n, a) => n + a.words, 0);

type Side = "compromise" | "ours" | "oursNoStances";
const sides: Record<Side, (texts: string[]) => void> = {
  compromise: (texts) => {
    for (const t of texts) {
      const doc = nlp(t);
      doc.people().out("array");
      doc.places().out("array");
      doc.organizations().out("array");
    }
  },
  ours: (texts) => {
    const docs: DocExtraction[] = texts.map((text) => extractDocument({ text }));
    buildExtraction(docs);
  },
  oursNoStances: (texts) => {
    buildExtraction(texts.map((text) => extractDocument({ text }, { stances: false })));
  },
};

// Warm-up: model load, JIT, compromise lexicon.
for (const fn of Object.values(sides)) fn(articles.slice(0, 5).map((a) => a.text));

const perRound: Record<Side, number[]> = { compromise: [], ours: [], oursNoStances: [] };
for (let r = 0; r < rounds; r++) {
  const seconds: Record<Side, number> = { compromise: 0, ours: 0, oursNoStances: 0 };
  for (let c = 0; c < articles.length; c += CHUNK) {
    const texts = articles.slice(c, c + CHUNK).map((a) => a.text);
    // rotate the order per chunk so no side always runs first (warm caches, GC debt)
    const order = (Object.keys(sides) as Side[]).map((_, i, all) => all[(i + c / CHUNK + r) % all.length]!);
    for (const side of order) {
      const t0 = performance.now();
      sides[side](texts);
      seconds[side] += (performance.now() - t0) / 1000;
    }
  }
  for (const side of Object.keys(sides) as Side[]) perRound[side].push(totalWords / seconds[side]);
  console.error(`round ${r + 1}/${rounds}: ` + (Object.keys(sides) as Side[]).map((s) => `${s} ${Math.round(totalWords / seconds[s])} w/s`).join(", "));
}

const wps = {
  compromise: median(perRound.compromise),
  ours: median(perRound.ours),
  oursNoStances: median(perRound.oursNoStances),
};
const ratio = wps.ours / wps.compromise;
const stanceCost = 1 - wps.ours / wps.oursNoStances;
const result = {
  articles: articles.length,
  words: totalWords,
  rounds,
  wordsPerSecond: Object.fromEntries(Object.entries(wps).map(([k, v]) => [k, Math.round(v)])),
  ratioOursToCompromise: Math.round(ratio * 100) / 100,
  stanceStageSlowdown: Math.round(stanceCost * 1000) / 1000,
};
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else {
  console.log(`${articles.length} articles, ${totalWords} words, median of ${rounds} rounds (single thread)`);
  console.log(`  raw compromise           ${Math.round(wps.compromise)} words/s`);
  console.log(`  ours (full pipeline)     ${Math.round(wps.ours)} words/s   ratio ${ratio.toFixed(2)} (target >= 1.0)`);
  console.log(`  ours without stances     ${Math.round(wps.oursNoStances)} words/s   stance stage costs ${(stanceCost * 100).toFixed(1)}% (target <= 20%)`);
}
