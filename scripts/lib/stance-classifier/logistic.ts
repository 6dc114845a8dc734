// Multinomial logistic regression over sparse string features, trained by AdaGrad with L2 regularisation.
// Small on purpose: a few thousand labelled pairs, a few thousand features, three labels.

import { mulberry32 } from "../../../server/random.js";

export interface LogisticModel {
  labels: string[];
  /** Feature string -> row of one weight per label. */
  weights: Map<string, Float64Array>;
}

export interface Example {
  features: string[];
  label: number;
}

export interface TrainOptions {
  epochs: number;
  /** L2 strength per example step. */
  l2: number;
  rate: number;
  seed: number;
  /** Features seen fewer times than this in training are dropped. */
  minCount: number;
  /** Weight of examples whose label is not 0 ("none"): more than 1 makes the rare labels count more. */
  positiveWeight: number;
}

export function softmax(scores: Float64Array): Float64Array {
  const max = Math.max(...scores);
  const out = scores.map((s) => Math.exp(s - max));
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((x) => x / sum);
}

export function scores(model: LogisticModel, features: readonly string[]): Float64Array {
  const out = new Float64Array(model.labels.length);
  for (const f of features) {
    const row = model.weights.get(f);
    if (row) for (let y = 0; y < out.length; y++) out[y] += row[y]!;
  }
  return out;
}

export const predict = (model: LogisticModel, features: readonly string[]) => softmax(scores(model, features));

export function train(examples: Example[], labels: string[], options: TrainOptions): LogisticModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const L = labels.length;
  const weights = new Map<string, Float64Array>();
  const squared = new Map<string, Float64Array>();
  for (const [f, n] of counts) {
    if (n < options.minCount && f !== "bias") continue;
    weights.set(f, new Float64Array(L));
    squared.set(f, new Float64Array(L).fill(1e-8));
  }
  const model: LogisticModel = { labels, weights };
  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const e = examples[i]!;
      const p = predict(model, e.features);
      const scale = e.label === 0 ? 1 : options.positiveWeight;
      for (const f of e.features) {
        const w = weights.get(f);
        if (!w) continue;
        const g2 = squared.get(f)!;
        for (let y = 0; y < L; y++) {
          const grad = scale * (p[y]! - (y === e.label ? 1 : 0)) + options.l2 * w[y]!;
          g2[y] += grad * grad;
          w[y] -= (options.rate * grad) / Math.sqrt(g2[y]!);
        }
      }
    }
  }
  return model;
}
