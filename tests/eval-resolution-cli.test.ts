import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { repoRoot } from "./helpers/server.js";

const tsx = join(repoRoot, "node_modules", ".bin", "tsx");
const run = (...args: string[]) =>
  spawnSync(tsx, [join(repoRoot, "scripts", "eval-resolution.ts"), ...args], { cwd: repoRoot, encoding: "utf8" });

describe("npm run eval:resolution", () => {
  const dir = mkdtempSync(join(tmpdir(), "eval-resolution-"));
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify({ corpus: ["bbc/sport"], entities: [{ labels: ["Ada Roe"], type: "city" }], never: [], apart: [] }));
  const nowhere = join(dir, "nowhere.json");
  writeFileSync(nowhere, JSON.stringify({ corpus: ["no/such/folder"], entities: [], never: [], apart: [] }));

  it.each([
    [[], /missing --labels FILE/],
    [["--labels", join(dir, "missing.json")], /no such labels file/],
    [["--labels", bad], /entities\[0\]\.type "city" is not an entity type/],
    [["--labels", nowhere], /corpus folder not found/],
    [["--frobnicate"], /Unknown option/],
  ])("%j fails with exit code 2 and says why", (args, message) => {
    const res = run(...args);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message);
  });
});
