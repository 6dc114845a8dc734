// Provenance, documents, time, URL state and export, on a small dated corpus with one hand-made stance
// (tests/e2e/fixtures.ts) and one article full of markup that must stay text.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TYPE_COLORS } from "../../common/appearance.js";
import { filterGraph } from "../../server/graph/filter.js";
import { artifactsDir, hasChromium, launchBrowser } from "../helpers/browser.js";
import { repoRoot, startServer } from "../helpers/server.js";
import { newsCorpus } from "./fixtures.js";
import { type ExplorerWindow, countColour, nodePosition, openExplorer, settled, shownNodes } from "./page.js";

const HOSTILE = {
  title: '<img src=x onerror="window.__pwned=1"> Macron in Kyiv',
  date: "2025-03-01",
  text: 'Emmanuel Macron said <script>window.__pwned=2</script> France backs Ukraine.\n<img src=x onerror="window.__pwned=3"> Macron met Volodymyr Zelensky in Kyiv.',
};
const ZELENSKY = "person:volodymyr-zelensky";
const STANCE = "person:volodymyr-zelensky->country:russia:oppose";

describe.skipIf(!hasChromium)("explorer in headless Chromium: provenance, documents, time, state and export", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  const corpus = newsCorpus([HOSTILE]);
  const open = (query = ""): Promise<Page> => openExplorer(browser, `${server.url}/${query}`);
  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

  beforeAll(async () => {
    execFileSync("node", [`${repoRoot}scripts/build-client.mjs`]);
    server = await startServer(corpus);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("entity panel: aliases, timeline, co-mentioned, stances, sentences by document; a named entity is a link", async () => {
    const page = await open(`?selected=${encodeURIComponent(ZELENSKY)}`);
    await page.waitForSelector(`#panel h2[data-entity="${ZELENSKY}"]`);
    const text = await page.locator("#panel").innerText();
    expect(text).toContain("Aliases");
    expect(text).toContain("Zelensky");
    // Sparkline: one bar per document date that mentions him.
    const dates = await page.locator("#panel svg.sparkline rect").evaluateAll((els) => els.map((e) => e.getAttribute("data-date")));
    expect(dates).toEqual(["2025-02-10", "2025-03-01"]);
    await expect.poll(() => page.locator("#panel ul.co-mentioned [data-link]").first().getAttribute("data-link")).toBe("country:ukraine");
    expect(await page.locator("#panel ul.opposes [data-link]").getAttribute("data-link")).toBe("country:russia");
    // Sentences grouped by document, the mention highlighted.
    const groups = await page.locator("#panel section.doc-group h4").allInnerTexts();
    expect(groups.some((g) => g.includes("Kyiv asks for help") && g.includes("2025-02-10"))).toBe(true);
    expect(await page.locator("#panel section.doc-group mark.mention").count()).toBeGreaterThanOrEqual(2);
    // "Ukraine and Russia are at war, said Zelensky.": Russia is a link that selects Russia.
    await page.locator('#panel section.doc-group [data-link="country:russia"]').first().click();
    await page.waitForSelector('#panel h2[data-entity="country:russia"]');
    expect(await page.locator("#panel ul.opposed-by [data-link]").getAttribute("data-link")).toBe(ZELENSKY);
    expect(new URL(page.url()).searchParams.get("selected")).toBe("country:russia");
    await page.screenshot({ path: `${artifactsDir}/entity-panel.png` });
    await page.close();
  });

  it("edge panel: clicking a stance edge shows its sentence with holder, cue and target highlighted", async () => {
    const page = await open("?kinds=support,oppose"); // co-mention edges off, so the stance edge is the one under the mouse
    await page.waitForTimeout(400);
    const [a, b] = [await nodePosition(page, ZELENSKY), await nodePosition(page, "country:russia")];
    await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    await page.waitForSelector(`#panel h2[data-edge="${STANCE}"]`);
    expect(await page.locator("#panel h2").innerText()).toBe("Volodymyr Zelensky opposes Russia");
    expect(await page.locator("#panel li mark.source").innerText()).toBe("Zelensky");
    expect(await page.locator("#panel li mark.cue").innerText()).toBe("at war");
    expect(await page.locator("#panel li mark.target").innerText()).toBe("Russia");
    expect(await page.locator("#panel").innerText()).toContain("confidence 0.8");
    await page.screenshot({ path: `${artifactsDir}/edge-panel.png` });
    await page.close();
  });

  it("document reader: the list with title, date, source and entity count; entities highlighted in type colour select their node", async () => {
    const page = await open();
    await page.locator("#open-documents").click();
    await page.waitForSelector('#panel h2[data-view="documents"]');
    const rows = await page.locator("#panel ol.documents li").allInnerTexts();
    expect(rows).toHaveLength(4);
    const kyiv = corpus.documents().find((d) => d.title === "Kyiv asks for help")!;
    expect(rows.some((r) => r.includes(kyiv.title) && r.includes(`2025-02-10 · fixture · ${kyiv.entities} entities`))).toBe(true);
    expect(rows.some((r) => r.includes("London and Washington") && r.includes("undated"))).toBe(true);
    await page.getByRole("button", { name: "Kyiv asks for help", exact: true }).click();
    await page.waitForSelector("#panel h2[data-doc]");
    const mentions = page.locator("#panel .reader .entity-mention");
    expect(await mentions.count()).toBe(
      (await corpus.document((await page.locator("#panel h2").getAttribute("data-doc"))!))!.mentions.length,
    );
    const nato = page.locator('#panel .reader [data-link="organization:nato"]').first();
    expect(await nato.evaluate((e) => getComputedStyle(e).getPropertyValue("--type-color"))).toBe(TYPE_COLORS.organization);
    await page.screenshot({ path: `${artifactsDir}/document-reader.png` });
    await nato.click();
    await page.waitForSelector('#panel h2[data-entity="organization:nato"]');
    await page.close();
  });

  it("shows markup in an article as text: no <script> runs, no <img> is created", async () => {
    const page = await open();
    await page.locator("#open-documents").click();
    await page.waitForSelector('#panel h2[data-view="documents"]');
    expect(await page.locator("#panel").innerText()).toContain(HOSTILE.title);
    await page.getByRole("button", { name: HOSTILE.title, exact: true }).click();
    await page.waitForSelector("#panel h2[data-doc]");
    expect(await page.locator("#panel h2").innerText()).toBe(HOSTILE.title);
    expect(await page.locator("#panel .reader").innerText()).toContain("<script>window.__pwned=2</script>");
    await page.locator('#panel .reader [data-link="person:emmanuel-macron"]').first().click();
    await page.waitForSelector('#panel h2[data-entity="person:emmanuel-macron"]');
    expect(await page.locator("#panel").innerText()).toContain('<img src=x onerror="window.__pwned=3">');
    expect(await page.locator("#panel img, #panel script, #panel [onerror]").count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await pwned(page)).toBeUndefined();
    await page.screenshot({ path: `${artifactsDir}/escaped-markup.png` });
    await page.close();
  });

  it("filters the graph to a date range; entities outside it disappear and the export follows", async () => {
    const page = await open();
    await page.locator("#date-from").fill("2025-02-01");
    await page.locator("#date-to").fill("2025-02-28");
    await settled(page);
    const inFebruary = filterGraph(corpus, { from: "2025-02-01", to: "2025-02-28" }).graph.nodes();
    expect(inFebruary).toEqual(expect.arrayContaining(["country:russia", "country:ukraine", ZELENSKY]));
    expect(inFebruary).not.toContain("person:emmanuel-macron");
    await expect.poll(() => shownNodes(page)).toEqual(inFebruary.sort());
    const ukraine = await page.evaluate(() =>
      (window as unknown as ExplorerWindow).__explorer.graph.getNodeAttribute("country:ukraine", "mentions"),
    );
    expect(ukraine).toBe(2); // counted in range only (5 in all)
    const href = await page.locator("#export-gexf").getAttribute("href");
    expect(href).toContain("from=2025-02-01");
    const gexf = await page.evaluate((u) => fetch(u!).then((r) => r.text()), href);
    expect(gexf.match(/<node /g)).toHaveLength(inFebruary.length);
    await page.close();
  });

  it("keeps the view in the URL: a copied link reopens the same selection, filters, date range and neighbourhood", async () => {
    const page = await open();
    await page.locator('#legend input[data-type="organization"]').uncheck();
    await settled(page);
    await page.locator("#date-to").fill("2025-02-28");
    await settled(page);
    await page.locator("#min-mentions").fill("2");
    // wait for the debounced slider to reach the URL, not for a fixed time
    await page.waitForFunction(() => new URL(location.href).searchParams.get("minMentions") === "2", undefined, { timeout: 15_000 });
    await settled(page);
    await page.goto(`${page.url()}`); // nothing to wait for: the URL is already current
    const link = page.url();
    await page.close();
    const again = await open(new URL(link).search);
    expect(await again.locator('#legend input[data-type="organization"]').isChecked()).toBe(false);
    expect(await again.locator("#date-to").inputValue()).toBe("2025-02-28");
    expect(await again.locator("#min-mentions").inputValue()).toBe("2");
    const expected = filterGraph(corpus, { types: ["person", "country", "event"], to: "2025-02-28", minMentions: 2 }).graph.nodes();
    expect(expected.length).toBeGreaterThan(2);
    expect(await shownNodes(again)).toEqual(expected.sort());

    // Selection and neighbourhood too.
    await again.locator('#legend input[data-type="organization"]').check();
    await settled(again);
    await again.goto(`${server.url}/?selected=${encodeURIComponent(ZELENSKY)}`);
    await again.waitForSelector("body[data-ready=true]", { state: "attached" });
    await again.getByRole("button", { name: "1-hop neighbourhood" }).click();
    await settled(again);
    const ego = await shownNodes(again);
    const third = await open(new URL(again.url()).search);
    await third.waitForSelector(`#panel h2[data-entity="${ZELENSKY}"]`);
    expect(await shownNodes(third)).toEqual(ego);
    expect(await third.locator("#focus-banner").isVisible()).toBe(true);
    await again.close();
    await third.close();
  });

  it("exports GEXF of the view and of everything, nodes.csv and edges.csv, and a PNG of what is drawn", async () => {
    const page = await open("?types=person,country");
    const save = async (selector: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
      const path = `${artifactsDir}/${download.suggestedFilename()}`;
      await download.saveAs(path);
      return { name: download.suggestedFilename(), path };
    };
    const shown = (await shownNodes(page)).length;
    const view = await save("#export-gexf");
    expect(readFileSync(view.path, "utf8").match(/<node /g)).toHaveLength(shown);
    const all = await save("#export-all");
    expect(readFileSync(all.path, "utf8").match(/<node /g)).toHaveLength(corpus.graph.order);
    const nodes = await save("#export-nodes-csv");
    expect(nodes.name).toBe("nodes.csv");
    const nodeRows = readFileSync(nodes.path, "utf8").trim().split("\r\n");
    expect(nodeRows[0]).toMatch(/^Id,Label,type,mentions/);
    expect(nodeRows).toHaveLength(shown + 1);
    const edges = await save("#export-edges-csv");
    expect(readFileSync(edges.path, "utf8").trim().split("\r\n")[0]).toBe("Id,Source,Target,Type,kind,stance,weight,confidence");
    const png = await save("#export-png");
    expect(png.name).toBe("entity-graph.png");
    const image = readFileSync(png.path);
    expect(PNG.sync.read(image).width).toBeGreaterThan(400);
    expect(countColour(image, TYPE_COLORS.person)).toBeGreaterThan(50);
    expect(countColour(image, TYPE_COLORS.country)).toBeGreaterThan(50);
    await page.close();
  });
});
