import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";

import type { DocumentInput } from "../types.js";

export const ARTICLE_EXTENSIONS = [".txt", ".md"] as const;

/** A bad path or file given on the command line: the CLI prints the message and exits with code 2. */
export class InputError extends Error {
  override name = "InputError";
}

/** Every article under the given files and folders, in a stable order (sorted paths). */
export function listArticleFiles(paths: string[]): string[] {
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
    } else if ((ARTICLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())) {
      files.push(path);
    } else if (explicit) {
      throw new InputError(`unsupported file type "${extname(path) || "(none)"}" for ${path}: expected ${ARTICLE_EXTENSIONS.join(" or ")}`);
    }
  };
  for (const p of paths) walk(p, true);
  return files;
}

export function readArticle(path: string, root = process.cwd()): DocumentInput {
  const buffer = readFileSync(path);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(buffer);
  return { text, source: relative(root, path) || path };
}
