// Graph views are cached under a canonical query: queries that must give the same subgraph share one key (so
// `limit=401` and `limit=402` on a smaller graph do not pin two copies), and queries that differ keep theirs.
import fc from "fast-check";
import request from "supertest";
import { describe, expect, it } from "vitest";

import { createApp } from "../server/api/app.js";
import { approximateBytes, cachedAnswerAsync, responseCacheBytes } from "../server/read/cache.js";
import { EDGE_FILTER_KINDS, type GraphQuery, filterGraph, parseGraphQuery } from "../server/graph/filter.js";
import { canonicalGraphQuery, graphQueryKey } from "../server/graph/query-key.js";
import { ENTITY_TYPES } from "../server/types.js";
import { newsCorpus } from "./e2e/fixtures.js";
import { seedCorpus } from "./helpers/server.js";

const corpus = newsCorpus();
const key = (raw: Record<string, string>) => graphQueryKey(parseGraphQuery(raw), corpus);
const dates = corpus.extraction.documents.flatMap((d) => (d.date ? [d.date] : [])).sort();

describe("canonical graph query", () => {
  it.each<[string, Record<string, string>, Record<string, string>]>([
    ["limits above the node count", { limit: "401" }, { limit: "402" }],
    ["no limit and a limit above the node count", {}, { limit: "10000" }],
    ["minMentions above the largest count", { minMentions: "10000" }, { minMentions: "10001" }],
    ["minMentions 0, 1 and none", { minMentions: "0" }, { minMentions: "1" }],
    ["minWeight above the heaviest edge", { minWeight: "900" }, { minWeight: "901" }],
    ["types in another order, repeated", { types: "person,country" }, { types: "country,person,person" }],
    ["every type and no type filter", { types: ENTITY_TYPES.join(",") }, {}],
    ["every edge kind and no kind filter", { kinds: EDGE_FILTER_KINDS.join(",") }, {}],
    ["date ranges holding the same documents", { from: "2000-01-01", to: "2025-01-31" }, { from: dates[0]!, to: "2025-02-09" }],
    ["two empty date ranges", { from: "1990-01-01", to: "1990-02-01" }, { from: "2099-01-01" }],
    ["minConfidence 0 and none", { minConfidence: "0" }, {}],
  ])("one key for %s", (_name, a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it.each<[string, Record<string, string>, Record<string, string>]>([
    ["two limits below the node count", { limit: "3" }, { limit: "4" }],
    ["two minMentions within the counts", { minMentions: "2" }, { minMentions: "3" }],
    ["a type filter and none", { types: "person" }, {}],
    ["ranges holding different documents", { from: dates[0]! }, { from: dates[1]! }],
    ["a range and none (undated documents drop out)", { from: "2000-01-01" }, {}],
    ["hops 1 and 2", { focus: "person:volodymyr-zelensky", hops: "1" }, { focus: "person:volodymyr-zelensky", hops: "2" }],
    ["two min confidences", { minConfidence: "0.5" }, { minConfidence: "0.95" }],
    ["a min confidence and none", { minConfidence: "0.5" }, {}],
  ])("two keys for %s", (_name, a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  // The canonical form must never change the answer: for random queries, the same subgraph with the same counts.
  const someOf = <T extends string>(all: readonly T[]) => fc.option(fc.subarray([...all]), { nil: undefined });
  const dateArb = fc.option(fc.constantFrom("2000-01-01", ...dates, "2025-02-01", "2030-12-31"), { nil: undefined });
  const queryArb = fc
    .record({
      types: someOf(ENTITY_TYPES),
      kinds: someOf(EDGE_FILTER_KINDS),
      minMentions: fc.option(fc.nat(12), { nil: undefined }),
      minWeight: fc.option(fc.nat(6), { nil: undefined }),
      minConfidence: fc.option(fc.constantFrom(0, 0.5, 0.8, 0.95, 1), { nil: undefined }),
      from: dateArb,
      to: dateArb,
      limit: fc.option(fc.nat(40), { nil: undefined }),
    })
    .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as GraphQuery)
    .filter((q) => !(q.from && q.to && q.from > q.to));

  it.each([
    ["the news fixture", corpus],
    ["the seeds", seedCorpus()],
  ])("answers every query as the canonical one does (%s)", (_name, source) => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const exported = (q: GraphQuery) => {
          const { graph, ...counts } = filterGraph(source, q);
          return { graph: graph.export(), counts };
        };
        expect(exported(canonicalGraphQuery(query, source))).toEqual(exported(query));
      }),
      { numRuns: 150 },
    );
  });
});

describe("response cache", () => {
  it("keeps one copy for limit=401 and limit=402", async () => {
    const app = createApp({ corpus: () => corpus });
    await request(app).get("/api/graph?limit=401").expect(200);
    const after401 = responseCacheBytes().used;
    await request(app).get("/api/graph?limit=402").expect(200);
    expect(responseCacheBytes().used).toBe(after401);
  });

  it("counts a pooled Buffer by the block it keeps alive", () => {
    const small = Buffer.from("a few bytes"); // a slice of Node's shared 8 KB pool
    expect(approximateBytes(small)).toBeGreaterThanOrEqual(small.buffer.byteLength);
    expect(approximateBytes({ body: Buffer.allocUnsafeSlow(100), etag: "abcd" })).toBeGreaterThanOrEqual(108);
  });

  it("computes an answer once when misses for its key come while it is being computed, and keeps it", async () => {
    let computed = 0;
    const slow = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { n: computed };
    };
    const answers = await Promise.all([1, 2, 3].map(() => cachedAnswerAsync("test:shared", slow)));
    expect(answers).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(await cachedAnswerAsync("test:shared", slow)).toEqual({ n: 1 });
    expect(computed).toBe(1);
  });

  it("shares a failed computation's error with every miss that waited for it, and keeps nothing", async () => {
    let computed = 0;
    const failing = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error(`failed ${computed}`);
    };
    const answers = await Promise.allSettled([1, 2].map(() => cachedAnswerAsync("test:failing", failing)));
    expect(answers.map((a) => a.status === "rejected" && (a.reason as Error).message)).toEqual(["failed 1", "failed 1"]);
    await expect(cachedAnswerAsync("test:failing", failing)).rejects.toThrow("failed 2");
  });
});
