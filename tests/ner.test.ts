// Tests for the CoNLL-trained NER tagger (server/extract/ner). All sentences are written for
// these tests or quoted from seeds/*.txt; nothing is read from ../shared.

import { describe, expect, it } from "vitest";
import { getModel, recognize, recognizeDocument, tagTokens, tokenize } from "../server/extract/03-recognition/index.js";
import { buildDocStats, sentenceFeatures, wordShape } from "../server/extract/03-recognition/features.js";
import { isTitleCase, tagDocument } from "../server/extract/03-recognition/model.js";
import { allowedTransitions, decode } from "../server/extract/03-recognition/perceptron.js";
import {
  charSpanToTokenSpan,
  decodeIob,
  evaluateDocuments,
  joinedOffsets,
  parseConll,
  retokenize,
} from "../server/extract/03-recognition/score.js";

describe("tokenize", () => {
  const rows: [string, string[]][] = [
    ["President Volodymyr Zelenskyy’s plan", ["President", "Volodymyr", "Zelenskyy", "’s", "plan"]],
    ["Zelenskyy's office", ["Zelenskyy", "'s", "office"]],
    ["only the U.S. and NATO", ["only", "the", "U.S.", "and", "NATO"]],
    ["the U.S.-Ukraine deal", ["the", "U.S.", "-", "Ukraine", "deal"]],
    ["referred to as “its own NATO” — which", ["referred", "to", "as", "“", "its", "own", "NATO", "”", "—", "which"]],
    ["(Reuters) - Mr. Smith of Acme Inc. said", ["(", "Reuters", ")", "-", "Mr.", "Smith", "of", "Acme", "Inc.", "said"]],
    ["John F. Kennedy didn't", ["John", "F.", "Kennedy", "did", "n't"]],
    ["BRUSSELS 1996-08-22", ["BRUSSELS", "1996-08-22"]],
    ["100,000 soldiers, 1.5 million", ["100,000", "soldiers", ",", "1.5", "million"]],
    ["Jean-Philippe and O'Brien", ["Jean-Philippe", "and", "O'Brien"]],
    ["the students' union", ["the", "students", "'", "union"]],
    ["Caliber.Az reports", ["Caliber.Az", "reports"]],
    ["Ukraine 's army", ["Ukraine", "'s", "army"]],
  ];
  it.each(rows)("%s", (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
  });

  it("gives character offsets into the input", () => {
    const text = "  Ukraine’s “NATO” deal. ";
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[0]).toEqual({ text: "Ukraine", start: 2, end: 9 });
    expect(tokens[1]).toEqual({ text: "’s", start: 9, end: 11 });
  });
});

describe("word shape", () => {
  it.each([
    ["McDonald", "XxXx"],
    ["U.S.", "X.X."],
    ["1996-08-22", "d-d-d"],
    ["NATO", "X"],
    ["Zelenskyy’s", "Xx'x"],
  ])("%s -> %s", (word, shape) => expect(wordShape(word)).toBe(shape));
});

describe("recognize", () => {
  const rows: [string, [string, string][]][] = [
    [
      "Ukraine has prepared a detailed plan for deploying up to 100,000 Western military personnel on its territory, President Volodymyr Zelenskyy revealed.",
      [
        ["Ukraine", "LOC"],
        ["Western", "MISC"],
        ["Volodymyr Zelenskyy", "PER"],
      ],
    ],
    [
      "Zelenskyy ruled out the United Nations deploying peacekeeping forces after the war, arguing that only the U.S. and NATO can provide real security guarantees.",
      [
        ["United Nations", "ORG"],
        ["U.S.", "LOC"],
        ["NATO", "ORG"],
      ],
    ],
    [
      "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Tuesday.",
      [
        ["German", "MISC"],
        ["Olaf Scholz", "PER"],
        ["French", "MISC"],
        ["Emmanuel Macron", "PER"],
        ["Berlin", "LOC"],
      ],
    ],
    ["Kyiv Discusses the Deployment of Western Troops to Ukraine.", [["Ukraine", "LOC"]]],
    ["Read more", []],
    ["Trending Now", []],
    ["News Feed", []],
    ["2 min read", []],
    ["The minister said the plan was sound.", []],
  ];
  it.each(rows)("%s", (text, expected) => {
    const spans = recognize(text);
    expect(spans.map((s) => [s.text, s.label])).toEqual(expected);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("splits a hyphenated compound after an abbreviation and never returns a dangling dash", () => {
    const spans = recognize("The U.S.-Ukraine minerals deal was signed in Washington by Scott Bessent.");
    expect(spans.map((s) => s.text)).toEqual(["U.S.", "Ukraine", "Washington", "Scott Bessent"]);
    expect(spans.slice(1).map((s) => s.label)).toEqual(["LOC", "LOC", "PER"]);
  });

  it("finds entities in every sentence of a multi-line text with offsets into the whole text", () => {
    const text = "Then Zelensky visited Brussels.\nHe met officials of the European Union there.";
    const spans = recognize(text);
    expect(spans.map((s) => [s.text, s.label])).toEqual([
      ["Zelensky", "PER"],
      ["Brussels", "LOC"],
      ["European Union", "ORG"],
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("recognizeDocument returns spans per sentence with sentence offsets", () => {
    const sentences = ["NATO chief visits Kyiv.", "Mark Rutte spoke in Kyiv on Monday."];
    const out = recognizeDocument(sentences);
    expect(out).toHaveLength(2);
    expect(out[1].map((s) => [s.text, s.label])).toContainEqual(["Mark Rutte", "PER"]);
    for (const [k, spans] of out.entries()) for (const s of spans) expect(sentences[k].slice(s.start, s.end)).toBe(s.text);
  });

  it("tagTokens returns one BIO label per token", () => {
    const tokens = ["Olaf", "Scholz", "visited", "Paris", "."];
    const labels = tagTokens(tokens, { sentences: [tokens, ["Scholz", "spoke", "."]] });
    expect(labels).toEqual(["B-PER", "I-PER", "O", "B-LOC", "O"]);
    expect(tagTokens([])).toEqual([]);
  });

  it("tags with cached feature ids exactly as the string features used in training", () => {
    const model = getModel();
    const doc = [
      ["EU", "rejects", "plan", "by", "Acme", "Corp", "."],
      ["The", "European", "Commission", "said", "on", "Thursday", "it", "disagreed", "with", "Mr.", "Jones", "."],
    ];
    const onePass = { ...model, passes: model.passes.slice(0, 1) };
    const fast = tagDocument(onePass, doc);
    const pass0 = {
      labels: model.labels,
      featureIndex: model.featureIndex,
      weights: model.passes[0].weights,
      trans: model.passes[0].trans,
    };
    const stats = buildDocStats(doc);
    const slow = doc.map((s) => decode(pass0, sentenceFeatures(s, model.ctx, stats), allowedTransitions(model.labels)));
    expect(fast).toEqual(slow);
  });

  it("loads the model once, quickly enough to use on first request", () => {
    expect(getModel().passes.length).toBeGreaterThanOrEqual(1);
  });
});

describe("title-case headlines", () => {
  it.each([
    ["Kyiv Discusses the Deployment of Western Troops to Ukraine", true],
    ["Jim Furyk ( U.S. ) 66 67", false],
    ["Ukraine has prepared a detailed plan", false],
  ])("%s -> %s", (text, expected) => expect(isTitleCase(tokenize(text).map((t) => t.text))).toBe(expected));
});

describe("IOB decoding", () => {
  const rows: [string[], [number, number, string][]][] = [
    [
      ["I-PER", "I-PER", "O", "I-LOC"],
      [
        [0, 2, "PER"],
        [3, 4, "LOC"],
      ],
    ],
    [
      ["I-PER", "B-PER", "I-PER"],
      [
        [0, 1, "PER"],
        [1, 3, "PER"],
      ],
    ],
    [
      ["I-ORG", "I-LOC"],
      [
        [0, 1, "ORG"],
        [1, 2, "LOC"],
      ],
    ],
    [
      ["B-PER", "I-PER", "B-LOC"],
      [
        [0, 2, "PER"],
        [2, 3, "LOC"],
      ],
    ],
    [["O", "O"], []],
    [
      ["I-MISC", "O", "B-ORG", "I-ORG", "I-ORG"],
      [
        [0, 1, "MISC"],
        [2, 5, "ORG"],
      ],
    ],
  ];
  it.each(rows)("%j", (tags, expected) => {
    expect(decodeIob(tags).map((s) => [s.start, s.end, s.type])).toEqual(expected);
  });
});

// A made-up CoNLL snippet (two documents, three sentences) in the IOB1 format.
const SNIPPET = `-DOCSTART- -X- O O

Anna NNP I-NP I-PER
Berg NNP I-NP I-PER
visited VBD I-VP O
Oslo NNP I-NP I-LOC
. . O O

Nordbank NNP I-NP I-ORG
hired VBD I-VP O
Dutch JJ I-NP I-MISC
staff NN I-NP O
. . O O

-DOCSTART- -X- O O

Lars NNP I-NP I-PER
Holm NNP I-NP I-PER
Anna NNP I-NP B-PER
left VBD I-VP O
. . O O
`;

describe("scorer", () => {
  it("parses documents and sentences", () => {
    const docs = parseConll(SNIPPET);
    expect(docs.map((d) => d.sentences.length)).toEqual([2, 1]);
    expect(docs[1].sentences[0].tags).toEqual(["I-PER", "I-PER", "B-PER", "O", "O"]);
  });

  it("maps character spans to the tokens they overlap", () => {
    const offsets = joinedOffsets(["U.S.-based", "Acme", "Inc", "."]);
    expect(charSpanToTokenSpan(offsets, { start: 0, end: 4, type: "LOC" })).toEqual({ start: 0, end: 1, type: "LOC" });
    expect(charSpanToTokenSpan(offsets, { start: 11, end: 19, type: "ORG" })).toEqual({ start: 1, end: 3, type: "ORG" });
    expect(charSpanToTokenSpan(offsets, { start: 10, end: 11, type: "ORG" })).toBeUndefined();
  });

  it("scores exact matches per type and micro, ignoring MISC", () => {
    const docs = parseConll(SNIPPET);
    // Prediction: "Anna Berg" PER (right), "Oslo" ORG (wrong type), "Nordbank" ORG (right),
    // "Dutch" MISC (ignored), "Lars Holm Anna" one PER (wrong boundary: gold has two).
    const predicted: Record<string, { start: number; end: number; label: string }[]> = {
      "Anna Berg visited Oslo .": [
        { start: 0, end: 9, label: "PER" },
        { start: 18, end: 22, label: "ORG" },
      ],
      "Nordbank hired Dutch staff .": [
        { start: 0, end: 8, label: "ORG" },
        { start: 15, end: 20, label: "MISC" },
      ],
      "Lars Holm Anna left .": [{ start: 0, end: 14, label: "PER" }],
    };
    const scores = evaluateDocuments(docs, (texts) => texts.map((t) => predicted[t] ?? []));
    expect(scores.PER.p).toBe(0.5);
    expect(scores.PER.r).toBeCloseTo(1 / 3);
    expect(scores.PER.f1).toBeCloseTo(0.4);
    expect(scores.LOC).toEqual({ p: 0, r: 0, f1: 0 });
    expect(scores.ORG.p).toBe(0.5);
    expect(scores.ORG.r).toBe(1);
    expect(scores.micro.p).toBeCloseTo(2 / 4);
    expect(scores.micro.r).toBeCloseTo(2 / 5);
  });

  it("re-tokenizes CoNLL sentences and projects labels as BIO", () => {
    const [doc] = parseConll("Kyiv NNP I-NP I-LOC\n's POS B-NP O\nU.S.-based JJ I-NP I-MISC\nfirm NN I-NP O\n");
    expect(retokenize(doc.sentences[0], tokenize)).toEqual({
      tokens: ["Kyiv", "'s", "U.S.", "-", "based", "firm"],
      labels: ["B-LOC", "O", "B-MISC", "I-MISC", "I-MISC", "O"],
    });
  });
});
