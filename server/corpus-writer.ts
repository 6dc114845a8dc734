// The write side, between the API (or the ingest CLI) and the store: extracts new documents, applies one write at a
// time, builds the read side's next version (read/model.ts) and swaps it in, and answers with what changed in the graph.
import { setImmediate as nextTurn } from "node:timers/promises";

import type { ReadModel } from "./read/model.js";
import {
  type BuildView,
  type CorpusView,
  type CorrectionsLog,
  type State,
  loadState,
  makeState,
  noChange,
  noDerivedChange,
  provisionalView,
} from "./corpus-state.js";
import { type ExtractedInput, extractEach, extractInputs } from "./extract-inputs.js";
import { nameIndexInSteps } from "./provisional.js";
import { ResolutionAfterCommit } from "./resolve-later.js";
import { type GraphChange, deriveInSteps, derivedWithoutInSteps, diffInSteps } from "./store/derived.js";
import { resolutionStamp } from "./store/resolutions.js";
import { runInSlices } from "./slices.js";
import { type Store, StoreConflictError, type StoredDocument } from "./store/store.js";
import type { ExtractionPool } from "./extract/pool/index.js";
import type { Correction, DocExtraction, DocumentInput } from "./types.js";
import { type BatchOp, IdCounts, UnknownDocumentError, type WritePlan, type WriteResult, planBatch } from "./write-batch.js";
import { type BatchResult, type OpResult, WriteQueue } from "./write-queue.js";

export { type IngestedDocument, UnknownDocumentError, type WritePlan, type WriteResult } from "./write-batch.js";
export { type BuildView, type CorpusView, buildExtractionOnly, buildReadModel } from "./corpus-state.js";

// Another process wrote between our load and our write at most this many times in a row: then give up.
const MAX_CONFLICT_RETRIES = 5;

export class CorpusWriter<V extends CorpusView = ReadModel> {
  private state: State<V>;
  /** Writes one at a time; posts and deletes that wait for their turn together are committed together. */
  private readonly queue = new WriteQueue((ops) => this.commitBatch(ops));
  /** Ids of the documents that posts queued or under way store: a delete of one of them waits for its turn. */
  private readonly putting = new IdCounts();
  /** The layout of the latest write, running after its commit. */
  private settling: Promise<void> = Promise.resolve();

  /**
   * Documents written since the corpus was last resolved: by `deferResolution` (`resolveDeferred` resolves them), or
   * shown provisionally (`resolveAfterCommitAbove`: the resolution queued after the write resolves them).
   */
  private unresolved = false;
  /** The full resolution after a provisional write: when it starts, and when it gives way. */
  private readonly afterCommit = new ResolutionAfterCommit({
    queue: (job) =>
      this.queue.behind(job, (err: unknown) =>
        console.error("resolving the corpus after a write failed (the next write or start resolves it):", err),
      ),
    pending: () => this.unresolved,
    batchWaiting: () => this.queue.batchWaiting(),
    resolve: async (signal) => {
      await this.commitPlan(() => ({ put: [], remove: [] }), signal);
      // Ready for the next post: the resolved corpus's name index, moved on from the last one (provisional.ts), now.
      await runInSlices(nameIndexInSteps(this.state.view.extraction), 10, signal);
    },
  });

  private constructor(
    readonly store: Store,
    private readonly build: BuildView<V>,
    state: State<V>,
    private readonly pool?: ExtractionPool,
    private readonly deferResolution = false,
    private readonly resolveAfterCommitAbove = Infinity,
    private readonly spareAboveEdges?: number,
  ) {
    this.state = state;
  }

  /**
   * Loads the corpus from the store: no extraction, only resolution and (for a ReadModel) the graph.
   * `deferResolution` (the ingest CLI): writes that only add documents store them alone, and the corpus is resolved
   * once, by `resolveDeferred`, when they are all in; until then the store's derived rows are marked incomplete.
   * `resolveAfterCommitAbove` (the server): in a corpus of more documents than this, a write that only adds
   * documents is committed and served with a provisional resolution (provisional.ts), and the corpus is resolved in
   * full after it, in the queue of writes; the rows are marked incomplete in between, as with `deferResolution`.
   */
  static async open<V extends CorpusView = ReadModel>(
    store: Store,
    build: BuildView<V>,
    options: { pool?: ExtractionPool; deferResolution?: boolean; resolveAfterCommitAbove?: number; spareAboveEdges?: number } = {},
  ): Promise<CorpusWriter<V>> {
    const state = await loadState(store, build);
    const { pool, deferResolution, resolveAfterCommitAbove, spareAboveEdges } = options;
    return new CorpusWriter(store, build, state, pool, deferResolution, resolveAfterCommitAbove, spareAboveEdges);
  }

  /** Extracts documents (in the pool if any) without storing them: `ingestExtracted` stores them later. */
  extract(inputs: DocumentInput[]): Promise<StoredDocument[]> {
    return extractInputs(inputs, this.pool);
  }

  /** `extract`, each document succeeding or refused on its own (too long, out of time or memory). */
  extractEach(inputs: DocumentInput[]): Promise<ExtractedInput[]> {
    return extractEach(inputs, this.pool);
  }

  /**
   * Stores documents extracted earlier: the CLI extracts the next batch while this one is written. `supersedes`
   * lists stored ids that this write replaces under another id (a rebuild of a text whose id was computed another
   * way); they are deleted in the same transaction, so a rebuild never stores a document twice. A plain post
   * joins the batch of writes waiting for their turn (write-batch.ts); `change` is then the batch's.
   */
  async ingestExtracted(extracted: StoredDocument[], options: { replace?: boolean; supersedes?: string[] } = {}): Promise<WriteResult> {
    const op: BatchOp = { kind: "put", extracted };
    const alone = options.replace || (options.supersedes?.length ?? 0) > 0;
    if (alone) this.afterCommit.postpone();
    const ids = extracted.map((s) => s.extraction.doc.id);
    this.putting.add(ids);
    try {
      const { outcome, change } = alone
        ? await this.queue.serialize(() => this.commitBatch([op], options)).then((r) => ({ outcome: r.outcomes[0]!, change: r.change }))
        : await this.enqueue(op);
      return { documents: "documents" in outcome ? outcome.documents : [], change };
    } finally {
      this.putting.delete(ids);
    }
  }

  /**
   * Serves `state`, and then the better view its `settle` gives, unless another write replaced it meanwhile; a view
   * replaced is retired (read/model.ts). After a write (not a load), the view served prepares for the next write.
   */
  private serve(state: State<V>, after: "write" | "load" = "write"): void {
    if (this.state.view !== state.view) this.state.view.retire?.();
    this.state = state;
    const view = state.view;
    if (after === "write") view.prepareSpare?.(this.spareAboveEdges);
    const better = view.settle?.(() => this.state.view === view) as Promise<V | undefined> | undefined;
    if (!better) return;
    this.settling = better.then(
      (next) => {
        if (!next || this.state.view !== view) return;
        view.retire?.();
        this.state = { ...this.state, view: next };
        next.prepareSpare?.(this.spareAboveEdges);
      },
      (err: unknown) => console.error("layout after a write failed (the graph keeps its provisional positions):", err),
    );
  }

  /** Resolves once the view of the latest write has settled (its layout is in): tests and benchmarks wait on it. */
  async settled(): Promise<void> {
    for (let seen: Promise<void> | undefined; seen !== this.settling;) await (seen = this.settling);
  }

  /** The corrections log as of the last committed write. */
  corrections(): Correction[] {
    return this.state.corrections;
  }

  /**
   * A write worked out by `plan` from the current state, one at a time with every other write; after a conflict
   * with another process it is worked out again from the reloaded state (so a correction is checked again).
   */
  apply<T>(
    plan: (view: V, log: CorrectionsLog) => { write: WritePlan; result: T },
  ): Promise<{ result: T; change: GraphChange; before: V }> {
    this.afterCommit.postpone(); // a correction resolves the corpus in full itself
    return this.queue.serialize(async () => {
      let out: T | undefined;
      let before = this.state.view;
      const change = await this.commitPlan(() => {
        before = this.state.view;
        const { write, result } = plan(this.state.view, {
          corrections: this.state.corrections,
          nextCorrectionId: this.state.nextCorrectionId,
        });
        out = result;
        return write;
      });
      return { result: out as T, change, before };
    });
  }

  /** The corpus as of the last committed write; replaced, never mutated, so readers keep a consistent one. */
  current(): V {
    return this.state.view;
  }

  /** The store version the current corpus was loaded or written at. */
  version(): number {
    return this.state.version;
  }

  /**
   * Reloads the corpus when another process (the ingest CLI, a second server) wrote to the store since ours was
   * loaded; true when it did. Queued like a write, so it never runs in the middle of one.
   */
  syncWithStore(): Promise<boolean> {
    return this.queue.serialize(async () => {
      if ((await this.store.currentVersion()) === this.state.version) return false;
      this.serveLoaded(await loadState(this.store, this.build, this.state.view));
      return true;
    });
  }

  /** Resolves once the writes queued so far are done, the resolution after a provisional write too (started now). */
  idle(): Promise<void> {
    this.afterCommit.flush();
    return this.queue.drained();
  }

  /**
   * For a clean shutdown: the writes queued so far are done, but a resolution after a provisional write is given
   * up (on a big corpus it may take longer than a shutdown may): the rows stay marked incomplete, and the next
   * start resolves the corpus.
   */
  stop(): Promise<void> {
    this.afterCommit.stop();
    return this.idle();
  }

  has(id: string): boolean {
    return this.state.byId.has(id);
  }

  /**
   * Extracts and stores the documents in one transaction. Content already stored is answered with its id
   * (`existing`), unless `replace` is set (re-extraction after the extractor improved).
   */
  async ingest(inputs: DocumentInput[], options: { replace?: boolean } = {}): Promise<WriteResult> {
    return this.ingestExtracted(await this.extract(inputs), options);
  }

  /** Deletes the document, its mentions and evidence; entities and edges left without evidence go with it. */
  async remove(id: string): Promise<GraphChange> {
    // Neither stored nor being stored by a write queued or under way: no write to wait for (an unknown id
    // queued behind a stream of writes waited as long as they took to answer 404).
    if (!this.has(id) && !this.putting.has(id)) throw new UnknownDocumentError(id);
    const { outcome, change } = await this.enqueue({ kind: "remove", id });
    if ("unknown" in outcome) throw new UnknownDocumentError(outcome.unknown);
    return change;
  }

  /**
   * Queues `op` in the open batch of writes. A resolution under way after a provisional write is given up: the new
   * write goes first (and a provisional one queues the resolution again).
   */
  private enqueue(op: BatchOp): Promise<OpResult> {
    this.afterCommit.postpone();
    return this.queue.enqueue(op);
  }

  /**
   * Works out the batch's write from the current state (again after a conflict: a delete checked again) and
   * commits it; a batch that changes nothing (texts already stored, unknown ids) costs no resolution.
   */
  private async commitBatch(ops: BatchOp[], options: { replace?: boolean; supersedes?: string[] } = {}): Promise<BatchResult> {
    const stored = { has: (id: string) => this.has(id), title: (id: string) => this.state.byId.get(id)?.doc.title };
    let plan = planBatch(ops, stored, options);
    if (plan.put.length === 0 && plan.remove.length === 0) return { outcomes: plan.outcomes, change: noChange() };
    const change = await this.commitPlan(() => {
      plan = planBatch(ops, stored, options);
      return { put: plan.put, remove: plan.remove };
    });
    return { outcomes: plan.outcomes, change };
  }

  /**
   * One write: on a conflict with another process, reloads and works the plan out again. After a second conflict
   * in a row it does so holding the store's write lock (`Store.exclusive`), so a slow writer (the CLI resolving a
   * big batch) is never starved by a quick one (corrections posted while it runs).
   */
  private async commitPlan(plan: () => WritePlan, signal?: AbortSignal): Promise<GraphChange> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.tryCommit(plan, signal);
      } catch (err) {
        if (!(err instanceof StoreConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw err;
        const reloadAndCommit = async () => {
          this.serveLoaded(await loadState(this.store, this.build, this.state.view));
          return this.tryCommit(plan);
        };
        if (attempt >= 1 && this.store.exclusive) return this.store.exclusive(reloadAndCommit);
        this.serveLoaded(await loadState(this.store, this.build, this.state.view));
      }
    }
  }

  private async tryCommit(plan: () => WritePlan, signal?: AbortSignal): Promise<GraphChange> {
    const { put, remove, corrections } = plan();
    for (const id of remove) if (!this.has(id)) throw new UnknownDocumentError(id);
    const replaced = new Set([...remove, ...put.map((p) => p.extraction.doc.id)]);
    // byId, not the view: with deferResolution the view is the last resolved one, behind the stored documents
    const docs = [...[...this.state.byId.values()].filter((d) => !replaced.has(d.doc.id)), ...put.map((p) => p.extraction)];
    const undone = new Set(corrections?.remove ?? []);
    const log = {
      corrections: [...this.state.corrections.filter((c) => !undone.has(c.id)), ...(corrections?.put ?? [])],
      nextCorrectionId: Math.max(this.state.nextCorrectionId, ...(corrections?.put ?? []).map((c) => c.id + 1)),
    };
    // deferResolution: only new documents wait (a removed or replaced one would leave derived rows that point at it).
    // Provisional: new documents and deletes (derivedWithout takes out the rows that point at a deleted one); a
    // replacement or a correction is resolved in full.
    const onlyNew = !corrections && put.every((p) => !this.has(p.extraction.doc.id));
    if (this.deferResolution) {
      if (onlyNew && put.length > 0 && remove.length === 0) return this.commitUnresolved({ put, remove }, docs, log);
      if (this.unresolved) throw new Error("a write that removes or replaces documents waits for resolveDeferred()");
    } else if (onlyNew && put.length + remove.length > 0 && this.state.byId.size >= this.resolveAfterCommitAbove) {
      return this.commitProvisional({ put, remove }, docs, log);
    }
    // The resolution queued after a provisional write, when a full write (or a reload) has resolved the corpus since.
    if (put.length === 0 && remove.length === 0 && !corrections && !this.unresolved) return noChange();
    const view = await this.build(docs, this.store, log.corrections, this.state.view, undefined, signal);
    // Reads are answered between the steps of a write: the records and their diff run in slices too.
    const derived = await runInSlices(deriveInSteps(view.extraction), 10, signal);
    const next = makeState(view, this.state.version, log, derived);
    const { rows, graph } = await runInSlices(diffInSteps(this.state.derived, next.derived), 10, signal);
    await nextTurn();
    next.version = await this.store.write({
      put,
      remove,
      // The rows before this write were complete (read back or rewritten by loadState): so are they after it.
      derived: { ...rows, stamp: resolutionStamp() },
      expectedVersion: this.state.version,
      ...(corrections ? { corrections } : {}),
    });
    this.unresolved = false;
    this.serve(next);
    return graph;
  }

  /** Serves a state loaded from the store: resolved in full (loadState), whatever was provisional before. */
  private serveLoaded(state: State<V>): void {
    this.unresolved = false;
    this.serve(state, "load");
  }

  /**
   * A write that adds and removes documents, stored with the derived rows left as they were (less those that point at
   * a removed document) and marked incomplete, and served with the provisional resolution (provisional.ts); the full
   * resolution is queued after it. The state keeps the stored rows, so that the full resolution's write is their diff.
   */
  private async commitProvisional(write: WritePlan, docs: DocExtraction[], log: CorrectionsLog): Promise<GraphChange> {
    const previous = this.state.view;
    const { view, change } = await provisionalView(previous, write, docs, log.corrections, (resolved) =>
      this.build(docs, this.store, log.corrections, previous, resolved),
    );
    const stored = await runInSlices(derivedWithoutInSteps(this.state.derived, write.remove));
    await nextTurn();
    const version = await this.store.write({ ...write, derived: stored.rows, expectedVersion: this.state.version });
    this.unresolved = true;
    this.serve(makeState(view, version, log, stored.derived));
    this.afterCommit.schedule();
    return change;
  }

  /** True while the corpus served shows documents that are not resolved in full yet (a provisional write). */
  provisional(): boolean {
    return this.unresolved && !this.deferResolution;
  }

  /**
   * A write that stores documents but leaves resolution for `resolveDeferred`: the derived rows stay as they were,
   * marked incomplete (no stamp), so a reader of the store in between (a server, a killed CLI's next run) resolves
   * the corpus itself rather than trusting them. The view is the last resolved one until then.
   */
  private async commitUnresolved(write: WritePlan, docs: DocExtraction[], log: CorrectionsLog): Promise<GraphChange> {
    const version = await this.store.write({ ...write, derived: noDerivedChange(), expectedVersion: this.state.version });
    this.state = { ...this.state, byId: new Map(docs.map((d) => [d.doc.id, d])), version, ...log };
    this.unresolved = true;
    return noChange();
  }

  /**
   * Resolves the corpus once after writes with `deferResolution`, and stores the derived rows, complete, in place of
   * the rows the store holds now (read again: a server that followed the store may have rewritten them meanwhile).
   * The documents' version is kept. If another process wrote documents meanwhile, the corpus is loaded again.
   */
  resolveDeferred(): Promise<void> {
    return this.queue.serialize(async () => {
      if (!this.unresolved) return;
      const docs = [...this.state.byId.values()];
      const view = await this.build(docs, this.store, this.state.corrections);
      const derived = await runInSlices(deriveInSteps(view.extraction));
      const rewrite = async () => {
        const { rows } = await runInSlices(diffInSteps(await this.store.loadDerived(), derived));
        const derivedChange = { ...rows, stamp: resolutionStamp() };
        return this.store.write({ put: [], remove: [], derived: derivedChange, expectedVersion: this.state.version, keepVersion: true });
      };
      try {
        await (this.store.exclusive ? this.store.exclusive(rewrite) : rewrite());
        const { corrections, nextCorrectionId } = this.state;
        this.state = makeState(view, this.state.version, { corrections, nextCorrectionId }, derived);
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err;
        this.state = await loadState(this.store, this.build);
      }
      this.unresolved = false;
    });
  }
}
