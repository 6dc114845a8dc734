// The order of writes: one at a time, each one working from the state the previous one left. Posts and deletes that
// arrive while another write runs wait together in one open batch (write-batch.ts) and are committed together.
import type { GraphChange } from "./store/derived.js";
import { type BatchOp, type OpOutcome, OpenBatch } from "./write-batch.js";

export interface BatchResult {
  outcomes: OpOutcome[];
  change: GraphChange;
}

/** One request's share of its batch's write. */
export interface OpResult {
  outcome: OpOutcome;
  change: GraphChange;
}

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** The batch waiting for its turn: posts and deletes that arrive meanwhile join it. */
  private open: { batch: OpenBatch; run: Promise<PromiseSettledResult<OpResult>[]> } | undefined;

  /** `commitBatch` commits a batch's ops in one write, when the batch's turn comes. */
  constructor(private readonly commitBatch: (ops: BatchOp[]) => Promise<BatchResult>) {}

  /**
   * Runs `write` after the writes queued so far. It closes the open batch, so that nothing queued after it is
   * committed before it.
   */
  serialize<T>(write: () => Promise<T>): Promise<T> {
    this.open = undefined;
    const run = this.tail.then(write, write);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `job` after the writes queued so far, leaving the open batch open (what is queued after it may still join
   * a batch queued before it); a failure is passed to `onError`, never to the next write.
   */
  behind(job: () => Promise<void>, onError: (err: unknown) => void): void {
    const run = this.tail.then(job);
    this.tail = run.catch(onError);
  }

  /** Queues `op` in the open batch, or in a new one when there is none or it cannot take `op`. */
  async enqueue(op: BatchOp): Promise<OpResult> {
    let open = this.open;
    if (!open?.batch.accepts(op)) {
      const batch = new OpenBatch();
      const run = this.serialize(() => {
        if (this.open?.batch === batch) this.open = undefined;
        return this.commitOps(batch.ops);
      });
      open = this.open = { batch, run };
    }
    const index = open.batch.ops.length;
    open.batch.add(op);
    const settled = (await open.run)[index]!;
    if (settled.status === "rejected") throw settled.reason;
    return settled.value;
  }

  /** True while a batch waits for its turn. */
  batchWaiting(): boolean {
    return this.open !== undefined;
  }

  /** Resolves once the writes queued so far are done. */
  drained(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  /**
   * A batch in one write, each request answered with its own outcome. If the write fails for another reason than
   * a conflict, each request is written on its own, so that a bad one fails alone.
   */
  private async commitOps(ops: BatchOp[]): Promise<PromiseSettledResult<OpResult>[]> {
    try {
      const { outcomes, change } = await this.commitBatch(ops);
      return outcomes.map((outcome) => ({ status: "fulfilled", value: { outcome, change } }));
    } catch (err) {
      if (ops.length === 1) return [{ status: "rejected", reason: err }];
      console.error(`a batch of ${ops.length} writes failed; writing them one by one:`, err);
    }
    const each: PromiseSettledResult<OpResult>[] = [];
    for (const op of ops) {
      try {
        const { outcomes, change } = await this.commitBatch([op]);
        each.push({ status: "fulfilled", value: { outcome: outcomes[0]!, change } });
      } catch (reason) {
        each.push({ status: "rejected", reason });
      }
    }
    return each;
  }
}
