// The SQLite store's file: its schema, numbered migrations (PRAGMA user_version) and how a file is opened, or
// refused with a reason when it is not one of our stores.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

import Database from "better-sqlite3";

import { EDGE_KINDS, ENTITY_TYPES, STANCES } from "../types.js";

const SCHEMA_VERSION = 5;

// Version 2 adds the layout cache: positions computed for a graph, by the key of that graph (graph/layout.ts).
const LAYOUTS = `CREATE TABLE IF NOT EXISTS layouts (key TEXT PRIMARY KEY, positions TEXT NOT NULL) STRICT;`;

// Version 4 adds the analysts' corrections (server/corrections/): one row per decision, the change itself as JSON.
// AUTOINCREMENT: an undone correction's id is never given to another, so "undo #7" means one thing.
const CORRECTIONS = `CREATE TABLE IF NOT EXISTS corrections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  action TEXT NOT NULL,
  change TEXT NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT
) STRICT;`;

// Version 5 keeps what each document's mentions resolved to (store/resolutions.ts) in place of the cluster table,
// which a cluster key shared by two documents made lossy, and an entity's facts (ambiguous, event): with them the
// stored rows give back the whole resolution, and a server starts from them. `derived_meta` says for which resolver
// and store version the rows are complete ('complete'), and holds what the corrections did ('applied').
const V5 = `
DROP VIEW IF EXISTS resolved_mentions;
DROP TABLE IF EXISTS clusters;
ALTER TABLE entities ADD COLUMN facts TEXT;
CREATE TABLE resolutions (
  doc_id TEXT PRIMARY KEY REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
  mentions TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE derived_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
-- Each kept mention with the entity it resolves to, for anyone querying the file directly.
CREATE VIEW resolved_mentions AS
  SELECT m.*, json_extract(j.value, '$[3]') AS entity_id
  FROM mentions m JOIN resolutions r ON r.doc_id = m.doc_id, json_each(r.mentions) j
  WHERE json_extract(j.value, '$[0]') = m.sentence_id AND json_extract(j.value, '$[1]') = m.start
    AND json_extract(j.value, '$[2]') = m.end;
`;

const oneOf = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

// Foreign keys from derived rows are DEFERRABLE: one write may remove an entity and re-point its clusters
// and edges in any order, and replace a document whose sentences evidence still cites; the commit checks them all.
const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
INSERT INTO meta (key, value) VALUES ('version', 0);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  input_title TEXT,
  source TEXT,
  date TEXT,
  input_date TEXT,
  author TEXT,
  credit TEXT,
  text TEXT NOT NULL,
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE sentences (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL
) STRICT;
CREATE INDEX sentences_doc ON sentences(doc_id, idx);

CREATE TABLE mentions (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  sentence_id TEXT NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  surface TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN (${oneOf(ENTITY_TYPES)})),
  role TEXT,
  affiliation TEXT,
  cluster TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX mentions_cluster ON mentions(cluster);
CREATE INDEX mentions_sentence ON mentions(sentence_id);

CREATE TABLE stances (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  sentence_id TEXT NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  holder INTEGER NOT NULL,
  target INTEGER NOT NULL,
  stance TEXT NOT NULL CHECK (stance IN (${oneOf(STANCES)})),
  cue TEXT NOT NULL,
  confidence REAL NOT NULL,
  cue_start INTEGER NOT NULL,
  cue_end INTEGER NOT NULL,
  holder_start INTEGER,
  holder_end INTEGER,
  target_start INTEGER,
  target_end INTEGER,
  PRIMARY KEY (doc_id, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX stances_sentence ON stances(sentence_id);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN (${oneOf(ENTITY_TYPES)})),
  roles TEXT NOT NULL,
  affiliations TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  documents INTEGER NOT NULL
) STRICT;

CREATE TABLE entity_aliases (
  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);

CREATE TABLE clusters (
  cluster TEXT PRIMARY KEY,
  entity_id TEXT NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX clusters_entity ON clusters(entity_id);

CREATE TABLE edges (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN (${oneOf(EDGE_KINDS)})),
  source TEXT NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  target TEXT NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  stance TEXT CHECK (stance IN (${oneOf(STANCES)}))
) STRICT;
CREATE INDEX edges_source ON edges(source);
CREATE INDEX edges_target ON edges(target);

CREATE TABLE evidence (
  edge_id TEXT NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  sentence_id TEXT NOT NULL REFERENCES sentences(id) DEFERRABLE INITIALLY DEFERRED,
  doc_id TEXT NOT NULL REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
  cue TEXT,
  confidence REAL,
  holder_start INTEGER, holder_end INTEGER,
  cue_start INTEGER, cue_end INTEGER,
  target_start INTEGER, target_end INTEGER,
  PRIMARY KEY (edge_id, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX evidence_sentence ON evidence(sentence_id);
CREATE INDEX evidence_doc ON evidence(doc_id);

-- Each mention with the entity it resolves to, for anyone querying the file directly.
CREATE VIEW resolved_mentions AS
  SELECT m.*, c.entity_id FROM mentions m JOIN clusters c ON c.cluster = m.cluster;
`;

/** The file was written by a newer version of this program, or is not one of our stores. */
export class StoreFormatError extends Error {
  override name = "StoreFormatError";
}

/**
 * Throws StoreFormatError when the file is another program's SQLite file or a newer store's. Runs before any pragma
 * that writes (WAL mode rewrites the file's header), so that a file we refuse is left exactly as it was.
 */
function refuseUnreadable(db: Database.Database, path: string): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new StoreFormatError(`${path} is an SQLite file but not an entity graph store`);
  } else if (version > SCHEMA_VERSION) {
    throw new StoreFormatError(`${path} has schema version ${version}; this program reads version ${SCHEMA_VERSION}`);
  }
}

/** Creates the schema in a new file, or brings an older store up to this version (refuseUnreadable ran first). */
function migrate(db: Database.Database): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version === 0) {
      db.exec(SCHEMA);
      db.exec(LAYOUTS);
    }
    if (version === 1) db.exec(LAYOUTS);
    // Version 3: where a stance's target is written when it is named in another sentence. Stances stored before
    // have none (their evidence points at the target's own mention) until `npm run ingest -- --rebuild`.
    if (version >= 1 && version <= 2) {
      db.exec("ALTER TABLE stances ADD COLUMN target_start INTEGER; ALTER TABLE stances ADD COLUMN target_end INTEGER;");
    }
    db.exec(CORRECTIONS);
    if (version < 5) db.exec(V5);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** SQLite's answers that mean the file is no database we can use (others, such as a busy lock, are thrown as they are). */
const NOT_A_STORE: Record<string, string> = {
  SQLITE_NOTADB: "not an SQLite file",
  SQLITE_CORRUPT: "the SQLite file is damaged",
  SQLITE_CANTOPEN: "cannot open it as a file",
};

/**
 * The file opened and set up, or StoreFormatError saying why it is no store: a folder, a file that is not SQLite
 * (better-sqlite3 would throw "file is not a database" from the first pragma, with a stack), a foreign schema.
 */
export function openDatabase(location: string): Database.Database {
  if (location !== ":memory:") {
    if (existsSync(location) && statSync(location).isDirectory())
      throw new StoreFormatError(`${location} is a directory, not a store file`);
    mkdirSync(dirname(location), { recursive: true });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(location);
    refuseUnreadable(db, location);
    db.pragma("journal_mode = WAL");
    // FULL: a commit the API has answered survives a power cut, not only a crash of the process.
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    // A second writer (the CLI while the server runs) waits for the lock instead of failing at once.
    db.pragma("busy_timeout = 10000");
    migrate(db);
    return db;
  } catch (err) {
    db?.close();
    const reason = NOT_A_STORE[(err as { code?: string }).code ?? ""];
    if (reason) throw new StoreFormatError(`${location} is not an entity graph store: ${reason}`);
    throw err;
  }
}
