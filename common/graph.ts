// The graph as GET /api/graph sends it: graphology's serialized form, with these node and edge attributes.
import { z } from "zod";

import { EDGE_KINDS, ENTITY_TYPES, STANCES } from "./types.js";

export const nodeAttributesSchema = z.object({
  label: z.string(),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
  affiliations: z.array(z.string()),
  /** See Entity.ambiguous. */
  ambiguous: z.literal(true).optional(),
  /** See Entity.event. */
  event: z.object({ kind: z.string(), year: z.number().optional() }).optional(),
  mentions: z.number(),
  documents: z.number(),
  /** Louvain community over the weighted, undirected projection of all edges. */
  community: z.number(),
  pagerank: z.number(),
  degree: z.number(),
  x: z.number(),
  y: z.number(),
  size: z.number(),
  color: z.string(),
});
export type NodeAttributes = z.infer<typeof nodeAttributesSchema>;

export const edgeAttributesSchema = z.object({
  kind: z.enum(EDGE_KINDS),
  weight: z.number(),
  stance: z.enum(STANCES).optional(),
  confidence: z.number().optional(),
  size: z.number(),
  color: z.string(),
  type: z.enum(["arrow", "line"]).optional(),
});
export type EdgeAttributes = z.infer<typeof edgeAttributesSchema>;
