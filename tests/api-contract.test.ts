// Every route's answer against its schema (common/api/): on the seeds behind the real app with a store, each route
// is called and its body parsed. Parsing must also give the body back unchanged: a field the server sends that the
// schema does not name would be stripped, so drift either way fails. The server's own answer types must fit too.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";

import { type Answer, type AnswerName, answers } from "../common/api/index.js";
import type { Duplicate } from "../server/corrections/review.js";
import type { correctionsLog } from "../server/corrections/service.js";
import type { ReadModel } from "../server/read/model.js";
import { openSeedStore } from "./corrections/fixtures.js";
import { tempDir } from "./store/fixtures.js";

const { dir, remove } = tempDir("api-contract-");
let ctx: Awaited<ReturnType<typeof openSeedStore>>;
beforeAll(async () => {
  ctx = await openSeedStore(`${dir}/graph.db`, { seed: true });
});
afterAll(() => {
  ctx.store.close();
  remove();
});

const checked = new Set<AnswerName>();
function fits(name: AnswerName, body: unknown): void {
  const schema: z.ZodType = answers[name];
  const read = schema.safeParse(body);
  expect(read.success ? "fits" : read.error.message, name).toBe("fits");
  expect(read.data, `${name}: fields the schema does not name`).toEqual(body);
  checked.add(name);
}

describe("every API answer fits its schema", () => {
  it("reads: health, graph and its header, entity, edge, search, documents, document, duplicates", async () => {
    fits("health", (await ctx.api().get("/api/health").expect(200)).body);
    for (const query of ["", "?types=person,country&kinds=support,oppose&linked=1", "?focus=country:russia&hops=2&limit=5"]) {
      const res = await ctx.api().get(`/api/graph${query}`).expect(200);
      fits("graph", res.body);
      fits("graphView", JSON.parse(res.headers["x-graph-view"]!));
    }
    const graph = (await ctx.api().get("/api/graph?limit=10000").expect(200)).body as Answer<"graph">;
    for (const node of graph.nodes.slice(0, 8)) fits("entity", (await ctx.api().get(`/api/entities/${encodeURIComponent(node.key)}`)).body);
    const stance = graph.edges.find((e) => e.attributes.kind === "stance");
    const coMention = graph.edges.find((e) => e.attributes.kind === "co-mention");
    expect(stance && coMention).toBeTruthy();
    for (const e of [stance!, coMention!])
      fits(
        "edge",
        (
          await ctx
            .api()
            .get(`/api/edges/${encodeURIComponent(e.key)}`)
            .expect(200)
        ).body,
      );
    fits("search", (await ctx.api().get("/api/search?q=pu").expect(200)).body);
    const documents = (await ctx.api().get("/api/documents").expect(200)).body as Answer<"documents">;
    fits("documents", documents);
    fits("document", (await ctx.api().get(`/api/documents/${documents[0]!.id}`).expect(200)).body);
    fits("duplicates", (await ctx.api().get("/api/review/duplicates?limit=5").expect(200)).body);
  });

  it("writes: add and delete a document; correct, undo, export and import corrections", async () => {
    const added = (
      await ctx.api().post("/api/documents").send({ title: "Contract", text: "Olaf Scholz met Donald Tusk in Warsaw." }).expect(201)
    ).body as Answer<"added">;
    fits("added", added);
    fits("deleted", (await ctx.api().delete(`/api/documents/${added.documents[0]!.id}`).expect(200)).body);
    const made = (
      await ctx.api().post("/api/corrections").send({ action: "rename", entity: "organization:eu", label: "European Union" }).expect(201)
    ).body as Answer<"correction">;
    fits("correction", made);
    fits("corrections", (await ctx.api().get("/api/corrections").expect(200)).body);
    const file = (await ctx.api().get("/api/corrections/export").expect(200)).body;
    fits("correctionsFile", file);
    fits("correction", (await ctx.api().delete(`/api/corrections/${made.correction!.id}`).expect(200)).body);
    fits("imported", (await ctx.api().post("/api/corrections/import").send(file).expect(201)).body);
  });

  it("errors: 400 and 404 answer { error, ... }", async () => {
    fits("error", (await ctx.api().get("/api/graph?hops=3").expect(400)).body);
    fits("error", (await ctx.api().get("/api/entities/person:nobody").expect(404)).body);
    fits("error", (await ctx.api().post("/api/corrections").send({ action: "hide" }).expect(400)).body);
  });

  it("left no answer schema unchecked", () => {
    expect(Object.keys(answers).filter((name) => !checked.has(name as AnswerName))).toEqual([]);
  });
});

describe("the server's answer types are the contract's", () => {
  it("type-checks (tsc)", () => {
    expectTypeOf<NonNullable<Awaited<ReturnType<ReadModel["entity"]>>>>().toExtend<Answer<"entity">>();
    expectTypeOf<NonNullable<Awaited<ReturnType<ReadModel["edge"]>>>>().toExtend<Answer<"edge">>();
    expectTypeOf<NonNullable<Awaited<ReturnType<ReadModel["document"]>>>>().toExtend<Answer<"document">>();
    expectTypeOf<ReturnType<ReadModel["documents"]>>().toExtend<Answer<"documents">>();
    expectTypeOf<{ duplicates: Duplicate[] }>().toExtend<Answer<"duplicates">>();
    expectTypeOf<{ corrections: ReturnType<typeof correctionsLog> }>().toExtend<Answer<"corrections">>();
  });
});
