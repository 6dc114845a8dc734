// Follows the corpus on the server: another process (the ingest CLI, a second server) may change the store, and
// the server then serves a new corpus with a new stamp (GET /api/health). The page polls it and reloads in place.
import type { Answer } from "../common/api/index.js";
import { getJson } from "./api.js";

export const LIVE_POLL_MS = 2000;

/** What the page reads of GET /api/health. */
export type Health = Omit<Answer<"health">, "ok">;

/** What the page is told of the corpus on the server. */
export interface CorpusHandlers {
  /** Someone else changed the corpus (a new stamp). */
  changed: (health: Health) => void;
  /** The same corpus with new positions (only the layout stamp moved on). */
  moved: (health: Health) => void;
  /**
   * Whether the corpus served shows writes resolved provisionally, its full resolution under way (`resolving`): told
   * on every answer, the page's own writes' too.
   */
  resolving?: (resolving: boolean) => void;
}

/**
 * Calls `changed` with the new health whenever the stamp differs from the last one seen, and `moved` when only the
 * layout stamp does (the same corpus, new positions); `seen()` records the page's own reload so that it is not
 * reported back. Errors (a restarting server) are retried at the next poll.
 *
 * A poll's answer is dropped when the page recorded a write of its own while the poll was out: a poll sent
 * before the write may answer after `seen()` with the old stamp, or one sent during `seen()` with the new stamp
 * before `seen()` has it; either would look like someone else's change (the page would reload, nodes would move).
 */
export function followCorpus(
  { changed, moved, resolving = () => undefined }: CorpusHandlers,
  fetchHealth: () => Promise<Health> = () => getJson("health", "/api/health"),
  pollMs = LIVE_POLL_MS,
): { seen: () => Promise<void>; poll: () => Promise<void> } {
  let stamp: string | undefined;
  let layout: string | undefined;
  let ownWrites = 0; // seen() calls so far
  let recording = 0; // seen() calls not yet answered
  // errors: the next poll tries again
  const ask = () =>
    fetchHealth().then(
      (health) => (resolving(health.resolving), health),
      () => undefined,
    );
  const poll = async () => {
    const before = ownWrites;
    const health = await ask();
    if (!health || recording > 0 || ownWrites !== before) return;
    if (stamp !== undefined && health.stamp !== stamp) changed(health);
    else if (layout !== undefined && health.layout !== layout) moved(health);
    [stamp, layout] = [health.stamp, health.layout];
  };
  void poll();
  if (pollMs > 0) setInterval(() => void poll(), pollMs);
  return {
    poll,
    seen: async () => {
      ownWrites++;
      recording++;
      try {
        const health = await ask();
        if (health) [stamp, layout] = [health.stamp, health.layout];
      } finally {
        recording--;
      }
    },
  };
}
