// Uploaded or listed files -> document inputs. The extension decides the format; for an upload without a
// known extension, its declared media type does. Each file (or JSONL line) succeeds or fails on its own.
import { extname } from "node:path";

import type { DocumentInput } from "../types.js";
import { decodeUtf8 } from "./decode.js";
import { RejectedInput } from "./errors.js";
import { htmlToText } from "./html.js";
import { parseDocumentInput, textInput } from "./validate.js";

export const FORMATS = ["text", "html", "jsonl"] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_OF_EXTENSION: Record<string, Format> = {
  ".txt": "text",
  ".md": "text",
  ".markdown": "text",
  ".html": "html",
  ".htm": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
};
export const INGEST_EXTENSIONS = Object.keys(FORMAT_OF_EXTENSION);

const FORMAT_OF_MEDIA_TYPE: Record<string, Format> = {
  "text/plain": "text",
  "text/markdown": "text",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/jsonl": "jsonl",
  "application/x-ndjson": "jsonl",
  "application/x-jsonlines": "jsonl",
};

/** The format of a file name or media type ("text/html; charset=utf-8"), undefined when we cannot read it. */
export function formatOf(name: string, mediaType = ""): Format | undefined {
  return FORMAT_OF_EXTENSION[extname(name).toLowerCase()] ?? FORMAT_OF_MEDIA_TYPE[mediaType.split(";")[0]!.trim().toLowerCase()];
}

/** One document read from a file, or the reason it could not be; `where` names the file (and line). */
export type Parsed = { where: string; input: DocumentInput } | { where: string; error: RejectedInput };

const attempt = (where: string, read: () => DocumentInput): Parsed => {
  try {
    return { where, input: read() };
  } catch (err) {
    if (err instanceof RejectedInput) return { where, error: err };
    throw err;
  }
};

/** Lines of JSON objects; blank lines are skipped, a bad line is reported with its number and the others kept. */
function parseJsonl(text: string, name: string): Parsed[] {
  const parsed: Parsed[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${name} line ${i + 1}`;
    parsed.push(
      attempt(where, () => {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          throw new RejectedInput("invalid", `invalid JSON: ${(err as Error).message}`, where);
        }
        return parseDocumentInput(value, where);
      }),
    );
  });
  if (parsed.length === 0) parsed.push({ where: name, error: new RejectedInput("invalid", "no documents (every line is blank)", name) });
  return parsed;
}

/** The documents in one file. `source` is recorded on each document (the file name or path). */
export function parseFile(name: string, bytes: Uint8Array, mediaType?: string): Parsed[] {
  const format = formatOf(name, mediaType);
  if (!format) {
    const error = new RejectedInput(
      "unsupported",
      `unsupported file type "${extname(name) || mediaType || "(none)"}": expected ${INGEST_EXTENSIONS.join(", ")}`,
      name,
    );
    return [{ where: name, error }];
  }
  let text: string;
  try {
    text = decodeUtf8(bytes, name);
  } catch (err) {
    if (err instanceof RejectedInput) return [{ where: name, error: err }];
    throw err;
  }
  if (format === "jsonl") return parseJsonl(text, name);
  if (format === "text") return [attempt(name, () => textInput(text, name, name))];
  return [
    attempt(name, () => {
      const { text: body, ...meta } = htmlToText(text);
      return { ...textInput(body, name, name), ...meta };
    }),
  ];
}
