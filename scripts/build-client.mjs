// Bundles the browser client into dist/client with esbuild (no dev server needed).
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}dist/client`;

/**
 * esbuild's options for the client bundle (tests/client-bundle.test.ts builds with them too). The client checks
 * API answers against their schemas unless NODE_ENV is "production", so a production bundle leaves zod out.
 */
export function clientBuildOptions({ development = false, sourcemap = development } = {}) {
  return {
    entryPoints: [`${root}client/main.ts`],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap,
    outfile: `${out}/main.js`,
    define: { "process.env.NODE_ENV": JSON.stringify(development ? "development" : "production") },
    logLevel: "warning",
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // A source map carries the client's whole source: written only for development (NODE_ENV=development).
  const development = process.env.NODE_ENV === "development";
  mkdirSync(out, { recursive: true });
  if (!development) rmSync(`${out}/main.js.map`, { force: true });
  await build(clientBuildOptions({ development }));
  for (const f of ["index.html", "style.css"]) copyFileSync(`${root}client/${f}`, `${out}/${f}`);
}
