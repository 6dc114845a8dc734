// Small corpora for the filter unit tests and the browser tests: real extraction over short texts, plus one
// hand-made stance (short texts may carry none of their own), so every panel section has something to show.
import { ReadModel } from "../../server/read/model.js";
import { extractDocument } from "../../server/extract/index.js";
import type { DocExtraction, DocumentInput, StanceMention } from "../../server/types.js";

export const NEWS: DocumentInput[] = [
  {
    title: "Paris and Berlin agree",
    date: "2025-01-10",
    source: "fixture",
    text: "Emmanuel Macron met Olaf Scholz in Berlin.\nFrance and Germany agreed on a plan with NATO.\nMacron spoke to Scholz again about Ukraine.",
  },
  {
    title: "Kyiv asks for help",
    date: "2025-02-10",
    source: "fixture",
    text: "Volodymyr Zelensky asked NATO for help.\nUkraine and Russia are at war, said Zelensky.\nThe United Nations urged calm in Ukraine.",
  },
  {
    title: "London and Washington",
    source: "fixture",
    text: "Keir Starmer visited Washington.\nThe United Kingdom and the United States signed a deal.",
  },
];

/** Zelensky opposes Russia, in "Ukraine and Russia are at war, said Zelensky." (cue "at war"). */
function withStance(d: DocExtraction): DocExtraction {
  const sentence = d.sentences.find((s) => s.text.startsWith("Ukraine and Russia"));
  if (!sentence) return d;
  const holder = d.mentions.findIndex((m) => m.sentenceId === sentence.id && m.name.includes("Zelensky"));
  const target = d.mentions.findIndex((m) => m.sentenceId === sentence.id && m.name === "Russia");
  const at = sentence.text.indexOf("at war");
  const stance: StanceMention = {
    sentenceId: sentence.id,
    holder,
    target,
    stance: "oppose",
    cue: "at war",
    confidence: 0.8,
    cueSpan: [at, at + "at war".length],
  };
  return { ...d, stances: [stance] };
}

export function newsCorpus(extra: DocumentInput[] = []): ReadModel {
  return new ReadModel([...NEWS, ...extra].map((input) => withStance(extractDocument(input))));
}
