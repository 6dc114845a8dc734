// Correcting the graph from the page (headless Chromium, the seeds in a real store): each kind of correction from
// the entity panel and shift-click, the graph following in place; then a page reload, a server restart,
// `npm run ingest -- --rebuild` and a new document, with every correction still in force; undo restores the graph.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/api/app.js";
import { CorpusWriter, buildReadModel } from "../../server/corpus-writer.js";
import { SqliteStore } from "../../server/store/sqlite.js";
import { hasChromium, launchBrowser } from "../helpers/browser.js";
import { repoRoot } from "../helpers/server.js";
import { rebuildStore, seedInputs } from "../corrections/fixtures.js";
import { type ExplorerWindow, clickNode, openExplorer, shownNodes } from "./page.js";

const README_SCREENSHOT = `${repoRoot}tests/screenshots/corrections.png`;

interface Running {
  server: Server;
  store: SqliteStore;
  url: string;
}

async function start(path: string, seed = false): Promise<Running> {
  const store = new SqliteStore(path);
  const service = await CorpusWriter.open(store, buildReadModel);
  if (seed) await service.ingest(seedInputs());
  const app = createApp({
    corpus: () => service.current(),
    clientDir: `${repoRoot}dist/client`,
    write: { service, maxBodyBytes: 1 << 20 },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { server, store, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const stop = async (r: Running) => {
  await new Promise((done) => r.server.close(done));
  await r.store.close();
};

/** What is drawn, without positions: ids, labels, types, counts and links. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const g = (window as unknown as ExplorerWindow).__explorer.graph;
    const nodes = g.mapNodes((id: string, a: Record<string, unknown>) => [
      id,
      a.label,
      a.type,
      a.mentions,
      (a.aliases as string[]).join("|"),
    ]);
    const edges = g.mapEdges((id: string, a: Record<string, unknown>) => [id, a.weight]);
    return { nodes: nodes.sort(), edges: edges.sort() };
  });
const label = (page: Page, id: string) =>
  page.evaluate((node) => {
    const g = (window as unknown as ExplorerWindow).__explorer.graph;
    return g.hasNode(node) ? (g.getNodeAttribute(node, "label") as string) : undefined;
  }, id);

/** Selects an entity the way an analyst would find a small one: the search box. */
async function select(page: Page, id: string, query: string): Promise<void> {
  await page.locator("#search").fill(query);
  await page.locator(`#search-results [data-id="${id}"]`).click();
  await page.waitForSelector(`#panel h2[data-entity="${id}"]`);
  await page.locator("#panel .corrections-tools summary").click();
}

/** Clicks a correction's button and waits until the page has followed it (body[data-corrected] counts them). */
async function correct(page: Page, button: string): Promise<void> {
  const done = await page.evaluate(() => Number(document.body.dataset.corrected ?? 0));
  await page.locator(`#panel [data-correct="${button}"]`).click();
  await page.waitForFunction(
    (n) => Number(document.body.dataset.corrected ?? 0) > n || document.querySelector('#correction-status[data-done="error"]'),
    done,
  );
  expect(await page.locator('#correction-status[data-done="error"]').count()).toBe(0);
}

/** Every correction of the first test, as the page shows it. */
async function expectInForce(page: Page): Promise<void> {
  const nodes = await shownNodes(page);
  expect(nodes).not.toContain("person:olaf-scholz");
  expect(nodes).toContain("country:kremlin");
  expect(await label(page, "organization:eu")).toBe("European Union");
  expect(nodes).toContain("event:coalition-of-the-willing");
  expect(nodes).not.toContain("organization:coalition-of-the-willing");
  expect(nodes).not.toContain("organization:youtube");
  await page.locator("#open-corrections").click();
  await page.waitForSelector('#panel h2[data-view="corrections"]');
  const statuses = await page.locator("#panel .corrections-log li").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  expect(statuses).toEqual(Array(6).fill("applied"));
}

describe.skipIf(!hasChromium)("explorer in headless Chromium: correcting the graph", () => {
  let browser: Browser;
  let running: Running;
  let original: Awaited<ReturnType<typeof drawn>>;
  let originalJson: string;
  const dir = mkdtempSync(join(tmpdir(), "explorer-corrections-"));
  const path = join(dir, "graph.db");
  const serverGraph = async () => JSON.stringify(await (await fetch(`${running.url}/api/graph`)).json());

  beforeAll(async () => {
    execFileSync("node", [`${repoRoot}scripts/build-client.mjs`]);
    running = await start(path, true);
    originalJson = await serverGraph();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (running) await stop(running);
    rmSync(dir, { recursive: true, force: true });
  });

  it("makes each kind of correction from the page; the graph follows in place, without a reload", async () => {
    const page = await openExplorer(browser, running.url);
    original = await drawn(page);
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    const before = await page.evaluate(() => {
      const g = (window as unknown as ExplorerWindow).__explorer.graph;
      return g.getNodeAttributes("country:ukraine") as { x: number; y: number };
    });

    // Merge by shift-clicking two nodes.
    await page.keyboard.down("Shift");
    await clickNode(page, "person:olaf-scholz");
    await clickNode(page, "person:donald-tusk");
    await page.keyboard.up("Shift");
    expect(await page.locator("#merge-bar [data-merge-pair]").getAttribute("data-merge-pair")).toBe(
      "person:olaf-scholz|person:donald-tusk",
    );
    await page.locator('#merge-bar [data-merge="merge"]').click();
    await expect.poll(() => shownNodes(page)).not.toContain("person:olaf-scholz");
    await page.waitForSelector('#panel h2[data-entity="person:donald-tusk"]');
    expect(await page.locator("#panel dl").innerText()).toContain("Olaf Scholz");

    await select(page, "country:russia", "Russia");
    await page.locator('#panel [data-alias="Kremlin"]').check();
    await correct(page, "split");
    await expect.poll(() => shownNodes(page)).toContain("country:kremlin");
    await page.waitForSelector('#panel h2[data-entity="country:kremlin"]');

    await select(page, "organization:eu", "EU");
    await page.locator('#panel [data-field="label"]').fill("European Union");
    await correct(page, "rename");
    await expect.poll(() => label(page, "organization:eu")).toBe("European Union");

    await select(page, "organization:coalition-of-the-willing", "Coalition");
    await page.locator('#panel [data-field="type"]').selectOption("event");
    await correct(page, "retype");
    await expect.poll(() => shownNodes(page)).toContain("event:coalition-of-the-willing");

    await select(page, "organization:youtube", "YouTube");
    await correct(page, "hide");
    await expect.poll(() => shownNodes(page)).not.toContain("organization:youtube");

    await select(page, "person:donald-trump", "Donald Trump");
    await page.locator('#panel [data-picker="Keep apart from"]').fill("Tusk");
    const done = await page.evaluate(() => Number(document.body.dataset.corrected ?? 0));
    await page.locator('#panel [data-hits="Keep apart from"] [data-choose="person:donald-tusk"]').click();
    await page.waitForFunction((n) => Number(document.body.dataset.corrected ?? 0) > n, done);

    // In place: the same page, and a node no correction concerned has not moved.
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    const after = await page.evaluate(() => {
      const g = (window as unknown as ExplorerWindow).__explorer.graph;
      return g.getNodeAttributes("country:ukraine") as { x: number; y: number };
    });
    expect([after.x, after.y]).toEqual([before.x, before.y]);
    await expectInForce(page);
    expect(await page.locator("#panel .corrections-log").innerText()).toContain("local");
    await page.screenshot({ path: `${join(repoRoot, "tests/artifacts")}/corrections.png` });
    if (process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(README_SCREENSHOT)) {
      mkdirSync(`${repoRoot}tests/screenshots`, { recursive: true });
      await page.screenshot({ path: README_SCREENSHOT });
    }
    await page.close();
  }, 120_000);

  it("keeps every correction through a page reload, a server restart, `ingest --rebuild` and a new document", async () => {
    const page = await openExplorer(browser, running.url);
    await expectInForce(page);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { state: "attached" });
    await expectInForce(page);
    await page.close();

    await stop(running);
    running = await start(path);
    const restarted = await openExplorer(browser, running.url);
    await expectInForce(restarted);
    await restarted.close();

    await stop(running);
    const rebuild = rebuildStore(path);
    expect(rebuild.status, rebuild.stderr).toBe(0);
    running = await start(path);
    const rebuilt = await openExplorer(browser, running.url);
    await expectInForce(rebuilt);

    await rebuilt.locator("#open-documents").click();
    await rebuilt.locator("#paste-text").fill("The Ukrainian Armed Forces said the Kremlin had moved troops, YouTube footage showed.");
    await rebuilt.locator("#paste-title").fill("Army briefing");
    await rebuilt.getByRole("button", { name: "Add", exact: true }).click();
    await rebuilt.waitForSelector("#ingest-status[data-done]");
    await expect.poll(() => rebuilt.evaluate(() => (window as unknown as ExplorerWindow).__explorer.graph.order)).toBeGreaterThan(0);
    await expectInForce(rebuilt);
    await rebuilt.close();
  }, 120_000);

  it("undoes every correction from the Corrections view: the graph is exactly the original again", async () => {
    const page = await openExplorer(browser, running.url);
    await page.locator("#open-documents").click();
    const row = page.locator("#panel ol.documents li", { hasText: "Army briefing" });
    await row.getByRole("button", { name: /Delete/ }).click();
    await expect.poll(() => page.locator("#panel ol.documents li", { hasText: "Army briefing" }).count()).toBe(0);
    await page.locator("#open-corrections").click();
    await page.waitForSelector('#panel h2[data-view="corrections"]');
    for (let left = 6; left > 0; left--) {
      await expect.poll(() => page.locator("#panel .corrections-log li").count()).toBe(left);
      await page.locator("#panel .corrections-log li [data-undo]").last().click();
    }
    await page.waitForSelector("#panel .corrections-log, #panel p.hint >> text=No corrections yet");
    await expect.poll(async () => JSON.stringify(await drawn(page))).toBe(JSON.stringify(original));
    expect(await serverGraph()).toBe(originalJson);
    await page.close();
  }, 120_000);

  it("works down the review queue: keep apart, undo, then merge a possible duplicate", async () => {
    const posted = await fetch(`${running.url}/api/documents`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: "Spelling", text: "Alexei Goncharenko spoke to reporters in Kyiv." }),
    });
    expect(posted.status).toBe(201);
    const page = await openExplorer(browser, `${running.url}/?corrections=1`);
    const pair = page.locator('#panel .duplicates li[data-pair="person:alexei-goncharenko|person:alexey-goncharenko"]');
    await expect.poll(() => pair.count()).toBe(1);
    await pair.locator('[data-review="keep-apart"]').click();
    await expect.poll(() => pair.count()).toBe(0);
    const entry = page.locator("#panel .corrections-log li", {
      hasText: "keep person:alexei-goncharenko and person:alexey-goncharenko apart",
    });
    await expect.poll(() => entry.count()).toBe(1);
    await entry.locator("[data-undo]").click();
    await expect.poll(() => pair.count()).toBe(1);
    await pair.locator('[data-review="merge"]').click();
    await expect.poll(() => shownNodes(page)).not.toContain("person:alexei-goncharenko");
    await expect.poll(() => pair.count()).toBe(0);
    await page.close();
  }, 120_000);
});
