// The tagger model: one or two linear passes plus the word lists the features need,
// its compact on-disk form (gzipped JSON) and sentence/document tagging.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildGazetteer, countryLists } from "./gazetteer.ts";
import { buildDocStats, normalizeWord, sentenceFeatures, type DocStats, type FeatureContext } from "./features.ts";
import { allowedTransitions, decode, type LinearModel } from "./perceptron.ts";

/** On-disk form: weights are sparse rows [label, weight, label, weight, ...] rounded to 3 decimals. */
export interface ModelFile {
  version: 1;
  meta: Record<string, unknown>;
  labels: string[];
  lowerVocab: string[];
  lexicon: Record<string, string[]>;
  passes: { features: string[]; rows: number[][]; trans: number[] }[];
}

export interface TaggerModel {
  labels: string[];
  ctx: FeatureContext;
  /** passes[0] tags from sentence + document case evidence; passes[1] (optional) also sees pass-0 labels of the same word elsewhere. */
  passes: LinearModel[];
  meta: Record<string, unknown>;
}

/** Feature context shared by training and tagging: gazetteer from world-countries plus model word lists. */
export function makeFeatureContext(lowerVocab: Iterable<string>, lexicon: Map<string, string[]>): FeatureContext {
  return { gazetteer: buildGazetteer(countryLists()), lowerVocab: new Set(lowerVocab), lexicon };
}

/** Serialises a model, dropping weights below `minWeight` in magnitude and features left empty. */
export function toModelFile(model: TaggerModel, minWeight: number): ModelFile {
  const L = model.labels.length;
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const passes = model.passes.map((pass) => {
    const features: string[] = [];
    const rows: number[][] = [];
    for (const [name, id] of pass.featureIndex) {
      const row: number[] = [];
      for (let y = 0; y < L; y++) {
        const v = round(pass.weights[id * L + y]);
        if (Math.abs(v) >= minWeight) row.push(y, v);
      }
      if (row.length > 0) {
        features.push(name);
        rows.push(row);
      }
    }
    return { features, rows, trans: Array.from(pass.trans, round) };
  });
  return {
    version: 1,
    meta: model.meta,
    labels: model.labels,
    lowerVocab: [...model.ctx.lowerVocab].sort(),
    lexicon: Object.fromEntries([...model.ctx.lexicon].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    passes,
  };
}

export function fromModelFile(file: ModelFile): TaggerModel {
  const L = file.labels.length;
  const passes = file.passes.map((p): LinearModel => {
    const featureIndex = new Map<string, number>();
    const weights = new Float32Array(p.features.length * L);
    for (let id = 0; id < p.features.length; id++) {
      featureIndex.set(p.features[id], id);
      const row = p.rows[id];
      for (let k = 0; k < row.length; k += 2) weights[id * L + row[k]] = row[k + 1];
    }
    return { labels: file.labels, featureIndex, weights, trans: Float32Array.from(p.trans) };
  });
  const lexicon = new Map(Object.entries(file.lexicon));
  return { labels: file.labels, ctx: makeFeatureContext(file.lowerVocab, lexicon), passes, meta: file.meta };
}

export function loadModelFile(path: string): TaggerModel {
  const raw = readFileSync(path);
  const json = path.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  return fromModelFile(JSON.parse(json) as ModelFile);
}

/** Counts of pass-0 entity types per lowercased word over a document: "clinton" -> {PER: 4}. */
export function predictedTypeCounts(sentences: readonly (readonly string[])[], labels: readonly string[][]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (let s = 0; s < sentences.length; s++) {
    for (let i = 0; i < sentences[s].length; i++) {
      const label = labels[s][i];
      if (label === "O") continue;
      const key = sentences[s][i].toLowerCase().replace(/’/g, "'");
      const type = label.slice(2);
      let rec = out.get(key);
      if (rec === undefined) out.set(key, (rec = {}));
      rec[type] = (rec[type] ?? 0) + 1;
    }
  }
  return out;
}

/**
 * Tags every sentence of a document (arrays of token strings). Returns BIO labels per token.
 * With a second pass, pass 0 labels feed the document features of pass 1.
 */
export function tagDocument(model: TaggerModel, sentences: readonly (readonly string[])[]): string[][] {
  const masks = model.passes.map((p) => allowedTransitions(p.labels));
  const stats: DocStats = buildDocStats(sentences);
  let labels = sentences.map((s) => decode(model.passes[0], sentenceFeatures(s, model.ctx, stats), masks[0]));
  for (let k = 1; k < model.passes.length; k++) {
    const withPred: DocStats = { ...stats, predicted: predictedTypeCounts(sentences, labels) };
    labels = sentences.map((s) => decode(model.passes[k], sentenceFeatures(s, model.ctx, withPred), masks[k]));
  }
  return labels;
}

export { normalizeWord };
