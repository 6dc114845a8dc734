// Follows the corpus on the server: another process (the ingest CLI, a second server) may change the store, and
// the server then serves a new corpus with a new stamp (GET /api/health). The page polls it and reloads in place.
import { getJson } from "./api.js";

export const LIVE_POLL_MS = 2000;

export interface Health {
  documents: number;
  entities: number;
  edges: number;
  stamp: string;
}

/**
 * Calls `changed` with the new health whenever the stamp differs from the last one seen; `seen()` records the
 * page's own reload so that it is not reported back. Errors (a restarting server) are retried at the next poll.
 */
export function followCorpus(changed: (health: Health) => void): { seen: () => Promise<void> } {
  let stamp: string | undefined;
  const poll = async () => {
    try {
      const health = await getJson<Health>("/api/health");
      if (stamp !== undefined && health.stamp !== stamp) changed(health);
      stamp = health.stamp;
    } catch {
      // the next poll tries again
    }
  };
  void poll();
  setInterval(() => void poll(), LIVE_POLL_MS);
  return {
    seen: async () => {
      stamp = (await getJson<Health>("/api/health").catch(() => undefined))?.stamp ?? stamp;
    },
  };
}
