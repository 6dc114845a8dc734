// POST/GET/DELETE /api/corrections on the seeds: each kind of correction, what it answers, the 404 of a merged
// entity, bad corrections (4xx, nothing changed), and the corrections kept across a restart, `ingest --rebuild`,
// a new document and undo.
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { tempDir } from "../store/fixtures.js";
import { openSeedStore, rebuildStore } from "./fixtures.js";

const { dir, remove } = tempDir("corrections-api-");
afterAll(remove);

type Ctx = Awaited<ReturnType<typeof openSeedStore>>;
const graphOf = async (ctx: Ctx) => (await ctx.api().get("/api/graph?limit=10000").expect(200)).body;
const nodeIds = async (ctx: Ctx) => (await graphOf(ctx)).nodes.map((n: { key: string }) => n.key) as string[];
const entity = async (ctx: Ctx, id: string) => ctx.api().get(`/api/entities/${encodeURIComponent(id)}`);

/** Every kind, on the seeds; `check` is what must hold while the correction is in force. */
const CORRECTIONS = [
  {
    body: { action: "merge", from: "person:olaf-scholz", into: "person:donald-tusk", note: "test merge" },
    check: async (ctx: Ctx) => {
      const gone = await entity(ctx, "person:olaf-scholz");
      expect(gone.status).toBe(404);
      expect(gone.body).toMatchObject({ mergedInto: "person:donald-tusk" });
      expect(gone.body.error).toContain("merged into");
      expect((await entity(ctx, "person:donald-tusk")).body.aliases).toContain("Olaf Scholz");
    },
  },
  {
    body: { action: "split", entity: "country:russia", aliases: ["Kremlin"] },
    check: async (ctx: Ctx) => {
      const russia = (await entity(ctx, "country:russia")).body;
      expect(russia.aliases).not.toContain("Kremlin");
      const kremlin = (await entity(ctx, "country:kremlin")).body;
      expect(kremlin).toMatchObject({ label: "Kremlin", type: "country", aliases: ["Kremlin"] });
    },
  },
  {
    body: { action: "rename", entity: "organization:eu", label: "European Union" },
    check: async (ctx: Ctx) => expect((await entity(ctx, "organization:eu")).body.label).toBe("European Union"),
  },
  {
    body: { action: "retype", entity: "organization:coalition-of-the-willing", type: "event" },
    check: async (ctx: Ctx) => {
      expect((await entity(ctx, "organization:coalition-of-the-willing")).body.mergedInto).toBe("event:coalition-of-the-willing");
      expect((await entity(ctx, "event:coalition-of-the-willing")).body.type).toBe("event");
    },
  },
  {
    body: { action: "hide", entity: "organization:youtube" },
    check: async (ctx: Ctx) => {
      expect((await entity(ctx, "organization:youtube")).body).toMatchObject({ hidden: true });
      expect(await nodeIds(ctx)).not.toContain("organization:youtube");
      const edges = (await graphOf(ctx)).edges as { source: string; target: string }[];
      expect(edges.some((e) => e.source === "organization:youtube" || e.target === "organization:youtube")).toBe(false);
    },
  },
  {
    body: { action: "keep-apart", entities: ["person:donald-trump", "person:donald-tusk"] },
    check: async (ctx: Ctx) => {
      const res = await ctx
        .api()
        .post("/api/corrections")
        .send({ action: "merge", from: "person:donald-tusk", into: "person:donald-trump" });
      expect(res.status).toBe(409);
      expect(res.body.error).toContain("kept apart");
    },
  },
];

const checkAll = async (ctx: Ctx) => {
  for (const c of CORRECTIONS) await c.check(ctx);
};

describe("corrections through the API, kept across restart, rebuild and new documents", () => {
  let ctx: Ctx;
  let original: unknown;
  const path = join(dir, "graph.db");

  beforeAll(async () => {
    ctx = await openSeedStore(path, { seed: true });
    original = await graphOf(ctx);
  });

  it("applies each kind and answers with the change", async () => {
    const answers = [];
    for (const c of CORRECTIONS) {
      const res = await ctx.api().post("/api/corrections").send(c.body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      answers.push(res.body);
    }
    const [merge, split, rename, retype, hide] = answers;
    expect(merge.correction).toMatchObject({ id: 1, action: "merge", author: "local", note: "test merge" });
    expect(merge.correction.from).toEqual({ id: "person:olaf-scholz", keys: ["person:olaf scholz"] });
    expect(merge.change.entities.removed).toEqual(["person:olaf-scholz"]);
    expect(merge.change.entities.updated).toContain("person:donald-tusk");
    expect(split.change.entities.added).toEqual(["country:kremlin"]);
    expect(rename.change.entities.relabelled).toEqual([{ id: "organization:eu", from: "EU", to: "European Union" }]);
    expect(retype.change.entities).toMatchObject({
      added: ["event:coalition-of-the-willing"],
      removed: ["organization:coalition-of-the-willing"],
    });
    expect(hide.change.entities.removed).toEqual(["organization:youtube"]);
    await checkAll(ctx);

    const log = (await ctx.api().get("/api/corrections").expect(200)).body.corrections;
    expect(log.map((c: { action: string }) => c.action)).toEqual(["merge", "split", "rename", "retype", "hide", "keep-apart"]);
    for (const c of log) {
      expect(c).toMatchObject({ author: "local", status: "applied" });
      expect(Date.parse(c.at)).toBeGreaterThan(Date.now() - 600_000);
    }
  });

  it("refuses bad corrections with a 4xx that says why, and changes nothing", async () => {
    const before = await graphOf(ctx);
    const version = (await ctx.store.load()).version;
    const BAD: [body: unknown, status: number, message: string][] = [
      [{ action: "merge", from: "person:nobody-at-all", into: "person:donald-trump" }, 404, "from: unknown entity person:nobody-at-all"],
      [{ action: "merge", from: "person:donald-trump", into: "person:donald-trump" }, 400, "into: cannot merge an entity into itself"],
      // Olaf Scholz went into Donald Tusk (a test merge): the other way round is a cycle.
      [{ action: "merge", from: "person:donald-tusk", into: "person:olaf-scholz" }, 409, "cycle"],
      [{ action: "merge", from: "person:olaf-scholz", into: "organization:nato" }, 404, "was merged into"],
      [{ action: "split", entity: "person:vladimir-putin", aliases: ["Vlad"] }, 400, 'aliases: person:vladimir-putin has no alias "Vlad"'],
      [{ action: "split", entity: "person:piers-morgan", aliases: ["Piers Morgan"] }, 400, "every mention"],
      [{ action: "split", entity: "person:vladimir-putin" }, 400, "aliases: name at least one alias"],
      [{ action: "rename", entity: "person:vladimir-putin", label: "  " }, 400, "label: must be a non-empty string"],
      [{ action: "rename", entity: "person:vladimir-putin", label: "Vladimir Putin" }, 400, "already called"],
      [{ action: "retype", entity: "person:vladimir-putin", type: "planet" }, 400, "type: must be one of person, country"],
      [{ action: "hide", entity: "organization:youtube" }, 404, "hidden"],
      [{ action: "keep-apart", entities: ["person:donald-trump"] }, 400, "entities: must be an array of two entity ids"],
      [{ action: "keep-apart", entities: ["person:donald-trump", "person:donald-trump"] }, 400, "from itself"],
      [{ action: "forget", entity: "person:donald-trump" }, 400, "action: must be one of merge, split"],
      [{ action: "hide", entity: "person:donald-trump", colour: "red" }, 400, "colour: unknown field for hide"],
      [[1, 2], 400, "JSON object"],
    ];
    for (const [body, status, message] of BAD) {
      const res = await ctx
        .api()
        .post("/api/corrections")
        .send(body as object);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error).toContain(message);
    }
    const invalid = await ctx.api().post("/api/corrections").set("Content-Type", "application/json").send("{ not json");
    expect(invalid.status).toBe(400);
    expect((await ctx.api().delete("/api/corrections/999")).status).toBe(404);
    expect((await ctx.api().delete("/api/corrections/abc")).status).toBe(400);
    expect(await graphOf(ctx)).toEqual(before);
    expect((await ctx.store.load()).version).toBe(version);
  });

  it("keeps every correction in force after a restart, `npm run ingest -- --rebuild` and a new document", async () => {
    const corrected = await graphOf(ctx);
    await ctx.store.close();
    ctx = await openSeedStore(path);
    expect(await graphOf(ctx)).toEqual(corrected);
    await ctx.store.close();

    const rebuild = rebuildStore(path);
    expect(rebuild.status, rebuild.stderr).toBe(0);
    ctx = await openSeedStore(path);
    expect(await graphOf(ctx)).toEqual(corrected);

    const kremlin = (await entity(ctx, "country:kremlin")).body.mentions;
    await ctx
      .api()
      .post("/api/documents")
      .send({
        title: "Army briefing",
        text: "The Ukrainian Armed Forces said the Kremlin had moved troops.\nDonald Tusk met Donald Trump.",
      })
      .expect(201);
    await checkAll(ctx);
    // The new document's "Kremlin" joins the split-out entity, not Russia.
    expect((await entity(ctx, "country:kremlin")).body.mentions).toBe(kremlin + 1);
  });

  it("undoes each correction; with all undone the graph is the original again", async () => {
    const added = (await ctx.api().get("/api/documents").expect(200)).body.find((d: { title: string }) => d.title === "Army briefing");
    await ctx.api().delete(`/api/documents/${added.id}`).expect(200);
    const undo = await ctx.api().delete("/api/corrections/3").expect(200);
    expect(undo.body.change.entities.relabelled).toEqual([{ id: "organization:eu", from: "European Union", to: "EU" }]);
    expect((await entity(ctx, "organization:eu")).body.label).toBe("EU");
    for (const id of [1, 2, 4, 5, 6]) await ctx.api().delete(`/api/corrections/${id}`).expect(200);
    expect((await ctx.api().get("/api/corrections").expect(200)).body.corrections).toEqual([]);
    expect(await graphOf(ctx)).toEqual(original);
    // An undone id is never given again.
    const next = await ctx.api().post("/api/corrections").send({ action: "hide", entity: "organization:youtube" }).expect(201);
    expect(next.body.correction.id).toBe(7);
    await ctx.store.close();
  });
});

describe("exports carry the corrections; corrections.json moves them to another store", () => {
  it("GEXF and JSON show the corrected graph, and importing the export gives another store the same graph", async () => {
    const a = await openSeedStore(join(dir, "export-a.db"), { seed: true });
    await a.api().post("/api/corrections").send({ action: "merge", from: "person:olaf-scholz", into: "person:donald-tusk" }).expect(201);
    await a
      .api()
      .post("/api/corrections")
      .send({ action: "rename", entity: "organization:eu", label: "European Union", note: "spelled out" })
      .expect(201);
    const gexf = (await a.api().get("/api/export.gexf").expect(200)).text;
    expect(gexf).not.toContain('id="person:olaf-scholz"');
    expect(gexf).toContain('label="European Union"');
    expect((await graphOf(a)).nodes.map((n: { key: string }) => n.key)).not.toContain("person:olaf-scholz");

    const exported = await a.api().get("/api/corrections/export").expect(200);
    expect(exported.headers["content-disposition"]).toContain("corrections.json");
    expect(exported.body).toMatchObject({ format: "entity-graph-corrections", version: 1 });
    expect(exported.body.corrections[1]).toMatchObject({ action: "rename", label: "European Union", note: "spelled out", author: "local" });

    const b = await openSeedStore(join(dir, "export-b.db"), { seed: true });
    await b.api().post("/api/corrections/import").send({ corrections: [] }).expect(400);
    const bad = { ...exported.body, corrections: [{ action: "merge", from: { id: "x" } }] };
    expect((await b.api().post("/api/corrections/import").send(bad)).body.error).toContain("corrections[0].from: must be { id, keys");
    const imported = await b.api().post("/api/corrections/import").send(exported.body).expect(201);
    expect(imported.body.imported.map((c: { status: string }) => c.status)).toEqual(["applied", "applied"]);
    expect(await graphOf(b)).toEqual(await graphOf(a));
    await Promise.all([a.store.close(), b.store.close()]);
  });
});
