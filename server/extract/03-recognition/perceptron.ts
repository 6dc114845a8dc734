// Structured averaged perceptron over string features with first-order Viterbi decoding
// (Collins 2002). Emission weights are per (feature, label); transition weights per label pair.
// Impossible BIO transitions ("O" -> "I-PER", "B-LOC" -> "I-ORG") are forbidden outright.

import { mulberry32 } from "../../random.js";

export interface LinearModel {
  labels: string[];
  featureIndex: Map<string, number>;
  /** weights[f * L + y] for feature id f and label y. */
  weights: Float32Array;
  /** trans[p * L + y]: label p followed by y; row L is the sentence start. */
  trans: Float32Array;
}

/** Allowed-transition mask for BIO labels: I-X only after B-X or I-X; row L = sentence start. */
export function allowedTransitions(labels: readonly string[]): Uint8Array {
  const L = labels.length;
  const mask = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    for (let y = 0; y < L; y++) {
      const cur = labels[y];
      if (!cur.startsWith("I-")) mask[p * L + y] = 1;
      else if (p < L) {
        const prev = labels[p];
        mask[p * L + y] = prev !== "O" && prev.slice(2) === cur.slice(2) ? 1 : 0;
      }
    }
  }
  return mask;
}

/** Emission scores for a sentence given its feature ids: out[i * L + y]. */
export function emissionScores(weights: Float32Array | Float64Array, L: number, featIds: readonly ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(featIds.length * L);
  for (let i = 0; i < featIds.length; i++) {
    const ids = featIds[i];
    const base = i * L;
    for (let k = 0; k < ids.length; k++) {
      const off = ids[k] * L;
      for (let y = 0; y < L; y++) out[base + y] += weights[off + y];
    }
  }
  return out;
}

/** Best label sequence under emissions + transitions, respecting the mask. */
export function viterbi(emit: Float64Array, n: number, L: number, trans: Float32Array | Float64Array, mask: Uint8Array): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let y = 0; y < L; y++) score[y] = mask[L * L + y] ? emit[y] + trans[L * L + y] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!mask[p * L + y]) continue;
        const s = score[(i - 1) * L + p] + trans[p * L + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + y] = best + emit[i * L + y];
      back[i * L + y] = arg;
    }
  }
  let y = 0;
  for (let k = 1; k < L; k++) if (score[(n - 1) * L + k] > score[(n - 1) * L + y]) y = k;
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = y;
    y = back[i * L + y];
  }
  return path;
}

/** Feature strings -> ids, skipping features the model does not know. */
export function featureIds(index: Map<string, number>, feats: readonly string[][]): Int32Array[] {
  return feats.map((f) => {
    const ids: number[] = [];
    for (const s of f) {
      const id = index.get(s);
      if (id !== undefined) ids.push(id);
    }
    return Int32Array.from(ids);
  });
}

/** Tags one sentence (features already extracted) and returns label strings. */
export function decode(model: LinearModel, feats: readonly string[][], mask: Uint8Array): string[] {
  const L = model.labels.length;
  const ids = featureIds(model.featureIndex, feats);
  const emit = emissionScores(model.weights, L, ids);
  return viterbi(emit, ids.length, L, model.trans, mask).map((y) => model.labels[y]);
}

export interface TrainingExample {
  feats: Int32Array[];
  gold: Int32Array;
}

// The seeded PRNG lives in server/random.ts; re-exported for the training script.
export { mulberry32 };

/**
 * Trains an averaged structured perceptron. Averaging uses the "u += c * delta" trick:
 * average = w - u / c, where c counts examples seen.
 */
export function trainPerceptron(
  labels: string[],
  numFeatures: number,
  examples: readonly TrainingExample[],
  opts: { epochs: number; seed: number; onEpoch?: (epoch: number, errors: number, tokens: number) => void },
): { weights: Float32Array; trans: Float32Array } {
  const L = labels.length;
  const mask = allowedTransitions(labels);
  const w = new Float32Array(numFeatures * L);
  const u = new Float32Array(numFeatures * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  const order = examples.map((_, i) => i);
  const rand = mulberry32(opts.seed);
  let c = 1;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, rand);
    let errors = 0;
    let tokens = 0;
    for (const idx of order) {
      const ex = examples[idx];
      const n = ex.gold.length;
      const emit = emissionScores(w, L, ex.feats);
      const pred = viterbi(emit, n, L, tw, mask);
      tokens += n;
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i];
        const p = pred[i];
        if (g !== p) {
          errors++;
          for (const f of ex.feats[i]) {
            w[f * L + g] += 1;
            u[f * L + g] += c;
            w[f * L + p] -= 1;
            u[f * L + p] -= c;
          }
        }
        const gPrev = i === 0 ? L : ex.gold[i - 1];
        const pPrev = i === 0 ? L : pred[i - 1];
        if (g !== p || gPrev !== pPrev) {
          tw[gPrev * L + g] += 1;
          tu[gPrev * L + g] += c;
          tw[pPrev * L + p] -= 1;
          tu[pPrev * L + p] -= c;
        }
      }
      c++;
    }
    opts.onEpoch?.(epoch, errors, tokens);
  }
  const weights = new Float32Array(numFeatures * L);
  for (let k = 0; k < weights.length; k++) weights[k] = w[k] - u[k] / c;
  const trans = new Float32Array((L + 1) * L);
  for (let k = 0; k < trans.length; k++) trans[k] = tw[k] - tu[k] / c;
  return { weights, trans };
}

function shuffle(arr: number[], rand: () => number): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
}
