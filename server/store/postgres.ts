// The PostgreSQL store: the same tables and the same semantics as the SQLite store, for a corpus that several
// servers and ingest workers share. Every write is one transaction that takes an advisory lock, checks the version
// and bumps it, and notifies CHANGES_CHANNEL on commit, which servers LISTEN to (see store-watch.ts).
import { AsyncLocalStorage } from "node:async_hooks";

import type pg from "pg";

import type { LayoutRecord } from "../graph/layout.js";
import type { DocumentInput } from "../types.js";
import type { Derived } from "./derived.js";
import { lazyRequire } from "../lazy.js";
import { CHANGES_CHANNEL, WRITE_LOCK, migrate } from "./postgres-schema.js";
import { insertDocuments, writeCorrections, writeDerived } from "./postgres-write.js";
import {
  type CompleteMark,
  type CorrectionRow,
  type DocumentRow,
  type EdgeRow,
  type EntityRow,
  type EvidenceRow,
  type InputRow,
  type MentionRow,
  type SentenceRow,
  type StanceRow,
  completeMark,
  groupRows,
  toCorrection,
  toDerived,
  toDoc,
  toDocExtraction,
  toInput,
} from "./rows.js";
import { type DocumentText, type Store, StoreConflictError, type StoreSnapshot, type StoreWrite } from "./store.js";

/** The `pg` client, loaded when a PostgreSQL store is opened. */
const postgres = lazyRequire<typeof pg>("pg");

/** A `postgres://` or `postgresql://` URL: the store is then PostgreSQL rather than an SQLite file. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The URL for messages: its password left out. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, "@");
  }
}

/** Runs inside a write's transaction, before its commit: the ingest queue marks its rows done there. */
export type WriteHook = (client: pg.PoolClient) => Promise<void>;

const C = 'COLLATE "C"'; // Ids sort by code point, as SQLite sorts them, whatever the database's collation.

/** The derived rows and their 'complete' mark, in the caller's snapshot. */
async function readDerived(client: pg.PoolClient): Promise<{ rows: Derived; complete?: CompleteMark }> {
  const all = async <R extends pg.QueryResultRow>(sql: string) => (await client.query<R>(sql)).rows;
  const meta = await all<{ key: string; value: string }>("SELECT key, value FROM derived_meta");
  const rows = toDerived({
    aliases: await all<{ entity_id: string; alias: string }>("SELECT entity_id, alias FROM entity_aliases"),
    entities: await all<EntityRow>(`SELECT * FROM entities ORDER BY id ${C}`),
    evidence: await all<EvidenceRow>(`SELECT * FROM evidence ORDER BY edge_id ${C}, idx`),
    edges: await all<EdgeRow>(`SELECT * FROM edges ORDER BY id ${C}`),
    resolutions: await all<{ doc_id: string; mentions: string }>("SELECT doc_id, mentions FROM resolutions"),
    meta,
  });
  const complete = completeMark(meta);
  return complete ? { rows, complete } : { rows };
}

export class PgStore implements Store {
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly ready: Promise<void>;
  /** The connection `exclusive` holds its lock on: writes inside it go through that connection. */
  private readonly held = new AsyncLocalStorage<pg.PoolClient>();
  private readonly hooks = new AsyncLocalStorage<WriteHook>();
  private readonly listeners = new Set<pg.Client>();

  constructor(private readonly url: string) {
    this.location = withoutPassword(url);
    this.pool = new (postgres().Pool)({ connectionString: url, max: Number(process.env.PG_POOL_SIZE || 4) });
    // An idle connection the server dropped (a restart): the pool replaces it; the next query says what went wrong.
    this.pool.on("error", (err) => console.error(`${this.location}: ${err.message}`));
    // A connection lost while checked out fails its query (the caller hears of it); without a listener its 'error'
    // event would also end the process.
    this.pool.on("connect", (client) => client.on("error", () => undefined));
    this.ready = this.pool.connect().then(async (client) => {
      try {
        await migrate(client, this.location);
      } finally {
        client.release();
      }
    });
    // Reported by the first call that awaits it, not as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /** The connection pool once the schema is in place: for the ingest queue, which lives in the same database. */
  async connection(): Promise<pg.Pool> {
    await this.ready;
    return this.pool;
  }

  /** Runs `work` in a transaction of its own (the ingest queue's bookkeeping when a batch stores nothing). */
  transact<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.transaction("BEGIN", work);
  }

  private async transaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>, held?: pg.PoolClient): Promise<T> {
    await this.ready;
    const client = held ?? (await this.pool.connect());
    // A connection that cannot even roll back is broken: the pool drops it instead of handing it out again.
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch((rollback: Error) => (broken = rollback));
      throw err;
    } finally {
      if (!held) client.release(broken);
    }
  }

  /** One REPEATABLE READ snapshot: what it reads belongs to one version. */
  private snapshot<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
  }

  private async rows<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(text, values)).rows;
  }

  /** Runs `work`; each write it makes also runs `hook` in that write's transaction (again if the write is retried). */
  withWriteHook<T>(hook: WriteHook, work: () => Promise<T>): Promise<T> {
    return this.hooks.run(hook, work);
  }

  write(change: StoreWrite): Promise<number> {
    const hook = this.hooks.getStore();
    return this.transaction(
      "BEGIN",
      async (client) => {
        // The lock first: the version read after it is the latest, and no other writer gets between read and bump.
        await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
        const version = (await client.query<{ value: number }>("SELECT value FROM meta WHERE key = 'version'")).rows[0]!.value;
        if (version !== change.expectedVersion) throw new StoreConflictError(change.expectedVersion, version);
        if (change.keepVersion && (change.put.length > 0 || change.remove.length > 0 || change.corrections)) {
          throw new Error("a write that keeps the version rewrites derived rows only");
        }
        const next = change.keepVersion ? version : version + 1;
        const replaced = [...change.remove, ...change.put.map((p) => p.extraction.doc.id)];
        if (replaced.length > 0) await client.query("DELETE FROM documents WHERE id = ANY($1)", [replaced]);
        await insertDocuments(client, change.put);
        await writeDerived(client, change.derived, next);
        if (change.corrections) await writeCorrections(client, change.corrections);
        await hook?.(client);
        if (next === version) return version;
        await client.query("UPDATE meta SET value = $1 WHERE key = 'version'", [next]);
        // Delivered to the listeners when (and only if) the transaction commits.
        await client.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, String(next)]);
        return next;
      },
      this.held.getStore(),
    );
  }

  load(options: { derived?: boolean } = {}): Promise<StoreSnapshot> {
    return this.snapshot(async (client) => {
      const all = async <R extends pg.QueryResultRow>(sql: string) => (await client.query<R>(sql)).rows;
      const version = (await all<{ value: number }>("SELECT value FROM meta WHERE key = 'version'"))[0]!.value;
      const docs = await all<DocumentRow>(`SELECT * FROM documents ORDER BY id ${C}`);
      const sentences = groupRows(await all<SentenceRow>("SELECT * FROM sentences ORDER BY doc_id, idx"));
      const mentions = groupRows(await all<MentionRow>("SELECT * FROM mentions ORDER BY doc_id, idx"));
      const stances = groupRows(await all<StanceRow>("SELECT * FROM stances ORDER BY doc_id, idx"));
      const documents = docs.map((row) =>
        toDocExtraction(row, sentences.get(row.id) ?? [], mentions.get(row.id) ?? [], stances.get(row.id) ?? []),
      );
      const corrections = (await all<CorrectionRow>("SELECT * FROM corrections ORDER BY id")).map(toCorrection);
      const next = await all<{ value: number }>("SELECT value FROM meta WHERE key = 'next_correction_id'");
      const snapshot: StoreSnapshot = { documents, version, corrections, nextCorrectionId: next[0]!.value };
      if (options.derived) snapshot.derived = await readDerived(client);
      return snapshot;
    });
  }

  async loadInputs(): Promise<DocumentInput[]> {
    const rows = await this.rows<InputRow>(`SELECT text, input_title, source, input_date, author FROM documents ORDER BY id ${C}`);
    return rows.map(toInput);
  }

  loadDerived(): Promise<Derived> {
    return this.snapshot(async (client) => (await readDerived(client)).rows);
  }

  async sentenceTexts(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.rows<{ id: string; text: string }>("SELECT id, text FROM sentences WHERE id = ANY($1)", [ids]);
    return new Map(rows.map((r) => [r.id, r.text]));
  }

  async readDocument(id: string): Promise<DocumentText | undefined> {
    return this.snapshot(async (client) => {
      const [row] = (await client.query<DocumentRow>("SELECT * FROM documents WHERE id = $1", [id])).rows;
      if (!row) return undefined;
      const starts = (await client.query<{ id: string; start: number }>("SELECT id, start FROM sentences WHERE doc_id = $1", [id])).rows;
      return { doc: toDoc(row), sentenceStarts: new Map(starts.map((s) => [s.id, s.start])) };
    });
  }

  async hasDocument(id: string): Promise<boolean> {
    return (await this.rows("SELECT 1 FROM documents WHERE id = $1", [id])).length > 0;
  }

  async countDocuments(): Promise<number> {
    return (await this.rows<{ n: number }>("SELECT count(*)::int AS n FROM documents"))[0]!.n;
  }

  async currentVersion(): Promise<number> {
    return (await this.rows<{ value: number }>("SELECT value FROM meta WHERE key = 'version'"))[0]!.value;
  }

  /** Whether the derived rows are complete for this resolver at the current version, without loading them. */
  async derivedComplete(stamp: string): Promise<boolean> {
    const meta = await this.rows<{ key: string; value: string }>("SELECT key, value FROM derived_meta WHERE key = 'complete'");
    const mark = completeMark(meta);
    return mark?.stamp === stamp && mark.version === (await this.currentVersion());
  }

  async loadLayout(key: string): Promise<LayoutRecord | undefined> {
    const rows = await this.rows<{ positions: string }>("SELECT positions FROM layouts WHERE key = $1", [key]);
    return rows[0] === undefined ? undefined : (JSON.parse(rows[0].positions) as LayoutRecord);
  }

  /** Keeps only the latest layout: an older one belongs to a graph the store no longer holds. */
  async saveLayout(key: string, record: LayoutRecord): Promise<void> {
    await this.transaction("BEGIN", async (client) => {
      await client.query("DELETE FROM layouts");
      await client.query("INSERT INTO layouts (key, positions) VALUES ($1, $2)", [key, JSON.stringify(record)]);
    });
  }

  /** Holds the write lock (a session advisory lock) while `work` runs; its writes go through the same connection. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    // Already inside: the lock is held (another session's lock request would wait on it for ever).
    if (this.held.getStore()) return work();
    await this.ready;
    const client = await this.pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [WRITE_LOCK]);
      try {
        return await this.held.run(client, work);
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [WRITE_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  /**
   * Calls `onChange` with the new version after every committed write, from any process (LISTEN on its own
   * connection). Resolves to a function that stops listening.
   */
  async subscribe(onChange: (version: number) => void, onError?: (err: Error) => void): Promise<() => Promise<void>> {
    await this.ready;
    const client = new (postgres().Client)({ connectionString: this.url });
    client.on("error", (err) => (onError ?? console.error)(err));
    client.on("notification", (n) => {
      if (n.channel === CHANGES_CHANNEL) onChange(Number(n.payload));
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    this.listeners.add(client);
    return async () => {
      if (this.listeners.delete(client)) await client.end();
    };
  }

  /** The database's size on disk, for the ingest summary. */
  async sizeBytes(): Promise<number> {
    return Number((await this.rows<{ n: string }>("SELECT pg_database_size(current_database()) AS n"))[0]!.n);
  }

  /** "ok" when every derived row points at something (the foreign keys make sure of it; this checks they did). */
  async checkIntegrity(): Promise<string> {
    const [row] = await this.rows<{ n: number }>(
      `SELECT ((SELECT count(*) FROM resolutions r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.doc_id))
        + (SELECT count(*) FROM edges g WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = g.source)
                                           OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = g.target))
        + (SELECT count(*) FROM evidence v WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = v.sentence_id)))::int AS n`,
    );
    return row!.n === 0 ? "ok" : `${row!.n} dangling references`;
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((c) => c.end()));
    this.listeners.clear();
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }
}
