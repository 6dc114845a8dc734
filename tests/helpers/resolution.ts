// Corpus helpers for the resolution tables: a corpus built from invented texts, and the labels it gives a type.
import { buildExtraction, extractDocument } from "../../server/extract/index.js";

export const corpus = (...texts: string[]) => buildExtraction(texts.map((text) => extractDocument({ text })));
export const labels = (type: string, ...texts: string[]) =>
  corpus(...texts)
    .entities.filter((e) => e.type === type)
    .map((e) => e.label)
    .sort();
export const repeat = (n: number, text: string) => Array.from({ length: n }, (_, i) => text.replace("#", String(i)));
