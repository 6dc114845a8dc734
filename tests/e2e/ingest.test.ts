// Adding and deleting articles from the page (the write API): paste, drop, progress, delete; the graph
// follows without a page reload.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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
import { NEWS } from "./fixtures.js";
import { openExplorer, shownNodes } from "./page.js";

const ARTICLES = [
  "Jacinda Ardern met Anthony Albanese in Canberra.\nNew Zealand and Australia signed a trade pact.",
  "Justin Trudeau called Claudia Sheinbaum.\nCanada and Mexico discussed tariffs.",
  "Pedro Sanchez visited Lisbon.\nSpain and Portugal agreed on energy links.",
];

describe.skipIf(!hasChromium)("explorer in headless Chromium: adding and deleting articles", () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), "explorer-ingest-"));

  beforeAll(async () => {
    execFileSync("node", [`${repoRoot}scripts/build-client.mjs`]);
    const service = await CorpusWriter.open(new SqliteStore(`${dir}/graph.db`), buildReadModel);
    await service.ingest(NEWS);
    const app = createApp({
      corpus: () => service.current(),
      clientDir: `${repoRoot}dist/client`,
      write: { service, maxBodyBytes: 1 << 20 },
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  const openDocuments = async (): Promise<Page> => {
    const page = await openExplorer(browser, url);
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    await page.locator("#open-documents").click();
    await page.waitForSelector('#panel h2[data-view="documents"]');
    return page;
  };
  const samePage = (page: Page) => page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage);

  it("adds a pasted article; its entities appear in the graph and the list without a page reload", async () => {
    const page = await openDocuments();
    const before = await page.locator("#panel ol.documents li").count();
    await page.locator("#paste-text").fill(`<script>window.__pwned=1</script> ${ARTICLES[0]}`);
    await page.locator("#paste-title").fill("Trans-Tasman pact");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.waitForSelector("#ingest-status[data-done]");
    expect(await page.locator("#ingest-status").innerText()).toContain("Added 1 document");
    await expect.poll(() => shownNodes(page)).toContain("person:jacinda-ardern");
    await expect.poll(() => page.locator("#panel ol.documents li").count()).toBe(before + 1);
    await page.getByRole("button", { name: "Trans-Tasman pact", exact: true }).click();
    await page.waitForSelector("#panel h2[data-doc]");
    expect(await page.locator("#panel .reader").innerText()).toContain("<script>window.__pwned=1</script>");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await samePage(page)).toBe(true);
    await page.close();
  });

  it("adds dropped files one by one with a progress bar, then deletes a document", async () => {
    const page = await openDocuments();
    const listed = await page.locator("#panel ol.documents li").count();
    // Record every status text while the batch runs, to see the progress.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = []);
      const status = document.getElementById("ingest-status")!;
      new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.evaluate((texts) => {
      const data = new DataTransfer();
      texts.slice(1).forEach((t, i) => data.items.add(new File([t], `article-${i + 1}.txt`, { type: "text/plain" })));
      data.items.add(new File(["x"], "picture.png", { type: "image/png" }));
      document
        .getElementById("add-documents")!
        .dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, ARTICLES);
    await page.waitForSelector("#ingest-status[data-done]");
    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(progress).toEqual(expect.arrayContaining(["Adding 1 of 3…", "Adding 2 of 3…", "Adding 3 of 3…"]));
    const status = await page.locator("#ingest-status").innerText();
    expect(status).toContain("Added 2 documents");
    expect(status).toContain("picture.png"); // refused, and said so
    expect(await page.locator("#ingest-progress").isHidden()).toBe(true);
    await expect.poll(() => shownNodes(page)).toEqual(expect.arrayContaining(["person:justin-trudeau", "country:portugal"]));

    // Delete "London and Washington": Keir Starmer is named nowhere else.
    expect(await shownNodes(page)).toContain("person:keir-starmer");
    const row = page.locator("#panel ol.documents li", { hasText: "London and Washington" });
    // The list is fetched again after the batch: under load it can still show the documents before it.
    await expect.poll(() => page.locator("#panel ol.documents li").count()).toBe(listed + 2);
    const count = listed + 2;
    await row.getByRole("button", { name: /Delete/ }).click();
    await expect.poll(() => page.locator("#panel ol.documents li").count()).toBe(count - 1);
    await expect.poll(() => shownNodes(page)).not.toContain("person:keir-starmer");
    expect(await samePage(page)).toBe(true);
    await page.close();
  });
});
