import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";

import { RejectedInput } from "../ingest/errors.js";
import { type Parsed, INGEST_EXTENSIONS, parseFile } from "../ingest/formats.js";
import { parseDocumentInput } from "../ingest/validate.js";
import type { DocumentInput } from "../types.js";

export const ARTICLE_EXTENSIONS = [".txt", ".md"] as const;

/** A bad path or file given on the command line: the CLI prints the message and exits with code 2. */
export class InputError extends Error {
  override name = "InputError";
}

/**
 * Every file under the given files and folders with one of the extensions, in a stable order (sorted paths).
 * Inside folders other files are skipped; a file named explicitly with another extension is an InputError.
 */
export function listArticleFiles(paths: string[], extensions: readonly string[] = ARTICLE_EXTENSIONS): string[] {
  const files: string[] = [];
  const walk = (path: string, explicit: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new InputError(`no such file or directory: ${path}`);
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name), false);
    } else if (extensions.includes(extname(path).toLowerCase())) {
      files.push(path);
    } else if (explicit) {
      throw new InputError(`unsupported file type "${extname(path) || "(none)"}" for ${path}: expected ${extensions.join(" or ")}`);
    }
  };
  for (const p of paths) walk(p, true);
  return files;
}

/** Every .txt/.md/.html/.jsonl file under the paths, for `npm run ingest`. */
export const listIngestFiles = (paths: string[]) => listArticleFiles(paths, INGEST_EXTENSIONS);

export function readArticle(path: string, root = process.cwd()): DocumentInput {
  const buffer = readFileSync(path);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(buffer);
  return { text, source: relative(root, path) || path };
}

/** The documents in one file of any ingest format, each with the file's path (relative to root) as its source. */
export function readDocuments(path: string, root = process.cwd()): Parsed[] {
  return readAs(path, relative(root, path) || path);
}

/** An ingest file and the name its documents are stored under. */
export interface IngestSource {
  path: string;
  source: string;
}

/**
 * Every ingest file under the paths, each named as the user gave it: relative to the folder it was found in
 * (`politics/001.txt` when `bbc/` was given), or its own file name when the file was given itself. No machine
 * path ends up in the store.
 */
export function listIngestSources(paths: string[]): IngestSource[] {
  return paths.flatMap((given) => {
    const isDir = existsSync(given) && statSync(given).isDirectory();
    return listIngestFiles([given]).map((path) => ({ path, source: isDir ? relative(given, path) : basename(path) }));
  });
}

/**
 * The documents of one file, stored under `source`. A sidecar beside a text or HTML file (`001.json` for
 * `001.txt`) with `{ "date": "2005-02-14", "title", "author", "source" }` gives what the file itself cannot say;
 * a bad sidecar rejects the file with the reason.
 */
export function readAs(path: string, source: string): Parsed[] {
  const parsed = parseFile(source, readFileSync(path));
  const sidecar = sidecarOf(path);
  if (!sidecar || !existsSync(sidecar)) return parsed;
  return parsed.map((p) => {
    if (!("input" in p)) return p;
    try {
      const meta: unknown = JSON.parse(readFileSync(sidecar, "utf8"));
      if (typeof meta !== "object" || meta === null || Array.isArray(meta) || "text" in meta) {
        throw new RejectedInput("invalid", `sidecar ${basename(sidecar)}: expected an object of date, title, author, source`, p.where);
      }
      return { where: p.where, input: parseDocumentInput({ ...p.input, ...meta }, `${p.where} (sidecar ${basename(sidecar)})`) };
    } catch (err) {
      const error =
        err instanceof RejectedInput
          ? err
          : new RejectedInput("invalid", `sidecar ${basename(sidecar)}: ${(err as Error).message}`, p.where);
      return { where: p.where, error };
    }
  });
}

/** `a/001.json` for `a/001.txt` (or .md, .html); JSONL files carry their own fields and have none. */
function sidecarOf(path: string): string | undefined {
  const ext = extname(path);
  if ([".jsonl", ".ndjson"].includes(ext.toLowerCase())) return undefined;
  return `${path.slice(0, path.length - ext.length)}.json`;
}
