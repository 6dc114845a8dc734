import { describe, expect, it } from "vitest";

import { propagateKnownNames, wholeWordHits } from "../../server/extract/05-coreference/index.js";
import type { MentionCandidate } from "../../server/extract/04-mentions.js";
import { LIMITS, boundSentences, capMentionsPerSentence, checkTextLimits } from "../../server/extract/limits.js";
import type { Sentence } from "../../server/types.js";

const sentence = (text: string, i = 0): Sentence => ({ id: `d:${i}`, docId: "d", index: i, start: 0, end: text.length, text });

describe("wholeWordHits: a known name where it stands as a whole word", () => {
  const rows: [string, string, number[]][] = [
    ["Velm said Velm", "Velm", [0, 10]],
    ["Velmar and Velm.", "Velm", [11]], // false positive: inside a longer word
    ["Ovelm met", "Velm", []], // false positive: a letter in front (case differs too)
    ["xVelm Velm2 Velm", "Velm", [12]], // a letter before, a digit after
    ["(Velm)", "Velm", [1]],
    ["éVelm Velm", "Velm", [6]], // an accented letter is a letter
    ["𝐀Velm Velm", "Velm", [7]], // a letter outside the BMP (two code units) is one letter
    ["Velm𝐀 Velm", "Velm", [7]],
    ["Acme Group Acme Group", "Acme Group", [0, 11]],
    ["VelmVelm Velm", "Velm", [9]],
  ];
  it.each(rows)("%j, %j", (text, name, expected) => expect(wholeWordHits(text, name)).toEqual(expected));
});

describe("propagateKnownNames", () => {
  it("takes a name of 100 KB without building an expression from it (that threw: regular expression too large)", () => {
    const name = `Quox${"a".repeat(100_000)}`;
    const s = sentence(`Mr ${name} came. Later ${name} left.`);
    const found: MentionCandidate[] = [
      { sentenceId: s.id, docId: "d", start: 3, end: 3 + name.length, surface: name, name, type: "person" },
    ];
    const added = propagateKnownNames([s], found);
    expect(added.map((m) => m.start)).toEqual([s.text.lastIndexOf(name)]);
  });
});

describe("limits on one document", () => {
  it("refuses a text over the length limit (413) and a word over the token limit (400), and takes news", () => {
    expect(() => checkTextLimits("a ".repeat(LIMITS.documentChars))).toThrow(/above the 200000-character limit per document/);
    expect(() => checkTextLimits(`See ${"x".repeat(LIMITS.tokenChars + 1)} now`)).toThrow(
      `a word of ${LIMITS.tokenChars + 1} characters without a space at offset 4`,
    );
    expect(() => checkTextLimits(`See https://example.org/${"x".repeat(200)} now`)).not.toThrow();
  });

  it("reads a long sentence as pieces cut at whitespace, keeping every character's offset", () => {
    const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(" ");
    const { sentences, cut } = boundSentences([{ ...sentence(text), start: 10, end: 10 + text.length }], 1000);
    expect(cut).toBe(1);
    expect(sentences.every((s) => s.text.length <= 1000)).toBe(true);
    expect(sentences.map((s) => s.text).join(" ")).toBe(text);
    for (const s of sentences) expect(text.slice(s.start - 10, s.end - 10)).toBe(s.text);
    expect(sentences.map((s) => s.id)).toEqual(sentences.map((_, i) => `d:${i}`));
  });

  it("cuts a sentence with no whitespace hard, never inside a surrogate pair; leaves short sentences as they are", () => {
    const text = "𝐀".repeat(1000); // 2000 code units
    const { sentences } = boundSentences([sentence(text)], 999);
    expect(sentences.map((s) => s.text).join("")).toBe(text);
    expect(sentences.every((s) => !/^[\udc00-\udfff]/.test(s.text))).toBe(true);
    const short = [sentence("One.", 0), sentence("Two.", 1)];
    expect(boundSentences(short, 10).sentences).toBe(short);
  });

  it("reads only the first sentences of a document over the sentence limit, and the first names of a crowded sentence", () => {
    const many = Array.from({ length: 7 }, (_, i) => sentence(`S${i}.`, i));
    expect(boundSentences(many, 100, 5)).toMatchObject({ cut: 0, unread: 2 });
    const mentions = [..."abcdef"].map((c, i) => ({ sentenceId: i < 4 ? "d:0" : "d:1", c }));
    const { mentions: kept, dropped } = capMentionsPerSentence(mentions, 3);
    expect(kept.map((m) => m.c).join("")).toBe("abcef");
    expect(dropped).toBe(1);
  });
});
