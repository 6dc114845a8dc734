// An experiment, kept so that it can be re-run when there are more labels: does a learned stance classifier
// add to the rules? (#4; the answer with 729 labelled sentences is no, see the README's "Stances" section.)
//
//   npx tsx scripts/stance-classifier-cv.ts [--labels a.jsonl,b.jsonl] [--folds 5] [--option l2=1e-3,epochs=30]
//
// Every ordered pair of named slots in a labelled sentence is an example: support or oppose when it matches a
// labelled stance, none otherwise; a multinomial logistic regression over words-between-the-pair features
// (scripts/lib/stance-classifier/) learns them. Cross-validation by article (no article in two folds) scores
// the rules alone, the model alone, and rules plus model at several thresholds, with eval:stance's triple matching.
// The held-out set (tests/labels/stance-bbc-heldout.jsonl) is refused: it is a measure, not training data.
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";

import { maskSentences } from "../server/extract/07-stances/index.js";
import { buildExtraction, extractDocument } from "../server/extract/index.js";
import { candidates } from "./lib/stance-classifier/candidates.js";
import { predict, train, type Example, type LogisticModel, type TrainOptions } from "./lib/stance-classifier/logistic.js";
import type { Entity } from "../server/types.js";
import {
  LABELS_DIR,
  byFile,
  emptyScore,
  entityMatches,
  goldMatches,
  kindOf,
  readArticle,
  readLabels,
  scoreRow,
  summarize,
  type LabelRow,
} from "./lib/stance-labels.js";

const LABELS = ["none", "support", "oppose"] as const;
const DEFAULT_SETS = ["stance-bbc.jsonl", "stance-bbc-dev.jsonl", "stance-bbc-train.jsonl"].map((f) => join(LABELS_DIR, f));
const OPTIONS: TrainOptions = { epochs: 15, l2: 1e-4, rate: 0.1, seed: 1, minCount: 2, positiveWeight: 2 };
/** --option key=value,key=value overrides OPTIONS: "--option l2=1e-3,epochs=30". */
function options(): TrainOptions {
  const pairs = (arg("--option") ?? "")
    .split(",")
    .filter(Boolean)
    .map((kv) => kv.split("="));
  return { ...OPTIONS, ...Object.fromEntries(pairs.map(([key, v]) => [key, Number(v)])) };
}
const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

interface PairExample extends Example {
  holder: Entity;
  target: Entity;
}
/** One labelled sentence: its gold row, the rules' triples and the model's candidate pairs. */
interface Item {
  file: string;
  row: LabelRow;
  ruled: { holder: Entity; target: Entity; stance: string }[];
  pairs: PairExample[];
  /** Every entity named in the sentence, to tell which side of a gold stance is missing when no pair matches. */
  named: Entity[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Reads every labelled article once and turns its labelled sentences into items. */
function loadItems(paths: string[]): Item[] {
  const rows = paths.flatMap((p) => readLabels(p, "stance-classifier-cv"));
  const items: Item[] = [];
  for (const [file, fileRows] of byFile(rows)) {
    const text = readArticle(file);
    const doc = extractDocument({ text, source: file });
    const ex = buildExtraction([doc]);
    const entityOf = new Map(ex.entities.map((e) => [e.id, e]));
    const entity = (mention: number) => entityOf.get(ex.mentions[mention]!.entityId)!;
    const masked = maskSentences(doc.sentences, doc.mentions, { all: true });
    for (const row of fileRows) {
      const inRow = (sentenceId: string) => {
        const s = doc.sentences.find((x) => x.id === sentenceId)!;
        return s.start < row.end && row.start < s.end;
      };
      const ruled = doc.stances
        .filter((s) => inRow(s.sentenceId))
        .map((s) => ({ holder: entity(s.holder), target: entity(s.target), stance: s.stance }));
      const pairs = masked
        .filter((ms) => inRow(ms.sentence.id))
        .flatMap((ms) => candidates(ms, doc.mentions))
        .map((c) => {
          const holder = entity(c.holder);
          const target = entity(c.target);
          const gold = row.stances.find((g) => goldMatches(holder, target, g));
          return { features: c.features, label: gold ? LABELS.indexOf(gold.stance) : 0, holder, target };
        });
      const named = doc.mentions.flatMap((m, i) => (inRow(m.sentenceId) ? [entity(i)] : []));
      items.push({ file, row, ruled, pairs, named });
    }
  }
  return items;
}

/** Rules' triples plus the model's above the threshold, one per entity pair and polarity, as eval:stance counts them. */
function predictItem(item: Item, model: LogisticModel | null, threshold: number, withRules = true) {
  const out = new Map<string, { holder: Entity; target: Entity; stance: string }>();
  const pairKey = (h: Entity, t: Entity) => `${h.id}|${t.id}`;
  const ruled = withRules ? item.ruled : [];
  const ruledPairs = new Set(ruled.map((r) => pairKey(r.holder, r.target)));
  for (const r of ruled) out.set(`${pairKey(r.holder, r.target)}|${r.stance}`, r);
  if (model) {
    for (const p of item.pairs) {
      if (ruledPairs.has(pairKey(p.holder, p.target))) continue;
      const probs = predict(model, p.features);
      const y = probs[1]! >= probs[2]! ? 1 : 2;
      if (probs[y]! >= threshold)
        out.set(`${pairKey(p.holder, p.target)}|${LABELS[y]}`, { holder: p.holder, target: p.target, stance: LABELS[y]! });
    }
  }
  return [...out.values()];
}

/**
 * How many gold triples any candidate pair could match (the most recall a pair reader can have), by where the
 * stance is; for the others, which side is not named in the sentence (a pronoun or role we do not resolve, or
 * an implied target such as "the offer").
 */
function reportReach(items: Item[]): void {
  const count = new Map<string, number>();
  const bump = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  for (const { row, pairs, named } of items) {
    for (const g of row.stances) {
      const kind = kindOf(g);
      bump(`${kind} gold`);
      if (pairs.some((p) => goldMatches(p.holder, p.target, g))) bump(`${kind} reachable`);
      else {
        if (!named.some((e) => entityMatches(e, g.holder, g.holderAliases))) bump(`${kind} holder not named`);
        if (!named.some((e) => entityMatches(e, g.target, g.targetAliases))) bump(`${kind} target not named`);
      }
    }
  }
  for (const kind of ["inSentence", "fromContext"]) {
    const n = (what: string) => count.get(`${kind} ${what}`) ?? 0;
    console.log(
      `  ${kind}: ${n("reachable")} of ${n("gold")} gold triples have a candidate pair; of the rest, holder not named ${n("holder not named")}, target not named ${n("target not named")}`,
    );
  }
}

const fold = (file: string, k: number) => parseInt(createHash("sha1").update(file).digest("hex").slice(0, 8), 16) % k;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function main(): void {
  const paths = (arg("--labels")?.split(",") ?? DEFAULT_SETS).map((p) => resolve(p));
  if (paths.some((p) => p.includes("heldout"))) {
    console.error("stance-classifier-cv: the held-out set is for measuring only; train on the other sets");
    process.exit(2);
  }
  const k = Number(arg("--folds") ?? 5);
  const items = loadItems(paths);
  const examples = items.flatMap((i) => i.pairs);
  const gold = items.reduce((n, i) => n + i.row.stances.length, 0);
  const reachable = examples.filter((e) => e.label !== 0).length;
  console.log(
    `${items.length} labelled sentences, ${gold} gold triples; ${examples.length} candidate pairs, ${reachable} of them labelled support or oppose`,
  );
  reportReach(items);

  // Cross-validation: each fold's sentences are predicted by a model trained on the other folds.
  const scores = new Map<number | "rules" | "model 0.5" | "model 0.8", ReturnType<typeof emptyScore>>([
    ["rules", emptyScore()],
    ["model 0.5", emptyScore()],
    ["model 0.8", emptyScore()],
    ...THRESHOLDS.map((t) => [t, emptyScore()] as const),
  ]);
  for (let f = 0; f < k; f++) {
    const model = train(
      items.filter((i) => fold(i.file, k) !== f).flatMap((i) => i.pairs),
      [...LABELS],
      options(),
    );
    for (const item of items.filter((i) => fold(i.file, k) === f)) {
      scoreRow(item.row, predictItem(item, null, 1), scores.get("rules")!);
      scoreRow(item.row, predictItem(item, model, 0.5, false), scores.get("model 0.5")!);
      scoreRow(item.row, predictItem(item, model, 0.8, false), scores.get("model 0.8")!);
      for (const t of THRESHOLDS) scoreRow(item.row, predictItem(item, model, t), scores.get(t)!);
    }
  }
  console.log(`cross-validation, ${k} folds by article (P = precision, R = recall of triples):`);
  for (const [key, score] of scores) {
    const s = summarize(score);
    console.log(
      `  ${typeof key === "string" ? key.padEnd(17) : `rules + model ${key.toFixed(1)}`}  P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  ` +
        `(in sentence ${pct(s.recallInSentence)}, from context ${pct(s.recallFromContext)}; predicted ${score.tp + score.fp})`,
    );
  }
}

main();
