// The stance model: its five classes, its compact on-disk form (gzipped JSON), loading, and the decision rule
// that turns five probabilities into a stance or none at a threshold.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Stance } from "../../types.js";
import { type LogisticModel, predict } from "./logistic.js";
import { type PairInput, type PairTokens, pairFeatures, pairTokens } from "./features.js";

/** The classes, with X the entity written first and Y the other: the DSE benchmark's order (p = X, q = Y). */
export const CLASSES = ["none", "X supports Y", "Y supports X", "X opposes Y", "Y opposes X"] as const;
export const POLAR: readonly { holderIsX: boolean; stance: Stance }[] = [
  { holderIsX: true, stance: "support" },
  { holderIsX: false, stance: "support" },
  { holderIsX: true, stance: "oppose" },
  { holderIsX: false, stance: "oppose" },
];

export const DEFAULT_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), "model.json.gz");

/** On-disk form: one sparse row per feature, [label, weight, label, weight, ...], weights rounded to 3 decimals. */
export interface StanceModelFile {
  version: 1;
  meta: Record<string, unknown>;
  labels: string[];
  /** The default threshold: a polar class is kept when its probability reaches it. */
  threshold: number;
  features: string[];
  rows: number[][];
}

export interface StanceModel extends LogisticModel {
  threshold: number;
  meta: Record<string, unknown>;
}

export function toModelFile(model: LogisticModel, threshold: number, meta: Record<string, unknown>, minWeight = 0.005): StanceModelFile {
  const L = model.labels.length;
  const features: string[] = [];
  const rows: number[][] = [];
  for (const [f, id] of [...model.featureIndex].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const row: number[] = [];
    for (let y = 0; y < L; y++) {
      const w = Math.round(model.weights[id * L + y]! * 1000) / 1000;
      if (Math.abs(w) >= minWeight) row.push(y, w);
    }
    if (row.length > 0) {
      features.push(f);
      rows.push(row);
    }
  }
  return { version: 1, meta, labels: [...model.labels], threshold, features, rows };
}

export function fromModelFile(file: StanceModelFile): StanceModel {
  if (file.version !== 1 || file.features.length !== file.rows.length) throw new Error("stance model: unknown or damaged model file");
  const L = file.labels.length;
  const weights = new Float32Array(file.features.length * L);
  file.rows.forEach((row, f) => {
    for (let i = 0; i < row.length; i += 2) weights[f * L + row[i]!] = row[i + 1]!;
  });
  return {
    labels: file.labels,
    featureIndex: new Map(file.features.map((f, i) => [f, i])),
    weights,
    threshold: file.threshold,
    meta: file.meta,
  };
}

export function loadModel(path = DEFAULT_MODEL_PATH): StanceModel {
  const raw = readFileSync(path);
  return fromModelFile(JSON.parse((path.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8")) as StanceModelFile);
}

let shared: StanceModel | undefined;
/** The committed model, loaded on first use. */
export function defaultModel(): StanceModel {
  shared ??= loadModel();
  return shared;
}

/** The five class probabilities of a pair (X = the span written first), or undefined when its spans overlap. */
export function classify(
  model: LogisticModel,
  input: PairInput,
  read: PairTokens | undefined = pairTokens(input),
): Float64Array | undefined {
  const features = pairFeatures(input, read);
  return features ? predict(model, features) : undefined;
}

/** The decision: the most probable polar class when its probability reaches the threshold, else class 0 (none). */
export function decide(probs: ArrayLike<number>, threshold: number): number {
  let best = 1;
  for (let y = 2; y < probs.length; y++) if (probs[y]! > probs[best]!) best = y;
  return probs[best]! >= threshold ? best : 0;
}
