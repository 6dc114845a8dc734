// npm run extract -- <file-or-dir>... --out <path.json|path.gexf>
// Reads articles the way `npm run ingest` does (.txt, .md, .html, .jsonl, sidecars), extracts the entity graph and
// writes it as graphology JSON or GEXF 1.3.
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { parseArgs } from "node:util";

import { ReadModel } from "../server/read/model.js";
import { extractDocument } from "../server/extract/index.js";
import { InputError, listIngestSources, readAs } from "../server/io/read-documents.js";
import type { DocumentInput } from "../server/types.js";

const USAGE = "usage: npm run extract -- <file-or-dir>... --out <graph.json|graph.gexf>";
const OUTPUT_FORMATS = [".json", ".gexf"];

function readOptions(argv: string[]): { inputs: string[]; out: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { out: { type: "string", short: "o" } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new InputError(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals: inputs } = parsed;
  if (inputs.length === 0) throw new InputError(`no input files or folders\n${USAGE}`);
  const out = values.out;
  if (!out) throw new InputError(`missing --out <path>\n${USAGE}`);
  if (!OUTPUT_FORMATS.includes(extname(out).toLowerCase())) {
    throw new InputError(`unknown output extension "${extname(out) || "(none)"}" for ${out}: use .json or .gexf`);
  }
  return { inputs, out };
}

/** Every document of the inputs; a file that cannot be read is an InputError naming it and why. */
function readInputs(inputs: string[]): DocumentInput[] {
  return listIngestSources(inputs).flatMap(({ path, source }) =>
    readAs(path, source).map((p) => {
      if ("error" in p) throw new InputError(p.error.message);
      return p.input;
    }),
  );
}

function main(): void {
  const started = performance.now();
  const { inputs, out } = readOptions(process.argv.slice(2));
  const documents = readInputs(inputs);
  if (documents.length === 0) throw new InputError(`no articles found in ${inputs.join(", ")}`);
  const corpus = new ReadModel(documents.map((d) => extractDocument(d)));
  const body = extname(out).toLowerCase() === ".gexf" ? corpus.gexf() : JSON.stringify(corpus.graphJson());
  writeFileSync(out, body);
  const { sentences } = corpus.extraction;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${corpus.extraction.documents.length} documents, ${sentences.length} sentences, ${corpus.graph.order} entities, ${corpus.graph.size} edges in ${seconds}s -> ${out}`,
  );
}

try {
  main();
} catch (err) {
  if (err instanceof InputError) {
    console.error(`extract: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
