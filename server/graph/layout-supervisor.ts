// The one layout worker of the process and its queue: a big graph's ForceAtlas2 and metrics never run on the thread
// that answers requests. Started at the first job; it does not keep the process alive while idle.
import { Worker } from "node:worker_threads";

import type { LayoutRecord } from "./layout.js";
import { type LayoutInput, transferablesOf } from "./layout-input.js";
import type { LayoutJob, LayoutReply } from "./layout-worker.js";

interface Waiting {
  resolve: (record: LayoutRecord | undefined) => void;
  reject: (err: Error) => void;
}

export class LayoutSupervisor {
  private worker: Worker | undefined;
  private serial = 0;
  private readonly waiting = new Map<number, Waiting>();
  /** Jobs waiting for the running one; a refinement replaces the refinements before it (only the latest corpus is served). */
  private queue: { job: LayoutJob; waiting: Waiting }[] = [];
  private busy = false;

  constructor(private readonly entry = new URL("./layout-worker-entry.mjs", import.meta.url)) {}

  /** The whole layout of a graph from its seeded start, and its metrics. */
  full(graph: LayoutInput): Promise<LayoutRecord> {
    return new Promise((resolve, reject) => {
      const done = (r: LayoutRecord | undefined) =>
        r ? resolve(r) : reject(new Error("the layout worker closed before the layout was done"));
      this.enqueue({ id: ++this.serial, kind: "full", graph }, { resolve: done, reject }, false);
    });
  }

  /**
   * Moves the graph's unfixed nodes and computes the metrics again. Resolves undefined when a newer refinement
   * replaced this one before it started.
   */
  refine(graph: LayoutInput): Promise<LayoutRecord | undefined> {
    return new Promise((resolve, reject) => this.enqueue({ id: ++this.serial, kind: "refine", graph }, { resolve, reject }, true));
  }

  async close(): Promise<void> {
    for (const { waiting } of this.queue.splice(0)) waiting.resolve(undefined);
    const worker = this.worker;
    this.worker = undefined;
    // A shutdown: whatever was under way is simply not done (a refinement keeps its provisional places).
    for (const waiting of this.waiting.values()) waiting.resolve(undefined);
    this.waiting.clear();
    await worker?.terminate();
  }

  private enqueue(job: LayoutJob, waiting: Waiting, supersede: boolean): void {
    if (!this.busy) return this.send(job, waiting);
    if (supersede) {
      for (const old of this.queue.filter((q) => q.job.kind === "refine")) old.waiting.resolve(undefined);
      this.queue = this.queue.filter((q) => q.job.kind !== "refine");
    }
    this.queue.push({ job, waiting });
  }

  private send(job: LayoutJob, waiting: Waiting): void {
    this.busy = true;
    this.waiting.set(job.id, waiting);
    const worker = this.start();
    worker.ref();
    // Handed over, not copied: the job's arrays are unusable here afterwards (the input is built for this one job).
    worker.postMessage(job, transferablesOf(job.graph));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry);
    worker.on("message", (reply: LayoutReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ("error" in reply) waiting?.reject(new Error(`layout worker: ${reply.error}`));
      else waiting?.resolve(reply.record);
      this.next();
    });
    worker.on("error", (err) => {
      this.worker = undefined;
      this.fail(err);
      this.next();
    });
    this.worker = worker;
    return worker;
  }

  private next(): void {
    this.busy = false;
    const pending = this.queue.shift();
    if (pending) this.send(pending.job, pending.waiting);
    else this.worker?.unref();
  }

  private fail(err: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(err);
    this.waiting.clear();
  }
}

let shared: LayoutSupervisor | undefined;
/** The process's layout worker. */
export const layoutSupervisor = () => (shared ??= new LayoutSupervisor());
/** Stops the process's layout worker (a clean shutdown); a later job starts a new one. */
export async function closeLayoutWorker(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
