// The answers of the read side, shaped from the graph view and the in-memory lookups (ids and offsets only), with
// the texts read by id from the store (texts.ts): an entity's page of sentences, an edge's evidence, a document.
import type { EntityGraph } from "../graph/build.js";
import type { EntitySpan, EvidenceView, Highlight, MentionView, RelatedEntity } from "../../common/api/views.js";
import type { Doc, Edge, Entity, Extraction, ResolvedMention } from "../types.js";
import { groupBy } from "../../common/group.js";
import type { ReadTexts } from "./texts.js";

/** What a page shows of a document besides its text: its title and date. */
type DocMeta = Pick<Doc, "title" | "date">;

/** The lookups the answers read, built once per extraction (a new layout of the same corpus shares them). */
export interface ReadIndexes {
  docs: Map<string, DocMeta>;
  entities: Map<string, Entity>;
  edges: Map<string, Edge>;
  mentionsByEntity: Map<string, ResolvedMention[]>;
  mentionsBySentence: Map<string, ResolvedMention[]>;
  mentionsByDoc: Map<string, ResolvedMention[]>;
  /** The corpus's stamp: shared by every layout of the same extraction. */
  stamp: string;
}

export const indexExtraction = (extraction: Extraction, stamp: string): ReadIndexes => ({
  docs: new Map(extraction.documents.map((d) => [d.id, d.date ? { title: d.title, date: d.date } : { title: d.title }])),
  entities: new Map(extraction.entities.map((e) => [e.id, e])),
  edges: new Map(extraction.edges.map((e) => [e.id, e])),
  mentionsByEntity: groupBy(extraction.mentions, (m) => m.entityId),
  mentionsBySentence: groupBy(extraction.mentions, (m) => m.sentenceId),
  mentionsByDoc: groupBy(extraction.mentions, (m) => m.docId),
  stamp,
});

/**
 * `previous` with documents added (`extraction` is the corpus with them, `added` their mentions): the maps of
 * documents and mentions copied and added to, not grouped again from every mention.
 */
export function indexesWithAdded(
  previous: ReadIndexes,
  extraction: Extraction,
  added: readonly ResolvedMention[],
  stamp: string,
): ReadIndexes {
  const docs = new Map(previous.docs);
  for (const d of extraction.documents) if (!docs.has(d.id)) docs.set(d.id, d.date ? { title: d.title, date: d.date } : { title: d.title });
  const append = (into: Map<string, ResolvedMention[]>, key: (m: ResolvedMention) => string) => {
    const out = new Map(into);
    for (const [k, ms] of groupBy(added, key)) out.set(k, [...(out.get(k) ?? []), ...ms]);
    return out;
  };
  return {
    docs,
    entities: new Map(extraction.entities.map((e) => [e.id, e])),
    edges: new Map(extraction.edges.map((e) => [e.id, e])),
    mentionsByEntity: append(previous.mentionsByEntity, (m) => m.entityId),
    mentionsBySentence: append(previous.mentionsBySentence, (m) => m.sentenceId),
    mentionsByDoc: append(previous.mentionsByDoc, (m) => m.docId),
    stamp,
  };
}

/**
 * `previous` without `documents` (`extraction` is the corpus without them, `removed` their mentions): the maps copied
 * and the removed keys and mentions taken out, not grouped again from every mention.
 */
export function indexesWithRemoved(
  previous: ReadIndexes,
  extraction: Extraction,
  { documents, removed }: { documents: readonly string[]; removed: readonly ResolvedMention[] },
  stamp: string,
): ReadIndexes {
  const gone = new Set(documents);
  const docs = new Map(previous.docs);
  for (const id of gone) docs.delete(id);
  const mentionsByEntity = new Map(previous.mentionsByEntity);
  for (const id of new Set(removed.map((m) => m.entityId))) {
    const left = (mentionsByEntity.get(id) ?? []).filter((m) => !gone.has(m.docId));
    if (left.length > 0) mentionsByEntity.set(id, left);
    else mentionsByEntity.delete(id);
  }
  const without = (from: Map<string, ResolvedMention[]>, keys: Iterable<string>) => {
    const out = new Map(from);
    for (const key of keys) out.delete(key);
    return out;
  };
  return {
    docs,
    entities: new Map(extraction.entities.map((e) => [e.id, e])),
    edges: new Map(extraction.edges.map((e) => [e.id, e])),
    mentionsByEntity,
    mentionsBySentence: without(previous.mentionsBySentence, new Set(removed.map((m) => m.sentenceId))),
    mentionsByDoc: without(previous.mentionsByDoc, gone),
    stamp,
  };
}

/** The read model's parts the answers read. */
export interface AnswerSources {
  indexes: ReadIndexes;
  graph: EntityGraph;
  texts: ReadTexts;
}

function spansIn({ indexes }: AnswerSources, sentenceId: string): EntitySpan[] {
  return (indexes.mentionsBySentence.get(sentenceId) ?? []).map((m) => ({
    start: m.start,
    end: m.end,
    entityId: m.entityId,
    type: m.type,
  }));
}

/** Neighbours through co-mention edges, or through stance edges held ("out") or received ("in"), heaviest first. */
function related(graph: EntityGraph, id: string, kind: "co-mention" | "support" | "oppose", direction?: "in" | "out"): RelatedEntity[] {
  const out: RelatedEntity[] = [];
  const edges = kind === "co-mention" ? graph.undirectedEdges(id) : direction === "out" ? graph.outEdges(id) : graph.inEdges(id);
  for (const e of edges) {
    const a = graph.getEdgeAttributes(e);
    if (kind === "co-mention" ? a.kind !== "co-mention" : a.stance !== kind) continue;
    const other = graph.opposite(id, e);
    const n = graph.getNodeAttributes(other);
    const r: RelatedEntity = { id: other, label: n.label, type: n.type, edge: e, weight: a.weight };
    if (a.confidence !== undefined) r.confidence = a.confidence;
    out.push(r);
  }
  return out.sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
}

/**
 * The entity, its relations, its mention timeline, and a page of its sentences (`limit` from `offset`, in
 * document order): a country in a large corpus has thousands, which no panel shows at once. Only the page's
 * sentence texts are read.
 */
export async function entityAnswer(sources: AnswerSources, id: string, page: { offset?: number; limit?: number }) {
  const { indexes, graph } = sources;
  const entity = indexes.entities.get(id);
  if (!entity) return undefined;
  const attrs = graph.getNodeAttributes(id);
  const all = indexes.mentionsByEntity.get(id) ?? [];
  const timeline: Record<string, number> = {};
  let undated = 0;
  for (const m of all) {
    const date = indexes.docs.get(m.docId)!.date;
    if (date) timeline[date] = (timeline[date] ?? 0) + 1;
    else undated++;
  }
  const offset = page.offset ?? 0;
  const shown = all.slice(offset, offset + (page.limit ?? all.length));
  const texts = await sources.texts.sentenceTexts([...new Set(shown.map((m) => m.sentenceId))]);
  const mentions: MentionView[] = shown.map((m) => {
    const doc = indexes.docs.get(m.docId)!;
    const view: MentionView = {
      sentenceId: m.sentenceId,
      text: texts.get(m.sentenceId) ?? "",
      start: m.start,
      end: m.end,
      surface: m.surface,
      docId: m.docId,
      docTitle: doc.title,
      others: spansIn(sources, m.sentenceId).filter((o) => o.entityId !== id),
    };
    if (doc.date) view.docDate = doc.date;
    return view;
  });
  return {
    ...entity,
    mentions: attrs.mentions,
    documents: attrs.documents,
    community: attrs.community,
    pagerank: attrs.pagerank,
    degree: attrs.degree,
    coMentioned: related(graph, id, "co-mention").slice(0, 10),
    timeline,
    undated,
    sentencesTotal: all.length,
    sentencesOffset: offset,
    stances: {
      supports: related(graph, id, "support", "out"),
      opposes: related(graph, id, "oppose", "out"),
      supportedBy: related(graph, id, "support", "in"),
      opposedBy: related(graph, id, "oppose", "in"),
    },
    sentences: mentions,
  };
}

/** The edge with each evidence sentence, its words marked (holder, cue, target) and the entities in it. */
export async function edgeAnswer(sources: AnswerSources, id: string) {
  const { indexes } = sources;
  const edge = indexes.edges.get(id);
  if (!edge) return undefined;
  const texts = await sources.texts.sentenceTexts([...new Set(edge.evidence.map((ev) => ev.sentenceId))]);
  const evidence: EvidenceView[] = edge.evidence.map((ev) => {
    const highlights: Highlight[] = [];
    if (ev.holderSpan) highlights.push({ start: ev.holderSpan[0], end: ev.holderSpan[1], role: "source" });
    if (ev.cueSpan && ev.cueSpan[1] > ev.cueSpan[0]) highlights.push({ start: ev.cueSpan[0], end: ev.cueSpan[1], role: "cue" });
    if (ev.targetSpan) highlights.push({ start: ev.targetSpan[0], end: ev.targetSpan[1], role: "target" });
    if (highlights.length === 0) {
      for (const m of indexes.mentionsBySentence.get(ev.sentenceId) ?? []) {
        if (m.entityId === edge.source) highlights.push({ start: m.start, end: m.end, role: "source" });
        if (m.entityId === edge.target) highlights.push({ start: m.start, end: m.end, role: "target" });
      }
    }
    const view: EvidenceView = {
      sentenceId: ev.sentenceId,
      text: texts.get(ev.sentenceId) ?? "",
      docId: ev.docId,
      docTitle: indexes.docs.get(ev.docId)!.title,
      highlights: highlights.sort((a, b) => a.start - b.start),
      entities: spansIn(sources, ev.sentenceId),
    };
    if (ev.cue) view.cue = ev.cue;
    if (ev.confidence !== undefined) view.confidence = ev.confidence;
    return view;
  });
  const { evidence: _raw, ...rest } = edge;
  return {
    ...rest,
    weight: edge.evidence.length,
    sourceLabel: indexes.entities.get(edge.source)!.label,
    targetLabel: indexes.entities.get(edge.target)!.label,
    evidence,
  };
}

/** The document with its text, read from the store, and its mentions at offsets into that text. */
export async function documentAnswer(sources: AnswerSources, id: string) {
  if (!sources.indexes.docs.has(id)) return undefined;
  const stored = await sources.texts.readDocument(id);
  if (!stored) return undefined;
  const mentions = (sources.indexes.mentionsByDoc.get(id) ?? []).map((m) => {
    const start = stored.sentenceStarts.get(m.sentenceId)!;
    return { start: start + m.start, end: start + m.end, entityId: m.entityId, type: m.type };
  });
  return { ...stored.doc, mentions };
}
