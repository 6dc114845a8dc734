// Discs that do not overlap at the default view. ForceAtlas2 leaves its hubs on top of one another, and
// graphology-layout-noverlap (tried first) leaves hundreds of pairs overlapping on a corpus of 2,000 entities
// even after 500 iterations (its step is a fixed "1 + size"), so this relaxation pushes each overlapping pair
// apart by exactly its overlap, the smaller disc moving more, until none is left or the budget is spent.

export interface Disc {
  x: number;
  y: number;
  r: number;
}

/**
 * Moves the discs (in place) so that no two overlap by more than `tolerance` px; deterministic (no randomness:
 * discs on the same spot part along an angle given by their index). Returns the pairs still overlapping.
 */
export function separateDiscs(discs: Disc[], { maxIterations = 200, tolerance = 0.5 } = {}): number {
  if (discs.length < 2) return 0;
  const maxR = Math.max(...discs.map((d) => d.r));
  const cell = Math.max(2 * maxR, 1e-6);
  let overlapping = 0;
  for (let it = 0; it < maxIterations; it++) {
    const grid = new Map<string, number[]>();
    discs.forEach((d, i) => {
      const key = `${Math.floor(d.x / cell)},${Math.floor(d.y / cell)}`;
      const list = grid.get(key);
      if (list) list.push(i);
      else grid.set(key, [i]);
    });
    overlapping = 0;
    for (let i = 0; i < discs.length; i++) {
      const a = discs[i]!;
      const [cx, cy] = [Math.floor(a.x / cell), Math.floor(a.y / cell)];
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          for (const j of grid.get(`${gx},${gy}`) ?? []) {
            if (j <= i) continue;
            const b = discs[j]!;
            let [dx, dy] = [b.x - a.x, b.y - a.y];
            let dist = Math.hypot(dx, dy);
            const overlap = a.r + b.r - dist;
            if (overlap <= tolerance) continue;
            overlapping++;
            if (dist < 1e-9) {
              const angle = (i * 2.399963 + j) % (2 * Math.PI); // the golden angle spreads many coincident discs
              [dx, dy, dist] = [Math.cos(angle), Math.sin(angle), 1];
            }
            const push = overlap / dist;
            const share = b.r / (a.r + b.r); // the bigger disc moves less
            a.x -= dx * push * share;
            a.y -= dy * push * share;
            b.x += dx * push * (1 - share);
            b.y += dy * push * (1 - share);
          }
        }
      }
    }
    if (overlapping === 0) break;
  }
  return overlapping;
}
