// Seeded random requests to every route: good ones, and the malformed kinds that once hurt the server (truncated
// and garbled multipart, wrong content types, invalid UTF-8, lone surrogates, deep JSON, 1 MB lines, long tokens,
// HTML with script, out-of-range query parameters). Texts are invented from a small word list, never corpus text.

export interface FuzzRequest {
  /** What kind of input this is, for the report. */
  kind: string;
  method: "GET" | "POST" | "DELETE" | "PUT" | "PATCH";
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Ids the server knows, refreshed as the run goes, so that reads also hit real entities, edges and documents. */
export interface Known {
  entities: string[];
  edges: string[];
  documents: string[];
}

type Rng = () => number;

const WORDS = [
  ...["Ardent", "Velm", "Quorra", "Ostrava", "Mira", "Tolland", "Brisk", "Council", "Union", "Ministry", "Talks", "Summit"],
  ...["said", "met", "urged", "rejected", "backed", "criticised", "the", "of", "in", "and", "with", "on", "a", "plan"],
  ...["Mr", "President", "Prime", "Minister", "Senator", "Dr", "Europe", "France", "Germany", "NATO", "UN", "Reuters"],
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, max: number) => Math.floor(rng() * max);

function prose(rng: Rng, sentences: number): string {
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const n = 4 + int(rng, 14);
    out.push(`${Array.from({ length: n }, () => pick(rng, WORDS)).join(" ")}.`);
    if (rng() < 0.3) out.push("\n");
  }
  return out.join(" ");
}

function randomBytes(rng: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = int(rng, 256);
  return b;
}

/** Text with something wrong or extreme in it. */
function nastyText(rng: Rng): { kind: string; text: string | Buffer } {
  const roll = int(rng, 10);
  if (roll === 0) return { kind: "1 MB line", text: Array.from({ length: 190_000 }, () => pick(rng, WORDS)).join(" ") };
  if (roll === 1) return { kind: "long token", text: `Mr ${pick(rng, WORDS)}${"x".repeat(1000 + int(rng, 150_000))} said so.` };
  if (roll === 2)
    return { kind: "invalid UTF-8", text: Buffer.concat([Buffer.from(prose(rng, 3)), Buffer.from([0xc3, 0x28, 0xa3, 0xff])]) };
  if (roll === 3) return { kind: "lone surrogate", text: `${prose(rng, 2)} \ud800 ${pick(rng, WORDS)} \udfff.` };
  if (roll === 4) return { kind: "binary", text: randomBytes(rng, 1 + int(rng, 4000)) };
  if (roll === 5)
    return { kind: "long sentence", text: `${Array.from({ length: 2500 + int(rng, 6000) }, () => pick(rng, WORDS)).join(" ")}.` };
  if (roll === 6)
    return { kind: "many short lines", text: Array.from({ length: 2000 + int(rng, 6000) }, () => pick(rng, WORDS)).join("\n") };
  if (roll === 7) return { kind: "empty", text: pick(rng, ["", "   ", "\n\n", "\u00a0"]) };
  if (roll === 8) return { kind: "control characters", text: `${prose(rng, 2)}\u0001\u001b[31m\u2028\u202e${prose(rng, 1)}` };
  return { kind: "prose", text: prose(rng, 1 + int(rng, 30)) };
}

const toBuffer = (t: string | Buffer) => (Buffer.isBuffer(t) ? t : Buffer.from(t));

function deepJson(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

function htmlPage(rng: Rng): string {
  return [
    `<html><head><title>${prose(rng, 1)}</title><meta name="author" content="${pick(rng, WORDS)}">`,
    `<meta property="article:published_time" content="${pick(rng, ["2025-02-30", "2024-07-01T10:00:00Z", "yesterday", ""])}">`,
    `<script>for(;;){} document.write("<p>${pick(rng, WORDS)}</p>")</script><style>p{}</style></head>`,
    `<body><nav>Home</nav><article><h1>${prose(rng, 1)}</h1><p>${prose(rng, 4)}</p>`,
    rng() < 0.5 ? "<div><p><b><i>unclosed" : "</article></body></html>",
    rng() < 0.3 ? "<!-- never closed" : "",
    rng() < 0.3 ? `<${"div>".repeat(5000)}` : "",
  ].join("");
}

const BOUNDARY = "fuzzZ9boundary";

function multipartBody(rng: Rng, files: { name: string; type: string; bytes: Buffer }[]): Buffer {
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
      f.bytes,
      Buffer.from("\r\n"),
    ]),
  );
  if (rng() < 0.2) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`));
  return Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

function garble(rng: Rng, body: Buffer): { kind: string; body: Buffer } {
  const roll = int(rng, 4);
  if (roll === 0) return { kind: "truncated", body: body.subarray(0, int(rng, body.length)) };
  if (roll === 1) {
    const copy = Buffer.from(body);
    for (let i = 0; i < 1 + int(rng, 20); i++) copy[int(rng, copy.length)] = int(rng, 256);
    return { kind: "garbled", body: copy };
  }
  if (roll === 2) return { kind: "no closing boundary", body: body.subarray(0, body.lastIndexOf(`--${BOUNDARY}--`)) };
  return { kind: "whole", body };
}

function postDocuments(rng: Rng): FuzzRequest {
  const post = (kind: string, type: string | undefined, body: Buffer): FuzzRequest => ({
    kind: `POST ${kind}`,
    method: "POST",
    path: "/api/documents",
    headers: type === undefined ? {} : { "content-type": type },
    body,
  });
  const roll = int(rng, 9);
  if (roll <= 1) {
    const { kind, text } = nastyText(rng);
    return post(`text/plain ${kind}`, pick(rng, ["text/plain", "text/markdown", "text/plain; charset=utf-8"]), toBuffer(text));
  }
  if (roll === 2) {
    const { kind, text } = nastyText(rng);
    const doc: Record<string, unknown> = { text: Buffer.isBuffer(text) ? text.toString("latin1") : text };
    if (rng() < 0.4) doc.title = pick(rng, [prose(rng, 1), 42, null, "", "\ud83d"]);
    if (rng() < 0.4) doc.date = pick(rng, ["2025-02-15", "2025-13-01", "not a date", 20250215, "2024-02-29T23:59:59Z"]);
    if (rng() < 0.2) doc[pick(rng, ["body", "__proto__", "constructor", "tags"])] = "x";
    const body = rng() < 0.3 ? [doc, { text: prose(rng, 3) }, "string", null] : doc;
    return post(`json ${kind}`, "application/json", Buffer.from(JSON.stringify(body)));
  }
  if (roll === 3) {
    const bad = pick(rng, [
      "{",
      '{"text": "a" "b"}',
      deepJson(2000 + int(rng, 200_000)),
      `{"text": "${"\\ud800".repeat(3)}"}`,
      "[]",
      "null",
      '{"text": "\\u0000 nul"}',
      `[${Array.from({ length: 3000 }, () => '{"text":" "}').join(",")}]`,
    ]);
    return post("bad json", "application/json", Buffer.from(bad));
  }
  if (roll === 4) {
    const lines = Array.from({ length: 1 + int(rng, 20) }, () =>
      rng() < 0.7 ? JSON.stringify({ text: prose(rng, 1 + int(rng, 8)) }) : pick(rng, ["{oops", "", "[1,2]", '"str"', deepJson(5000)]),
    );
    return post("ndjson", "application/x-ndjson", Buffer.from(lines.join("\n")));
  }
  if (roll === 5) return post("html", pick(rng, ["text/html", "application/xhtml+xml"]), Buffer.from(htmlPage(rng)));
  if (roll === 6) {
    const files = Array.from({ length: 1 + int(rng, 5) }, (_, i) => {
      const { text } = rng() < 0.5 ? { text: prose(rng, 1 + int(rng, 10)) } : nastyText(rng);
      const name = pick(rng, [`f${i}.txt`, `f${i}.md`, `f${i}.html`, `f${i}.jsonl`, `f${i}.pdf`, `../../etc/f${i}`, "", `ü${i}.txt`]);
      return { name, type: pick(rng, ["text/plain", "application/octet-stream", "text/html", ""]), bytes: toBuffer(text) };
    });
    const { kind, body } = garble(rng, multipartBody(rng, files));
    const type =
      rng() < 0.9 ? `multipart/form-data; boundary=${BOUNDARY}` : pick(rng, ["multipart/form-data", "multipart/form-data; boundary="]);
    return post(`multipart ${kind}`, type, body);
  }
  if (roll === 7) {
    const type = pick(rng, [undefined, "", "application/pdf", "image/png", "application/x-www-form-urlencoded", "text/csv", "*/*", ";;;"]);
    return post(`content type ${type ?? "(none)"}`, type, rng() < 0.5 ? randomBytes(rng, int(rng, 5000)) : Buffer.from(prose(rng, 3)));
  }
  return post("prose", "text/plain", Buffer.from(prose(rng, 2 + int(rng, 40))));
}

function outOfRange(rng: Rng): string {
  return pick(rng, ["-1", "0", "1e9", "99999999999999999999", "NaN", "abc", "1.5", "", "%00", "%ff", "2", "%F0%9F%92%A9", "0x10"]);
}

function graphQuery(rng: Rng, known: Known): string {
  const keys = ["types", "kinds", "minMentions", "minWeight", "from", "to", "focus", "hops", "limit", "bogus"];
  const parts: string[] = [];
  for (let i = 0; i < int(rng, 5); i++) {
    const key = pick(rng, keys);
    const value =
      key === "focus" && known.entities.length > 0 && rng() < 0.6
        ? encodeURIComponent(pick(rng, known.entities))
        : key === "from" || key === "to"
          ? pick(rng, ["2025-01-01", "2025-02-30", "later", "2024-12-31"])
          : key === "types" || key === "kinds"
            ? pick(rng, ["person", "person,country", "alien", "co-mention,stance", ",,"])
            : outOfRange(rng);
    parts.push(`${key}=${value}`);
    if (rng() < 0.1) parts.push(`${key}=${value}`); // given twice
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

function read(rng: Rng, known: Known): FuzzRequest {
  const id = (list: string[]) =>
    list.length > 0 && rng() < 0.7
      ? encodeURIComponent(pick(rng, list))
      : pick(rng, ["nope", "%00", "..%2F..%2Fetc", "x".repeat(3000), "%ZZ"]);
  const path = pick(rng, [
    () => "/api/health",
    () => `/api/graph${graphQuery(rng, known)}`,
    () => `/api/entities/${id(known.entities)}?offset=${outOfRange(rng)}&limit=${outOfRange(rng)}`,
    () => `/api/entities/${id(known.entities)}`,
    () =>
      `/api/search?q=${pick(rng, [pick(rng, WORDS), "", "%20", "%ED%A0%80", "%C3%28", "*".repeat(5000), "(((("])}&limit=${outOfRange(rng)}`,
    () => `/api/edges/${id(known.edges)}`,
    () => "/api/documents",
    () => `/api/documents/${id(known.documents)}`,
    () => `/api/export.gexf${rng() < 0.5 ? graphQuery(rng, known) : ""}`,
    () => pick(rng, ["/api/nothing", "/", "/index.html", "/../../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/api/graph/../health"]),
  ])();
  return { kind: `GET ${path.split("?")[0]!.split("/").slice(0, 3).join("/")}`, method: "GET", path, headers: {} };
}

/** One random request; `known` gives ids to aim at. */
export function fuzzRequest(rng: Rng, known: Known): FuzzRequest {
  const roll = rng();
  if (roll < 0.45) return read(rng, known);
  if (roll < 0.9) return postDocuments(rng);
  if (roll < 0.97) {
    const target = known.documents.length > 0 && rng() < 0.5 ? pick(rng, known.documents) : pick(rng, ["0123456789abcdef", "nope", "%00"]);
    return { kind: "DELETE /api/documents", method: "DELETE", path: `/api/documents/${target}`, headers: {} };
  }
  return {
    kind: "other method",
    method: pick(rng, ["PUT", "PATCH"] as const),
    path: pick(rng, ["/api/documents", "/api/graph"]),
    headers: {},
  };
}
