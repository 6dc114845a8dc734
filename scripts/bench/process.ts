import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

import { repoRoot } from "./corpus.js";

/** Runs a TypeScript entry point of the repo in a child node process (tsx loader), output piped. */
export function spawnTs(script: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Resident memory of a process in MB: `VmHWM` is its high-water mark, `VmRSS` the current value (Linux /proc). */
export function memoryMb(pid: number, field: "VmHWM" | "VmRSS"): number | undefined {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Waits for the child to exit, sampling its peak RSS until then; rejects on a non-zero exit. */
export function runToEnd(child: ChildProcess): Promise<{ seconds: number; peakMb: number; stdout: string }> {
  const started = performance.now();
  let peak = 0;
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d));
  child.stderr!.on("data", (d: Buffer) => (stderr += d));
  const timer = setInterval(() => (peak = Math.max(peak, memoryMb(child.pid!, "VmHWM") ?? 0)), 100);
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      clearInterval(timer);
      if (code === 0) resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak, stdout });
      else reject(new Error(`exit code ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Polls GET url until it answers 200; the seconds it took. */
export async function waitForOk(url: string, timeoutSeconds: number, child?: ChildProcess): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    if ((performance.now() - started) / 1000 > timeoutSeconds) throw new Error(`${url} did not answer in ${timeoutSeconds}s`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
