// The HTTP API as the client reads it. Types come from the server modules, as types only.
import type { SerializedGraph } from "graphology-types";

import type { DocumentSummary, EntityDetail, EntitySpan, EvidenceView } from "../server/corpus.js";
import type { EdgeAttributes, NodeAttributes } from "../server/graph/build.js";
import type { Counts, FilterResult } from "../server/graph/filter.js";

export type { EntityDetail };

export interface EdgeDetail {
  id: string;
  kind: string;
  source: string;
  target: string;
  stance?: string;
  weight: number;
  sourceLabel: string;
  targetLabel: string;
  evidence: EvidenceView[];
}

export interface DocumentDetail {
  id: string;
  title: string;
  text: string;
  date?: string;
  source?: string;
  author?: string;
  mentions: EntitySpan[];
}

export type GraphData = SerializedGraph<NodeAttributes, EdgeAttributes>;

/** What the server says about the view beside the graph: counts shown and hidden, the full graph's extent. */
export interface GraphView {
  total: Counts;
  shown: Counts;
  hidden: Counts;
  bbox?: FilterResult["bbox"];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function check(res: Response): Promise<Response> {
  if (res.ok) return res;
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  throw new ApiError(res.status, body.error ?? `${res.status} ${res.statusText}`);
}

export async function getJson<T>(url: string): Promise<T> {
  return (await (await check(await fetch(url))).json()) as T;
}

export async function fetchGraph(query: URLSearchParams): Promise<{ data: GraphData; view: GraphView }> {
  const text = query.toString();
  const res = await check(await fetch(`/api/graph${text ? `?${text}` : ""}`));
  const data = (await res.json()) as GraphData;
  const header = res.headers.get("X-Graph-View");
  const view: GraphView = header
    ? (JSON.parse(header) as GraphView)
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
  getJson<EntityDetail>(limit ? `${path("entities", id)}?limit=${limit}` : path("entities", id));
export const fetchEdge = (id: string) => getJson<EdgeDetail>(path("edges", id));
export const fetchDocuments = () => getJson<DocumentSummary[]>("/api/documents");
export const fetchDocument = (id: string) => getJson<DocumentDetail>(path("documents", id));

export interface AddResult {
  documents: { id: string; title: string; status: "created" | "existing" | "replaced" }[];
  rejected: { where: string; error: string }[];
}

/** Adds articles (POST /api/documents, #5): JSON for pasted text, multipart for dropped files. */
export async function addDocuments(body: { text: string; title?: string } | File[]): Promise<AddResult> {
  let init: RequestInit;
  if (Array.isArray(body)) {
    const form = new FormData();
    for (const f of body) form.append("files", f, f.name);
    init = { method: "POST", body: form };
  } else {
    init = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  }
  return (await (await check(await fetch("/api/documents", init))).json()) as AddResult;
}

export async function deleteDocument(id: string): Promise<void> {
  await check(await fetch(path("documents", id), { method: "DELETE" }));
}
