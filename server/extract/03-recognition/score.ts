// Pure scoring helpers for CoNLL-2003 evaluation: CoNLL parsing, IOB decoding,
// character-span -> token-span mapping and exact-match entity-level P/R/F1.

export interface TokenSpan {
  /** First token index. */
  start: number;
  /** One past the last token index. */
  end: number;
  type: string;
}

export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/**
 * Parses CoNLL-2003 text: one "token POS chunk NER" line per token, blank lines between
 * sentences, "-DOCSTART-" lines between documents. Text before the first -DOCSTART- is one document.
 */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sentence: ConllSentence = { tokens: [], tags: [] };
  const endSentence = (): void => {
    if (sentence.tokens.length > 0) doc.sentences.push(sentence);
    sentence = { tokens: [], tags: [] };
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.startsWith("-DOCSTART-")) {
      endSentence();
      if (doc.sentences.length > 0) docs.push(doc);
      doc = { sentences: [] };
    } else if (line === "") {
      endSentence();
    } else {
      const cols = line.split(/\s+/);
      sentence.tokens.push(cols[0]);
      sentence.tags.push(cols[cols.length - 1]);
    }
  }
  endSentence();
  if (doc.sentences.length > 0) docs.push(doc);
  return docs;
}

/**
 * Decodes IOB1 or IOB2/BIO tags into spans. Works for both: "B-X" always starts an entity;
 * "I-X" starts one unless the previous tag has the same type X (IOB1: "I-PER I-PER" is one
 * entity, "I-PER B-PER" two, "O I-LOC" starts LOC). BILOU "U-"/"L-" are read as B-/I- too.
 */
export function decodeIob(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let current: TokenSpan | undefined;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag === "O" || tag.length < 3 || tag[1] !== "-") {
      current = undefined;
      continue;
    }
    const prefix = tag[0];
    const type = tag.slice(2);
    const continues = (prefix === "I" || prefix === "L") && current !== undefined && current.type === type && current.end === i;
    if (continues && current !== undefined) {
      current.end = i + 1;
    } else {
      current = { start: i, end: i + 1, type };
      spans.push(current);
    }
    if (prefix === "L" || prefix === "U") current = undefined;
  }
  return spans;
}

/** Character offsets of tokens joined with single spaces: ["EU", "rejects"] -> [0,2), [3,10). */
export function joinedOffsets(tokens: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let pos = 0;
  for (const tok of tokens) {
    out.push({ start: pos, end: pos + tok.length });
    pos += tok.length + 1;
  }
  return out;
}

/**
 * Maps a character span to the tokens it overlaps. A span that covers part of a token
 * ("U.S." inside the CoNLL token "U.S.-based") takes the whole token. Returns undefined when
 * the span touches no token (only whitespace).
 */
export function charSpanToTokenSpan(
  offsets: readonly { start: number; end: number }[],
  span: { start: number; end: number; type: string },
): TokenSpan | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < offsets.length; i++) {
    if (offsets[i].end > span.start && offsets[i].start < span.end) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? undefined : { start: first, end: last + 1, type: span.type };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export type Scores = Record<string, Prf>;

/** Adds exact-match counts for one sentence; spans whose type is not in `types` are ignored. */
export function countMatches(
  gold: readonly TokenSpan[],
  pred: readonly TokenSpan[],
  types: readonly string[],
  counts: Record<string, Counts>,
): void {
  const key = (s: TokenSpan): string => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.filter((s) => types.includes(s.type)).map(key));
  const predKeys = new Set(pred.filter((s) => types.includes(s.type)).map(key));
  for (const type of types) counts[type] ??= { tp: 0, fp: 0, fn: 0 };
  for (const k of predKeys) {
    const type = k.split(":")[2];
    if (goldKeys.has(k)) counts[type].tp++;
    else counts[type].fp++;
  }
  for (const k of goldKeys) {
    if (!predKeys.has(k)) counts[k.split(":")[2]].fn++;
  }
}

/** Precision, recall and F1 from counts; 0 when undefined (no predictions or no gold). */
export function prf(c: Counts): Prf {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}

/** Per-type scores plus "micro" (counts summed over types). */
export function scoreCounts(counts: Record<string, Counts>, types: readonly string[]): Scores {
  const out: Scores = {};
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const type of types) {
    const c = counts[type] ?? { tp: 0, fp: 0, fn: 0 };
    out[type] = prf(c);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  out.micro = prf(total);
  return out;
}

/**
 * Re-tokenizes a CoNLL sentence the way raw text is tokenized at run time (tokens joined with
 * single spaces, then `tokenize`), and projects the gold entities onto the new tokens as BIO
 * labels. Training on this keeps training and run-time tokens identical.
 */
export function retokenize(
  sentence: ConllSentence,
  tokenizeFn: (text: string) => { text: string; start: number; end: number }[],
): { tokens: string[]; labels: string[] } {
  const text = sentence.tokens.join(" ");
  const offsets = joinedOffsets(sentence.tokens);
  const newTokens = tokenizeFn(text);
  const labels = newTokens.map(() => "O");
  for (const span of decodeIob(sentence.tags)) {
    const start = offsets[span.start].start;
    const end = offsets[span.end - 1].end;
    let first = true;
    for (let k = 0; k < newTokens.length; k++) {
      if (newTokens[k].end > start && newTokens[k].start < end) {
        labels[k] = (first ? "B-" : "I-") + span.type;
        first = false;
      }
    }
  }
  return { tokens: newTokens.map((t) => t.text), labels };
}

export const SCORED_TYPES = ["PER", "LOC", "ORG"] as const;

/**
 * Scores a recogniser on CoNLL documents: each sentence's tokens are joined with single
 * spaces, the recogniser gets a document's sentences at once, predicted character spans
 * are mapped back to CoNLL tokens and compared exactly with the IOB1 gold spans.
 * MISC (and any type outside `types`) is ignored on both sides.
 */
export function evaluateDocuments(
  docs: readonly ConllDocument[],
  recognizeDoc: (sentences: string[]) => { start: number; end: number; label: string }[][],
  types: readonly string[] = SCORED_TYPES,
): Scores {
  const counts: Record<string, Counts> = {};
  for (const doc of docs) {
    const texts = doc.sentences.map((s) => s.tokens.join(" "));
    const predicted = recognizeDoc(texts);
    doc.sentences.forEach((s, k) => {
      const offsets = joinedOffsets(s.tokens);
      const pred: TokenSpan[] = [];
      for (const span of predicted[k]) {
        const ts = charSpanToTokenSpan(offsets, { start: span.start, end: span.end, type: span.label });
        if (ts !== undefined) pred.push(ts);
      }
      countMatches(decodeIob(s.tags), pred, types, counts);
    });
  }
  return scoreCounts(counts, types);
}

/** A readable P/R/F1 table. */
export function formatScores(scores: Scores): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(7);
  const lines = ["type         P       R      F1"];
  for (const [type, s] of Object.entries(scores)) lines.push(`${type.padEnd(6)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f1)}`);
  return lines.join("\n");
}
