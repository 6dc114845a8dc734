// Stance test rows run through the whole pipeline: one document in, the stance triples of its graph out.
import { expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";

/** Stance triples "Holder -stance-> Target" (entity labels) found in one document, with their confidence. */
export function stances(text: string): { triple: string; confidence: number }[] {
  const ex = buildExtraction([extractDocument({ text })]);
  const label = new Map(ex.entities.map((e) => [e.id, e.label]));
  return ex.edges
    .filter((e) => e.kind === "stance")
    .map((e) => ({ triple: `${label.get(e.source)} -${e.stance}-> ${label.get(e.target)}`, confidence: e.evidence[0]!.confidence! }));
}
export const triples = (text: string) =>
  stances(text)
    .map((s) => s.triple)
    .sort();

/** Table rows [sentence, expected triples]: each sentence gives exactly those stances. */
export function findsEach(rows: [string, string[]][]): void {
  it.each(rows)("%j", (text, expected) => {
    expect(triples(text)).toEqual([...expected].sort());
  });
}
/** Table rows [sentence]: each sentence gives no stance at all. */
export function findsNothingIn(rows: [string][]): void {
  it.each(rows)("%j gives nothing", (text) => {
    expect(triples(text)).toEqual([]);
  });
}
