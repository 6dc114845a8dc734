// Every query string and path parameter of the API, as zod schemas: the server reads requests with them and the
// TypeScript types are theirs (z.output). A value that does not fit gives one message that names it.
import { z } from "zod";

import { isIsoDay } from "../dates.js";
import { EDGE_FILTER_KINDS, ENTITY_TYPES } from "../types.js";

/** What a browser is ever sent, whatever the query says. */
export const MAX_NODES = 10_000;

type Fail = (message: string) => never;

/** A query parameter given at most once (Express reads `?a=1&a=2` as an array); absent or empty: undefined. */
function given<T>(key: string, read: (raw: string, fail: Fail) => T) {
  return z
    .unknown()
    .transform((value, ctx): T | undefined => {
      const fail: Fail = (message) => {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      if (value === undefined || value === "") return undefined;
      if (typeof value !== "string") return fail(`${key}: give it once`);
      return read(value, fail);
    })
    .optional();
}

/** A whole number in [min, max]: `?limit=20`. */
function whole(name: string, min: number, max: number) {
  return z
    .unknown()
    .transform((value, ctx): number | undefined => {
      if (value === undefined) return undefined;
      const n = Number(value);
      if (typeof value === "string" && Number.isInteger(n) && n >= min && n <= max) return n;
      ctx.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    })
    .optional();
}

function list<T extends string>(key: string, allowed: readonly T[]) {
  return given(key, (raw, fail) => {
    const items = raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = items.find((item) => !allowed.includes(item as T));
    return unknown === undefined ? (items as T[]) : fail(`${key}: unknown value "${unknown}" (one of ${allowed.join(", ")})`);
  });
}

const count = (key: string, max = Number.MAX_SAFE_INTEGER) =>
  given(key, (raw, fail) =>
    /^\d+$/.test(raw) && Number(raw) <= max ? Number(raw) : fail(`${key}: expected a whole number from 0 to ${max}, got "${raw}"`),
  );

const day = (key: string) => given(key, (raw, fail) => (isIsoDay(raw) ? raw : fail(`${key}: expected a date YYYY-MM-DD, got "${raw}"`)));

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** The object without its undefined members: what was not asked for is not there (`Object.keys` counts what was). */
function defined<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<T>;
}

/** GET /api/graph and GET /api/export.gexf: `?types=person,country&minMentions=2&focus=person:x&hops=2`. */
export const graphQuerySchema = z
  .object({
    types: list("types", ENTITY_TYPES),
    kinds: list("kinds", EDGE_FILTER_KINDS),
    minMentions: count("minMentions"),
    minWeight: count("minWeight"),
    /** Stance edges below this confidence (0-1) are left out; co-mention edges are kept. */
    minConfidence: given("minConfidence", (raw, fail) =>
      /^\d*\.?\d+$/.test(raw) && Number(raw) <= 1 ? Number(raw) : fail(`minConfidence: expected a number from 0 to 1, got "${raw}"`),
    ),
    /** ISO dates, inclusive: keep what has evidence in documents dated in range. */
    from: day("from"),
    to: day("to"),
    focus: given("focus", (raw) => raw),
    hops: given("hops", (raw, fail): 1 | 2 => (raw === "1" ? 1 : raw === "2" ? 2 : fail(`hops: expected 1 or 2, got "${raw}"`))),
    /** Only entities with at least one edge that passes the edge filters (the "stances only" view). */
    linked: given("linked", (raw, fail): true | undefined =>
      raw === "1" ? true : raw === "0" ? undefined : fail(`linked: expected 1 or 0, got "${raw}"`),
    ),
    limit: count("limit", MAX_NODES),
  })
  .transform(defined)
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", message: `from ${q.from} is after to ${q.to}` });
    else if (q.hops && !q.focus) ctx.addIssue({ code: "custom", message: "hops needs focus" });
  });
export type GraphQuery = z.output<typeof graphQuerySchema>;

/** Sentences in one entity answer unless asked for more (`?limit=`, at most MAX_SENTENCES; `?offset=` pages on). */
export const DEFAULT_SENTENCES = 200;
export const MAX_SENTENCES = 5000;

/** GET /api/entities/:id: a page of its sentences. */
export const entityPageSchema = z.object({
  offset: whole("offset", 0, Number.MAX_SAFE_INTEGER),
  limit: whole("limit", 1, MAX_SENTENCES),
});

/** GET /api/search?q=&limit= */
export const searchQuerySchema = z.object({
  q: z
    .unknown()
    .transform((q) => (typeof q === "string" ? q : ""))
    .refine((q) => q.trim() !== "", "search needs a query: /api/search?q=<name>"),
  limit: whole("limit", 1, 50).default(8),
});

/** GET /api/review/duplicates?limit= */
export const duplicatesQuerySchema = z.object({ limit: whole("limit", 1, 500).default(50) });

/** DELETE /api/corrections/:id */
export const correctionIdSchema = z
  .string()
  .refine((id) => /^\d+$/.test(id) && Number.isSafeInteger(Number(id)), {
    error: (iss) => `correction id must be a whole number: ${String(iss.input)}`,
  })
  .transform(Number);
