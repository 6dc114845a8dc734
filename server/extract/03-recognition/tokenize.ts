// CoNLL-2003-style tokenizer with character offsets.
//
// The tagger was trained on CoNLL tokens, so raw text must be split the same way:
// punctuation is separate ("(Reuters)" -> "(", "Reuters", ")"), the possessive and other
// clitics are split ("Zelenskyy's" -> "Zelenskyy", "'s"; "don't" -> "do", "n't"),
// dotted abbreviations stay whole ("U.S.", "Inc.", "F."), numbers stay whole
// ("1996-08-22", "1,000", "3.5"), hyphenated words stay whole ("Jean-Philippe",
// "Serbian-held") except after a dotted abbreviation ("U.S.-Ukraine" -> "U.S.", "-", "Ukraine").

import { PERIOD_ABBREVIATIONS } from "../lexicon/abbreviations.js";

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Clitics split off the end of a word, e.g. "it's" -> "it" + "'s". Apostrophe normalised to '. */
const CLITIC = /^(.+?)(n't|'s|'re|'ve|'ll|'m|'d)$/i;

// One alternative per token class, tried left to right at each position.
// URL, email, dotted abbreviation (U.S., a.m., F.C.), number ("1996-08-22", "1990s", "10-year-old"),
// a free-standing clitic (CoNLL text joined with spaces has "Ukraine 's"), word (letters/digits with
// inner hyphens, apostrophes, periods or ampersands: "O'Brien", "Caliber.Az", "AT&T"),
// dash/ellipsis runs, any other single non-space character.
const TOKEN_RE = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]'’]`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`,
    String.raw`\d+(?:[.,:/]\d+)*(?:-\d+(?:[.,:/]\d+)*)*(?:-?\p{L}+)*`,
    String.raw`['’](?:s|S|d|D|m|M|re|RE|ve|VE|ll|LL)(?![\p{L}\p{N}])`,
    String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’]|[-‐.&](?=\p{L}|\p{N}))[\p{L}\p{M}\p{N}]+)*`,
    String.raw`-{2,}|\.{2,}|…`,
    String.raw`\S`,
  ].join("|"),
  "gu",
);

/** Splits raw text into tokens with [start, end) character offsets into `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const start = m.index;
    for (const piece of splitWord(m[0], text, start + m[0].length)) {
      tokens.push({ text: piece.text, start: start + piece.offset, end: start + piece.offset + piece.text.length });
    }
  }
  return mergeAbbreviationPeriods(tokens, text);
}

interface Piece {
  text: string;
  offset: number;
}

/** Splits clitics off a word token: "Zelenskyy’s" -> "Zelenskyy", "’s". */
function splitWord(word: string, _text: string, _end: number): Piece[] {
  if (word.length < 3 || !/['’]/.test(word)) return [{ text: word, offset: 0 }];
  const m = CLITIC.exec(word.replace(/’/g, "'"));
  if (m === null || m[1].length === 0) return [{ text: word, offset: 0 }];
  const head = m[1].length;
  return [
    { text: word.slice(0, head), offset: 0 },
    { text: word.slice(head), offset: head },
  ];
}

/**
 * Re-attaches a period to a known abbreviation or single capital initial:
 * "Mr" "." "Smith" -> "Mr." "Smith"; "John" "F" "." "Kennedy" -> "F.".
 */
function mergeAbbreviationPeriods(tokens: Token[], text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const next = tokens[i + 1];
    if (next !== undefined && next.text === "." && next.start === tok.end && isPeriodAbbreviation(tok.text, text, next.end)) {
      out.push({ text: tok.text + ".", start: tok.start, end: next.end });
      i++;
    } else {
      out.push(tok);
    }
  }
  return out;
}

function isPeriodAbbreviation(word: string, text: string, afterPeriod: number): boolean {
  if (/^\p{Lu}$/u.test(word)) return true; // middle initial "F."
  if (!PERIOD_ABBREVIATIONS.has(word.toLowerCase())) return false;
  // "Acme Co." at the very end keeps its period; "on the 3rd no. 5" too. A lowercase "no." only counts before a digit.
  if (word === "no") return /^\s*\d/.test(text.slice(afterPeriod, afterPeriod + 3));
  return /^\p{Lu}/u.test(word);
}
