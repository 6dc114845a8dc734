// The embedded store: one SQLite file (better-sqlite3), WAL mode, one transaction per write.
// Documents, sentences, mentions and stances are the source of truth; entities, aliases, clusters, edges and
// evidence are derived from them and kept in step by every write (see ./derived.ts).
import Database from "better-sqlite3";

import { contentHash } from "../extract/01-documents.js";
import type { DocumentInput, Edge } from "../types.js";
import type { LayoutRecord } from "../graph/layout.js";
import type { Derived, EntityRecord } from "./derived.js";
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
  evidenceValues,
  factsValue,
  groupRows,
  mentionValues,
  stanceValues,
  toCorrection,
  toDerived,
  toDoc,
  toDocExtraction,
  toInput,
} from "./rows.js";
import { openDatabase } from "./sqlite-schema.js";
import { type DocumentText, type Store, StoreConflictError, type StoreSnapshot, type StoreWrite, type StoredDocument } from "./store.js";

export { StoreFormatError } from "./sqlite-schema.js";

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly writeTransaction;

  constructor(readonly location: string) {
    this.db = openDatabase(location);
    this.statements = this.prepare();
    this.writeTransaction = this.db.transaction((change: StoreWrite) => this.applyWrite(change));
  }

  private prepare() {
    const db = this.db;
    return {
      version: db.prepare("SELECT value FROM meta WHERE key = 'version'").pluck(),
      setVersion: db.prepare("UPDATE meta SET value = ? WHERE key = 'version'"),
      deleteDocument: db.prepare("DELETE FROM documents WHERE id = ?"),
      insertDocument: db.prepare(
        `INSERT INTO documents (id, content_hash, title, input_title, source, date, input_date, author, credit, text)
         VALUES (@id, @content_hash, @title, @input_title, @source, @date, @input_date, @author, @credit, @text)`,
      ),
      insertSentence: db.prepare(
        "INSERT INTO sentences (id, doc_id, idx, start, end, text) VALUES (@id, @docId, @index, @start, @end, @text)",
      ),
      insertMention: db.prepare(
        `INSERT INTO mentions (doc_id, idx, sentence_id, start, end, surface, name, type, role, affiliation, cluster)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertStance: db.prepare(
        `INSERT INTO stances (doc_id, idx, sentence_id, holder, target, stance, cue, confidence, cue_start, cue_end,
           holder_start, holder_end, target_start, target_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deleteEntity: db.prepare("DELETE FROM entities WHERE id = ?"),
      upsertEntity: db.prepare(
        `INSERT INTO entities (id, label, type, roles, affiliations, mentions, documents, facts)
         VALUES (@id, @label, @type, @roles, @affiliations, @mentions, @documents, @facts)
         ON CONFLICT (id) DO UPDATE SET label = excluded.label, type = excluded.type, roles = excluded.roles,
           affiliations = excluded.affiliations, mentions = excluded.mentions, documents = excluded.documents,
           facts = excluded.facts`,
      ),
      deleteAliases: db.prepare("DELETE FROM entity_aliases WHERE entity_id = ?"),
      insertAlias: db.prepare("INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?)"),
      deleteResolution: db.prepare("DELETE FROM resolutions WHERE doc_id = ?"),
      upsertResolution: db.prepare(
        "INSERT INTO resolutions (doc_id, mentions) VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET mentions = excluded.mentions",
      ),
      deleteMeta: db.prepare("DELETE FROM derived_meta WHERE key = ?"),
      upsertMeta: db.prepare("INSERT INTO derived_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
      deleteEdge: db.prepare("DELETE FROM edges WHERE id = ?"),
      upsertEdge: db.prepare(
        `INSERT INTO edges (id, kind, source, target, stance) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, source = excluded.source, target = excluded.target,
           stance = excluded.stance`,
      ),
      deleteEvidence: db.prepare("DELETE FROM evidence WHERE edge_id = ?"),
      insertEvidence: db.prepare(
        `INSERT INTO evidence (edge_id, idx, sentence_id, doc_id, cue, confidence,
           holder_start, holder_end, cue_start, cue_end, target_start, target_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertCorrection: db.prepare("INSERT INTO corrections (id, action, change, author, at, note) VALUES (?, ?, ?, ?, ?, ?)"),
      deleteCorrection: db.prepare("DELETE FROM corrections WHERE id = ?"),
      corrections: db.prepare("SELECT * FROM corrections ORDER BY id"),
      // The next id AUTOINCREMENT would give: above every id ever used, deleted ones included.
      nextCorrectionId: db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'corrections'), 0) + 1").pluck(),
      hasDocument: db.prepare("SELECT 1 FROM documents WHERE id = ?").pluck(),
      // One statement for any number of ids: the list travels as one JSON array.
      sentenceTexts: db.prepare("SELECT id, text FROM sentences WHERE id IN (SELECT value FROM json_each(?))"),
      document: db.prepare("SELECT * FROM documents WHERE id = ?"),
      sentenceStarts: db.prepare("SELECT id, start FROM sentences WHERE doc_id = ?"),
      countDocuments: db.prepare("SELECT count(*) FROM documents").pluck(),
    };
  }

  private insertDocument({ input, extraction }: StoredDocument): void {
    const s = this.statements;
    const { doc, sentences, mentions, stances } = extraction;
    s.insertDocument.run({
      id: doc.id,
      content_hash: contentHash(doc.text),
      title: doc.title,
      input_title: input.title ?? null,
      source: doc.source ?? null,
      date: doc.date ?? null,
      input_date: input.date ?? null,
      author: doc.author ?? null,
      credit: doc.credit ?? null,
      text: doc.text,
    });
    for (const sentence of sentences) s.insertSentence.run(sentence);
    mentions.forEach((m, i) => s.insertMention.run(...mentionValues(doc.id, m, i)));
    stances.forEach((st, i) => s.insertStance.run(...stanceValues(doc.id, st, i)));
  }

  private putEntity(entity: EntityRecord): void {
    const s = this.statements;
    s.upsertEntity.run({
      id: entity.id,
      label: entity.label,
      type: entity.type,
      roles: JSON.stringify(entity.roles),
      affiliations: JSON.stringify(entity.affiliations),
      mentions: entity.mentions,
      documents: entity.documents,
      facts: factsValue(entity),
    });
    s.deleteAliases.run(entity.id);
    for (const alias of entity.aliases) s.insertAlias.run(entity.id, alias);
  }

  private putEdge(edge: Edge): void {
    const s = this.statements;
    s.upsertEdge.run(edge.id, edge.kind, edge.source, edge.target, edge.stance ?? null);
    s.deleteEvidence.run(edge.id);
    edge.evidence.forEach((ev, i) => s.insertEvidence.run(...evidenceValues(edge.id, ev, i)));
  }

  private applyWrite(change: StoreWrite): number {
    const s = this.statements;
    const version = s.version.get() as number;
    if (version !== change.expectedVersion) throw new StoreConflictError(change.expectedVersion, version);
    if (change.keepVersion && (change.put.length > 0 || change.remove.length > 0 || change.corrections)) {
      throw new Error("a write that keeps the version rewrites derived rows only");
    }
    for (const id of change.remove) s.deleteDocument.run(id);
    for (const stored of change.put) {
      s.deleteDocument.run(stored.extraction.doc.id);
      this.insertDocument(stored);
    }
    const { entities, edges, resolutions, applied, stamp } = change.derived;
    for (const id of edges.remove) s.deleteEdge.run(id);
    for (const id of entities.remove) s.deleteEntity.run(id);
    for (const docId of resolutions.remove) s.deleteResolution.run(docId);
    for (const entity of entities.put) this.putEntity(entity);
    for (const [docId, json] of resolutions.put) s.upsertResolution.run(docId, json);
    for (const edge of edges.put) this.putEdge(edge);
    if (applied !== undefined) {
      if (applied) s.upsertMeta.run("applied", applied);
      else s.deleteMeta.run("applied");
    }
    const next = change.keepVersion ? version : version + 1;
    if (stamp) s.upsertMeta.run("complete", JSON.stringify({ version: next, stamp }));
    else s.deleteMeta.run("complete");
    for (const id of change.corrections?.remove ?? []) s.deleteCorrection.run(id);
    for (const c of change.corrections?.put ?? []) {
      const { id, author, at, note, ...rest } = c;
      s.insertCorrection.run(id, c.action, JSON.stringify(rest), author, at, note ?? null);
    }
    if (next !== version) s.setVersion.run(next);
    return next;
  }

  async write(change: StoreWrite): Promise<number> {
    // IMMEDIATE takes the write lock before reading the version, so two processes cannot both pass the check.
    return this.writeTransaction.immediate(change);
  }

  async load(options: { derived?: boolean } = {}): Promise<StoreSnapshot> {
    // One read transaction: the documents and the version come from the same snapshot.
    return this.db.transaction(() => {
      const version = this.statements.version.get() as number;
      const docs = this.db.prepare("SELECT * FROM documents ORDER BY id").all() as DocumentRow[];
      const sentences = groupRows(this.db.prepare("SELECT * FROM sentences ORDER BY doc_id, idx").all() as SentenceRow[]);
      const mentions = groupRows(this.db.prepare("SELECT * FROM mentions ORDER BY doc_id, idx").all() as MentionRow[]);
      const stances = groupRows(this.db.prepare("SELECT * FROM stances ORDER BY doc_id, idx").all() as StanceRow[]);
      const documents = docs.map((row) =>
        toDocExtraction(row, sentences.get(row.id) ?? [], mentions.get(row.id) ?? [], stances.get(row.id) ?? []),
      );
      const corrections = (this.statements.corrections.all() as CorrectionRow[]).map(toCorrection);
      const snapshot: StoreSnapshot = {
        documents,
        version,
        corrections,
        nextCorrectionId: this.statements.nextCorrectionId.get() as number,
      };
      if (options.derived) snapshot.derived = this.readDerived();
      return snapshot;
    })();
  }

  async loadInputs(): Promise<DocumentInput[]> {
    const rows = this.db.prepare("SELECT text, input_title, source, input_date, author FROM documents ORDER BY id").all() as InputRow[];
    return rows.map(toInput);
  }

  async loadDerived(): Promise<Derived> {
    return this.db.transaction(() => this.readDerived().rows)();
  }

  /** The derived rows and their 'complete' mark; inside the caller's transaction. */
  private readDerived(): { rows: Derived; complete?: CompleteMark } {
    const meta = this.db.prepare("SELECT key, value FROM derived_meta").all() as { key: string; value: string }[];
    const rows = toDerived({
      aliases: this.db.prepare("SELECT entity_id, alias FROM entity_aliases").all() as { entity_id: string; alias: string }[],
      entities: this.db.prepare("SELECT * FROM entities ORDER BY id").all() as EntityRow[],
      evidence: this.db.prepare("SELECT * FROM evidence ORDER BY edge_id, idx").all() as EvidenceRow[],
      edges: this.db.prepare("SELECT * FROM edges ORDER BY id").all() as EdgeRow[],
      resolutions: this.db.prepare("SELECT doc_id, mentions FROM resolutions").all() as { doc_id: string; mentions: string }[],
      meta,
    });
    const complete = completeMark(meta);
    return complete ? { rows, complete } : { rows };
  }

  async sentenceTexts(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = this.statements.sentenceTexts.all(JSON.stringify(ids)) as { id: string; text: string }[];
    return new Map(rows.map((r) => [r.id, r.text]));
  }

  async readDocument(id: string): Promise<DocumentText | undefined> {
    return this.db.transaction(() => {
      const row = this.statements.document.get(id) as DocumentRow | undefined;
      if (!row) return undefined;
      const starts = this.statements.sentenceStarts.all(id) as { id: string; start: number }[];
      return { doc: toDoc(row), sentenceStarts: new Map(starts.map((s) => [s.id, s.start])) };
    })();
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.statements.hasDocument.get(id) !== undefined;
  }

  async currentVersion(): Promise<number> {
    return this.statements.version.get() as number;
  }

  async countDocuments(): Promise<number> {
    return this.statements.countDocuments.get() as number;
  }

  async loadLayout(key: string): Promise<LayoutRecord | undefined> {
    const row = this.db.prepare("SELECT positions FROM layouts WHERE key = ?").pluck().get(key) as string | undefined;
    return row === undefined ? undefined : (JSON.parse(row) as LayoutRecord);
  }

  /** Keeps only the latest layout: an older one belongs to a graph the store no longer holds. */
  async saveLayout(key: string, record: LayoutRecord): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM layouts").run();
      this.db.prepare("INSERT INTO layouts (key, positions) VALUES (?, ?)").run(key, JSON.stringify(record));
    })();
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = await work();
      this.db.exec("COMMIT");
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw err;
    }
  }

  /** `PRAGMA integrity_check` and `foreign_key_check`: "ok" when the file and every reference are sound. */
  checkIntegrity(): string {
    const integrity = this.db.pragma("integrity_check", { simple: true }) as string;
    const dangling = this.db.pragma("foreign_key_check") as unknown[];
    return integrity === "ok" && dangling.length === 0 ? "ok" : `${integrity}; ${dangling.length} dangling references`;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
