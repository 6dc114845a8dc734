// The corrections stage on small invented corpora: what each correction does, that entities it does not concern
// keep their ids and records, and that a decision still holds when new documents change what resolution does.
import { describe, expect, it } from "vitest";

import { buildExtraction, extractDocument } from "../../server/extract/index.js";
import type { Correction, CorrectionChange, Extraction } from "../../server/types.js";

const TEXTS = [
  "Donald Tusk spoke in Warsaw on Monday.",
  "Anna Tusk opened a gallery in Gdansk.",
  "Marta Vell met Donald Tusk in Warsaw.",
  "Tusk said the talks would go on in Krakow.",
];
const docs = TEXTS.map((text) => extractDocument({ text }));
const ref = (ex: Extraction, id: string) => ({
  id,
  keys: [...new Set(ex.mentions.filter((m) => m.entityId === id).map((m) => m.cluster))],
});
const log = (...changes: CorrectionChange[]): Correction[] =>
  changes.map((c, i) => ({ ...c, id: i + 1, author: "local", at: "2026-01-01T00:00:00Z" }) as Correction);
const byId = (ex: Extraction) => new Map(ex.entities.map((e) => [e.id, e]));

describe("applyCorrections", () => {
  const plain = buildExtraction(docs);
  const r = (id: string) => ref(plain, id);

  it("leaves the extraction as it is without corrections", () => {
    expect(plain.corrections).toBeUndefined();
    expect(plain.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(["person:donald-tusk", "person:anna-tusk", "person:tusk", "person:marta-vell", "country:poland"]),
    );
  });

  const ROWS: [name: string, change: CorrectionChange, expectIn: (ex: Extraction) => void][] = [
    [
      "merge: the lone surname joins the full name, whose id and label stay",
      { action: "merge", from: r("person:tusk"), into: r("person:donald-tusk") },
      (ex) => {
        expect(byId(ex).has("person:tusk")).toBe(false);
        expect(byId(ex).get("person:donald-tusk")).toMatchObject({ label: "Donald Tusk", aliases: ["Donald Tusk", "Tusk"] });
        expect(ex.corrections!.gone["person:tusk"]).toEqual({ action: "merge", to: "person:donald-tusk", correction: 1 });
      },
    ],
    [
      "split by document: the mentions of one article become an entity of their own",
      { action: "split", entity: r("person:donald-tusk"), aliases: [], documents: [docs[2]!.doc.id] },
      (ex) => {
        expect(byId(ex).get("person:donald-tusk-2")).toMatchObject({ label: "Donald Tusk" });
        expect(ex.mentions.filter((m) => m.entityId === "person:donald-tusk-2").every((m) => m.docId === docs[2]!.doc.id)).toBe(true);
        expect(ex.edges.map((e) => e.id)).toContain("person:donald-tusk-2--person:marta-vell");
      },
    ],
    [
      "rename: the label changes, the id does not",
      { action: "rename", entity: r("person:marta-vell"), label: "Marta Vell-Lind" },
      (ex) => expect(byId(ex).get("person:marta-vell")!.label).toBe("Marta Vell-Lind"),
    ],
    [
      "retype: a new id of the new type, and the mentions carry the type",
      { action: "retype", entity: r("person:marta-vell"), type: "organization" },
      (ex) => {
        expect(byId(ex).get("organization:marta-vell")!.type).toBe("organization");
        expect(ex.mentions.filter((m) => m.entityId === "organization:marta-vell").every((m) => m.type === "organization")).toBe(true);
      },
    ],
    [
      "hide: the entity, its mentions and its edges go",
      { action: "hide", entity: r("person:marta-vell") },
      (ex) => {
        expect(byId(ex).has("person:marta-vell")).toBe(false);
        expect(ex.mentions.some((m) => m.entityId === "person:marta-vell")).toBe(false);
        expect(ex.edges.some((e) => e.source === "person:marta-vell" || e.target === "person:marta-vell")).toBe(false);
      },
    ],
  ];

  it.each(ROWS)("%s; every other entity keeps its record", (_name, change, check) => {
    const ex = buildExtraction(docs, { corrections: log(change) });
    expect(ex.corrections!.log[0]!.status).toBe("applied");
    check(ex);
    const concerned = new Set([...JSON.stringify(change).matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]));
    const after = byId(ex);
    for (const e of plain.entities) if (!concerned.has(e.id) && after.has(e.id)) expect(after.get(e.id)).toEqual(e);
  });

  // Must change nothing: corrections naming what is not there, or asking for what already holds.
  const NOTHING: [name: string, change: CorrectionChange, status: string][] = [
    ["an entity no document names", { action: "hide", entity: { id: "person:nobody", keys: ["person:nobody"] } }, "unresolved"],
    ["a merge of an entity into itself", { action: "merge", from: r("person:tusk"), into: r("person:tusk") }, "no-op"],
    ["a rename to the label it has", { action: "rename", entity: r("person:anna-tusk"), label: "Anna Tusk" }, "no-op"],
    ["a split of an alias no mention has", { action: "split", entity: r("person:anna-tusk"), aliases: ["Tusk"], documents: [] }, "no-op"],
    ["keep apart two entities that are apart", { action: "keep-apart", entities: [r("person:tusk"), r("person:anna-tusk")] }, "applied"],
  ];

  it.each(NOTHING)("%s changes nothing", (_name, change, status) => {
    const ex = buildExtraction(docs, { corrections: log(change) });
    expect(ex.corrections!.log[0]!.status).toBe(status);
    expect(ex.entities).toEqual(plain.entities);
    expect(ex.edges).toEqual(plain.edges);
  });

  it("finds an entity by its cluster keys when its id changed (a rebuild chose another label)", () => {
    const ex = buildExtraction(docs, {
      corrections: log({ action: "rename", entity: { id: "person:old-id", keys: ["person:marta vell"] }, label: "M. Vell" }),
    });
    expect(byId(ex).get("person:marta-vell")!.label).toBe("M. Vell");
  });

  it("keeps apart what a later resolution would join: without Anna Tusk, 'Tusk' alone would go to Donald Tusk", () => {
    const keep = log({ action: "keep-apart", entities: [r("person:donald-tusk"), r("person:tusk")] });
    const fewer = [docs[0]!, docs[2]!, docs[3]!];
    expect(buildExtraction(fewer).entities.map((e) => e.id)).not.toContain("person:tusk");
    const ex = buildExtraction(fewer, { corrections: keep });
    expect(byId(ex).get("person:tusk")).toMatchObject({ label: "Tusk", aliases: ["Tusk"] });
    expect(byId(ex).get("person:donald-tusk")!.aliases).not.toContain("Tusk");
  });
});
