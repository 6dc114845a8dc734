// Multinomial logistic regression over sparse string features, trained by AdaGrad with L2 regularisation over
// examples in a seeded shuffled order: the same examples and options give the same weights, bit for bit.
import { mulberry32 } from "../../random.js";

export interface LogisticModel {
  labels: readonly string[];
  featureIndex: Map<string, number>;
  /** weights[f * L + y] for feature id f and label y. */
  weights: Float32Array | Float64Array;
}

export interface Example {
  features: readonly string[];
  label: number;
  /** How much the example counts (1 unless the training set weighs its sources). */
  weight?: number;
}

export interface TrainOptions {
  epochs: number;
  /** L2 strength per example step, on the features the example has. */
  l2: number;
  rate: number;
  seed: number;
  /** Features seen in fewer training examples than this are dropped. */
  minCount: number;
  /** Multiplier on the weight of examples whose label is not 0 ("none"). */
  positiveWeight: number;
  /** The weights kept are the mean of the weights after each of the last `average` epochs (0: the last weights). */
  average?: number;
}

export function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  const out = new Float64Array(scores.length);
  for (let y = 0; y < scores.length; y++) sum += out[y] = Math.exp(scores[y]! - max);
  for (let y = 0; y < scores.length; y++) out[y]! /= sum;
  return out;
}

const ids = (model: LogisticModel, features: readonly string[]): number[] => {
  const out: number[] = [];
  for (const f of features) {
    const id = model.featureIndex.get(f);
    if (id !== undefined) out.push(id);
  }
  return out;
};

function scoreIds(model: LogisticModel, featureIds: readonly number[]): Float64Array {
  const L = model.labels.length;
  const out = new Float64Array(L);
  for (const id of featureIds) for (let y = 0; y < L; y++) out[y]! += model.weights[id * L + y]!;
  return out;
}

/** The probability of each label. */
export const predict = (model: LogisticModel, features: readonly string[]) => softmax(scoreIds(model, ids(model, features)));

export function train(examples: readonly Example[], labels: readonly string[], options: TrainOptions): LogisticModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const featureIndex = new Map<string, number>();
  for (const [f, n] of counts) if (n >= options.minCount || f === "bias") featureIndex.set(f, featureIndex.size);
  const L = labels.length;
  const weights = new Float64Array(featureIndex.size * L);
  const squared = new Float64Array(featureIndex.size * L).fill(1e-8);
  const model: LogisticModel = { labels, featureIndex, weights };
  const encoded = examples.map((e) => [...new Set(ids(model, e.features))]);
  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  const averaged = options.average ? Math.min(options.average, options.epochs) : 0;
  const sum = new Float64Array(averaged > 0 ? weights.length : 0);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const e = examples[i]!;
      const fids = encoded[i]!;
      const p = softmax(scoreIds(model, fids));
      const scale = (e.weight ?? 1) * (e.label === 0 ? 1 : options.positiveWeight);
      for (const id of fids) {
        for (let y = 0; y < L; y++) {
          const k = id * L + y;
          const grad = scale * (p[y]! - (y === e.label ? 1 : 0)) + options.l2 * weights[k]!;
          squared[k]! += grad * grad;
          weights[k]! -= (options.rate * grad) / Math.sqrt(squared[k]!);
        }
      }
    }
    if (epoch >= options.epochs - averaged) for (let k = 0; k < weights.length; k++) sum[k]! += weights[k]!;
  }
  if (averaged > 0) for (let k = 0; k < weights.length; k++) weights[k] = sum[k]! / averaged;
  return model;
}
