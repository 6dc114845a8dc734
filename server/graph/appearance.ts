import type { EntityType, Stance } from "../types.js";

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
