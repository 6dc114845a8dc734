// Scores of five-class stance predictions: macro-F1 over the five classes (the DSE benchmark's measure), and the
// product's measure, precision and recall of the four polar classes, where a polar prediction is right only with
// the right direction and polarity. Pure.

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface PairScores {
  n: number;
  macroF1: number;
  polarPrecision: number;
  polarRecall: number;
  polarF1: number;
  perClass: ClassScore[];
  /** confusion[gold][predicted]. */
  confusion: number[][];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function scorePairs(gold: readonly number[], predicted: readonly number[], classes = 5): PairScores {
  if (gold.length !== predicted.length) throw new Error("scorePairs: gold and predicted differ in length");
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  gold.forEach((g, i) => confusion[g]![predicted[i]!]!++);
  const perClass = confusion.map((row, c) => {
    const tp = row[c]!;
    const predictedC = confusion.reduce((s, r) => s + r[c]!, 0);
    const support = row.reduce((s, x) => s + x, 0);
    const precision = ratio(tp, predictedC);
    const recall = ratio(tp, support);
    return { precision, recall, f1: f1(precision, recall), support };
  });
  let tp = 0;
  let predictedPolar = 0;
  let goldPolar = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    if (p !== 0) predictedPolar++;
    if (g !== 0) goldPolar++;
    if (p !== 0 && p === g) tp++;
  });
  const polarPrecision = ratio(tp, predictedPolar);
  const polarRecall = ratio(tp, goldPolar);
  return {
    n: gold.length,
    macroF1: perClass.reduce((s, c) => s + c.f1, 0) / classes,
    polarPrecision,
    polarRecall,
    polarF1: f1(polarPrecision, polarRecall),
    perClass,
    confusion,
  };
}
