// Where a document says it came from, and the sidecar that gives a plain-text file its date.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { listIngestSources, readAs } from "../../server/io/read-documents.js";
import { tempDir } from "./fixtures.js";

const { dir, remove } = tempDir("sources-");
afterAll(remove);

describe("ingest sources", () => {
  mkdirSync(join(dir, "news", "politics"), { recursive: true });
  writeFileSync(join(dir, "news", "politics", "001.txt"), "Orla Penn met Tomas Vey in Lisbon.");
  writeFileSync(join(dir, "news", "politics", "001.json"), JSON.stringify({ date: "2005-02-14", author: "Desk" }));
  writeFileSync(join(dir, "news", "politics", "002.txt"), "Tomas Vey spoke to the council.");
  writeFileSync(join(dir, "news", "politics", "002.json"), JSON.stringify({ date: "14 Feb" }));
  writeFileSync(join(dir, "news", "politics", "003.txt"), "The council met again.");
  writeFileSync(join(dir, "news", "politics", "003.json"), "[1, 2]");
  writeFileSync(join(dir, "news", "lines.jsonl"), JSON.stringify({ text: "Orla Penn left.", date: "2005-03-01", source: "wire" }) + "\n");

  it("names files relative to the folder given, or by their own name when given themselves", () => {
    expect(listIngestSources([join(dir, "news")]).map((s) => s.source)).toEqual([
      "lines.jsonl",
      join("politics", "001.txt"),
      join("politics", "002.txt"),
      join("politics", "003.txt"),
    ]);
    expect(listIngestSources([join(dir, "news", "politics", "002.txt")]).map((s) => s.source)).toEqual(["002.txt"]);
  });

  it("reads a sidecar's date and author, and rejects a bad sidecar with the reason", () => {
    const at = (name: string) => readAs(join(dir, "news", "politics", name), `politics/${name}`);
    expect(at("001.txt")).toEqual([
      {
        where: "politics/001.txt",
        input: { text: "Orla Penn met Tomas Vey in Lisbon.", source: "politics/001.txt", date: "2005-02-14", author: "Desk" },
      },
    ]);
    const bad = at("002.txt")[0]!;
    expect("error" in bad && bad.error.message).toMatch(/sidecar 002\.json.*field "date" must be an ISO date/);
    const notObject = at("003.txt")[0]!;
    expect("error" in notObject && notObject.error.message).toMatch(/sidecar 003\.json: expected an object/);
  });

  it("keeps a JSONL line's own date and source field", () => {
    const [line] = readAs(join(dir, "news", "lines.jsonl"), "lines.jsonl");
    expect(line).toMatchObject({ input: { date: "2005-03-01", source: "wire" } });
  });
});
