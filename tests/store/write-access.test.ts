// Who may write: same-site requests only (Host on the allowlist, Origin and Sec-Fetch-Site of this server), with
// and without API_TOKEN, and what a proxy in front changes (TRUST_PROXY). Each refusal is a 403 with a message.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessFromEnv } from "../../server/api/access.js";
import { type AppOptions, createApp } from "../../server/api/app.js";
import { CorpusWriter, buildReadModel } from "../../server/corpus-writer.js";
import { SqliteStore } from "../../server/store/sqlite.js";
import { syntheticArticle, tempDir } from "./fixtures.js";

const { dir, remove } = tempDir("write-access-");
afterAll(remove);

const TOKEN = "s3cret-token";
let service: CorpusWriter;
let n = 500;
beforeAll(async () => {
  service = await CorpusWriter.open(new SqliteStore(`${dir}/graph.db`), buildReadModel);
});

const app = (options: { token?: string; allowedHosts?: string[]; trustProxy?: AppOptions["trustProxy"] } = {}) =>
  createApp({
    corpus: () => service.current(),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    write: {
      service,
      maxBodyBytes: 1 << 20,
      ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
      ...(options.token ? { token: options.token } : {}),
    },
  });

type Headers = Record<string, string>;

/** Posts a fresh article with the headers; `port` stands for the test server's own port in Host and Origin. */
async function post(target: ReturnType<typeof app>, headers: Headers, body: "json" | "text" | "form" = "json") {
  const server = target.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as { port: number }).port;
  try {
    let req = request(server).post("/api/documents");
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v.replace("PORT", String(port)));
    const text = syntheticArticle(n++).text;
    if (body === "form") return await req.attach("files", Buffer.from(text), "a.txt");
    if (body === "text") return await req.set("content-type", "text/plain").send(`x. ${text}`);
    return await req.send({ text });
  } finally {
    await new Promise((r) => server.close(r));
  }
}

const withToken = { authorization: `Bearer ${TOKEN}` };

describe.each([
  ["without API_TOKEN", undefined, {}],
  ["with API_TOKEN", TOKEN, withToken],
])("writes %s", (_name, token, auth: Headers) => {
  it.each<[string, Headers, "json" | "text" | "form", number, RegExp | undefined]>([
    // refused
    [
      "a cross-origin text post",
      { origin: "http://evil.example" },
      "text",
      403,
      /cross-origin write refused: Origin http:\/\/evil.example/,
    ],
    ["a cross-origin multipart form", { origin: "http://evil.example" }, "form", 403, /cross-origin write refused/],
    ["another port of this machine", { origin: "http://127.0.0.1:1" }, "json", 403, /cross-origin write refused/],
    ["Origin: null (a sandboxed page)", { origin: "null" }, "json", 403, /cross-origin write refused: Origin null/],
    ["a foreign Host (DNS rebinding)", { host: "attacker.example" }, "json", 403, /Host "attacker.example" is not allowed/],
    [
      "a foreign Host with its own Origin",
      { host: "attacker.example:PORT", origin: "http://attacker.example:PORT" },
      "json",
      403,
      /Host "attacker.example" is not allowed/,
    ],
    ["a Host with a port that is none", { host: "localhost:abc", origin: "http://localhost:3000" }, "json", 403, /valid Host header/],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }, "json", 403, /Sec-Fetch-Site: cross-site/],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }, "form", 403, /Sec-Fetch-Site: same-site/],
    // accepted: the page's own writes and command-line clients
    ["no Origin (curl)", {}, "json", 201, undefined],
    ["this server's Origin", { origin: "http://127.0.0.1:PORT", "sec-fetch-site": "same-origin" }, "form", 201, undefined],
    ["localhost as Host and Origin", { host: "localhost:PORT", origin: "http://localhost:PORT" }, "json", 201, undefined],
    ["[::1] as Host", { host: "[::1]:PORT" }, "text", 201, undefined],
    ["Sec-Fetch-Site: none (typed by the user)", { "sec-fetch-site": "none" }, "json", 201, undefined],
  ])("%s", async (_case, headers, body, status, message) => {
    const res = await post(app(token ? { token } : {}), { ...auth, ...headers }, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (message) expect(res.body.error).toMatch(message);
  });

  it("refuses a cross-origin DELETE, and deletes from this site", async () => {
    const created = await post(app(token ? { token } : {}), auth);
    const id = created.body.documents[0].id;
    const target = app(token ? { token } : {});
    const foreign = await request(target).delete(`/api/documents/${id}`).set(auth).set("host", "attacker.example").expect(403);
    expect(foreign.body.error).toMatch(/not allowed for writes/);
    await request(target).delete(`/api/documents/${id}`).set(auth).set("origin", "http://evil.example").expect(403);
    await request(target).delete(`/api/documents/${id}`).set(auth).expect(200);
  });

  it("accepts a host named in ALLOWED_HOSTS, only that one", async () => {
    const target = app({ ...(token ? { token } : {}), allowedHosts: ["graph.example.org"] });
    expect((await post(target, { ...auth, host: "graph.example.org", origin: "http://graph.example.org" })).status).toBe(201);
    expect((await post(target, { ...auth, host: "other.example.org" })).status).toBe(403);
  });
});

describe("writes behind a proxy", () => {
  it("without TRUST_PROXY or a token, refuses a write that came through a proxy", async () => {
    for (const header of ["x-forwarded-for", "x-real-ip", "forwarded"]) {
      const res = await post(app(), { [header]: header === "forwarded" ? "for=127.0.0.1" : "127.0.0.1" });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/writes through a proxy need API_TOKEN/);
    }
  });

  it("with TRUST_PROXY, judges the client the proxy names and the Origin against the forwarded host and scheme", async () => {
    const target = app({ trustProxy: 1, allowedHosts: ["graph.example.org"] });
    const remote = await post(target, { "x-forwarded-for": "203.0.113.5" });
    expect(remote.status).toBe(403);
    expect(remote.body.error).toMatch(/only from this machine/);
    const forwarded = { "x-forwarded-for": "127.0.0.1", "x-forwarded-host": "graph.example.org", "x-forwarded-proto": "https" };
    expect((await post(target, { ...forwarded, origin: "https://graph.example.org" })).status).toBe(201);
    expect((await post(target, { ...forwarded, origin: "http://graph.example.org" })).status).toBe(403);
  });

  it("with a token, a proxied write needs only the token and a same-site request", async () => {
    const res = await post(app({ token: TOKEN, trustProxy: 1 }), { ...withToken, "x-forwarded-for": "203.0.113.5" });
    expect(res.status).toBe(201);
  });

  it.each([
    [{}, { allowedHosts: [], trustProxy: false }],
    [
      { TRUST_PROXY: "0", ALLOWED_HOSTS: "" },
      { allowedHosts: [], trustProxy: false },
    ],
    [{ TRUST_PROXY: "false" }, { allowedHosts: [], trustProxy: false }],
    [{ TRUST_PROXY: "1" }, { allowedHosts: [], trustProxy: 1 }],
    [{ TRUST_PROXY: "loopback, 10.0.0.0/8" }, { allowedHosts: [], trustProxy: ["loopback", "10.0.0.0/8"] }],
    [{ ALLOWED_HOSTS: "Graph.Example.org, 10.0.0.5" }, { allowedHosts: ["graph.example.org", "10.0.0.5"], trustProxy: false }],
  ])("reads %j from the environment", (env, expected) => {
    expect(accessFromEnv(env)).toEqual(expected);
  });
});
