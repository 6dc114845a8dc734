// The rows both stores keep, and how they are turned back into extractions and derived records: a row of the
// SQLite store and of the PostgreSQL store has the same columns, so both read them with these functions.
import type {
  Correction,
  CorrectionChange,
  Doc,
  DocExtraction,
  DocumentInput,
  Edge,
  Entity,
  EntityType,
  Evidence,
  Mention,
  Sentence,
  Stance,
  StanceMention,
} from "../types.js";
import { groupBy } from "../../common/group.js";
import type { Derived, EntityRecord } from "./derived.js";

export interface DocumentRow {
  id: string;
  title: string;
  input_title: string | null;
  source: string | null;
  date: string | null;
  input_date: string | null;
  author: string | null;
  credit: string | null;
  text: string;
}
export interface SentenceRow {
  id: string;
  doc_id: string;
  idx: number;
  start: number;
  end: number;
  text: string;
}
export interface MentionRow {
  doc_id: string;
  sentence_id: string;
  start: number;
  end: number;
  surface: string;
  name: string;
  type: EntityType;
  role: string | null;
  affiliation: string | null;
  cluster: string;
}
export interface StanceRow {
  doc_id: string;
  sentence_id: string;
  holder: number;
  target: number;
  stance: Stance;
  cue: string;
  confidence: number;
  cue_start: number;
  cue_end: number;
  holder_start: number | null;
  holder_end: number | null;
  target_start: number | null;
  target_end: number | null;
}
export interface EntityRow {
  id: string;
  label: string;
  type: EntityType;
  roles: string;
  affiliations: string;
  mentions: number;
  documents: number;
  /** JSON of the entity's `ambiguous` and `event`, NULL when it has neither. */
  facts: string | null;
}
export interface EdgeRow {
  id: string;
  kind: Edge["kind"];
  source: string;
  target: string;
  stance: Stance | null;
}
export interface EvidenceRow {
  edge_id: string;
  sentence_id: string;
  doc_id: string;
  cue: string | null;
  confidence: number | null;
  holder_start: number | null;
  holder_end: number | null;
  cue_start: number | null;
  cue_end: number | null;
  target_start: number | null;
  target_end: number | null;
}

export interface CorrectionRow {
  id: number;
  action: string;
  change: string;
  author: string;
  at: string;
  note: string | null;
}

export const toCorrection = (row: CorrectionRow): Correction =>
  ({
    ...(JSON.parse(row.change) as CorrectionChange),
    id: row.id,
    author: row.author,
    at: row.at,
    ...(row.note === null ? {} : { note: row.note }),
  }) as Correction;

/** Optional fields come back absent, not null: a loaded document equals a freshly extracted one. */
export function withOptional<T extends object>(target: T, fields: Record<string, string | null>): T {
  for (const [key, value] of Object.entries(fields)) if (value !== null) Object.assign(target, { [key]: value });
  return target;
}

export const span = (start: number | null, end: number | null): [number, number] | undefined =>
  start === null || end === null ? undefined : [start, end];

export const groupRows = <R extends { doc_id: string }>(rows: R[]): Map<string, R[]> => groupBy(rows, (row) => row.doc_id);

/** A document as the extractor gave it, from its row. */
export const toDoc = (row: DocumentRow): Doc =>
  withOptional(
    { id: row.id, title: row.title, text: row.text },
    { source: row.source, date: row.date, author: row.author, credit: row.credit },
  );

export function toDocExtraction(row: DocumentRow, sentences: SentenceRow[], mentions: MentionRow[], stances: StanceRow[]): DocExtraction {
  return {
    doc: toDoc(row),
    sentences: sentences.map((s): Sentence => ({ id: s.id, docId: s.doc_id, index: s.idx, start: s.start, end: s.end, text: s.text })),
    mentions: mentions.map((m): Mention =>
      withOptional(
        {
          sentenceId: m.sentence_id,
          docId: m.doc_id,
          start: m.start,
          end: m.end,
          surface: m.surface,
          name: m.name,
          type: m.type,
          cluster: m.cluster,
        },
        { role: m.role, affiliation: m.affiliation },
      ),
    ),
    stances: stances.map((s) => {
      const stance: StanceMention = {
        sentenceId: s.sentence_id,
        holder: s.holder,
        target: s.target,
        stance: s.stance,
        cue: s.cue,
        confidence: s.confidence,
        cueSpan: [s.cue_start, s.cue_end],
      };
      const holderSpan = span(s.holder_start, s.holder_end);
      if (holderSpan) stance.holderSpan = holderSpan;
      const targetSpan = span(s.target_start, s.target_end);
      if (targetSpan) stance.targetSpan = targetSpan;
      return stance;
    }),
  };
}

export function toEvidence(row: EvidenceRow): Evidence {
  const evidence: Evidence = { sentenceId: row.sentence_id, docId: row.doc_id };
  if (row.cue !== null) evidence.cue = row.cue;
  if (row.confidence !== null) evidence.confidence = row.confidence;
  const holder = span(row.holder_start, row.holder_end);
  const cue = span(row.cue_start, row.cue_end);
  const target = span(row.target_start, row.target_end);
  if (holder) evidence.holderSpan = holder;
  if (cue) evidence.cueSpan = cue;
  if (target) evidence.targetSpan = target;
  return evidence;
}

/** The columns loadInputs reads: what was given, before extraction derived a title or a date. */
export type InputRow = Pick<DocumentRow, "text" | "input_title" | "source" | "input_date" | "author">;

export const toInput = (r: InputRow): DocumentInput =>
  withOptional({ text: r.text }, { title: r.input_title, source: r.source, date: r.input_date, author: r.author });

/** The derived records from their rows; `evidence` sorted by edge and index. */
export function toDerived(rows: {
  aliases: { entity_id: string; alias: string }[];
  entities: EntityRow[];
  edges: EdgeRow[];
  evidence: EvidenceRow[];
  resolutions: { doc_id: string; mentions: string }[];
  meta: { key: string; value: string }[];
}): Derived {
  const aliases = new Map<string, string[]>();
  for (const row of rows.aliases) {
    const list = aliases.get(row.entity_id);
    if (list) list.push(row.alias);
    else aliases.set(row.entity_id, [row.alias]);
  }
  const entities = new Map<string, EntityRecord>();
  for (const row of rows.entities) {
    entities.set(row.id, {
      id: row.id,
      label: row.label,
      type: row.type,
      aliases: (aliases.get(row.id) ?? []).sort((a, b) => a.localeCompare(b)),
      roles: JSON.parse(row.roles) as string[],
      affiliations: JSON.parse(row.affiliations) as string[],
      ...(row.facts === null ? {} : (JSON.parse(row.facts) as Pick<Entity, "ambiguous" | "event">)),
      mentions: row.mentions,
      documents: row.documents,
    });
  }
  const evidence = new Map<string, Evidence[]>();
  for (const row of rows.evidence) {
    const list = evidence.get(row.edge_id) ?? [];
    list.push(toEvidence(row));
    evidence.set(row.edge_id, list);
  }
  const edges = new Map<string, Edge>();
  for (const row of rows.edges) {
    const edge: Edge = { id: row.id, kind: row.kind, source: row.source, target: row.target, evidence: [] };
    if (row.stance !== null) edge.stance = row.stance;
    edge.evidence = evidence.get(row.id) ?? [];
    edges.set(row.id, edge);
  }
  return {
    entities,
    edges,
    resolutions: new Map(rows.resolutions.map((r) => [r.doc_id, r.mentions])),
    applied: rows.meta.find((r) => r.key === "applied")?.value ?? "",
  };
}

/** For which resolver and store version the derived rows are complete (derived_meta 'complete'). */
export interface CompleteMark {
  version: number;
  stamp: string;
}

export const completeMark = (meta: { key: string; value: string }[]): CompleteMark | undefined => {
  const value = meta.find((r) => r.key === "complete")?.value;
  return value === undefined ? undefined : (JSON.parse(value) as CompleteMark);
};

/** An entity's facts column: its `ambiguous` and `event`, or null when it has neither. */
export function factsValue(e: Pick<Entity, "ambiguous" | "event">): string | null {
  if (!e.ambiguous && !e.event) return null;
  return JSON.stringify({ ...(e.ambiguous ? { ambiguous: true } : {}), ...(e.event ? { event: e.event } : {}) });
}

/** A mention's column values in insert order (doc_id, idx, sentence_id, ...), for either store. */
export const mentionValues = (docId: string, m: Mention, i: number) =>
  [docId, i, m.sentenceId, m.start, m.end, m.surface, m.name, m.type, m.role ?? null, m.affiliation ?? null, m.cluster] as const;

/** A stance's column values in insert order (doc_id, idx, sentence_id, ...), for either store. */
export const stanceValues = (docId: string, st: StanceMention, i: number) =>
  [
    docId,
    i,
    st.sentenceId,
    st.holder,
    st.target,
    st.stance,
    st.cue,
    st.confidence,
    st.cueSpan[0],
    st.cueSpan[1],
    st.holderSpan?.[0] ?? null,
    st.holderSpan?.[1] ?? null,
    st.targetSpan?.[0] ?? null,
    st.targetSpan?.[1] ?? null,
  ] as const;

/** One evidence sentence's column values in insert order (edge_id, idx, sentence_id, ...), for either store. */
export const evidenceValues = (edgeId: string, ev: Evidence, i: number) =>
  [
    edgeId,
    i,
    ev.sentenceId,
    ev.docId,
    ev.cue ?? null,
    ev.confidence ?? null,
    ev.holderSpan?.[0] ?? null,
    ev.holderSpan?.[1] ?? null,
    ev.cueSpan?.[0] ?? null,
    ev.cueSpan?.[1] ?? null,
    ev.targetSpan?.[0] ?? null,
    ev.targetSpan?.[1] ?? null,
  ] as const;
