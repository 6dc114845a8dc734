// The answers of the read side, shaped from the graph view and the in-memory lookups (ids and offsets only), with
// the texts read by id from the store (texts.ts): an entity's page of sentences, an edge's evidence, a document.
import type { EntityGraph } from "../graph/build.js";
import type { EntitySpan, EvidenceView, Highlight, MentionView, RelatedEntity } from "../../common/api/views.js";
import type { Doc, Edge, Entity, Extraction, ResolvedMention } from "../types.js";
import { groupBy } from "../../common/group.js";
import { OverlayMap } from "./overlay.js";
import type { ReadTexts } from "./texts.js";

/** What a page shows of a document besides its text: its title and date. */
type DocMeta = Pick<Doc, "title" | "date">;

/**
 * The lookups the answers read, built once per extraction (a new layout of the same corpus shares them) and moved on
 * by a provisional write without being copied (overlay.ts).
 */
export interface ReadIndexes {
  docs: OverlayMap<DocMeta>;
  entities: OverlayMap<Entity>;
  edges: OverlayMap<Edge>;
  mentionsByEntity: OverlayMap<ResolvedMention[]>;
  mentionsBySentence: OverlayMap<ResolvedMention[]>;
  mentionsByDoc: OverlayMap<ResolvedMention[]>;
  /** The corpus's stamp: shared by every layout of the same extraction. */
  stamp: string;
}

const docMeta = (d: Doc): DocMeta => (d.date ? { title: d.title, date: d.date } : { title: d.title });

export const indexExtraction = (extraction: Extraction, stamp: string): ReadIndexes => ({
  docs: OverlayMap.of(new Map(extraction.documents.map((d) => [d.id, docMeta(d)]))),
  entities: OverlayMap.of(new Map(extraction.entities.map((e) => [e.id, e]))),
  edges: OverlayMap.of(new Map(extraction.edges.map((e) => [e.id, e]))),
  mentionsByEntity: OverlayMap.of(groupBy(extraction.mentions, (m) => m.entityId)),
  mentionsBySentence: OverlayMap.of(groupBy(extraction.mentions, (m) => m.sentenceId)),
  mentionsByDoc: OverlayMap.of(groupBy(extraction.mentions, (m) => m.docId)),
  stamp,
});

/** What a provisional write added or changed: the new documents and mentions, the entities and edges it changed. */
export interface AddedToIndexes {
  documents: readonly Doc[];
  mentions: readonly ResolvedMention[];
  entities: readonly Entity[];
  edges: readonly Edge[];
}

/** `previous` with documents added: the lookups moved on by what the write added, not grouped again from every mention. */
export function indexesWithAdded(previous: ReadIndexes, added: AddedToIndexes, stamp: string): ReadIndexes {
  const append = (into: OverlayMap<ResolvedMention[]>, key: (m: ResolvedMention) => string) =>
    into.with([...groupBy(added.mentions, key)].map(([k, ms]) => [k, [...(into.get(k) ?? []), ...ms]] as const));
  return {
    docs: previous.docs.with(added.documents.map((d) => [d.id, docMeta(d)] as const)),
    entities: previous.entities.with(added.entities.map((e) => [e.id, e] as const)),
    edges: previous.edges.with(added.edges.map((e) => [e.id, e] as const)),
    mentionsByEntity: append(previous.mentionsByEntity, (m) => m.entityId),
    mentionsBySentence: append(previous.mentionsBySentence, (m) => m.sentenceId),
    mentionsByDoc: append(previous.mentionsByDoc, (m) => m.docId),
    stamp,
  };
}

/** What a provisional removal took away: the documents and their mentions, the entities and edges it removed, the edges it changed. */
export interface RemovedFromIndexes {
  documents: readonly string[];
  mentions: readonly ResolvedMention[];
  entities: readonly string[];
  edges: { removed: readonly string[]; updated: readonly Edge[] };
}

/** `previous` without documents: the removed keys and mentions taken out of the lookups, which are not copied. */
export function indexesWithRemoved(previous: ReadIndexes, removed: RemovedFromIndexes, stamp: string): ReadIndexes {
  const gone = new Set(removed.documents);
  const left: [string, ResolvedMention[]][] = [];
  const emptied: string[] = [];
  for (const id of new Set(removed.mentions.map((m) => m.entityId))) {
    const ms = (previous.mentionsByEntity.get(id) ?? []).filter((m) => !gone.has(m.docId));
    if (ms.length > 0) left.push([id, ms]);
    else emptied.push(id);
  }
  return {
    docs: previous.docs.with([], gone),
    entities: previous.entities.with([], removed.entities),
    edges: previous.edges.with(
      removed.edges.updated.map((e) => [e.id, e] as const),
      removed.edges.removed,
    ),
    mentionsByEntity: previous.mentionsByEntity.with(left, emptied),
    mentionsBySentence: previous.mentionsBySentence.with([], new Set(removed.mentions.map((m) => m.sentenceId))),
    mentionsByDoc: previous.mentionsByDoc.with([], gone),
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
