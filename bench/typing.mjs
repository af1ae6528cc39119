// A resident typing a query into a search box, letter by letter, in headless Chromium: what it
// costs on the wire and in time, whichever engine answers. Shared by bench/pagefind.mjs (Pagefind
// as our search's peer) and meant for the same measurement of ours (the app's split index): the
// engine is only `open` (load the page until it is ready to type into) and `runQuery` (run one
// query string in the page; resolve once its results are shown).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../tests/e2e/support.mjs";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
/** Nearest-rank percentile `p` (0–100). */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};

/**
 * Chromium as tests/e2e/support.mjs launches it (the system's, never a downloaded one), plus
 * what this measurement needs: precise memory figures, and `measureUserAgentSpecificMemory`
 * answering at once rather than at the next garbage collection.
 */
export function launchBenchBrowser() {
  return launchBrowser(["--enable-precise-memory-info", "--enable-blink-features=ForceEagerMeasureMemory"]);
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
};
const compressible = new Set([".html", ".js", ".mjs", ".json", ".css", ".wasm"]);

/**
 * Serves `mounts` ({ "/url/prefix/": "/directory/" }) and `pages` ({ "/path": "html" }) on a free
 * loopback port as a static host with gzip would: text and WebAssembly gzip -9 when the browser
 * accepts it (files that are gzip already, as Pagefind's index chunks, as they are), so that the
 * bytes counted are bytes a resident would download. Cross-origin isolated (COOP/COEP), for 5 µs
 * timers and `performance.measureUserAgentSpecificMemory`. `served` counts the response bodies
 * sent (bytes as sent, gzip or not) and requests answered with them.
 */
export async function serveStatic({ mounts = {}, pages = {} }) {
  const cache = new Map();
  const served = { bytes: 0, requests: 0 };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const headers = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp", "cache-control": "no-cache" };
    let body;
    let ext = extname(path);
    if (pages[path] !== undefined) {
      body = Buffer.from(pages[path]);
      ext = ".html";
    } else {
      const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
      const file = prefix && join(mounts[prefix], path.slice(prefix.length));
      if (!file || !file.startsWith(mounts[prefix]) || !(await stat(file).catch(() => null))?.isFile()) {
        res.writeHead(404, headers).end();
        return;
      }
      body = await readFile(file);
    }
    headers["content-type"] = types[ext] ?? "application/octet-stream";
    const gzipped = body[0] === 0x1f && body[1] === 0x8b;
    if (!gzipped && compressible.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      const key = `${path}:${body.length}`;
      if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 9 }));
      body = cache.get(key);
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, headers);
    res.end(body);
    served.bytes += body.length;
    served.requests += 1;
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, served, close: () => new Promise((r) => server.close(r)) };
}

// Run first in the page and in each of its workers: keeps every WebAssembly memory that an
// instance exports or imports, so that their sizes can be read after (an engine's own memory is
// not otherwise reachable, e.g. inside Pagefind's worker).
const WASM_HOOK = `(() => {
  if (self.__benchWasm) return;
  const memories = (self.__benchWasm = new Set());
  const keep = (instance, imports) => {
    for (const v of Object.values(instance?.exports ?? {})) if (v instanceof WebAssembly.Memory) memories.add(v);
    for (const ns of Object.values(imports ?? {})) for (const v of Object.values(ns ?? {})) if (v instanceof WebAssembly.Memory) memories.add(v);
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (source, imports) {
    const r = await instantiate.call(this, source, imports);
    keep(r.instance ?? r, imports);
    return r;
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) WebAssembly.instantiateStreaming = async function (source, imports) {
    const r = await streaming.call(this, source, imports);
    keep(r.instance, imports);
    return r;
  };
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args) {
      const instance = Reflect.construct(target, args);
      keep(instance, args[1]);
      return instance;
    },
  });
})()`;
const WASM_BYTES = `[...(self.__benchWasm ?? [])].reduce((sum, m) => sum + m.buffer.byteLength, 0)`;

/** Every prefix of a query, as keystrokes produce it: "p", "po", "pod", … (synthetic.rs `keystrokes`). */
export const keystrokes = (query) => [...query].map((_, i, chars) => chars.slice(0, i + 1).join(""));

/**
 * Types `query` letter by letter into a search, on a fresh `page` (a context of its own, so that
 * nothing is cached), with the CPU throttled `cpu` times (Chrome DevTools).
 *
 * - `open(page)`: navigates and resolves once the search is ready to be typed into (the first
 *   page view: Pagefind's `init`, or the app's search page with its index ready).
 * - `runQuery`: a function run in the page (serialized, so it may use only the page's globals):
 *   `async (text) => results shown`, resolving once they are shown: their number, or their ids
 *   (an array: the last keystroke's are returned as `lastShown`). Each keystroke
 *   runs it for the prefix typed so far, after the previous one's results are shown (no
 *   debounce: the engine's work for every keystroke).
 *
 * - `served` (optional): the server's own count, `{ bytes, requests }` of response bodies sent
 *   (`serveStatic`'s `served`), read before and after each phase: it sees every request, a
 *   worker's script included.
 *
 * Returns the bytes downloaded (sum of `encodedDataLength` of finished requests, headers and
 * body as received, page and workers) by the first page view and by the whole query; the time of each keystroke in the page,
 * from calling `runQuery` to its results shown (`performance.now()`); the time from the first
 * keystroke to the first results shown (the keystrokes' times added up to the first one that
 * shows any); the main thread's JS heap (`Performance.getMetrics` JSHeapUsedSize); and the
 * browser's own measure of the page's memory, workers included
 * (`performance.measureUserAgentSpecificMemory`, where the page is cross-origin isolated: JS
 * heaps of the page and its workers, WebAssembly memory not included); and the WebAssembly
 * memory of the page and its workers (every memory an instance exports or imports, WASM_HOOK).
 */
export async function measureTyping(page, { open, runQuery, query, cpu = 1, served }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Performance.enable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  // Every request of the page and of its workers (Pagefind searches in a web worker, whose
  // requests only the worker's own target reports: attached to here, in the protocol's
  // non-flattened mode, as Playwright keeps the flattened sessions to itself). The worker's own
  // script is fetched before it can be attached to: `served` counts it.
  const net = { bytes: 0, requests: 0, failed: 0 };
  const finished = (e) => {
    net.bytes += e.encodedDataLength;
    net.requests += 1;
  };
  cdp.on("Network.loadingFinished", finished);
  cdp.on("Network.loadingFailed", () => (net.failed += 1));
  // Workers' sessions: each paused at its start until its requests are watched and its
  // WebAssembly memories are kept track of (WASM_HOOK), then resumed.
  const workers = [];
  const replies = new Map();
  let nextId = 1;
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    const m = JSON.parse(e.message);
    if (m.method === "Network.loadingFinished") finished(m.params);
    if (m.method === "Network.loadingFailed") net.failed += 1;
    if (m.id !== undefined) replies.get(m.id)?.(m);
  });
  const toWorker = (sessionId, method, params = {}) => {
    const id = nextId++;
    const reply = new Promise((resolve) => replies.set(id, resolve));
    cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => replies.get(id)?.({}));
    return reply;
  };
  cdp.on("Target.attachedToTarget", async ({ sessionId, targetInfo }) => {
    if (targetInfo.type === "worker") workers.push(sessionId);
    await Promise.all([toWorker(sessionId, "Runtime.evaluate", { expression: WASM_HOOK }), toWorker(sessionId, "Network.enable")]);
    await toWorker(sessionId, "Runtime.runIfWaitingForDebugger");
  });
  await page.addInitScript(WASM_HOOK);
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  const servedAt = () => ({ bytes: served?.bytes ?? 0, requests: served?.requests ?? 0 });
  const served0 = servedAt();
  // A finished request is reported after the page has used it: a moment for the last reports.
  const settle = async () => {
    let seen = -1;
    while (seen !== net.requests + net.failed + servedAt().requests) {
      seen = net.requests + net.failed + servedAt().requests;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const t0 = performance.now();
  await open(page);
  const openMs = performance.now() - t0;
  await settle();
  const init = { ...net };
  const servedInit = servedAt();

  const timed = `async (text) => {
    const run = ${runQuery.toString()};
    const t0 = performance.now();
    const shown = await run(text);
    const ms = performance.now() - t0;
    return Array.isArray(shown) ? { shown: shown.length, ids: shown, ms } : { shown, ms };
  }`;
  const steps = [];
  for (const text of keystrokes(query)) {
    const r = await page.evaluate(`(${timed})(${JSON.stringify(text)})`);
    steps.push({ text, ...r });
  }
  await settle();
  const servedEnd = servedAt();
  const first = steps.findIndex((s) => s.shown > 0);
  const { metrics } = await cdp.send("Performance.getMetrics");
  const wasmBytes = (await page.evaluate(WASM_BYTES)) + (await Promise.all(workers.map((w) => toWorker(w, "Runtime.evaluate", { expression: WASM_BYTES, returnByValue: true })))).reduce((a, m) => a + (m.result?.result?.value ?? 0), 0);
  const memory = await page
    .evaluate(async () => {
      if (!self.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return null;
      const m = await performance.measureUserAgentSpecificMemory();
      const by = {};
      for (const b of m.breakdown) {
        for (const a of b.attribution) by[a.scope] = (by[a.scope] ?? 0) + b.bytes;
        if (!b.attribution.length && b.bytes) by.shared = (by.shared ?? 0) + b.bytes;
      }
      return { bytes: m.bytes, byScope: by };
    })
    .catch(() => null);
  const times = steps.map((s) => s.ms);
  return {
    query,
    keystrokes: steps.length,
    openMs,
    initBytes: init.bytes,
    initRequests: init.requests,
    queryBytes: net.bytes - init.bytes,
    queryRequests: net.requests - init.requests,
    failedRequests: net.failed,
    servedInitBytes: served ? servedInit.bytes - served0.bytes : null,
    servedInitRequests: served ? servedInit.requests - served0.requests : null,
    servedQueryBytes: served ? servedEnd.bytes - servedInit.bytes : null,
    servedQueryRequests: served ? servedEnd.requests - servedInit.requests : null,
    firstResultsMs: first < 0 ? null : times.slice(0, first + 1).reduce((a, b) => a + b, 0),
    firstResultsAt: first < 0 ? null : first + 1,
    keystrokeMedianMs: median(times),
    keystrokeP95Ms: percentile(times, 95),
    keystrokeMaxMs: Math.max(...times),
    shownAtEnd: steps.at(-1)?.shown ?? 0,
    lastShown: steps.at(-1)?.ids ?? null,
    jsHeapMb: (metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0) / 1048576,
    memoryMb: memory ? memory.bytes / 1048576 : null,
    wasmMb: wasmBytes / 1048576,
    memoryByScopeMb: memory ? Object.fromEntries(Object.entries(memory.byScope).map(([k, v]) => [k, v / 1048576])) : null,
    steps: steps.map((s) => [s.text.length, Number(s.ms.toFixed(3)), s.shown]),
  };
}

/**
 * The medians of several `measureTyping` results (one per query), with each query's own
 * figures kept under `each`.
 */
export function summarize(runs) {
  const m = (k) => median(runs.map((r) => r[k]).filter((x) => x !== null && x !== undefined));
  return {
    queries: runs.length,
    initBytes: m("initBytes"),
    initRequests: m("initRequests"),
    openMs: m("openMs"),
    queryBytes: m("queryBytes"),
    queryRequests: m("queryRequests"),
    servedInitBytes: m("servedInitBytes"),
    servedQueryBytes: m("servedQueryBytes"),
    firstResultsMs: m("firstResultsMs"),
    keystrokeMedianMs: m("keystrokeMedianMs"),
    keystrokeP95Ms: m("keystrokeP95Ms"),
    jsHeapMb: m("jsHeapMb"),
    memoryMb: runs.some((r) => r.memoryMb !== null) ? m("memoryMb") : null,
    wasmMb: m("wasmMb"),
    each: runs.map(({ steps, ...r }) => r),
  };
}

/**
 * A peer's report, target/bench/`name`.json: `{ ...fields, sizes }`, where the sizes not run this
 * time keep their figures from the previous file when `keeps(previous)` (so that a run of one
 * size adds to the others); `save()` writes it, sizes in order.
 */
export function peerReport(root, name, sizes, fields, keeps = () => true) {
  const file = join(root, `target/bench/${name}.json`);
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
  const kept = previous && keeps(previous) ? previous.sizes.filter((s) => !sizes.includes(s.docs) && s.runs) : [];
  const report = { ...fields, sizes: kept };
  mkdirSync(join(root, "target/bench"), { recursive: true });
  const save = () => {
    report.sizes.sort((a, b) => a.docs - b.docs);
    writeFileSync(file, JSON.stringify(report, null, 2));
  };
  return { report, previous, save };
}

/**
 * The synthetic corpus of `n` questions (target/bench/corpus-N.json, from bench/run.sh) and the
 * first `count` of its 3-word queries (queries-N.json: synthetic.rs `queries`), each with the id
 * of the question it was made from.
 */
export function corpusWithQueries(root, n, count) {
  const corpusFile = join(root, `target/bench/corpus-${n}.json`);
  if (!existsSync(corpusFile)) throw new Error(`${corpusFile} is missing: cargo run --release --example generate_corpus -- ${n} target/bench`);
  const doc = JSON.parse(readFileSync(corpusFile, "utf8"));
  const all = JSON.parse(readFileSync(join(root, `target/bench/queries-${n}.json`), "utf8"));
  const queries = all.filter(([q]) => q.split(" ").length === 3).slice(0, count).map(([q, target]) => ({ query: q, target: doc.questions[target].id }));
  return { corpusFile, doc, queries };
}
