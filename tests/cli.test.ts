import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { repoRoot, seedCorpus } from "./helpers/server.js";

const tsx = join(repoRoot, "node_modules", ".bin", "tsx");
const extract = (...args: string[]) =>
  spawnSync(tsx, [join(repoRoot, "scripts", "extract.ts"), ...args], { cwd: repoRoot, encoding: "utf8" });

describe("npm run extract", () => {
  const out = mkdtempSync(join(tmpdir(), "extract-"));

  it("writes graphology JSON identical to what the API serves, and a one-line summary", () => {
    const res = extract("seeds", "--out", join(out, "g.json"));
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toMatch(/^5 documents, \d+ sentences, \d+ entities, \d+ edges in [\d.]+s -> /);
    expect(JSON.parse(readFileSync(join(out, "g.json"), "utf8"))).toEqual(seedCorpus().graphJson());
  });

  it("writes GEXF for a .gexf path", () => {
    const res = extract("seeds/000_f24ed6e1687c785a.txt", "--out", join(out, "g.gexf"));
    expect(res.status).toBe(0);
    expect(readFileSync(join(out, "g.gexf"), "utf8")).toContain('<gexf version="1.3"');
  });

  it.each([
    [["seeds/missing.txt", "--out", "x.json"], /no such file or directory: seeds\/missing.txt/],
    [["seeds", "--out", "x.csv"], /unknown output extension ".csv"/],
    [["package.json", "--out", "x.json"], /unsupported file type ".json"/],
    [["seeds"], /missing --out/],
    [["--out", "x.json"], /no input files/],
  ])("%j fails with exit code 2 and says why", (args, message) => {
    const res = extract(...args);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message);
  });
});

describe("npm run eval:ner", () => {
  const evalNer = (...args: string[]) =>
    spawnSync(tsx, [join(repoRoot, "scripts", "eval-ner.ts"), ...args], { cwd: repoRoot, encoding: "utf8" });
  // An invented two-sentence CoNLL file: the scorer runs the same with and without --baseline.
  const dir = mkdtempSync(join(tmpdir(), "eval-ner-"));
  const conll = join(dir, "tiny.conll");
  writeFileSync(
    conll,
    [
      "-DOCSTART- -X- O O",
      "",
      "Angela NNP I-NP I-PER",
      "Merkel NNP I-NP I-PER",
      "visited VBD I-VP O",
      "Paris NNP I-NP I-LOC",
      ". . O O",
      "",
    ].join("\n"),
  );

  it.each([[[conll]], [[conll, "--json"]], [[conll, "--baseline", "compromise"]], [["--baseline", "compromise", conll]]])(
    "%j scores the file",
    (args) => {
      const res = evalNer(...args);
      expect(res.stderr).not.toMatch(/usage/);
      expect(res.status).toBe(0);
      expect(res.stdout).toMatch(/micro/);
    },
  );

  it.each([
    [[], /usage/],
    [[join(dir, "missing.conll")], /no such file/],
    [[conll, "--baseline", "spacy"], /unknown baseline "spacy"/],
  ])("%j fails with exit code 2 and says why", (args, message) => {
    const res = evalNer(...args);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message);
  });
});
