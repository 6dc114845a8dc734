import { describe, expect, it } from "vitest";

import { firstInvalidUtf8Offset } from "../../server/ingest/decode.js";
import { formatOf, parseFile } from "../../server/ingest/formats.js";
import { htmlToText } from "../../server/ingest/html.js";
import { parseByteSize } from "../../server/ingest/size.js";
import { normalizeDate } from "../../common/dates.js";
import { parseDocumentInput } from "../../server/ingest/validate.js";

describe("htmlToText", () => {
  const cases: [string, string, ReturnType<typeof htmlToText>][] = [
    ["paragraphs become lines, entities decoded", "<p>Tom &amp; Jerry</p><p>Second   line</p>", { text: "Tom & Jerry\nSecond line" }],
    ["scripts, styles and the head are dropped", "<head><style>p{}</style></head><script>alert(1)</script><p>Body</p>", { text: "Body" }],
    ["navigation and asides are dropped", "<nav>Home World</nav><p>News</p><aside>Most read</aside>", { text: "News" }],
    ["a page header and footer are dropped", "<header>Site</header><main><p>News</p></main><footer>(c)</footer>", { text: "News" }],
    [
      "an article's own header is kept: it holds the headline",
      "<header>Site</header><article><header><h1>Headline</h1></header><p>Body</p></article>",
      { text: "Headline\nBody", title: "Headline" },
    ],
    ["<title> is the title when there is no h1", "<title>Page title</title><p>Body</p>", { text: "Body", title: "Page title" }],
    [
      "author and date from meta tags",
      '<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2025-02-15T08:00:00Z"><p>Body</p>',
      { text: "Body", author: "Ann Lee", date: "2025-02-15" },
    ],
    ["a meta date that is not a date is ignored", '<meta name="date" content="yesterday"><p>Body</p>', { text: "Body" }],
    ["nothing readable", "<script>x()</script><nav>Home</nav>", { text: "" }],
  ];
  it.each(cases)("%s", (_name, html, expected) => {
    expect(htmlToText(html)).toEqual(expected);
  });
});

describe("parseDocumentInput", () => {
  it("keeps given fields, trims them, drops blank optional ones, and cuts timestamps to the date", () => {
    expect(parseDocumentInput({ text: "Body", title: " T ", author: "", date: "2025-02-15T10:00:00Z", source: null })).toEqual({
      text: "Body",
      title: "T",
      date: "2025-02-15",
    });
  });

  it.each([
    [{ text: "" }, /text is empty/],
    [{ text: ["a"] }, /"text" must be a string/],
    [{ text: "a", url: "x" }, /unknown field "url"/],
    [{ text: "a", date: "15/02/2025" }, /"date" must be an ISO date/],
    [[{ text: "a" }], /expected an object/],
    [null, /expected an object/],
  ])("refuses %j", (value, message) => {
    expect(() => parseDocumentInput(value)).toThrow(message);
  });

  it.each([
    ["2025-02-15", "2025-02-15"],
    ["2024-02-29", "2024-02-29"],
    ["2025-02-29", undefined],
    ["2025-13-01", undefined],
    ["2025-02-15T23:59:59+02:00", "2025-02-15"],
    ["20250215", undefined],
  ])("normalizeDate(%s) = %s", (value, expected) => {
    expect(normalizeDate(value)).toBe(expected);
  });
});

describe("parseFile", () => {
  it("reads the format from the extension, else from the media type", () => {
    expect([formatOf("a.TXT"), formatOf("a.htm"), formatOf("a.ndjson"), formatOf("blob", "text/html; charset=utf-8")]).toEqual([
      "text",
      "html",
      "jsonl",
      "html",
    ]);
    expect(formatOf("a.pdf", "application/pdf")).toBeUndefined();
  });

  it("records the file as the source; a JSONL line keeps its own fields", () => {
    expect(parseFile("news/a.txt", Buffer.from("Hello"))).toEqual([
      { where: "news/a.txt", input: { text: "Hello", source: "news/a.txt" } },
    ]);
    const [line] = parseFile("b.jsonl", Buffer.from('{"text":"Hi","source":"https://x.org"}\n'));
    expect(line).toEqual({ where: "b.jsonl line 1", input: { text: "Hi", source: "https://x.org" } });
  });

  it("drops a byte-order mark", () => {
    expect(parseFile("a.txt", Buffer.from("\ufeffHello"))).toEqual([{ where: "a.txt", input: { text: "Hello", source: "a.txt" } }]);
  });

  it("refuses a JSONL file with no documents", () => {
    const [only] = parseFile("empty.jsonl", Buffer.from("\n\n"));
    expect(only && "error" in only && only.error.message).toBe("empty.jsonl: no documents (every line is blank)");
  });
});

describe("firstInvalidUtf8Offset", () => {
  it.each([
    ["ascii", [0x61, 0x62], -1],
    ["a Latin-1 pound sign", [0x31, 0xa3, 0x35], 1],
    ["a lead byte cut off at the end", [0x61, 0xe2, 0x82], 1],
    ["an overlong slash", [0xc0, 0xaf], 0],
    ["a UTF-16 surrogate", [0xed, 0xa0, 0x80], 0],
    ["above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["a four-byte emoji", [0xf0, 0x9f, 0x98, 0x80], -1],
  ])("%s", (_name, bytes, expected) => {
    expect(firstInvalidUtf8Offset(Uint8Array.from(bytes))).toBe(expected);
  });

  it("agrees with the platform's strict decoder on random bytes (seeded)", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let run = 0; run < 3000; run++) {
      const bytes = Uint8Array.from({ length: 1 + (run % 9) }, () => (random() < 128 ? 0x41 : random() | 0x80));
      let valid = true;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8Offset(bytes) === -1, `bytes ${[...bytes].map((b) => b.toString(16))}`).toBe(valid);
    }
  });
});

describe("parseByteSize", () => {
  it.each([
    ["5mb", 5 * 1024 * 1024],
    ["512KB", 512 * 1024],
    ["1048576", 1048576],
    ["1.5 mb", 1.5 * 1024 * 1024],
    ["0", undefined],
    ["5 MiB", undefined],
    ["lots", undefined],
  ])("%s -> %s", (value, expected) => {
    expect(parseByteSize(value)).toBe(expected);
  });
});
