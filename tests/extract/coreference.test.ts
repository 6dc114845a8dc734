import { describe, expect, it } from "vitest";

import { extractDocument } from "../../server/extract/index.js";

const clusters = (text: string) => {
  const { mentions } = extractDocument({ text });
  return mentions.filter((m) => m.type === "person").map((m) => [m.surface, m.cluster]);
};

describe("in-document resolution", () => {
  it("joins a surname alone to the full name met earlier in the document", () => {
    const rows = clusters("French President Emmanuel Macron spoke first. Macron floated the possibility.");
    expect(rows).toEqual([
      ["Emmanuel Macron", "person:emmanuel macron"],
      ["Macron", "person:emmanuel macron"],
    ]);
  });

  it("keeps apart two people who only share a first name", () => {
    const rows = clusters("Donald Trump met Donald Tusk. Trump spoke. Tusk listened.");
    const byName = Object.fromEntries(rows);
    expect(byName["Trump"]).toBe("person:donald trump");
    expect(byName["Tusk"]).toBe("person:donald tusk");
  });
});

describe("first names", () => {
  it("never takes a month or a weekday for a first name", () => {
    const rows = clusters("Shares rose in October Google said. Later Google Page spoke.");
    expect(rows.map(([surface]) => surface)).not.toContain("October Google");
  });
});
