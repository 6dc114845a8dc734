import { describe, expect, it } from "vitest";

import { formatResolutionScore, scoreResolution, validateLabels } from "../scripts/lib/resolution-score.js";

const node = (id: string, label: string, type: "person" | "organization", aliases: string[], mentions = 1) => ({
  id,
  label,
  type,
  aliases,
  mentions,
});

describe("resolution scoring", () => {
  const labels = validateLabels({
    corpus: ["x"],
    entities: [
      { labels: ["Ada Roe", "Roe"], type: "person" },
      { labels: ["Quillon Trust", "QT"], type: "organization" },
      { labels: ["Velmont"], type: "organization" },
      { labels: ["Oskar Venn"], type: "person" },
    ],
    never: ["Bill"],
    apart: [["Ada Roe", "Nina Roe"]],
  });
  const nodes = [
    node("p:ada", "Ada Roe", "person", ["Roe", "Nina Roe"], 9),
    node("o:qt", "Quillon Trust", "organization", []),
    node("o:qt2", "QT", "organization", []),
    node("p:velmont", "Velmont", "person", []),
    node("o:bill", "Bill", "organization", []),
    node("o:roe", "Roe Group", "organization", ["Roe"], 2), // shares an alias, fewer mentions
  ];
  const score = scoreResolution(labels, nodes);

  it("counts clean, split, wrong type and missing entities", () => {
    expect(score.details.entities.map((e) => e.verdict)).toEqual(["clean", "split", "wrong type", "missing"]);
  });

  it("finds false merges and junk", () => {
    expect(score.details.falseMerges).toEqual([["Ada Roe", "Nina Roe", "p:ada"]]);
    expect(score.details.junk).toEqual(["Bill"]);
    expect(formatResolutionScore(score)).toBe(
      "1 of 4 entities clean (25.0%; 1 split / 1 wrong type / 1 missing), 1 false merges, 1 junk nodes present",
    );
  });

  it.each([
    [{}, /corpus/],
    [{ corpus: ["x"], entities: [{ labels: [], type: "person" }], never: [], apart: [] }, /labels must be/],
    [{ corpus: ["x"], entities: [{ labels: ["A"], type: "city" }], never: [], apart: [] }, /not an entity type/],
    [{ corpus: ["x"], entities: [], never: [], apart: [["a"]] }, /pairs/],
  ])("rejects %j", (value, error) => {
    expect(() => validateLabels(value)).toThrow(error);
  });
});
