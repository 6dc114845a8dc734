// What the browser tests do as a person would: open the explorer, click and hover nodes, read what is drawn.
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";

export interface ExplorerWindow {
  // The page bundle's sigma and graphology instances, read inside page.evaluate: untyped from here, where the
  // tests read node and edge attributes of their own shape.
  __explorer: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    renderer: any;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    graph: any;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    view: any;
  };
}

/** Opens a URL of the explorer and waits until the graph is drawn. */
export async function openExplorer(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("pageerror", (err) => console.error("page error:", err.message));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 20_000 });
  await settled(page);
  return page;
}

/** No graph request in flight and one more frame drawn. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector("body:not([data-loading])", { state: "attached", timeout: 20_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** A node's position in the page, from sigma (../shared/docs/BROWSER.md). */
export async function nodePosition(page: Page, nodeId: string): Promise<{ x: number; y: number }> {
  const vp = await page.evaluate((id) => {
    const r = (window as unknown as ExplorerWindow).__explorer.renderer;
    return r.framedGraphToViewport(r.getNodeDisplayData(id));
  }, nodeId);
  const box = (await page.locator("#graph").boundingBox())!;
  return { x: box.x + vp.x, y: box.y + vp.y };
}

/** Clicks a node; waits first, since two canvas clicks within ~300 ms make a double click sigma ignores. */
export async function clickNode(page: Page, nodeId: string): Promise<void> {
  await page.waitForTimeout(400);
  const p = await nodePosition(page, nodeId);
  await page.mouse.click(p.x, p.y);
}

export async function hoverNode(page: Page, nodeId: string): Promise<void> {
  const p = await nodePosition(page, nodeId);
  await page.mouse.move(p.x, p.y);
}

export const shownNodes = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as ExplorerWindow).__explorer.graph.nodes().sort());

/** Pixels of a screenshot close to an RGB colour: proof that something of that colour was drawn. */
export function countColour(png: Buffer, rgb: string): number {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
  const img = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (Math.abs(img.data[i]! - r) < 12 && Math.abs(img.data[i + 1]! - g) < 12 && Math.abs(img.data[i + 2]! - b) < 12) n++;
  }
  return n;
}
