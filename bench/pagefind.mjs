// Pagefind as the peer of our search at scale: a static site's search whose index is split into
// chunks fetched as the resident types, instead of one index loaded up front.
// For each synthetic corpus (target/bench/corpus-N.json, queries-N.json: bench/run.sh):
// 1. the corpus indexed with Pagefind's Node API, one custom record per question (its title,
//    tags, answer and FAQ items as plain text, language "pl"): the time, the files written and
//    their size on disk and gzip -9;
// 2. the index served with a minimal page that loads /pagefind/pagefind.js and calls init(), in
//    headless Chromium at 1x and 4x CPU throttling (4x also with Pagefind's search on the main
//    thread: CPU throttling does not reach its worker); 3-word queries of synthetic.rs `queries`
//    (the first PAGEFIND_QUERIES, default 5, of queries-N.json with three words) typed letter by
//    letter (bench/typing.mjs): for each prefix `pagefind.search(prefix)` and the first 5
//    results' data loaded, as a list of results would show them; a fresh context (no cache) per
//    query, medians over the queries;
// 3. relevance on the sample portal (public/data/faq.json, tests/relevance/queries.json) as
//    bench/relevance.mjs computes it for the other engines: top-1, top-3, MRR over the top 10.
// Writes target/bench/pagefind.json (keeping the sizes not run this time). Usage: node bench/pagefind.mjs [sizes, e.g. 1000,10000,50000]
import { readFileSync, readdirSync, statSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { launchBenchBrowser, serveStatic, measureTyping, summarize, peerReport, corpusWithQueries } from "./typing.mjs";

const root = new URL("..", import.meta.url).pathname;
const sizes = (process.argv[2] ?? "1000,10000").split(",").filter(Boolean).map(Number);
const QUERIES = Number(process.env.PAGEFIND_QUERIES ?? 5);
// Pagefind searches in a web worker, which DevTools' CPU throttling does not slow as it does the
// page (the protocol refuses Emulation.setCPUThrottlingRate on a worker): 4x is also measured
// with Pagefind's noWorker option, its search then on the throttled main thread.
const CONFIGS = [
  { cpu: 1, worker: true },
  { cpu: 4, worker: true },
  { cpu: 4, worker: false },
];
const version = JSON.parse(readFileSync(join(root, "node_modules/pagefind/package.json"), "utf8")).version;

const plain = (html) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/** A question as one Pagefind custom record: its URL is the question's page. */
const record = (q) => ({
  url: `/pytanie/${q.id}`,
  content: [q.title, (q.tags ?? []).join(", "), plain(q.answer_html), ...(q.faq ?? []).flatMap((f) => [f.question, plain(f.answer_html)])].join("\n"),
  language: "pl",
  meta: { title: q.title },
});

/** Indexes `questions` into `out`/pagefind; returns the time and what was written. */
async function buildIndex(questions, out) {
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (errors.length) throw new Error(`pagefind createIndex: ${errors.join("; ")}`);
  // Records sent a thousand at a time: Pagefind's service takes them in order.
  for (let i = 0; i < questions.length; i += 1000) {
    const added = await Promise.all(questions.slice(i, i + 1000).map((q) => index.addCustomRecord(record(q))));
    const failed = added.find((a) => a.errors.length);
    if (failed) throw new Error(`pagefind addCustomRecord: ${failed.errors.join("; ")}`);
  }
  const written = await index.writeFiles({ outputPath: join(out, "pagefind") });
  if (written.errors.length) throw new Error(`pagefind writeFiles: ${written.errors.join("; ")}`);
  const indexMs = performance.now() - t0;
  await index.deleteIndex();
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push({ path: relative(join(out, "pagefind"), p), bytes: statSync(p).size, gzip: gzipSync(readFileSync(p), { level: 9 }).length });
    }
  };
  walk(join(out, "pagefind"));
  // What search needs, without the optional UI bundles (pagefind-ui, -modular-ui, -component-ui,
  // -highlight) and the WebAssembly for pages of unknown language.
  const search = files.filter((f) => !/^pagefind-(ui|modular-ui|component-ui|highlight)\.|^wasm\.unknown\./.test(f.path));
  const sum = (fs, k) => fs.reduce((a, f) => a + f[k], 0);
  const kind = (re) => search.filter((f) => re.test(f.path));
  return {
    indexMs,
    files: files.length,
    bytes: sum(files, "bytes"),
    gzipBytes: sum(files, "gzip"),
    searchFiles: search.length,
    searchBytes: sum(search, "bytes"),
    searchGzipBytes: sum(search, "gzip"),
    chunks: { index: kind(/^index\//).length, fragment: kind(/^fragment\//).length, filter: kind(/^filter\//).length },
    indexChunkBytes: sum(kind(/^index\//), "bytes"),
    fragmentBytes: sum(kind(/^fragment\//), "bytes"),
  };
}

// The first page view: pagefind.js loaded as an ES module, options set, init() (in Pagefind's
// web worker, its default: the entry, the language's metadata and WebAssembly). init() only
// starts that loading; filters(), which waits for it (and, without filters, loads nothing
// more), tells when it is done.
const PAGE = `<!doctype html><html lang="pl"><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
const pf = await import("/pagefind/pagefind.js");
await pf.options(new URLSearchParams(location.search).has("noWorker") ? { noWorker: true } : {});
await pf.init();
await pf.filters();
window.pagefind = pf;
window.pagefindReady = true;
</script><body></body></html>`;
const open = async (page) => {
  await page.goto(`${page.__server}/${page.__worker === false ? "?noWorker" : ""}`);
  await page.waitForFunction(() => window.pagefindReady === true, null, { timeout: 120_000, polling: 20 });
};
// One query as a list of results shows it: the search, then the first 5 results' data.
const runQuery = async (text) => {
  const r = await window.pagefind.search(text);
  const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
  return data.map((d) => d.url);
};

const browser = await launchBenchBrowser();
const measureOne = async (server, query, cpu, worker = true) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.__server = server.url;
  page.__worker = worker;
  try {
    return await measureTyping(page, { open, runQuery, query, cpu, served: server.served });
  } finally {
    await context.close();
  }
};

// Sizes not run this time keep their figures from the previous target/bench/pagefind.json (of
// the same Pagefind version), so that a run of one size adds to the others; written after each.
const { report, previous, save } = peerReport(root, "pagefind", sizes, { engine: "pagefind", version }, (p) => p.version === version);
report.relevance = previous?.relevance ?? null;
for (const n of sizes) {
  const { doc, queries } = corpusWithQueries(root, n, QUERIES);
  const out = join(root, `target/bench/pagefind-${n}`);
  const built = await buildIndex(doc.questions, out);
  console.log(`${String(n).padStart(6)} questions: indexed in ${(built.indexMs / 1000).toFixed(1)} s, ${built.files} files ${(built.bytes / 1048576).toFixed(1)} MB (${(built.gzipBytes / 1048576).toFixed(1)} MB gzip -9); search files ${built.searchFiles}, ${(built.searchBytes / 1048576).toFixed(1)} MB (${built.chunks.index} index chunks, ${built.chunks.fragment} fragments)`);
  const server = await serveStatic({ mounts: { "/pagefind/": join(out, "pagefind") + "/" }, pages: { "/": PAGE } });
  // One query not counted: the first use of the new index by the server and the browser.
  await measureOne(server, queries[0].query, 1);
  const configs = [];
  for (const { cpu, worker } of CONFIGS) {
    const runs = [];
    for (const { query } of queries) runs.push(await measureOne(server, query, cpu, worker));
    const s = { cpu, mode: worker ? "worker" : "main thread", ...summarize(runs) };
    // Whether the question the query was made from is among the 5 shown after its last letter.
    s.found = runs.filter((r, i) => r.lastShown?.includes(`/pytanie/${queries[i].target}`)).length;
    configs.push(s);
    console.log(`         ${cpu}x ${s.mode}: first view ${(s.initBytes / 1024).toFixed(1)} KB, whole query ${(s.queryBytes / 1024).toFixed(1)} KB (${s.queryRequests} requests), first results ${s.firstResultsMs.toFixed(0)} ms, per keystroke median ${s.keystrokeMedianMs.toFixed(1)} ms p95 ${s.keystrokeP95Ms.toFixed(1)} ms, JS heap ${s.jsHeapMb.toFixed(1)} MB, JS memory with the worker ${s.memoryMb?.toFixed(1) ?? "?"} MB, wasm ${s.wasmMb.toFixed(1)} MB; source question shown for ${s.found}/${runs.length}`);
  }
  await server.close();
  report.sizes.push({ docs: n, queries, ...built, runs: configs });
  save();
}

// Relevance: the sample portal indexed the same way, the relevance set's queries as typed.
{
  const sample = JSON.parse(readFileSync(join(root, "public/data/faq.json"), "utf8"));
  const cases = JSON.parse(readFileSync(join(root, "tests/relevance/queries.json"), "utf8"));
  const out = join(root, "target/bench/pagefind-sample");
  await buildIndex(sample.questions, out);
  const server = await serveStatic({ mounts: { "/pagefind/": join(out, "pagefind") + "/" }, pages: { "/": PAGE } });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.__server = server.url;
  await open(page);
  const kinds = {};
  const misses = [];
  const add = (k, rank) => {
    const s = (kinds[k] ??= { n: 0, top1: 0, top3: 0, rr: 0 });
    s.n += 1;
    if (rank >= 0) {
      s.top1 += rank === 0 ? 1 : 0;
      s.top3 += rank < 3 ? 1 : 0;
      s.rr += 1 / (rank + 1);
    }
  };
  for (const c of cases) {
    const urls = await page.evaluate(async (q) => {
      const r = await window.pagefind.search(q);
      return Promise.all(r.results.slice(0, 10).map(async (x) => (await x.data()).url));
    }, c.query);
    const rank = urls.indexOf(`/pytanie/${c.expect}`);
    add("all", rank);
    add(c.kind, rank);
    if (rank < 0 || rank >= 3) misses.push(c.query);
  }
  await context.close();
  await server.close();
  report.relevance = {
    kinds: Object.fromEntries(Object.entries(kinds).map(([k, s]) => [k, { n: s.n, top1: s.top1 / s.n, top3: s.top3 / s.n, mrr: s.rr / s.n }])),
    misses,
  };
  const a = report.relevance.kinds.all;
  console.log(`relevance on the sample: top-1 ${(100 * a.top1).toFixed(1)}%  top-3 ${(100 * a.top3).toFixed(1)}%  MRR ${a.mrr.toFixed(3)}  (${a.n} queries)`);
}

await browser.close();
await pagefind.close();
save();
console.log("wrote target/bench/pagefind.json");
