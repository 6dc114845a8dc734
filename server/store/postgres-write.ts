// How one write's rows reach PostgreSQL: each table's rows in one statement (INSERT … SELECT FROM unnest of one
// array per column), so a batch of 400 documents costs a dozen round trips, not one per sentence and mention.
import type pg from "pg";

import { contentHash } from "../extract/01-documents.js";
import { RejectedInput } from "../ingest/errors.js";
import type { Correction } from "../types.js";
import type { DerivedChange } from "./derived.js";
import { evidenceValues, factsValue, mentionValues, stanceValues } from "./rows.js";
import type { StoredDocument } from "./store.js";

type Column = [name: string, type: "text" | "int4" | "float8"];
type Value = string | number | null;

/** Inserts `rows` (one array of values per row, in the order of `columns`); `suffix` may add ON CONFLICT. */
async function insertRows(client: pg.PoolClient, table: string, columns: Column[], rows: Value[][], suffix = ""): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const values = columns.map((_, i) => rows.map((row) => row[i] ?? null));
  await client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${suffix}`, values);
}

const text = (...names: string[]): Column[] => names.map((n) => [n, "text"]);
const int = (...names: string[]): Column[] => names.map((n) => [n, "int4"]);

const DOCUMENT = text("id", "content_hash", "title", "input_title", "source", "date", "input_date", "author", "credit", "text");
const SENTENCE: Column[] = [...text("id", "doc_id"), ...int("idx", "start", "end"), ["text", "text"]];
const MENTION: Column[] = [
  ["doc_id", "text"],
  ...int("idx"),
  ["sentence_id", "text"],
  ...int("start", "end"),
  ...text("surface", "name", "type", "role", "affiliation", "cluster"),
];
const STANCE: Column[] = [
  ...text("doc_id"),
  ...int("idx"),
  ...text("sentence_id"),
  ...int("holder", "target"),
  ...text("stance", "cue"),
  ["confidence", "float8"],
  ...int("cue_start", "cue_end", "holder_start", "holder_end", "target_start", "target_end"),
];
const ENTITY: Column[] = [...text("id", "label", "type", "roles", "affiliations"), ...int("mentions", "documents"), ["facts", "text"]];
const EDGE = text("id", "kind", "source", "target", "stance");
const EVIDENCE: Column[] = [
  ...text("edge_id"),
  ...int("idx"),
  ...text("sentence_id", "doc_id", "cue"),
  ["confidence", "float8"],
  ...int("holder_start", "holder_end", "cue_start", "cue_end", "target_start", "target_end"),
];

const updateAll = (columns: Column[]) =>
  `ON CONFLICT (id) DO UPDATE SET ${columns
    .slice(1)
    .map(([n]) => `"${n}" = excluded."${n}"`)
    .join(", ")}`;

export async function insertDocuments(client: pg.PoolClient, put: StoredDocument[]): Promise<void> {
  // PostgreSQL text cannot hold NUL (SQLite's can): said before anything is sent, so the write rolls back cleanly.
  for (const { extraction } of put) {
    const at = extraction.doc.text.indexOf("\u0000");
    if (at >= 0) {
      throw new RejectedInput("unsupported", `a NUL character at index ${at}: binary content, not text`, extraction.doc.title);
    }
  }
  const docs = put.map(({ input, extraction: { doc } }) => [
    doc.id,
    contentHash(doc.text),
    doc.title,
    input.title ?? null,
    doc.source ?? null,
    doc.date ?? null,
    input.date ?? null,
    doc.author ?? null,
    doc.credit ?? null,
    doc.text,
  ]);
  await insertRows(client, "documents", DOCUMENT, docs);
  const sentences = put.flatMap(({ extraction }) => extraction.sentences.map((s) => [s.id, s.docId, s.index, s.start, s.end, s.text]));
  await insertRows(client, "sentences", SENTENCE, sentences);
  const mentions = put.flatMap(({ extraction: { doc, mentions } }) => mentions.map((m, i) => [...mentionValues(doc.id, m, i)]));
  await insertRows(client, "mentions", MENTION, mentions);
  const stances = put.flatMap(({ extraction: { doc, stances } }) => stances.map((st, i) => [...stanceValues(doc.id, st, i)]));
  await insertRows(client, "stances", STANCE, stances);
}

/**
 * The derived change in the SQLite store's order: removals, then entities, resolutions and edges (their FKs are
 * deferred), then the marks: what the corrections did, and for which resolver the rows are complete at `version`.
 */
export async function writeDerived(client: pg.PoolClient, change: DerivedChange, version: number): Promise<void> {
  const { entities, edges, resolutions, applied, stamp } = change;
  const remove = async (table: string, key: string, ids: string[]) => {
    if (ids.length > 0) await client.query(`DELETE FROM ${table} WHERE ${key} = ANY($1)`, [ids]);
  };
  await remove("edges", "id", edges.remove);
  await remove("entities", "id", entities.remove);
  await remove("resolutions", "doc_id", resolutions.remove);
  const entityRows = entities.put.map((e) => [
    e.id,
    e.label,
    e.type,
    JSON.stringify(e.roles),
    JSON.stringify(e.affiliations),
    e.mentions,
    e.documents,
    factsValue(e),
  ]);
  await insertRows(client, "entities", ENTITY, entityRows, updateAll(ENTITY));
  await remove(
    "entity_aliases",
    "entity_id",
    entities.put.map((e) => e.id),
  );
  const aliases = entities.put.flatMap((e) => e.aliases.map((alias) => [e.id, alias]));
  await insertRows(client, "entity_aliases", text("entity_id", "alias"), aliases);
  await insertRows(
    client,
    "resolutions",
    text("doc_id", "mentions"),
    resolutions.put,
    "ON CONFLICT (doc_id) DO UPDATE SET mentions = excluded.mentions",
  );
  await insertRows(
    client,
    "edges",
    EDGE,
    edges.put.map((e) => [e.id, e.kind, e.source, e.target, e.stance ?? null]),
    updateAll(EDGE),
  );
  await remove(
    "evidence",
    "edge_id",
    edges.put.map((e) => e.id),
  );
  const evidence = edges.put.flatMap((edge) => edge.evidence.map((ev, i) => [...evidenceValues(edge.id, ev, i)]));
  await insertRows(client, "evidence", EVIDENCE, evidence);
  const setMeta = (key: string, value: string) =>
    client.query("INSERT INTO derived_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [
      key,
      value,
    ]);
  const deleteMeta = (key: string) => client.query("DELETE FROM derived_meta WHERE key = $1", [key]);
  if (applied !== undefined) await (applied ? setMeta("applied", applied) : deleteMeta("applied"));
  await (stamp ? setMeta("complete", JSON.stringify({ version, stamp })) : deleteMeta("complete"));
}

export async function writeCorrections(client: pg.PoolClient, change: { put: Correction[]; remove: number[] }): Promise<void> {
  if (change.remove.length > 0) await client.query("DELETE FROM corrections WHERE id = ANY($1)", [change.remove]);
  for (const c of change.put) {
    const { id, author, at, note, ...rest } = c;
    await client.query("INSERT INTO corrections (id, action, change, author, at, note) VALUES ($1, $2, $3, $4, $5, $6)", [
      id,
      c.action,
      JSON.stringify(rest),
      author,
      at,
      note ?? null,
    ]);
  }
  // Above every id ever given, undone ones included, as SQLite's AUTOINCREMENT keeps it.
  const next = Math.max(0, ...change.put.map((c) => c.id)) + 1;
  await client.query("UPDATE meta SET value = greatest(value, $1) WHERE key = 'next_correction_id'", [next]);
}
