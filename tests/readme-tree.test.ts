// The README's "How it works" tree is the map a newcomer reads first: every path it names must exist, and every
// folder of the code (and every module loose in server/) must be on it, so the map cannot drift from the tree.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
/** The description column: the README's tree puts every path in the first 29 characters of its line. */
const PATH_COLUMN = 29;

/** The fenced block under "## How it works". */
function treeBlock(readme: string): string[] {
  const section = readme.slice(readme.indexOf("## How it works"));
  const open = section.indexOf("```\n");
  const close = section.indexOf("\n```", open + 4);
  return section.slice(open + 4, close).split("\n");
}

/** Paths the tree names, from the repository root: top-level lines are whole paths, indented ones sit in the folder above. */
function treePaths(lines: string[]): string[] {
  const paths: string[] = [];
  let folder = "";
  for (const line of lines) {
    const entry = line.slice(0, PATH_COLUMN).trim();
    if (!entry || line.startsWith(" ".repeat(PATH_COLUMN))) continue;
    const nested = line.startsWith("  ");
    for (const name of entry.split(/,\s*/)) {
      const path = nested ? folder + name : name;
      paths.push(path);
      if (!nested && name.endsWith("/")) folder = name;
    }
  }
  return paths;
}

function foldersUnder(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((name) => statSync(join(root, dir, name)).isDirectory())
    .flatMap((name) => [`${dir}/${name}/`, ...foldersUnder(`${dir}/${name}`)]);
}

describe("README's How it works tree", () => {
  const paths = treePaths(treeBlock(readFileSync(join(root, "README.md"), "utf8")));

  it("reads paths from the tree's first column (a table of made-up lines)", () => {
    const lines = [
      "common/                      one folder",
      "  types.ts                   a file in it",
      "  dates.ts, regex.ts         two files in it",
      "                             a continuation line, not a path",
      "server/main.ts               a whole path at the top",
    ];
    expect(treePaths(lines)).toEqual(["common/", "common/types.ts", "common/dates.ts", "common/regex.ts", "server/main.ts"]);
  });

  it("names only paths that exist", () => {
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it("names every folder of the code", () => {
    const folders = ["common", "server", "client", "scripts"].flatMap(foldersUnder);
    expect(folders.filter((f) => !paths.includes(f))).toEqual([]);
  });

  it("names every module loose in server/", () => {
    const modules = readdirSync(join(root, "server")).filter((name) => name.endsWith(".ts"));
    expect(modules.filter((m) => !paths.includes(`server/${m}`))).toEqual([]);
  });
});
