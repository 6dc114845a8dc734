// The corrections routes: what POST /api/corrections takes, and what the log, a correction and the review answer.
import { z } from "zod";

import { CORRECTION_ACTIONS, ENTITY_TYPES } from "../types.js";
import { graphChangeSchema } from "./documents.js";

const MAX_LABEL = 200;
const MAX_NOTE = 2000;

/** Fields each action takes besides `action` and `note`. */
const FIELDS: Record<(typeof CORRECTION_ACTIONS)[number], string[]> = {
  merge: ["from", "into"],
  split: ["entity", "aliases", "documents", "into"],
  rename: ["entity", "label"],
  retype: ["entity", "type"],
  hide: ["entity"],
  "keep-apart": ["entities"],
};

const text = (max = MAX_LABEL) =>
  z
    .string({ error: "must be a non-empty string" })
    .refine((v) => v.trim() !== "", "must be a non-empty string")
    .refine((v) => v.length <= max, `must be at most ${max} characters`)
    .transform((v) => v.trim());

/** Each element with the list's own message: the field is wrong as a whole. */
const nonEmpty = (message: string) => z.string({ error: message }).refine((v) => v.trim() !== "", message);
const LIST = "must be an array of non-empty strings";
const textList = z
  .array(nonEmpty(LIST), { error: LIST })
  .optional()
  .transform((v) => [...new Set(v ?? [])]);

const PAIR = "must be an array of two entity ids";
const note = text(MAX_NOTE).optional();
const entityId = text();

/** What the entity panel posts: entities by id (the server names them the stable way, with their cluster keys). */
export const correctionRequestSchema = z
  .custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
    error: "the body must be a JSON object with an action",
  })
  .superRefine((body, ctx) => {
    const action = CORRECTION_ACTIONS.find((a) => a === body.action);
    if (!action) {
      ctx.addIssue({ code: "custom", path: ["action"], message: `must be one of ${CORRECTION_ACTIONS.join(", ")}` });
      return;
    }
    const unknown = Object.keys(body).find((k) => k !== "action" && k !== "note" && !FIELDS[action].includes(k));
    if (unknown)
      ctx.addIssue({ code: "custom", path: [unknown], message: `unknown field for ${action} (expected ${FIELDS[action].join(", ")})` });
  })
  .pipe(
    z.discriminatedUnion("action", [
      z.object({ action: z.literal("merge"), note, from: entityId, into: entityId }),
      z
        .object({ action: z.literal("split"), note, aliases: textList, documents: textList, entity: entityId, into: entityId.optional() })
        .superRefine((s, ctx) => {
          if (s.aliases.length === 0 && s.documents.length === 0)
            ctx.addIssue({ code: "custom", path: ["aliases"], message: "name at least one alias (or documents) to split out" });
        }),
      z.object({ action: z.literal("rename"), note, entity: entityId, label: text() }),
      z.object({
        action: z.literal("retype"),
        note,
        type: text().pipe(z.enum(ENTITY_TYPES, { error: `must be one of ${ENTITY_TYPES.join(", ")}` })),
        entity: entityId,
      }),
      z.object({ action: z.literal("hide"), note, entity: entityId }),
      z.object({
        action: z.literal("keep-apart"),
        note,
        entities: z
          .tuple([nonEmpty(PAIR), nonEmpty(PAIR)], { error: PAIR })
          .refine(([a, b]) => a !== b, "an entity cannot be kept apart from itself"),
      }),
    ]),
  );
export type CorrectionRequest = z.output<typeof correctionRequestSchema>;

const entityRefSchema = z.object({ id: z.string(), keys: z.array(z.string()) });
const stamp = { id: z.number(), author: z.string(), at: z.string(), note: z.string().optional() };

/** One stored decision (common/types.ts Correction). */
export const correctionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("merge"), from: entityRefSchema, into: entityRefSchema, ...stamp }),
  z.object({
    action: z.literal("split"),
    entity: entityRefSchema,
    aliases: z.array(z.string()),
    documents: z.array(z.string()),
    into: entityRefSchema.optional(),
    ...stamp,
  }),
  z.object({ action: z.literal("rename"), entity: entityRefSchema, label: z.string(), ...stamp }),
  z.object({ action: z.literal("retype"), entity: entityRefSchema, type: z.enum(ENTITY_TYPES), ...stamp }),
  z.object({ action: z.literal("hide"), entity: entityRefSchema, ...stamp }),
  z.object({ action: z.literal("keep-apart"), entities: z.tuple([entityRefSchema, entityRefSchema]), ...stamp }),
]);

/** A log entry: the correction, whether it still applies here, and the entities it concerns now. */
export const loggedCorrectionSchema = correctionSchema.and(
  z.object({ status: z.enum(["applied", "no-op", "unresolved"]), now: z.array(z.string()) }),
);
export type LoggedCorrection = z.infer<typeof loggedCorrectionSchema>;

/** What a correction or an undo changed in the graph: ids, and the entities whose label changed. */
export const correctionAnswerSchema = z.object({
  correction: correctionSchema.optional(),
  change: graphChangeSchema.extend({
    entities: graphChangeSchema.shape.entities.extend({
      relabelled: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
    }),
  }),
});
export type CorrectionAnswer = z.infer<typeof correctionAnswerSchema>;

export const correctionsLogSchema = z.object({ corrections: z.array(loggedCorrectionSchema) });
export const importAnswerSchema = z.object({ imported: z.array(loggedCorrectionSchema), change: correctionAnswerSchema.shape.change });

/** What a corrections.json says it is. */
export const CORRECTIONS_FORMAT = "entity-graph-corrections";

/** GET /api/corrections/export: the log without this store's ids. */
export const correctionsFileSchema = z.object({
  format: z.literal(CORRECTIONS_FORMAT),
  version: z.literal(1),
  corrections: z.array(z.looseObject({ action: z.enum(CORRECTION_ACTIONS), author: z.string(), at: z.string() })),
});

const duplicateSideSchema = z.object({ id: z.string(), label: z.string(), type: z.enum(ENTITY_TYPES), mentions: z.number() });
/** GET /api/review/duplicates: pairs to review; `from` is the smaller entity, the one a merge would fold into `into`. */
export const duplicatesSchema = z.object({
  duplicates: z.array(
    z.object({
      from: duplicateSideSchema,
      into: duplicateSideSchema,
      reason: z.enum(["surname", "spelling", "acronym"]),
      score: z.number(),
    }),
  ),
});
export type Duplicate = z.infer<typeof duplicatesSchema>["duplicates"][number];

// ---- POST /api/corrections/import: another store's corrections.json ----

const NOT_A_FILE = `not a corrections file: expected { "format": "${CORRECTIONS_FORMAT}", "corrections": [...] }`;

/** An entity as another store named it: matched to this corpus by its cluster keys. `params.ref` marks its issues. */
const exportedRef = z
  .custom<{ id: string; keys: string[] }>(
    (v) => {
      const r = v as { id?: unknown; keys?: unknown } | null | undefined;
      return typeof r?.id === "string" && Array.isArray(r.keys) && r.keys.every((k) => typeof k === "string");
    },
    { message: "must be { id, keys: [...] }", params: { ref: true } },
  )
  .transform((r) => ({ id: r.id, keys: [...r.keys] }));
const strings = z
  .custom<string[] | null>((v) => v === null || (Array.isArray(v) && v.every((x) => typeof x === "string")), "must be strings")
  .optional()
  .transform((v) => v ?? []);
const filled = (v: unknown) => (typeof v === "string" && v ? v : undefined);
/** Who made it and when, as the file says; what it lacks is filled in here. */
const exportedStamp = {
  author: z
    .unknown()
    .optional()
    .transform((v) => filled(v) ?? "imported"),
  at: z
    .unknown()
    .optional()
    .transform((v) => filled(v) ?? new Date().toISOString()),
  note: z.unknown().optional().transform(filled),
};

/**
 * One exported correction. Fields are listed in the order they are checked, so the first problem named is the
 * first one a reader meets; the output is rebuilt in the stored order.
 */
const exportedCorrection = z.preprocess(
  (v) => (typeof v === "object" && v !== null && !Array.isArray(v) ? v : {}),
  z
    .discriminatedUnion(
      "action",
      [
        z.object({ action: z.literal("merge"), from: exportedRef, into: exportedRef, ...exportedStamp }),
        z.object({
          action: z.literal("split"),
          entity: exportedRef,
          aliases: strings,
          documents: strings,
          into: exportedRef.optional(),
          ...exportedStamp,
        }),
        z.object({
          action: z.literal("rename"),
          label: z
            .string({ error: "must be a non-empty string" })
            .refine((v) => v.trim() !== "", "must be a non-empty string")
            .transform((v) => v.trim()),
          entity: exportedRef,
          ...exportedStamp,
        }),
        z.object({
          action: z.literal("retype"),
          type: z.enum(ENTITY_TYPES, { error: `must be one of ${ENTITY_TYPES.join(", ")}` }),
          entity: exportedRef,
          ...exportedStamp,
        }),
        z.object({ action: z.literal("hide"), entity: exportedRef, ...exportedStamp }),
        z.object({
          action: z.literal("keep-apart"),
          entities: z.tuple([exportedRef, exportedRef], { error: "must be two entity references" }),
          ...exportedStamp,
        }),
      ],
      { error: "unknown action" },
    )
    .transform(({ author, at, note, ...change }) => {
      const stamp = { author, at, ...(note ? { note } : {}) };
      switch (change.action) {
        case "merge":
          return { action: change.action, from: change.from, into: change.into, ...stamp };
        case "split": {
          const { action, entity, aliases, documents, into } = change;
          return { action, entity, aliases, documents, ...(into ? { into } : {}), ...stamp };
        }
        case "rename":
          return { action: change.action, entity: change.entity, label: change.label, ...stamp };
        case "retype":
          return { action: change.action, entity: change.entity, type: change.type, ...stamp };
        case "hide":
          return { action: change.action, entity: change.entity, ...stamp };
        case "keep-apart":
          return { action: change.action, entities: change.entities, ...stamp };
      }
    }),
);

/** What the import takes: a corrections.json (its version is not checked), every correction read or the file refused. */
export const correctionsImportSchema = z
  .object(
    {
      format: z.literal(CORRECTIONS_FORMAT, { error: NOT_A_FILE }),
      corrections: z.array(z.unknown(), { error: NOT_A_FILE }),
    },
    { error: NOT_A_FILE },
  )
  .pipe(z.object({ format: z.literal(CORRECTIONS_FORMAT), corrections: z.array(exportedCorrection) }));
export type CorrectionsImport = z.output<typeof correctionsImportSchema>;
