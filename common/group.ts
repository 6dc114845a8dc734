// Items grouped by a key, in the order the items come: one helper for the server's indexes and its stages.
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Ids in code-unit order: the one order the corpus keeps its entities and edges in, whichever way they were built. */
export const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether two lists hold the very same objects in the same order: a kept result still fits when they do. */
export const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The distinct values, sorted for people (localeCompare): aliases, roles, affiliations. */
export const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));
