import nlp from "compromise";

import type { Doc, Sentence } from "../types.js";
import { boilerplatePrefixLength, isBoilerplateLine } from "./01-documents.js";

/**
 * Splits a document into sentences with offsets into the document text.
 * Each line is a paragraph (headlines end without a full stop); page furniture lines are dropped
 * and furniture glued to the front of a line is cut ("Trending Now", "Show More\"Absolutely ...").
 */
export function splitSentences(doc: Doc): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  for (const line of doc.text.split("\n")) {
    const offset = lineStart;
    lineStart += line.length + 1;
    if (isBoilerplateLine(line)) continue;
    const cut = boilerplatePrefixLength(line);
    const body = line.slice(cut);
    for (const [start, end] of sentenceBounds(body)) {
      const text = body.slice(start, end);
      if (!/[\p{L}\p{N}]/u.test(text) || isBoilerplateLine(text)) continue;
      sentences.push({
        id: `${doc.id}:${sentences.length}`,
        docId: doc.id,
        index: sentences.length,
        start: offset + cut + start,
        end: offset + cut + end,
        text,
      });
    }
  }
  return sentences;
}

/**
 * Sentence boundaries in one paragraph, as [start, end) offsets. compromise decides where sentences break;
 * its own offsets drift around curly quotes and dashes, so each sentence is found again in the paragraph
 * by its text, and runs until the next one starts.
 */
export function sentenceBounds(paragraph: string): [number, number][] {
  const starts: number[] = [];
  let cursor = 0;
  for (const s of nlp.tokenize(paragraph).json() as { text: string }[]) {
    const head = s.text.trim().slice(0, 12);
    if (!head) continue;
    const at = paragraph.indexOf(head, cursor);
    if (at < 0) continue;
    starts.push(at);
    cursor = at + head.length;
  }
  if (starts.length > 0) starts[0] = 0; // a leading quote belongs to the first sentence
  return starts.map((start, i) => {
    let end = i + 1 < starts.length ? starts[i + 1]! : paragraph.length;
    let begin = start;
    while (begin < end && /\s/.test(paragraph[begin]!)) begin++;
    while (end > begin && /\s/.test(paragraph[end - 1]!)) end--;
    return [begin, end] as [number, number];
  });
}
