// The DSE benchmark's format (../shared/data/stance/dse/README.md): a sentence with its two entities in square
// brackets, p, q, and the label (0 none, 1 p supports q, 2 q supports p, 3 p opposes q, 4 q opposes p). p is the
// first bracket, so the label is already in the stance model's class order (X = the entity written first).
import { readFileSync } from "node:fs";

export interface PairRow {
  /** The sentence without the brackets. */
  text: string;
  p: [number, number];
  q: [number, number];
  label: number;
  line: number;
}

/** One row, or an error saying what is wrong with it. */
export function parsePairLine(line: string, lineNo: number): PairRow {
  const cols = line.split("\t");
  if (cols.length !== 4) throw new Error(`line ${lineNo}: expected 4 tab-separated columns, got ${cols.length}`);
  const [marked, p, q, labelText] = cols as [string, string, string, string];
  const label = Number(labelText.trim());
  if (!Number.isInteger(label) || label < 0 || label > 4) throw new Error(`line ${lineNo}: label must be 0-4, got "${labelText}"`);
  const spans: [number, number][] = [];
  let text = "";
  let open = -1;
  for (const c of marked) {
    if (c === "[" && open < 0 && spans.length < 2) open = text.length;
    else if (c === "]" && open >= 0) {
      spans.push([open, text.length]);
      open = -1;
    } else text += c;
  }
  if (spans.length !== 2) throw new Error(`line ${lineNo}: expected two [bracketed] entities, found ${spans.length}`);
  const [first, second] = spans as [[number, number], [number, number]];
  const named = (s: [number, number]) => text.slice(s[0], s[1]);
  // The p and q columns are sometimes written with CSV quoting ('"Yassin.""The Council"'): compare without quotes.
  const bare = (s: string) => s.replace(/"/g, "").trim();
  if (bare(named(first)) !== bare(p) || bare(named(second)) !== bare(q))
    throw new Error(`line ${lineNo}: the brackets hold "${named(first)}" and "${named(second)}", not p "${p}" and q "${q}"`);
  return { text, p: first, q: second, label, line: lineNo };
}

export function readPairs(path: string): PairRow[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim())
    .map(({ line, i }) => parsePairLine(line.replace(/\r$/, ""), i + 1));
}
