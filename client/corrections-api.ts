// The corrections routes as the client reads them (types from the server modules, as types only).
import type { Duplicate } from "../server/corrections/review.js";
import type { CorrectionAnswer } from "../server/corrections/service.js";
import type { SearchHit } from "../common/search.js";
import type { Correction, CorrectionOutcome } from "../common/types.js";
import { ApiError, getJson } from "./api.js";

export type { CorrectionAnswer, Duplicate };
export type LoggedCorrection = Correction & Pick<CorrectionOutcome, "status"> & { now: string[] };

/** What the entity panel posts: entities by id (the server names them the stable way). */
export type CorrectionBody =
  | { action: "merge"; from: string; into: string; note?: string }
  | { action: "split"; entity: string; aliases: string[]; into?: string; note?: string }
  | { action: "rename"; entity: string; label: string; note?: string }
  | { action: "retype"; entity: string; type: string; note?: string }
  | { action: "hide"; entity: string; note?: string }
  | { action: "keep-apart"; entities: [string, string]; note?: string };

async function send<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? `${res.status} ${res.statusText}`);
  return body;
}

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

export const postCorrection = (body: CorrectionBody) => send<CorrectionAnswer>("/api/corrections", json(body));
export const undoCorrection = (id: number) => send<CorrectionAnswer>(`/api/corrections/${id}`, { method: "DELETE" });
export const importCorrections = (file: unknown) => send<{ imported: LoggedCorrection[] }>("/api/corrections/import", json(file));
export const fetchCorrections = () => getJson<{ corrections: LoggedCorrection[] }>("/api/corrections");
export const fetchDuplicates = () => getJson<{ duplicates: Duplicate[] }>("/api/review/duplicates");
export const searchCorpus = (q: string) => getJson<SearchHit[]>(`/api/search?q=${encodeURIComponent(q)}&limit=8`);
