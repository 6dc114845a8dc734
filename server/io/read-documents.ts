import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";

import { type Parsed, INGEST_EXTENSIONS, parseFile } from "../ingest/formats.js";
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
  return parseFile(relative(root, path) || path, readFileSync(path));
}
