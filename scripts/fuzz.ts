// npm run fuzz -- --requests N --seed S [--concurrency C] [--json] [--keep-store DIR] [--from-store FILE] [--profile-server DIR]
// Starts the real server on a temp store and sends N seeded random and malformed requests to every route
// (scripts/fuzz/inputs.ts), then checks: alive, no 5xx, no request hanging (nothing for 20 s), no error reaching the
// last-resort handler, store consistent with a rebuild. Exit code 0 when all hold, 1 otherwise.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";

import { runFuzz } from "./fuzz/run.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    concurrency: { type: "string", default: "4" },
    json: { type: "boolean", default: false },
    "keep-store": { type: "string" },
    "from-store": { type: "string" },
    "profile-server": { type: "string" },
  },
});
const [requests, seed, concurrency] = [values.requests, values.seed, values.concurrency].map(Number) as [number, number, number];
if (![requests, seed, concurrency].every((n) => Number.isInteger(n) && n >= 0) || concurrency < 1) {
  console.error(
    "usage: npm run fuzz -- --requests N --seed S [--concurrency C] [--json] [--keep-store DIR] [--from-store FILE] [--profile-server DIR]",
  );
  process.exit(2);
}
const keepStore = values["keep-store"];
const fromStore = values["from-store"];
if (fromStore !== undefined && !existsSync(fromStore)) {
  console.error(`--from-store: no such file: ${fromStore}`);
  process.exit(2);
}
const report = await runFuzz({
  requests,
  seed,
  concurrency,
  ...(keepStore ? { keepStore } : {}),
  ...(fromStore ? { fromStore } : {}),
  ...(values["profile-server"] ? { profileDir: values["profile-server"] } : {}),
  log: (line) => console.error(line),
});
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(
    `fuzz seed ${seed}: ${report.requests} requests in ${report.seconds}s; ${report.crashes} crashes, ${report.serverErrors.length} 5xx, ` +
      `${report.hangs.length} hangs (nothing for 20 s), ${report.escaped.length} escaped errors; slowest answer ${(report.slowestMs / 1000).toFixed(1)} s ` +
      `(${report.longAnswers.length} over 20 s that kept coming: ${[...new Set(report.longAnswers.map((a) => a.kind))].join(", ") || "none"}); ` +
      `store: ${report.store.documents} documents, ${report.store.problems.length ? report.store.problems.join("; ") : "consistent with a rebuild"}`,
  );
  console.log(`answers: ${JSON.stringify(report.statuses)}`);
  for (const e of [...report.serverErrors, ...report.hangs, ...report.escaped].slice(0, 20)) console.log("  ", JSON.stringify(e));
  const unanswered = new Map<string, number>();
  for (const u of report.unanswered) unanswered.set(`${u.kind}: ${u.error}`, (unanswered.get(`${u.kind}: ${u.error}`) ?? 0) + 1);
  for (const [what, n] of unanswered) console.log(`   closed without an answer ${n}x: ${what}`);
}
process.exitCode = report.ok ? 0 : 1;
