// The counts kept between resolutions (phrases, word cases) equal counts over the whole corpus, whatever documents
// came and went in between (seeded random sequences), including the corpus's first sentence and sentence starts.
import { describe, expect, it } from "vitest";

import { phraseCounter } from "../../server/extract/resolve/junk.js";
import { caseCounts } from "../../server/extract/resolve/corpus-stats.js";
import { CaseCountsKept, PhraseCounts, countAll } from "../../server/extract/resolve/kept-counts.js";
import { mulberry32 } from "../../server/random.js";
import type { DocExtraction } from "../../server/types.js";

const doc = (id: string, texts: string[]): DocExtraction =>
  ({
    doc: { id, title: id, text: texts.join("\n") },
    sentences: texts.map((text, index) => ({ id: `${id}:${index}`, docId: id, index, start: 0, end: text.length, text })),
    mentions: [],
    stances: [],
  }) as unknown as DocExtraction;

const TEXTS = [
  ["Human rights groups said human rights mattered.", "Human Rights Watch agreed."],
  ["The human rights bill passed.", "Critics of human rightsism left."],
  ["We met the Human Rights lawyers.", "human rights, they said, and humanity."],
  ["Human rights first.", "Nothing here."],
  ["The Prime Minister spoke to the prime minister's aides.", "prime minister"],
  ["Sub\nline human rights", "xhuman rights and human rightsx"],
];
const PHRASES = ["Human Rights", "Prime Minister", "Human Rights Watch", "Nothing", "Rights"];

const reference = (docs: DocExtraction[]) => phraseCounter(() => docs.flatMap((d) => d.sentences.map((s) => s.text)).join("\n"));

describe("counts kept between resolutions", () => {
  it.each([1, 2, 3, 4, 5])("equal counts over the whole corpus through random adds and deletes (seed %i)", (seed) => {
    const random = mulberry32(seed);
    const pool = Array.from({ length: 24 }, (_, i) => doc(`d${String(i).padStart(2, "0")}`, TEXTS[i % TEXTS.length]!));
    const counts = new PhraseCounts();
    const cases = new CaseCountsKept();
    let corpus: DocExtraction[] = [];
    for (let step = 0; step < 30; step++) {
      const d = pool[Math.floor(random() * pool.length)]!;
      corpus = corpus.includes(d) ? corpus.filter((x) => x !== d) : [...corpus, d];
      corpus.sort((a, b) => a.doc.id.localeCompare(b.doc.id));
      // every other step the phrases are named up front (counted in one pass), else each is counted when asked
      const kept = counts.counter(corpus, step % 2 === 0 ? PHRASES : []);
      const full = reference(corpus);
      for (const phrase of PHRASES) expect(kept(phrase), `${phrase} at step ${step}`).toEqual(full(phrase));
      const sorted = (c: ReturnType<typeof caseCounts>) => Object.entries(c).map(([k, m]) => [k, [...m].sort()]);
      expect(sorted(cases.of(corpus)), `case counts at step ${step}`).toEqual(sorted(caseCounts(corpus)));
    }
  });

  it("keep each counter right while another corpus is counted beside it (resolutions run in slices)", () => {
    const counts = new PhraseCounts();
    const a = [doc("a", TEXTS[0]!), doc("b", TEXTS[1]!)];
    const b = [doc("c", TEXTS[2]!)];
    const first = counts.counter(a);
    counts.counter([...a, ...b])("Human Rights");
    expect(first("Human Rights")).toEqual(reference(a)("Human Rights"));
  });

  it("keep both counters right when another corpus is counted between two steps of a count in steps", () => {
    const counts = new PhraseCounts();
    const many = Array.from({ length: 120 }, (_, i) => doc(`a${String(i).padStart(3, "0")}`, TEXTS[i % TEXTS.length]!));
    const other = [doc("c", TEXTS[2]!), doc("d", TEXTS[4]!)];
    const steps = counts.counterInSteps(many, PHRASES);
    expect(steps.next().done).toBe(false); // paused inside the count of 120 documents
    const beside = counts.counter(other, PHRASES);
    let step = steps.next();
    while (!step.done) step = steps.next();
    const first = step.value;
    for (const phrase of PHRASES) {
      expect(first(phrase), `${phrase} in the corpus counted in steps`).toEqual(reference(many)(phrase));
      expect(beside(phrase), `${phrase} in the corpus counted beside it`).toEqual(reference(other)(phrase));
    }
    // and the counts kept after them are of the last corpus synced
    const again = counts.counter(other, PHRASES);
    for (const phrase of PHRASES) expect(again(phrase)).toEqual(reference(other)(phrase));
  });

  it("count word cases in steps as caseCounts does, whatever another resolution counts between two steps", () => {
    const sorted = (c: ReturnType<typeof caseCounts>) => Object.entries(c).map(([k, m]) => [k, [...m].sort()]);
    const many = Array.from({ length: 120 }, (_, i) => doc(`a${String(i).padStart(3, "0")}`, TEXTS[i % TEXTS.length]!));
    const other = [doc("c", TEXTS[2]!), doc("d", TEXTS[4]!)];
    const cases = new CaseCountsKept();
    const steps = cases.ofInSteps(many);
    expect(steps.next().done).toBe(false); // partway through the 120 documents
    expect(sorted(cases.of(other))).toEqual(sorted(caseCounts(other)));
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(sorted(step.value)).toEqual(sorted(caseCounts(many)));
    // the kept pair is the last one finished: moving on from it to a corpus one document larger
    const more = [...many, doc("z", TEXTS[0]!)];
    expect(sorted(cases.of(more))).toEqual(sorted(caseCounts(more)));
  });

  // One pass over the text must find what one indexOf scan per needle finds, overlaps and odd starts included.
  const TRICKY: [text: string, needle: string][] = [
    ["see ab ab ab and xab ab ab", "ab ab"],
    ["a to a to a, then a to a", "a to a"],
    ["Tonys Blair met Tony Blair and Tony Blairs", "Tony Blair"],
    ["said 'em twice: 'em", "'em"],
    ["the Kilroy-Silk camp and Kilroy-Silks", "Kilroy-Silk"],
    ["new\nHuman Rights and Human Rights", "Human Rights"],
    ["Müller and Mr Müller and Müllers", "Müller"],
    ["human rightsism, human rights", "human rights"],
    ["NATO Quorra, NATO Quorras, NATO  Quorra and NATO Quorra-Lin", "NATO Quorra"],
    ["the U.S. Army and U.S. Armys and U.S. Army's", "U.S. Army"],
    ["NATO said NATO, NATO.", "NATO"],
    // needles that do not start with a letter: a match may start inside a number, never after a letter
    ["the 1994 World Cup, the 1994 World Cups and x1994 World Cup", "1994 World Cup"],
    ["in 21994 World Cup and 1994 World Cup", "1994 World Cup"],
    ["1994 1994 1994 1994 and 1994 1994", "1994 1994"],
    ["line\n1994 World Cup and 1994 World Cup", "1994 World Cup"],
    ["Smith & Co and Smith & Co.", "& Co"],
    ["rates of 1 2 and 1 2x and 11 2", "1 2"],
    ["a £2m loss and a £2m gain", "£2m"],
  ];
  it.each(TRICKY)("counts in one pass what a scan per needle counts: %j for %j", (text, needle) => {
    const d = doc("t", ["Start.", text]);
    const all = countAll([d.sentences], [needle, "Nothing"]);
    expect(all.get(needle)).toBe(reference([d])(needle).capitalised);
    expect(all.get(needle)).toBeGreaterThan(0);
    expect(all.get("Nothing")).toBe(0);
  });

  it("counts many needles that share their first word as a scan per needle does (the index of two words)", () => {
    const random = mulberry32(11);
    const words = ["NATO", "UN", "Mira", "Quorra", "said", "the", "Lin", "of"];
    const pick = () => words[Math.floor(random() * words.length)]!;
    const seps = [" ", "  ", "-", ", ", "'s "];
    const sentence = () => Array.from({ length: 40 }, () => pick() + seps[Math.floor(random() * seps.length)]!).join("");
    const d = doc("r", Array.from({ length: 30 }, sentence));
    const needles = [...new Set(Array.from({ length: 60 }, () => `${pick()}${seps[Math.floor(random() * seps.length)]!}${pick()}`.trim()))];
    const all = countAll([d.sentences], needles);
    const scan = reference([d]);
    for (const needle of needles) expect(all.get(needle), needle).toBe(scan(needle).capitalised);
    expect(needles.filter((n) => all.get(n)! > 0).length).toBeGreaterThan(10);
  });

  it("counts many needles that start with a digit or a sign as a scan per needle does", () => {
    const random = mulberry32(7);
    const words = ["1994", "2005", "21994", "World", "Cup", "&", "Co", "x2005", "5", "£2m"];
    const pick = () => words[Math.floor(random() * words.length)]!;
    const seps = [" ", "-", ", ", "\n"];
    const sentence = () => Array.from({ length: 40 }, () => pick() + seps[Math.floor(random() * seps.length)]!).join("");
    const d = doc("r", Array.from({ length: 30 }, sentence));
    const needles = [...new Set(Array.from({ length: 60 }, () => `${pick()} ${pick()}`.trim()))].filter((n) => !/^[A-Za-z]/.test(n));
    const all = countAll([d.sentences], [...needles, "World Cup"]);
    const scan = reference([d]);
    for (const needle of [...needles, "World Cup"]) expect(all.get(needle), needle).toBe(scan(needle).capitalised);
    expect(needles.filter((n) => all.get(n)! > 0).length).toBeGreaterThan(10);
  });

  it("counts a match at the very start of the corpus, and none at another sentence's start", () => {
    const counts = new PhraseCounts().counter([doc("a", ["Human Rights first.", "Human Rights again."])]);
    expect(counts("Human Rights")).toEqual({ lower: 0, capitalised: 1 });
  });
});
