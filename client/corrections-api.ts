// The corrections routes as the client reads them (types and, in development, checks: common/api/).
import type { CorrectionAnswer, Duplicate, LoggedCorrection } from "../common/api/corrections.js";
import type { Answer, AnswerName } from "../common/api/index.js";
import { ApiError, checked, getJson } from "./api.js";

export type { CorrectionAnswer, Duplicate, LoggedCorrection };

/** What the entity panel posts: entities by id (the server names them the stable way). */
export type CorrectionBody =
  | { action: "merge"; from: string; into: string; note?: string }
  | { action: "split"; entity: string; aliases: string[]; into?: string; note?: string }
  | { action: "rename"; entity: string; label: string; note?: string }
  | { action: "retype"; entity: string; type: string; note?: string }
  | { action: "hide"; entity: string; note?: string }
  | { action: "keep-apart"; entities: [string, string]; note?: string };

async function send<N extends AnswerName>(name: N, url: string, init: RequestInit): Promise<Answer<N>> {
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? `${res.status} ${res.statusText}`);
  return checked(name, body);
}

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

export const postCorrection = (body: CorrectionBody) => send("correction", "/api/corrections", json(body));
export const undoCorrection = (id: number) => send("correction", `/api/corrections/${id}`, { method: "DELETE" });
export const importCorrections = (file: unknown) => send("imported", "/api/corrections/import", json(file));
export const fetchCorrections = () => getJson("corrections", "/api/corrections");
export const fetchDuplicates = () => getJson("duplicates", "/api/review/duplicates");
export const searchCorpus = (q: string) => getJson("search", `/api/search?q=${encodeURIComponent(q)}&limit=8`);
