// The HTTP API as the client reads it. Types are the contract's (common/api/, z.infer); in development and tests each
// answer is checked against its schema, and a production bundle leaves the schemas (and zod) out.
import type { Answer, AnswerName } from "../common/api/index.js";

export type { AddResult } from "../common/api/documents.js";
export type { DocumentSummary } from "../common/api/documents.js";
export type { DocumentDetail, EdgeDetail, EntityDetail, GraphData, GraphView } from "../common/api/views.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The answer as its schema says it is (development and tests: checked, throwing on a mismatch). */
export async function checked<N extends AnswerName>(name: N, value: unknown): Promise<Answer<N>> {
  if (process.env.NODE_ENV !== "production") {
    const { answers } = await import("../common/api/index.js");
    const result = answers[name].safeParse(value);
    if (!result.success) throw new Error(`the server's ${name} answer does not fit its schema: ${result.error.message}`);
  }
  return value as Answer<N>;
}

async function check(res: Response): Promise<Response> {
  if (res.ok) return res;
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  throw new ApiError(res.status, body.error ?? `${res.status} ${res.statusText}`);
}

export async function getJson<N extends AnswerName>(name: N, url: string): Promise<Answer<N>> {
  return checked(name, await (await check(await fetch(url))).json());
}

export async function fetchGraph(query: URLSearchParams): Promise<{ data: Answer<"graph">; view: Answer<"graphView"> }> {
  const text = query.toString();
  const res = await check(await fetch(`/api/graph${text ? `?${text}` : ""}`));
  const data = await checked("graph", await res.json());
  const header = res.headers.get("X-Graph-View");
  const view = header
    ? await checked("graphView", JSON.parse(header))
    : {
        total: { nodes: data.nodes.length, edges: data.edges.length },
        shown: { nodes: data.nodes.length, edges: data.edges.length },
        hidden: { nodes: 0, edges: 0 },
      };
  return { data, view };
}

const path = (kind: string, id: string) => `/api/${kind}/${encodeURIComponent(id)}`;

/** The entity with its first 200 sentences, or `limit` of them ("Show all" asks for every one). */
export const fetchEntity = (id: string, limit?: number) =>
  getJson("entity", limit ? `${path("entities", id)}?limit=${limit}` : path("entities", id));
export const fetchEdge = (id: string) => getJson("edge", path("edges", id));
export const fetchDocuments = () => getJson("documents", "/api/documents");
export const fetchDocument = (id: string) => getJson("document", path("documents", id));

/** Adds articles (POST /api/documents): JSON for pasted text, multipart for dropped files. */
export async function addDocuments(body: { text: string; title?: string } | File[]): Promise<Answer<"added">> {
  let init: RequestInit;
  if (Array.isArray(body)) {
    const form = new FormData();
    for (const f of body) form.append("files", f, f.name);
    init = { method: "POST", body: form };
  } else {
    init = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  }
  return checked("added", await (await check(await fetch("/api/documents", init))).json());
}

export async function deleteDocument(id: string): Promise<void> {
  await check(await fetch(path("documents", id), { method: "DELETE" }));
}
