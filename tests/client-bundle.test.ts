// The browser bundle is built from client/ and common/ only: nothing under server/ may reach it, not even through
// a value imported by accident (type-only imports leave no trace, so the bundle's source map is what tells).
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

import { clientBuildOptions } from "../scripts/build-client.mjs";

async function bundledSources(development: boolean): Promise<string[]> {
  const result = await build({ ...clientBuildOptions({ development, sourcemap: "external" }), write: false, logLevel: "silent" });
  const map = result.outputFiles.find((f) => f.path.endsWith(".map"));
  if (!map) throw new Error("esbuild wrote no source map");
  return (JSON.parse(map.text) as { sources: string[] }).sources;
}

describe("client bundle", () => {
  for (const development of [false, true]) {
    it(`holds no file from server/ (${development ? "development" : "production"} build)`, async () => {
      const sources = await bundledSources(development);
      const own = sources.filter((s) => !s.includes("node_modules/"));
      expect(own.some((s) => s.includes("client/main.ts"))).toBe(true);
      expect(own.some((s) => s.includes("common/"))).toBe(true);
      expect(own.filter((s) => /(^|\/)server\//.test(s))).toEqual([]);
    });
  }

  it("leaves the answer schemas (zod) out of a production build", async () => {
    expect((await bundledSources(false)).filter((s) => s.includes("node_modules/zod/"))).toEqual([]);
  });
});
