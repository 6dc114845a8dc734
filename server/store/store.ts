// The persistent corpus, behind one small async interface with nothing backend-specific in it.
// SQLite (./sqlite.ts) is the embedded default; a PostgreSQL backend implements the same interface
// (see README, "Store and ingest"). Neither the extractor nor the API knows which one runs.
import type { Correction, Doc, DocExtraction, DocumentInput } from "../types.js";
import type { Derived, DerivedChange } from "./derived.js";
import type { CompleteMark } from "./rows.js";

/** A document to store: what was given (re-extraction starts from it) and what extraction made of it. */
import type { LayoutRecord } from "../graph/layout.js";

export interface StoredDocument {
  input: DocumentInput;
  extraction: DocExtraction;
}

/**
 * One write, applied in a single transaction: every document in `put` is stored with all its sentences,
 * mentions and stances (replacing a stored document with the same id), every id in `remove` is deleted
 * with its rows, and the derived rows are updated by `derived`.
 */
export interface StoreWrite {
  put: StoredDocument[];
  remove: string[];
  derived: DerivedChange;
  /**
   * The version the writer's derived records were computed from. Another writer (a second server, the
   * ingest CLI) may have written since: the store then refuses with StoreConflictError and the writer reloads.
   */
  expectedVersion: number;
  /** Corrections to store (with the ids the writer gave them) and ids of corrections to delete (undo). */
  corrections?: { put: Correction[]; remove: number[] };
  /**
   * Only the derived rows are rewritten (after the resolver changed): the documents are as they were, so the version
   * stays and no other process needs to reload. `put` and `remove` must be empty.
   */
  keepVersion?: boolean;
}

/** A stored document with where each of its sentences starts in its text. */
export interface DocumentText {
  doc: Doc;
  sentenceStarts: Map<string, number>;
}

export interface StoreSnapshot {
  documents: DocExtraction[];
  version: number;
  /** The corrections log, by id; applied after resolution whenever the graph is built. */
  corrections: Correction[];
  /** The id the next correction gets: above every id ever given, undone ones included. */
  nextCorrectionId: number;
  /** With `load({ derived: true })`: the derived rows, read in the same snapshot, and for what they are complete. */
  derived?: { rows: Derived; complete?: CompleteMark };
}

export interface Store {
  /** A human-readable location for messages: a file path or a database URL without its password. */
  readonly location: string;
  /** Applies the write atomically and returns the new version. */
  write(change: StoreWrite): Promise<number>;
  /** Every stored document's extraction, sorted by id, and the version they belong to (and the derived rows). */
  load(options?: { derived?: boolean }): Promise<StoreSnapshot>;
  /** The inputs of the stored documents, for re-extraction after the extractor improves. */
  loadInputs(): Promise<DocumentInput[]>;
  /** The derived rows as stored: entities, edges, resolutions (checks and tools; the writer reads them with `load`). */
  loadDerived(): Promise<Derived>;
  /** The texts of these sentences by id, primary-key lookups: the read side keeps no copy of them. */
  sentenceTexts(ids: readonly string[]): Promise<Map<string, string>>;
  /** One stored document, its text included, and where each of its sentences starts (GET /api/documents/:id). */
  readDocument(id: string): Promise<DocumentText | undefined>;
  hasDocument(id: string): Promise<boolean>;
  countDocuments(): Promise<number>;
  /** The version number every write bumps: a reader that sees it change knows another process wrote. */
  currentVersion(): Promise<number>;
  /** A layout computed earlier for the graph with this key (graph/layout.ts layoutKeyInSteps), if kept. */
  loadLayout(key: string): Promise<LayoutRecord | undefined>;
  saveLayout(key: string, record: LayoutRecord): Promise<void>;
  /**
   * Runs `work` holding the write lock, so that no other process writes in between: a writer that keeps losing the
   * version check reloads, recomputes and writes inside it. Other writers wait (SQLite: up to the busy timeout).
   */
  exclusive?<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Calls `onChange` with the new version whenever a write commits, in any process (PostgreSQL: LISTEN/NOTIFY).
   * Resolves to a function that stops it. Absent where only polling `currentVersion` sees other processes' writes.
   */
  subscribe?(onChange: (version: number) => void, onError?: (err: Error) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The store changed since the writer loaded it: reload and try again. */
export class StoreConflictError extends Error {
  override name = "StoreConflictError";
  constructor(expected: number, actual: number) {
    super(`store is at version ${actual}, the write expected ${expected}`);
  }
}
