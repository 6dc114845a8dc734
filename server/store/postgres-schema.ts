// The PostgreSQL store's schema: the SQLite store's tables (./sqlite-schema.ts) as numbered migrations, applied in
// order inside one transaction under an advisory lock, so that a server and workers starting together migrate once.
// The version is kept in meta ('schema'). Version 5, PostgreSQL only, adds the ingest queue (server/queue/); version 6
// is SQLite's version 5.
import type pg from "pg";

import { EDGE_KINDS, ENTITY_TYPES, STANCES } from "../types.js";
import { StoreFormatError } from "./sqlite-schema.js";

/** Taken by every write (for its transaction) and by `exclusive` (for its session); per database, as PostgreSQL scopes them. */
export const WRITE_LOCK = 0x656e7467;
const MIGRATE_LOCK = 0x656e7468;
/** Each committed write notifies this channel with the new version; servers LISTEN to it. */
export const CHANGES_CHANNEL = "entity_graph_changes";

const oneOf = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

// "end" is a reserved word in PostgreSQL: quoted wherever it is a column. REAL in SQLite is 8 bytes: double precision.
const V1 = `
CREATE TABLE meta (key text PRIMARY KEY, value integer NOT NULL);
INSERT INTO meta (key, value) VALUES ('version', 0), ('schema', 0);

CREATE TABLE documents (
  id text PRIMARY KEY,
  content_hash text NOT NULL UNIQUE,
  title text NOT NULL,
  input_title text,
  source text,
  date text,
  input_date text,
  author text,
  credit text,
  text text NOT NULL,
  added_at text NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);

CREATE TABLE sentences (
  id text PRIMARY KEY,
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  text text NOT NULL
);
CREATE INDEX sentences_doc ON sentences(doc_id, idx);

CREATE TABLE mentions (
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  sentence_id text NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  start integer NOT NULL,
  "end" integer NOT NULL,
  surface text NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN (${oneOf(ENTITY_TYPES)})),
  role text,
  affiliation text,
  cluster text NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX mentions_cluster ON mentions(cluster);
CREATE INDEX mentions_sentence ON mentions(sentence_id);

CREATE TABLE stances (
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  sentence_id text NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  holder integer NOT NULL,
  target integer NOT NULL,
  stance text NOT NULL CHECK (stance IN (${oneOf(STANCES)})),
  cue text NOT NULL,
  confidence double precision NOT NULL,
  cue_start integer NOT NULL,
  cue_end integer NOT NULL,
  holder_start integer,
  holder_end integer,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX stances_sentence ON stances(sentence_id);

CREATE TABLE entities (
  id text PRIMARY KEY,
  label text NOT NULL,
  type text NOT NULL CHECK (type IN (${oneOf(ENTITY_TYPES)})),
  roles text NOT NULL,
  affiliations text NOT NULL,
  mentions integer NOT NULL,
  documents integer NOT NULL
);

CREATE TABLE entity_aliases (
  entity_id text NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias text NOT NULL,
  PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);

CREATE TABLE clusters (
  cluster text PRIMARY KEY,
  entity_id text NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX clusters_entity ON clusters(entity_id);

CREATE TABLE edges (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN (${oneOf(EDGE_KINDS)})),
  source text NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  target text NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  stance text CHECK (stance IN (${oneOf(STANCES)}))
);
CREATE INDEX edges_source ON edges(source);
CREATE INDEX edges_target ON edges(target);

CREATE TABLE evidence (
  edge_id text NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  sentence_id text NOT NULL REFERENCES sentences(id) DEFERRABLE INITIALLY DEFERRED,
  doc_id text NOT NULL REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
  cue text,
  confidence double precision,
  holder_start integer, holder_end integer,
  cue_start integer, cue_end integer,
  target_start integer, target_end integer,
  PRIMARY KEY (edge_id, idx)
);
CREATE INDEX evidence_sentence ON evidence(sentence_id);
CREATE INDEX evidence_doc ON evidence(doc_id);

CREATE VIEW resolved_mentions AS
  SELECT m.*, c.entity_id FROM mentions m JOIN clusters c ON c.cluster = m.cluster;
`;

/** Migration n (1-based) brings the schema from version n-1 to n; the same steps as the SQLite store's, then the queue. */
export const MIGRATIONS: readonly string[] = [
  V1,
  "CREATE TABLE layouts (key text PRIMARY KEY, positions text NOT NULL);",
  "ALTER TABLE stances ADD COLUMN target_start integer, ADD COLUMN target_end integer;",
  // The next correction id is kept, not computed from the rows: an undone correction's id is never given again.
  `CREATE TABLE corrections (id integer PRIMARY KEY, action text NOT NULL, change text NOT NULL, author text NOT NULL,
     at text NOT NULL, note text);
   INSERT INTO meta (key, value) VALUES ('next_correction_id', 1);`,
  // One row per enqueued document, until a worker's batch that stored it commits (state 'done') or it is refused.
  // A claim holds until claimed_until: a worker that dies leaves it to expire, and another worker takes the row.
  `CREATE TABLE ingest_queue (
     id bigserial PRIMARY KEY,
     title text, text text NOT NULL, source text, date text, author text,
     state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'refused')),
     attempts integer NOT NULL DEFAULT 0,
     claimed_by text,
     claimed_until timestamptz,
     doc_id text,
     error text,
     enqueued_at timestamptz NOT NULL DEFAULT now(),
     done_at timestamptz
   );
   CREATE INDEX ingest_queue_waiting ON ingest_queue (id) WHERE state = 'queued';`,
  // SQLite's version 5 (see ./sqlite-schema.ts): what each document's mentions resolved to, the entities' facts,
  // and the derived rows' marks, so that a server starts from the rows instead of resolving the corpus again.
  `DROP VIEW IF EXISTS resolved_mentions;
   DROP TABLE IF EXISTS clusters;
   ALTER TABLE entities ADD COLUMN facts text;
   CREATE TABLE resolutions (
     doc_id text PRIMARY KEY REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
     mentions text NOT NULL
   );
   CREATE TABLE derived_meta (key text PRIMARY KEY, value text NOT NULL);
   CREATE VIEW resolved_mentions AS
     SELECT m.*, j.value->>3 AS entity_id
     FROM mentions m JOIN resolutions r ON r.doc_id = m.doc_id, jsonb_array_elements(r.mentions::jsonb) j
     WHERE j.value->>0 = m.sentence_id AND (j.value->>1)::int = m.start AND (j.value->>2)::int = m."end";`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Creates the schema in an empty database or migrates an older one; refuses a database that is no store of ours. */
export async function migrate(client: pg.PoolClient, location: string): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATE_LOCK]);
    const version = await schemaVersion(client, location);
    if (version > SCHEMA_VERSION) {
      throw new StoreFormatError(`${location} has schema version ${version}; this program reads version ${SCHEMA_VERSION}`);
    }
    for (let v = version; v < SCHEMA_VERSION; v++) await client.query(MIGRATIONS[v]!);
    if (version < SCHEMA_VERSION) await client.query("UPDATE meta SET value = $1 WHERE key = 'schema'", [SCHEMA_VERSION]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

async function schemaVersion(client: pg.PoolClient, location: string): Promise<number> {
  const tables = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
  );
  const names = new Set(tables.rows.map((r) => r.name));
  if (names.size === 0) return 0;
  if (!names.has("meta") || !names.has("documents")) throw new StoreFormatError(`${location} is a database but not an entity graph store`);
  const row = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema'");
  if (row.rows.length === 0) throw new StoreFormatError(`${location} is a database but not an entity graph store`);
  return Number(row.rows[0]!.value);
}
