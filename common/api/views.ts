// What the read routes answer: an entity, an edge, a document, a search, the health check and the graph itself.
import { z } from "zod";

import { edgeAttributesSchema, nodeAttributesSchema } from "../graph.js";
import { EDGE_KINDS, ENTITY_TYPES, STANCES } from "../types.js";

const entityType = z.enum(ENTITY_TYPES);

/** Where an entity is named in a sentence (offsets into the sentence text; in a document answer, into the document). */
export const entitySpanSchema = z.object({ start: z.number(), end: z.number(), entityId: z.string(), type: entityType });
export type EntitySpan = z.infer<typeof entitySpanSchema>;

export const mentionViewSchema = z.object({
  sentenceId: z.string(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  surface: z.string(),
  docId: z.string(),
  docTitle: z.string(),
  docDate: z.string().optional(),
  /** The other entities named in the sentence, so a view can link them. */
  others: z.array(entitySpanSchema),
});
export type MentionView = z.infer<typeof mentionViewSchema>;

/** A neighbour of an entity through one edge, e.g. a top co-mentioned entity or the target of a stance. */
export const relatedEntitySchema = z.object({
  id: z.string(),
  label: z.string(),
  type: entityType,
  edge: z.string(),
  weight: z.number(),
  confidence: z.number().optional(),
});
export type RelatedEntity = z.infer<typeof relatedEntitySchema>;

export const highlightSchema = z.object({ start: z.number(), end: z.number(), role: z.enum(["source", "target", "cue"]) });
export type Highlight = z.infer<typeof highlightSchema>;

export const evidenceViewSchema = z.object({
  sentenceId: z.string(),
  text: z.string(),
  docId: z.string(),
  docTitle: z.string(),
  cue: z.string().optional(),
  confidence: z.number().optional(),
  highlights: z.array(highlightSchema),
  /** Every entity named in the sentence, so a view can link them. */
  entities: z.array(entitySpanSchema),
});
export type EvidenceView = z.infer<typeof evidenceViewSchema>;

/** GET /api/entities/:id: the entity, its relations, its mention timeline and a page of its sentences. */
export const entityDetailSchema = z.object({
  id: z.string(),
  label: z.string(),
  type: entityType,
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
  affiliations: z.array(z.string()),
  mentions: z.number(),
  documents: z.number(),
  community: z.number(),
  pagerank: z.number(),
  degree: z.number(),
  coMentioned: z.array(relatedEntitySchema),
  /** Mentions per document date. */
  timeline: z.record(z.string(), z.number()),
  undated: z.number(),
  sentencesTotal: z.number(),
  sentencesOffset: z.number(),
  stances: z.object({
    supports: z.array(relatedEntitySchema),
    opposes: z.array(relatedEntitySchema),
    supportedBy: z.array(relatedEntitySchema),
    opposedBy: z.array(relatedEntitySchema),
  }),
  sentences: z.array(mentionViewSchema),
});
export type EntityDetail = z.infer<typeof entityDetailSchema>;

/** GET /api/edges/:id: the edge and the sentences behind it. */
export const edgeDetailSchema = z.object({
  id: z.string(),
  kind: z.enum(EDGE_KINDS),
  source: z.string(),
  target: z.string(),
  stance: z.enum(STANCES).optional(),
  weight: z.number(),
  sourceLabel: z.string(),
  targetLabel: z.string(),
  evidence: z.array(evidenceViewSchema),
});
export type EdgeDetail = z.infer<typeof edgeDetailSchema>;

/** GET /api/documents/:id: the text and every entity in it (offsets into the text). */
export const documentDetailSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  date: z.string().optional(),
  source: z.string().optional(),
  author: z.string().optional(),
  credit: z.string().optional(),
  mentions: z.array(entitySpanSchema),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

/** GET /api/search: best hits first. */
export const searchHitSchema = z.object({
  id: z.string(),
  label: z.string(),
  type: entityType,
  /** The alias that matched, when it was not the label. */
  via: z.string().optional(),
  rank: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/**
 * GET /api/health: `stamp` changes whenever the corpus does (documents, corrections); `layout` also changes when
 * only the positions do (a big graph's new nodes laid out after the write was answered). `resolving`: the corpus
 * shown holds documents resolved provisionally (a write to a big corpus), and its full resolution is under way.
 */
export const healthSchema = z.object({
  ok: z.literal(true),
  documents: z.number(),
  entities: z.number(),
  edges: z.number(),
  stamp: z.string(),
  layout: z.string(),
  resolving: z.boolean(),
});

/** GET /api/graph: graphology's serialized form (`graph.export()`). */
export const graphSchema = z.object({
  options: z.object({ type: z.enum(["mixed", "directed", "undirected"]), multi: z.boolean(), allowSelfLoops: z.boolean() }),
  attributes: z.record(z.string(), z.unknown()),
  nodes: z.array(z.object({ key: z.string(), attributes: nodeAttributesSchema })),
  edges: z.array(
    z.object({
      key: z.string(),
      source: z.string(),
      target: z.string(),
      attributes: edgeAttributesSchema,
      undirected: z.boolean().optional(),
    }),
  ),
});
export type GraphData = z.infer<typeof graphSchema>;

const countsSchema = z.object({ nodes: z.number(), edges: z.number() });
export type Counts = z.infer<typeof countsSchema>;

/** The X-Graph-View header beside GET /api/graph: counts shown and hidden, and the full graph's extent. */
export const graphViewSchema = z.object({
  total: countsSchema,
  shown: countsSchema,
  hidden: countsSchema,
  bbox: z.object({ x: z.tuple([z.number(), z.number()]), y: z.tuple([z.number(), z.number()]) }).optional(),
});
export type GraphView = z.infer<typeof graphViewSchema>;

/** Every error: `{ error }`, with fields some errors add (`field`, `mergedInto`, `rejected`, …). */
export const errorSchema = z.looseObject({ error: z.string() });
