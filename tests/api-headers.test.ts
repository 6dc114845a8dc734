// Security headers on every answer (the page, the API, errors) and source maps only in development.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import request from "supertest";
import { describe, expect, it } from "vitest";

import { createApp } from "../server/api/app.js";
import { seedCorpus } from "./helpers/server.js";

// A stand-in for dist/client, so the test needs no build.
const clientDir = mkdtempSync(join(tmpdir(), "client-"));
writeFileSync(join(clientDir, "index.html"), '<!doctype html><script type="module" src="main.js"></script>');
writeFileSync(join(clientDir, "main.js"), "console.log(1);\n//# sourceMappingURL=main.js.map\n");
writeFileSync(join(clientDir, "main.js.map"), '{"version":3,"sources":["client/main.ts"],"sourcesContent":["secret"]}');

describe("security headers", () => {
  const app = createApp({ corpus: seedCorpus, clientDir });

  it.each(["/", "/main.js", "/api/health", "/api/graph", "/api/nothing", "/api/entities/person:nobody"])("are on %s", async (path) => {
    const res = await request(app).get(path);
    const csp = res.headers["content-security-policy"];
    expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/); // no 'unsafe-inline', no 'unsafe-eval'
    expect(csp).not.toMatch(/unsafe-/);
    expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves source maps only when asked to (development)", async () => {
    const res = await request(app).get("/main.js.map").expect(404);
    expect(res.text).not.toContain("secret");
    await request(createApp({ corpus: seedCorpus, clientDir, sourceMaps: true }))
      .get("/main.js.map")
      .expect(200);
  });
});
