// Stage 1, per document: documents. Takes a DocumentInput (text, file name, metadata) and gives a Doc: an id hashed
// from the text, its title, date, author and photo credit. Also the boilerplate tests the sentence stage skips lines by.
import { createHash } from "node:crypto";

import { findIsoDate } from "../../common/dates.js";
import type { Doc, DocumentInput } from "../types.js";
import { findDatelineDate } from "./dates.js";
import { BOILERPLATE_LINES, BOILERPLATE_PATTERNS, BOILERPLATE_PREFIXES } from "./lexicon/boilerplate.js";

/**
 * Stable id from the content: the same text always gets the same id, whatever its file name. The hash is of the
 * text exactly as stored (no Unicode normalisation), so the id, the stored text and every offset name one string.
 */
export function contentHash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

export function isBoilerplateLine(line: string): boolean {
  const t = line.trim().toLowerCase();
  if (t === "") return true;
  return BOILERPLATE_LINES.includes(t) || BOILERPLATE_PATTERNS.some((p) => p.test(t));
}

/** Length of furniture glued to the start of a line ("Show More\"Absolutely ..." -> 9), 0 if none. */
export function boilerplatePrefixLength(line: string): number {
  let cut = 0;
  for (let again = true; again;) {
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

/** The first line that is not page furniture, cut to a readable length. */
export function titleOf(text: string): string {
  for (const raw of text.split(/\r?\n/)) {
    if (isBoilerplateLine(raw) || readByline(raw)?.length === raw.trim().length) continue;
    const line = raw.slice(boilerplatePrefixLength(raw)).trim();
    if (line) return line.length > 160 ? `${line.slice(0, 157)}...` : line;
  }
  return "(untitled)";
}

// "By Tamilla HasanovaUkrainian President ..." (byline glued to the first sentence), "Written by Henrik Rothen".
const BYLINE = /^(?:By|Written by)\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,3}?)(?=\p{Lu}\p{Ll}|\s*$)/u;
// An author box: "Avatar" on its own line, then the author's name.
const AVATAR = /^avatar$/i;

/** The byline's author and how long the byline is at the start of a line ("By Tamilla Hasanova" -> 19). */
export function readByline(line: string): { author: string; length: number } | undefined {
  const m = BYLINE.exec(line.trim());
  return m ? { author: m[1]!, length: line.indexOf(m[0]) + m[0].length } : undefined;
}

/** The article's author, from a byline or an author box. */
export function findAuthor(text: string): string | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const byline = readByline(lines[i]!);
    if (byline) return byline.author;
    if (AVATAR.test(lines[i]!)) {
      const name = lines.slice(i + 1).find((l) => l !== "");
      if (name && /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,3}$/u.test(name)) return name;
    }
  }
  return undefined;
}

/** Photo credits: "(Simon Wohlfahrt/Bloomberg via Getty Images)". Metadata, not news. */
export const PHOTO_CREDIT = /\(([^()]*(?:\bvia\b|Getty Images|\/|AFP|AP Photo|Shutterstock)[^()]*)\)/;

export function makeDocument(input: DocumentInput): Doc {
  const text = input.text;
  const doc: Doc = {
    id: contentHash(text).slice(0, 16),
    title: input.title?.trim() || titleOf(text),
    text,
  };
  const date = input.date ?? findIsoDate(text) ?? findDatelineDate(text);
  const author = input.author ?? findAuthor(text);
  const credit = PHOTO_CREDIT.exec(text)?.[1];
  if (input.source) doc.source = input.source;
  if (date) doc.date = date;
  if (author) doc.author = author;
  if (credit) doc.credit = credit.trim();
  return doc;
}
