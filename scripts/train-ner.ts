// Trains the NER tagger on CoNLL-2003 English and writes server/extract/03-recognition/model.json.gz.
//
//   npx tsx scripts/train-ner.ts [--train ../shared/data/ner/eng.train] [--dev ../shared/data/ner/eng.testa]
//                                [--epochs 8] [--seed 1] [--out server/extract/03-recognition/model.json.gz]
//
// The dev file is only used to print scores after training (pass --dev none to skip).

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs as parseCliArgs } from "node:util";
import { gzipSync } from "node:zlib";
import {
  buildDocStats,
  normalizeWord,
  sentenceFeatures,
  type DocStats,
  type FeatureContext,
} from "../server/extract/03-recognition/features.js";
import {
  fromModelFile,
  makeFeatureContext,
  predictedTypeCounts,
  tagDocument,
  toModelFile,
} from "../server/extract/03-recognition/model.js";
import {
  allowedTransitions,
  decode,
  trainPerceptron,
  type LinearModel,
  type TrainingExample,
} from "../server/extract/03-recognition/perceptron.js";
import { decodeIob, evaluateDocuments, formatScores, parseConll, retokenize } from "../server/extract/03-recognition/score.js";
import { tokenize } from "../server/extract/03-recognition/tokenize.js";
import { labelsToSpans } from "../server/extract/03-recognition/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

interface Args {
  train: string;
  dev: string;
  epochs: number;
  seed: number;
  out: string;
  minCount: number;
  minWeight: number;
}

function parseArgs(argv: string[]): Args {
  // Unknown options and options without their value are errors (node:util's strict mode).
  const { values } = parseCliArgs({
    args: argv,
    options: {
      train: { type: "string", default: resolve(ROOT, "../shared/data/ner/eng.train") },
      dev: { type: "string", default: resolve(ROOT, "../shared/data/ner/eng.testa") },
      epochs: { type: "string", default: "8" },
      seed: { type: "string", default: "1" },
      out: { type: "string", default: join(ROOT, "server/extract/03-recognition/model.json.gz") },
      "min-count": { type: "string", default: "1" },
      "min-weight": { type: "string", default: "0.05" },
    },
  });
  return {
    train: resolve(values.train),
    dev: values.dev === "none" ? "" : resolve(values.dev),
    epochs: Number(values.epochs),
    seed: Number(values.seed),
    out: resolve(values.out),
    minCount: Number(values["min-count"]),
    minWeight: Number(values["min-weight"]),
  };
}

/** A training document: re-tokenized sentences with BIO labels. */
interface Doc {
  sentences: string[][];
  labels: string[][];
}

function loadDocs(path: string): Doc[] {
  return parseConll(readFileSync(path, "utf8")).map((d) => {
    const re = d.sentences.map((s) => retokenize(s, tokenize));
    return { sentences: re.map((r) => r.tokens), labels: re.map((r) => r.labels) };
  });
}

/** Lowercased words written in lowercase at least twice in the training text ("police", "said"). */
function lowerVocabulary(docs: readonly Doc[]): string[] {
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const s of d.sentences) for (const t of s) if (/^[\p{Ll}][\p{Ll}'’-]*$/u.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].filter(([, c]) => c >= 2).map(([w]) => w);
}

/** Normalised words seen at least twice in the training text; the rest train the "w=<unk>" feature. */
function knownWords(docs: readonly Doc[]): string[] {
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const s of d.sentences) for (const t of s) counts.set(normalizeWord(t), (counts.get(normalizeWord(t)) ?? 0) + 1);
  return [...counts].filter(([, c]) => c >= 2).map(([w]) => w);
}

function docFeatures(doc: Doc, ctx: FeatureContext, predicted?: Map<string, Record<string, number>>): string[][][] {
  const stats: DocStats = buildDocStats(doc.sentences);
  if (predicted !== undefined) stats.predicted = predicted;
  return doc.sentences.map((s) => sentenceFeatures(s, ctx, stats));
}

/** Interns features seen at least `minCount` times and turns documents into perceptron examples. */
function buildExamples(
  docs: readonly Doc[],
  feats: string[][][][],
  minCount: number,
): { index: Map<string, number>; examples: TrainingExample[] } {
  const counts = new Map<string, number>();
  for (const d of feats) for (const s of d) for (const t of s) for (const f of t) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, c] of counts) if (c >= minCount) index.set(f, index.size);
  const labelId = new Map(LABELS.map((l, i) => [l, i]));
  const examples: TrainingExample[] = [];
  docs.forEach((d, di) => {
    d.sentences.forEach((_, si) => {
      const tokFeats = feats[di][si].map((fs) => Int32Array.from(fs.map((f) => index.get(f)).filter((x): x is number => x !== undefined)));
      examples.push({ feats: tokFeats, gold: Int32Array.from(d.labels[si].map((l) => labelId.get(l) ?? 0)) });
    });
  });
  return { index, examples };
}

function trainPass(docs: readonly Doc[], feats: string[][][][], args: Args, name: string): LinearModel {
  const t0 = performance.now();
  const { index, examples } = buildExamples(docs, feats, args.minCount);
  console.log(`[${name}] ${examples.length} sentences, ${index.size} features (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
  const { weights, trans } = trainPerceptron(LABELS, index.size, examples, {
    epochs: args.epochs,
    seed: args.seed,
    onEpoch: (e, errors, tokens) =>
      console.log(
        `[${name}] epoch ${e}/${args.epochs}: ${errors} token errors (${((100 * errors) / tokens).toFixed(2)}%), ${((performance.now() - t0) / 1000).toFixed(1)}s`,
      ),
  });
  return { labels: LABELS, featureIndex: index, weights, trans };
}

/**
 * Lexicon from training labels: lowercased word -> tags. "PER"/"LOC"/"ORG"/"MISC" when at least
 * a quarter of the word's (2+) entity occurrences have that type; "PER-first" for words that
 * start multi-word person names ("john"); "ORG-last" for words that end organisation names
 * ("inc.", "united"); "O-cap" for capitalised words that are mostly not names ("monday").
 */
function buildLexicon(docs: readonly Doc[]): Map<string, string[]> {
  const stats = new Map<string, Record<string, number>>();
  const bump = (w: string, key: string): void => {
    let rec = stats.get(w);
    if (rec === undefined) stats.set(w, (rec = {}));
    rec[key] = (rec[key] ?? 0) + 1;
  };
  for (const d of docs) {
    d.sentences.forEach((toks, si) => {
      const labels = d.labels[si];
      for (const span of decodeIob(labels)) {
        for (let i = span.start; i < span.end; i++) bump(toks[i].toLowerCase(), span.type);
        if (span.end - span.start > 1) {
          if (span.type === "PER") bump(toks[span.start].toLowerCase(), "PER-first");
          if (span.type === "ORG") bump(toks[span.end - 1].toLowerCase(), "ORG-last");
        }
      }
      for (let i = 1; i < toks.length; i++) if (labels[i] === "O" && /^\p{Lu}\p{Ll}/u.test(toks[i])) bump(toks[i].toLowerCase(), "O-cap");
    });
  }
  const lexicon = new Map<string, string[]>();
  for (const [w, rec] of stats) {
    const entity = (rec.PER ?? 0) + (rec.LOC ?? 0) + (rec.ORG ?? 0) + (rec.MISC ?? 0);
    const tags: string[] = [];
    for (const type of ["PER", "LOC", "ORG", "MISC"]) if ((rec[type] ?? 0) >= 2 && (rec[type] ?? 0) >= entity / 4) tags.push(type);
    if ((rec["PER-first"] ?? 0) >= 2) tags.push("PER-first");
    if ((rec["ORG-last"] ?? 0) >= 2) tags.push("ORG-last");
    if ((rec["O-cap"] ?? 0) >= 2 && (rec["O-cap"] ?? 0) >= 2 * entity) tags.push("O-cap");
    if (tags.length > 0) lexicon.set(w, tags);
  }
  return lexicon;
}

const FOLDS = 5;

/** Tags documents with one linear pass (no second pass), for jackknifed document predictions. */
function tagWithPass(pass: LinearModel, feats: string[][][]): string[][] {
  const mask = allowedTransitions(pass.labels);
  return feats.map((s) => decode(pass, s, mask));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.train)) {
    console.error(`training file not found: ${args.train}`);
    process.exit(2);
  }
  const t0 = performance.now();
  const docs = loadDocs(args.train);
  console.log(`read ${docs.length} documents from ${args.train}`);
  const vocab = lowerVocabulary(docs);
  const known = knownWords(docs);
  // Jackknife: a document's lexicon features and first-pass predictions come from models and
  // lexicons that never saw it, so the weights learn how far to trust them on unseen text.
  const fold = (di: number): number => di % FOLDS;
  const foldCtx = Array.from({ length: FOLDS }, (_, k) =>
    makeFeatureContext(vocab, buildLexicon(docs.filter((_, di) => fold(di) !== k)), known),
  );
  const feats0 = docs.map((d, di) => docFeatures(d, foldCtx[fold(di)]));
  const pass0 = trainPass(docs, feats0, args, "pass0");
  const predicted: Map<string, Record<string, number>>[] = new Array(docs.length);
  for (let k = 0; k < FOLDS; k++) {
    const inFold = docs.map((_, di) => fold(di) === k);
    const model = trainPass(
      docs.filter((_, di) => !inFold[di]),
      feats0.filter((_, di) => !inFold[di]),
      args,
      `fold${k}`,
    );
    docs.forEach((d, di) => {
      if (inFold[di]) predicted[di] = predictedTypeCounts(d.sentences, tagWithPass(model, feats0[di]));
    });
  }
  const feats1 = docs.map((d, di) => docFeatures(d, foldCtx[fold(di)], predicted[di]));
  const pass1 = trainPass(docs, feats1, args, "pass1");
  const meta = {
    trainedOn: "CoNLL-2003 eng.train",
    epochs: args.epochs,
    seed: args.seed,
    folds: FOLDS,
    created: new Date().toISOString().slice(0, 10),
  };
  const file = toModelFile(LABELS, makeFeatureContext(vocab, buildLexicon(docs), known), [pass0, pass1], meta, args.minWeight);
  const gz = gzipSync(JSON.stringify(file), { level: 9 });
  writeFileSync(args.out, gz);
  console.log(`wrote ${args.out}: ${(gz.length / 1e6).toFixed(2)} MB, ${file.features.length} features kept`);
  console.log(`training took ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  if (args.dev && existsSync(args.dev)) {
    const devDocs = parseConll(readFileSync(args.dev, "utf8"));
    const model = fromModelFile(file);
    for (const passes of [1, 2]) {
      const m = { ...model, passes: model.passes.slice(0, passes) };
      const scores = evaluateDocuments(devDocs, (texts) => {
        const toks = texts.map((t) => tokenize(t));
        const labels = tagDocument(
          m,
          toks.map((ts) => ts.map((t) => t.text)),
        );
        return toks.map((ts, k) => labelsToSpans(ts, labels[k], texts[k]));
      });
      console.log(`dev (${args.dev}), ${passes} pass(es):\n${formatScores(scores)}`);
    }
  }
}

main();
