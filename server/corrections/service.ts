// Corrections as writes: each one checked against the corpus as corrected so far, stored with the derived change
// in one transaction (CorpusWriter.apply), and answered with what changed in the graph.
import type { CorrectionAnswer } from "../../common/api/corrections.js";
import type { CorpusWriter, CorpusView } from "../corpus-writer.js";
import type { GraphChange } from "../store/derived.js";
import { CORRECTION_ACTIONS, type Correction, type CorrectionChange, ENTITY_TYPES, type EntityRef, type Extraction } from "../types.js";
import { CorrectionError, parseCorrectionRequest, toChange } from "./validate.js";

export type { CorrectionAnswer };
type Relabelled = CorrectionAnswer["change"]["entities"]["relabelled"][number];

function relabelled(before: Extraction, after: Extraction): Relabelled[] {
  const old = new Map(before.entities.map((e) => [e.id, e.label]));
  return after.entities.flatMap((e) => {
    const from = old.get(e.id);
    return from !== undefined && from !== e.label ? [{ id: e.id, from, to: e.label }] : [];
  });
}

const answer = (change: GraphChange, before: CorpusView, after: CorpusView): CorrectionAnswer["change"] => ({
  ...change,
  entities: { ...change.entities, relabelled: relabelled(before.extraction, after.extraction) },
});

/** Checks a posted correction against the current corpus and stores it; a bad one throws CorrectionError and stores nothing. */
export async function addCorrection<V extends CorpusView>(
  service: CorpusWriter<V>,
  body: unknown,
  author: string,
): Promise<CorrectionAnswer> {
  const request = parseCorrectionRequest(body);
  const { result, change, before } = await service.apply((view, log) => {
    const correction = {
      ...toChange(request, view.extraction),
      id: log.nextCorrectionId,
      author,
      at: new Date().toISOString(),
      ...(request.note ? { note: request.note } : {}),
    } as Correction;
    return { write: { put: [], remove: [], corrections: { put: [correction], remove: [] } }, result: correction };
  });
  return { correction: result, change: answer(change, before, service.current()) };
}

/** Undo: the correction leaves the log, and the graph is what it would be had it never been made. */
export async function undoCorrection<V extends CorpusView>(service: CorpusWriter<V>, id: number): Promise<CorrectionAnswer> {
  const { result, change, before } = await service.apply((_view, log) => {
    const correction = log.corrections.find((c) => c.id === id);
    if (!correction) throw new CorrectionError(404, `unknown correction: ${id}`);
    return { write: { put: [], remove: [], corrections: { put: [], remove: [id] } }, result: correction };
  });
  return { correction: result, change: answer(change, before, service.current()) };
}

// ---- corrections.json: the log without this store's ids, for another store ----

export const EXPORT_FORMAT = "entity-graph-corrections";

export function exportCorrections(log: Correction[]) {
  return { format: EXPORT_FORMAT, version: 1, corrections: log.map(({ id: _id, ...rest }) => rest) };
}

function parseRef(value: unknown, where: string): EntityRef {
  const v = value as EntityRef | undefined;
  if (typeof v?.id !== "string" || !Array.isArray(v.keys) || v.keys.some((k) => typeof k !== "string")) {
    throw new CorrectionError(400, `${where}: must be { id, keys: [...] }`, { field: where });
  }
  return { id: v.id, keys: [...v.keys] };
}

/** One exported correction, checked field by field; entities are found (or not) by the stage, on this corpus. */
function parseExported(value: unknown, where: string): Omit<Correction, "id"> {
  const v = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const action = v.action as Correction["action"];
  if (!(CORRECTION_ACTIONS as readonly string[]).includes(action)) throw new CorrectionError(400, `${where}.action: unknown action`);
  const strings = (field: string) => {
    const list = v[field] ?? [];
    if (!Array.isArray(list) || list.some((x) => typeof x !== "string"))
      throw new CorrectionError(400, `${where}.${field}: must be strings`);
    return list as string[];
  };
  let change: CorrectionChange;
  if (action === "merge") change = { action, from: parseRef(v.from, `${where}.from`), into: parseRef(v.into, `${where}.into`) };
  else if (action === "split") {
    change = { action, entity: parseRef(v.entity, `${where}.entity`), aliases: strings("aliases"), documents: strings("documents") };
    if (v.into !== undefined) change.into = parseRef(v.into, `${where}.into`);
  } else if (action === "rename") {
    if (typeof v.label !== "string" || !v.label.trim()) throw new CorrectionError(400, `${where}.label: must be a non-empty string`);
    change = { action, entity: parseRef(v.entity, `${where}.entity`), label: v.label.trim() };
  } else if (action === "retype") {
    const type = ENTITY_TYPES.find((t) => t === v.type);
    if (!type) throw new CorrectionError(400, `${where}.type: must be one of ${ENTITY_TYPES.join(", ")}`);
    change = { action, entity: parseRef(v.entity, `${where}.entity`), type };
  } else if (action === "hide") change = { action, entity: parseRef(v.entity, `${where}.entity`) };
  else {
    const pair = Array.isArray(v.entities) && v.entities.length === 2 ? v.entities : [];
    if (pair.length !== 2) throw new CorrectionError(400, `${where}.entities: must be two entity references`);
    change = { action, entities: [parseRef(pair[0], `${where}.entities[0]`), parseRef(pair[1], `${where}.entities[1]`)] };
  }
  const author = typeof v.author === "string" && v.author ? v.author : "imported";
  const at = typeof v.at === "string" && v.at ? v.at : new Date().toISOString();
  return { ...change, author, at, ...(typeof v.note === "string" && v.note ? { note: v.note } : {}) };
}

/**
 * Appends another store's corrections.json to the log, after this store's own, in the file's order. A malformed
 * file is refused whole (400); a correction whose entities this corpus lacks is kept, and reported `unresolved`.
 */
export async function importCorrections<V extends CorpusView>(
  service: CorpusWriter<V>,
  body: unknown,
): Promise<{ imported: Correction[]; change: CorrectionAnswer["change"] }> {
  const file = body as { format?: unknown; corrections?: unknown } | undefined;
  if (file?.format !== EXPORT_FORMAT || !Array.isArray(file.corrections)) {
    throw new CorrectionError(400, `not a corrections file: expected { "format": "${EXPORT_FORMAT}", "corrections": [...] }`);
  }
  const parsed = file.corrections.map((c, i) => parseExported(c, `corrections[${i}]`));
  const { result, change, before } = await service.apply((_view, log) => {
    const put = parsed.map((c, i) => ({ ...c, id: log.nextCorrectionId + i }) as Correction);
    return { write: { put: [], remove: [], corrections: { put, remove: [] } }, result: put };
  });
  return { imported: result, change: answer(change, before, service.current()) };
}

/** The log with what each correction does on this corpus now (`applied`, `no-op`, `unresolved`) and the entities it concerns now (`now`). */
export function correctionsLog(log: Correction[], extraction: Extraction) {
  const outcomes = new Map((extraction.corrections?.log ?? []).map((o) => [o.id, o]));
  return log.map((c) => ({ ...c, status: outcomes.get(c.id)?.status ?? "unresolved", now: outcomes.get(c.id)?.entities ?? [] }));
}
