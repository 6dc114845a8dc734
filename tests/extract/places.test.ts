import { describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { CITY_POPULATION, isLargeCity } from "../../server/extract/lexicon/cities.js";
import { KeptLocatives, countLocatives } from "../../server/extract/resolve/places.js";
import { repeat } from "../helpers/resolution.js";

// Invented wording around real city names: the rule asks the city dataset, so the names must be in it.
const labels = (...texts: string[]) =>
  buildExtraction(texts.map((text) => extractDocument({ text })))
    .entities.map((e) => e.label)
    .sort();

describe("the city dataset", () => {
  it.each([
    ["Cardiff", true],
    ["Blackpool", true],
    // false positives: small towns whose names are surnames, and words that are no city
    ["Blair", false], // Blair, Nebraska: under CITY_POPULATION
    ["Howard", false],
    ["Veritas", false],
  ])("%s is a large city: %s", (name, expected) => {
    expect(isLargeCity(name)).toBe(expected);
    expect(CITY_POPULATION).toBe(100_000);
  });
});

describe("locatives", () => {
  it("counts a name after in, at, near ... and before -based", () => {
    const { total, locative } = countLocatives(
      ["Cardiff", "Leeds"],
      ["Talks in Cardiff went on.", "A Cardiff-based firm grew.", "Cardiff won.", "He met Leeds fans at Leeds.", "Within Leeds they met."],
    );
    expect(Object.fromEntries(total)).toEqual({ Cardiff: 3, Leeds: 3 });
    // "Within Leeds": "in" inside a word is no locative
    expect(Object.fromEntries(locative)).toEqual({ Cardiff: 2, Leeds: 1 });
  });

  it("counts each name on its own: a longer name does not hide a shorter one it starts with", () => {
    const { total, locative } = countLocatives(["Stoke-on-Trent", "Stoke"], ["Fans in Stoke-on-Trent cheered.", "Stoke won."]);
    expect(Object.fromEntries(total)).toEqual({ "Stoke-on-Trent": 1, Stoke: 2 });
    expect(Object.fromEntries(locative)).toEqual({ "Stoke-on-Trent": 1, Stoke: 1 });
  });

  it("kept per document, equals counting the corpus afresh as documents come and go and new names are asked", () => {
    const docs = ["Talks in Cardiff went on. Leeds were beaten.", "A Leeds-based firm grew in Leeds.", "Cardiff said no."].map((text) =>
      extractDocument({ text }),
    );
    const kept = new KeptLocatives();
    const fresh = (names: string[], some: typeof docs) =>
      countLocatives(
        names,
        some.flatMap((d) => d.sentences.map((s) => s.text)),
      );
    const steps: [string[], typeof docs][] = [
      [["Cardiff"], docs.slice(0, 2)],
      [["Cardiff", "Leeds"], docs.slice(0, 2)], // a name new to the corpus: every document read for it
      [["Leeds"], docs], // a document new to the corpus: read for every name asked so far
      [
        ["Cardiff", "Leeds"],
        [docs[0]!, docs[2]!],
      ], // one gone
      [["Cardiff", "Leeds"], docs], // and back
    ];
    for (const [names, some] of steps) expect(kept.of(names, some)).toEqual(fresh(names, some));
  });

  it("counted in steps, equals counting afresh when another resolution asks between two steps", () => {
    const texts = ["Talks in Cardiff went on.", "Leeds were beaten in Leeds.", "A Cardiff-based firm.", "Fans near Leeds."];
    const docs = Array.from({ length: 120 }, (_, i) => extractDocument({ text: `${texts[i % texts.length]} Item ${i}.` }));
    const fresh = (names: string[], some: typeof docs) =>
      countLocatives(
        names,
        some.flatMap((d) => d.sentences.map((s) => s.text)),
      );
    const kept = new KeptLocatives();
    const steps = kept.ofInSteps(["Cardiff"], docs);
    expect(steps.next().done).toBe(false);
    expect(steps.next().done).toBe(false); // partway through the 120 documents
    expect(kept.of(["Leeds"], docs.slice(0, 10))).toEqual(fresh(["Leeds"], docs.slice(0, 10)));
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value).toEqual(fresh(["Cardiff"], docs));
    expect(kept.of(["Cardiff", "Leeds"], docs)).toEqual(fresh(["Cardiff", "Leeds"], docs));
  });
});

describe("cities are places, not people or organizations", () => {
  it.each([
    // the recogniser reads the city as an organization; the corpus writes it after "in" and "at"
    [
      ["Delegates gather in Cardiff for the conference.", "Cardiff will host the Labour Party again.", "Ada Roe spoke at Cardiff."],
      "Cardiff",
    ],
    [["MPs at Westminster voted.", "Westminster is restless, Ada Roe said.", "She spoke in Westminster."], "Westminster"],
    // no organization's cue: two locatives among many uses decide
    [
      [
        "Delegates will gather in Blackpool.",
        "Blackpool will get the spring conference.",
        "Blackpool hoped for more.",
        "They tried to come back to Blackpool.",
        "Ada Roe spoke in Blackpool.",
        "Blackpool lost out.",
        "Blackpool needs the money.",
        "Blackpool will suffer.",
        "Blackpool wanted the event.",
        "Blackpool gets nothing.",
        "Blackpool waits.",
      ],
      "Blackpool",
    ],
  ])("%j has no %s", (texts, city) => {
    // the recogniser did read it as a name in some document: the rule is what drops it
    expect(texts.some((text) => extractDocument({ text }).mentions.some((m) => m.name === city))).toBe(true);
    expect(labels(...texts)).not.toContain(city);
  });

  it.each([
    // false positives: a club the corpus writes with an organization's cue more than as a place
    [["The Leeds manager was sacked.", "Fans of the Leeds side cheered.", "Leeds beat Brackton Rovers in Leeds.", "Leeds lost."], "Leeds"],
    // a city's name written once after "in" among many uses is no place
    [
      ["Hitachi said profits rose.", "Hitachi sold a unit.", "Hitachi hired staff.", "Hitachi cut jobs.", "Hitachi grew in Hitachi."],
      "Hitachi",
    ],
    // a team takes a plural verb: no place, however often written after "in"
    [
      [
        "Edinburgh were beaten.",
        "Edinburgh won at home in Edinburgh.",
        "Fans in Edinburgh cheered.",
        ...repeat(9, "Edinburgh lost game #."),
      ],
      "Edinburgh",
    ],
    // a person's cue keeps that person: "Lord Liverpool"
    [["Lord Liverpool was prime minister.", "Crowds gathered in Liverpool."], "Liverpool"],
  ])("%j keeps %s", (texts, name) => {
    expect(labels(...texts)).toContain(name);
  });
});
