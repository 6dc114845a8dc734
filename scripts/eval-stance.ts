// npm run eval:stance [-- --json] [--verbose] [--labels tests/labels/<file>.jsonl] [--no-role-book]
// npm run eval:stance -- --pairs ../shared/data/stance/dse/valid.txt [--json]   (the model on marked pairs, lib/eval-pairs.ts)
// Scores stance extraction against the hand-labelled BBC sentences in tests/labels/stance-bbc.jsonl:
// precision and recall of (holder, target, polarity) triples. Needs ../shared/data/news (research-use text,
// read in place, never copied).
import { join, resolve } from "node:path";

import { buildExtraction, extractDocument } from "../server/extract/index.js";
import type { Entity } from "../server/types.js";
import { readArgs } from "./lib/args.js";
import { evalPairs } from "./lib/eval-pairs.js";
import { LABELS_DIR, byFile, emptyScore, openRoleBook, corpusArticle, readLabels, scoreRow, summarize } from "./lib/stance-labels.js";

interface Predicted {
  holder: Entity;
  target: Entity;
  stance: string;
  cue: string;
  sentence: string;
}

const USAGE = "usage: npm run eval:stance [-- --json] [--verbose] [--labels <file.jsonl>] [--no-role-book] [--pairs <dse-file>]";

function main(): void {
  const { values } = readArgs(USAGE, {
    options: {
      json: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      pairs: { type: "string" },
      labels: { type: "string" },
      "no-role-book": { type: "boolean", default: false },
    },
  });
  const { json, verbose } = values;
  // --pairs: the DSE format, sentence with [p] and [q], p, q, label.
  if (values.pairs !== undefined) return evalPairs(resolve(values.pairs), json);
  const labelsPath = values.labels !== undefined ? resolve(values.labels) : join(LABELS_DIR, "stance-bbc.jsonl");
  const rows = readLabels(labelsPath, "eval:stance");
  // "the prime minister" with no name in the article: read with the role book of the unlabelled articles.
  const roles = values["no-role-book"] ? undefined : openRoleBook();

  const score = emptyScore();
  const errors: string[] = [];
  for (const [file, fileRows] of byFile(rows)) {
    const { text } = corpusArticle(file);
    const ex = buildExtraction([extractDocument({ text, source: file })], roles ? { roles } : {});
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
      const { missed, wrong } = scoreRow(row, predicted, score);
      for (const p of predicted.filter((x) => !wrong.includes(x)))
        errors.push(`TP ${file}@${row.start}: ${p.holder.label} -${p.stance}-> ${p.target.label} [${p.cue}] | ${p.sentence}`);
      for (const p of wrong)
        errors.push(`FP ${file}@${row.start}: ${p.holder.label} -${p.stance}-> ${p.target.label} [${p.cue}] | ${p.sentence}`);
      for (const g of missed)
        errors.push(`FN ${file}@${row.start}: ${g.holder} -${g.stance}-> ${g.target} | ${text.slice(row.start, row.end)}`);
    }
  }
  const s = summarize(score);
  const result = {
    sentences: rows.length,
    gold: score.tp + score.fn,
    predicted: score.tp + score.fp,
    tp: score.tp,
    fp: score.fp,
    fn: score.fn,
    ...s,
  };
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  if (verbose) for (const e of errors.sort()) console.log(e);
  console.log(
    `stance triples on ${rows.length} labelled sentences: gold ${result.gold}, predicted ${result.predicted}, correct ${score.tp}\n` +
      `precision ${(s.precision * 100).toFixed(1)}%  recall ${(s.recall * 100).toFixed(1)}%  F1 ${(s.f1 * 100).toFixed(1)}%  ` +
      `(targets: precision >= 85%, recall >= 60%)\n` +
      `recall by where the stance is: in the sentence ${score.inSentence.found}/${score.inSentence.gold} ` +
      `(${(s.recallInSentence * 100).toFixed(1)}%), holder or target only in earlier sentences ` +
      `${score.fromContext.found}/${score.fromContext.gold} (${(s.recallFromContext * 100).toFixed(1)}%)`,
  );
}

main();
