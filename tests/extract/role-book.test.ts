import { describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { roleBookInSteps, roleBookOf, roleKey } from "../../server/extract/07-role-book.js";

describe("roleKey", () => {
  it.each([
    ["Prime Minister", "prime minister"],
    ["UK Prime Minister", "prime minister"],
    ["British Prime Minister", "prime minister"],
    ["Tory leader", "tory leader"],
    ["Chancellor", "chancellor"],
    // past, provisional and no role at all
    ["former Prime Minister", undefined],
    ["ex-chancellor", undefined],
    ["Mr", undefined],
    ["", undefined],
  ])("%j -> %j", (title, key) => {
    expect(roleKey(title)).toBe(key);
  });
});

// Invented articles: two that title people, one that names a role without its holder.
const titled = [
  "Prime Minister Tony Blair opened the new hospital in Leeds on Monday.",
  "Prime Minister Tony Blair met nurses in Bristol. Chancellor Gordon Brown stayed in London.",
  "Chancellor Gerhard Schroeder spoke in Berlin. Chancellor Gerhard Schroeder later flew to Paris.",
  "Chancellor Gordon Brown will set out his budget in March.",
].map((text, i) => extractDocument({ text, source: `titled-${i}` }));
const stancesIn = (text: string, corpus: typeof titled) => {
  const ex = buildExtraction([...corpus, extractDocument({ text, source: "untitled" })]);
  const label = new Map(ex.entities.map((e) => [e.id, e.label]));
  return ex.edges.filter((e) => e.kind === "stance").map((e) => `${label.get(e.source)} -${e.stance}-> ${label.get(e.target)}`);
};

describe("roleBookOf", () => {
  it("counts each titled person under the role, by full name and by surname", () => {
    const book = roleBookOf(titled);
    expect(book.get("prime minister")).toEqual(
      new Map([
        ["tony blair", 2],
        ["blair", 2],
      ]),
    );
    expect(book.get("chancellor")?.get("brown")).toBe(2);
    expect(book.get("chancellor")?.get("schroeder")).toBe(2);
  });

  it("reads a big corpus in steps (the server answers reads between them), to the same book", () => {
    const many = Array.from({ length: 40 }, (_, i) => titled[i % titled.length]!);
    const steps = roleBookInSteps(many);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBe(2);
    expect(step.value).toEqual(roleBookOf(many));
    expect(step.value.get("prime minister")?.get("blair")).toBe(20);
  });
});

describe("a role named without its holder is the person of the document the corpus gives that title", () => {
  it.each([
    ["Tony Blair spoke in Leeds on Friday. Liam Fox accused the prime minister of hiding from voters.", ["Liam Fox -oppose-> Tony Blair"]],
    // two roles in one list
    [
      "Tony Blair and Gordon Brown spoke in Leeds. The Tories attacked the prime minister and his chancellor on Monday.",
      ["Conservative Party -oppose-> Gordon Brown", "Conservative Party -oppose-> Tony Blair"],
    ],
    // the book reads "he" too: the role is the sentence's subject
    [
      "Tony Blair and Liam Fox spoke in Leeds. The prime minister said little. Later he praised Mr Fox for his candour.",
      ["Tony Blair -support-> Liam Fox"],
    ],
  ])("%j", (text, expected) => {
    expect(stancesIn(text, titled)).toEqual(expected);
  });

  it.each([
    // nobody in this document holds the role in the book
    ["Liam Fox accused the prime minister of hiding from voters."],
    // two people here hold it about equally often in the corpus
    ["Gordon Brown met Gerhard Schroeder in Berlin. Liam Fox accused the chancellor of hiding from voters."],
  ])("%j gives nothing", (text) => {
    expect(stancesIn(text, titled)).toEqual([]);
  });

  it("gives nothing without the corpus: one document alone does not say who the prime minister is", () => {
    expect(stancesIn("Tony Blair spoke in Leeds on Friday. Liam Fox accused the prime minister of hiding from voters.", [])).toEqual([]);
  });
});
