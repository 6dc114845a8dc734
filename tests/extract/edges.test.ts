import { describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";

describe("co-mention edges", () => {
  it("links entities named in the same sentence, one evidence per sentence", () => {
    const ex = buildExtraction([extractDocument({ text: "Poland and Germany signed it. Poland and Germany agreed again. Spain waited." })]);
    expect(ex.edges.map((e) => [e.id, e.kind, e.evidence.length])).toEqual([["country:germany--country:poland", "co-mention", 2]]);
  });

  it.each([["Spain waited."], ["Nobody came."], ["Poland, Poland and Poland."]])("%j gives no edge", (text) => {
    expect(buildExtraction([extractDocument({ text })]).edges).toEqual([]);
  });
});

describe("stance evidence spans", () => {
  // [text, holder, cue, target] as the evidence sentence's own words
  it.each([
    ["Italian Defense Minister Guido Crosetto criticized Macron's comments.", "Guido Crosetto", "criticized", "Macron"],
    // the target named in an earlier sentence: the words that stand for it here
    ["Tony Blair spoke in Leeds on Friday. Liam Fox accused him of hiding from voters.", "Liam Fox", "accused", "him"],
    ["Xstrata's offer values the miner at A$7bn. WMC Resources rejected the offer on Tuesday.", "WMC Resources", "rejected", "the offer"],
    // and the holder
    ["Liam Fox spoke in Leeds on Friday. He accused Tony Blair of hiding from voters.", "He", "accused", "Tony Blair"],
  ])("%j: %s, %s, %s", (text, holder, cue, target) => {
    const ex = buildExtraction([extractDocument({ text })]);
    const sentences = new Map(ex.sentences.map((s) => [s.id, s.text]));
    const spans = ex.edges
      .filter((e) => e.kind === "stance")
      .flatMap((e) => e.evidence)
      .map((ev) => {
        const sentence = sentences.get(ev.sentenceId)!;
        return [ev.holderSpan!, ev.cueSpan!, ev.targetSpan!].map(([a, b]) => sentence.slice(a, b));
      });
    expect(spans).toEqual([[holder, cue, target]]);
  });
});
