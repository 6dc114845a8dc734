// The scale benchmark's generator: seeded, distinct articles, every person's and organization's name swapped
// consistently within an article (a later "Blair" is the same person as "Tony Blair"), dates inside the years given.
import { describe, expect, it } from "vitest";

import { generateArticles, namePools } from "../scripts/bench/generate.js";

const sources = [
  {
    input: { text: "Tony Blair met Acme Holdings in London. Blair said Acme Holdings and the EU agreed." },
    names: { people: ["Tony Blair"], organizations: ["Acme Holdings", "EU"] },
  },
  {
    input: { text: "Gordon Brown spoke. Brown praised Widget Corp." },
    names: { people: ["Gordon Brown"], organizations: ["Widget Corp"] },
  },
  { input: { text: "It rained in Leeds." }, names: { people: [], organizations: [] } },
];
const pools = namePools([
  ...sources.map((s) => s.names),
  { people: ["Ann Carter", "Maria Lopez", "Kenji Sato", "Olu Adeyemi"], organizations: ["Orbit Labs", "Harbor Trust"] },
]);
const options = { docs: 40, seed: 7, fromYear: 2001, years: 5 };
const make = (o = options) => [...generateArticles(sources, pools, o)];

describe("bench:corpus generator", () => {
  it("gives the same articles for the same seed, others for another", () => {
    expect(make()).toEqual(make());
    expect(make({ ...options, seed: 8 })).not.toEqual(make());
  });

  it("makes distinct articles; one with no names to swap is given once", () => {
    const texts = make().map((a) => a.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.filter((t) => t === "It rained in Leeds.")).toHaveLength(1);
    expect(texts.length).toBe(40);
  });

  it("swaps a person's names the same way in the whole article, and keeps acronyms", () => {
    for (const { text } of make().filter((a) => a.text.includes("met"))) {
      const [, first, last, org] = /^(\S+) (\S+) met (.+?) in London\./.exec(text)!;
      expect(`${first} ${last}`).not.toBe("Tony Blair");
      expect(text).toContain(`. ${last} said ${org} and the EU agreed.`);
    }
  });

  it("spreads dates over the years given", () => {
    const dates = make().map((a) => a.date!);
    expect(dates.every((d) => d >= "2001-01-01" && d <= "2005-12-31")).toBe(true);
    expect(new Set(dates.map((d) => d.slice(0, 4))).size).toBeGreaterThanOrEqual(3);
  });
});
