import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { DocumentInput } from "../../server/types.js";

const LEADERS = [
  ["German Chancellor", "Angela Merkel", "Merkel", "Germany", "Berlin"],
  ["French President", "Emmanuel Macron", "Macron", "France", "Paris"],
  ["Polish Prime Minister", "Donald Tusk", "Tusk", "Poland", "Warsaw"],
  ["Ukrainian President", "Volodymyr Zelensky", "Zelensky", "Ukraine", "Kyiv"],
  ["British Prime Minister", "Keir Starmer", "Starmer", "United Kingdom", "London"],
  ["Italian Prime Minister", "Giorgia Meloni", "Meloni", "Italy", "Rome"],
  ["Spanish Prime Minister", "Pedro Sanchez", "Sanchez", "Spain", "Madrid"],
] as const;
const ORGS = ["NATO", "the European Union", "the United Nations", "the World Bank"] as const;
const TOPICS = ["energy prices", "military aid", "trade rules", "migration", "climate targets"] as const;

/**
 * A short news article; `i` picks who meets whom, where and about what, so articles differ in content
 * (and so in id) while naming a small cast that links across documents.
 */
export function syntheticArticle(i: number): DocumentInput {
  const [titleA, a, surnameA, countryA] = LEADERS[i % LEADERS.length]!;
  const [titleB, b, surnameB, countryB, city] = LEADERS[(i * 3 + 1) % LEADERS.length]!;
  const org = ORGS[i % ORGS.length]!;
  const topic = TOPICS[i % TOPICS.length]!;
  const text = [
    `${surnameA} and ${surnameB} discuss ${topic} in ${city}`,
    "",
    `${titleA} ${a} met ${titleB} ${b} in ${city} on day ${i} of the talks.`,
    `${surnameA} said ${countryA} would work with ${countryB} on ${topic}, and ${surnameB} urged ${org} to act.`,
    `Officials from ${org} said meeting number ${i} ended without a joint statement.`,
  ].join("\n");
  return { text, date: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}` };
}

/** A fresh folder for a store, removed by the returned function. */
export function tempDir(prefix = "store-"): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
