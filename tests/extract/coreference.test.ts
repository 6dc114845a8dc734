import { describe, expect, it } from "vitest";

import { extendPersonNames } from "../../server/extract/05-coreference/index.js";
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
  const sentence = (text: string) => ({ id: "d:0", docId: "d", index: 0, start: 0, end: text.length, text });
  const person = (text: string, name: string) => {
    const start = text.indexOf(name);
    return { sentenceId: "d:0", docId: "d", start, end: start + name.length, surface: name, name, type: "person" as const };
  };
  it.each([
    ["Then Volodymyr Zelensky asked NATO.", "Zelensky", "Volodymyr Zelensky"],
    ["Shares rose in October Google said.", "Google", "Google"], // a month is never a first name
    ["It was President Macron who spoke.", "Macron", "Macron"], // nor a title
    ["He played polo with Princes Quorn and Vell.", "Quorn", "Quorn"], // nor a title in the plural
  ])("%j: %s -> %s", (text, name, expected) => {
    const [m] = extendPersonNames([sentence(text)], [person(text, name)]);
    expect(m!.name).toBe(expected);
  });
});

describe("two names joined by 'and'", () => {
  const names = (text: string) => extractDocument({ text }).mentions.map((m) => `${m.name}/${m.type}`);

  it.each([
    // a part named alone elsewhere in the document: two mentions
    [
      "Rangers won again. The minister thanked Celtic and Rangers on Monday.",
      ["Rangers/organization", "Celtic/organization", "Rangers/organization"],
    ],
    // no part named alone: the recogniser's one name stands (it may be one company)
    ["The minister thanked Celtic and Rangers on Monday.", ["Celtic and Rangers/organization"]],
    // one body whose name has "and" in it
    ["The Securities and Exchange Commission is looking into it.", ["Securities and Exchange Commission/organization"]],
  ])("%j", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
