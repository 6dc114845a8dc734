import { describe, expect, it } from "vitest";

import { findIsoDate } from "../../common/dates.js";
import { isBoilerplateLine, makeDocument, titleOf } from "../../server/extract/01-documents.js";

describe("page furniture", () => {
  it.each([
    ["Read more", true],
    ["Trending Now", true],
    ["2 min read", true],
    ["Photo: Shutterstock.com", true],
    ["News Feed", true],
    ["", true],
    ["Ukraine has prepared a detailed plan.", false],
    ["Most Read date 2025-02-15 The remarks come amid uncertainty.", false], // furniture glued to a real line
    ["Photography exhibition opens in Kyiv", false],
  ])("%j is furniture: %s", (line, expected) => {
    expect(isBoilerplateLine(line)).toBe(expected);
  });
});

describe("titles and dates", () => {
  it.each([
    ["News Feed\n\nUkraine progresses in talks, Zelensky says\n", "Ukraine progresses in talks, Zelensky says"],
    ['Show More"Absolutely Possible." Kyiv Discusses It\nBody.', '"Absolutely Possible." Kyiv Discusses It'],
    ["\n\n", "(untitled)"],
    [" date 2025-02-15 The remarks come amid uncertainty.", "The remarks come amid uncertainty."],
  ])("title of %j is %j", (text, title) => {
    expect(titleOf(text)).toBe(title);
  });

  it.each([
    ["Most Read date 2025-02-15 The remarks come", "2025-02-15"],
    ["Published 2024-13-40 nowhere", undefined],
    ["No date here.", undefined],
  ])("date of %j is %j", (text, date) => {
    expect(findIsoDate(text)).toBe(date);
  });

  it("gives the same text the same id, whatever the file is called", () => {
    const a = makeDocument({ text: "Macron met Scholz.", source: "a.txt" });
    const b = makeDocument({ text: "Macron met Scholz.", source: "b.txt" });
    const c = makeDocument({ text: "Macron met Tusk." });
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
  });
});
