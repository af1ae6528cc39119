// Runs in headless Chromium (driven by bench/run-browser.mjs): one engine, one corpus, per page.
import init, * as ours from "/target/bench/wasm/search_bench.js";
import { engines } from "/bench/engines.mjs";

const list = document.getElementById("results");

/** Shows results the way a results list would: new list items with text, then a layout. */
function render(ids, titles) {
  const items = ids.map((i) => {
    const li = document.createElement("li");
    li.textContent = titles[i];
    return li;
  });
  list.replaceChildren(...items);
  return list.offsetHeight;
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];

window.runBench = async (name, n) => {
  await init();
  const text = await (await fetch(`/target/bench/corpus-${n}.json`)).text();
  const queries = await (await fetch(`/target/bench/queries-${n}.json`)).json();
  const titles = JSON.parse(text).questions.map((q) => q.title);
  window.gc?.();
  const heapBefore = performance.memory?.usedJSHeapSize ?? 0;
  const engine = engines(ours, "same")[name];
  const t0 = performance.now();
  const search = engine.build(text);
  const buildMs = performance.now() - t0;
  window.gc?.();
  const heapAfter = performance.memory?.usedJSHeapSize ?? 0;

  const searchOnly = [];
  const withRender = [];
  let found = 0;
  let asked = 0;
  // A slow engine on a large corpus could take many minutes: stop after 60 s of searching and
  // report on the queries done (the report says how many).
  const deadline = performance.now() + 60_000;
  for (const [query, target] of queries) {
    if (performance.now() > deadline) break;
    asked++;
    for (let i = 1; i <= query.length; i++) {
      const prefix = query.slice(0, i);
      const a = performance.now();
      const ids = search(prefix);
      const b = performance.now();
      render(ids, titles);
      const c = performance.now();
      searchOnly.push(b - a);
      withRender.push(c - a);
      if (i === query.length && ids.includes(target)) found++;
    }
  }
  searchOnly.sort((x, y) => x - y);
  withRender.sort((x, y) => x - y);
  return {
    buildMs,
    keystrokes: searchOnly.length,
    search: { p50: pct(searchOnly, 0.5), p95: pct(searchOnly, 0.95), p99: pct(searchOnly, 0.99), max: searchOnly.at(-1) },
    render: { p50: pct(withRender, 0.5), p95: pct(withRender, 0.95), p99: pct(withRender, 0.99) },
    jsHeapMb: Math.max(0, heapAfter - heapBefore) / 1048576,
    wasmMb: engine.wasmMemory ? engine.wasmMemory() / 1048576 : 0,
    queries: asked,
    stages: search.stages,
    top10: found / asked,
  };
};
window.benchReady = true;
