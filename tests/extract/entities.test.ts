import { describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";

const entitiesOf = (...texts: string[]) => buildExtraction(texts.map((text) => extractDocument({ text }))).entities;

describe("entities across documents", () => {
  it("merges country spellings into one node with every alias", () => {
    const us = entitiesOf("The U.S. has ruled out sending troops.", "Without America, this is impossible.", "Washington has urged allies.").filter(
      (e) => e.type === "country",
    );
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
    const people = entitiesOf("Russian President Vladimir Putin spoke.", "Putin's residence was attacked.").filter((e) => e.type === "person");
    expect(people.map((p) => p.label)).toEqual(["Vladimir Putin"]);
  });

  it("is deterministic: the same documents in any order give the same entities", () => {
    const a = entitiesOf("Macron met Scholz in Berlin.", "Emmanuel Macron visited Poland.");
    const b = entitiesOf("Emmanuel Macron visited Poland.", "Macron met Scholz in Berlin.");
    expect(a).toEqual(b);
  });
});
