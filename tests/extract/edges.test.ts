import { describe, expect, it } from "vitest";

import { LIST_ENTITIES, LIST_WINDOW, coMentionedPairs } from "../../server/extract/09-edges.js";
import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import { LIMITS } from "../../server/extract/limits.js";
import type { ResolvedMention } from "../../server/types.js";

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

describe("co-mentions in a list", () => {
  // Invented team-sheet style sentences: the recogniser reads the names, the rule reads their order.
  const mention = (entityId: string, start: number) => ({ entityId, start }) as ResolvedMention;
  const named = (...ids: string[]) => ids.map((id, i) => mention(id, i * 10));
  const pairs = (mentions: ResolvedMention[]) => coMentionedPairs(mentions).map((p) => p.join("+"));

  it.each([
    [named("a", "b", "c"), ["a+b", "a+c", "b+c"]],
    // the same entity twice is one, and the order of the list is the order written, not the order given
    [[mention("b", 30), mention("a", 0), mention("a", 60)], ["a+b"]],
  ])("a short sentence pairs every two of its entities: %#", (mentions, expected) => {
    expect(pairs(mentions)).toEqual(expected);
  });

  it(`over ${LIST_ENTITIES} entities, each is paired with the ${LIST_WINDOW} named after it, not with the whole list`, () => {
    const ids = Array.from({ length: LIST_ENTITIES + 2 }, (_, i) => `e${i}`);
    const got = pairs(named(...ids));
    expect(got).toContain("e0+e4");
    expect(got).toContain("e5+e9");
    // false positives of all-pairs: the two ends of the list, and a name five places on
    expect(got).not.toContain("e0+e9");
    expect(got).not.toContain("e0+e5");
    expect(got.length).toBe(LIST_WINDOW * (ids.length - LIST_WINDOW) + (LIST_WINDOW * (LIST_WINDOW - 1)) / 2);
  });

  it("a list of the most names a sentence is read with gives pairs that grow with its names, not their square", () => {
    const ids = Array.from({ length: LIMITS.mentionsPerSentence }, (_, i) => `e${i}`);
    expect(coMentionedPairs(named(...ids)).length).toBeLessThan(LIST_WINDOW * ids.length);
  });
});

describe("co-mentions of a real list", () => {
  it("ten countries in one sentence: each linked to its neighbours in the list, the two ends not", () => {
    const text = "Poland, Germany, Spain, France, Italy, Greece, Austria, Sweden, Norway and Finland signed the accord.";
    const edges = buildExtraction([extractDocument({ text })]).edges.filter((e) => e.kind === "co-mention");
    const ids = new Set(edges.map((e) => e.id));
    expect(ids.has("country:germany--country:poland")).toBe(true);
    expect(ids.has("country:finland--country:poland")).toBe(false);
    expect(edges.length).toBe(LIST_WINDOW * (10 - LIST_WINDOW) + (LIST_WINDOW * (LIST_WINDOW - 1)) / 2);
  });
});

describe("a document given twice", () => {
  // Same text, same id: a folder holding an article twice is one article, as the store keeps it. Before, the second
  // copy's mentions shifted every later document's stances onto other entities.
  const stance = "Italian Defense Minister Guido Crosetto criticized Macron's comments.";
  const other = "Poland and Germany signed the treaty. Spain waited.";
  const third = "Liam Fox spoke in Leeds on Friday. He accused Tony Blair of hiding from voters.";
  const docs = [stance, other, third].map((text) => extractDocument({ text }));

  it.each([
    ["first and last", [docs[0]!, docs[1]!, docs[2]!, docs[0]!]],
    ["twice in a row", [docs[0]!, docs[0]!, docs[1]!, docs[2]!]],
    ["every one twice", [...docs, ...docs]],
  ])("counts once (%s): the same documents, mentions and edges as each once", (_, twice) => {
    const once = buildExtraction(docs);
    const built = buildExtraction(twice);
    expect(built.documents).toEqual(once.documents);
    expect(built.mentions).toEqual(once.mentions);
    expect(built.edges).toEqual(once.edges);
    expect(built.edges.filter((e) => e.kind === "stance").map((e) => e.id)).toEqual([
      "person:guido-crosetto->person:macron:oppose",
      "person:liam-fox->person:tony-blair:oppose",
    ]);
  });
});
