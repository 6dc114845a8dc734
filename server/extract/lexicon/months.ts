// Month names and their usual abbreviations, as written in datelines ("May.05 - 2024", "5 Sept 2024").
export const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Words a dateline may start with before its date ("Published 5 May 2024", "Updated: May 5, 2024"). */
export const DATELINE_PREFIXES = ["published", "updated", "posted", "date", "last updated", "first published"];
