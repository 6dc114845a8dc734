// What one document may cost the extractor. Each limit sits well above what real news needs (the largest of the
// 2,225 BBC articles: a 25,485-character document, 246 sentences, a 1,063-character sentence, a 32-character word, 39
// mentions in one sentence), so that news is read exactly as without them, and below where the stages that grow faster than
// the text (prefix reading per name, overlap checks, pairs of names per sentence) would take minutes or the heap.
import type { Sentence } from "../types.js";
import { RejectedInput } from "../ingest/errors.js";

export const LIMITS = {
  /** A longer text is refused (413): split it into several documents. */
  documentChars: 200_000,
  /** A longer run of characters without whitespace is no word of prose (a blob, a base64 dump): refused (400). */
  tokenChars: 1000,
  /** A longer sentence is read as pieces of at most this many characters, cut at whitespace where there is some. */
  sentenceChars: 2000,
  /** Sentences beyond this many in one document are not read (each costs about 0.2 ms whatever its length). */
  sentencesPerDocument: 5000,
  /** Names beyond this many in one sentence are not read (this also bounds the pairs scored per sentence). */
  mentionsPerSentence: 100,
  /** Extraction of one document in a worker: past it the worker is stopped and the document refused. */
  extractionMs: 30_000,
} as const;

const LONG_TOKEN = new RegExp(`\\S{${LIMITS.tokenChars + 1}}`, "u");

/** Refuses a text the extractor should not be asked to read: too long, or with a "word" no prose has. */
export function checkTextLimits(text: string, where?: string): void {
  if (text.length > LIMITS.documentChars) {
    throw new RejectedInput(
      "too-large",
      `text is ${text.length} characters, above the ${LIMITS.documentChars}-character limit per document: split it`,
      where,
    );
  }
  const long = LONG_TOKEN.exec(text);
  if (long) {
    let end = long.index;
    while (end < text.length && !/\s/u.test(text[end]!)) end++;
    throw new RejectedInput(
      "invalid",
      `a word of ${end - long.index} characters without a space at offset ${long.index} (limit ${LIMITS.tokenChars}): not prose`,
      where,
    );
  }
}

/** Where to cut `text` at or before `max`: after the last whitespace run in its second half, else at `max`. */
function cutPoint(text: string, from: number, max: number): { end: number; next: number } {
  const limit = from + max;
  for (let i = limit; i > from + max / 2; i--) {
    if (/\s/u.test(text[i]!)) {
      let end = i;
      while (end > from && /\s/u.test(text[end - 1]!)) end--;
      let next = i;
      while (next < text.length && /\s/u.test(text[next]!)) next++;
      return { end, next };
    }
  }
  // No whitespace: a hard cut, not inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
  return { end, next: end };
}

/**
 * Sentences longer than the limit become pieces of at most `max` characters (the text is all kept, with its
 * offsets), and only the first `most` are read; when any sentence is cut, ids and indexes are numbered again. Sentences within the limit are returned
 * as they are, so a document of ordinary sentences reads exactly as before.
 */
export function boundSentences(
  sentences: Sentence[],
  max: number = LIMITS.sentenceChars,
  most: number = LIMITS.sentencesPerDocument,
): { sentences: Sentence[]; cut: number; unread: number } {
  if (sentences.length <= most && sentences.every((s) => s.text.length <= max)) return { sentences, cut: 0, unread: 0 };
  const pieces: Omit<Sentence, "id" | "index">[] = [];
  let cut = 0;
  for (const s of sentences) {
    if (s.text.length <= max) {
      pieces.push(s);
      continue;
    }
    cut++;
    for (let from = 0; from < s.text.length;) {
      if (s.text.length - from <= max) {
        pieces.push({ docId: s.docId, start: s.start + from, end: s.end, text: s.text.slice(from) });
        break;
      }
      const { end, next } = cutPoint(s.text, from, max);
      pieces.push({ docId: s.docId, start: s.start + from, end: s.start + end, text: s.text.slice(from, end) });
      from = next;
    }
  }
  const numbered = pieces.slice(0, most).map((p, index) => ({ ...p, id: `${p.docId}:${index}`, index }) as Sentence);
  return { sentences: numbered, cut, unread: pieces.length - numbered.length };
}

/** The first `max` mentions of each sentence (by position; the input is in document order), and how many went. */
export function capMentionsPerSentence<M extends { sentenceId: string }>(
  mentions: M[],
  max: number = LIMITS.mentionsPerSentence,
): { mentions: M[]; dropped: number } {
  const seen = new Map<string, number>();
  const kept = mentions.filter((m) => {
    const n = (seen.get(m.sentenceId) ?? 0) + 1;
    seen.set(m.sentenceId, n);
    return n <= max;
  });
  return { mentions: kept, dropped: mentions.length - kept.length };
}
