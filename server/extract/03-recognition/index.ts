// Stage 3, per document: recognition. Takes the sentences of one document and gives, for each, the spans the
// named-entity recogniser found (PER, LOC, ORG, MISC): an averaged-perceptron tagger trained on CoNLL-2003 English.
// Public API: tokenize, tagTokens, recognize, recognizeDocument.
//
//   recognize("Ukraine's President Volodymyr Zelenskyy met NATO chiefs in Munich.")
//   -> [{ start: 0, end: 7, text: "Ukraine", label: "LOC" },
//       { start: 20, end: 39, text: "Volodymyr Zelenskyy", label: "PER" }, ...]

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModelFile, tagDocument, type TaggerModel } from "./model.js";
import { sentenceBounds } from "../02-sentences.js";
import { decodeIob } from "./score.js";
import { tokenize, type Token } from "./tokenize.js";

export { tokenize, type Token };

export type EntityLabel = "PER" | "LOC" | "ORG" | "MISC";

export interface Span {
  /** Character offsets into the text passed in (end exclusive). */
  start: number;
  end: number;
  text: string;
  label: EntityLabel;
}

/** Document context for tagTokens: the token arrays of the document's sentences (may include this one). */
export interface DocContext {
  sentences: readonly (readonly string[])[];
}

export const DEFAULT_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), "model.json.gz");

let cached: TaggerModel | undefined;

/** Loads the model once, on first use (synchronous, ~100-200 ms). */
export function getModel(): TaggerModel {
  if (cached === undefined) {
    if (!existsSync(DEFAULT_MODEL_PATH)) throw new Error(`NER model missing: ${DEFAULT_MODEL_PATH} (run: npx tsx scripts/train-ner.ts)`);
    cached = loadModelFile(DEFAULT_MODEL_PATH);
  }
  return cached;
}

/** True for a word the training text used in lower case ("the", "asked", "minister"): not a name by itself. */
export function isCommonWord(word: string): boolean {
  return getModel().ctx.lowerVocab.has(word.toLowerCase());
}

/** Replaces the model used by the functions below (tests, training-time evaluation). */
export function setModel(model: TaggerModel | undefined): void {
  cached = model;
}

/**
 * BIO labels ("B-PER", "I-PER", "O", ...) for one sentence of tokens. Pass the document's
 * sentences as `docContext` so that document-level evidence (the same word elsewhere) is used;
 * without it the sentence is its own document.
 */
export function tagTokens(tokens: readonly string[], docContext?: DocContext): string[] {
  if (tokens.length === 0) return [];
  const model = getModel();
  const others = (docContext?.sentences ?? []).filter((s) => s !== tokens);
  const labels = tagDocument(model, [tokens, ...others]);
  return labels[0];
}

/**
 * Entities in one text (a sentence or a whole article; the whole text is one document), with offsets into it.
 * Lines are paragraphs, broken into sentences the way the pipeline breaks them (02-sentences.ts).
 */
export function recognize(text: string): Span[] {
  const bounds: [number, number][] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    for (const [start, end] of sentenceBounds(line)) bounds.push([lineStart + start, lineStart + end]);
    lineStart += line.length + 1;
  }
  const found = recognizeDocument(bounds.map(([start, end]) => text.slice(start, end)));
  return found.flatMap((spans, k) => spans.map((s) => ({ ...s, start: s.start + bounds[k]![0], end: s.end + bounds[k]![0] })));
}

/** Entities per sentence of one document; the sentences share document-level evidence. */
export function recognizeDocument(sentences: readonly string[]): Span[][] {
  const tokenized = sentences.map((s) => tokenize(s));
  const labels = tagDocument(
    getModel(),
    tokenized.map((ts) => ts.map((t) => t.text)),
  );
  return tokenized.map((ts, k) => labelsToSpans(ts, labels[k], sentences[k]));
}

const EDGE_DASH = /^[-‐–—]+$/u;

/**
 * Character spans from per-token BIO labels. Dashes at either edge are trimmed: CoNLL's
 * "U.S.-based" (MISC) teaches the tagger to run "U.S." "-" "Ukraine" together as one entity
 * in raw text, and "U.S.-" is never a useful name.
 */
export function labelsToSpans(tokens: readonly Token[], labels: readonly string[], text: string): Span[] {
  const spans: Span[] = [];
  for (const s of decodeIob(labels)) {
    let first = s.start;
    let last = s.end - 1;
    while (first <= last && EDGE_DASH.test(tokens[first].text)) first++;
    while (last >= first && EDGE_DASH.test(tokens[last].text)) last--;
    if (first > last) continue;
    const start = tokens[first].start;
    const end = tokens[last].end;
    spans.push({ start, end, text: text.slice(start, end), label: s.type as EntityLabel });
  }
  return spans;
}
