// Validates tests/labels/stance-bbc.jsonl against the BBC corpus.
// Usage: npx tsx scripts/check-stance-labels.ts [--labels tests/labels/<file>.jsonl]
// Checks: offsets in range, sha1 prefix of the span matches, span looks like one sentence,
// stance rows are well formed. Prints counts; exits 1 on any bad row.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { readArgs } from "./lib/args.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusRoot = resolve(repoRoot, "../shared/data/news/bbc");
const { values } = readArgs("usage: npx tsx scripts/check-stance-labels.ts [--labels tests/labels/<file>.jsonl]", {
  options: { labels: { type: "string" } },
});
const labelsPath = values.labels ? resolve(values.labels) : join(repoRoot, "tests/labels/stance-bbc.jsonl");

interface Stance {
  holder: string;
  holderAliases?: string[];
  target: string;
  targetAliases?: string[];
  stance: "support" | "oppose";
  cue?: string;
  holderFromContext?: boolean;
  targetFromContext?: boolean;
  hedged?: boolean;
  note?: string;
}
interface Row {
  file: string;
  start: number;
  end: number;
  sha1: string;
  stances: Stance[];
  entities: string[];
  note?: string;
}

const problems: string[] = [];
const lines = readFileSync(labelsPath, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");
const rows: Row[] = [];
const cache = new Map<string, string>();
const seen = new Set<string>();
const perFile = new Map<string, number>();

lines.forEach((line, i) => {
  const where = `line ${i + 1}`;
  let row: Row;
  try {
    row = JSON.parse(line);
  } catch (e) {
    problems.push(`${where}: invalid JSON`);
    return;
  }
  rows.push(row);
  const id = `${where} ${row.file}@${row.start}`;
  if (typeof row.file !== "string" || !/^[a-z]+\/\d{3}\.txt$/.test(row.file)) {
    problems.push(`${id}: bad file field`);
    return;
  }
  let text = cache.get(row.file);
  if (text === undefined) {
    try {
      text = readFileSync(join(corpusRoot, row.file), "utf8");
    } catch {
      problems.push(`${id}: cannot read corpus file`);
      return;
    }
    cache.set(row.file, text);
  }
  if (!Number.isInteger(row.start) || !Number.isInteger(row.end) || row.start < 0 || row.end > text.length || row.start >= row.end) {
    problems.push(`${id}: offsets out of range (${row.start}-${row.end}, file length ${text.length})`);
    return;
  }
  const span = text.slice(row.start, row.end);
  const sha = createHash("sha1").update(span, "utf8").digest("hex").slice(0, 12);
  if (sha !== row.sha1) problems.push(`${id}: sha1 mismatch (${sha} != ${row.sha1})`);
  if (!/^["'\u201c\u2018(]?[A-Z0-9£$]/.test(span)) problems.push(`${id}: span does not start like a sentence`);
  if (!/[.!?]["'\u201d\u2019)]*$/.test(span)) problems.push(`${id}: span does not end with . ! ? (+ closing quote)`);
  if (/\n/.test(span)) problems.push(`${id}: span crosses a line break`);
  const key = `${row.file}@${row.start}`;
  if (seen.has(key)) problems.push(`${id}: duplicate sentence`);
  seen.add(key);
  perFile.set(row.file, (perFile.get(row.file) ?? 0) + 1);
  if (!Array.isArray(row.stances)) problems.push(`${id}: stances must be an array`);
  if (!Array.isArray(row.entities)) problems.push(`${id}: entities must be an array`);
  for (const s of row.stances ?? []) {
    if (!s.holder || !s.target) problems.push(`${id}: stance without holder/target`);
    if (s.stance !== "support" && s.stance !== "oppose") problems.push(`${id}: bad polarity ${s.stance}`);
    if (s.holder === s.target) problems.push(`${id}: holder equals target`);
  }
});
for (const [f, n] of perFile) if (n > 3) problems.push(`${f}: ${n} sentences (max 3 per file)`);

const withStance = rows.filter((r) => r.stances?.length > 0);
const triples = rows.flatMap((r) => r.stances ?? []);
const byCat: Record<string, { sentences: number; withStance: number; triples: number }> = {};
for (const r of rows) {
  const c = r.file.split("/")[0];
  byCat[c] ??= { sentences: 0, withStance: 0, triples: 0 };
  byCat[c].sentences++;
  if (r.stances?.length) byCat[c].withStance++;
  byCat[c].triples += r.stances?.length ?? 0;
}
console.log(`sentences: ${rows.length} in ${perFile.size} files`);
console.log(`with stance: ${withStance.length}, without stance: ${rows.length - withStance.length}`);
console.log(
  `stance triples: ${triples.length} (support ${triples.filter((s) => s.stance === "support").length}, oppose ${triples.filter((s) => s.stance === "oppose").length}; hedged ${triples.filter((s) => s.hedged).length}, holderFromContext ${triples.filter((s) => s.holderFromContext).length}, targetFromContext ${triples.filter((s) => s.targetFromContext).length})`,
);
for (const [c, v] of Object.entries(byCat).sort())
  console.log(`  ${c}: ${v.sentences} sentences, ${v.withStance} with stance, ${v.triples} triples`);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error("  " + p);
  process.exit(1);
}
console.log("OK");
