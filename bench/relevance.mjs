// Relevance of the three engines on the sample portal and the relevance set
// (tests/relevance/queries.json): top-1, top-3 and MRR, overall and per kind of query. Writes
// target/bench/relevance.json. Needs target/bench/wasm (see bench/run.sh).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { engines } from "./engines.mjs";
import { initSync, Builder, App, memory_bytes } from "../target/bench/wasm/search_bench.js";

initSync({ module: readFileSync(new URL("../target/bench/wasm/search_bench_bg.wasm", import.meta.url)) });
const text = readFileSync(new URL("../public/data/faq.json", import.meta.url), "utf8");
const ids = JSON.parse(text).questions.map((q) => q.id);
const cases = JSON.parse(readFileSync(new URL("../tests/relevance/queries.json", import.meta.url), "utf8"));

const report = {};
const configured = [
  ...Object.entries(engines({ Builder, App, memory_bytes }, "same")).filter(([n]) => n !== "ours-app"),
  ...Object.entries(engines({ Builder, App, memory_bytes }, "recommended")).filter(([n]) => !n.startsWith("ours")).map(([n, e]) => [`${n} (recommended)`, e]),
];
for (const [name, engine] of configured) {
  const search = engine.build(text);
  const kinds = {};
  const add = (k, rank) => {
    const s = (kinds[k] ??= { n: 0, top1: 0, top3: 0, rr: 0 });
    s.n += 1;
    if (rank >= 0) {
      s.top1 += rank === 0 ? 1 : 0;
      s.top3 += rank < 3 ? 1 : 0;
      s.rr += 1 / (rank + 1);
    }
  };
  const misses = [];
  for (const c of cases) {
    const rank = search(c.query).map((i) => ids[i]).indexOf(c.expect);
    add("all", rank);
    add(c.kind, rank);
    if (rank < 0 || rank >= 3) misses.push(c.query);
  }
  report[name] = {
    kinds: Object.fromEntries(Object.entries(kinds).map(([k, s]) => [k, { n: s.n, top1: s.top1 / s.n, top3: s.top3 / s.n, mrr: s.rr / s.n }])),
    misses,
  };
  const a = report[name].kinds.all;
  console.log(`${name.padEnd(26)} top-1 ${(100 * a.top1).toFixed(1)}%  top-3 ${(100 * a.top3).toFixed(1)}%  MRR ${a.mrr.toFixed(3)}  (${a.n} queries)`);
}
mkdirSync(new URL("../target/bench/", import.meta.url), { recursive: true });
writeFileSync(new URL("../target/bench/relevance.json", import.meta.url), JSON.stringify(report, null, 2));
