// A pure function of a string, remembered: resolution asks the same few thousand names the same questions (their
// tokens, spelling key, surname keys) at every write, for every unit of the corpus.

/**
 * `read`, remembered per argument; past `limit` arguments the memory is dropped and starts again, so it stays
 * bounded whatever a corpus holds. Only for pure functions whose answers the callers never mutate.
 */
export function memoize<T>(read: (arg: string) => T, limit = 100_000): (arg: string) => T {
  const kept = new Map<string, T>();
  return (arg) => {
    const known = kept.get(arg);
    if (known !== undefined || kept.has(arg)) return known as T;
    if (kept.size >= limit) kept.clear();
    const value = read(arg);
    kept.set(arg, value);
    return value;
  };
}
