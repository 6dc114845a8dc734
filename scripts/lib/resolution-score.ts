// Scores corpus resolution against a labelled set: which entities came out as one clean node, which were split,
// mistyped or missing, which pairs were wrongly merged, and which junk names are nodes. Pure (unit-tested).
import type { EntityType } from "../../server/types.js";

export interface ResolutionLabels {
  /** Folders of articles, relative to ../shared/data/news ("bbc/sport"). */
  corpus: string[];
  /** Each real thing: the names that must end up in one node, and its type. */
  entities: { labels: string[]; type: EntityType }[];
  /** Names that must not be a node (a node's label). */
  never: string[];
  /** Names of different things: never in one node. */
  apart: [string, string][];
}

export interface ScoredNode {
  id: string;
  label: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
}

export type EntityVerdict = "clean" | "split" | "wrong type" | "missing";

export interface ResolutionScore {
  entities: number;
  clean: number;
  split: number;
  wrongType: number;
  missing: number;
  falseMerges: number;
  junkPresent: number;
  details: {
    entities: { labels: string[]; verdict: EntityVerdict; nodes: string[] }[];
    falseMerges: [string, string, string][];
    junk: string[];
  };
}

/** Checks a parsed labels file; throws with what is wrong. */
export function validateLabels(value: unknown): ResolutionLabels {
  const fail = (what: string): never => {
    throw new Error(`labels: ${what}`);
  };
  const v = value as Partial<ResolutionLabels>;
  if (!v || typeof v !== "object") fail("not a JSON object");
  if (!Array.isArray(v.corpus) || v.corpus.some((c) => typeof c !== "string")) fail('"corpus" must be an array of folder names');
  if (!Array.isArray(v.entities)) fail('"entities" must be an array');
  for (const [i, e] of v.entities!.entries()) {
    if (!Array.isArray(e?.labels) || e.labels.length === 0 || e.labels.some((l) => typeof l !== "string"))
      fail(`entities[${i}].labels must be non-empty strings`);
    if (!["person", "country", "organization", "event"].includes(e.type))
      fail(`entities[${i}].type "${String(e.type)}" is not an entity type`);
  }
  if (!Array.isArray(v.never) || v.never.some((n) => typeof n !== "string")) fail('"never" must be an array of names');
  if (!Array.isArray(v.apart) || v.apart.some((p) => !Array.isArray(p) || p.length !== 2)) fail('"apart" must be an array of name pairs');
  return v as ResolutionLabels;
}

/** The node a name lands in: the one labelled so, else the most mentioned one holding it as an alias. */
function nodeOf(byLabel: Map<string, ScoredNode>, byAlias: Map<string, ScoredNode[]>, name: string) {
  return (
    byLabel.get(name) ??
    (byAlias.get(name) ?? []).reduce<ScoredNode | undefined>((a, b) => (!a || b.mentions > a.mentions ? b : a), undefined)
  );
}

export function scoreResolution(labels: ResolutionLabels, nodes: readonly ScoredNode[]): ResolutionScore {
  const byLabel = new Map(nodes.map((n) => [n.label, n]));
  const byAlias = new Map<string, ScoredNode[]>();
  for (const n of nodes) for (const a of new Set([n.label, ...n.aliases])) byAlias.set(a, [...(byAlias.get(a) ?? []), n]);
  const find = (name: string) => nodeOf(byLabel, byAlias, name);
  const score: ResolutionScore = {
    entities: labels.entities.length,
    clean: 0,
    split: 0,
    wrongType: 0,
    missing: 0,
    falseMerges: 0,
    junkPresent: 0,
    details: { entities: [], falseMerges: [], junk: [] },
  };
  for (const e of labels.entities) {
    const found = e.labels.map(find);
    const ids = [...new Set(found.filter((n) => n !== undefined).map((n) => n.id))];
    let verdict: EntityVerdict;
    if (ids.length === 0) verdict = "missing";
    else if (ids.length > 1 || found.includes(undefined)) verdict = "split";
    else if (found[0]!.type !== e.type) verdict = "wrong type";
    else verdict = "clean";
    score.details.entities.push({ labels: e.labels, verdict, nodes: ids });
    if (verdict === "clean") score.clean++;
    else if (verdict === "split") score.split++;
    else if (verdict === "wrong type") score.wrongType++;
    else score.missing++;
  }
  // Different labelled entities in one node are false merges too, as are the pairs listed apart.
  const pairs: [string, string][] = [...labels.apart];
  for (let i = 0; i < labels.entities.length; i++) {
    for (let j = i + 1; j < labels.entities.length; j++) pairs.push([labels.entities[i]!.labels[0]!, labels.entities[j]!.labels[0]!]);
  }
  for (const [a, b] of pairs) {
    const na = find(a);
    if (na && na === find(b)) score.details.falseMerges.push([a, b, na.id]);
  }
  score.falseMerges = score.details.falseMerges.length;
  for (const name of labels.never) if (byLabel.has(name)) score.details.junk.push(name);
  score.junkPresent = score.details.junk.length;
  return score;
}

/** "N of M entities clean (split / wrong type / missing), false merges, junk nodes present". */
export function formatResolutionScore(s: ResolutionScore): string {
  const pct = s.entities === 0 ? 0 : (100 * s.clean) / s.entities;
  return `${s.clean} of ${s.entities} entities clean (${pct.toFixed(1)}%; ${s.split} split / ${s.wrongType} wrong type / ${s.missing} missing), ${s.falseMerges} false merges, ${s.junkPresent} junk nodes present`;
}
