import type { z } from "zod";

import { parseWith } from "../../common/api/parse.js";

/** An HTTP error with a status the error handler sends as `{ error, ...details }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra fields for the JSON answer, e.g. `rejected` for a batch in which every file was refused. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The request value as its schema reads it (common/api/), or a 400 with the schema's message. */
export function readRequest<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const read = parseWith(schema, value);
  if (!read.ok) throw new HttpError(400, read.problem.message);
  return read.value;
}
