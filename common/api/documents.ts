// The documents routes: what POST /api/documents takes (a JSON document) and what the document routes answer.
import { z } from "zod";

import { normalizeDate } from "../dates.js";

const OPTIONAL_FIELDS = ["title", "date", "source", "author"] as const;
const FIELDS: readonly string[] = ["text", ...OPTIONAL_FIELDS];

const isBlank = (text: string) => text.trim() === "";

/** A UTF-16 code unit of a surrogate pair with no partner: `u` mode matches only those ("\ud83d\ude00" is one code point). */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * JSON's `\ud800` escapes can carry half a surrogate pair, which is no character: SQLite would store it as three
 * U+FFFD, moving every later offset and the content hash. Refused, saying where (UTF-16 index, as JavaScript counts).
 */
const wellFormed = (field: string) => (value: string, ctx: z.RefinementCtx) => {
  const m = LONE_SURROGATE.exec(value);
  if (!m) return;
  const unit = `\\u${m[0].charCodeAt(0).toString(16)}`;
  ctx.addIssue({ code: "custom", message: `field "${field}" has a lone surrogate ${unit} at index ${m.index}: not Unicode text` });
};

/** An optional string field: absent, null or blank is left out; otherwise trimmed. */
const optionalText = (field: string) =>
  z
    .union([z.string().superRefine(wellFormed(field)), z.null(), z.undefined()], { error: `field "${field}" must be a string` })
    .transform((v) => (v == null || isBlank(v) ? undefined : v.trim()))
    .optional();

/** One posted document: `{ title?, date?, source?, author?, text }`; a misspelt field is refused, not dropped. */
export const documentInputSchema = z
  .custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
    error: 'expected an object like { "text": "..." }',
  })
  .superRefine((record, ctx) => {
    const unknown = Object.keys(record).filter((k) => !FIELDS.includes(k));
    if (unknown.length > 0)
      ctx.addIssue({ code: "custom", message: `unknown field ${unknown.map((k) => `"${k}"`).join(", ")}; expected ${FIELDS.join(", ")}` });
  })
  .pipe(
    z.object({
      text: z
        .string({ error: 'field "text" must be a string' })
        .superRefine(wellFormed("text"))
        .refine((t) => !isBlank(t), "text is empty"),
      title: optionalText("title"),
      date: optionalText("date")
        .transform((date, ctx) => {
          if (date === undefined) return undefined;
          const day = normalizeDate(date);
          if (day) return day;
          ctx.addIssue({ code: "custom", message: `field "date" must be an ISO date like 2025-02-15, got "${date}"` });
          return z.NEVER;
        })
        .optional(),
      source: optionalText("source"),
      author: optionalText("author"),
    }),
  )
  .transform(
    ({ text, ...rest }) => ({ text, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) }) as DocumentBody,
  );

export interface DocumentBody {
  text: string;
  title?: string;
  date?: string;
  source?: string;
  author?: string;
}

const idChangeSchema = z.object({ added: z.array(z.string()), updated: z.array(z.string()), removed: z.array(z.string()) });
/** What a write changed in the graph: entity and edge ids. */
export const graphChangeSchema = z.object({ entities: idChangeSchema, edges: idChangeSchema });

/** POST /api/documents: 201 when something new was stored, 200 when all of it was already there. */
export const addResultSchema = z.object({
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(["created", "existing", "replaced"]),
      /** The part of the request it came from: "request body", a file name, "document 2", "lines.jsonl line 3". */
      from: z.string(),
      /** What the extraction limits left unread. */
      cut: z.array(z.string()).optional(),
    }),
  ),
  rejected: z.array(z.object({ where: z.string(), status: z.number(), error: z.string() })),
  change: graphChangeSchema,
});
export type AddResult = z.infer<typeof addResultSchema>;

/** DELETE /api/documents/:id */
export const deleteResultSchema = z.object({ id: z.string(), change: graphChangeSchema });

/** GET /api/documents: one row per document, by date then title. */
export const documentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().optional(),
  source: z.string().optional(),
  author: z.string().optional(),
  sentences: z.number(),
  entities: z.number(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
