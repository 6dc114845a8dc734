import nlp from "compromise";

import { findStances } from "../../server/extract/06-stances/index.js";
import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { createExtractionPool } from "../../server/extract/pool/index.js";
import { type Article, median } from "./corpus.js";

export type Side = "compromise" | "ours";

/** Seconds the stance stage took inside the "ours" side: timed directly, not as a difference of two noisy runs. */
let stanceSeconds = 0;

const SIDES: Record<Side, (texts: string[]) => void> = {
  // the baseline the issues name: nlp(text) + people / places / organizations
  compromise: (texts) => {
    for (const t of texts) {
      const doc = nlp(t);
      doc.people().out("array");
      doc.places().out("array");
      doc.organizations().out("array");
    }
  },
  // our whole pipeline: recognition, in-document resolution, stances, then corpus resolution
  ours: (texts) => {
    const docs = texts.map((text) => {
      const doc = extractDocument({ text }, { stances: false });
      const t0 = performance.now();
      doc.stances = findStances(doc.sentences, doc.mentions);
      stanceSeconds += (performance.now() - t0) / 1000;
      return doc;
    });
    buildExtraction(docs);
  },
};

const CHUNK = 50;

/** Round `r` of `rounds` reads its own share of the articles: a text read again would find V8's regex caches warm. */
const shareOf = (articles: Article[], r: number, rounds: number) => articles.filter((_, i) => i % rounds === r);

/**
 * Words per second of each side on the same articles, single-threaded, interleaved per chunk of 50 articles
 * (the order rotates, so no side always runs first); each round on other articles; the median over rounds.
 */
export function measureSingleThread(
  articles: Article[],
  rounds: number,
  log = (line: string) => console.error(line),
): Record<Side, number> & { stanceShare: number } {
  const sides = Object.keys(SIDES) as Side[];
  for (const side of sides) SIDES[side](articles.slice(0, 5).map((a) => a.text)); // warm-up: model, JIT, lexicons
  const perRound: Record<Side, number[]> = { compromise: [], ours: [] };
  const stanceShares: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const share = shareOf(articles, r, rounds);
    const words = share.reduce((n, a) => n + a.words, 0);
    const seconds: Record<Side, number> = { compromise: 0, ours: 0 };
    stanceSeconds = 0;
    for (let c = 0; c < share.length; c += CHUNK) {
      const texts = share.slice(c, c + CHUNK).map((a) => a.text);
      const order = sides.map((_, i) => sides[(i + c / CHUNK + r) % sides.length]!);
      for (const side of order) {
        const t0 = performance.now();
        SIDES[side](texts);
        seconds[side] += (performance.now() - t0) / 1000;
      }
    }
    for (const side of sides) perRound[side].push(words / seconds[side]);
    stanceShares.push(stanceSeconds / (seconds.ours - stanceSeconds));
    log(`  round ${r + 1}/${rounds}: ` + sides.map((s) => `${s} ${Math.round(words / seconds[s])} words/s`).join(", "));
  }
  return { compromise: median(perRound.compromise), ours: median(perRound.ours), stanceShare: median(stanceShares) };
}

/**
 * Words per second of our pipeline with a worker pool of `workers` threads (extraction in the pool, resolution here):
 * one pool for every round, its workers warmed first (their start is not counted), each round on other articles.
 */
export async function measurePool(articles: Article[], workers: number, rounds: number): Promise<number> {
  const pool = createExtractionPool(workers);
  try {
    await pool.extract(articles.slice(0, workers * 8).map((a) => ({ text: a.text }))); // warm-up every worker
    const rates: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const share = shareOf(articles, r, rounds);
      const words = share.reduce((n, a) => n + a.words, 0);
      const t0 = performance.now();
      buildExtraction(await pool.extract(share.map((a) => ({ text: a.text }))));
      rates.push(words / ((performance.now() - t0) / 1000));
    }
    return median(rates);
  } finally {
    await pool.close();
  }
}
