// npm run eval:stance [-- --json] [--verbose] [--labels tests/labels/<file>.jsonl]
// Scores stance extraction against the hand-labelled BBC sentences in tests/labels/stance-bbc.jsonl:
// precision and recall of (holder, target, polarity) triples. Needs ../shared/data/news (research-use text,
// read in place, never copied).
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { buildExtraction, extractDocument } from "../server/extract/index.js";
import type { Entity } from "../server/types.js";

interface GoldStance {
  holder: string;
  holderAliases?: string[];
  target: string;
  targetAliases?: string[];
  stance: "support" | "oppose";
  holderFromContext?: boolean;
  targetFromContext?: boolean;
  hedged?: boolean;
}
interface LabelRow {
  file: string;
  start: number;
  end: number;
  stances: GoldStance[];
}
interface Predicted {
  holder: Entity;
  target: Entity;
  stance: string;
  cue: string;
  sentence: string;
}

const root = fileURLToPath(new URL("..", import.meta.url));
const corpusDir = join(root, "..", "shared", "data", "news", "bbc");
const defaultLabels = join(root, "tests", "labels", "stance-bbc.jsonl");

/** "Mr Blair's" -> "blair"; "the U.S." -> "us". */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/\./g, "")
    .replace(/^(the|mr|mrs|ms|dr|sir|lord)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function entityMatches(entity: Entity, gold: string, aliases: string[] = []): boolean {
  const goldNames = new Set([gold, ...aliases].map(normalizeName));
  const ours = [entity.label, ...entity.aliases].map(normalizeName);
  if (ours.some((n) => goldNames.has(n))) return true;
  // "Gordon Brown" matches "Chancellor Gordon Brown": whole words of one inside the other.
  const within = (a: string, b: string) => a.length > 2 && ` ${b} `.includes(` ${a} `);
  return ours.some((n) => [...goldNames].some((g) => within(n, g) || within(g, n)));
}

function main(): void {
  const json = process.argv.includes("--json");
  const verbose = process.argv.includes("--verbose");
  const labelsFlag = process.argv.indexOf("--labels");
  const labelsPath = labelsFlag >= 0 ? resolve(process.argv[labelsFlag + 1] ?? "") : defaultLabels;
  if (!existsSync(labelsPath)) {
    console.error(`eval:stance: no labels file at ${labelsPath}`);
    process.exit(2);
  }
  if (!existsSync(corpusDir)) {
    console.error(`eval:stance: the BBC corpus is not at ${corpusDir} (it lives in ../shared/data/news)`);
    process.exit(2);
  }
  const rows: LabelRow[] = readFileSync(labelsPath, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelRow);

  let tp = 0;
  let fp = 0;
  let fn = 0;
  // Recall apart for stances a reader can see in the sentence alone, and for those that need the sentences before it.
  const goldKinds = { inSentence: { gold: 0, found: 0 }, fromContext: { gold: 0, found: 0 } };
  const kindOf = (g: GoldStance) => (g.holderFromContext || g.targetFromContext ? "fromContext" : "inSentence");
  const byFile = new Map<string, LabelRow[]>();
  for (const r of rows) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const errors: string[] = [];

  for (const [file, fileRows] of byFile) {
    const text = readFileSync(join(corpusDir, file), "utf8");
    const ex = buildExtraction([extractDocument({ text, source: file })]);
    const entities = new Map(ex.entities.map((e) => [e.id, e]));
    const sentences = new Map(ex.sentences.map((s) => [s.id, s]));
    for (const row of fileRows) {
      const predicted: Predicted[] = [];
      for (const edge of ex.edges) {
        if (edge.kind !== "stance") continue;
        for (const ev of edge.evidence) {
          const s = sentences.get(ev.sentenceId)!;
          if (s.start < row.end && row.start < s.end) {
            predicted.push({
              holder: entities.get(edge.source)!,
              target: entities.get(edge.target)!,
              stance: edge.stance!,
              cue: ev.cue ?? "",
              sentence: s.text,
            });
          }
        }
      }
      for (const g of row.stances) goldKinds[kindOf(g)].gold++;
      const unmatchedGold = [...row.stances];
      for (const p of predicted) {
        const i = unmatchedGold.findIndex(
          (g) => g.stance === p.stance && entityMatches(p.holder, g.holder, g.holderAliases) && entityMatches(p.target, g.target, g.targetAliases),
        );
        if (i >= 0) {
          tp++;
          goldKinds[kindOf(unmatchedGold[i]!)].found++;
          unmatchedGold.splice(i, 1);
        } else {
          fp++;
          errors.push(`FP ${file}@${row.start}: ${p.holder.label} -${p.stance}-> ${p.target.label} [${p.cue}] | ${p.sentence}`);
        }
      }
      fn += unmatchedGold.length;
      for (const g of unmatchedGold) errors.push(`FN ${file}@${row.start}: ${g.holder} -${g.stance}-> ${g.target} | ${text.slice(row.start, row.end)}`);
    }
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const recallOf = (k: { gold: number; found: number }) => (k.gold === 0 ? 0 : k.found / k.gold);
  const result = {
    sentences: rows.length,
    gold: tp + fn,
    predicted: tp + fp,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    recallInSentence: recallOf(goldKinds.inSentence),
    recallFromContext: recallOf(goldKinds.fromContext),
  };
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  if (verbose) for (const e of errors.sort()) console.log(e);
  console.log(
    `stance triples on ${rows.length} labelled sentences: gold ${tp + fn}, predicted ${tp + fp}, correct ${tp}\n` +
      `precision ${(precision * 100).toFixed(1)}%  recall ${(recall * 100).toFixed(1)}%  F1 ${(f1 * 100).toFixed(1)}%  ` +
      `(targets: precision >= 85%, recall >= 60%)\n` +
      `recall by where the stance is: in the sentence ${goldKinds.inSentence.found}/${goldKinds.inSentence.gold} ` +
      `(${(result.recallInSentence * 100).toFixed(1)}%), holder or target only in earlier sentences ` +
      `${goldKinds.fromContext.found}/${goldKinds.fromContext.gold} (${(result.recallFromContext * 100).toFixed(1)}%)`,
  );
}

main();
