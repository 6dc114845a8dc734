import { spawnSync } from "node:child_process";

import { describe, expect, it } from "vitest";

import { repoRoot } from "./helpers/server.js";

// A child process, since the handlers are process-wide: each kind of escaped error is logged, the process goes on.
const script = (install: boolean) => `
import { EventEmitter } from "node:events";
import { keepServing } from "./server/last-resort.ts";
${install ? "" : "//"} keepServing((message, err) => console.error(message, err instanceof Error ? err.message : err));
setTimeout(() => { throw new Error("thrown in a timer"); });
setTimeout(() => new EventEmitter().emit("error", new Error("an error event nobody listens to")));
setTimeout(() => void Promise.reject(new Error("a rejection nobody awaits")));
setTimeout(() => console.log("still serving"), 200);
`;
const run = (install: boolean) =>
  spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script(install)], { cwd: repoRoot, encoding: "utf8" });

describe("the last-resort handler", () => {
  it("logs an uncaught exception, an unheard error event and an unhandled rejection, and keeps the process alive", () => {
    const handled = run(true);
    expect(handled.stdout.trim()).toBe("still serving");
    expect(handled.status).toBe(0);
    for (const line of [
      "last-resort handler: uncaughtException, kept serving: thrown in a timer",
      "last-resort handler: uncaughtException, kept serving: an error event nobody listens to",
      "last-resort handler: unhandledRejection, kept serving: a rejection nobody awaits",
    ])
      expect(handled.stderr).toContain(line);
    // Without it the first error ends the process.
    const bare = run(false);
    expect(bare.status).not.toBe(0);
    expect(bare.stdout).toBe("");
  });
});
