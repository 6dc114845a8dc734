import { type Stats, existsSync, readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
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

/** What went wrong reading a path, in words: a loop is a loop, not a missing file. */
function statError(err: unknown, path: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `no such file or directory: ${path}`;
  if (code === "ELOOP") return `symbolic link loop: ${path}`;
  if (code === "EACCES" || code === "EPERM") return `permission denied: ${path}`;
  return `cannot read ${path}: ${code ?? (err as Error).message}`;
}

/** "a FIFO", "a socket", "a device": what a path is when it is neither a file nor a folder. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * Every file under the given files and folders with one of the extensions, in a stable order (sorted paths).
 * Inside folders other files are skipped; a file named explicitly with another extension is an InputError.
 * What cannot be read as a file is never opened (a FIFO would block the reader for ever): named explicitly it is
 * an InputError; inside a folder it is skipped and `onSkip` told why, as is a folder reached again through a
 * symbolic link (a loop) or a path that cannot be read.
 */
export function listArticleFiles(
  paths: string[],
  extensions: readonly string[] = ARTICLE_EXTENSIONS,
  onSkip: (message: string) => void = (message) => console.warn(`skipped ${message}`),
): string[] {
  const files: string[] = [];
  const walk = (path: string, explicit: boolean, parents: Set<string>) => {
    const fail = (message: string) => {
      if (explicit) throw new InputError(message);
      onSkip(message);
    };
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch (err) {
      return fail(statError(err, path));
    }
    if (stat.isDirectory()) {
      const real = realpathSync(path);
      if (parents.has(real)) return fail(`symbolic link loop: ${path} leads back to ${real}`);
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (err) {
        return fail(statError(err, path));
      }
      const inside = new Set([...parents, real]);
      for (const name of names) walk(join(path, name), false, inside);
    } else if (!extensions.includes(extname(path).toLowerCase())) {
      if (explicit) fail(`unsupported file type "${extname(path) || "(none)"}" for ${path}: expected ${extensions.join(" or ")}`);
    } else if (!stat.isFile()) {
      fail(`${path}: ${kindOf(stat)}, not a regular file`);
    } else {
      files.push(path);
    }
  };
  for (const p of paths) walk(p, true, new Set());
  return files;
}

/** Every .txt/.md/.html/.jsonl file under the paths, for `npm run ingest`. */
export const listIngestFiles = (paths: string[], onSkip?: (message: string) => void) => listArticleFiles(paths, INGEST_EXTENSIONS, onSkip);

/**
 * The one document of a text, Markdown or HTML file, named by its path relative to root (tests, evaluation):
 * read like any ingest file (readAs); a file that holds no single readable document is an InputError.
 */
export function readArticle(path: string, root = process.cwd()): DocumentInput {
  const parsed = readAs(path, relative(root, path) || path);
  const only = parsed[0];
  if (parsed.length !== 1 || !only) throw new InputError(`${path}: ${parsed.length} documents, expected one`);
  if ("error" in only) throw new InputError(only.error.message);
  return only.input;
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
export function listIngestSources(paths: string[], onSkip?: (message: string) => void): IngestSource[] {
  return paths.flatMap((given) => {
    const isDir = existsSync(given) && statSync(given).isDirectory();
    return listIngestFiles([given], onSkip).map((path) => ({ path, source: isDir ? relative(given, path) : basename(path) }));
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
