// Corrections as writes: each one checked against the corpus as corrected so far, stored with the derived change
// in one transaction (CorpusWriter.apply), and answered with what changed in the graph.
import { CORRECTIONS_FORMAT, type CorrectionAnswer } from "../../common/api/corrections.js";
import type { CorpusWriter, CorpusView } from "../corpus-writer.js";
import type { GraphChange } from "../store/derived.js";
import type { Correction, Extraction } from "../types.js";
import { CorrectionError, parseCorrectionRequest, parseCorrectionsFile, toChange } from "./validate.js";

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

export const EXPORT_FORMAT = CORRECTIONS_FORMAT;

export function exportCorrections(log: Correction[]) {
  return { format: EXPORT_FORMAT, version: 1, corrections: log.map(({ id: _id, ...rest }) => rest) };
}

/**
 * Appends another store's corrections.json to the log, after this store's own, in the file's order. A malformed
 * file is refused whole (400); a correction whose entities this corpus lacks is kept, and reported `unresolved`.
 */
export async function importCorrections<V extends CorpusView>(
  service: CorpusWriter<V>,
  body: unknown,
): Promise<{ imported: Correction[]; change: CorrectionAnswer["change"] }> {
  const parsed = parseCorrectionsFile(body).corrections;
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
