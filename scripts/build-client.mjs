// Bundles the browser client into dist/client with esbuild (no dev server needed).
import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}dist/client`;
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [`${root}client/main.ts`],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: true,
  outfile: `${out}/main.js`,
  logLevel: "warning",
});
for (const f of ["index.html", "style.css"]) copyFileSync(`${root}client/${f}`, `${out}/${f}`);
