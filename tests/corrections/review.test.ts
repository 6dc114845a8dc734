// The review queue on invented articles: rows that must be proposed, and near names that must not be.
import { describe, expect, it } from "vitest";

import { ReadModel } from "../../server/read/model.js";
import { editDistance, possibleDuplicates } from "../../server/corrections/review.js";
import { extractDocument } from "../../server/extract/index.js";

const TEXTS = [
  "Tony Blair met Gordon Brown in Leeds.\nBlair and Brown spoke to nurses.",
  "Cherie Blair opened a school in Leeds.",
  "Blair said the plan would work, Sheffield officials reported.",
  "Mikhail Gorbachov visited Berlin and Vienna.",
  "Mikhail Gorbachev spoke in Berlin about Austria and Australia.",
  "The Institute of Meat Farmers and the International Mango Federation met in Geneva.",
  "The IMF said growth would slow, Geneva officials said.",
  "Iran and Iraq signed a border deal with Donald Trump and Donald Tusk watching.",
];
const corpus = new ReadModel(TEXTS.map((text) => extractDocument({ text })));
const pairs = possibleDuplicates(corpus.extraction, corpus.graph).map((d) => `${d.from.label} -> ${d.into.label} (${d.reason})`);

describe("possible duplicates", () => {
  // Either way round: of two the same size, the later id folds into the earlier.
  it.each([
    ["a lone surname with the full names that share it", "Blair", "Tony Blair", "surname"],
    ["the same lone surname, the other full name", "Blair", "Cherie Blair", "surname"],
    ["a spelling a letter apart", "Mikhail Gorbachov", "Mikhail Gorbachev", "spelling"],
    ["an acronym with each name it abbreviates", "IMF", "International Mango Federation", "acronym"],
    ["an acronym with each name it abbreviates", "IMF", "Institute of Meat Farmers", "acronym"],
  ])("proposes %s: %s / %s", (_what, a, b, reason) => {
    expect(pairs).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${a} -> ${b}|${b} -> ${a}) \\(${reason}\\)$`))]));
  });

  it.each([
    ["two short country names", "Iran", "Iraq"],
    ["two names a few letters apart", "Austria", "Australia"],
    ["two people with the same first name", "Donald Trump", "Donald Tusk"],
    ["two full names with the same surname", "Tony Blair", "Cherie Blair"],
  ])("never proposes %s", (_what, a, b) => {
    expect(pairs.filter((p) => p.includes(a) && p.includes(b))).toEqual([]);
  });

  it("ranks by what a merge would change: mentions moved and links re-pointed", () => {
    const ranked = possibleDuplicates(corpus.extraction, corpus.graph);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    const blair = ranked.find((d) => d.from.label === "Blair" && d.into.label === "Tony Blair")!;
    // Blair (1 mention) brings Sheffield, which Tony Blair is not linked to: 1 + 1.
    expect(blair.score).toBe(2);
  });

  it("measures edit distance, giving up above the bound", () => {
    expect(editDistance("gorbachov", "gorbachev", 2)).toBe(1);
    expect(editDistance("austria", "australia", 1)).toBe(Infinity);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
  });
});
