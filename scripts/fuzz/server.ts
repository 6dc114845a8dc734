// The real server (server/main.ts) in a child process on a free loopback port and a temp store, so that a crash
// shows as the process ending rather than taking the fuzzer with it.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { freePort } from "../bench/process.js";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stderr (the last-resort handler's log lines among them). */
  stderr: () => string;
  alive: () => boolean;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * `onLine` hears each line the server writes to stderr, as it comes. `profileDir`: the server writes its CPU profile
 * there when it stops (node's --cpu-prof; given more time to stop, since the profile of a long run is big).
 */
export async function startServer(
  dbPath: string,
  env: Record<string, string> = {},
  onLine: (line: string) => void = () => undefined,
  profileDir?: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", join(repoRoot, "server", "main.ts")], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: dbPath, EXTRACT_WORKERS: "1", API_TOKEN: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    const lines = (stderr.slice(stderr.lastIndexOf("\n") + 1) + chunk.toString()).split("\n").slice(0, -1);
    stderr += chunk.toString();
    for (const line of lines) onLine(line);
  });
  await new Promise<void>((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("listening on")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${stderr}`)));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stderr: () => stderr,
    alive,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (!alive()) return resolve();
        // A server that does not stop within 10 s of the signal (10 minutes when it writes a profile) is killed: a fuzz
        // run never leaves one behind.
        const force = setTimeout(() => child.kill("SIGKILL"), profileDir ? 600_000 : 10_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill(signal);
      }),
  };
}
