// How far the server's heap may grow past what is live before V8 collects it (HEAP_GROWTH_PERCENT). On a machine
// with memory to spare, V8's own heuristics let the old generation grow to up to four times what is live: on the
// BBC store (about 230 MB live) the server's heap reached 1.1 GB under reads and writes, and its resident memory
// 1.6 GB. Bounded at 100% (the next collection when the heap has doubled since the last), the same run peaks near
// 1 GB, for about 2 ms more on the cold entity-page p99 (README, Performance). The flag is V8's and applies to every
// thread of the process (the layout and extraction workers too); V8 reads it at each collection, so setting it at
// start-up is enough.
import v8 from "node:v8";

export const DEFAULT_HEAP_GROWTH_PERCENT = 100;
/** Above this the bound is looser than V8's own (a factor of 4 at most): a typo rather than a choice. */
const MAX_HEAP_GROWTH_PERCENT = 300;

/** HEAP_GROWTH_PERCENT as a whole number of percent (0: V8's own heuristics), else undefined (the server refuses to start). */
export function heapGrowthPercent(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.HEAP_GROWTH_PERCENT?.trim();
  if (raw === undefined || raw === "") return DEFAULT_HEAP_GROWTH_PERCENT;
  if (!/^\d+$/.test(raw)) return undefined;
  const percent = Number(raw);
  return percent <= MAX_HEAP_GROWTH_PERCENT ? percent : undefined;
}

/** Bounds this process's heap growth to `percent` past the live heap; 0 leaves V8's heuristics alone. */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
