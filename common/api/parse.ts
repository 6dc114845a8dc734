// Reading a request or an answer with its schema: the first problem, as one message the API can send.
import type { z } from "zod";

/** The first issue of a failed parse: its message and the top-level field it concerns. */
export interface Problem {
  message: string;
  field?: string;
}

export function firstProblem(error: z.ZodError): Problem {
  const issue = error.issues[0];
  if (!issue) return { message: "invalid" };
  const field = issue.path[0];
  return typeof field === "string" ? { message: issue.message, field } : { message: issue.message };
}

/** Where in a value an issue is, as a reader writes it: ["corrections", 2, "entities", 1] -> "corrections[2].entities[1]". */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

/** The parsed value, or the first problem. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; value: z.output<S> } | { ok: false; problem: Problem } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: firstProblem(result.error) };
}
