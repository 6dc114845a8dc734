import { spawnSync } from "node:child_process";
import { type AddressInfo, createServer } from "node:net";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "server-start-"));

/** `npm start`'s entry with DATABASE_PATH set; the port is 0 so that a store it did open would not clash. */
const start = (databasePath: string, port = "0") =>
  spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "server", "main.ts"), "--no-seeds"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: databasePath, PORT: port, EXTRACT_WORKERS: "0" },
    encoding: "utf8",
    timeout: 60_000,
  });

const textFile = join(folder, "notes.txt");
writeFileSync(textFile, "not a database\n");
const otherApp = join(folder, "other.sqlite");
const db = new Database(otherApp);
db.exec("CREATE TABLE recipes (name TEXT)");
db.close();

describe("server start on a DATABASE_PATH that is not a store", () => {
  it.each([
    ["a text file", textFile, "not an SQLite file"],
    ["another application's SQLite file", otherApp, "not an entity graph store"],
  ])(
    "%s: exits 2 with the reason, no stack trace, and leaves the file as it was",
    (_name, path, reason) => {
      const before = readFileSync(path);
      const run = start(path);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(reason);
      expect(run.stderr).toContain("DATABASE_PATH");
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(path).equals(before)).toBe(true);
    },
    60_000,
  );
});

describe("server start on a port that is taken", () => {
  it("exits 2 with the reason instead of running on without listening", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const run = start(join(folder, "taken-port.db"), String((taken.address() as AddressInfo).port));
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("EADDRINUSE");
      expect(run.stderr).toContain("Set PORT");
    } finally {
      taken.close();
    }
  }, 60_000);
});
