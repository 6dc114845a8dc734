// Mentions are built in one shape (common/mentions.ts) rather than spread, so that V8 shares their hidden class. They
// must stay what the spreads gave: the same fields, values and JSON (key order included), optional fields only when set.
import { describe, expect, it } from "vitest";

import { clusteredMention, resolvedMention } from "../../common/mentions.js";
import type { Mention } from "../../common/types.js";

const base: Mention = {
  sentenceId: "d1:s2",
  docId: "d1",
  start: 4,
  end: 21,
  surface: "President Putin's",
  name: "Putin",
  type: "person",
  cluster: "person:vladimir putin",
};

const cases: { name: string; mention: Mention }[] = [
  { name: "no optional field", mention: base },
  { name: "a role", mention: { ...base, role: "President" } },
  { name: "an affiliation", mention: { ...base, affiliation: "Russia" } },
  { name: "both", mention: { ...base, role: "President", affiliation: "Russia" } },
];

describe("resolvedMention", () => {
  it.each(cases)("equals the spread it replaces, JSON included: $name", ({ mention }) => {
    const built = resolvedMention(mention, "Vladimir Putin", "person", "person:vladimir-putin");
    const spread = { ...mention, name: "Vladimir Putin", type: "person", entityId: "person:vladimir-putin" };
    expect(built).toEqual(spread);
    expect(Object.keys(built).sort()).toEqual(Object.keys(spread).sort());
    expect(JSON.parse(JSON.stringify(built))).toEqual(JSON.parse(JSON.stringify(spread)));
  });

  it("leaves out an optional field that is present but undefined (the store never has one)", () => {
    const built = resolvedMention({ ...base, role: undefined }, base.name, base.type, "person:putin");
    expect("role" in built).toBe(false);
    expect(built.entityId).toBe("person:putin");
  });

  it("does not change the mention it is given", () => {
    const mention = { ...base, role: "President" };
    resolvedMention(mention, "Other", "organization", "organization:other");
    expect(mention).toEqual({ ...base, role: "President" });
  });
});

describe("clusteredMention", () => {
  it.each(cases)("equals { ...m, cluster }: $name", ({ mention }) => {
    const { cluster: _cluster, ...candidate } = mention;
    expect(clusteredMention(candidate, "person:putin")).toEqual({ ...candidate, cluster: "person:putin" });
  });

  it("takes the type a cluster says when it is given one (an acronym defined as an organization)", () => {
    const { cluster: _cluster, ...candidate } = { ...base, name: "NAO", surface: "NAO" };
    const m = clusteredMention(candidate, "organization:national audit office", "organization");
    expect(m.type).toBe("organization");
    expect(m.cluster).toBe("organization:national audit office");
    expect(m.name).toBe("NAO");
  });

  it("gives mentions with the same optional fields one key order, whatever order their source had", () => {
    const a = clusteredMention({ affiliation: "Russia", ...base, role: "President" }, "k");
    const b = clusteredMention({ role: "President", ...base, affiliation: "Russia" }, "k");
    expect(Object.keys(a)).toEqual(Object.keys(b));
  });
});
