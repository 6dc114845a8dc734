// The ingest CLI fails cleanly on paths and stores that are not what they seem: a FIFO named .txt (it would
// block for ever), symbolic link loops, a --db that is not a store. Each exits 2 with a message, no stack.
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { repoRoot } from "../helpers/server.js";
import { syntheticArticle, tempDir } from "./fixtures.js";

const { dir, remove } = tempDir("ingest-paths-");
afterAll(remove);

const ingest = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "scripts", "ingest.ts"), "--workers", "0", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000, // a CLI that blocks on a FIFO fails here instead of hanging the suite
  });

const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;
if (!hasMkfifo) console.warn("SKIPPED FIFO cases: no mkfifo on this machine");

const folder = join(dir, "articles");
mkdirSync(join(folder, "sub"), { recursive: true });
writeFileSync(join(folder, "good.txt"), syntheticArticle(1).text);
symlinkSync("..", join(folder, "sub", "up")); // sub/up/sub/up/... : a folder loop
symlinkSync("loop-b.txt", join(folder, "loop-a.txt")); // two links that point at each other
symlinkSync("loop-a.txt", join(folder, "loop-b.txt"));
if (hasMkfifo) spawnSync("mkfifo", [join(folder, "pipe.txt")]);
writeFileSync(join(dir, "notes.db"), "these are notes, not a database\n");
mkdirSync(join(dir, "folder.db"));

describe("npm run ingest on odd paths", () => {
  it("stores the regular files of a folder and skips, each with a message, a FIFO and symbolic link loops: exit 2", () => {
    const res = ingest(folder, "--db", join(dir, "a.db"));
    expect(res.error).toBeUndefined(); // not killed by the timeout
    expect(res.status).toBe(2);
    if (hasMkfifo) expect(res.stderr).toContain(`ingest: skipped ${join(folder, "pipe.txt")}: a FIFO, not a regular file`);
    expect(res.stderr).toContain(`ingest: skipped symbolic link loop: ${join(folder, "loop-a.txt")}`);
    expect(res.stderr).toMatch(/ingest: skipped symbolic link loop: .*sub\/up leads back to /);
    expect(res.stderr).not.toMatch(/no such file/);
    expect(res.stdout).toMatch(/^1 files: 1 new, 0 already stored, [34] rejected/);
  });

  type Case = [string, string[], RegExp];
  const fifo: Case[] = hasMkfifo ? [["a FIFO named .txt", [join(folder, "pipe.txt")], /pipe\.txt: a FIFO, not a regular file/]] : [];
  it.each<Case>([
    ...fifo,
    ["a symbolic link loop", [join(folder, "loop-a.txt")], /^ingest: symbolic link loop: .*loop-a\.txt$/m],
    ["a --db that is not SQLite", [folder, "--db", join(dir, "notes.db")], /notes\.db is not an entity graph store: not an SQLite file/],
    ["a --db that is a directory", [folder, "--db", join(dir, "folder.db")], /folder\.db is a directory, not a store file/],
  ])("exits 2 with a message for %s", (_name, args, message) => {
    const res = ingest(...args);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
