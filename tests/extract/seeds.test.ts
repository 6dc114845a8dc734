import { describe, expect, it } from "vitest";

import { seedCorpus } from "../helpers/server.js";

// The five seed articles are the product's reference: these rows say what a reader of them expects.
describe("the seeds graph", () => {
  const corpus = seedCorpus();
  const entities = corpus.extraction.entities;
  const byLabel = (label: string) => entities.filter((e) => e.label === label || e.aliases.includes(label));

  it.each([
    ["Volodymyr Zelenskyy"],
    ["Zelensky"],
    ["Emmanuel Macron"],
    ["Donald Tusk"],
    ["Donald Trump"],
    ["Vladimir Putin"],
    ["Munich Security Conference"],
    ["NATO"],
    ["United States"],
    ["United Kingdom"],
    ["Ukraine"],
  ])("%s is one node", (label) => {
    expect(byLabel(label)).toHaveLength(1);
  });

  // What a reader of the five articles lists: 35 things, each one node of its type ("Ukrainian Armed Forces" is the
  // Armed Forces of Ukraine; the European Council is named only in a photo caption).
  it.each([
    ...[["Volodymyr Zelenskyy"], ["Emmanuel Macron"], ["Donald Tusk"], ["Donald Trump"], ["Vladimir Putin"], ["Alexey Goncharenko"]],
    ...[["Dmitry Peskov"], ["Guido Crosetto"], ["Keir Starmer"], ["Olaf Scholz"], ["Piers Morgan"]],
    ...[["Ukraine"], ["United States"], ["Russia"], ["United Kingdom"], ["Belgium"], ["France"], ["Germany"], ["Poland"], ["Canada"]],
    ...[["Czechia"], ["Hungary"], ["Italy"], ["Slovakia"], ["Spain"], ["Sweden"], ["United Arab Emirates"]],
    ...[["NATO"], ["Armed Forces of Ukraine", "Ukrainian Armed Forces"], ["EU"], ["United Nations"], ["European Council"]],
    ...[["Coalition of the Willing"], ["The Economist"], ["Munich Security Conference"]],
  ])("expected entity %s (and %s) is one node", (...names: string[]) => {
    const nodes = new Set(names.flatMap((n) => byLabel(n).map((e) => e.id)));
    expect(nodes.size).toBe(1);
  });

  it("types the expected entities", () => {
    const typeOf = (name: string) => byLabel(name)[0]?.type;
    expect(["Donald Tusk", "Dmitry Peskov", "Piers Morgan"].map(typeOf)).toEqual(["person", "person", "person"]);
    expect(["Armed Forces of Ukraine", "European Council", "The Economist"].map(typeOf)).toEqual([
      "organization",
      "organization",
      "organization",
    ]);
    expect(["Munich Security Conference"].map(typeOf)).toEqual(["event"]);
  });

  it.each([["Trending Now"], ["Read more"], ["Most Read"], ["Show More"], ["News Feed"], ["Photo"], ["Shutterstock.com"], ["Avatar"]])(
    "page furniture %j is no entity",
    (junk) => {
      expect(entities.filter((e) => e.aliases.some((a) => a.toLowerCase().includes(junk.toLowerCase())))).toEqual([]);
    },
  );

  it.each([["Tamilla Hasanova"], ["Henrik Rothen"], ["Tim Zadorozhnyy"], ["Simon Wohlfahrt"]])(
    "byline or credit %j is metadata, not a node",
    (name) => {
      expect(byLabel(name)).toEqual([]);
      const docs = corpus.extraction.documents;
      expect(docs.some((d) => d.author === name || d.credit?.includes(name))).toBe(true);
    },
  );

  it("reads roles and affiliations from titles and demonyms", () => {
    const tusk = byLabel("Donald Tusk")[0]!;
    expect(tusk.roles).toContain("Prime Minister");
    expect(tusk.affiliations).toEqual(["Poland"]);
  });

  it("has the stances a reader of the seeds lists", () => {
    const id = (name: string) => byLabel(name)[0]!.id;
    const stances = corpus.extraction.edges.filter((e) => e.kind === "stance").map((e) => `${e.source} -${e.stance}-> ${e.target}`);
    const expected = [
      ["Guido Crosetto", "oppose", "Emmanuel Macron"],
      ["Poland", "oppose", "Emmanuel Macron"],
      ["Germany", "oppose", "Emmanuel Macron"],
      ["Zelenskyy", "oppose", "United Nations"],
      ["Zelenskyy", "oppose", "Russia"],
      ["Donald Trump", "support", "Ukraine"],
    ];
    expect(stances).toEqual(expect.arrayContaining(expected.map(([h, s, t]) => `${id(h!)} -${s}-> ${id(t!)}`)));
  });
});
