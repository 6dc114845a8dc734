// The write side under measure: how long a POST takes until its document is in the served graph, until its layout
// is in, and what reads cost while writes run. Reads pick entities uniformly at random over every stored entity
// (seeded), so they are not a few cached answers.
import Database from "better-sqlite3";
import autocannon from "autocannon";

import { mulberry32 } from "../../server/random.js";
import { median } from "./corpus.js";

/** Every entity id in the store. */
export function storedEntityIds(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare("SELECT id FROM entities ORDER BY id").all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

/** An autocannon request that GETs a uniformly random entity of `ids` each time (seeded). */
export function randomEntityRequest(ids: string[], seed = 1): autocannon.Request {
  const random = mulberry32(seed);
  return {
    method: "GET",
    setupRequest: (req) => ({ ...req, path: `/api/entities/${encodeURIComponent(ids[Math.floor(random() * ids.length)]!)}` }),
  };
}

/** The health answer's `stamp` (the corpus) or `layout` (its positions too). */
type Stamp = "stamp" | "layout";
const stampOf = async (url: string, which: Stamp = "stamp") =>
  ((await (await fetch(`${url}/api/health`)).json()) as Record<Stamp, string>)[which];

async function waitForStamp(url: string, not: string, timeoutMs: number, which: Stamp = "stamp"): Promise<string | undefined> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const stamp = await stampOf(url, which);
    if (stamp !== not) return stamp;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

const post = (url: string, text: string) =>
  fetch(`${url}/api/documents`, { method: "POST", headers: { "content-type": "text/plain" }, body: text });

/** Waits until the health check no longer says `resolving` (a provisional write resolved in full); false after `timeoutMs`. */
async function waitForResolved(url: string, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (!((await (await fetch(`${url}/api/health`)).json()) as { resolving: boolean }).resolving) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/**
 * POST one article at a time (`texts`, each new to the store), and time: the answer; "visible", when the served
 * corpus has it (the health stamp moved on and an entity it added or changed answers); "laid out", when the
 * layout stamp moves on again (the layout worker's positions are in; at most 60 s); and "resolved", when the corpus
 * is resolved in full with it (at once for a write resolved before its answer; after a provisional one, when health
 * stops saying `resolving`). Each post waits for the one before to be resolved and laid out. Medians.
 */
export async function postToVisible(url: string, texts: string[]) {
  const answered: number[] = [];
  const visible: number[] = [];
  const laidOut: number[] = [];
  const resolved: number[] = [];
  const ids: string[] = [];
  for (const text of texts) {
    const before = await stampOf(url);
    const t0 = performance.now();
    const res = await post(url, text);
    const body = (await res.json()) as { documents: { id: string }[]; change: { entities: { added: string[]; updated: string[] } } };
    answered.push(performance.now() - t0);
    ids.push(...body.documents.map((d) => d.id));
    const shown = await waitForStamp(url, before, 60_000);
    const placed = await stampOf(url, "layout");
    const probe = body.change.entities.added[0] ?? body.change.entities.updated[0];
    if (probe) while (!(await fetch(`${url}/api/entities/${encodeURIComponent(probe)}`)).ok) await new Promise((r) => setTimeout(r, 20));
    visible.push(performance.now() - t0);
    if (shown && (await waitForStamp(url, placed, 60_000, "layout"))) laidOut.push(performance.now() - t0);
    if (await waitForResolved(url, 60_000)) resolved.push(performance.now() - t0);
  }
  return {
    answeredMs: median(answered),
    visibleMs: median(visible),
    laidOutMs: laidOut.length ? median(laidOut) : NaN,
    resolvedMs: resolved.length ? median(resolved) : NaN,
    posts: texts.length,
    ids,
  };
}

/**
 * DELETE stored documents one at a time (`ids`: the posts of `postToVisible`, so the store ends as it began), and
 * time: the answer; "visible", when the served corpus no longer has the document (the stamp moved on and the
 * document answers 404); and "resolved", when health stops saying `resolving`. Each waits for the one before. Medians.
 */
export async function deleteToVisible(url: string, ids: string[]) {
  const answered: number[] = [];
  const visible: number[] = [];
  const resolved: number[] = [];
  for (const id of ids) {
    const before = await stampOf(url);
    const t0 = performance.now();
    const res = await fetch(`${url}/api/documents/${encodeURIComponent(id)}`, { method: "DELETE" });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`DELETE ${id} answered ${res.status}`);
    answered.push(performance.now() - t0);
    await waitForStamp(url, before, 60_000);
    while ((await fetch(`${url}/api/documents/${encodeURIComponent(id)}`)).status !== 404) await new Promise((r) => setTimeout(r, 20));
    visible.push(performance.now() - t0);
    if (await waitForResolved(url, 60_000)) resolved.push(performance.now() - t0);
  }
  return {
    answeredMs: median(answered),
    visibleMs: median(visible),
    resolvedMs: resolved.length ? median(resolved) : NaN,
    deletes: ids.length,
  };
}

/** Reads of random entities (10 connections) while `texts` are posted one after another; their latency in that window. */
export async function readsDuringSequentialPosts(url: string, ids: string[], texts: string[]) {
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const reads = autocannon(
      { url, connections: 10, duration: 1200, headers: { "accept-encoding": "gzip, deflate, br" }, requests: [randomEntityRequest(ids, 2)] },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    void (async () => {
      for (const text of texts) await (await post(url, text)).arrayBuffer();
    })().finally(() => reads.stop());
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
    // What the errors were: sockets that failed or timed out, and answers by class (a 404 is an entity a post merged away).
    kinds: `${result.errors} socket (${result.timeouts} timeouts), ${result["4xx"]} 4xx, ${result["5xx"]} 5xx`,
    postSeconds: (performance.now() - started) / 1000,
  };
}
