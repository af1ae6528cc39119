// Load at scale: the built app with the synthetic corpora (target/bench/corpus-N.json, from
// bench/run.sh) as its data, in headless Chromium with 4x CPU throttling: the data's size, the
// time from navigation to a question's content, to search results (the index ready), and the JS
// heap. Writes target/bench/scale.json. Usage: node bench/scale.mjs [sizes, e.g. 1000,10000]
import { readFileSync, writeFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { serveDist, launchBrowser } from "../tests/e2e/support.mjs";

const root = new URL("..", import.meta.url).pathname;
const sizes = (process.argv[2] ?? "1000,10000,50000").split(",").map(Number);
const server = await serveDist();
const browser = await launchBrowser();
const results = [];
for (const n of sizes) {
  const file = `${root}target/bench/corpus-${n}.json`;
  const text = readFileSync(file);
  const doc = JSON.parse(text);
  const q = doc.questions[Math.floor(doc.questions.length / 2)];
  const word = q.title.split(/\s+/).find((w) => w.length > 5) ?? q.title.split(/\s+/)[0];
  const measure = async (path, ready) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route("**/data/faq.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: text }));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Performance.enable");
    await page.goto(server.url + path, { waitUntil: "commit" });
    await page.waitForFunction(ready, null, { timeout: 600_000, polling: 50 });
    const ms = await page.evaluate(() => performance.now());
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
    await context.close();
    return { ms, heapMb: heap / 1048576 };
  };
  let content, search;
  try {
    content = await measure(`/pytanie/${encodeURIComponent(q.id)}`, () => document.querySelector(".pm-question-page .pm-rich-text")?.textContent.length > 0);
    search = await measure(`/szukaj?q=${encodeURIComponent(word)}`, () => document.querySelector(".pm-search-results, .pm-search-page__empty") !== null);
  } catch (e) {
    // A tab that runs out of memory is closed by the browser: that is the figure.
    const r = { docs: n, dataBytes: statSync(file).size, dataGzipBytes: gzipSync(text, { level: 9 }).length, error: String(e.message ?? e).split("\n")[0] };
    results.push(r);
    console.log(`${String(n).padStart(6)} questions: failed: ${r.error}`);
    continue;
  }
  const r = {
    docs: n,
    dataBytes: statSync(file).size,
    dataGzipBytes: gzipSync(text, { level: 9 }).length,
    contentMs: content.ms,
    searchMs: search.ms,
    heapMb: Math.max(content.heapMb, search.heapMb),
  };
  results.push(r);
  console.log(`${String(n).padStart(6)} questions: data ${(r.dataBytes / 1048576).toFixed(1)} MB (${(r.dataGzipBytes / 1048576).toFixed(1)} MB gzip), question content ${Math.round(r.contentMs)} ms, search results ${Math.round(r.searchMs)} ms, JS heap ${r.heapMb.toFixed(1)} MB (4x CPU)`);
}
await browser.close();
await server.close();
writeFileSync(`${root}target/bench/scale.json`, JSON.stringify(results, null, 2));
