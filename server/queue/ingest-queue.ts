// The ingest queue (table ingest_queue, in the PostgreSQL store's database): `npm run ingest -- --queue` adds
// documents, `npm run worker` processes claim them in batches. A claim is a lease: the row stays claimed until
// claimed_until, which the worker renews while it extracts; a worker that dies lets it lapse, and the next claim
// takes the row over. Rows leave the queue ('done' or 'refused') in the transaction that stores their documents.
import type pg from "pg";

import type { DocumentInput } from "../types.js";

export interface QueuedDocument {
  id: number;
  input: DocumentInput;
  attempts: number;
}

/** What became of one claimed row: stored (or already stored) as `docId`, or refused with a reason. */
export type QueueOutcome = { id: number; docId: string } | { id: number; refused: string };

/** The worker's claim on a row lapsed and another worker took it: this batch's commit is rolled back. */
export class ClaimLostError extends Error {
  override name = "ClaimLostError";
}

// A row whose worker died this many times in a row (a document that crashes extraction) is refused, not retried.
export const MAX_ATTEMPTS = 5;

interface QueueRow {
  id: string;
  title: string | null;
  text: string;
  source: string | null;
  date: string | null;
  author: string | null;
  attempts: number;
}

const toInput = (row: QueueRow): DocumentInput => {
  const input: DocumentInput = { text: row.text };
  if (row.title !== null) input.title = row.title;
  if (row.source !== null) input.source = row.source;
  if (row.date !== null) input.date = row.date;
  if (row.author !== null) input.author = row.author;
  return input;
};

export class IngestQueue {
  constructor(private readonly pool: pg.Pool) {}

  /** Adds the documents at the end of the queue; returns how many were added. */
  async enqueue(inputs: DocumentInput[]): Promise<number> {
    const CHUNK = 500;
    for (let i = 0; i < inputs.length; i += CHUNK) {
      const chunk = inputs.slice(i, i + CHUNK);
      const column = (key: keyof DocumentInput) => chunk.map((input) => input[key] ?? null);
      await this.pool.query(
        `INSERT INTO ingest_queue (title, text, source, date, author)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
        [column("title"), column("text"), column("source"), column("date"), column("author")],
      );
    }
    return inputs.length;
  }

  /**
   * Claims up to `limit` waiting rows for `worker` for `leaseMs`: rows nobody holds, or whose holder's lease
   * lapsed. SKIP LOCKED: two workers claiming at once take different rows instead of waiting for each other.
   */
  async claim(worker: string, limit: number, leaseMs: number): Promise<QueuedDocument[]> {
    await this.pool.query(
      `UPDATE ingest_queue SET state = 'refused', error = $1, done_at = now()
       WHERE state = 'queued' AND attempts >= $2 AND claimed_until < now()`,
      [`extraction did not finish in ${MAX_ATTEMPTS} attempts (its worker died each time)`, MAX_ATTEMPTS],
    );
    const { rows } = await this.pool.query<QueueRow>(
      `UPDATE ingest_queue SET claimed_by = $1, claimed_until = now() + $3 * interval '1 millisecond', attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM ingest_queue
         WHERE state = 'queued' AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY id LIMIT $2
         FOR UPDATE SKIP LOCKED)
       RETURNING id, title, text, source, date, author, attempts`,
      [worker, limit, leaseMs],
    );
    return rows.map((row) => ({ id: Number(row.id), input: toInput(row), attempts: row.attempts })).sort((a, b) => a.id - b.id);
  }

  /** Extends the worker's lease on the rows it still holds. */
  async renew(worker: string, ids: number[], leaseMs: number): Promise<void> {
    await this.pool.query(
      `UPDATE ingest_queue SET claimed_until = now() + $3 * interval '1 millisecond'
       WHERE id = ANY($2::bigint[]) AND claimed_by = $1 AND state = 'queued'`,
      [worker, ids, leaseMs],
    );
  }

  /**
   * Marks the rows done or refused inside `client`'s transaction (the one that stores their documents). Throws
   * ClaimLostError, so that the transaction rolls back, when another worker took any of them over.
   */
  static async finish(client: pg.ClientBase, worker: string, outcomes: QueueOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const result = await client.query(
      `UPDATE ingest_queue q SET state = v.state, doc_id = v.doc_id, error = v.error, done_at = now()
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS v(id, state, doc_id, error)
       WHERE q.id = v.id AND q.claimed_by = $1 AND q.state = 'queued'`,
      [
        worker,
        outcomes.map((o) => o.id),
        outcomes.map((o) => ("docId" in o ? "done" : "refused")),
        outcomes.map((o) => ("docId" in o ? o.docId : null)),
        outcomes.map((o) => ("refused" in o ? o.refused : null)),
      ],
    );
    if (result.rowCount !== outcomes.length) {
      throw new ClaimLostError(`${outcomes.length - (result.rowCount ?? 0)} of ${outcomes.length} rows were taken over by another worker`);
    }
  }

  /** Rows by state, for progress lines and the end-of-queue check. */
  async counts(): Promise<{ queued: number; done: number; refused: number }> {
    const { rows } = await this.pool.query<{ state: string; n: number }>(
      "SELECT state, count(*)::int AS n FROM ingest_queue GROUP BY state",
    );
    const counts = { queued: 0, done: 0, refused: 0 };
    for (const row of rows) counts[row.state as keyof typeof counts] = row.n;
    return counts;
  }
}
