// First-render time of the explorer in headless Chromium: from navigation start to body[data-ready=true]
// plus one drawn frame, for a URL given (default http://127.0.0.1:3000/), median of several runs.
//   npx tsx scripts/measure-first-render.ts [url] [--runs 5]
import { launchBrowser } from "../tests/helpers/browser.js";
import { countOption, readArgs } from "./lib/args.js";

const USAGE = "usage: npx tsx scripts/measure-first-render.ts [url] [--runs 5]";
const { values, positionals } = readArgs(USAGE, { options: { runs: { type: "string" } }, allowPositionals: true });
const runs = countOption(values.runs, "runs", 5, USAGE);
const url = positionals[0] ?? "http://127.0.0.1:3000/";

const browser = await launchBrowser();
const times: number[] = [];
let status = "";
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 120_000 });
    // performance.now() counts from the navigation's start; the frame after ready is the first one drawn.
    const ms = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
    times.push(ms);
    status = await page.locator("#status").innerText();
    await page.close();
  }
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(`${url}: first render ${Math.round(median)} ms median of ${runs} (${times.map(Math.round).join(", ")} ms); ${status}`);
