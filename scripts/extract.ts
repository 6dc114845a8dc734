// npm run extract -- <file-or-dir>... --out <path.json|path.gexf>
// Reads .txt/.md articles, extracts the entity graph and writes it as graphology JSON or GEXF 1.3.
import { writeFileSync } from "node:fs";
import { extname } from "node:path";

import { Corpus } from "../server/corpus.js";
import { extractDocument } from "../server/extract/index.js";
import { InputError, listArticleFiles, readArticle } from "../server/io/read-documents.js";

const USAGE = "usage: npm run extract -- <file-or-dir>... --out <graph.json|graph.gexf>";
const OUTPUT_FORMATS = [".json", ".gexf"];

function parseArgs(argv: string[]): { inputs: string[]; out: string } {
  const inputs: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--out" || arg === "-o") {
      out = argv[++i];
      if (!out) throw new InputError(`--out needs a path\n${USAGE}`);
    } else if (arg.startsWith("--out=")) out = arg.slice("--out=".length);
    else if (arg.startsWith("-")) throw new InputError(`unknown option ${arg}\n${USAGE}`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new InputError(`no input files or folders\n${USAGE}`);
  if (!out) throw new InputError(`missing --out <path>\n${USAGE}`);
  if (!OUTPUT_FORMATS.includes(extname(out).toLowerCase())) {
    throw new InputError(`unknown output extension "${extname(out) || "(none)"}" for ${out}: use .json or .gexf`);
  }
  return { inputs, out };
}

function main(): void {
  const started = performance.now();
  const { inputs, out } = parseArgs(process.argv.slice(2));
  const files = listArticleFiles(inputs);
  if (files.length === 0) throw new InputError(`no .txt or .md articles found in ${inputs.join(", ")}`);
  const corpus = new Corpus(files.map((f) => extractDocument(readArticle(f))));
  const body = extname(out).toLowerCase() === ".gexf" ? corpus.gexf() : JSON.stringify(corpus.graphJson());
  writeFileSync(out, body);
  const { documents, sentences } = corpus.extraction;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${documents.length} documents, ${sentences.length} sentences, ${corpus.graph.order} entities, ${corpus.graph.size} edges in ${seconds}s -> ${out}`,
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
