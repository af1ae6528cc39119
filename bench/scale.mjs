// Load at scale: for each synthetic corpus (target/bench/corpus-N.json, from bench/run.sh) a whole
// site is published as `make site` would (bench/site.mjs: the app's files from target/bench/app,
// a copy of dist/ right after `trunk build`, then the publish binary, into target/bench/site-N),
// served locally and opened in headless Chromium with 4x CPU throttling. On a question page: the
// time from navigation to the question's h1 in the DOM (the published HTML: issue 13's goal is
// that it does not grow with the data), to the first contentful paint, and to the app taking the
// page over (data-app="started" on the mount element, once it has fetched and loaded the whole
// data); on a search page, the time to results (the index ready: from 2000 questions on, titles
// and tags first); and the JS heap. SCALE_RUNS (default 5) loads of each after one not counted,
// medians. Writes target/bench/scale.json.
// Usage: node bench/scale.mjs [sizes, e.g. 50,1000,20000]
import { readFileSync, writeFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../tests/e2e/support.mjs";
import { publishSite, serveSite } from "./site.mjs";

const root = new URL("..", import.meta.url).pathname;
const sizes = (process.argv[2] ?? "50,1000,20000").split(",").map(Number);
const RUNS = Number(process.env.SCALE_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const browser = await launchBrowser();
const results = [];
for (const n of sizes) {
  const file = `${root}target/bench/corpus-${n}.json`;
  const text = readFileSync(file);
  const doc = JSON.parse(text);
  // Pages of the same shape in every corpus (the synthetic questions differ from one corpus to the
  // next): three FAQ items and the text length nearest 1500 characters, so that a difference
  // between sizes is the data's size, not the page's.
  const textLength = (x) => x.answer_html.length + (x.faq ?? []).reduce((sum, f) => sum + f.question.length + f.answer_html.length, 0);
  const shaped = doc.questions.filter((x) => x.faq?.length === 3);
  const q = (shaped.length ? shaped : doc.questions).reduce((best, x) => (Math.abs(textLength(x) - 1500) < Math.abs(textLength(best) - 1500) ? x : best));
  const word = q.title.split(/\s+/).find((w) => w.length > 5) ?? q.title.split(/\s+/)[0];
  const base = { docs: n, dataBytes: statSync(file).size, dataGzipBytes: gzipSync(text, { level: 9 }).length };

  // The question form configured as in bench/lighthouse.mjs, as a real site would have it.
  const site = `${root}target/bench/site-${n}`;
  const publishMs = publishSite({ data: file, out: site, attributes: { "data-report-email": "poradnik@example.pl" } });
  const questionPath = `/pytanie/${encodeURIComponent(q.id)}`;
  const questionHtmlBytes = statSync(`${site}/pytanie/${q.id}.html`).size;
  const server = await serveSite(site);

  // Marks taken in the page by a MutationObserver installed before any of its scripts (polling
  // from here would add up to its interval, throttled, to every figure): when the page's h1 is in
  // the DOM, when the app has started (data-app="started"), and when `ready` matches after that.
  const observe = (ready) => {
    const marks = (window.__bench = {});
    const check = () => {
      const now = performance.now();
      if (marks.h1 === undefined && document.querySelector("main h1")) marks.h1 = now;
      if (marks.started === undefined && document.getElementById("poradnik-mieszkanca")?.getAttribute("data-app") === "started") marks.started = now;
      if (marks.started !== undefined && marks.ready === undefined && document.querySelector(ready)) marks.ready = now;
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-app"] });
  };
  const measure = async (path, ready) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(observe, ready);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Performance.enable");
    // Bytes received (headers and bodies, as the server sent them) until `ready`.
    await cdp.send("Network.enable");
    let bytes = 0;
    cdp.on("Network.loadingFinished", (e) => {
      bytes += e.encodedDataLength;
    });
    await page.goto(server.url + path, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench?.ready !== undefined, null, { timeout: 600_000, polling: 250 });
    const marks = await page.evaluate(() => ({
      ...window.__bench,
      h1Text: document.querySelector("main h1")?.textContent,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      // The HTML's first byte: what comes before it (a renderer process, the connection) is not the page's.
      firstByte: performance.getEntriesByType("navigation")[0]?.responseStart,
    }));
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
    const received = bytes;
    await context.close();
    // A second for the closed page's teardown (a 20 000-question page frees hundreds of MB): not
    // done, it runs during the next load and is charged to it.
    await new Promise((r) => setTimeout(r, 1000));
    return { ...marks, heapMb: heap / 1048576, bytes: received };
  };
  // RUNS fresh contexts per page, the median of each figure: a single load on this shared machine
  // varies by half. The first load of each size is not counted: it alone pays for the server's and
  // the browser's first use of the new site.
  const contents = [];
  const searches = [];
  try {
    for (let run = -1; run < RUNS; run++) {
      const content = await measure(questionPath, ".pm-question-page .pm-rich-text");
      // The right page, not the 404 page's h1.
      if (content.h1Text !== q.title) throw new Error(`h1 "${content.h1Text}" is not the question's title "${q.title}"`);
      const search = await measure(`/szukaj?q=${encodeURIComponent(word)}`, ".pm-search-results, .pm-search-page__empty");
      if (run < 0) continue;
      contents.push(content);
      searches.push(search);
    }
  } catch (e) {
    // A tab that runs out of memory is closed by the browser: that is the figure.
    const r = { ...base, publishMs, questionHtmlBytes, error: String(e.message ?? e).split("\n")[0] };
    results.push(r);
    console.log(`${String(n).padStart(6)} questions: failed: ${r.error}`);
    await server.close();
    continue;
  }
  // The site stays in target/bench/site-N for a look; the next run publishes it afresh.
  await server.close();
  const r = {
    ...base,
    publishMs,
    questionHtmlBytes,
    runs: RUNS,
    firstByteMs: median(contents.map((c) => c.firstByte)),
    h1Ms: median(contents.map((c) => c.h1)),
    fcpMs: median(contents.map((c) => c.fcp)),
    takeoverMs: median(contents.map((c) => c.started)),
    searchMs: median(searches.map((c) => c.ready)),
    heapMb: Math.max(...contents.map((c) => c.heapMb), ...searches.map((c) => c.heapMb)),
    questionBytes: median(contents.map((c) => c.bytes)),
    searchBytes: median(searches.map((c) => c.bytes)),
    each: { firstByteMs: contents.map((c) => c.firstByte), h1Ms: contents.map((c) => c.h1), takeoverMs: contents.map((c) => c.started), searchMs: searches.map((c) => c.ready) },
  };
  results.push(r);
  console.log(`${String(n).padStart(6)} questions: data ${(r.dataBytes / 1048576).toFixed(1)} MB (${(r.dataGzipBytes / 1048576).toFixed(1)} MB gzip), published in ${(publishMs / 1000).toFixed(1)} s, question page ${(questionHtmlBytes / 1024).toFixed(1)} KB, median of ${RUNS}: first byte ${Math.round(r.firstByteMs)} ms, h1 ${Math.round(r.h1Ms)} ms, FCP ${Math.round(r.fcpMs)} ms, app took over ${Math.round(r.takeoverMs)} ms after ${(r.questionBytes / 1024).toFixed(1)} KB; search results ${Math.round(r.searchMs)} ms after ${(r.searchBytes / 1024).toFixed(1)} KB, JS heap ${r.heapMb.toFixed(1)} MB (4x CPU)`);
}
await browser.close();
writeFileSync(`${root}target/bench/scale.json`, JSON.stringify(results, null, 2));
