// The in-browser search benchmark: our engine (WebAssembly), MiniSearch and FlexSearch, on the
// synthetic corpora, in the same headless Chromium run, at 1x and 4x CPU throttling. Each engine
// and corpus gets a fresh page. Writes target/bench/browser.json.
// Usage: node bench/run-browser.mjs [sizes, e.g. 1000,10000]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const root = new URL("..", import.meta.url).pathname;
const sizes = (process.argv[2] ?? "1000,10000,50000").split(",").map(Number);
const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

// Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  const allowed = ["/bench/", "/node_modules/minisearch/", "/node_modules/flexsearch/", "/target/bench/"];
  if (!allowed.some((p) => path.startsWith(p))) return res.writeHead(404).end();
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, {
      "content-type": types[extname(path)] ?? "application/octet-stream",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/bench/page.html`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--enable-precise-memory-info", "--js-flags=--expose-gc"],
});
const results = [];
for (const n of sizes) {
  for (const rate of [1, 4]) {
    for (const engine of (process.env.BENCH_ENGINES ?? "ours,ours-app,minisearch,flexsearch").split(",")) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await page.goto(url);
      await page.waitForFunction(() => window.benchReady === true);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      let r;
      try {
        r = await page.evaluate(([e, n]) => window.runBench(e, n), [engine, n]);
      } catch (e) {
        r = { error: String(e).slice(0, 200) };
      }
      results.push({ engine, docs: n, cpu: rate, ...r });
      const s = r.search ? `build ${r.buildMs.toFixed(0)} ms, p95 ${r.search.p95.toFixed(2)} ms (render ${r.render.p95.toFixed(2)}), heap ${r.jsHeapMb.toFixed(1)} MB, wasm ${r.wasmMb.toFixed(1)} MB, top-10 ${(100 * r.top10).toFixed(0)}%${r.stages ? ` (load ${r.stages[0].toFixed(0)} ms, titles and tags ${r.stages[1].toFixed(0)} ms, whole text ${r.stages[2].toFixed(0)} ms, wasm after load ${(r.stages[3] / 1048576).toFixed(1)} MB)` : ""}` : r.error;
      console.log(`${String(n).padStart(6)} docs ${rate}x ${engine.padEnd(10)} ${s}`);
      await page.close();
    }
  }
}
await browser.close();
server.close();
writeFileSync(join(root, "target/bench/browser.json"), JSON.stringify(results, null, 2));
