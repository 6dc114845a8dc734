import { describe, expect, it } from "vitest";

import { type Health, followCorpus } from "../client/live.js";

/** A fake /api/health whose answers the test releases one by one, in any order. */
function server() {
  let current = "s0";
  let layout = "l0";
  let resolving = false;
  const waiting: Array<() => void> = [];
  const fetchHealth = () =>
    new Promise<Health>((resolve) => {
      const [stamp, at, busy] = [current, layout, resolving]; // the server answers with the corpus it has when asked
      waiting.push(() => resolve({ documents: 1, entities: 1, edges: 0, stamp, layout: at, resolving: busy }));
    });
  const release = async (i: number) => {
    waiting[i]!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return {
    fetchHealth,
    release,
    write: (stamp: string) => ([current, layout] = [stamp, `${stamp}-layout`]),
    settle: (at: string) => (layout = at),
    resolving: (now: boolean) => (resolving = now),
  };
}

/** A page following the fake server: what it was told, as "stamp" (changed) or "moved layout" (moved). */
function follow() {
  const s = server();
  const changes: string[] = [];
  const resolving: boolean[] = [];
  const live = followCorpus(
    {
      changed: (h) => changes.push(h.stamp),
      moved: (h) => changes.push(`moved ${h.layout}`),
      resolving: (now) => resolving.push(now),
    },
    s.fetchHealth,
    0,
  );
  /** A poll, answered by the n-th answer released. */
  const pollAnswered = async (n: number) => {
    const p = live.poll();
    await s.release(n);
    await p;
  };
  /** The page's own write of `stamp`, its seen() answered by the n-th answer released. */
  const ownWrite = async (stamp: string, n: number) => {
    s.write(stamp);
    const seen = live.seen();
    await s.release(n);
    await seen;
  };
  return { s, changes, resolving, live, pollAnswered, ownWrite };
}

describe("followCorpus", () => {
  it("reports a change made by someone else", async () => {
    const { s, changes, pollAnswered } = follow();
    await s.release(0); // first poll: s0
    s.write("s1");
    await pollAnswered(1);
    expect(changes).toEqual(["s1"]);
  });

  it("does not report the page's own write when an older poll answers after seen()", async () => {
    const { s, changes, live } = follow();
    await s.release(0);
    const late = live.poll(); // asked before the write: will say s0
    s.write("s1");
    const seen = live.seen(); // asked after: s1
    await s.release(2);
    await seen;
    await s.release(1);
    await late;
    expect(changes).toEqual([]);
    const next = live.poll();
    await s.release(3);
    await next;
    expect(changes).toEqual([]); // s1 was recorded as the page's own
  });

  it("does not report the page's own write when a poll sent during seen() answers first", async () => {
    const { s, changes, live } = follow();
    await s.release(0);
    s.write("s1");
    const seen = live.seen();
    const during = live.poll();
    await s.release(2); // the poll's s1 arrives before seen() has it
    await during;
    await s.release(1);
    await seen;
    expect(changes).toEqual([]);
  });

  it("still reports someone else's later change after the page's own write", async () => {
    const { s, changes, pollAnswered, ownWrite } = follow();
    await s.release(0);
    await ownWrite("s1", 1);
    s.write("s2");
    await pollAnswered(2);
    expect(changes).toEqual(["s2"]);
  });

  it("tells whether the corpus is being resolved on every answer, the page's own write's too", async () => {
    const { s, changes, resolving, pollAnswered, ownWrite } = follow();
    await s.release(0);
    s.resolving(true); // the page's own post, shown provisionally
    await ownWrite("s1", 1);
    await pollAnswered(2);
    s.resolving(false);
    s.write("s2"); // the full resolution: a new stamp
    await pollAnswered(3);
    expect(resolving).toEqual([false, true, true, false]);
    expect(changes).toEqual(["s2"]);
  });

  it("reports new positions of the same corpus as moved, not changed, the page's own write included", async () => {
    const { s, changes, pollAnswered, ownWrite } = follow();
    await s.release(0);
    await ownWrite("s1", 1);
    s.settle("l1"); // the write's new nodes laid out after its answer
    await pollAnswered(2);
    expect(changes).toEqual(["moved l1"]);
  });
});
