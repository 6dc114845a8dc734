import type { EntityType, Stance } from "./types.js";

// Colours as rgb() strings: GEXF readers such as networkx read r/g/b attributes but not hex.
export const TYPE_COLORS: Record<EntityType, string> = {
  person: "rgb(78,121,167)",
  country: "rgb(242,142,43)",
  organization: "rgb(89,161,79)",
  event: "rgb(176,122,161)",
};

export const CO_MENTION_COLOR = "rgb(190,190,190)";
/**
 * Stances in colours of their own, none near a type colour: Paul Tol's "vibrant" cyan and magenta, which stay
 * apart for red-green colour-blind readers (one light and bluish, one dark and reddish).
 */
export const STANCE_COLORS: Record<Stance, string> = { support: "rgb(51,187,238)", oppose: "rgb(238,51,119)" };

/** Node size grows with the square root of mentions, so a 100-mention country does not swallow the view. */
export function nodeSize(mentions: number): number {
  return Math.min(40, 4 + 3 * Math.sqrt(mentions));
}

export function edgeSize(weight: number): number {
  return Math.min(10, 1 + Math.log2(weight));
}

/** Tableau 10 without the type colours' near twins: enough to tell Louvain communities apart. */
export const COMMUNITY_COLORS = [
  "rgb(31,119,180)",
  "rgb(255,127,14)",
  "rgb(44,160,44)",
  "rgb(214,39,40)",
  "rgb(148,103,189)",
  "rgb(140,86,75)",
  "rgb(227,119,194)",
  "rgb(127,127,127)",
  "rgb(188,189,34)",
  "rgb(23,190,207)",
];

export const SIZE_BY = ["mentions", "degree", "pagerank"] as const;
export type SizeBy = (typeof SIZE_BY)[number];
export const COLOR_BY = ["type", "community"] as const;
export type ColorBy = (typeof COLOR_BY)[number];

/** What a node's look is computed from: the attributes the server sends (common/graph.ts). */
interface Looks {
  type: EntityType;
  mentions: number;
  /** The size and colour the server computed (by mentions, by type): used as they are. */
  size?: number;
  color?: string;
  degree?: number;
  pagerank?: number;
  community?: number;
}

/** A node's size by the chosen measure; PageRank is relative to the largest one shown (`maxPagerank`). */
export function sizeFor(a: Looks, by: SizeBy, maxPagerank = 1): number {
  if (by === "degree") return Math.min(40, 4 + 3 * Math.sqrt(a.degree ?? 0));
  if (by === "pagerank") return 4 + 30 * Math.sqrt((a.pagerank ?? 0) / maxPagerank);
  return a.size ?? nodeSize(a.mentions);
}

/** A node's colour: its type's, or its Louvain community's (colours repeat every COMMUNITY_COLORS.length). */
export function colorFor(a: Looks, by: ColorBy): string {
  return by === "community" ? COMMUNITY_COLORS[(a.community ?? 0) % COMMUNITY_COLORS.length]! : (a.color ?? TYPE_COLORS[a.type]);
}
