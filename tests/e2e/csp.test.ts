// The explorer works under its Content-Security-Policy: no violation while it loads, draws, lays out (the
// ForceAtlas2 worker) and opens panels, and the policy is really enforced (an injected inline script is blocked).
import { execFileSync } from "node:child_process";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TYPE_COLORS } from "../../common/appearance.js";
import { hasChromium, launchBrowser } from "../helpers/browser.js";
import { repoRoot, seedCorpus, startServer } from "../helpers/server.js";
import { clickNode, countColour, settled } from "./page.js";

describe.skipIf(!hasChromium)("explorer in headless Chromium: under its Content-Security-Policy", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    execFileSync("node", [`${repoRoot}scripts/build-client.mjs`]);
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads, draws, runs the layout worker and opens a panel with no CSP violation; inline script is blocked", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`),
      );
    });
    const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

    const response = await page.goto(`${server.url}/`);
    expect(response!.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 20_000 });
    await settled(page);
    const shot = await page.screenshot();
    expect(countColour(shot, TYPE_COLORS.person)).toBeGreaterThan(200);

    await page.locator("#layout-toggle").click();
    await page.waitForTimeout(1000);
    await page.locator("#layout-toggle").click();
    expect(await page.locator("#layout-toggle").innerText()).toBe("Run layout");
    const top = seedCorpus()
      .graph.filterNodes((_n, a) => a.type === "person")
      .sort((a, b) => seedCorpus().graph.getNodeAttribute(b, "mentions") - seedCorpus().graph.getNodeAttribute(a, "mentions"))[0]!;
    await clickNode(page, top);
    await page.waitForSelector(`#panel h2[data-entity="${top}"]`, { timeout: 10_000 });
    await page.locator("#search").fill(seedCorpus().graph.getNodeAttribute(top, "label").slice(0, 4));
    await page.waitForSelector("#search-results li .swatch");
    await page.locator("#search").fill("");
    await page.locator("#open-documents").click();
    await page.waitForSelector('#panel h2[data-view="documents"]');

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);

    // The policy is in force: an inline script added to the page does not run, and is reported.
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inline = 1";
      document.body.append(s);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
    await page.close();
  });
});
