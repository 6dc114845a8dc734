// The write side's state: the view a set of documents builds (the server's read model, or the CLI's resolution
// alone) and what the writer keeps beside it, loaded from the store: read back from its derived rows when they are
// complete, else resolved and the rows rewritten. corpus-writer.ts moves it on by writes.
import { ReadModel } from "./read/model.js";
import { buildExtraction } from "./extract/index.js";
import {
  type Derived,
  type DerivedChange,
  type GraphChange,
  deriveInSteps,
  deriveRecords,
  diffInSteps,
  emptyDerived,
} from "./store/derived.js";
import { extractionFromRows, resolutionStamp } from "./store/resolutions.js";
import {
  type ProvisionalRemoval,
  type ProvisionalWrite,
  composeChanges,
  nameIndexInSteps,
  provisionalExtractionInSteps,
  provisionalRemovalInSteps,
} from "./provisional.js";
import { runInSlices } from "./slices.js";
import { type Store, StoreConflictError, type StoredDocument } from "./store/store.js";
import type { Correction, DocExtraction, Extraction } from "./types.js";

/** What the service rebuilds after every write: the server needs a full ReadModel, the CLI only the extraction. */
export interface CorpusView {
  readonly docExtractions: DocExtraction[];
  readonly extraction: Extraction;
  /** Once served after a write: work ahead for the next one (the server's spare copy of its graph, read/model.ts). */
  prepareSpare?(minEdges?: number): void;
  /**
   * Replaced where it was served, or never served: the work ahead is given up, and what it holds may be reused once
   * nobody reads it (read/model.ts).
   */
  retire?(): void;
  /** Made on the way to the next version, never served nor read: that one may change its graph (read/model.ts). */
  passOn?(): void;
  /** Work left after the write is committed (the server's layout): the better view, served once it is ready. */
  settle?(stillServed: () => boolean): Promise<CorpusView | undefined>;
  /**
   * This view with documents added and resolved provisionally, moved on rather than built again (the server's
   * read model); without it, a provisional write builds the view from all documents.
   */
  withAdded?(docs: DocExtraction[], provisional: ProvisionalWrite, corrections: Correction[]): Promise<CorpusView>;
  /** This view without documents, removed provisionally (the server's read model), like `withAdded`. */
  withRemoved?(docs: DocExtraction[], removal: ProvisionalRemoval, corrections: Correction[]): Promise<CorpusView>;
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
  /** Work that may be given up (the resolution after a provisional write, when another write arrives). */
  signal?: AbortSignal,
) => Promise<V>;

/**
 * The server's view: the read model, its layout reused from the store or moved on from the previous one's, its
 * sentence and document texts read from the store.
 */
export const buildReadModel: BuildView<ReadModel> = (docs, store, corrections, previous, resolved, signal) =>
  ReadModel.build(docs, { get: (key) => store.loadLayout(key), set: (key, record) => store.saveLayout(key, record) }, corrections, {
    ...(previous ? { previous } : {}),
    ...(resolved ? { resolved } : {}),
    ...(signal ? { signal } : {}),
    texts: store,
  });
/** The CLI's view: resolution only; the server lays out the graph when it next starts. */
export const buildExtractionOnly: BuildView<CorpusView> = async (docs, _store, corrections, _previous, resolved) => ({
  docExtractions: docs,
  extraction: resolved ?? buildExtraction(docs, { corrections }),
});

export const noChange = (): GraphChange => ({
  entities: { added: [], updated: [], removed: [] },
  edges: { added: [], updated: [], removed: [] },
});

export interface State<V> {
  view: V;
  byId: Map<string, DocExtraction>;
  derived: Derived;
  version: number;
  corrections: Correction[];
  nextCorrectionId: number;
}

export function makeState<V extends CorpusView>(view: V, version: number, log: CorrectionsLog, derived?: Derived): State<V> {
  const byId = new Map(view.docExtractions.map((d) => [d.doc.id, d]));
  return { view, byId, derived: derived ?? deriveRecords(view.extraction), version, ...log };
}

export interface CorrectionsLog {
  corrections: Correction[];
  nextCorrectionId: number;
}

/**
 * The documents and what corpus resolution makes of them. When the store's derived rows are complete for this
 * resolver at this version, the resolution is read back from them (store/resolutions.ts): a restart does not
 * resolve the corpus again. Otherwise it is computed, and the rows are rewritten to match, the version kept.
 */
export async function loadState<V extends CorpusView>(store: Store, build: BuildView<V>, previous?: V): Promise<State<V>> {
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

/** A write's derived part that changes no row and clears the 'complete' mark. */
export const noDerivedChange = (): DerivedChange => ({
  entities: { put: [], remove: [] },
  edges: { put: [], remove: [] },
  resolutions: { put: [], remove: [] },
});

/**
 * The view after a write that only removes and adds documents, resolved provisionally (provisional.ts): the removal
 * first, then the documents added. Moved on from `previous` when it can be (the server's read model), else built
 * from the provisional corpus. With what the write changed, as the client sees it.
 */
export async function provisionalView<V extends CorpusView>(
  previous: V,
  write: { put: StoredDocument[]; remove: string[] },
  docs: DocExtraction[],
  corrections: Correction[],
  build: (resolved: Extraction) => Promise<V>,
): Promise<{ view: V; change: GraphChange }> {
  await runInSlices(nameIndexInSteps(previous.extraction));
  const moves = previous.withAdded !== undefined && previous.withRemoved !== undefined;
  let view: CorpusView = previous;
  let extraction = previous.extraction;
  let change = noChange();
  if (write.remove.length > 0) {
    const removal = await runInSlices(provisionalRemovalInSteps(extraction, write.remove));
    ({ extraction, change } = removal);
    if (moves) view = await view.withRemoved!(docs, removal, corrections);
  }
  if (write.put.length > 0) {
    const added = await runInSlices(
      provisionalExtractionInSteps(
        extraction,
        write.put.map((p) => p.extraction),
      ),
    );
    extraction = added.extraction;
    change = composeChanges(change, added.change);
    if (moves) {
      const removed = view === previous ? undefined : view;
      removed?.passOn?.(); // never served: the addition changes its graph rather than a copy
      view = await view.withAdded!(docs, added, corrections);
      removed?.retire?.(); // the batch's removal, never served: the addition was made from it
    }
  }
  return { view: moves ? (view as V) : await build(extraction), change };
}
