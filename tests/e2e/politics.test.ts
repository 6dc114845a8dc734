// The explorer on a real corpus: the 417 BBC politics articles, ingested by the CLI into a fresh store and served
// by the server as `npm start` runs it. Big discs, stance edges, the legend, undated documents, a corpus that
// changes while the page is open, and a clean stop.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { STANCE_COLORS, TYPE_COLORS } from "../../common/appearance.js";
import { hasChromium, launchBrowser } from "../helpers/browser.js";
import { type Running, health, ingestCli, portIsFree, startServerProcess } from "../helpers/process.js";
import { repoRoot } from "../helpers/server.js";
import { tempDir } from "../store/fixtures.js";
import { type ExplorerWindow, clickNode, countColour, openExplorer, settled } from "./page.js";

const POLITICS = join(repoRoot, "..", "shared", "data", "news", "bbc", "politics");
const hasPolitics = existsSync(POLITICS);
if (!hasPolitics) console.warn(`SKIPPED politics browser tests: no corpus at ${POLITICS}`);
else if (!hasChromium) console.warn("SKIPPED politics browser tests: no Chromium at /usr/bin/chromium (apt-get install chromium)");

const SCREENSHOTS = `${repoRoot}tests/screenshots`;
const writeScreenshots = () => process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(`${SCREENSHOTS}/explorer-politics.png`);

/** "rgb(1, 2, 3)" as the DOM writes it -> "rgb(1,2,3)" as our palettes do. */
const bare = (colour: string) => colour.replace(/\s/g, "");

interface DrawnNode {
  id: string;
  x: number;
  y: number;
  r: number;
  colour: string;
  community: number;
}

/** Every drawn disc: its centre and radius in the page (px), its colour and community. */
async function drawnNodes(page: Page): Promise<DrawnNode[]> {
  const box = (await page.locator("#graph").boundingBox())!;
  const nodes = await page.evaluate(() => {
    const { renderer, graph } = (window as unknown as ExplorerWindow).__explorer;
    return graph.mapNodes((id: string, a: { community: number }) => {
      const d = renderer.getNodeDisplayData(id);
      const p = renderer.framedGraphToViewport(d);
      return { id, x: p.x, y: p.y, r: renderer.scaleSize(d.size), colour: d.color, community: a.community };
    }) as DrawnNode[];
  });
  return nodes.map((n) => ({ ...n, x: n.x + box.x, y: n.y + box.y }));
}

describe.skipIf(!hasChromium || !hasPolitics)("explorer on the 417 BBC politics articles", () => {
  const { dir, remove } = tempDir("politics-");
  const db = join(dir, "politics.db");
  let server: Running;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    execFileSync("node", [`${repoRoot}scripts/build-client.mjs`]);
    const ingest = ingestCli(db, [POLITICS]);
    expect(ingest.status, ingest.stderr).toBe(0);
    server = await startServerProcess(db);
    browser = await launchBrowser();
    page = await openExplorer(browser, server.url);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
    remove();
  });

  it("draws discs that do not overlap by more than a tenth, and clicking each of the 20 biggest opens that node", async () => {
    const nodes = await drawnNodes(page);
    expect(nodes.length).toBe(500); // the default view of a big corpus: its top 500
    let worst = 0;
    for (const [i, a] of nodes.entries()) {
      for (const b of nodes.slice(i + 1))
        worst = Math.max(worst, (a.r + b.r - Math.hypot(a.x - b.x, a.y - b.y)) / (2 * Math.min(a.r, b.r)));
    }
    expect(worst).toBeLessThanOrEqual(0.11);
    if (writeScreenshots()) await page.screenshot({ path: `${SCREENSHOTS}/explorer-politics.png` });

    const biggest = [...nodes].sort((a, b) => b.r - a.r || (a.id < b.id ? -1 : 1)).slice(0, 20);
    const opened: string[] = [];
    for (const n of biggest) {
      await clickNode(page, n.id);
      await page.waitForSelector(`#panel h2[data-entity="${n.id}"]`, { timeout: 10_000 });
      opened.push(n.id);
    }
    expect(opened).toEqual(biggest.map((n) => n.id));
    if (writeScreenshots()) await page.screenshot({ path: `${SCREENSHOTS}/explorer-politics-selected.png` });
  }, 120_000);

  /** The default view again, nothing selected. */
  const fresh = async () => {
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 30_000 });
    await settled(page);
  };

  it("draws stance edges above co-mentions in their own colours, and a click on one opens it with the pair's other edge", async () => {
    await fresh();
    const shot = await page.screenshot();
    expect(countColour(shot, STANCE_COLORS.oppose) + countColour(shot, STANCE_COLORS.support)).toBeGreaterThan(50);
    const box = (await page.locator("#graph").boundingBox())!;
    // The stance edges whose pair also has a co-mention edge. For each in id order, the camera centres on it close
    // enough that it runs 400 px; the first whose midpoint is then clear of every disc by a margin (a click also asks
    // sigma's own hit test, which need not match ours to the pixel) and of every other pair's edge is clicked, since a
    // click elsewhere may rightly open the disc or the crossing edge. Zooming in keeps the test off the layout's luck.
    const { paired, c } = await page.evaluate(async () => {
      const { renderer, graph, view } = (window as unknown as ExplorerWindow).__explorer;
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const pairOf = (s: string, t: string) => [s, t].sort().join(" ");
      const distance = (x: number, y: number, p: { x: number; y: number }, q: { x: number; y: number }) => {
        const [dx, dy] = [q.x - p.x, q.y - p.y];
        const f = Math.max(0, Math.min(1, ((x - p.x) * dx + (y - p.y) * dy) / (dx * dx + dy * dy || 1)));
        return Math.hypot(x - (p.x + f * dx), y - (p.y + f * dy));
      };
      const clearOfDiscs = (x: number, y: number) =>
        [
          [0, 0],
          [8, 0],
          [-8, 0],
          [0, 8],
          [0, -8],
        ].every(([dx, dy]) => view.nodeAt(x + dx!, y + dy!) === undefined);
      const stances = graph
        .filterEdges(
          (_e: string, a: { kind: string }, s: string, t: string) =>
            a.kind === "stance" && graph.edges(s, t).length + graph.edges(t, s).length > 1,
        )
        .sort();
      const camera = renderer.getCamera();
      for (const edge of stances) {
        const [s, t] = graph.extremities(edge);
        const [ds, dt] = [renderer.getNodeDisplayData(s), renderer.getNodeDisplayData(t)];
        const [vs, vt] = [renderer.framedGraphToViewport(ds), renderer.framedGraphToViewport(dt)];
        const length = Math.hypot(vt.x - vs.x, vt.y - vs.y) / camera.ratio;
        camera.setState({ x: (ds.x + dt.x) / 2, y: (ds.y + dt.y) / 2, ratio: length / 400 });
        await frame();
        const at = new Map<string, { x: number; y: number }>();
        graph.forEachNode((n: string) => at.set(n, renderer.framedGraphToViewport(renderer.getNodeDisplayData(n))));
        const [p, q] = [at.get(s)!, at.get(t)!];
        const [x, y] = [(p.x + q.x) / 2, (p.y + q.y) / 2];
        const alone = graph.everyEdge(
          (_e: string, _a: unknown, u: string, v: string) => pairOf(u, v) === pairOf(s, t) || distance(x, y, at.get(u)!, at.get(v)!) > 6,
        );
        if (clearOfDiscs(x, y) && alone) return { paired: stances.length, c: { edge, x, y } };
      }
      return { paired: stances.length, c: undefined };
    });
    expect(paired).toBeGreaterThan(5);
    if (c === undefined) throw new Error(`none of the ${paired} paired stance edges has a clear midpoint, even zoomed in`);
    await page.waitForTimeout(400);
    await page.mouse.click(box.x + c.x, box.y + c.y);
    await page.waitForSelector(`#panel h2[data-edge="${c.edge}"]`, { timeout: 10_000 }).catch(async (err: Error) => {
      throw new Error(
        `${err.message}; clicked ${c.edge} at ${c.x},${c.y}; the URL is ${page.url()}; the panel says ${await page.locator("#panel").innerText()}`,
      );
    });
    // The stance comes first, then the same pair's co-mention edge.
    const shown = await page.locator("#panel h2[data-edge]").evaluateAll((hs) => hs.map((h) => h.getAttribute("data-edge")));
    expect(shown[0]).toBe(c.edge);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.slice(1).some((id) => id!.includes("--"))).toBe(true);
  }, 60_000);

  it("keeps a legend that follows the colour mode and says what the size means", async () => {
    await fresh();
    const legend = page.locator("#legend-key");
    expect(await legend.getAttribute("data-colour-mode")).toBe("type");
    const typeRows = await legend.locator("li[data-type] .swatch").evaluateAll((s) => s.map((e) => (e as HTMLElement).style.background));
    expect(typeRows.map(bare)).toEqual(Object.values(TYPE_COLORS));
    expect(await legend.innerText()).toMatch(/Disc size: mentions/);
    await page.selectOption("#color-by", "community");
    await settled(page);
    expect(await legend.getAttribute("data-colour-mode")).toBe("community");
    expect(await legend.locator("li[data-type]").count()).toBe(0);
    const rows = await legend.locator("li[data-community]").evaluateAll((ls) =>
      ls.map((l) => ({
        c: Number(l.getAttribute("data-community")),
        colour: (l.querySelector(".swatch") as HTMLElement).style.background,
      })),
    );
    expect(rows.length).toBeGreaterThan(2);
    const nodes = await drawnNodes(page);
    for (const row of rows) {
      const members = nodes.filter((n) => n.community === row.c);
      expect(members.length).toBeGreaterThan(0);
      for (const m of members) expect(bare(m.colour)).toBe(bare(row.colour));
    }
    // The type swatches of the filter no longer claim to be the colours.
    const visible = await page.locator("#legend .swatch").evaluateAll((s) => s.map((e) => (e as HTMLElement).style.visibility));
    expect(visible.every((v) => v === "hidden")).toBe(true);
    await page.selectOption("#color-by", "type");
    await settled(page);
  }, 30_000);

  it("says how many documents are undated, and turns the date fields off with the reason when fewer than two are dated", async () => {
    const docs = (await (await fetch(`${server.url}/api/documents`)).json()) as { date?: string; source?: string }[];
    const undated = docs.filter((d) => !d.date).length;
    const notice = await page.locator("#undated").innerText();
    expect(notice).toContain(`${undated.toLocaleString("en")} of ${docs.length.toLocaleString("en")} documents undated`);
    const dated = docs.length - undated;
    expect(await page.locator("#date-from").isDisabled()).toBe(dated < 2);
    if (dated < 2) expect(notice).toMatch(/a range cannot filter anything/);
    // Sources are the file names as given, not machine paths.
    expect(docs.every((d) => /^\d{3}\.txt$/.test(d.source ?? ""))).toBe(true);
  });

  it("shows what a CLI ingest adds while it runs: at once when nothing is open, else behind 'Reload graph'", async () => {
    await fresh();
    const extra = join(dir, "extra");
    mkdirSync(extra, { recursive: true });
    const before = await health(server.url);
    const statusBefore = await page.locator("#status").innerText();
    writeFileSync(join(extra, "a.txt"), "Orla Penderwick met Tomas Vellacott in Lisbon.\nPenderwick praised Vellacott's budget plan.");
    expect(ingestCli(db, [extra, "--workers", "0"]).status).toBe(0);
    await page.waitForFunction((old) => document.querySelector("#status")?.textContent !== old, statusBefore, { timeout: 60_000 }); // noticed within a second; laying out the new graph takes longer
    expect((await health(server.url)).documents).toBe(before.documents + 1);

    // With an entity open the panel stays, and a notice offers the reload.
    const [first] = await drawnNodes(page);
    await clickNode(page, first!.id);
    await page.waitForSelector(`#panel h2[data-entity="${first!.id}"]`);
    writeFileSync(join(extra, "b.txt"), "Tomas Vellacott rejected the Penderwick proposal in Porto.\nVellacott met officials there.");
    expect(ingestCli(db, [extra, "--workers", "0"]).status).toBe(0);
    await page.waitForSelector("#live-notice:not([hidden])", { timeout: 60_000 });
    expect(await page.locator("#live-notice").innerText()).toContain(`now ${before.documents + 2} documents`);
    expect(await page.locator(`#panel h2[data-entity="${first!.id}"]`).count()).toBe(1);
    await page.click("#live-reload");
    await page.waitForSelector("#live-notice[hidden]", { state: "attached" });
    await settled(page);
  }, 180_000);

  it("stops on SIGTERM with the page still connected: exit 0 and the port free", async () => {
    server.child.kill("SIGTERM");
    const started = Date.now();
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000); // a reload in progress finishes first
    expect(await portIsFree(server.port)).toBe(true);
  }, 30_000);
});
