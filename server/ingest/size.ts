const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** "5mb", "512kb", "1048576" -> bytes; undefined for anything else, so a typo in MAX_BODY stops the server. */
export function parseByteSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  if (!m) return undefined;
  const bytes = Math.floor(Number(m[1]) * UNITS[(m[2] ?? "b").toLowerCase()]!);
  return bytes > 0 ? bytes : undefined;
}
