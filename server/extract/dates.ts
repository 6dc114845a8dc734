// Publication dates written in datelines: "May.05 - 2024 10:44 AM CET", "5 May 2024", "May 5, 2024", "05/05/2024".
// Numeric dates are read day first (DD/MM/YYYY, as in British and European news); month first (MM/DD) only
// when the second number cannot be a month (05/25/2024 is 25 May).
import { alternation } from "../../common/regex.js";
import { DATELINE_PREFIXES, MONTHS } from "./lexicon/months.js";

/** How many lines from the top a dateline may stand on: a date further down is one the article talks about. */
export const DATELINE_LINES = 10;

const MONTH = `(${alternation(Object.keys(MONTHS))})\\.?`;
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:19|20)\\d\\d)";
const PREFIX = `^(?:(?:${DATELINE_PREFIXES.join("|")})\\s*:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?`;

/** Each form as a pattern anchored at the start of a line, and the order of its day, month and year groups. */
const FORMS: { pattern: RegExp; order: ("d" | "m" | "y")[] }[] = [
  // "May.05 - 2024", "May 5, 2024", "Oct. 17 2024"
  { pattern: new RegExp(`${PREFIX}${MONTH}\\s*${DAY}\\s*(?:,|-|–)?\\s*${YEAR}\\b`, "i"), order: ["m", "d", "y"] },
  // "5 May 2024", "05 May, 2024", "5th of May 2024"
  { pattern: new RegExp(`${PREFIX}${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, "i"), order: ["d", "m", "y"] },
  // "05/05/2024", "5.5.2024", "05-05-2024": day first
  { pattern: new RegExp(`${PREFIX}(\\d{1,2})[/.-](\\d{1,2})[/.-]${YEAR}\\b`, "i"), order: ["d", "m", "y"] },
];

function isoOf(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined; // 30 February
  return d.toISOString().slice(0, 10);
}

/** The date a line starts with, as an ISO date; undefined when it starts with none or with an impossible one. */
export function readDatelineDate(line: string): string | undefined {
  const text = line.trim();
  for (const { pattern, order } of FORMS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const parts: Record<string, string> = {};
    order.forEach((k, i) => (parts[k] = m[i + 1]!));
    const month = MONTHS[parts.m!.toLowerCase()] ?? Number(parts.m);
    let [day, mon] = [Number(parts.d), month];
    // Numeric and day first, unless the first number cannot be a day-first date's month and the second can.
    if (/^\d+$/.test(parts.m!) && mon > 12 && day <= 12) [day, mon] = [mon, day];
    const iso = isoOf(Number(parts.y), mon, day);
    if (iso) return iso;
  }
  return undefined;
}

/** The first dateline date among the top lines of an article. */
export function findDatelineDate(text: string): string | undefined {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  for (const line of lines.slice(0, DATELINE_LINES)) {
    const date = readDatelineDate(line);
    if (date) return date;
  }
  return undefined;
}
