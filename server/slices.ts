// Long corpus-wide work written as steps (a generator that yields between them), run in one go by the CLI and the
// tests, or in slices by the server, which answers requests between two slices while a write is being resolved.
import { setImmediate as nextTurn } from "node:timers/promises";

/** The work between two yields: a few milliseconds, never the whole job. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now, on this thread, and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps, giving the event loop a turn whenever `sliceMs` have gone by since the last one. Once `signal` is
 * aborted, the work stops at the next turn and the promise rejects with its reason.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = 10, signal?: AbortSignal): Promise<T> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= sliceMs) {
      await nextTurn();
      if (signal?.aborted) {
        steps.return(undefined as never);
        throw signal.reason;
      }
      since = performance.now();
    }
  }
}

/** The steps, given up at the first step after `keepOn()` turns false: undefined then (work no longer wanted). */
export function* whileWanted<T>(steps: Steps<T>, keepOn: () => boolean): Steps<T | undefined> {
  for (;;) {
    if (!keepOn()) {
      steps.return(undefined as never);
      return undefined;
    }
    const step = steps.next();
    if (step.done) return step.value;
    yield;
  }
}

/** A turn for the event loop at most once per `every` items of a loop. */
export const every = (i: number, n: number) => i % n === n - 1;
