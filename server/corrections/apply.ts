// The corrections stage: the analysts' decisions applied, in log order, to what corpus resolution made of the
// mentions. Pure and deterministic: the same resolution and the same log give the same entities, so a graph built
// incrementally equals a rebuild. An entity no correction concerns passes through untouched, id and all.
import { resolvedMention } from "../../common/mentions.js";
import { sortedUnique } from "../../common/group.js";
import { chooseLabel, entityId } from "../extract/08-entities.js";
import type {
  AppliedCorrections,
  Correction,
  CorrectionOutcome,
  Entity,
  EntityRef,
  EntityType,
  GoneEntity,
  ResolvedMention,
} from "../types.js";

type Outcome = Omit<CorrectionOutcome, "action">;

export interface Resolved {
  entities: Entity[];
  mentions: ResolvedMention[];
}

/** The working state: which entity each mention belongs to, and each entity's record as corrected so far. */
class Working {
  /** Entity id per mention index; undefined once hidden. */
  private readonly owner: (string | undefined)[];
  private readonly members = new Map<string, Set<number>>();
  private readonly byCluster = new Map<string, number[]>();
  readonly entities: Map<string, Entity>;
  /** Entities whose aliases, roles and affiliations must be read again from their mentions. */
  private readonly touched = new Set<string>();
  readonly gone: Record<string, GoneEntity> = {};
  /** Mentions split out by their surface form, with it as their name. */
  private readonly names = new Map<number, string>();

  constructor(private readonly resolved: Resolved) {
    this.entities = new Map(resolved.entities.map((e) => [e.id, e]));
    this.owner = resolved.mentions.map((m) => m.entityId);
    resolved.mentions.forEach((m, i) => {
      this.memberSet(m.entityId).add(i);
      const list = this.byCluster.get(m.cluster);
      if (list) list.push(i);
      else this.byCluster.set(m.cluster, [i]);
    });
  }

  private memberSet(id: string): Set<number> {
    let set = this.members.get(id);
    if (!set) this.members.set(id, (set = new Set()));
    return set;
  }

  /**
   * The entity a reference names now: the one with its id (after following merges and retypes), else the one
   * holding most of the mentions of its cluster keys (ties: the smaller id); undefined when none holds any.
   */
  find(ref: EntityRef): string | undefined {
    let id = ref.id;
    for (let hops = 0; this.gone[id]?.to && hops < 100; hops++) id = this.gone[id]!.to!;
    if (this.entities.has(id)) return id;
    const counts = new Map<string, number>();
    for (const key of ref.keys) {
      for (const i of this.byCluster.get(key) ?? []) {
        const o = this.owner[i];
        if (o !== undefined) counts.set(o, (counts.get(o) ?? 0) + 1);
      }
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  }

  private freeId(type: EntityType, label: string, prefer?: string): string {
    if (prefer && !this.entities.has(prefer) && prefer.startsWith(`${type}:`)) return prefer;
    let id = entityId(type, label);
    while (this.entities.has(id)) id += "-2";
    return id;
  }

  private move(indexes: Iterable<number>, to: string): void {
    const target = this.memberSet(to);
    for (const i of indexes) {
      const from = this.owner[i]!;
      this.members.get(from)?.delete(i);
      this.owner[i] = to;
      target.add(i);
      this.touched.add(from);
    }
    this.touched.add(to);
  }

  /** Removes an entity left with no mentions. */
  private dropIfEmpty(id: string, gone: GoneEntity): void {
    if ((this.members.get(id)?.size ?? 0) > 0) return;
    this.entities.delete(id);
    this.members.delete(id);
    this.gone[id] = gone;
  }

  /** The mention as corrected so far: a split by a surface form ("Kremlin" read as Russia) gives it that name. */
  private mention(i: number): ResolvedMention {
    const m = this.resolved.mentions[i]!;
    const name = this.names.get(i);
    return name === undefined ? m : resolvedMention(m, name, m.type, m.entityId);
  }

  /** A new entity of the given mentions, labelled from their names. */
  private create(type: EntityType, indexes: number[], prefer?: string): string {
    const label = chooseLabel(
      type,
      indexes.map((i) => this.mention(i).name),
    );
    const id = this.freeId(type, label, prefer);
    this.entities.set(id, { id, label, type, aliases: [], roles: [], affiliations: [] });
    this.move(indexes, id);
    return id;
  }

  merge(c: Extract<Correction, { action: "merge" }>): Outcome {
    const from = this.find(c.from);
    const into = this.find(c.into);
    if (!from || !into) return { id: c.id, status: "unresolved", entities: [] };
    if (from === into) return { id: c.id, status: "no-op", entities: [into] };
    this.move([...this.members.get(from)!], into);
    this.dropIfEmpty(from, { action: "merge", to: into, correction: c.id });
    return { id: c.id, status: "applied", entities: [into] };
  }

  split(c: Extract<Correction, { action: "split" }>): Outcome {
    const source = this.find(c.entity);
    if (!source) return { id: c.id, status: "unresolved", entities: [] };
    const aliases = new Set(c.aliases);
    const documents = new Set(c.documents);
    const picked = [...this.members.get(source)!].filter((i) => {
      const m = this.resolved.mentions[i]!;
      return (aliases.size === 0 || aliases.has(m.name) || aliases.has(m.surface)) && (documents.size === 0 || documents.has(m.docId));
    });
    const into = c.into ? this.find(c.into) : undefined;
    const all = picked.length === this.members.get(source)!.size;
    if (picked.length === 0 || into === source || (all && !into)) return { id: c.id, status: "no-op", entities: [source] };
    // "Kremlin" split out of Russia is called Kremlin, though the recogniser gave its mentions the country's name.
    for (const i of picked) {
      const m = this.mention(i);
      if (!aliases.has(m.name) && aliases.has(m.surface)) this.names.set(i, m.surface);
    }
    const target = into ?? this.create(this.entities.get(source)!.type, picked);
    if (into) this.move(picked, into);
    this.dropIfEmpty(source, { action: "merge", to: target, correction: c.id });
    return { id: c.id, status: "applied", entities: [source, target].filter((id) => this.entities.has(id)) };
  }

  rename(c: Extract<Correction, { action: "rename" }>): Outcome {
    const id = this.find(c.entity);
    if (!id) return { id: c.id, status: "unresolved", entities: [] };
    const entity = this.entities.get(id)!;
    if (entity.label === c.label) return { id: c.id, status: "no-op", entities: [id] };
    this.entities.set(id, { ...entity, label: c.label });
    return { id: c.id, status: "applied", entities: [id] };
  }

  /** The entity gets the new type and the id that goes with it (`type:slug`); the old id points at the new one. */
  retype(c: Extract<Correction, { action: "retype" }>): Outcome {
    const id = this.find(c.entity);
    if (!id) return { id: c.id, status: "unresolved", entities: [] };
    const entity = this.entities.get(id)!;
    if (entity.type === c.type) return { id: c.id, status: "no-op", entities: [id] };
    const to = this.freeId(c.type, entity.label);
    this.entities.set(to, { ...entity, id: to, type: c.type });
    this.move([...this.members.get(id)!], to);
    this.dropIfEmpty(id, { action: "retype", to, correction: c.id });
    return { id: c.id, status: "applied", entities: [to] };
  }

  hide(c: Extract<Correction, { action: "hide" }>): Outcome {
    const id = this.find(c.entity);
    if (!id) return { id: c.id, status: "unresolved", entities: [] };
    for (const i of this.members.get(id)!) this.owner[i] = undefined;
    this.members.delete(id);
    this.entities.delete(id);
    this.gone[id] = { action: "hide", correction: c.id };
    return { id: c.id, status: "applied", entities: [] };
  }

  /**
   * Two entities resolution must not join. When it has (a new document made a surname unambiguous), the mentions
   * of the second one's cluster keys that the first never held go back to an entity of their own, with its old id.
   */
  keepApart(c: Extract<Correction, { action: "keep-apart" }>): Outcome {
    const [a, b] = c.entities;
    const ida = this.find(a);
    const idb = this.find(b);
    if (!ida || !idb) return { id: c.id, status: "unresolved", entities: [] };
    if (ida !== idb) return { id: c.id, status: "applied", entities: [ida, idb] };
    const keysA = new Set(a.keys);
    const picked = [...this.members.get(ida)!].filter((i) => {
      const cluster = this.resolved.mentions[i]!.cluster;
      return b.keys.includes(cluster) && !keysA.has(cluster);
    });
    if (picked.length === 0) return { id: c.id, status: "no-op", entities: [ida] };
    const split = this.create(this.entities.get(ida)!.type, picked, b.id);
    return { id: c.id, status: "applied", entities: [ida, split] };
  }

  /**
   * Entities in resolution's order (new ones after), each touched one read again from its mentions. Mentions keep
   * their places (stance edges find theirs by index in the document): a hidden one keeps the id of no entity.
   */
  result(): Resolved {
    const mentions = this.resolved.mentions.map((m, i) => {
      const owner = this.owner[i];
      const type = owner === undefined ? m.type : this.entities.get(owner)!.type;
      if (owner === undefined || (owner === m.entityId && type === m.type && !this.names.has(i))) return m;
      return { ...this.mention(i), entityId: owner, type };
    });
    const entities = [...this.entities.values()].map((e) => (this.touched.has(e.id) ? this.reread(e) : e));
    return { entities, mentions };
  }

  private reread(entity: Entity): Entity {
    const ms = [...(this.members.get(entity.id) ?? [])].map((i) => this.mention(i));
    return {
      ...entity,
      aliases: sortedUnique(ms.flatMap((m) => [m.name, m.surface])),
      roles: sortedUnique(ms.flatMap((m) => (m.role ? [m.role] : []))),
      affiliations: sortedUnique(ms.flatMap((m) => (m.affiliation ? [m.affiliation] : []))),
    };
  }
}

/**
 * Applies the log in order of id; each correction sees the entities as the ones before it left them. The mentions
 * of hidden entities stay, pointing at no entity, until `withoutHidden` drops them with their edges.
 */
export function applyCorrections(resolved: Resolved, corrections: Correction[]): Resolved & { applied?: AppliedCorrections } {
  if (corrections.length === 0) return resolved;
  const w = new Working(resolved);
  const log: CorrectionOutcome[] = [];
  for (const c of [...corrections].sort((a, b) => a.id - b.id)) {
    const outcome =
      c.action === "merge"
        ? w.merge(c)
        : c.action === "split"
          ? w.split(c)
          : c.action === "rename"
            ? w.rename(c)
            : c.action === "retype"
              ? w.retype(c)
              : c.action === "hide"
                ? w.hide(c)
                : w.keepApart(c);
    log.push({ ...outcome, action: c.action });
  }
  return { ...w.result(), applied: { log, gone: w.gone } };
}

/** The cluster keys of each entity's mentions: what a new correction stores to find the entity again later. */
export function clusterKeys(mentions: ResolvedMention[]): Map<string, string[]> {
  const keys = new Map<string, Set<string>>();
  for (const m of mentions) {
    let set = keys.get(m.entityId);
    if (!set) keys.set(m.entityId, (set = new Set()));
    set.add(m.cluster);
  }
  return new Map([...keys].map(([id, set]) => [id, [...set].sort()]));
}

/** Mentions and edges of entities that are no longer there (hidden): gone from the graph. */
export function withoutHidden<M extends { entityId: string }, E extends { source: string; target: string }>(
  entities: Entity[],
  mentions: M[],
  edges: E[],
): { mentions: M[]; edges: E[] } {
  const ids = new Set(entities.map((e) => e.id));
  return { mentions: mentions.filter((m) => ids.has(m.entityId)), edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
