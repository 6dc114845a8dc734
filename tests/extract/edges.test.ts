import { describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";

describe("co-mention edges", () => {
  it("links entities named in the same sentence, one evidence per sentence", () => {
    const ex = buildExtraction([
      extractDocument({ text: "Poland and Germany signed it. Poland and Germany agreed again. Spain waited." }),
    ]);
    expect(ex.edges.map((e) => [e.id, e.kind, e.evidence.length])).toEqual([
      ["country:germany--country:poland", "co-mention", 2],
    ]);
  });

  it.each([["Spain waited."], ["Nobody came."], ["Poland, Poland and Poland."]])("%j gives no edge", (text) => {
    expect(buildExtraction([extractDocument({ text })]).edges).toEqual([]);
  });
});
