// The read side: one version of the corpus as the API reads it, the graph view (nodes, edges, positions), its
// indexes and the answers shaped from them, with their cache (read-cache.ts). The write side (corpus-service.ts)
// builds a new one for every write and swaps it in; a version is never changed after it is served.
import { setImmediate as nextTurn } from "node:timers/promises";

import { buildExtraction, buildInSteps } from "./extract/index.js";
import { cachedAnswer, nextCachePrefix } from "./read-cache.js";
import { runInSlices } from "./slices.js";
import { type EntityGraph, buildGraph } from "./graph/build.js";
import { gexfInWorker, toGexf } from "./graph/gexf.js";
import { type SearchHit, searchNames } from "./graph/search.js";
import { type LayoutRecord, assignLayout, layoutInPlace, layoutInWorker, layoutInput, layoutKey } from "./graph/layout.js";
import { placeBeside } from "./graph/layout-incremental.js";
import { layoutSupervisor } from "./graph/layout-supervisor.js";
import type { DocumentSummary } from "../common/api/documents.js";
import type { EntitySpan, EvidenceView, Highlight, MentionView, RelatedEntity } from "../common/api/views.js";
import type { Correction, Doc, DocExtraction, Edge, Entity, Extraction, ResolvedMention, Sentence } from "./types.js";

// The answers' shapes are the API contract's (common/api/, z.infer); re-exported for the server's modules.
export type { DocumentSummary, EntitySpan, EvidenceView, Highlight, MentionView, RelatedEntity };

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Corpus stamps are unique per process run: a restarted server never repeats its predecessor's. */
const PROCESS_STAMP = Date.now().toString(36);
let corporaBuilt = 0;
const nextStamp = () => `${PROCESS_STAMP}.${++corporaBuilt}`;
/** Nodes above which the layout and metrics run in a worker thread: ForceAtlas2 on 1,800 nodes took 15 s on a busy 2-core machine, too long to block a server that reloads while it serves. */
const WORKER_LAYOUT_ABOVE = 500;

/** Where computed layouts are kept between runs (the store), by the key of the graph they belong to. */
export interface LayoutCache {
  get(key: string): Promise<LayoutRecord | undefined>;
  set(key: string, record: LayoutRecord): Promise<void>;
}

/** The lookups the answers read, built once per extraction (a new layout of the same corpus shares them). */
interface CorpusIndexes {
  docs: Map<string, Doc>;
  sentences: Map<string, Sentence>;
  entities: Map<string, Entity>;
  edges: Map<string, Edge>;
  mentionsByEntity: Map<string, ResolvedMention[]>;
  mentionsBySentence: Map<string, ResolvedMention[]>;
  /** The corpus's stamp: shared by every layout of the same extraction. */
  stamp: string;
}

const indexCorpus = (extraction: Extraction): CorpusIndexes => ({
  docs: new Map(extraction.documents.map((d) => [d.id, d])),
  sentences: new Map(extraction.sentences.map((s) => [s.id, s])),
  entities: new Map(extraction.entities.map((e) => [e.id, e])),
  edges: new Map(extraction.edges.map((e) => [e.id, e])),
  mentionsByEntity: groupBy(extraction.mentions, (m) => m.entityId),
  mentionsBySentence: groupBy(extraction.mentions, (m) => m.sentenceId),
  stamp: nextStamp(),
});

/** A layout still to compute after the write that built this corpus: the nodes it moves, and where to keep it. */
interface PendingLayout {
  key: string;
  moving: Set<string>;
  cache: LayoutCache | undefined;
}

/**
 * The extracted corpus with the indexes the API reads: built once from per-document extractions,
 * rebuilt whenever a document is added or removed.
 */
export class Corpus {
  readonly extraction: Extraction;
  readonly graph: EntityGraph;
  private readonly indexes: CorpusIndexes;
  private readonly docs: Map<string, Doc>;
  private readonly sentences: Map<string, Sentence>;
  private readonly entities: Map<string, Entity>;
  private readonly edges: Map<string, Edge>;
  private readonly mentionsByEntity: Map<string, ResolvedMention[]>;
  private readonly mentionsBySentence: Map<string, ResolvedMention[]>;
  private pending: PendingLayout | undefined;
  private gexfCache: string | undefined;
  private gexfPending: Promise<string> | undefined;
  /** Prefix of this corpus's keys in the shared response cache: the corpus never changes, so they never go stale. */
  private readonly cacheKey = nextCachePrefix();
  /** Changes whenever the corpus does (each write or reload): a page polls it to follow. */
  readonly stamp: string;
  /** Changes with the stamp, and also when only the positions do (`settle`): a page then redraws, nothing more. */
  readonly layoutStamp = nextStamp();

  /** Builds everything on the calling thread, layout included (tests, CLI, small corpora). */
  constructor(
    readonly docExtractions: DocExtraction[],
    built?: { extraction: Extraction; graph: EntityGraph },
    /** The analysts' corrections log this corpus was built with (GET /api/corrections). */
    readonly corrections: Correction[] = [],
    indexes?: CorpusIndexes,
  ) {
    this.extraction = built?.extraction ?? buildExtraction(docExtractions, { corrections });
    this.graph = built?.graph ?? buildGraph(this.extraction);
    this.indexes = indexes ?? indexCorpus(this.extraction);
    this.stamp = this.indexes.stamp;
    ({
      docs: this.docs,
      sentences: this.sentences,
      entities: this.entities,
      edges: this.edges,
      mentionsByEntity: this.mentionsByEntity,
      mentionsBySentence: this.mentionsBySentence,
    } = this.indexes);
  }

  /**
   * The same corpus, but the layout and the metrics run in a worker thread (the event loop stays free) or come
   * from the cache when the graph is the one they were computed for. They equal those of `new Corpus(docs)`.
   */
  static async build(
    docExtractions: DocExtraction[],
    cache?: LayoutCache,
    corrections: Correction[] = [],
    options: { previous?: Corpus; moveAbove?: number } = {},
  ): Promise<Corpus> {
    // In slices: the server answers reads between them while a write is resolved.
    const extraction = await runInSlices(buildInSteps(docExtractions, { corrections }));
    await nextTurn();
    const graph = buildGraph(extraction, { layout: false, metrics: false });
    await nextTurn();
    const key = layoutKey(graph);
    let record = await cache?.get(key);
    const { previous } = options;
    if (!record && previous && graph.order > (options.moveAbove ?? WORKER_LAYOUT_ABOVE)) {
      // A write to a big graph: served at once with its new nodes beside their neighbours, laid out after the commit.
      const moving = placeBeside(graph, previous.graph);
      for (const id of previous.unsettled()) if (graph.hasNode(id)) moving.add(id);
      await nextTurn();
      const indexes = indexCorpus(extraction);
      await nextTurn();
      const corpus = new Corpus(docExtractions, { extraction, graph }, corrections, indexes);
      corpus.pending = { key, moving, cache };
      return corpus;
    }
    if (!record) {
      // A small graph lays out in milliseconds: starting a worker would cost more than it saves.
      record = graph.order > WORKER_LAYOUT_ABOVE ? await layoutInWorker(graph) : layoutInPlace(graph);
      await cache?.set(key, record);
    }
    assignLayout(graph, record);
    return new Corpus(docExtractions, { extraction, graph }, corrections);
  }

  /** The nodes whose place is still provisional: placed beside their neighbours, not yet laid out. */
  unsettled(): ReadonlySet<string> {
    return this.pending?.moving ?? new Set();
  }

  /**
   * After the write that built this corpus is committed: its new nodes laid out among their neighbours (held in
   * place) and the metrics computed again, in the layout worker; the same corpus with them (a new stamp), kept in the
   * layout cache. Undefined when nothing was pending, or when a newer corpus's layout replaced this one.
   */
  async settle(): Promise<Corpus | undefined> {
    const pending = this.pending;
    if (!pending) return undefined;
    const record = await layoutSupervisor().refine(layoutInput(this.graph, pending.moving));
    if (!record) return undefined;
    await pending.cache?.set(pending.key, record);
    const graph = this.graph.copy();
    assignLayout(graph, record);
    return new Corpus(this.docExtractions, { extraction: this.extraction, graph }, this.corrections, this.indexes);
  }

  graphJson() {
    return this.graph.export();
  }

  /**
   * An answer computed once per corpus (serialized, ready to send): under load the same entity or graph view is
   * asked for again and again, and serializing a hub entity's thousands of sentences is what costs.
   * Kept in the shared byte-bounded cache (`responses`); an answer larger than the whole bound is not kept.
   */
  cached<T>(key: string, compute: () => T): T {
    return cachedAnswer(this.cacheKey + key, compute);
  }

  /** How many sentences `entity(id)` pages through (its mentions). */
  sentenceCount(id: string): number {
    return this.mentionsByEntity.get(id)?.length ?? 0;
  }

  /** Entities of the whole corpus by name or alias (the client draws only a view of a big corpus). */
  search(query: string, max: number): SearchHit[] {
    const items = this.extraction.entities.map((e) => ({ ...e, mentions: this.graph.getNodeAttribute(e.id, "mentions") }));
    return searchNames(items, query, max);
  }

  hasEntity(id: string): boolean {
    return this.entities.has(id);
  }

  gexf(): string {
    this.gexfCache ??= toGexf(this.graph);
    return this.gexfCache;
  }

  /** The whole graph's GEXF without blocking the event loop: written once, in a worker, then kept. */
  gexfAsync(): Promise<string> {
    if (this.gexfCache !== undefined) return Promise.resolve(this.gexfCache);
    this.gexfPending ??= gexfInWorker(this.graph).then((xml) => (this.gexfCache = xml));
    return this.gexfPending;
  }

  /**
   * The entity, its relations, its mention timeline, and a page of its sentences (`limit` from `offset`, in
   * document order): a country in a large corpus has thousands, which no panel shows at once.
   */
  entity(id: string, page: { offset?: number; limit?: number } = {}) {
    const entity = this.entities.get(id);
    if (!entity) return undefined;
    const attrs = this.graph.getNodeAttributes(id);
    const all = this.mentionsByEntity.get(id) ?? [];
    const timeline: Record<string, number> = {};
    let undated = 0;
    for (const m of all) {
      const date = this.docs.get(m.docId)!.date;
      if (date) timeline[date] = (timeline[date] ?? 0) + 1;
      else undated++;
    }
    const offset = page.offset ?? 0;
    const mentions: MentionView[] = all.slice(offset, offset + (page.limit ?? all.length)).map((m) => {
      const doc = this.docs.get(m.docId)!;
      const view: MentionView = {
        sentenceId: m.sentenceId,
        text: this.sentences.get(m.sentenceId)!.text,
        start: m.start,
        end: m.end,
        surface: m.surface,
        docId: m.docId,
        docTitle: doc.title,
        others: this.spansIn(m.sentenceId).filter((o) => o.entityId !== id),
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
      coMentioned: this.related(id, "co-mention").slice(0, 10),
      timeline,
      undated,
      sentencesTotal: all.length,
      sentencesOffset: offset,
      stances: {
        supports: this.related(id, "support", "out"),
        opposes: this.related(id, "oppose", "out"),
        supportedBy: this.related(id, "support", "in"),
        opposedBy: this.related(id, "oppose", "in"),
      },
      sentences: mentions,
    };
  }

  private spansIn(sentenceId: string): EntitySpan[] {
    return (this.mentionsBySentence.get(sentenceId) ?? []).map((m) => ({ start: m.start, end: m.end, entityId: m.entityId, type: m.type }));
  }

  /** Neighbours through co-mention edges, or through stance edges held ("out") or received ("in"), heaviest first. */
  private related(id: string, kind: "co-mention" | "support" | "oppose", direction?: "in" | "out"): RelatedEntity[] {
    const out: RelatedEntity[] = [];
    const edges =
      kind === "co-mention" ? this.graph.undirectedEdges(id) : direction === "out" ? this.graph.outEdges(id) : this.graph.inEdges(id);
    for (const e of edges) {
      const a = this.graph.getEdgeAttributes(e);
      if (kind === "co-mention" ? a.kind !== "co-mention" : a.stance !== kind) continue;
      const other = this.graph.opposite(id, e);
      const n = this.graph.getNodeAttributes(other);
      const r: RelatedEntity = { id: other, label: n.label, type: n.type, edge: e, weight: a.weight };
      if (a.confidence !== undefined) r.confidence = a.confidence;
      out.push(r);
    }
    return out.sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
  }

  edge(id: string) {
    const edge = this.edges.get(id);
    if (!edge) return undefined;
    const evidence: EvidenceView[] = edge.evidence.map((ev) => {
      const highlights: Highlight[] = [];
      if (ev.holderSpan) highlights.push({ start: ev.holderSpan[0], end: ev.holderSpan[1], role: "source" });
      if (ev.cueSpan && ev.cueSpan[1] > ev.cueSpan[0]) highlights.push({ start: ev.cueSpan[0], end: ev.cueSpan[1], role: "cue" });
      if (ev.targetSpan) highlights.push({ start: ev.targetSpan[0], end: ev.targetSpan[1], role: "target" });
      if (highlights.length === 0) {
        for (const m of this.mentionsBySentence.get(ev.sentenceId) ?? []) {
          if (m.entityId === edge.source) highlights.push({ start: m.start, end: m.end, role: "source" });
          if (m.entityId === edge.target) highlights.push({ start: m.start, end: m.end, role: "target" });
        }
      }
      const view: EvidenceView = {
        sentenceId: ev.sentenceId,
        text: this.sentences.get(ev.sentenceId)!.text,
        docId: ev.docId,
        docTitle: this.docs.get(ev.docId)!.title,
        highlights: highlights.sort((a, b) => a.start - b.start),
        entities: this.spansIn(ev.sentenceId),
      };
      if (ev.cue) view.cue = ev.cue;
      if (ev.confidence !== undefined) view.confidence = ev.confidence;
      return view;
    });
    const { evidence: _raw, ...rest } = edge;
    return {
      ...rest,
      weight: edge.evidence.length,
      sourceLabel: this.entities.get(edge.source)!.label,
      targetLabel: this.entities.get(edge.target)!.label,
      evidence,
    };
  }

  documents(): DocumentSummary[] {
    return this.docExtractions
      .map(({ doc, sentences, mentions }) => {
        const summary: DocumentSummary = {
          id: doc.id,
          title: doc.title,
          sentences: sentences.length,
          entities: new Set(mentions.map((m) => m.cluster)).size,
        };
        if (doc.date) summary.date = doc.date;
        if (doc.source) summary.source = doc.source;
        if (doc.author) summary.author = doc.author;
        return summary;
      })
      .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.title.localeCompare(b.title));
  }

  document(id: string) {
    const doc = this.docs.get(id);
    if (!doc) return undefined;
    const mentions = this.extraction.mentions
      .filter((m) => m.docId === id)
      .map((m) => {
        const s = this.sentences.get(m.sentenceId)!;
        return { start: s.start + m.start, end: s.start + m.end, entityId: m.entityId, type: m.type };
      });
    return { ...doc, mentions };
  }
}

/** What GET /api/entities/:id answers: the client reads this type. */
export type EntityDetail = NonNullable<ReturnType<Corpus["entity"]>>;
