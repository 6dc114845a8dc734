// When the corpus is resolved in full after a provisional write (corpus-writer.ts, provisional.ts): once no write
// has arrived for a quiet wait, in the writer's queue; given up when a write arrives while it runs; dropped at
// shutdown. Under a stream of posts, a resolution started after each one would be aborted by the next, each time
// for nothing (the fuzz's four clients kept both cores busy that way).

/**
 * How long no write must arrive after a provisional one before the corpus is resolved in full; doubled each time a
 * write gives the resolution up (up to RESOLVE_AFTER_QUIET_MAX_MS), back to this once one is done. Under a steady
 * stream of writes a resolution aborted every second would keep the request thread busy for nothing (a profile of
 * the fuzz's four clients: the main thread 99% busy, about half of it on resolutions given up).
 */
export const RESOLVE_AFTER_QUIET_MS = 500;
export const RESOLVE_AFTER_QUIET_MAX_MS = 16_000;

/** What the scheduler needs of the writer. */
export interface ResolutionTarget {
  /** Appends a job to the writer's queue of writes. */
  queue(job: () => Promise<void>): void;
  /** True while the corpus served shows documents not resolved in full. */
  pending(): boolean;
  /** True while a batch of writes waits for its turn: the resolution goes after it, and resolves its documents too. */
  batchWaiting(): boolean;
  /** Resolves the corpus in full and commits it; stops at the next slice once `signal` is aborted. */
  resolve(signal: AbortSignal): Promise<void>;
}

export class ResolutionAfterCommit {
  private quiet: ReturnType<typeof setTimeout> | undefined;
  private running: AbortController | undefined;
  private stopped = false;
  /** Resolutions given up in a row since the last one done: the quiet wait doubles with each. */
  private givenUp = 0;

  constructor(private readonly target: ResolutionTarget) {}

  /** A provisional write was committed: resolve once no write has arrived for the quiet wait (`quietMs()`). */
  schedule(): void {
    clearTimeout(this.quiet);
    this.quiet = setTimeout(() => {
      this.quiet = undefined;
      this.queueNow();
    }, this.quietMs());
  }

  /** The quiet wait now: RESOLVE_AFTER_QUIET_MS, doubled for each resolution given up in a row, at most the max. */
  quietMs(): number {
    return Math.min(RESOLVE_AFTER_QUIET_MS * 2 ** this.givenUp, RESOLVE_AFTER_QUIET_MAX_MS);
  }

  /**
   * A write arrived (a post, a delete, a correction; not the store watcher's check): the resolution waiting for
   * quiet waits again, and one under way gives way to it.
   */
  postpone(): void {
    if (this.quiet) this.schedule();
    this.running?.abort(new Error("a write arrived"));
  }

  /** Queues the resolution waiting for quiet at once (`idle()`: tests and benchmarks wait for it). */
  flush(): void {
    if (!this.quiet) return;
    clearTimeout(this.quiet);
    this.quiet = undefined;
    this.queueNow();
  }

  /** A clean shutdown: no resolution waits or runs any more; the rows stay marked incomplete. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.quiet);
    this.quiet = undefined;
    this.running?.abort(new Error("the server is stopping"));
  }

  private queueNow(): void {
    this.target.queue(async () => {
      if (!this.target.pending() || this.stopped) return;
      if (this.target.batchWaiting()) return this.queueNow();
      const running = new AbortController();
      this.running = running;
      try {
        await this.target.resolve(running.signal);
        this.givenUp = 0;
      } catch (err) {
        // A write arrived: it goes first, and a provisional one schedules the resolution again after it (waiting longer).
        if (!running.signal.aborted) throw err;
        this.givenUp++;
      } finally {
        this.running = undefined;
      }
    });
  }
}
