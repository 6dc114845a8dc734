// Trains the stance model and writes server/extract/stance-model/model.json.gz.
//
//   nice npx tsx scripts/train-stance.ts [--train ../shared/data/stance/dse/train.txt] [--valid ../shared/data/stance/dse/valid.txt]
//       [--bbc tests/labels/stance-bbc.jsonl,tests/labels/stance-bbc-train.jsonl] [--epochs 12] [--seed 1] [--out FILE]
//
// Examples: every DSE train row, and every candidate pair of the BBC label sets given (never the held-out set).
// The threshold is chosen on the DSE validation rows: the best macro-F1 among those whose polar precision reaches
// --precision (0.85).
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

import { standalonePair } from "../server/extract/06-stances/pairs.js";
import { pairFeatures } from "../server/extract/stance-model/features.js";
import { predict, train, type Example, type TrainOptions } from "../server/extract/stance-model/logistic.js";
import { CLASSES, decide, toModelFile } from "../server/extract/stance-model/model.js";
import { scorePairs } from "../server/extract/stance-model/score.js";
import { readPairs, type PairRow } from "./lib/dse.js";
import { labelledPairs } from "./lib/stance-examples.js";
import { ROOT, readLabels } from "./lib/stance-labels.js";

const DSE = join(ROOT, "..", "shared", "data", "stance", "dse");
const { values } = parseArgs({
  options: {
    train: { type: "string", default: join(DSE, "train.txt") },
    valid: { type: "string", default: join(DSE, "valid.txt") },
    bbc: { type: "string", default: "tests/labels/stance-bbc.jsonl,tests/labels/stance-bbc-train.jsonl" },
    "bbc-weight": { type: "string", default: "1" },
    epochs: { type: "string", default: "12" },
    seed: { type: "string", default: "1" },
    l2: { type: "string", default: "1e-2" },
    rate: { type: "string", default: "0.03" },
    "min-count": { type: "string", default: "2" },
    "positive-weight": { type: "string", default: "1" },
    average: { type: "string", default: "0" },
    "class-power": { type: "string", default: "1" },
    precision: { type: "string", default: "0.85" },
    // A floor under the threshold DSE valid chooses (0: none). The stage's own checks (06-stances/decide.ts)
    // keep the must-give-nothing rows of tests/extract/stance*.test.ts empty at the chosen threshold.
    "min-threshold": { type: "string", default: "0" },
    out: { type: "string", default: join(ROOT, "server/extract/stance-model/model.json.gz") },
    "no-write": { type: "boolean", default: false },
  },
});
const options: TrainOptions = {
  epochs: Number(values.epochs),
  seed: Number(values.seed),
  l2: Number(values.l2),
  rate: Number(values.rate),
  minCount: Number(values["min-count"]),
  positiveWeight: Number(values["positive-weight"]),
  average: Number(values.average),
};

const featuresOf = (r: PairRow) => pairFeatures(standalonePair(r.text, r.p, r.q))!;
const started = Date.now();
const trainRows = readPairs(resolve(values.train));
const examples: Example[] = trainRows.map((r) => ({ features: featuresOf(r), label: r.label }));
const bbcSets = values.bbc.split(",").filter(Boolean);
if (bbcSets.some((s) => s.includes("heldout"))) {
  console.error("train-stance: the held-out label set is a measure, not training data");
  process.exit(2);
}
const bbcWeight = Number(values["bbc-weight"]);
for (const set of bbcSets) {
  const pairs = labelledPairs(readLabels(resolve(set), "train-stance"));
  for (const p of pairs) examples.push({ features: pairFeatures(p.input)!, label: p.label, weight: bbcWeight });
  console.log(`${set}: ${pairs.length} pairs, ${pairs.filter((p) => p.label).length} with a stance`);
}
console.log(`${examples.length} examples, features read in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Rare polar classes (Y supports X is a tenth of X opposes Y) weigh more: (largest polar class / class)^power.
const counts = CLASSES.map((_, c) => examples.filter((e) => e.label === c).length);
const largest = Math.max(...counts.slice(1));
const classWeight = counts.map((n, c) => (c === 0 || n === 0 ? 1 : (largest / n) ** Number(values["class-power"])));
const weighted = examples.map((e) => ({ ...e, weight: (e.weight ?? 1) * classWeight[e.label]! }));
const model = train(weighted, CLASSES, options);
console.log(`trained ${model.featureIndex.size} features in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const valid = readPairs(resolve(values.valid));
const probs = valid.map((r) => predict(model, featuresOf(r)));
const gold = valid.map((r) => r.label);
const target = Number(values.precision);
let chosen: { threshold: number; score: ReturnType<typeof scorePairs> } | undefined;
for (let t = 0.2; t <= 0.951; t += 0.025) {
  const threshold = Math.round(t * 1000) / 1000;
  const score = scorePairs(
    gold,
    probs.map((p) => decide(p, threshold)),
  );
  const line = `threshold ${threshold.toFixed(3)}  macro-F1 ${score.macroF1.toFixed(3)}  polar P ${score.polarPrecision.toFixed(3)} R ${score.polarRecall.toFixed(3)}`;
  console.log(line);
  // The threshold with the best macro-F1 among those whose polar precision reaches the target.
  if (score.polarPrecision >= target && (!chosen || score.macroF1 > chosen.score.macroF1)) chosen = { threshold, score };
}
if (!chosen) {
  console.error(`train-stance: no threshold reaches polar precision ${target} on ${values.valid}`);
  process.exit(1);
}
const threshold = Math.max(chosen.threshold, Number(values["min-threshold"]));
console.log(`product threshold ${threshold}`);
console.log(
  `chosen threshold ${chosen.threshold}: macro-F1 ${chosen.score.macroF1.toFixed(3)}, polar P ${chosen.score.polarPrecision.toFixed(3)} R ${chosen.score.polarRecall.toFixed(3)}`,
);
console.log(
  CLASSES.map(
    (c, i) =>
      `${c}: F1 ${chosen!.score.perClass[i]!.f1.toFixed(3)} (P ${chosen!.score.perClass[i]!.precision.toFixed(3)} R ${chosen!.score.perClass[i]!.recall.toFixed(3)}, ${chosen!.score.perClass[i]!.support})`,
  ).join("\n"),
);
if (!values["no-write"]) {
  const file = toModelFile(model, threshold, {
    trained: "DSE train + " + bbcSets.join(", "),
    options,
    bbcWeight,
    classWeight,
    examples: examples.length,
    dseThreshold: chosen.threshold,
    valid: { macroF1: chosen.score.macroF1, polarPrecision: chosen.score.polarPrecision, polarRecall: chosen.score.polarRecall },
  });
  file.meta.validAtThreshold = (({ macroF1, polarPrecision, polarRecall }) => ({ macroF1, polarPrecision, polarRecall }))(
    scorePairs(
      gold,
      probs.map((p) => decide(p, threshold)),
    ),
  );
  const gz = gzipSync(JSON.stringify(file), { level: 9 });
  writeFileSync(resolve(values.out), gz);
  console.log(`wrote ${values.out}: ${(gz.length / 1e6).toFixed(2)} MB, ${file.features.length} features`);
}
