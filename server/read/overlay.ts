// The read side's lookups from one corpus version to the next without copying them: a provisional write (server/
// provisional.ts) changes a few keys of maps that hold a whole corpus (400,000 sentences at 20,000 articles), and a
// copy of each map per write cost more than the rest of the write. A version is a base map, shared and never
// changed, and the changes made since it; the changes are folded into a new base once they grow large.

/** What the answers read of a lookup: `get` and `has`, never an iteration. */
export interface Lookup<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
}

const GONE = Symbol("gone");

/** Changes are folded into a new base once they are more than this share of it (and past a floor). */
const FOLD_SHARE = 0.5;
const FOLD_FLOOR = 1024;

/** A map that is never changed: `with` gives a new one that shares this one's base. */
export class OverlayMap<V> implements Lookup<V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly changes: ReadonlyMap<string, V | typeof GONE>,
  ) {}

  /** A lookup of `base`, which the caller must not change afterwards. */
  static of<V>(base: ReadonlyMap<string, V>): OverlayMap<V> {
    return new OverlayMap(base, new Map());
  }

  get(key: string): V | undefined {
    const changed = this.changes.get(key);
    if (changed === GONE) return undefined;
    return changed !== undefined ? changed : this.base.get(key);
  }

  has(key: string): boolean {
    const changed = this.changes.get(key);
    return changed === GONE ? false : changed !== undefined || this.base.has(key);
  }

  /** This lookup with `set` put and `remove` taken out (a key in both is removed); this one is unchanged. */
  with(set: Iterable<readonly [string, V]>, remove: Iterable<string> = []): OverlayMap<V> {
    const changes = new Map(this.changes);
    for (const [key, value] of set) changes.set(key, value);
    for (const key of remove) changes.set(key, GONE);
    if (changes.size <= FOLD_FLOOR || changes.size <= this.base.size * FOLD_SHARE) return new OverlayMap(this.base, changes);
    const base = new Map(this.base);
    for (const [key, value] of changes) {
      if (value === GONE) base.delete(key);
      else base.set(key, value);
    }
    return OverlayMap.of(base);
  }
}
