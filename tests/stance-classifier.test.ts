// The learned-stance experiment's parts (scripts/lib/stance-classifier) and the label matching that
// eval:stance and the experiment share (scripts/lib/stance-labels.ts).
import { describe, expect, it } from "vitest";

import { pairFeatures, tokenize } from "../scripts/lib/stance-classifier/features.js";
import { predict, train } from "../scripts/lib/stance-classifier/logistic.js";
import { emptyScore, entityMatches, scoreRow, type LabelRow } from "../scripts/lib/stance-labels.js";

const people = { holderType: "person", targetType: "person", holderResolved: false, targetResolved: false } as const;
/** Features of the pair (first slot, second slot) in a masked sentence, or the reverse pair. */
function featuresOf(masked: string, reverse = false): string[] {
  const tokens = tokenize(masked);
  const [a, b] = tokens.flatMap((t, i) => (t.slot !== undefined ? [i] : []));
  return reverse ? pairFeatures(tokens, b!, a!, people) : pairFeatures(tokens, a!, b!, people);
}

describe("pair features", () => {
  it("reads a slot as one token and a possessive apart", () => {
    expect(tokenize("⟦4⟧ criticised ⟦p0⟧'s plans.").map((t) => t.slot ?? t.text)).toEqual(["4", "criticised", "p0", "'s", "plans", "."]);
  });

  it.each([
    ["⟦0⟧ has criticised ⟦1⟧", false, ["dir=HT", "b=HT:criticise", "cue=HT:oppose"], ["nocue=HT"]],
    ["⟦0⟧ has criticised ⟦1⟧", true, ["dir=TH", "b=TH:criticise", "cue=TH:oppose"], ["cue=HT:oppose"]],
    ["⟦0⟧ did not support ⟦1⟧", false, ["cue=HT:support", "neg+cue=support"], []],
    ["⟦0⟧ refused to back ⟦1⟧", false, ["refuse+cue=support"], ["neg+cue=support"]],
    ["⟦0⟧ met ⟦1⟧ in Paris", false, ["nocue=HT", "b=HT:met"], ["cue=HT:oppose", "cue=HT:support"]],
    ['"⟦0⟧ is wrong," said ⟦1⟧', true, ["tq", "speech-between", "quote-between"], ["hq"]],
  ])("%j (reversed: %s)", (masked, reverse, present, absent) => {
    const f = featuresOf(masked, reverse);
    for (const p of present) expect(f).toContain(p);
    for (const a of absent) expect(f).not.toContain(a);
  });
});

describe("logistic regression", () => {
  it("learns which words make which label, and stays unsure of words it never saw", () => {
    const examples = [
      ...Array.from({ length: 20 }, () => ({ features: ["bias", "w=praised"], label: 1 })),
      ...Array.from({ length: 20 }, () => ({ features: ["bias", "w=attacked"], label: 2 })),
      ...Array.from({ length: 40 }, () => ({ features: ["bias", "w=met"], label: 0 })),
    ];
    const model = train(examples, ["none", "support", "oppose"], {
      epochs: 10,
      l2: 1e-4,
      rate: 0.1,
      seed: 1,
      minCount: 1,
      positiveWeight: 1,
    });
    expect(predict(model, ["bias", "w=praised"])[1]).toBeGreaterThan(0.9);
    expect(predict(model, ["bias", "w=attacked"])[2]).toBeGreaterThan(0.9);
    expect(predict(model, ["bias", "w=met"])[0]).toBeGreaterThan(0.9);
    const unseen = predict(model, ["bias", "w=greeted"]);
    expect(Math.max(...unseen)).toBeLessThan(0.9);
  });
});

describe("label matching", () => {
  const entity = (label: string, aliases: string[] = []) => ({ label, aliases });
  it.each([
    [entity("Gordon Brown"), "Gordon Brown", [], true],
    [entity("Chancellor Gordon Brown"), "Gordon Brown", [], true],
    [entity("Brown"), "Gordon Brown", ["Mr Brown"], true],
    [entity("the U.S."), "United States", ["US"], true],
    [entity("Donald Tusk"), "Donald Trump", ["Trump"], false],
    [entity("Labour"), "Liberal Democrats", ["Lib Dems"], false],
  ])("%j is %s (aliases %j): %s", (ours, gold, aliases, matches) => {
    expect(entityMatches(ours, gold, aliases)).toBe(matches);
  });

  it("counts a prediction once, and a wrong polarity as both a miss and a false positive", () => {
    const row: LabelRow = {
      file: "politics/000.txt",
      start: 0,
      end: 10,
      stances: [{ holder: "Michael Howard", target: "Tony Blair", stance: "oppose", holderFromContext: true }],
    };
    const score = emptyScore();
    const { missed, wrong } = scoreRow(row, [{ holder: entity("Howard"), target: entity("Tony Blair"), stance: "support" }], score);
    expect([score.tp, score.fp, score.fn, missed.length, wrong.length]).toEqual([0, 1, 1, 1, 1]);
    expect(score.fromContext).toEqual({ gold: 1, found: 0 });
    const again = emptyScore();
    scoreRow(
      row,
      [
        { holder: entity("Howard"), target: entity("Blair"), stance: "oppose" },
        { holder: entity("Howard"), target: entity("Blair"), stance: "oppose" },
      ],
      again,
    );
    expect([again.tp, again.fp, again.fn]).toEqual([1, 1, 0]);
  });
});
