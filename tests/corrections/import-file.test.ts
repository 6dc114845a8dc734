import { describe, expect, it } from "vitest";

import { parseCorrectionsFile } from "../../server/corrections/validate.js";

const FORMAT = "entity-graph-corrections";
const ref = { id: "person:tony-blair", keys: ["k1"] };
const file = (...corrections: unknown[]) => ({ format: FORMAT, version: 1, corrections });
const refusal = (body: unknown) => {
  try {
    parseCorrectionsFile(body);
  } catch (e) {
    const err = e as { status: number; message: string; details: Record<string, unknown> };
    return { status: err.status, message: err.message, details: err.details };
  }
  return undefined;
};

describe("a corrections file is refused whole at its first problem", () => {
  const NOT_A_FILE = `not a corrections file: expected { "format": "${FORMAT}", "corrections": [...] }`;
  const rows: [string, unknown, string, Record<string, unknown>][] = [
    ["not an object", "x", NOT_A_FILE, {}],
    ["another format", { format: "gexf", corrections: [] }, NOT_A_FILE, {}],
    ["corrections not a list", { format: FORMAT, corrections: {} }, NOT_A_FILE, {}],
    ["an unknown action", file({ action: "delete", entity: ref }), "corrections[0].action: unknown action", {}],
    ["a correction that is not an object", file(null), "corrections[0].action: unknown action", {}],
    [
      "a bad entity reference names its field",
      file({ action: "merge", from: ref, into: { id: 1 } }),
      "corrections[0].into: must be { id, keys: [...] }",
      { field: "corrections[0].into" },
    ],
    [
      "the first bad correction is the one named",
      file({ action: "hide", entity: ref }, { action: "hide" }, { action: "x" }),
      "corrections[1].entity: must be { id, keys: [...] }",
      { field: "corrections[1].entity" },
    ],
    [
      "a pair's second reference",
      file({ action: "keep-apart", entities: [ref, "x"] }),
      "corrections[0].entities[1]: must be { id, keys: [...] }",
      { field: "corrections[0].entities[1]" },
    ],
    ["not a pair", file({ action: "keep-apart", entities: [ref] }), "corrections[0].entities: must be two entity references", {}],
    ["aliases that are not strings", file({ action: "split", entity: ref, aliases: [1] }), "corrections[0].aliases: must be strings", {}],
    [
      "a blank label is checked before the entity",
      file({ action: "rename", label: " " }),
      "corrections[0].label: must be a non-empty string",
      {},
    ],
    [
      "an unknown type",
      file({ action: "retype", entity: ref, type: "place" }),
      "corrections[0].type: must be one of person, country, organization, event",
      {},
    ],
  ];
  it.each(rows)("%s", (_name, body, message, details) => {
    expect(refusal(body)).toEqual({ status: 400, message, details });
  });
});

describe("a good file is read as the store keeps corrections", () => {
  it("trims labels, fills in the author, keeps a note, drops what the action does not take", () => {
    const read = parseCorrectionsFile(
      file(
        { action: "rename", entity: { ...ref, extra: 1 }, label: "  Tony Blair ", at: "2020-01-01T00:00:00Z", note: "n", stray: 1 },
        { action: "split", entity: ref, author: "ann", at: "2020-01-02T00:00:00Z" },
      ),
    );
    expect(read.corrections).toEqual([
      { action: "rename", entity: ref, label: "Tony Blair", author: "imported", at: "2020-01-01T00:00:00Z", note: "n" },
      { action: "split", entity: ref, aliases: [], documents: [], author: "ann", at: "2020-01-02T00:00:00Z" },
    ]);
  });
});
