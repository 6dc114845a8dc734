// The research corpora may be read, never committed: no file in the repo may share a run of eight words with
// a BBC article. Test rows and comments paraphrase the constructions they are about instead.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { repoRoot } from "./helpers/server.js";

const bbc = join(repoRoot, "..", "shared", "data", "news", "bbc");
const RUN = 8;
if (!existsSync(bbc)) console.warn(`SKIPPED corpus-text check: no BBC corpus at ${bbc}`);

/** Lower-case words without punctuation, so that quoting style and line breaks do not hide a copy. */
function words(text: string): string[] {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .split(/\s+/)
    .map((w) =>
      w
        .replace(/[^\p{L}\p{N}']/gu, "")
        .replace(/^'+|'+$/g, "")
        .toLowerCase(),
    )
    .filter(Boolean);
}
const runs = (ws: string[]) => ws.slice(0, Math.max(0, ws.length - RUN + 1)).map((_, i) => ws.slice(i, i + RUN).join(" "));

/**
 * The prose of a file, in pieces that runs may not cross. A label row (tests/labels/*.jsonl) is read by its
 * written fields, note and cue: its `entities` list is names side by side, not text.
 */
function prose(path: string): string[] {
  const text = readFileSync(path, "utf8");
  if (!path.endsWith(".jsonl")) return [text];
  return text
    .split("\n")
    .filter((l) => l.trim())
    .flatMap((l) => {
      const row = JSON.parse(l) as { note?: string; stances?: { note?: string; cue?: string }[] };
      return [row.note ?? "", ...(row.stances ?? []).flatMap((s) => [s.note ?? "", s.cue ?? ""])];
    });
}

describe.skipIf(!existsSync(bbc))("no corpus text in the repository", () => {
  it(`no tracked file shares ${RUN} words in a row with a BBC article`, () => {
    const corpus = new Set<string>();
    for (const category of readdirSync(bbc, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(join(bbc, category.name))) {
        for (const run of runs(words(readFileSync(join(bbc, category.name, file), "utf8")))) corpus.add(run);
      }
    }
    // Label files hold offsets and short cues, and are checked too: their notes paraphrase. Seeds are our own articles; binaries are not text.
    const tracked = execFileSync("git", ["ls-files"], { cwd: repoRoot, encoding: "utf8" })
      .split("\n")
      .filter((f) => f && !f.startsWith("seeds/") && !/\.(png|gz|bin)$/.test(f) && f !== "package-lock.json");
    const copies = tracked.flatMap((f) => {
      const path = join(repoRoot, f);
      if (!existsSync(path)) return [];
      return prose(path)
        .flatMap((piece) => runs(words(piece)))
        .filter((run) => corpus.has(run))
        .map((run) => `${f}: ${run}`);
    });
    expect(copies).toEqual([]);
  }, 60_000);
});
