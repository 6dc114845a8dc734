// npm run fingerprint -- --db path/graph.db [--drop N]
// A refactor or a speed-up of resolution must leave its output as it was: this prints a fingerprint of the corpus's
// resolution (SHA-1 of the entities, the edges and every mention's entity, name and type), then builds it again
// after dropping the last N documents and adding them back, as writes do with the caches kept between them, and
// says whether that gives the same fingerprint. Run it before and after a change: the first line must not move.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";

import { buildExtraction } from "../server/extract/index.js";
import { openStore } from "../server/store/index.js";
import type { Extraction } from "../server/types.js";
import { countOption, readArgs } from "./lib/args.js";

const USAGE = "usage: npm run fingerprint -- --db path/graph.db [--drop N]";
const { values } = readArgs(USAGE, { options: { db: { type: "string" }, drop: { type: "string" } } });
if (!values.db || !existsSync(values.db)) {
  console.error(`--db must name an existing store, got ${values.db === undefined ? "nothing" : `"${values.db}"`}\n${USAGE}`);
  process.exit(2);
}
const drop = countOption(values.drop, "drop", 3, USAGE);

const fingerprint = (e: Extraction) =>
  createHash("sha1")
    .update(JSON.stringify([e.entities, e.edges, e.mentions.map((m) => [m.entityId, m.name, m.type])]))
    .digest("hex")
    .slice(0, 12);

const store = openStore(values.db);
const { documents, corrections } = await store.load();
await store.close();
const timed = (docs: typeof documents) => {
  const t0 = performance.now();
  const extraction = buildExtraction(docs, { corrections });
  return { print: fingerprint(extraction), ms: Math.round(performance.now() - t0), entities: extraction.entities.length };
};
const full = timed(documents);
console.log(`fingerprint ${full.print}: ${documents.length} documents, ${full.entities} entities (full build ${full.ms} ms)`);
const fewer = timed(documents.slice(0, -drop));
const again = timed(documents);
console.log(
  `without the last ${drop} and back: ${again.print === full.print ? "same" : `DIFFERENT (${again.print})`} ` +
    `(builds with kept caches: ${fewer.ms} ms, ${again.ms} ms)`,
);
process.exitCode = again.print === full.print ? 0 : 1;
