import { createHash } from "node:crypto";

import type { Doc, DocumentInput } from "../types.js";
import { BOILERPLATE_LINES, BOILERPLATE_PATTERNS, BOILERPLATE_PREFIXES } from "./lexicon/boilerplate.js";

/** Stable id from the content: the same text always gets the same id, whatever its file name. */
export function contentHash(text: string): string {
  return createHash("sha1").update(text.normalize("NFC")).digest("hex");
}

export function isBoilerplateLine(line: string): boolean {
  const t = line.trim().toLowerCase();
  if (t === "") return true;
  return BOILERPLATE_LINES.includes(t) || BOILERPLATE_PATTERNS.some((p) => p.test(t));
}

/** Length of furniture glued to the start of a line ("Show More\"Absolutely ..." -> 9), 0 if none. */
export function boilerplatePrefixLength(line: string): number {
  let cut = 0;
  for (let again = true; again; ) {
    again = false;
    for (const p of BOILERPLATE_PREFIXES) {
      const m = p.exec(line.slice(cut));
      if (m && m[0].length > 0 && cut + m[0].length < line.length) {
        cut += m[0].length;
        again = true;
      }
    }
  }
  return cut;
}

const ISO_DATE = /\b(?:date\s+)?((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/i;

/** A date the text states in ISO form ("date 2025-02-15"), if any. */
export function findIsoDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The first line that is not page furniture, cut to a readable length. */
export function titleOf(text: string): string {
  for (const raw of text.split(/\r?\n/)) {
    if (isBoilerplateLine(raw)) continue;
    const line = raw.slice(boilerplatePrefixLength(raw)).trim();
    if (line) return line.length > 160 ? `${line.slice(0, 157)}...` : line;
  }
  return "(untitled)";
}

export function makeDocument(input: DocumentInput): Doc {
  const text = input.text;
  const doc: Doc = {
    id: contentHash(text).slice(0, 16),
    title: input.title?.trim() || titleOf(text),
    text,
  };
  const date = input.date ?? findIsoDate(text);
  if (input.source) doc.source = input.source;
  if (date) doc.date = date;
  if (input.author) doc.author = input.author;
  return doc;
}
