// The read side: one version of the corpus as the API reads it. It holds the graph view (nodes, edges, positions)
// and lookups of ids and offsets (answers.ts); the texts it shows are read by id from the store (texts.ts), and
// its answers are kept in a bounded cache (cache.ts). The write side (corpus-writer.ts) builds a new one for every
// write and swaps it in; a version is never changed while it is served or read (`lease`). Once replaced and read by
// nobody, its graph is moved on to a later version (graph/recorded.ts) and the next write changes it.
import { setImmediate as nextTurn } from "node:timers/promises";

import { buildExtraction, buildInSteps } from "../extract/index.js";
import { cachedAnswer, cachedAnswerAsync, nextCachePrefix } from "./cache.js";
import {
  type ReadIndexes,
  documentAnswer,
  edgeAnswer,
  entityAnswer,
  indexExtraction,
  indexesWithAdded,
  indexesWithRemoved,
} from "./answers.js";
import { GraphVersion, SPARE_ABOVE_EDGES } from "./graph-version.js";
import { type ReadTexts, memoryTexts } from "./texts.js";
import { runInSlices, whileWanted } from "../slices.js";
import { type EntityGraph, buildGraph, graphInSteps, graphWithChangeInSteps } from "../graph/build.js";
import { toGexf } from "../graph/gexf.js";
import { type SearchHit, searchNames } from "../graph/search.js";
import { type LayoutRecord, assignLayout, layoutInPlace, layoutInWorker, layoutKeyInSteps, withLayoutInSteps } from "../graph/layout.js";
import { placeAdded, placeBeside } from "../graph/layout-incremental.js";
import { layoutInputInSteps } from "../graph/layout-input.js";
import { layoutSupervisor } from "../graph/layout-supervisor.js";
import type { DocumentSummary } from "../../common/api/documents.js";
import type { EntitySpan, EvidenceView, Highlight, MentionView, RelatedEntity } from "../../common/api/views.js";
import type { ProvisionalRemoval, ProvisionalWrite } from "../provisional.js";
import type { Correction, DocExtraction, Extraction } from "../types.js";

// The answers' shapes are the API contract's (common/api/, z.infer); re-exported for the server's modules.
export type { DocumentSummary, EntitySpan, EvidenceView, Highlight, MentionView, RelatedEntity };

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

/** A layout still to compute after the write that built this corpus: the nodes it moves, and where to keep it. */
interface PendingLayout {
  key: string;
  moving: Set<string>;
  cache: LayoutCache | undefined;
}

/** The parts a new layout of the same corpus shares with the one it replaces. */
interface ReadParts {
  indexes: ReadIndexes;
  texts: ReadTexts;
}

/**
 * One version of the corpus as the API reads it: the graph view, the lookups its answers need and where their texts
 * are read. Built once from per-document extractions, rebuilt whenever a document is added or removed.
 */
/** What a graph moved on by a write reads its changed nodes and edges from: the moved-on lookups. */
const changeLookup = (indexes: ReadIndexes) => ({ ...indexes, mentionsOf: (id: string) => indexes.mentionsByEntity.get(id) ?? [] });

export class ReadModel {
  readonly extraction: Extraction;
  /** The graph, who reads it, and how the next version's is made from it (graph-version.ts). */
  private readonly version: GraphVersion;
  private readonly parts: ReadParts;
  private pending: PendingLayout | undefined;
  /** Prefix of this corpus's keys in the shared response cache: the corpus never changes, so they never go stale. */
  private readonly cacheKey = nextCachePrefix();
  /** Changes whenever the corpus does (each write or reload): a page polls it to follow. */
  readonly stamp: string;
  /** Changes with the stamp, and also when only the positions do (`settle`): a page then redraws, nothing more. */
  readonly layoutStamp = nextStamp();

  /** Builds everything on the calling thread, layout included (tests, CLI, small corpora); texts from memory unless given. */
  constructor(
    readonly docExtractions: DocExtraction[],
    built?: { extraction: Extraction; graph: EntityGraph },
    /** The analysts' corrections log this corpus was built with (GET /api/corrections). */
    readonly corrections: Correction[] = [],
    parts: Partial<ReadParts> = {},
  ) {
    this.extraction = built?.extraction ?? buildExtraction(docExtractions, { corrections });
    const graph = built?.graph ?? buildGraph(this.extraction);
    this.parts = {
      indexes: parts.indexes ?? indexExtraction(this.extraction, nextStamp()),
      texts: parts.texts ?? memoryTexts(this.extraction),
    };
    this.stamp = this.parts.indexes.stamp;
    this.version = new GraphVersion(graph, this.stamp);
  }

  /**
   * The same corpus, but the layout and the metrics run in a worker thread (the event loop stays free) or come
   * from the cache when the graph is the one they were computed for. They equal those of `new ReadModel(docs)`.
   * `texts`: where the answers read sentence and document texts (the server: the store).
   */
  static async build(
    docExtractions: DocExtraction[],
    cache?: LayoutCache,
    corrections: Correction[] = [],
    options: { previous?: ReadModel; moveAbove?: number; texts?: ReadTexts; resolved?: Extraction; signal?: AbortSignal } = {},
  ): Promise<ReadModel> {
    // In slices: the server answers reads between them while a write is resolved (and gives up when `signal` says).
    const { signal } = options;
    const extraction = options.resolved ?? (await runInSlices(buildInSteps(docExtractions, { corrections }), 10, signal));
    await nextTurn();
    const graph = await runInSlices(graphInSteps(extraction), 10, signal);
    const key = await runInSlices(layoutKeyInSteps(graph), 10, signal);
    let record = await cache?.get(key);
    const { previous } = options;
    const parts = options.texts ? { texts: options.texts } : {};
    if (!record && previous && graph.order > (options.moveAbove ?? WORKER_LAYOUT_ABOVE)) {
      // A write to a big graph: served at once with its new nodes beside their neighbours, laid out after the commit.
      const moving = placeBeside(graph, previous.graph);
      for (const id of previous.unsettled()) if (graph.hasNode(id)) moving.add(id);
      await nextTurn();
      const indexes = indexExtraction(extraction, nextStamp());
      await nextTurn();
      const corpus = new ReadModel(docExtractions, { extraction, graph }, corrections, { ...parts, indexes });
      corpus.pending = { key, moving, cache };
      return corpus;
    }
    if (!record) {
      // A small graph lays out in milliseconds: starting a worker would cost more than it saves.
      record = graph.order > WORKER_LAYOUT_ABOVE ? await layoutInWorker(graph) : layoutInPlace(graph);
      await cache?.set(key, record);
    }
    assignLayout(graph, record);
    return new ReadModel(docExtractions, { extraction, graph }, corrections, parts);
  }

  /**
   * This corpus with documents added and resolved provisionally (server/provisional.ts): its graph and lookups moved
   * on by the write's change rather than built again, the new nodes placed beside their neighbours and laid out after
   * the commit. That layout is not kept in the cache: the full resolution replaces this corpus soon.
   */
  async withAdded(docExtractions: DocExtraction[], provisional: ProvisionalWrite, corrections: Correction[]): Promise<ReadModel> {
    return this.leased(async () => {
      const { extraction, change } = provisional;
      const indexes = indexesWithAdded(this.parts.indexes, provisional, nextStamp());
      await nextTurn();
      // From here on this version's graph is not read: a step of a batch hands it over (`passOn`).
      const { graph, recorded } = (await this.version.changedCopy())!; // wanted throughout: never given up
      await runInSlices(graphWithChangeInSteps(graph, change, changeLookup(indexes)));
      await nextTurn();
      const linked = new Set(change.entities.added);
      for (const id of change.edges.added) for (const end of graph.extremities(id)) linked.add(end);
      const moving = placeAdded(graph, new Set(change.entities.added), linked);
      for (const id of this.unsettled()) if (graph.hasNode(id)) moving.add(id);
      const corpus = new ReadModel(docExtractions, { extraction, graph }, corrections, { texts: this.parts.texts, indexes });
      corpus.pending = { key: "", moving, cache: undefined };
      corpus.version.descend(recorded());
      return corpus;
    });
  }

  /**
   * This corpus without documents, removed provisionally (server/provisional.ts): its graph and lookups moved on by
   * the removal rather than built again. Nothing new is placed; the nodes still waiting for their layout wait on.
   */
  async withRemoved(docExtractions: DocExtraction[], removal: ProvisionalRemoval, corrections: Correction[]): Promise<ReadModel> {
    return this.leased(async () => {
      const { extraction, change } = removal;
      const indexes = indexesWithRemoved(this.parts.indexes, removal, nextStamp());
      // The nodes that lose an edge will have fewer neighbours (their other metrics wait for the next layout).
      const ends = new Set(change.edges.removed.filter((id) => this.graph.hasEdge(id)).flatMap((id) => this.graph.extremities(id)));
      for (const id of change.entities.removed) for (const n of this.graph.neighbors(id)) ends.add(n);
      await nextTurn();
      // From here on this version's graph is not read: a step of a batch hands it over (`passOn`).
      const { graph, recorded } = (await this.version.changedCopy())!; // wanted throughout: never given up
      await runInSlices(graphWithChangeInSteps(graph, change, changeLookup(indexes)));
      for (const n of ends) {
        if (graph.hasNode(n)) graph.replaceNodeAttributes(n, { ...graph.getNodeAttributes(n), degree: new Set(graph.neighbors(n)).size });
      }
      const corpus = new ReadModel(docExtractions, { extraction, graph }, corrections, { texts: this.parts.texts, indexes });
      const moving = new Set([...this.unsettled()].filter((id) => graph.hasNode(id)));
      if (moving.size > 0) corpus.pending = { key: "", moving, cache: undefined };
      corpus.version.descend(recorded());
      return corpus;
    });
  }

  /** The nodes whose place is still provisional: placed beside their neighbours, not yet laid out. */
  unsettled(): ReadonlySet<string> {
    return this.pending?.moving ?? new Set();
  }

  /**
   * After the write that built this corpus is committed: its new nodes laid out among their neighbours (held in
   * place) and the metrics computed again, in the layout worker; the same corpus with them (a new stamp), kept in the
   * layout cache. Undefined when nothing was pending, or when a newer corpus's layout replaced this one, or when
   * `stillServed` says this corpus no longer is (a newer write replaced it: the graph is not copied for nothing).
   */
  async settle(stillServed: () => boolean = () => true): Promise<ReadModel | undefined> {
    const pending = this.pending;
    if (!pending) return undefined;
    // A write that replaces this corpus while the layout is worked out takes the unsettled nodes over: the input
    // and the copy with the positions (a second of copying at 200,000 edges) are given up as soon as it arrives.
    // The graph is read under a lease, but not while the worker lays it out (seconds on a big graph): a lease held
    // that long kept the version a write replaced from being moved on, and every write meanwhile copied the graph.
    const input = await this.leased(() => runInSlices(whileWanted(layoutInputInSteps(this.graph, pending.moving), stillServed)));
    const record = input && (await layoutSupervisor().refine(input));
    if (!record) return undefined;
    await pending.cache?.set(pending.key, record);
    // Still served, so not retired: nobody has moved its graph on, and the lease taken now (in the same turn) keeps it so.
    if (!stillServed()) return undefined;
    return this.leased(async () => {
      const copy = await this.version.changedCopy(stillServed);
      if (!copy) return undefined;
      const graph = await runInSlices(whileWanted(withLayoutInSteps(this.graph, record, copy.graph), stillServed));
      const recorded = copy.recorded();
      if (!graph || !stillServed()) return undefined;
      const corpus = new ReadModel(this.docExtractions, { extraction: this.extraction, graph }, this.corrections, this.parts);
      corpus.version.descend(recorded);
      return corpus;
    });
  }

  /** `work` with this version leased (`lease`): its graph is not reused for a later version while the work reads it. */
  private async leased<T>(work: () => Promise<T>): Promise<T> {
    const release = this.lease();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** The graph view. Throws once this version is replaced and its graph moved on to a later one (read under `lease`). */
  get graph(): EntityGraph {
    return this.version.graph;
  }

  /**
   * For a reader of this version across turns (an export, a filter in slices, an answer that awaits the store): the
   * graph is not reused for a later version until the returned release is called (once; more calls do nothing).
   * A synchronous read of the corpus just served needs none.
   */
  lease(): () => void {
    return this.version.lease();
  }

  /** Once served after a write: work ahead for the next one (graph-version.ts). Not for a graph under `minEdges`. */
  prepareSpare(minEdges = SPARE_ABOVE_EDGES): void {
    this.version.prepareSpare(minEdges);
  }

  /** Whether the next write will move the replaced version's graph on rather than copy this one (graph-version.ts). */
  canRecycle(): boolean {
    return this.version.canRecycle();
  }

  /** Whether a copy made ahead waits for the next write (none before `prepareSpare`, nor once one took it). */
  hasSpare(): boolean {
    return this.version.hasSpare();
  }

  /** No longer served: a copy made ahead and not taken is given up. */
  dropSpare(): void {
    this.version.dropSpare();
  }

  /** Replaced where it was served, or never served (graph-version.ts): its spare given up, its graph reused once unread. */
  retire(): void {
    this.version.retire();
  }

  /**
   * Made on the way to the next version and never to be served nor read (a batch's removal before its addition): the
   * next version made from it changes its graph itself rather than a copy of it (read/graph-version.ts).
   */
  passOn(): void {
    this.version.passOn();
  }

  graphJson() {
    return this.graph.export();
  }

  /**
   * An answer computed once per corpus (serialized, ready to send): under load the same entity or graph view is
   * asked for again and again, and serializing a hub entity's thousands of sentences is what costs.
   * Kept in the shared byte-bounded cache (cache.ts); an answer larger than the whole bound is not kept.
   */
  cached<T>(key: string, compute: () => T): T {
    return cachedAnswer(this.cacheKey + key, compute);
  }

  /** `cached` for an answer that reads the store. */
  cachedAsync<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return cachedAnswerAsync(this.cacheKey + key, compute);
  }

  /** How many sentences `entity(id)` pages through (its mentions). */
  sentenceCount(id: string): number {
    return this.parts.indexes.mentionsByEntity.get(id)?.length ?? 0;
  }

  /** Entities of the whole corpus by name or alias (the client draws only a view of a big corpus). */
  search(query: string, max: number): SearchHit[] {
    const items = this.extraction.entities.map((e) => ({ ...e, mentions: this.graph.getNodeAttribute(e.id, "mentions") }));
    return searchNames(items, query, max);
  }

  hasEntity(id: string): boolean {
    return this.parts.indexes.entities.has(id);
  }

  gexf(): string {
    return toGexf(this.graph);
  }

  private get sources() {
    return { indexes: this.parts.indexes, graph: this.graph, texts: this.parts.texts };
  }

  /** The entity, its relations, its mention timeline, and a page of its sentences (answers.ts). */
  entity(id: string, page: { offset?: number; limit?: number } = {}) {
    return entityAnswer(this.sources, id, page);
  }

  edge(id: string) {
    return edgeAnswer(this.sources, id);
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
    return documentAnswer(this.sources, id);
  }
}

/** What GET /api/entities/:id answers: the client reads this type. */
export type EntityDetail = NonNullable<Awaited<ReturnType<ReadModel["entity"]>>>;
