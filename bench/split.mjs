// Our split search index at scale, measured as bench/pagefind.mjs measures Pagefind: for each
// synthetic corpus (target/bench/corpus-N.json, queries-N.json: bench/run.sh),
// 1. the index written as the publish step writes it (examples/split_site.rs: the app's engine
//    builds it once, `indeks/spis.json` and `indeks/{build}/`): the time, files and bytes on
//    disk (gzip -9);
// 2. served with a minimal page that loads the engine's WebAssembly (bench/search-wasm, the same
//    reader the app uses: `poradnik::search::index::split`) and the manifest; the same 3-word
//    queries typed letter by letter (bench/typing.mjs): for each prefix the files the reader
//    names are fetched, then the query runs and its 10 results' fragments are fetched, as the
//    app shows them (Pagefind's run loads 5); 1x and 4x CPU (the reader runs on the page's main thread, so
//    4x throttles it); a fresh context per query, medians.
// Writes target/bench/split.json. Needs target/bench/wasm (bench/run.sh).
// Usage: node bench/split.mjs [sizes, e.g. 1000,10000,50000]
import { readFileSync, readdirSync, statSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBenchBrowser, serveStatic, measureTyping, summarize, peerReport, corpusWithQueries, percentile } from "./typing.mjs";

const root = new URL("..", import.meta.url).pathname;
const sizes = (process.argv[2] ?? "1000,10000").split(",").filter(Boolean).map(Number);
const QUERIES = Number(process.env.PAGEFIND_QUERIES ?? 5);
const CPUS = [1, 4];

function buildIndex(corpusFile, out) {
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  const line = execFileSync("cargo", ["run", "--quiet", "--release", "--locked", "--example", "split_site", "--", corpusFile, out], { cwd: root, encoding: "utf8" });
  const stepMs = JSON.parse(line.trim().split("\n").pop()).ms;
  const wallMs = performance.now() - t0;
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push({ path: relative(out, p), bytes: statSync(p).size, gzip: gzipSync(readFileSync(p), { level: 9 }).length });
    }
  };
  walk(out);
  const sum = (fs, k) => fs.reduce((a, f) => a + f[k], 0);
  const kind = (re) => files.filter((f) => re.test(f.path.split("/").pop()));
  return {
    indexMs: stepMs,
    wallMs,
    files: files.length,
    bytes: sum(files, "bytes"),
    gzipBytes: sum(files, "gzip"),
    searchFiles: files.length,
    searchBytes: sum(files, "bytes"),
    searchGzipBytes: sum(files, "gzip"),
    chunks: { index: files.length - kind(/^w\d/).length - 1, dictionary: kind(/^s\d/).length, stems: kind(/^t\d/).length, prefixes: kind(/^p/).length, postings: kind(/^l\d/).length, fragment: kind(/^w\d/).length },
    indexChunkBytes: sum(files.filter((f) => !/^w\d/.test(f.path.split("/").pop())), "bytes"),
    fragmentBytes: sum(kind(/^w\d/), "bytes"),
  };
}

const PAGE = `<!doctype html><html lang="pl"><meta charset="utf-8"><title>Split index</title>
<script type="module">
import init, { Split } from "/wasm/search_bench.js";
await init();
const manifest = await (await fetch("/indeks/spis.json")).text();
window.split = new Split(manifest);
window.fragments = new Map();
window.splitReady = true;
</script><body></body></html>`;
const open = async (page) => {
  await page.goto(`${page.__server}/`);
  await page.waitForFunction(() => window.splitReady === true, null, { timeout: 120_000, polling: 20 });
};
// One query as a list of results shows it: the files the reader needs, the query, then the
// first 5 results' fragments.
const runQuery = async (text) => {
  const s = window.split;
  const dir = `/indeks/${s.build()}/`;
  for (let need = s.need(text); need.length; need = s.need(text)) {
    const bytes = await Promise.all(need.map(async (n) => new Uint8Array(await (await fetch(dir + n)).arrayBuffer())));
    need.forEach((n, i) => s.add(n, bytes[i]));
  }
  // The reader's own work for this keystroke, its files being there (the rest is the network's).
  const t0 = performance.now();
  const docs = Array.from(s.search(text, 10));
  (window.__compute ??= []).push(performance.now() - t0);
  const shown = await Promise.all(
    docs.map(async (d) => {
      if (!window.fragments.has(d)) window.fragments.set(d, await (await fetch(`${dir}w${d}.json`)).json());
      return window.fragments.get(d);
    }),
  );
  return shown.map((f) => `/pytanie/${f.id}`);
};

const browser = await launchBenchBrowser();
const measureOne = async (server, query, cpu) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.__server = server.url;
  try {
    const r = await measureTyping(page, { open, runQuery, query, cpu, served: server.served });
    r.computeMs = await page.evaluate(() => window.__compute ?? []);
    return r;
  } finally {
    await context.close();
  }
};

const { report, save } = peerReport(root, "split", sizes, { engine: "ours, split" });
for (const n of sizes) {
  const { corpusFile, doc, queries } = corpusWithQueries(root, n, QUERIES);
  const out = join(root, `target/bench/split-${n}`);
  const built = buildIndex(corpusFile, out);
  console.log(`${String(n).padStart(6)} questions: index written in ${(built.indexMs / 1000).toFixed(1)} s, ${built.files} files ${(built.bytes / 1048576).toFixed(1)} MB (${(built.gzipBytes / 1048576).toFixed(1)} MB gzip -9)`);
  const server = await serveStatic({ mounts: { "/indeks/": join(out, "indeks") + "/", "/wasm/": join(root, "target/bench/wasm") + "/" }, pages: { "/": PAGE } });
  await measureOne(server, queries[0].query, 1);
  const configs = [];
  for (const cpu of CPUS) {
    const runs = [];
    for (const { query } of queries) runs.push(await measureOne(server, query, cpu));
    const s = { cpu, mode: "main thread", ...summarize(runs) };
    const compute = runs.flatMap((r) => r.computeMs);
    s.computeMedianMs = percentile(compute, 50);
    s.computeP95Ms = percentile(compute, 95);
    s.found = runs.filter((r, i) => r.lastShown?.includes(`/pytanie/${queries[i].target}`)).length;
    configs.push(s);
    console.log(`         ${cpu}x: first view ${(s.initBytes / 1024).toFixed(1)} KB, whole query ${(s.queryBytes / 1024).toFixed(1)} KB (${s.queryRequests} requests), first results ${s.firstResultsMs.toFixed(0)} ms, per keystroke median ${s.keystrokeMedianMs.toFixed(1)} ms p95 ${s.keystrokeP95Ms.toFixed(1)} ms (the reader's own work: median ${s.computeMedianMs.toFixed(2)} ms, p95 ${s.computeP95Ms.toFixed(2)} ms), JS heap ${s.jsHeapMb.toFixed(1)} MB, wasm ${s.wasmMb.toFixed(1)} MB; source question shown for ${s.found}/${runs.length}`);
  }
  await server.close();
  report.sizes.push({ docs: n, queries, ...built, runs: configs });
  save();
}
await browser.close();
save();
console.log("wrote target/bench/split.json");
