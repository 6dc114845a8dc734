// The write side, between the API (or the ingest CLI) and the store: extracts new documents, applies one write at a
// time, builds the read side's next version (read/model.ts) and swaps it in, and answers with what changed in the graph.
import { setImmediate as nextTurn } from "node:timers/promises";

import { ReadModel } from "./read/model.js";
import { buildExtraction, extractBounded } from "./extract/index.js";
import { checkTextLimits } from "./extract/limits.js";
import { RejectedInput } from "./ingest/errors.js";
import { type Derived, type GraphChange, deriveInSteps, deriveRecords, diffInSteps, emptyDerived } from "./store/derived.js";
import { extractionFromRows, resolutionStamp } from "./store/resolutions.js";
import { runInSlices } from "./slices.js";
import { type Store, StoreConflictError, type StoredDocument } from "./store/store.js";
import type { ExtractionPool } from "./extract/pool/index.js";
import type { Correction, DocExtraction, DocumentInput, Extraction } from "./types.js";

/** What the service rebuilds after every write: the server needs a full ReadModel, the CLI only the extraction. */
export interface CorpusView {
  readonly docExtractions: DocExtraction[];
  readonly extraction: Extraction;
  /** Work left after the write is committed (the server's layout): the better view, served once it is ready. */
  settle?(): Promise<CorpusView | undefined>;
}

/**
 * Builds the view of a set of documents with the corrections log applied after resolution; `previous` is the view
 * before the write (the layout starts from its positions).
 */
export type BuildView<V extends CorpusView> = (
  docs: DocExtraction[],
  store: Store,
  corrections: Correction[],
  previous?: V,
  /** The corpus's resolution when it is known already (read back from the store's rows): not computed again. */
  resolved?: Extraction,
) => Promise<V>;

/**
 * The server's view: the read model, its layout reused from the store or moved on from the previous one's, its
 * sentence and document texts read from the store.
 */
export const buildReadModel: BuildView<ReadModel> = (docs, store, corrections, previous, resolved) =>
  ReadModel.build(docs, { get: (key) => store.loadLayout(key), set: (key, record) => store.saveLayout(key, record) }, corrections, {
    ...(previous ? { previous } : {}),
    ...(resolved ? { resolved } : {}),
    texts: store,
  });
/** The CLI's view: resolution only; the server lays out the graph when it next starts. */
export const buildExtractionOnly: BuildView<CorpusView> = async (docs, _store, corrections, _previous, resolved) => ({
  docExtractions: docs,
  extraction: resolved ?? buildExtraction(docs, { corrections }),
});

export interface IngestedDocument {
  id: string;
  title: string;
  /** `created` when stored now, `existing` when the same content was already stored (the id is the content hash). */
  status: "created" | "existing" | "replaced";
}

export interface WriteResult {
  documents: IngestedDocument[];
  change: GraphChange;
}

/** A document that is not stored: a DELETE for it answers 404. */
export class UnknownDocumentError extends Error {
  override name = "UnknownDocumentError";
  constructor(readonly id: string) {
    super(`unknown document: ${id}`);
  }
}

/** A document ready to store, with what the extraction limits cut from it; or why it cannot be stored. */
export type ExtractedInput = { stored: StoredDocument; cuts: string[] } | { input: DocumentInput; refused: RejectedInput };

/**
 * The one place posted text is extracted: in the worker pool when there is one (the server's event loop
 * stays free during a big upload), else on this thread. Extraction is pure, so both give the same result.
 * A text over the limits (extract/limits.ts), or whose extraction ran out of time or memory, is refused on its own.
 */
export async function extractEach(inputs: DocumentInput[], pool?: ExtractionPool): Promise<ExtractedInput[]> {
  const refusals = inputs.map((input) => {
    try {
      checkTextLimits(input.text);
      return undefined;
    } catch (err) {
      if (err instanceof RejectedInput) return err;
      throw err;
    }
  });
  const accepted = inputs.filter((_, i) => !refusals[i]);
  const outcomes = pool ? await pool.extractEach(accepted) : accepted.map((input) => extractBounded(input));
  let next = 0;
  return inputs.map((input, i) => {
    const refused = refusals[i];
    if (refused) return { input, refused };
    const outcome = outcomes[next++]!;
    return "refused" in outcome
      ? { input, refused: outcome.refused }
      : { stored: { input, extraction: outcome.extraction }, cuts: outcome.cuts };
  });
}

/** Every input extracted, or the first refusal thrown: for callers that give only well-formed text (the seeds, tests). */
export async function extractInputs(inputs: DocumentInput[], pool?: ExtractionPool): Promise<StoredDocument[]> {
  return (await extractEach(inputs, pool)).map((e) => {
    if ("refused" in e) throw e.refused;
    return e.stored;
  });
}

const noChange = (): GraphChange => ({
  entities: { added: [], updated: [], removed: [] },
  edges: { added: [], updated: [], removed: [] },
});

interface State<V> {
  view: V;
  byId: Map<string, DocExtraction>;
  derived: Derived;
  version: number;
  corrections: Correction[];
  nextCorrectionId: number;
}

function makeState<V extends CorpusView>(view: V, version: number, log: CorrectionsLog, derived?: Derived): State<V> {
  const byId = new Map(view.docExtractions.map((d) => [d.doc.id, d]));
  return { view, byId, derived: derived ?? deriveRecords(view.extraction), version, ...log };
}

interface CorrectionsLog {
  corrections: Correction[];
  nextCorrectionId: number;
}

/**
 * One write, worked out from the current state (again after a conflict with another process): documents to store
 * and delete, and corrections to add and undo.
 */
export interface WritePlan {
  put: StoredDocument[];
  remove: string[];
  corrections?: { put: Correction[]; remove: number[] };
}

// Another process wrote between our load and our write at most this many times in a row: then give up.
const MAX_CONFLICT_RETRIES = 5;

export class CorpusWriter<V extends CorpusView = ReadModel> {
  private state: State<V>;
  private queue: Promise<unknown> = Promise.resolve();
  /** The layout of the latest write, running after its commit. */
  private settling: Promise<void> = Promise.resolve();

  private constructor(
    readonly store: Store,
    private readonly build: BuildView<V>,
    state: State<V>,
    private readonly pool?: ExtractionPool,
  ) {
    this.state = state;
  }

  /** Loads the corpus from the store: no extraction, only resolution and (for a ReadModel) the graph. */
  static async open<V extends CorpusView = ReadModel>(
    store: Store,
    build: BuildView<V>,
    options: { pool?: ExtractionPool } = {},
  ): Promise<CorpusWriter<V>> {
    return new CorpusWriter(store, build, await CorpusWriter.loadState(store, build), options.pool);
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
   * way); they are deleted in the same transaction, so a rebuild never stores a document twice.
   */
  ingestExtracted(extracted: StoredDocument[], options: { replace?: boolean; supersedes?: string[] } = {}): Promise<WriteResult> {
    return this.serialize(() => this.commitPut(extracted, options.replace ?? false, options.supersedes ?? []));
  }

  /**
   * The documents and what corpus resolution makes of them. When the store's derived rows are complete for this
   * resolver at this version, the resolution is read back from them (store/resolutions.ts): a restart does not
   * resolve the corpus again. Otherwise it is computed, and the rows are rewritten to match, the version kept.
   */
  private static async loadState<V extends CorpusView>(store: Store, build: BuildView<V>, previous?: V): Promise<State<V>> {
    const { documents, version, corrections, nextCorrectionId, derived: stored } = await store.load({ derived: true });
    const log = { corrections, nextCorrectionId };
    const stamp = resolutionStamp();
    if (stored?.complete?.version === version && stored.complete.stamp === stamp) {
      const resolved = extractionFromRows(documents, stored.rows);
      if (resolved) return makeState(await build(documents, store, corrections, previous, resolved), version, log, stored.rows);
    }
    const view = await build(documents, store, corrections, previous);
    const derived = await runInSlices(deriveInSteps(view.extraction));
    const { rows } = await runInSlices(diffInSteps(stored?.rows ?? emptyDerived(), derived));
    try {
      await store.write({ put: [], remove: [], derived: { ...rows, stamp }, expectedVersion: version, keepVersion: true });
    } catch (err) {
      // Another process wrote meanwhile: this state is behind, and the next write here reloads (and rewrites) it.
      if (!(err instanceof StoreConflictError)) throw err;
    }
    return makeState(view, version, log, derived);
  }

  /** Serves `state`, and then the better view its `settle` gives, unless another write replaced it meanwhile. */
  private serve(state: State<V>): void {
    this.state = state;
    const view = state.view;
    const better = view.settle?.() as Promise<V | undefined> | undefined;
    if (!better) return;
    this.settling = better.then(
      (next) => {
        if (next && this.state.view === view) this.state = { ...this.state, view: next };
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
    return this.serialize(async () => {
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
    return this.serialize(async () => {
      if ((await this.store.currentVersion()) === this.state.version) return false;
      this.serve(await CorpusWriter.loadState(this.store, this.build, this.state.view));
      return true;
    });
  }

  /** Resolves once the writes queued so far are done (a clean shutdown waits for it). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
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
    return this.serialize(() => this.commit([], [id]));
  }

  /** Runs writes one after another: each one diffs against the state the previous one left. */
  private serialize<T>(write: () => Promise<T>): Promise<T> {
    const run = this.queue.then(write, write);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commitPut(extracted: StoredDocument[], replace: boolean, supersedes: string[]): Promise<WriteResult> {
    const documents: IngestedDocument[] = [];
    const put = new Map<string, StoredDocument>();
    for (const stored of extracted) {
      const { id, title } = stored.extraction.doc;
      const inStore = this.has(id);
      // The same text twice in one request is one document, as it is across requests.
      if (put.has(id) || (inStore && !replace)) {
        documents.push({ id, title: this.state.byId.get(id)?.doc.title ?? put.get(id)!.extraction.doc.title, status: "existing" });
        continue;
      }
      documents.push({ id, title, status: inStore ? "replaced" : "created" });
      put.set(id, stored);
    }
    const remove = supersedes.filter((id) => this.has(id) && !put.has(id));
    const change = put.size === 0 && remove.length === 0 ? noChange() : await this.commit([...put.values()], remove);
    return { documents, change };
  }

  /** Writes the documents and the derived change; on a conflict with another process, reloads and recomputes. */
  private commit(put: StoredDocument[], remove: string[]): Promise<GraphChange> {
    return this.commitPlan(() => ({ put, remove }));
  }

  /**
   * One write: on a conflict with another process, reloads and works the plan out again. After a second conflict
   * in a row it does so holding the store's write lock (`Store.exclusive`), so a slow writer (the CLI resolving a
   * big batch) is never starved by a quick one (corrections posted while it runs).
   */
  private async commitPlan(plan: () => WritePlan): Promise<GraphChange> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.tryCommit(plan);
      } catch (err) {
        if (!(err instanceof StoreConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw err;
        const reloadAndCommit = async () => {
          this.serve(await CorpusWriter.loadState(this.store, this.build, this.state.view));
          return this.tryCommit(plan);
        };
        if (attempt >= 1 && this.store.exclusive) return this.store.exclusive(reloadAndCommit);
        this.serve(await CorpusWriter.loadState(this.store, this.build, this.state.view));
      }
    }
  }

  private async tryCommit(plan: () => WritePlan): Promise<GraphChange> {
    const { put, remove, corrections } = plan();
    for (const id of remove) if (!this.has(id)) throw new UnknownDocumentError(id);
    const replaced = new Set([...remove, ...put.map((p) => p.extraction.doc.id)]);
    const docs = [...this.state.view.docExtractions.filter((d) => !replaced.has(d.doc.id)), ...put.map((p) => p.extraction)];
    const undone = new Set(corrections?.remove ?? []);
    const log = {
      corrections: [...this.state.corrections.filter((c) => !undone.has(c.id)), ...(corrections?.put ?? [])],
      nextCorrectionId: Math.max(this.state.nextCorrectionId, ...(corrections?.put ?? []).map((c) => c.id + 1)),
    };
    const view = await this.build(docs, this.store, log.corrections, this.state.view);
    // Reads are answered between the steps of a write: the records and their diff run in slices too.
    const derived = await runInSlices(deriveInSteps(view.extraction));
    const next = makeState(view, this.state.version, log, derived);
    const { rows, graph } = await runInSlices(diffInSteps(this.state.derived, next.derived));
    await nextTurn();
    next.version = await this.store.write({
      put,
      remove,
      // The rows before this write were complete (read back or rewritten by loadState): so are they after it.
      derived: { ...rows, stamp: resolutionStamp() },
      expectedVersion: this.state.version,
      ...(corrections ? { corrections } : {}),
    });
    this.serve(next);
    return graph;
  }
}
