// Stage 2, per document: sentences. Takes a Doc and gives its Sentences, with offsets into its text, without
// boilerplate, bylines and author lines; headlines are told apart (`isHeadline`).
import { createRequire } from "node:module";

import { escapeRegExp } from "../../common/regex.js";
import type { Doc, Sentence } from "../types.js";
import { boilerplatePrefixLength, isBoilerplateLine, readByline } from "./01-documents.js";
import { TITLE_CASE_SMALL_WORDS } from "./lexicon/small-words.js";

type Nlp = typeof import("compromise").default;
let loaded: Nlp | undefined;
/**
 * compromise, loaded on the first sentence split: the server extracts in its workers, so its own thread never pays
 * for the library (about half a second of start and 45 MB). Its CommonJS build; on the 12,946 paragraphs of the
 * seeds and the BBC corpus it breaks sentences exactly as the ES module does.
 */
const nlp = (): Nlp => (loaded ??= createRequire(import.meta.url)("compromise") as Nlp);

/**
 * Lines about the author rather than the news: the author's name alone (author box), and bio lines that
 * start with the author's name ("Tim Zadorozhnyy is the reporter for ...", "Tim began his career ...").
 */
export function isAuthorLine(line: string, author: string | undefined): boolean {
  if (!author) return false;
  const t = line.trim();
  const first = author.split(/\s+/)[0]!;
  return t === author || t.startsWith(`${author} `) || new RegExp(`^${escapeRegExp(first)}\\s+\\p{Ll}`, "u").test(t);
}

/**
 * Headlines and section titles: "Kremlin Warns of NATO Conflict" (no full stop, mostly capitalised), and
 * Title Case lines whatever their final punctuation, "Can European Troops Bridge the Gap?",
 * "Kyiv Discusses the Deployment of Western Troops to Ukraine." (only small words in lower case).
 * "Donald Trump met Donald Tusk." is a sentence: "met" is lower case.
 */
export function isHeadline(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length === 0) return false;
  const lower = words.filter((w) => !/^\p{Lu}/u.test(w));
  const titleCase = words.filter((w) => w.length >= 4).length >= 3 && lower.every((w) => TITLE_CASE_SMALL_WORDS.has(w.toLowerCase()));
  if (titleCase) return true;
  return !/[.!?]["”’)]?$/.test(text.trim()) && lower.length / words.length <= 0.5;
}

/**
 * Splits a document into sentences with offsets into the document text.
 * Each line is a paragraph (headlines end without a full stop); page furniture and author lines are dropped,
 * and furniture or a byline glued to the front of a line is cut ("Trending Now", "By Tamilla HasanovaUkrainian ...").
 */
export function splitSentences(doc: Doc): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  for (const line of doc.text.split("\n")) {
    const offset = lineStart;
    lineStart += line.length + 1;
    if (isBoilerplateLine(line) || isAuthorLine(line, doc.author)) continue;
    const byline = readByline(line);
    const cut = boilerplatePrefixLength(line) + (byline ? byline.length : 0);
    if (cut >= line.trim().length) continue;
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
// The next sentence starts with a capitalised word, "O'Connor" included.
const MISSED_BREAK = /(?:[.!?…]["”]|\b\p{Lu}{2,}s\.)\s+(?=\p{Lu}(?:['’]\p{Lu})?\p{Ll})/gu;

export function sentenceBounds(paragraph: string): [number, number][] {
  const starts: number[] = [];
  let cursor = 0;
  for (const s of nlp().tokenize(paragraph).json() as { text: string }[]) {
    const head = s.text.trim().slice(0, 12);
    if (!head) continue;
    const at = paragraph.indexOf(head, cursor);
    if (at < 0) continue;
    // A sentence starts only after a full stop, question or exclamation mark (and closing quotes):
    // "Senator Kerry attacked President Bush's record" is one sentence, whatever compromise made of it.
    if (starts.length > 0 && !/[.!?…]["'”’)\]]*$/.test(paragraph.slice(0, at).trimEnd())) continue;
    starts.push(at);
    cursor = at + head.length;
  }
  if (starts.length > 0) starts[0] = 0; // a leading quote belongs to the first sentence
  // Breaks compromise misses: after a closed quote ('should form the next government." While saying ...') and
  // after a plural acronym, which it takes for an abbreviation ("welcomed by Labour MPs. Mr Jackson ...").
  for (const m of paragraph.matchAll(MISSED_BREAK)) {
    const at = m.index + m[0].length;
    // A quoted Title Case line ('"Absolutely Possible." Kyiv Discusses It') is a headline, not two sentences.
    const before = paragraph.slice(Math.max(0, ...starts.filter((x) => x < at)), m.index);
    if (!starts.includes(at) && /\s\p{Ll}/u.test(before)) starts.push(at);
  }
  starts.sort((a, b) => a - b);
  return starts.map((start, i) => {
    let end = i + 1 < starts.length ? starts[i + 1]! : paragraph.length;
    let begin = start;
    while (begin < end && /\s/.test(paragraph[begin]!)) begin++;
    while (end > begin && /\s/.test(paragraph[end - 1]!)) end--;
    return [begin, end] as [number, number];
  });
}
