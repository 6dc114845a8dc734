// Plain checks for a posted document ({ title?, date?, source?, author?, text }): the shape is small enough
// that a schema library would add more than it saves.
import type { DocumentInput } from "../types.js";
import { RejectedInput } from "./errors.js";

const OPTIONAL_FIELDS = ["title", "date", "source", "author"] as const;
const FIELDS: readonly string[] = ["text", ...OPTIONAL_FIELDS];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** "2025-02-15" or a full ISO timestamp ("2025-02-15T10:00:00Z") -> "2025-02-15"; undefined when not a real date. */
export function normalizeDate(value: string): string | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  // Date rolls "2025-02-30" over to March 2: a real date reads back the same.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : undefined;
}

const isBlank = (text: string) => text.trim() === "";

/** A UTF-16 code unit of a surrogate pair with no partner: `u` mode matches only those ("\ud83d\ude00" is one code point). */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * JSON's `\ud800` escapes can carry half a surrogate pair, which is no character: SQLite would store it as three
 * U+FFFD, moving every later offset and the content hash. Refused, saying where (UTF-16 index, as JavaScript counts).
 */
function checkWellFormed(value: string, field: string, where?: string): void {
  const m = LONE_SURROGATE.exec(value);
  if (!m) return;
  const unit = `\\u${m[0].charCodeAt(0).toString(16)}`;
  throw new RejectedInput("invalid", `field "${field}" has a lone surrogate ${unit} at index ${m.index}: not Unicode text`, where);
}

/** A document from parsed JSON, or RejectedInput("invalid") saying which field is wrong. */
export function parseDocumentInput(value: unknown, where?: string): DocumentInput {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RejectedInput("invalid", 'expected an object like { "text": "..." }', where);
  }
  const record = value as Record<string, unknown>;
  // A misspelt field ("body" for "text") is refused rather than silently dropped.
  const unknown = Object.keys(record).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) {
    throw new RejectedInput("invalid", `unknown field ${unknown.map((k) => `"${k}"`).join(", ")}; expected ${FIELDS.join(", ")}`, where);
  }
  if (typeof record.text !== "string") throw new RejectedInput("invalid", 'field "text" must be a string', where);
  checkWellFormed(record.text, "text", where);
  if (isBlank(record.text)) throw new RejectedInput("invalid", "text is empty", where);
  const input: DocumentInput = { text: record.text };
  for (const field of OPTIONAL_FIELDS) {
    const v = record[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") throw new RejectedInput("invalid", `field "${field}" must be a string`, where);
    checkWellFormed(v, field, where);
    if (isBlank(v)) continue;
    input[field] = v.trim();
  }
  if (input.date !== undefined) {
    const date = normalizeDate(input.date);
    if (!date) throw new RejectedInput("invalid", `field "date" must be an ISO date like 2025-02-15, got "${input.date}"`, where);
    input.date = date;
  }
  return input;
}

/** A plain-text document; empty (or whitespace only) is refused. */
export function textInput(text: string, source?: string, where?: string): DocumentInput {
  if (isBlank(text)) throw new RejectedInput("invalid", "text is empty", where);
  return source ? { text, source } : { text };
}
