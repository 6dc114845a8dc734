import { describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";

const entitiesOf = (...texts: string[]) => buildExtraction(texts.map((text) => extractDocument({ text }))).entities;

describe("entities across documents", () => {
  it("merges country spellings into one node with every alias", () => {
    const us = entitiesOf(
      "The U.S. has ruled out sending troops.",
      "Without America, this is impossible.",
      "Washington has urged allies.",
    ).filter((e) => e.type === "country");
    expect(us).toHaveLength(1);
    expect(us[0]!.label).toBe("United States");
    expect(us[0]!.aliases).toEqual(expect.arrayContaining(["U.S.", "America", "Washington"]));
  });

  it.each([
    ["Donald Trump spoke.", "Donald Tusk spoke."],
    ["Vladimir Putin spoke.", "Volodymyr Zelensky spoke."],
  ])("never merges %j with %j", (a, b) => {
    expect(entitiesOf(a, b).filter((e) => e.type === "person")).toHaveLength(2);
  });

  it("joins a lone surname in another document to the one full name it belongs to", () => {
    const people = entitiesOf("Russian President Vladimir Putin spoke.", "Putin's residence was attacked.").filter(
      (e) => e.type === "person",
    );
    expect(people.map((p) => p.label)).toEqual(["Vladimir Putin"]);
  });

  it("is deterministic: the same documents in any order give the same entities", () => {
    const a = entitiesOf("Macron met Scholz in Berlin.", "Emmanuel Macron visited Poland.");
    const b = entitiesOf("Emmanuel Macron visited Poland.", "Macron met Scholz in Berlin.");
    expect(a).toEqual(b);
  });
});

describe("merge rules (each a row), and rows that must not merge", () => {
  const labelsOf = (type: string, ...texts: string[]) =>
    entitiesOf(...texts)
      .filter((e) => e.type === type)
      .map((e) => e.label)
      .sort();

  it.each([
    // transliteration variants across documents
    ["person", ["President Volodymyr Zelenskyy spoke.", "President Volodymyr Zelensky spoke again."], ["Volodymyr Zelenskyy"]],
    // an acronym defined in brackets
    [
      "organization",
      ["Zelenskyy asked Europe to fund the Armed Forces of Ukraine (AFU). The AFU will grow to a million."],
      ["Armed Forces of Ukraine"],
    ],
    // an acronym matching the initials of exactly one organization in the corpus
    ["organization", ["The European Union agreed on Monday.", "Officials from the EU met on Tuesday."], ["European Union"]],
    // capitals standing for their government, old spellings too
    ["country", ["Kyiv has denied the allegation.", "Kiev said nothing.", "Ukraine waited."], ["Ukraine"]],
    ["country", ["U.K. Prime Minister Keir Starmer spoke.", "Britain will send troops."], ["United Kingdom"]],
    // seats of government stand for it like capitals
    ["country", ["The Kremlin warned Europe on Monday.", "Moscow said nothing."], ["Russia"]],
  ])("%s: %j -> %j", (type, texts, expected) => {
    expect(labelsOf(type, ...texts)).toEqual(expected);
  });

  it.each([
    ["person", ["Donald Trump spoke.", "Donald Tusk spoke."], 2],
    ["person", ["Vladimir Putin spoke.", "Volodymyr Zelensky spoke."], 2],
    ["organization", ["The European Union agreed on Monday.", "The European Council disagreed on Tuesday."], 2],
  ])("%s: %j stay %i entities", (type, texts, count) => {
    expect(labelsOf(type, ...texts)).toHaveLength(count);
  });

  it("keeps Armed Forces of Ukraine apart from Ukraine", () => {
    const es = entitiesOf("Ukraine wants more troops. Zelenskyy asked Europe to fund the Armed Forces of Ukraine (AFU).");
    expect(es.find((e) => e.label === "Armed Forces of Ukraine")?.type).toBe("organization");
    expect(es.find((e) => e.label === "Ukraine")!.aliases).not.toContain("Armed Forces of Ukraine");
  });
});
