// The read side's one cache: serialized answers (graph views, entity pages) of every corpus version, bounded by the
// bytes they keep alive (CACHE_MB), least recently used out first.
import { LRUCache } from "lru-cache";

/** Bytes of serialized answers kept (CACHE_MB): a 500-node graph view of a big corpus is about 1 MB with its gzip. */
export const DEFAULT_CACHE_MB = 128;

/** CACHE_MB as bytes: a positive number of megabytes, else undefined (the server refuses to start on it). */
export function cacheBytes(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.CACHE_MB?.trim();
  if (raw === undefined || raw === "") return DEFAULT_CACHE_MB * 2 ** 20;
  const mb = Number(raw);
  return Number.isFinite(mb) && mb > 0 ? Math.round(mb * 2 ** 20) : undefined;
}

/** What an answer holds in memory, roughly: its buffers' bytes and two bytes per string character, nested. */
export function approximateBytes(value: unknown): number {
  if (Buffer.isBuffer(value)) return value.buffer.byteLength; // the whole block it keeps alive, not only its slice
  if (typeof value === "string") return value.length * 2;
  if (typeof value !== "object" || value === null) return 8;
  return Object.values(value).reduce((sum: number, v) => sum + approximateBytes(v), 16);
}

/**
 * Serialized answers of every corpus, least recently used out first, bounded by bytes (CACHE_MB), whatever
 * queries clients make. Shared, so that a write (which builds a new Corpus) never doubles the bound; keys carry
 * the corpus's serial number, and the old corpus's answers simply age out.
 */
const responses = new LRUCache<string, { value: unknown }>({
  maxSize: cacheBytes() ?? DEFAULT_CACHE_MB * 2 ** 20,
  sizeCalculation: (entry, key) => Math.max(1, approximateBytes(entry.value) + key.length * 2),
});
let corpusSerial = 0;

/** The prefix of a new corpus's keys: the corpus never changes, so its answers never go stale. */
export const nextCachePrefix = () => `${corpusSerial++}:`;

/** Bytes the response cache holds now, and its bound (tests, health checks). */
export const responseCacheBytes = () => ({ used: responses.calculatedSize, max: responses.maxSize });
/** The answer kept under `key`, else computed now and kept (unless larger than the whole bound). */
export function cachedAnswer<T>(key: string, compute: () => T): T {
  const hit = responses.get(key);
  if (hit) return hit.value as T;
  const value = compute();
  responses.set(key, { value });
  return value;
}

/** Answers being computed now, by key: a second miss for the same key waits for the first rather than computing again. */
const computing = new Map<string, Promise<unknown>>();

/**
 * `cachedAnswer` for an answer computed over turns of the event loop (read from the store, or in slices): kept once
 * it is done; misses for the same key meanwhile share the one computation, and its error.
 */
export function cachedAnswerAsync<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = responses.get(key);
  if (hit) return Promise.resolve(hit.value as T);
  const pending = computing.get(key);
  if (pending) return pending as Promise<T>;
  const answer = compute()
    .then((value) => {
      responses.set(key, { value });
      return value;
    })
    .finally(() => computing.delete(key));
  computing.set(key, answer);
  return answer;
}
