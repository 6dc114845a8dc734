import { describe, expect, it } from "vitest";

import {
  DEFAULT_STATE,
  type Producer,
  type ViewState,
  focusOn,
  fromSearch,
  graphQuery,
  openDocument,
  selectEdge,
  selectEntity,
  setDateRange,
  setMinConfidence,
  setMinMentions,
  setStancesOnly,
  toSearch,
  toggleKind,
  toggleType,
  wholeGraph,
} from "../client/state.js";

const run = (...producers: Producer[]): ViewState => producers.reduce((s, p) => p(s), DEFAULT_STATE);

describe("client view state", () => {
  const cases: [string, Producer[], string, string][] = [
    ["default", [], "", ""],
    ["type off", [toggleType("country")], "?types=person%2Corganization%2Cevent", "types=person%2Corganization%2Cevent"],
    ["type off and on again keeps the order", [toggleType("person"), toggleType("person")], "", ""],
    [
      "every type off",
      [toggleType("person"), toggleType("country"), toggleType("organization"), toggleType("event")],
      "?types=none",
      "types=",
    ],
    ["kind off", [toggleKind("co-mention")], "?kinds=support%2Coppose", "kinds=support%2Coppose"],
    ["stances only", [setStancesOnly(true)], "?kinds=support%2Coppose&linked=1", "kinds=support%2Coppose&linked=1"],
    ["stances only, then off", [setStancesOnly(true), setStancesOnly(false)], "", ""],
    ["slider", [setMinMentions(3)], "?minMentions=3", "minMentions=3"],
    ["min confidence", [setMinConfidence(0.8)], "?minConfidence=0.8", "minConfidence=0.8"],
    ["min confidence back to 0 leaves the URL", [setMinConfidence(0.8), setMinConfidence(0)], "", ""],
    ["min confidence above 1 is 1", [setMinConfidence(3)], "?minConfidence=1", "minConfidence=1"],
    ["negative min confidence is 0", [setMinConfidence(-0.5)], "", ""],
    ["min confidence not a number is 0", [setMinConfidence(Number.NaN)], "", ""],
    [
      "min confidence with stances only",
      [setStancesOnly(true), setMinConfidence(0.95)],
      "?kinds=support%2Coppose&linked=1&minConfidence=0.95",
      "kinds=support%2Coppose&linked=1&minConfidence=0.95",
    ],
    ["date range", [setDateRange("2025-01-01", undefined)], "?from=2025-01-01", "from=2025-01-01"],
    ["neighbourhood", [focusOn("person:a", 2)], "?focus=person%3Aa&hops=2&selected=person%3Aa", "focus=person%3Aa&hops=2"],
    ["back to the whole graph", [focusOn("person:a", 2), wholeGraph()], "?selected=person%3Aa", ""],
    ["edge replaces entity", [selectEntity("person:a"), selectEdge("a--b")], "?edge=a--b", ""],
    ["document keeps the selection", [selectEntity("person:a"), openDocument("d1")], "?selected=person%3Aa&docs=1&doc=d1", ""],
  ];
  it.each(cases)("%s: URL and graph query, and back", (_name, producers, search, query) => {
    const state = run(...producers);
    expect(toSearch(state)).toBe(search);
    expect(graphQuery(state).toString()).toBe(query);
    expect(fromSearch(search)).toEqual(state);
  });

  it("ignores what it cannot read", () => {
    expect(fromSearch("?types=planet&minMentions=-4&from=yesterday&size=huge")).toEqual(DEFAULT_STATE);
  });

  it.each(["1.5", "-0.2", "high", "", "0"])("reads minConfidence=%s as no threshold", (raw) => {
    expect(fromSearch(`?minConfidence=${raw}`).minConfidence).toBe(0);
  });
});

describe("search hits from the view and from the server", () => {
  it("keeps one hit per entity, best rank first", async () => {
    const { mergeHits } = await import("../client/views/search.js");
    const local = [{ id: "a", label: "Alpha", type: "person" as const, rank: 0 }];
    const remote = [
      { id: "a", label: "Alpha", type: "person" as const, rank: 0 },
      { id: "b", label: "Alpine", type: "country" as const, rank: -0.5 },
    ];
    expect(mergeHits(local, remote).map((h) => h.id)).toEqual(["b", "a"]);
  });
});
