import { describe, expect, it } from "vitest";

import { candidatePairs, standalonePair } from "../server/extract/06-stances/pairs.js";
import { mask } from "../server/extract/mask.js";
import { buildExtraction, extractDocument } from "../server/extract/index.js";
import { cueInReach } from "../server/extract/06-stances/decide.js";
import { overruled } from "../server/extract/06-stances/overrule.js";
import { pairFeatures, pairTokens } from "../server/extract/stance-model/features.js";
import { train, type Example } from "../server/extract/stance-model/logistic.js";
import { CLASSES, classify, decide, defaultModel, fromModelFile, toModelFile } from "../server/extract/stance-model/model.js";
import { scorePairs } from "../server/extract/stance-model/score.js";
import type { Mention, Sentence } from "../server/types.js";

/** The spans of two names in a sentence, written first to last. */
function spans(text: string, a: string, b: string): [[number, number], [number, number]] {
  const i = text.indexOf(a);
  const j = text.indexOf(b);
  return [
    [i, i + a.length],
    [j, j + b.length],
  ];
}

describe("pair features", () => {
  const text = "Mayor Ilse Tarrow has sharply criticised Governor Ben Okoro's plan, aides said.";
  const [a, b] = spans(text, "Ilse Tarrow", "Ben Okoro");

  it("tags words with their region and reads cues, owners and speech", () => {
    const f = pairFeatures({ text, a, b })!;
    expect(f).toEqual(expect.arrayContaining(["B:sharply", "B:criticise", "cue:B:oppose", "cue1:oppose", "y-owner", "R:said", "speech:R"]));
    expect(f).not.toContain("nocue:B");
    expect(f).not.toContain("negcue:B:oppose");
  });

  it("does not depend on the order the two spans are given in", () => {
    expect(pairFeatures({ text, a: b, b: a })).toEqual(pairFeatures({ text, a, b }));
  });

  it("turns a rule reading into a direction-aware feature", () => {
    expect(pairFeatures({ text, a, b, rules: [{ holderIsA: true, stance: "oppose" }] })).toContain("rule:XY:oppose");
    expect(pairFeatures({ text, a: b, b: a, rules: [{ holderIsA: false, stance: "oppose" }] })).toContain("rule:XY:oppose");
    expect(pairFeatures({ text, a, b, rules: [{ holderIsA: false, stance: "support" }] })).toContain("rule:YX:support");
  });

  it("marks a negated cue, a passive 'by' and a cue-less pair", () => {
    const negated = "Mayor Ilse Tarrow did not criticise Governor Ben Okoro.";
    expect(pairFeatures({ text: negated, ...pair(negated) })).toContain("negcue:B:oppose");
    const passive = "Mayor Ilse Tarrow was praised by Governor Ben Okoro.";
    expect(pairFeatures({ text: passive, ...pair(passive) })).toEqual(expect.arrayContaining(["passive-by-y", "by-y-cue:support"]));
    const plain = "Mayor Ilse Tarrow travelled with Governor Ben Okoro.";
    expect(pairFeatures({ text: plain, ...pair(plain) })).toContain("nocue:B");
  });

  it("gives nothing for overlapping or empty spans", () => {
    expect(pairFeatures({ text, a: [6, 17], b: [10, 20] })).toBeUndefined();
    expect(pairFeatures({ text, a: [6, 6], b: [50, 59] })).toBeUndefined();
  });
});

describe("the cue check before a pair is scored", () => {
  // The model keeps a stance only with a cue word at most four words from each side, so a pair without one is
  // never scored: the check must say yes whenever such a cue is there.
  it.each([
    ["Mayor Ilse Tarrow criticised Governor Ben Okoro.", true],
    ["Mayor Ilse Tarrow has very sharply criticised Governor Ben Okoro.", true],
    ["Mayor Ilse Tarrow has once again very sharply criticised Governor Ben Okoro.", false],
    ["Mayor Ilse Tarrow did not criticise Governor Ben Okoro.", true],
    ["Mayor Ilse Tarrow travelled with Governor Ben Okoro.", false],
    ["Mayor Ilse Tarrow, who on Monday in a long speech to the council criticised the plan of Governor Ben Okoro.", false],
    ["Mayor Ilse Tarrow met Governor Ben Okoro, and later criticised the plan.", false],
    ["Critics of Mayor Ilse Tarrow met Governor Ben Okoro.", false],
  ])("%s -> %s", (text, expected) => {
    expect(cueInReach(pairTokens({ text, ...pair(text) })!)).toBe(expected);
  });
});

function pair(text: string) {
  const [a, b] = spans(text, "Ilse Tarrow", "Ben Okoro");
  return { a, b };
}

describe("the decision at a threshold", () => {
  it.each([
    [[0.2, 0.7, 0.02, 0.06, 0.02], 0.65, 1],
    [[0.2, 0.7, 0.02, 0.06, 0.02], 0.9, 0],
    [[0.02, 0.01, 0.01, 0.01, 0.95], 0.9, 4],
    [[0.05, 0.45, 0.05, 0.4, 0.05], 0.5, 0],
    [[0.1, 0.0, 0.9, 0.0, 0.0], 0.9, 2],
  ])("%j at %f is class %i", (probs, threshold, expected) => {
    expect(decide(probs, threshold)).toBe(expected);
  });

  it("the committed model's default threshold keeps a polar class only above it", () => {
    const model = defaultModel();
    expect(model.threshold).toBeGreaterThanOrEqual(0.5);
    expect(model.threshold).toBeLessThan(1);
    expect(model.labels).toEqual([...CLASSES]);
  });
});

describe("scores", () => {
  it("counts a polar prediction right only with the right direction and polarity", () => {
    const s = scorePairs([0, 1, 2, 3, 4, 3], [0, 1, 1, 3, 0, 4]);
    expect(s.polarPrecision).toBeCloseTo(2 / 4);
    expect(s.polarRecall).toBeCloseTo(2 / 5);
    expect(s.confusion[2]![1]).toBe(1);
    expect(s.perClass[0]!.f1).toBeCloseTo(2 / 3);
  });
});

describe("training", () => {
  // Invented rows: the words carry the class.
  const words = ["praised", "backed", "criticised", "attacked", "met", "visited"];
  const sentence = (w: string) => ({
    text: `Ann Lee ${w} Bo Kim.`,
    a: [0, 7] as [number, number],
    b: [8 + w.length, 14 + w.length] as [number, number],
  });
  const examples: Example[] = Array.from({ length: 60 }, (_, i) => {
    const w = words[i % words.length]!;
    const label = w === "praised" || w === "backed" ? 1 : w === "criticised" || w === "attacked" ? 3 : 0;
    return { features: pairFeatures(sentence(w))!, label };
  });
  const options = { epochs: 5, l2: 1e-3, rate: 0.1, seed: 7, minCount: 1, positiveWeight: 1, average: 2 };

  it("is deterministic: the same data and seed give the same weights", () => {
    const one = train(examples, CLASSES, options);
    const two = train(examples, CLASSES, options);
    expect([...one.weights]).toEqual([...two.weights]);
    expect([...one.featureIndex]).toEqual([...two.featureIndex]);
    expect(JSON.stringify(toModelFile(one, 0.9, {}))).toEqual(JSON.stringify(toModelFile(two, 0.9, {})));
  });

  it("learns the invented classes and survives its file format", () => {
    const model = fromModelFile(JSON.parse(JSON.stringify(toModelFile(train(examples, CLASSES, options), 0.5, {}))));
    const best = (w: string) => decide(classify(model, sentence(w))!, 0);
    expect(model.featureIndex.has("B:praise")).toBe(true);
    expect(best("praised")).toBe(1);
    expect(best("attacked")).toBe(3);
  });
});

describe("candidate pairs", () => {
  it("scores the nearest pairs first, one per two things, at most the cap", () => {
    const text = "Ann Lee, Bo Kim, Cy Dunn and Di Roe met Ann Lee.";
    const names = ["Ann Lee", "Bo Kim", "Cy Dunn", "Di Roe"];
    const sentence: Sentence = { id: "s", docId: "d", index: 1, start: 0, end: text.length, text };
    const mentions: Mention[] = [...names.map((n) => [n, text.indexOf(n)] as const), ["Ann Lee", text.lastIndexOf("Ann Lee")] as const].map(
      ([n, at]) => ({ sentenceId: "s", docId: "d", start: at, end: at + n.length, surface: n, name: n, type: "person", cluster: n }),
    );
    const masked = mask(
      sentence,
      mentions.map((m, index) => ({ index, m })),
      [],
    );
    const pairs = candidatePairs(masked, mentions);
    expect(pairs).toHaveLength(6);
    expect(pairs[0]).toMatchObject({ a: 0, b: 1 });
    expect(candidatePairs(masked, mentions, 2)).toHaveLength(2);
  });
});

describe("rows that must give no stance", () => {
  const triples = (text: string) => {
    const ex = buildExtraction([extractDocument({ text })]);
    const label = new Map(ex.entities.map((e) => [e.id, e.label]));
    return ex.edges.filter((e) => e.kind === "stance").map((e) => `${label.get(e.source)} -${e.stance}-> ${label.get(e.target)}`);
  };
  it.each([
    ["a co-mention with no opinion", "Senator Alva Brennick met Governor Tomas Reyd in Ostrava on Tuesday."],
    [
      "a reported opinion of a third party",
      "Minister Elsa Varnholt said that critics in the party had attacked Mayor Piet Oduya over the budget.",
    ],
    ["a negated cue", "Chancellor Ida Morven did not criticise President Karel Dusek during the summit."],
  ])("%s", (_, text) => {
    expect(triples(text)).toEqual([]);
  });

  it.each([
    ["a co-mention with no opinion", "Senator Alva Brennick met Governor Tomas Reyd in Ostrava on Tuesday.", "Alva Brennick", "Tomas Reyd"],
  ])("the model alone gives none for %s", (_, text, a, b) => {
    const [x, y] = spans(text, a, b);
    const model = defaultModel();
    expect(decide(classify(model, standalonePair(text, x, y))!, model.threshold)).toBe(0);
  });

  it("and the same sentence with the cue stated gives the stance, with its confidence", () => {
    expect(triples("Chancellor Ida Morven sharply criticised President Karel Dusek during the summit.")).toEqual([
      "Ida Morven -oppose-> Karel Dusek",
    ]);
  });
});

describe("rules that overrule the model", () => {
  // Each row: the model alone reads a stance at the default threshold (so the check does something), and the
  // rule named says it is none. The last rows are false-positive checks: stances no rule may overrule.
  const read = (text: string, a: string, b: string) => {
    const [x, y] = spans(text, a, b);
    const model = defaultModel();
    const input = standalonePair(text, x, y);
    const tokens = pairTokens(input)!;
    const cls = decide(classify(model, input, tokens)!, model.threshold);
    const cue = tokens.tokens.findIndex((t, i) => i > tokens.x && i < tokens.y && t.cue);
    return {
      cls,
      why: () => overruled({ text, read: tokens, cue, holderIsX: cls === 1 || cls === 3, holderIsPerson: true, targetIsPerson: true }),
    };
  };
  it.each([
    ["Mr Brown said it would back Labour.", "Brown", "Labour", "another subject between"],
    ["Arsene Wenger was furious at reports that Pat Rice had been critical of Jose Mourinho.", "Pat Rice", "Jose Mourinho", "reported"],
    [
      "But challenged on the remark, MEP Mike Nattrass denied accusing Tom Hale of anything.",
      "Mike Nattrass",
      "Tom Hale",
      "a denial of no claim",
    ],
    ["Tama Umaga also backed Jon Smith to win the series against the Lions.", "Tama Umaga", "Jon Smith", "a forecast"],
  ])("%j: %s / %s is %s", (text, a, b, reason) => {
    const r = read(text, a, b);
    expect(r.cls).not.toBe(0);
    expect(r.why()).toBe(reason);
  });
  it.each([
    ["Mayor Ilse Tarrow sharply criticised Governor Ben Okoro.", "Ilse Tarrow", "Ben Okoro"],
    ["Mayor Ilse Tarrow has praised Governor Ben Okoro for his work.", "Ilse Tarrow", "Ben Okoro"],
  ])("%j stays a stance", (text, a, b) => {
    const r = read(text, a, b);
    expect(r.cls).not.toBe(0);
    expect(r.why()).toBeUndefined();
  });
});
