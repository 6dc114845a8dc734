// One corpus version's graph, who reads it, and how the next version's graph is made from it without copying it
// each time. A write (or the layout after it) changes a graph equal to the served one, never the served one. That
// graph is, in order: the graph of the version the served one replaced, once nobody reads it, moved on by the
// changes recorded when the served one was made (graph/recorded.ts: costs one write's change), waiting a little for
// its readers if need be; a copy made ahead, between reads, when the replaced version was still read a while after
// it was replaced (`prepareSpare`); a copy made then.
import type { EntityGraph } from "../graph/build.js";
import { sharingCopyInSteps } from "../graph/build.js";
import { type GraphOp, recordChanges, replayInSteps } from "../graph/recorded.js";
import { runInSlices, whileWanted } from "../slices.js";

/**
 * Edges above which a served corpus copies its graph ahead of the next write (`prepareSpare`): the copy took about
 * half of the server's main thread under the fuzz's stream of writes at 224,000 edges; below this it costs little.
 */
export const SPARE_ABOVE_EDGES = 20_000;

/**
 * How long a write (or a copy made ahead) waits for the readers of the version it would move on, before it copies
 * the graph instead: the reads that lease a version are short (a filter, an export taking its nodes out), and a
 * copy costs seconds of the main thread at 400,000 edges.
 */
export const LEASE_WAIT_MS = 1000;

/** The graph a version was made from, no longer served, and the changes that make it equal to this version's. */
export interface Lineage {
  from: GraphVersion;
  ops: GraphOp[];
}

/** A graph equal to a version's, the caller's alone to change, and the changes made to it from then on. */
export interface ChangedCopy {
  graph: EntityGraph;
  /**
   * Stops recording: the version the changed graph descends from and the changes that make its graph this one (for
   * `descend`), or undefined when one cannot be replayed (graph/recorded.ts).
   */
  recorded: () => Lineage | undefined;
}

export class GraphVersion {
  /** Requests reading this version across turns (`lease`): its graph is not moved on while any does. */
  private leases = 0;
  /** Replaced by a later version where it was served (`retire`): only then may its graph be moved on. */
  private retired = false;
  /** Moved on to a later version: this one's graph is no longer its own. */
  private recycled = false;
  /** Made on the way to another version, never served nor read: that one changes this one's graph (`passOn`). */
  private passing = false;
  /** The graph of the version this one replaced, while it may still be moved on to this one. */
  private lineage: Lineage | undefined;
  /** A sharing copy of the graph made ahead (`prepareSpare`), for the first write or layout that takes it. */
  private spare: { copy: Promise<EntityGraph | undefined>; wanted: boolean } | undefined;
  /** Who waits for the last lease to be released (`unleased`). */
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly own: EntityGraph,
    /** The version's name in errors (its corpus stamp). */
    private readonly name: string,
  ) {}

  /** The graph. Throws once it was moved on to a later version: a reader across turns holds a `lease`. */
  get graph(): EntityGraph {
    if (this.recycled) throw new Error(`corpus ${this.name} was replaced and its graph reused for a later version: read it under lease()`);
    return this.own;
  }

  /** The graph is not moved on to a later version until the returned release is called (once; more do nothing). */
  lease(): () => void {
    this.leases++;
    let released = false;
    return () => {
      if (!released && --this.leases === 0) for (const wake of [...this.waiting]) wake();
      released = true;
    };
  }

  /** Resolves once nobody holds a lease on this version, or after `ms` at the latest. */
  private unleased(ms: number): Promise<void> {
    if (this.leases === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiting.add(wake);
    });
  }

  /** The replaced version this one may move on once its readers are done (retired, not moved on yet, but leased). */
  private readBeforeRecycling(): GraphVersion | undefined {
    const from = this.lineage?.from;
    return from && from.retired && !from.recycled && from.leases > 0 ? from : undefined;
  }

  /**
   * No longer served: replaced by a later version (the writer's `serve`), or made on the way to one and never served
   * (a batch's removal before its addition). Its graph may be moved on once nobody holds a lease on it; a copy made
   * ahead and not taken is given up.
   */
  retire(): void {
    this.retired = true;
    this.dropSpare();
  }

  /** This version was made by changing a `changedCopy`, whose `recorded()` says from what and how. */
  descend(lineage: Lineage | undefined): void {
    this.lineage = lineage;
  }

  /**
   * Made on the way to another version and never to be served nor read (a batch's removal before its addition): the
   * next `changedCopy` gives this version's own graph, and the version made from it descends from where this one did,
   * by both changes. A batch that deletes and posts copied the graph once for its addition before.
   */
  passOn(): void {
    this.passing = true;
  }

  /**
   * Whether the next write will move the replaced version's graph on rather than copy this one: this version was
   * made from that one, which is retired (no longer served, so nobody can start to read it: a lease is taken on the
   * version served) and read by nobody any more.
   */
  canRecycle(): boolean {
    const from = this.lineage?.from;
    return from !== undefined && from.retired && from.leases === 0 && !from.recycled;
  }

  /**
   * A graph equal to this version's, the caller's alone to change, its changes recorded from now on: this version's
   * own graph if it was passed on (`passOn`); else the replaced version's moved on (`canRecycle`, once its readers
   * are done, waiting up to LEASE_WAIT_MS for them); else the copy made ahead; else a copy made now in slices (given
   * up, and undefined, once `wanted` turns false). Either way the replaced version's graph is not kept for later.
   */
  async changedCopy(wanted: () => boolean = () => true): Promise<ChangedCopy | undefined> {
    if (this.passing && !this.recycled) return this.handOver();
    await this.readBeforeRecycling()?.unleased(LEASE_WAIT_MS);
    const recyclable = this.canRecycle() ? this.lineage : undefined;
    this.lineage = undefined;
    let graph: EntityGraph | undefined;
    if (recyclable) {
      recyclable.from.recycled = true;
      this.dropSpare();
      graph = recyclable.from.own;
      await runInSlices(replayInSteps(graph, recyclable.ops));
    } else {
      graph = (await this.takeSpare()) ?? (await runInSlices(whileWanted(sharingCopyInSteps(this.own), wanted)));
    }
    if (!graph) return undefined;
    const stop = recordChanges(graph);
    return {
      graph,
      recorded: () => {
        const ops = stop();
        return ops && { from: this, ops };
      },
    };
  }

  /** `changedCopy` of a version passed on (`passOn`): its own graph, and its lineage carried on by the new changes. */
  private handOver(): ChangedCopy {
    this.recycled = true;
    this.dropSpare();
    const before = this.lineage;
    this.lineage = undefined;
    const stop = recordChanges(this.own);
    return {
      graph: this.own,
      recorded: () => {
        const ops = stop();
        return before && ops && { from: before.from, ops: [...before.ops, ...ops] };
      },
    };
  }

  /**
   * Once served after a write: a sharing copy of the graph, made now in slices between reads, that the next write
   * (or this corpus's layout) changes instead of copying the graph itself; under a stream of writes the copy is made
   * while the next one is extracted and queued rather than while it waits. Not for a graph under `minEdges`, nor when
   * the next write can move the replaced version's graph on instead (`canRecycle`): only when that one is still read,
   * and still LEASE_WAIT_MS later (the copy starts then).
   */
  prepareSpare(minEdges = SPARE_ABOVE_EDGES): void {
    if (this.spare || this.own.size < minEdges || this.canRecycle()) return;
    const spare = { wanted: true, copy: Promise.resolve<EntityGraph | undefined>(undefined) };
    const read = this.readBeforeRecycling();
    spare.copy = (read ? read.unleased(LEASE_WAIT_MS) : Promise.resolve()).then(() =>
      // its readers done meanwhile: the next write moves that graph on, and no copy is made
      spare.wanted && !this.canRecycle() ? runInSlices(whileWanted(sharingCopyInSteps(this.own), () => spare.wanted)) : undefined,
    );
    this.spare = spare;
  }

  /** Whether a copy made ahead waits for the next write (none before `prepareSpare`, nor once one took it). */
  hasSpare(): boolean {
    return this.spare !== undefined;
  }

  /** No longer served: a copy made ahead and not taken is given up. */
  dropSpare(): void {
    if (this.spare) this.spare.wanted = false;
    this.spare = undefined;
  }

  /** The copy made ahead, if any: the caller's alone (nobody else gets it); undefined when there is none. */
  private takeSpare(): Promise<EntityGraph | undefined> {
    const spare = this.spare;
    this.spare = undefined;
    return spare ? spare.copy.catch(() => undefined) : Promise.resolve(undefined);
  }
}
