// The tagger model: one or two linear passes over a shared feature index, the word lists
// the features need, its compact on-disk form (gzipped JSON) and document tagging.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildGazetteer, countryLists } from "./gazetteer.js";
import {
  buildDocStats,
  contextFeatures,
  neighbourFeatures,
  NEIGHBOUR_OFFSETS,
  PAIR_TEMPLATES,
  pairParts,
  predictionFeatures,
  sentenceInfo,
  tokenFeatures,
  type DocStats,
  type FeatureContext,
  type SentenceInfo,
} from "./features.js";
import { allowedTransitions, viterbi, type LinearModel } from "./perceptron.js";
import { HEADLINE_FUNCTION_WORDS } from "../lexicon/small-words.js";

/**
 * On-disk form. `features` is shared by all passes; each pass has one sparse row per feature,
 * [label, weight, label, weight, ...] with weights rounded to 3 decimals ([] when pruned).
 */
export interface ModelFile {
  version: 2;
  meta: Record<string, unknown>;
  labels: string[];
  lowerVocab: string[];
  lexicon: Record<string, string[]>;
  knownWords: string[];
  features: string[];
  passes: { rows: number[][]; trans: number[] }[];
}

export interface PassWeights {
  /** weights[f * L + y]. */
  weights: Float32Array;
  /** trans[p * L + y]; row L is the sentence start. */
  trans: Float32Array;
}

/** Ids of a token's own features and of the features it gives each neighbour (NEIGHBOUR_OFFSETS order). */
interface TokenEntry {
  self: Int32Array;
  neighbour: Int32Array[];
}

export interface TaggerModel {
  labels: string[];
  ctx: FeatureContext;
  featureIndex: Map<string, number>;
  /** passes[0] tags from sentence + document case evidence; passes[1] also sees pass-0 types of the same word elsewhere. */
  passes: PassWeights[];
  mask: Uint8Array;
  meta: Record<string, unknown>;
  /** PAIR_TEMPLATES features as template -> left -> right -> id ("w-1w" -> "mr." -> "smith" -> 123). */
  pairIndex: Map<string, Map<string, number>>[];
  /** Per distinct token string: feature ids (bounded; cleared when full). */
  tokenCache: Map<string, TokenEntry>;
}

const TOKEN_CACHE_LIMIT = 200_000;
/** Longer tokens (a pasted hash, a run of symbols) are not kept, so the cache is bounded in bytes, not only in entries. */
const TOKEN_CACHE_MAX_LENGTH = 64;

/** Feature context shared by training and tagging: gazetteer from world-countries plus model word lists. */
export function makeFeatureContext(
  lowerVocab: Iterable<string>,
  lexicon: Map<string, string[]>,
  knownWords: Iterable<string>,
): FeatureContext {
  return { gazetteer: buildGazetteer(countryLists()), lowerVocab: new Set(lowerVocab), lexicon, knownWords: new Set(knownWords) };
}

/**
 * Serialises trained passes (each with its own feature index) into one file, merging the
 * feature lists and dropping weights below `minWeight` in magnitude.
 */
export function toModelFile(
  labels: string[],
  ctx: FeatureContext,
  passes: readonly LinearModel[],
  meta: Record<string, unknown>,
  minWeight: number,
): ModelFile {
  const L = labels.length;
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const rowsByFeature = new Map<string, number[][]>();
  passes.forEach((pass, k) => {
    for (const [name, id] of pass.featureIndex) {
      const row: number[] = [];
      for (let y = 0; y < L; y++) {
        const v = round(pass.weights[id * L + y]);
        if (Math.abs(v) >= minWeight) row.push(y, v);
      }
      if (row.length === 0) continue;
      let rows = rowsByFeature.get(name);
      if (rows === undefined) rowsByFeature.set(name, (rows = passes.map(() => [])));
      rows[k] = row;
    }
  });
  const features = [...rowsByFeature.keys()].sort();
  return {
    version: 2,
    meta,
    labels,
    lowerVocab: [...ctx.lowerVocab].sort(),
    lexicon: Object.fromEntries([...ctx.lexicon].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    knownWords: [...(ctx.knownWords ?? [])].sort(),
    features,
    passes: passes.map((pass, k) => ({
      rows: features.map((f) => rowsByFeature.get(f)?.[k] ?? []),
      trans: Array.from(pass.trans, round),
    })),
  };
}

export function fromModelFile(file: ModelFile): TaggerModel {
  const L = file.labels.length;
  const featureIndex = new Map<string, number>();
  file.features.forEach((f, id) => featureIndex.set(f, id));
  const passes = file.passes.map((p): PassWeights => {
    const weights = new Float32Array(file.features.length * L);
    for (let id = 0; id < p.rows.length; id++) {
      const row = p.rows[id];
      for (let k = 0; k < row.length; k += 2) weights[id * L + row[k]] = row[k + 1];
    }
    return { weights, trans: Float32Array.from(p.trans) };
  });
  return {
    labels: file.labels,
    pairIndex: buildPairIndex(file.features),
    ctx: makeFeatureContext(file.lowerVocab, new Map(Object.entries(file.lexicon)), file.knownWords),
    featureIndex,
    passes,
    mask: allowedTransitions(file.labels),
    meta: file.meta,
    tokenCache: new Map(),
  };
}

/** Nested maps for the two-part features, parsed from names like "w-1w=mr.|smith" ("|" never occurs inside a part). */
function buildPairIndex(features: readonly string[]): Map<string, Map<string, number>>[] {
  const byTemplate = new Map<string, Map<string, Map<string, number>>>(PAIR_TEMPLATES.map((t) => [t, new Map()]));
  features.forEach((f, id) => {
    const eq = f.indexOf("=");
    const nested = byTemplate.get(f.slice(0, eq));
    if (nested === undefined) return;
    const bar = f.indexOf("|", eq);
    const left = f.slice(eq + 1, bar);
    let inner = nested.get(left);
    if (inner === undefined) nested.set(left, (inner = new Map()));
    inner.set(f.slice(bar + 1), id);
  });
  return PAIR_TEMPLATES.map((t) => byTemplate.get(t) ?? new Map());
}

export function loadModelFile(path: string): TaggerModel {
  const raw = readFileSync(path);
  const json = path.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  return fromModelFile(JSON.parse(json) as ModelFile);
}

/** Counts of predicted entity types per lowercased word over a document: "clinton" -> {PER: 4}. */
export function predictedTypeCounts(
  sentences: readonly (readonly string[])[],
  labels: readonly string[][],
): Map<string, Record<string, number>> {
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

function lookup(index: Map<string, number>, feats: readonly string[], out: number[]): void {
  for (const f of feats) {
    const id = index.get(f);
    if (id !== undefined) out.push(id);
  }
}

function tokenEntry(model: TaggerModel, tok: string): TokenEntry {
  let entry = model.tokenCache.get(tok);
  if (entry !== undefined) return entry;
  const ids: number[] = [];
  lookup(model.featureIndex, tokenFeatures(tok, model.ctx), ids);
  const neighbour = NEIGHBOUR_OFFSETS.map((off) => {
    const nb: number[] = [];
    lookup(model.featureIndex, neighbourFeatures(tok, off), nb);
    return Int32Array.from(nb);
  });
  entry = { self: Int32Array.from(ids), neighbour };
  if (tok.length > TOKEN_CACHE_MAX_LENGTH) return entry;
  if (model.tokenCache.size >= TOKEN_CACHE_LIMIT) model.tokenCache.clear();
  model.tokenCache.set(tok, entry);
  return entry;
}

/**
 * Title Case headline: every lowercase word is a function word, there is at least one, there
 * are 4+ capitalised words of 4+ letters and no digits. CoNLL's own Title Case lines are name
 * lists and sports results ("Jim Furyk ( U.S. ) 66 67"), which this leaves alone, and so is a
 * sentence full of names with a lowercase verb ("Olaf Scholz met Emmanuel Macron in Berlin").
 */
export function isTitleCase(tokens: readonly string[]): boolean {
  let words = 0;
  let functionWords = 0;
  for (const t of tokens) {
    if (/\d/.test(t)) return false;
    if (!/^\p{L}+$/u.test(t)) continue;
    if (HEADLINE_FUNCTION_WORDS.has(t)) functionWords++;
    else if (!/^\p{Lu}/u.test(t)) return false;
    else if (t.length >= 4) words++;
  }
  return words >= 4 && functionWords > 0;
}

/**
 * Web headlines are Title Case ("Kyiv Discusses the Deployment of Western Troops"), which
 * CoNLL never has, but it has ALL-CAPS headlines, which the model reads with help from the rest
 * of the document. So a Title Case line is tagged as its upper-cased form.
 */
function headlineToUpper(tokens: readonly string[]): readonly string[] {
  return isTitleCase(tokens) ? tokens.map((t) => t.toUpperCase()) : tokens;
}

/** Feature ids of a sentence in compressed rows: token i owns ids[ptr[i] .. ptr[i + 1]). */
interface SentenceIds {
  ptr: Int32Array;
  ids: Int32Array;
}

/**
 * Feature ids of one sentence: the same features as `sentenceFeatures` (without the
 * second-pass ones), assembled from cached per-token ids plus the contextual features.
 */
function sentenceIds(model: TaggerModel, info: SentenceInfo, doc: DocStats): SentenceIds {
  const tokens = info.tokens;
  const n = tokens.length;
  const entries: TokenEntry[] = new Array(n);
  for (let i = 0; i < n; i++) entries[i] = tokenEntry(model, tokens[i]);
  const ptr = new Int32Array(n + 1);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const self = entries[i].self;
    for (let k = 0; k < self.length; k++) out.push(self[k]);
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
      const j = i + NEIGHBOUR_OFFSETS[k];
      if (j < 0 || j >= n) continue;
      const nb = entries[j].neighbour[k];
      for (let m = 0; m < nb.length; m++) out.push(nb[m]);
    }
    lookup(model.featureIndex, contextFeatures(info, i, model.ctx, doc), out);
    const pairs = pairParts(info, i);
    for (let k = 0; k < pairs.length; k++) {
      const id = model.pairIndex[k].get(pairs[k][0])?.get(pairs[k][1]);
      if (id !== undefined) out.push(id);
    }
    ptr[i + 1] = out.length;
  }
  return { ptr, ids: Int32Array.from(out) };
}

/** Adds the emission scores of compressed-row feature ids to `emit` (emit[i * L + y]). */
function addEmissions(weights: Float32Array, L: number, rows: SentenceIds, emit: Float64Array): void {
  const { ptr, ids } = rows;
  for (let i = 0; i + 1 < ptr.length; i++) {
    const base = i * L;
    for (let k = ptr[i]; k < ptr[i + 1]; k++) {
      const off = ids[k] * L;
      for (let y = 0; y < L; y++) emit[base + y] += weights[off + y];
    }
  }
}

function decodeRows(model: TaggerModel, pass: PassWeights, rows: readonly SentenceIds[], n: number): string[] {
  const L = model.labels.length;
  const emit = new Float64Array(n * L);
  for (const r of rows) addEmissions(pass.weights, L, r, emit);
  const path = viterbi(emit, n, L, pass.trans, model.mask);
  const labels: string[] = new Array(n);
  for (let i = 0; i < n; i++) labels[i] = model.labels[path[i]];
  return labels;
}

/** Second-pass feature ids in compressed rows. */
function predictionIds(model: TaggerModel, info: SentenceInfo, predicted: Map<string, Record<string, number>>): SentenceIds {
  const extra = predictionFeatures(info, predicted);
  const ptr = new Int32Array(extra.length + 1);
  const out: number[] = [];
  for (let i = 0; i < extra.length; i++) {
    lookup(model.featureIndex, extra[i], out);
    ptr[i + 1] = out.length;
  }
  return { ptr, ids: Int32Array.from(out) };
}

/**
 * Tags every sentence of a document (arrays of token strings) and returns BIO labels per
 * token. With a second pass, pass-0 labels feed its document features ("dp=PER").
 */
export function tagDocument(model: TaggerModel, rawSentences: readonly (readonly string[])[]): string[][] {
  const sentences = rawSentences.map(headlineToUpper);
  const stats: DocStats = buildDocStats(sentences);
  const infos = sentences.map((s) => sentenceInfo(s, model.ctx));
  const base = infos.map((info) => sentenceIds(model, info, stats));
  let labels = base.map((rows, k) => decodeRows(model, model.passes[0], [rows], sentences[k].length));
  for (let p = 1; p < model.passes.length; p++) {
    const predicted = predictedTypeCounts(sentences, labels);
    labels = base.map((rows, k) =>
      decodeRows(model, model.passes[p], [rows, predictionIds(model, infos[k], predicted)], sentences[k].length),
    );
  }
  return labels;
}
