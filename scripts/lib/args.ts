// Command-line arguments for every script: node:util parseArgs, strict, so a misspelt option is an error, not ignored.
import { type ParseArgsConfig, parseArgs } from "node:util";

/** The parsed arguments of this process; a bad one prints the reason and the usage, and exits with code 2. */
export function readArgs<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ args: process.argv.slice(2), strict: true, ...config });
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    process.exit(2);
  }
}

/** A whole number option ("--limit 40"), its default when absent; anything else exits with code 2. */
export function countOption(value: string | undefined, name: string, fallback: number, usage: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  console.error(`--${name} must be a whole number above 0, got "${value}"\n${usage}`);
  process.exit(2);
}
