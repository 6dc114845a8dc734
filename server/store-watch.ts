// Follows the store: other processes (the ingest CLI, a second server on the same file) write to it too, and the
// running server picks their writes up within a poll interval, without a restart. A store that announces its
// commits (PostgreSQL's NOTIFY) is followed at once as well; the poll stays as the fallback.
import type { CorpusWriter, CorpusView } from "./corpus-writer.js";

export const DEFAULT_POLL_MS = 1000;

export interface StoreWatch {
  /** Stops polling; resolves when a reload in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Every `intervalMs`, compares the store's version with the one the corpus was loaded at (one indexed read) and
 * reloads when they differ. `onChange` runs after each reload; an error is reported and the next poll tries again.
 */
export function watchStore<V extends CorpusView>(
  service: CorpusWriter<V>,
  options: { intervalMs?: number; onChange?: (corpus: V) => void; onError?: (err: unknown) => void } = {},
): StoreWatch {
  let running: Promise<void> | undefined;
  let stopped = false;
  // A notification while a reload runs: that reload may have started before the write, so another one follows.
  let again = false;
  const poll = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = service
      .syncWithStore()
      .then((changed) => {
        if (changed && !stopped) options.onChange?.(service.current());
      })
      .catch((err: unknown) => (options.onError ?? console.error)(err))
      .finally(() => {
        running = undefined;
        if (again) poll();
      });
  };
  const timer = setInterval(poll, options.intervalMs ?? DEFAULT_POLL_MS);
  timer.unref();
  const onError = (err: unknown) => (options.onError ?? console.error)(err);
  const unsubscribe = service.store.subscribe?.(poll, onError).catch((err: unknown) => {
    onError(err);
    return undefined;
  });
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      const stopListening = await unsubscribe;
      await stopListening?.();
      await running;
    },
  };
}
