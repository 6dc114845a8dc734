// The extraction pipeline, in the order it runs:
// documents -> sentences -> mentions -> in-document clusters -> (per document, stored) -> entities -> edges.
import type { DocExtraction, DocumentInput, Extraction, ResolvedMention } from "../types.js";
import { makeDocument } from "./01-documents.js";
import { splitSentences } from "./02-sentences.js";
import { findMentions } from "./03-mentions.js";
import { clusterMentions, findSurnameMentions } from "./04-coreference.js";
import { resolveEntities } from "./05-entities.js";
import { coMentionEdges, stanceEdges } from "./06-edges.js";

const byPosition = (a: { sentenceId: string; start: number }, b: { sentenceId: string; start: number }) =>
  a.sentenceId === b.sentenceId ? a.start - b.start : 0;

/** Everything that can be extracted from one document on its own. Pure: the same input gives the same output. */
export function extractDocument(input: DocumentInput): DocExtraction {
  const doc = makeDocument(input);
  const sentences = splitSentences(doc);
  const found = sentences.flatMap(findMentions);
  const candidates = [...found, ...findSurnameMentions(sentences, found)];
  const order = new Map(sentences.map((s) => [s.id, s.index]));
  candidates.sort((a, b) => order.get(a.sentenceId)! - order.get(b.sentenceId)! || byPosition(a, b));
  return { doc, sentences, mentions: clusterMentions(candidates), stances: [] };
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
