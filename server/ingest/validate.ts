// Checks for a posted document ({ title?, date?, source?, author?, text }): the schema is the API's
// (common/api/documents.ts); a document it refuses becomes RejectedInput("invalid") with its message.
import { documentInputSchema } from "../../common/api/documents.js";
import { parseWith } from "../../common/api/parse.js";
import type { DocumentInput } from "../types.js";
import { RejectedInput } from "./errors.js";

/** A document from parsed JSON, or RejectedInput("invalid") saying which field is wrong. */
export function parseDocumentInput(value: unknown, where?: string): DocumentInput {
  const read = parseWith(documentInputSchema, value);
  if (!read.ok) throw new RejectedInput("invalid", read.problem.message, where);
  return read.value;
}

/** A plain-text document; empty (or whitespace only) is refused. */
export function textInput(text: string, source?: string, where?: string): DocumentInput {
  if (text.trim() === "") throw new RejectedInput("invalid", "text is empty", where);
  return source ? { text, source } : { text };
}
