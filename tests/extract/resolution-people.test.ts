import { describe, expect, it } from "vitest";

import { extractDocument } from "../../server/extract/index.js";
import { corpus, labels, repeat } from "../helpers/resolution.js";

// Every row is invented wording: people, parties and places that do not exist, so no row repeats a news article.

describe("a lone surname across documents", () => {
  const arthur = repeat(8, "Home Secretary Arthur Penhallow spoke in Leeds on day #. Arthur Penhallow met Hilda Brackwater.");
  it.each([
    // one full name holds the corpus's uses of the surname and shares the document's company: joins it
    [
      "joins the dominant full name",
      [...arthur, "Nina Penhallow opened a shop.", "Mr Penhallow met Hilda Brackwater again."],
      ["Arthur Penhallow", "Hilda Brackwater", "Nina Penhallow"],
    ],
    // two holders with an equal share: nobody dominates, the surname stays apart
    [
      "stays apart when nobody dominates",
      [
        ...repeat(3, "Dr Arthur Penhallow said on day # that he would stand."),
        ...repeat(3, "Dr Nina Penhallow said on day # that she would stand."),
        "Mr Penhallow was away.",
      ],
      ["Arthur Penhallow", "Nina Penhallow", "Penhallow"],
    ],
    // the minority holder fits the document's company better: stays apart
    [
      "stays apart when another holder fits the document better",
      [
        ...arthur,
        ...repeat(2, "Nina Penhallow of the Quillon Trust spoke with Oskar Venn on day #."),
        "Mr Penhallow praised the Quillon Trust and Oskar Venn.",
      ],
      ["Arthur Penhallow", "Hilda Brackwater", "Nina Penhallow", "Oskar Venn", "Penhallow"],
    ],
    // a holder seen once fits its one document perfectly, which proves nothing: the dominant name wins
    [
      "joins the dominant name over a holder seen once",
      [...arthur, "Nina Penhallow of the Quillon Trust spoke with Oskar Venn.", "Mr Penhallow praised the Quillon Trust and Oskar Venn."],
      ["Arthur Penhallow", "Hilda Brackwater", "Nina Penhallow", "Oskar Venn"],
    ],
  ])("%s", (_, texts, expected) => {
    expect(labels("person", ...texts)).toEqual(expected);
  });

  it.each([
    [
      "shared by two, none dominant",
      [...repeat(3, "Dr Arthur Penhallow spoke on day #."), ...repeat(3, "Dr Nina Penhallow spoke on day #."), "Mr Penhallow was away."],
      ["Penhallow"],
    ],
    // false positives: a surname one person holds, a full name
    ["held by one", [...arthur, "Mr Penhallow met Hilda Brackwater again."], []],
    ["a full name", ["Dr Arthur Penhallow spoke.", "Dr Nina Penhallow spoke."], []],
  ])("a lone surname %s is marked ambiguous: %j", (_, texts, expected) => {
    expect(
      corpus(...texts)
        .entities.filter((e) => e.ambiguous)
        .map((e) => e.label),
    ).toEqual(expected);
  });
});

describe("spelling variants and glued words", () => {
  it.each([
    ["Kell-Morton", "Robert Kell-Morton spoke.", "Robert Kell Morton replied."],
    ["Kell-Morton lone", "Robert Kell-Morton spoke.", "Mr Kell-Morton replied."],
    ["middle initial", "George Q Harlan spoke.", "George Harlan replied."],
    ["short given name", "Jim Quellaghan spoke.", "James Quellaghan replied."],
  ])("%s: one node", (_, a, b) => {
    expect(labels("person", a, b)).toHaveLength(1);
  });

  it.each([
    ["George Harlan", "Georgina Harlan"],
    ["Michael Orme", "John Orme"],
    ["Alastair Quint", "Menzies Quint"],
    ["Chris Quellaghan", "Christine Quellaghan"],
  ])("%s and %s stay apart", (a, b) => {
    expect(labels("person", `${a} spoke.`, `${b} replied.`)).toEqual([a, b].sort());
  });

  it.each([
    // a common word opening a sentence, written lower-case elsewhere in the corpus
    [["Whatever Tomas Grell says, he will stand. Nobody asked Tomas Grell.", "Whatever happens, we stay."], "Tomas Grell"],
    // a word in front of a full name the corpus knows, never anyone's first name
    [["Voters met Grellite Tomas Grell today.", "Tomas Grell spoke.", "Tomas Grell left."], "Tomas Grell"],
    // a nationality in front is where the person is from
    [["Fans cheered American Tomas Grell.", "Tomas Grell won."], "Tomas Grell"],
  ])("%j -> %s", (texts, expected) => {
    expect(labels("person", ...texts)).toEqual([expected]);
  });

  it.each([
    // a common word opening a clause after a comma, before the surname of somebody the corpus knows
    [
      ["Vote Roe, Get Grell, the posters said.", "Tomas Grell spoke.", "We get what we vote for."],
      ["Roe", "Tomas Grell"],
    ],
    // false positives: the rest is nobody else's surname ("Drew Barrymore" alone does not make "Barrymore" known)
    [["Fans cheered, Drew Marlow waved.", "She drew a crowd."], ["Drew Marlow"]],
    // a first name the corpus writes lower-case, before a stranger's surname
    [
      ["At the show, Will Tamber sang.", "Tomas Grell will sing.", "It will rain."],
      ["Tomas Grell", "Will Tamber"],
    ],
  ])("%j -> %j", (texts, expected) => {
    expect(labels("person", ...texts)).toEqual(expected);
  });

  it("keeps a first name that opens a sentence when others share it", () => {
    const got = labels("person", "Bill Tomkins spoke.", "The bill passed. The bill failed.", "Bill Raines replied.");
    expect(got).toEqual(["Bill Raines", "Bill Tomkins"]);
  });
});

describe("titles and parties are never part of a name", () => {
  const names = (text: string) => extractDocument({ text }).mentions.map((m) => `${m.name}/${m.type}`);
  it.each([
    ["Lib Dem Tessa Vane said no.", ["Liberal Democrats/organization", "Tessa Vane/person"]],
    ["Euro MP Ralph Corrigan said no.", ["Ralph Corrigan/person"]],
    ["Corrigan's Jewish roots were noted by Ralph Corrigan.", ["Corrigan/person", "Ralph Corrigan/person"]],
    // false positive: a first name is not a title
    ["Prime Minister Tessa Vane said no.", ["Tessa Vane/person"]],
  ])("%j", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("a titled lone name does not join a commoner sharing it as a first name", () => {
    const people = corpus("Edwin Marsh met Prince Edwin at the palace.").entities.filter((e) => e.type === "person");
    expect(people.map((p) => p.label).sort()).toEqual(["Edwin", "Edwin Marsh"]);
    expect(people.find((p) => p.label === "Edwin Marsh")!.roles).toEqual([]);
  });
});

describe("a double surname after Mr or Mrs", () => {
  // "Camilla" and "Tomas" are given names here (two people bear each), so no rule strips them
  const others = "Camilla Roe spoke. Tomas Brack spoke.";
  it.each([
    // written twice after Mrs, the end of one full name: joins it, and the full name is the label
    [
      ["Camilla Parker Quorn spoke.", "Mrs Parker Quorn said no. Later Mrs Parker Quorn left. Parker Quorn waved."],
      ["Camilla Parker Quorn"],
    ],
    // false positives: after Sir comes a given name; once after Mr is not enough
    [
      ["Tomas Menzie Roe spoke.", "Sir Menzie Roe said no. Later Sir Menzie Roe left."],
      ["Menzie Roe", "Tomas Menzie Roe"],
    ],
    [
      ["Tomas Menzie Roe spoke.", "Mr Menzie Roe said no. Menzie Roe left."],
      ["Menzie Roe", "Tomas Menzie Roe"],
    ],
  ])("%j -> %j", (texts, expected) => {
    const got = labels("person", others, ...texts).filter((l) => !["Camilla Roe", "Tomas Brack", "Roe", "Brack"].includes(l));
    expect(got).toEqual(expected);
  });
});
