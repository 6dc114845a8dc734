// Bundles the browser client into dist/client with esbuild (no dev server needed).
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}dist/client`;
// A source map carries the client's whole source: written only for development (NODE_ENV=development).
const development = process.env.NODE_ENV === "development";
mkdirSync(out, { recursive: true });
if (!development) rmSync(`${out}/main.js.map`, { force: true });
await build({
  entryPoints: [`${root}client/main.ts`],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: development,
  outfile: `${out}/main.js`,
  logLevel: "warning",
});
for (const f of ["index.html", "style.css"]) copyFileSync(`${root}client/${f}`, `${out}/${f}`);
