// Says in the server's log when the event loop was held (a long step of a write, a long garbage collection): reads
// wait for as long, and a log line at that moment tells which write it was (the fuzz prints the server's last lines
// when a request hangs).
export interface LoopWatchOptions {
  /** Log when a check comes this much later than asked for. */
  heldMs?: number;
  /** How often to check. */
  everyMs?: number;
  log?: (line: string) => void;
}

/** Starts watching; the returned function stops it. The timer never keeps the process alive. */
export function watchEventLoop({ heldMs = 2000, everyMs = 250, log = console.warn }: LoopWatchOptions = {}): () => void {
  let due = performance.now() + everyMs;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - due;
    if (late >= heldMs) log(`event loop held for ${(late / 1000).toFixed(1)} s: requests waited that long`);
    due = now + everyMs;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
