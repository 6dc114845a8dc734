import { execFileSync } from "node:child_process";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_SENTENCES } from "../../server/api/app.js";
import { ReadModel } from "../../server/read/model.js";
import { extractDocument } from "../../server/extract/index.js";
import { hasChromium, launchBrowser } from "../helpers/browser.js";
import { repoRoot, startServer } from "../helpers/server.js";
import { openExplorer } from "./page.js";

// One entity named in more sentences than an entity answer carries: the panel shows the first page and a
// button that fetches them all.
const SENTENCES = DEFAULT_SENTENCES + 15;
const text = Array.from({ length: SENTENCES }, (_, i) => `Poland sent ${i + 1} trucks on day ${i + 1}.`).join(" ");

describe.skipIf(!hasChromium)("an entity with many sentences", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    execFileSync("node", [`${repoRoot}scripts/build-client.mjs`]);
    server = await startServer(new ReadModel([extractDocument({ text, title: "Trucks" })]));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the first page of its sentences, then all of them on 'Show all'", async () => {
    const page = await openExplorer(browser, `${server.url}/?selected=${encodeURIComponent("country:poland")}`);
    await page.waitForSelector('#panel h2[data-entity="country:poland"]', { timeout: 10_000 });
    expect(await page.locator("#panel .entity-sentences li").count()).toBe(DEFAULT_SENTENCES);
    await page.locator('[data-action="all-sentences"]').click();
    await page.waitForFunction((n) => document.querySelectorAll("#panel .entity-sentences li").length === n, SENTENCES);
    expect(await page.locator('[data-action="all-sentences"]').count()).toBe(0);
    await page.close();
  });
});
