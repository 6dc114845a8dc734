// npm run crash-trials -- [--trials N] [--seed S]
// kill -9 the server and the ingest CLI (in turn) at random moments while they write; after each kill the store must
// open, hold no half document, and have the derived graph a rebuild gives. Exit code 0 when every trial holds.
import { parseArgs } from "node:util";

import { runCrashTrials } from "./crash/trials.js";

const { values } = parseArgs({ options: { trials: { type: "string", default: "20" }, seed: { type: "string", default: "1" } } });
const trials = Number(values.trials);
const seed = Number(values.seed);
if (!Number.isInteger(trials) || trials < 1 || !Number.isInteger(seed)) {
  console.error("usage: npm run crash-trials -- [--trials N] [--seed S]");
  process.exit(2);
}
const results = await runCrashTrials({ trials, seed, log: (line) => console.log(line) });
const failed = results.filter((r) => r.problems.length > 0);
console.log(`${results.length} crash trials, ${failed.length} failed`);
process.exitCode = failed.length > 0 ? 1 : 0;
