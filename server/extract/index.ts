// The extraction pipeline, in the order it runs:
// documents -> sentences -> mentions -> in-document clusters -> stances -> (per document, stored) -> entities -> edges.
import type { DocExtraction, DocumentInput, Extraction, ResolvedMention } from "../types.js";
import { makeDocument } from "./01-documents.js";
import { isHeadline, splitSentences } from "./02-sentences.js";
import { findMentions } from "./03-mentions.js";
import {
  acronymDefinitions,
  clusterMentions,
  confirmHeadlineMentions,
  extendPersonNames,
  propagateKnownNames,
  harmoniseTypes,
  splitConjoinedNames,
} from "./04-coreference.js";
import { resolveEntities } from "./05-entities.js";
import { recognizeDocument } from "./ner/index.js";
import { coMentionEdges, stanceEdges } from "./06-edges.js";
import { findStances } from "./07-stances.js";

const byPosition = (a: { sentenceId: string; start: number }, b: { sentenceId: string; start: number }) =>
  a.sentenceId === b.sentenceId ? a.start - b.start : 0;

export interface ExtractOptions {
  /** Skip the stance stage (benchmarks measure what it costs). */
  stances?: boolean;
}

/** Everything that can be extracted from one document on its own. Pure: the same input gives the same output. */
export function extractDocument(input: DocumentInput, options: ExtractOptions = {}): DocExtraction {
  const doc = makeDocument(input);
  const sentences = splitSentences(doc);
  const recognized = recognizeDocument(sentences.map((s) => s.text));
  const headlines = new Set(sentences.filter((s) => isHeadline(s.text)).map((s) => s.id));
  const found = splitConjoinedNames(confirmHeadlineMentions(sentences.flatMap((s, i) => findMentions(s, recognized[i]!)), headlines));
  const candidates = harmoniseTypes(extendPersonNames(sentences, [...found, ...propagateKnownNames(sentences, found)]));
  const order = new Map(sentences.map((s) => [s.id, s.index]));
  candidates.sort((a, b) => order.get(a.sentenceId)! - order.get(b.sentenceId)! || byPosition(a, b));
  const mentions = clusterMentions(candidates, acronymDefinitions(sentences, candidates));
  return { doc, sentences, mentions, stances: options.stances === false ? [] : findStances(sentences, mentions) };
}

/** Resolves entities across all documents and links them. Cheap next to extraction, so it runs on every change. */
export function buildExtraction(docs: DocExtraction[]): Extraction {
  const sorted = [...docs].sort((a, b) => a.doc.id.localeCompare(b.doc.id));
  const { entities, mentions } = resolveEntities(sorted);
  const byDoc = new Map<string, ResolvedMention[]>();
  for (const m of mentions) {
    const list = byDoc.get(m.docId) ?? [];
    list.push(m);
    byDoc.set(m.docId, list);
  }
  return {
    documents: sorted.map((d) => d.doc),
    sentences: sorted.flatMap((d) => d.sentences),
    mentions,
    entities,
    edges: [...coMentionEdges(mentions), ...stanceEdges(sorted, byDoc)],
  };
}
