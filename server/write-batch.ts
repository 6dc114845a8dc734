// Writes that wait for their turn together are committed together: while one write resolves the corpus, the posts
// and deletes queued behind it join one batch, and the batch costs one resolution instead of one each. A batch is
// the sum of its requests applied in arrival order, and every request is answered with its own documents. Also the
// words of one write that corpus-writer.ts takes and gives: its plan, its result, a delete of an unknown document.
import type { GraphChange } from "./store/derived.js";
import type { StoredDocument } from "./store/store.js";
import type { Correction } from "./types.js";

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

/**
 * One write, worked out from the current state (again after a conflict with another process): documents to store
 * and delete, and corrections to add and undo.
 */
export interface WritePlan {
  put: StoredDocument[];
  remove: string[];
  corrections?: { put: Correction[]; remove: number[] };
}

/** One queued request: documents to store, or one document to delete. */
export type BatchOp = { kind: "put"; extracted: StoredDocument[] } | { kind: "remove"; id: string };

export interface IngestedDocument {
  id: string;
  title: string;
  /** `created` when stored now, `existing` when the same content was already stored (the id is the content hash). */
  status: "created" | "existing" | "replaced";
}

/** What one request of the batch comes to: its documents' statuses, or (a delete of an unknown id) its failure. */
export type OpOutcome = { documents: IngestedDocument[] } | { unknown: string };

export interface BatchPlan {
  put: StoredDocument[];
  remove: string[];
  outcomes: OpOutcome[];
}

/** What the store holds before the batch: whether an id is stored, and its title. */
export interface StoredTitles {
  has(id: string): boolean;
  title(id: string): string | undefined;
}

// A batch stops growing at this many documents: the resolution of a bigger one holds the requests in it too long.
export const MAX_BATCH_DOCUMENTS = 100;

/** The open batch, still taking requests: ids it touches, so that a request that depends on another waits. */
export class OpenBatch {
  readonly ops: BatchOp[] = [];
  private readonly puts = new Set<string>();
  private readonly removes = new Set<string>();
  private documents = 0;

  /**
   * Whether `op` can join: a delete of a document this batch stores or deletes, or a post of one it deletes, goes
   * in the next batch, so that each request sees the ones before it committed.
   */
  accepts(op: BatchOp): boolean {
    if (this.documents >= MAX_BATCH_DOCUMENTS) return false;
    if (op.kind === "remove") return !this.puts.has(op.id) && !this.removes.has(op.id);
    return op.extracted.every((s) => !this.removes.has(s.extraction.doc.id));
  }

  add(op: BatchOp): void {
    this.ops.push(op);
    if (op.kind === "remove") {
      this.removes.add(op.id);
      this.documents++;
      return;
    }
    for (const s of op.extracted) this.puts.add(s.extraction.doc.id);
    this.documents += op.extracted.length;
  }
}

/**
 * The one write a batch comes to. A text already stored, or posted earlier in the batch, is `existing` (unless
 * `replace`); a delete of an id that is not stored fails on its own; `supersedes` (the CLI's rebuild) lists stored
 * ids deleted in the same write.
 */
export function planBatch(ops: BatchOp[], stored: StoredTitles, options: { replace?: boolean; supersedes?: string[] } = {}): BatchPlan {
  const put = new Map<string, StoredDocument>();
  const remove: string[] = [];
  const outcomes = ops.map((op): OpOutcome => {
    if (op.kind === "remove") {
      if (!stored.has(op.id)) return { unknown: op.id };
      remove.push(op.id);
      return { documents: [] };
    }
    const documents: IngestedDocument[] = [];
    for (const s of op.extracted) {
      const { id, title } = s.extraction.doc;
      const inStore = stored.has(id);
      // The same text twice is one document, in one request or across the requests of a batch.
      if (put.has(id) || (inStore && !options.replace)) {
        documents.push({ id, title: stored.title(id) ?? put.get(id)!.extraction.doc.title, status: "existing" });
        continue;
      }
      documents.push({ id, title, status: inStore ? "replaced" : "created" });
      put.set(id, s);
    }
    return { documents };
  });
  for (const id of options.supersedes ?? []) if (stored.has(id) && !put.has(id)) remove.push(id);
  return { put: [...put.values()], remove, outcomes };
}

/** How many writes under way or queued store each id. */
export class IdCounts {
  private readonly counts = new Map<string, number>();
  add(ids: string[]): void {
    for (const id of ids) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }
  delete(ids: string[]): void {
    for (const id of ids) {
      const n = (this.counts.get(id) ?? 0) - 1;
      if (n > 0) this.counts.set(id, n);
      else this.counts.delete(id);
    }
  }
  has(id: string): boolean {
    return this.counts.has(id);
  }
}
