// eval:stance --pairs FILE: the stance model on sentences with two marked entities (the DSE format, lib/dse.ts),
// at the product's default threshold. Prints macro-F1 over the five classes, polar precision and recall, per-class
// scores and the confusion matrix; --json prints one line.
import { existsSync } from "node:fs";

import { standalonePair } from "../../server/extract/06-stances/pairs.js";
import { CLASSES, classify, decide, defaultModel } from "../../server/extract/stance-model/model.js";
import { scorePairs } from "../../server/extract/stance-model/score.js";
import { readPairs } from "./dse.js";

export function evalPairs(path: string, json: boolean): void {
  if (!existsSync(path)) {
    console.error(`eval:stance: no pairs file at ${path}`);
    process.exit(2);
  }
  let rows;
  try {
    rows = readPairs(path);
  } catch (e) {
    console.error(`eval:stance: ${path}: ${(e as Error).message}`);
    process.exit(2);
  }
  const model = defaultModel();
  const predicted = rows.map((r) => decide(classify(model, standalonePair(r.text, r.p, r.q)) ?? [1, 0, 0, 0, 0], model.threshold));
  const s = scorePairs(
    rows.map((r) => r.label),
    predicted,
  );
  if (json) {
    const { perClass, confusion, ...rest } = s;
    console.log(JSON.stringify({ ...rest, threshold: model.threshold, perClass, confusion }));
    return;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${rows.length} pairs from ${path}, threshold ${model.threshold}`);
  console.log(
    `macro-F1 ${s.macroF1.toFixed(3)}  polar precision ${pct(s.polarPrecision)}  polar recall ${pct(s.polarRecall)}  ` +
      `(targets on DSE valid: macro-F1 >= 0.66, precision >= 85%, recall >= 50%)`,
  );
  CLASSES.forEach((c, i) => {
    const k = s.perClass[i]!;
    console.log(
      `  ${c.padEnd(12)} P ${pct(k.precision).padStart(6)}  R ${pct(k.recall).padStart(6)}  F1 ${k.f1.toFixed(3)}  (${k.support})`,
    );
  });
  console.log(`confusion (rows gold, columns predicted, in the order above):`);
  for (const row of s.confusion) console.log("  " + row.map((n) => String(n).padStart(5)).join(""));
}
