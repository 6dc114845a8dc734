import { execFileSync } from "node:child_process";

import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TYPE_COLORS } from "../../server/graph/appearance.js";
import { artifactsDir, hasChromium, launchBrowser } from "../helpers/browser.js";
import { repoRoot, seedCorpus, startServer } from "../helpers/server.js";

if (!hasChromium) console.warn("SKIPPED browser tests: no Chromium at /usr/bin/chromium (apt-get install chromium)");

/** Pixels of the screenshot close to an RGB colour: proof that nodes of that colour were drawn. */
function countColour(png: Buffer, rgb: string): number {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
  const img = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (Math.abs(img.data[i]! - r) < 12 && Math.abs(img.data[i + 1]! - g) < 12 && Math.abs(img.data[i + 2]! - b) < 12) n++;
  }
  return n;
}

async function clickNode(page: Page, nodeId: string): Promise<void> {
  const vp = await page.evaluate((id) => {
    const r = (window as unknown as { __explorer: { renderer: any } }).__explorer.renderer; // sigma instance, untyped in the page
    return r.framedGraphToViewport(r.getNodeDisplayData(id));
  }, nodeId);
  const box = (await page.locator("#graph").boundingBox())!;
  await page.mouse.click(box.x + vp.x, box.y + vp.y);
}

describe.skipIf(!hasChromium)("explorer in headless Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    execFileSync("node", [`${repoRoot}scripts/build-client.mjs`]); // test what the sources say, never a stale bundle
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws the seeds graph and shows a source sentence when the most-mentioned person is clicked", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 20_000 });
    await page.waitForTimeout(500);

    const shot = await page.screenshot({ path: `${artifactsDir}/explorer-seeds.png` });
    // The graph must really be drawn: person and country colours fill pixels of the canvas.
    expect(countColour(shot, TYPE_COLORS.person)).toBeGreaterThan(200);
    expect(countColour(shot, TYPE_COLORS.country)).toBeGreaterThan(200);

    const corpus = seedCorpus();
    const top = corpus.graph
      .filterNodes((_n, a) => a.type === "person")
      .sort((a, b) => corpus.graph.getNodeAttribute(b, "mentions") - corpus.graph.getNodeAttribute(a, "mentions"))[0]!;
    const detail = corpus.entity(top)!;

    await clickNode(page, top);
    await page.waitForSelector(`#panel h2[data-entity="${top}"]`, { timeout: 10_000 });
    const panelText = await page.locator("#panel").innerText();
    expect(panelText).toContain(detail.label);
    expect(panelText).toContain(detail.sentences[0]!.text.slice(0, 40));
    expect(await page.locator("#panel mark").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${artifactsDir}/explorer-seeds-selected.png` });
  });
});
