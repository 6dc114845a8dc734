// The hand-labelled stance sets (tests/labels/*.jsonl): their rows, and how a predicted entity is matched
// to a labelled name. Shared by the evaluation (scripts/eval-stance.ts) and the training (scripts/train-stance.ts).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { extractDocument } from "../../server/extract/index.js";
import { type RoleBook, roleBookOf } from "../../server/extract/07-role-book.js";
import { readArticle } from "../../server/io/read-documents.js";
import type { Entity } from "../../server/types.js";

export interface GoldStance {
  holder: string;
  holderAliases?: string[];
  target: string;
  targetAliases?: string[];
  stance: "support" | "oppose";
  holderFromContext?: boolean;
  targetFromContext?: boolean;
  hedged?: boolean;
}

export interface LabelRow {
  file: string;
  start: number;
  end: number;
  stances: GoldStance[];
}

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CORPUS_DIR = join(ROOT, "..", "shared", "data", "news", "bbc");
export const LABELS_DIR = join(ROOT, "tests", "labels");

/** Rows of one label file, or exits with a message saying what is missing. */
export function readLabels(path: string, tool: string): LabelRow[] {
  if (!existsSync(path)) {
    console.error(`${tool}: no labels file at ${path}`);
    process.exit(2);
  }
  if (!existsSync(CORPUS_DIR)) {
    console.error(`${tool}: the BBC corpus is not at ${CORPUS_DIR} (it lives in ../shared/data/news)`);
    process.exit(2);
  }
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelRow);
}

/** A corpus article ("politics/001.txt") read like any ingest file, named by its path in the corpus. */
export const corpusArticle = (file: string) => readArticle(join(CORPUS_DIR, file), CORPUS_DIR);

/** The BBC articles no label set touches ("business/001.txt", ...): text no rule was tuned on and no label scores. */
export function openArticles(): string[] {
  const labelled = new Set<string>();
  for (const set of readdirSync(LABELS_DIR).filter((f) => f.endsWith(".jsonl"))) {
    for (const line of readFileSync(join(LABELS_DIR, set), "utf8")
      .split("\n")
      .filter((l) => l.trim())) {
      labelled.add((JSON.parse(line) as { file: string }).file);
    }
  }
  const files: string[] = [];
  for (const category of readdirSync(CORPUS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(join(CORPUS_DIR, category.name)).sort()) {
      const file = `${category.name}/${name}`;
      if (!labelled.has(file)) files.push(file);
    }
  }
  return files;
}

/**
 * The role book the evaluation reads roles with, as the product would from its corpus: learned from the open
 * articles only, so that no labelled article's own text tells who holds its roles.
 */
export function openRoleBook(): RoleBook {
  return roleBookOf(openArticles().map((file) => extractDocument(corpusArticle(file), { stances: false })));
}

/** Rows grouped by article, in first-seen order. */
export function byFile(rows: LabelRow[]): Map<string, LabelRow[]> {
  const out = new Map<string, LabelRow[]>();
  for (const r of rows) out.set(r.file, [...(out.get(r.file) ?? []), r]);
  return out;
}

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

export function entityMatches(entity: Pick<Entity, "label" | "aliases">, gold: string, aliases: string[] = []): boolean {
  const goldNames = new Set([gold, ...aliases].map(normalizeName));
  const ours = [entity.label, ...entity.aliases].map(normalizeName);
  if (ours.some((n) => goldNames.has(n))) return true;
  // "Gordon Brown" matches "Chancellor Gordon Brown": whole words of one inside the other.
  const within = (a: string, b: string) => a.length > 2 && ` ${b} `.includes(` ${a} `);
  return ours.some((n) => [...goldNames].some((g) => within(n, g) || within(g, n)));
}

export const goldMatches = (holder: Pick<Entity, "label" | "aliases">, target: Pick<Entity, "label" | "aliases">, g: GoldStance) =>
  entityMatches(holder, g.holder, g.holderAliases) && entityMatches(target, g.target, g.targetAliases);

/** Whether a stance is readable in the sentence alone, or needs the sentences before it. */
export const kindOf = (g: GoldStance) => (g.holderFromContext || g.targetFromContext ? "fromContext" : "inSentence");

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  inSentence: { gold: number; found: number };
  fromContext: { gold: number; found: number };
}

export const emptyScore = (): Score => ({ tp: 0, fp: 0, fn: 0, inSentence: { gold: 0, found: 0 }, fromContext: { gold: 0, found: 0 } });

/**
 * Scores the triples predicted in one labelled row: each prediction takes the first unmatched gold stance with
 * the same polarity and matching names. Returns the gold stances left unmatched and the predictions that matched none.
 */
export function scoreRow<
  P extends { holder: Pick<Entity, "label" | "aliases">; target: Pick<Entity, "label" | "aliases">; stance: string },
>(row: LabelRow, predicted: P[], score: Score): { missed: GoldStance[]; wrong: P[] } {
  for (const g of row.stances) score[kindOf(g)].gold++;
  const missed = [...row.stances];
  const wrong: P[] = [];
  for (const p of predicted) {
    const i = missed.findIndex((g) => g.stance === p.stance && goldMatches(p.holder, p.target, g));
    if (i >= 0) {
      score.tp++;
      score[kindOf(missed[i]!)].found++;
      missed.splice(i, 1);
    } else {
      score.fp++;
      wrong.push(p);
    }
  }
  score.fn += missed.length;
  return { missed, wrong };
}

export function summarize(score: Score) {
  const precision = score.tp + score.fp === 0 ? 0 : score.tp / (score.tp + score.fp);
  const recall = score.tp + score.fn === 0 ? 0 : score.tp / (score.tp + score.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const recallOf = (k: { gold: number; found: number }) => (k.gold === 0 ? 0 : k.found / k.gold);
  return { precision, recall, f1, recallInSentence: recallOf(score.inSentence), recallFromContext: recallOf(score.fromContext) };
}
