// ISO dates, one way everywhere: a day is YYYY-MM-DD; a timestamp given for a document is cut to its day.

/** A day as the API, the URL and the store write it. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2025-02-15" that Date can read (a query's from/to). */
export const isIsoDay = (value: string) => ISO_DAY.test(value) && !Number.isNaN(Date.parse(value));

const ISO_DAY_OR_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** "2025-02-15" or a full ISO timestamp ("2025-02-15T10:00:00Z") -> "2025-02-15"; undefined when not a real date. */
export function normalizeDate(value: string): string | undefined {
  const m = ISO_DAY_OR_TIME.exec(value.trim());
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  // Date rolls "2025-02-30" over to March 2: a real date reads back the same.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : undefined;
}
