// The API contract: every answer's schema by name (requests: ./queries.ts, ./documents.ts, ./corrections.ts).
// The client checks answers with them in development and tests; tests/api-contract.test.ts checks every route.
import { z } from "zod";

import {
  correctionAnswerSchema,
  correctionsFileSchema,
  correctionsLogSchema,
  duplicatesSchema,
  importAnswerSchema,
} from "./corrections.js";
import { addResultSchema, deleteResultSchema, documentSummarySchema } from "./documents.js";
import {
  documentDetailSchema,
  edgeDetailSchema,
  entityDetailSchema,
  errorSchema,
  graphSchema,
  graphViewSchema,
  healthSchema,
  searchHitSchema,
} from "./views.js";

export const answers = {
  /** GET /api/health */
  health: healthSchema,
  /** GET /api/graph (body) */
  graph: graphSchema,
  /** GET /api/graph (X-Graph-View header) */
  graphView: graphViewSchema,
  /** GET /api/entities/:id */
  entity: entityDetailSchema,
  /** GET /api/edges/:id */
  edge: edgeDetailSchema,
  /** GET /api/search */
  search: z.array(searchHitSchema),
  /** GET /api/documents */
  documents: z.array(documentSummarySchema),
  /** GET /api/documents/:id */
  document: documentDetailSchema,
  /** POST /api/documents */
  added: addResultSchema,
  /** DELETE /api/documents/:id */
  deleted: deleteResultSchema,
  /** GET /api/corrections */
  corrections: correctionsLogSchema,
  /** POST /api/corrections, DELETE /api/corrections/:id */
  correction: correctionAnswerSchema,
  /** POST /api/corrections/import */
  imported: importAnswerSchema,
  /** GET /api/corrections/export */
  correctionsFile: correctionsFileSchema,
  /** GET /api/review/duplicates */
  duplicates: duplicatesSchema,
  /** Every 4xx and 5xx */
  error: errorSchema,
};
export type AnswerName = keyof typeof answers;
export type Answer<N extends AnswerName> = z.infer<(typeof answers)[N]>;
