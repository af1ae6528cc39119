// Writes docs/benchmarks.md from target/bench/*.json: the machine, the commit, relevance,
// host (cargo bench) and in-browser figures, each next to its goal.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { execSync } from "node:child_process";
import os from "node:os";
import { measure } from "../scripts/size-report.mjs";

const t = (p) => new URL(`../target/bench/${p}`, import.meta.url);
const read = (p) => (existsSync(t(p)) ? JSON.parse(readFileSync(t(p), "utf8")) : null);
const relevance = read("relevance.json");
const cargo = read("cargo-bench.json");
const browser = read("browser.json");
const lighthouse = read("lighthouse.json");
const scale = read("scale.json");
const sh = (c) => { try { return execSync(c, { encoding: "utf8" }).trim(); } catch { return "?"; } };

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const out = [];
out.push("# Benchmarks", "");
out.push(`Written by \`make bench\` on ${new Date().toISOString().slice(0, 10)}, commit \`${sh("git rev-parse --short HEAD")}\`${sh("git status --porcelain") ? " (with uncommitted changes)" : ""}.`);
out.push(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${sh("chromium --version")}, ${sh("rustc --version")}, Node ${process.version}.`);
out.push("Figures are reports, not assertions: timings vary from run to run by 10–30% on this shared machine.", "");

// Sizes of what a resident downloads, from dist/ (make dist), measured as the size report does.
const distDir = new URL("../dist/", import.meta.url);
const sizes = existsSync(distDir) ? measure(distDir.pathname) : null;
if (sizes) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const rows = sizes.files.filter((r) => r.kind === "app" || r.file === "data/faq.json");
  const budgets = sizes.pages.map((p) => `${p.label} (${p.bundle} wasm + JS glue, CSS, loader) at most ${p.budgetGzip / 1024} KB gzip`).join(", ");
  out.push("## Sizes", "");
  out.push(`From \`dist/\` (\`make dist\`). Budgets: ${budgets}; \`make dist\`, and so CI, fails above them. Goal: a first visit to a question page at most 250 KB gzip with the sample data.`, "");
  out.push("| file | raw | gzip -9 | brotli 11 |", "|---|---|---|---|");
  for (const r of rows) out.push(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  for (const p of sizes.pages) out.push(`| **${p.label}** | **${kb(p.raw)}** | **${kb(p.gzip)}** | **${kb(p.brotli)}** |`);
  const reading = sizes.pages.find((p) => p.id === "reading");
  const data = sizes.files.find((r) => r.file === "data/faq.json");
  const html = gzipSync(readFileSync(new URL("index.html", distDir)), { level: 9 }).length;
  const firstVisit = reading.gzip + data.gzip + html;
  out.push("", `First visit to a reading page, gzip: ${kb(firstVisit)} (HTML ${kb(html)}, reading page's files, data ${kb(data.gzip)}; goal 250 KB: ${firstVisit <= 250 * 1024 ? "met" : "missed"}). Lighthouse's own count of bytes transferred (brotli) is in its table below.`, "");
}

if (relevance) {
  out.push("## Relevance on the sample portal", "");
  out.push("`tests/relevance/queries.json`: queries as residents type them, each with the question they expect (`bench/relevance.mjs`). Goal: top-3 at least 95% for ours, ahead of both.", "");
  const kinds = Object.keys(relevance.ours.kinds).filter((k) => k !== "all");
  out.push(`| engine | top-1 | top-3 | MRR | ${kinds.map((k) => `top-3 ${k} (${relevance.ours.kinds[k].n})`).join(" | ")} |`);
  out.push(`|---|---|---|---|${kinds.map(() => "---").join("|")}|`);
  for (const [name, r] of Object.entries(relevance)) {
    const a = r.kinds.all;
    out.push(`| ${name} | ${pct(a.top1)} | ${pct(a.top3)} | ${a.mrr.toFixed(3)} | ${kinds.map((k) => pct(r.kinds[k]?.top3 ?? 0)).join(" | ")} |`);
  }
  out.push("", "\"same\" rows give MiniSearch and FlexSearch our semantics (AND, prefix on the last word, typos on finished words); \"recommended\" rows use their documentation's recommendation (MiniSearch: OR, prefix and fuzzy 0.2 on every word; FlexSearch: `suggest: true`). All fold case and diacritics including ł, and weight the same fields the same way (`bench/engines.mjs`).", "");
  out.push(`Our misses (outside the top 3): ${relevance.ours.misses.map((m) => `"${m}"`).join(", ") || "none"}.`, "");
}

if (cargo) {
  out.push("## Host: `cargo bench --bench search`", "");
  out.push("Synthetic corpora (`src/search/synthetic.rs`: Polish-like words with inflections and Polish letters, Zipf-distributed, answers of 50–110 words, up to 4 FAQ items). Every prefix of 150 queries of 1–3 title words (re-inflected, half of them without Polish letters), top 10.", "");
  out.push("| questions | index build | p50 | p95 | p99 | max | index memory | source question in top 10 |", "|---|---|---|---|---|---|---|---|");
  for (const r of cargo) out.push(`| ${r.docs} | ${ms(r.build_ms)} ms | ${ms(r.p50_us / 1000)} ms | ${ms(r.p95_us / 1000)} ms | ${ms(r.p99_us / 1000)} ms | ${ms(r.max_us / 1000)} ms | ${r.index_mb.toFixed(1)} MB | ${pct(r.top10)} |`);
  out.push("");
}

if (browser) {
  out.push("## In the browser: headless Chromium, same run for all three", "");
  out.push("`bench/run-browser.mjs`: one fresh page per engine, corpus and CPU rate (Chrome DevTools CPU throttling); cross-origin isolated for 5 µs timers. Latency per keystroke over every prefix of the 150 queries, search only and search plus rendering the list. Memory: JS heap growth after building (after GC) and WebAssembly linear memory (which never shrinks, so it is the peak).", "");
  out.push("- **ours**: the engine alone, given each question's fields from the parsed document as MiniSearch and FlexSearch are (answer HTML turned into text in Rust); *build* is from the document's text to the finished index, as for them.");
  out.push("- **ours-app**: what the app does: the document parsed and checked in Rust (`load_document`), then, as the app does from " + "2000 questions on, the titles and tags indexed first (*searchable*), then the whole text (*build*). Its WebAssembly memory holds the loaded guide too (the pages render from it), which the other rows do not.");
  out.push("- MiniSearch and FlexSearch: *searchable* = *build*.", "");
  out.push("| questions | CPU | engine | searchable | build | p50 | p95 | p99 | p95 with render | JS heap | wasm memory | source in top 10 | queries |", "|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  const searchable = (r) => (r.stages?.[1] > 0 ? r.buildMs - r.stages[2] : r.buildMs);
  for (const r of browser) {
    if (r.error) { out.push(`| ${r.docs} | ${r.cpu}x | ${r.engine} | failed: ${r.error} |||||||||`); continue; }
    out.push(`| ${r.docs} | ${r.cpu}x | ${r.engine} | ${ms(searchable(r))} ms | ${ms(r.buildMs)} ms | ${ms(r.search.p50)} ms | ${ms(r.search.p95)} ms | ${ms(r.search.p99)} ms | ${ms(r.render.p95)} ms | ${r.jsHeapMb.toFixed(1)} MB | ${r.wasmMb.toFixed(1)} MB | ${pct(r.top10)} | ${r.queries}${r.queries < 150 ? " (stopped at 60 s)" : ""} |`);
  }
  out.push("");
  const row = (engine, cpu) => browser.find((r) => r.engine === engine && r.docs === 10000 && r.cpu === cpu && !r.error);
  const [e1, e4, a1] = [row("ours", 1), row("ours", 4), row("ours-app", 1)];
  if (e1 && e4 && a1) {
    const verdict = (ok) => (ok ? "met" : "missed");
    out.push("### Goals on 10k questions", "");
    out.push("| goal | figure | |", "|---|---|---|");
    out.push(`| p95 per keystroke ≤ 2 ms at 1x | ${ms(e1.search.p95)} ms (app ${ms(a1.search.p95)} ms) | ${verdict(Math.max(e1.search.p95, a1.search.p95) <= 2)} |`);
    out.push(`| p95 per keystroke ≤ 8 ms at 4x | ${ms(e4.search.p95)} ms | ${verdict(e4.search.p95 <= 8)} |`);
    out.push(`| index ready ≤ 300 ms (1x) | app: searchable by titles and tags ${ms(searchable(a1))} ms after the text arrived, whole text ${ms(a1.buildMs)} ms; engine alone ${ms(e1.buildMs)} ms | ${verdict(searchable(a1) <= 300)} for the first results, ${verdict(a1.buildMs <= 300)} for the whole text |`);
    out.push(`| WebAssembly memory ≤ 32 MB | engine ${e1.wasmMb.toFixed(1)} MB; app with its loaded guide ${a1.wasmMb.toFixed(1)} MB (after loading, before indexing: ${(a1.stages[3] / 1048576).toFixed(1)} MB) | ${verdict(e1.wasmMb <= 32)} for the engine, ${verdict(a1.wasmMb <= 32)} for the app |`);
    out.push("");
    out.push("Where the misses come from (`cargo run --release --example profile_build -- 10000`, `profile_memory`, and Chrome's CPU profiler on the page):", "");
    out.push("- Building the whole text of 10 000 questions is about 1.6 million words; per word the builder folds and splits it, looks the term up in the dictionary (a cache miss once the dictionary outgrows the cache) and counts it: about 300 ns a word natively, the same in WebAssembly. Plain text from the answers' HTML adds ~0.14 s and the dictionary's sort and the move of postings into place ~0.15 s. Hence the titles-and-tags stage: a tenth of the words, searchable within the goal, the whole text following in slices without blocking the page.");
    out.push("- The app's memory: the document's text is copied into WebAssembly (17.5 MB for 10k questions) and parsed into a tree before the guide is built from it (strings are moved, not copied); the guide itself, which the pages render from, is ~20 MB; WebAssembly memory never shrinks, so that peak stays. The engine alone stays within 32 MB: 14 MB of index plus the builder's transient entries.");
    out.push("");
  }
}
if (lighthouse) {
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
  const spread = (xs, f) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
  const runs = Math.max(...lighthouse.map((r) => r.run)) + 1;
  out.push("## Lighthouse: a resident's phone", "");
  out.push(`\`bench/lighthouse.mjs\`: Lighthouse 12.8 on the system Chromium, mobile preset with its simulated throttling (slow 4G, 4× CPU), ${runs} runs per page, median (min–max). The built site is served as a CDN would (brotli, immutable hashed files), with the question form configured. The static floor is the question page's content as plain HTML with no app: the floor no app can beat. Goals: accessibility 100 and performance ≥ 95 on every page type, LCP ≤ 1.5 s.`, "");
  out.push("| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | bytes transferred |", "|---|---|---|---|---|---|---|---|---|");
  const byPage = {};
  for (const r of lighthouse) (byPage[r.page] ??= []).push(r);
  for (const [page, rs] of Object.entries(byPage)) {
    const sc = (k) => spread(rs.map((r) => r.scores[k]), (x) => String(x));
    out.push(`| ${page} | ${sc("performance")} | ${sc("accessibility")} | ${sc("best-practices")} | ${sc("seo")} | ${spread(rs.map((r) => r.lcpMs), (x) => (x / 1000).toFixed(2) + " s")} | ${spread(rs.map((r) => r.tbtMs), (x) => Math.round(x) + " ms")} | ${median(rs.map((r) => r.cls)).toFixed(3)} | ${(median(rs.map((r) => r.bytes)) / 1024).toFixed(0)} KB |`);
  }
  const reading = sizes?.pages.find((p) => p.id === "reading");
  const wasmShare = reading
    ? `${(reading.parts.wasm.gzip / 1024).toFixed(0)} KB gzip of the reading page's ${(reading.gzip / 1024).toFixed(0)} KB`
    : "most of the reading page's files";
  const floorLcp = median((byPage["static floor"] ?? []).map((r) => r.lcpMs));
  const app = Object.entries(byPage).filter(([p]) => p !== "static floor");
  const worst = Math.max(...app.map(([, rs]) => median(rs.map((r) => r.lcpMs))));
  out.push("");
  out.push(`Our LCP is ${(worst / floorLcp).toFixed(1)}× the static floor's at worst (${(worst / 1000).toFixed(2)} s against ${(floorLcp / 1000).toFixed(2)} s). Goals: accessibility 100 on every page type ${app.every(([, rs]) => rs.every((r) => r.scores.accessibility === 100)) ? "met" : "missed"}; performance ≥ 95 ${app.every(([, rs]) => median(rs.map((r) => r.scores.performance)) >= 95) ? "met" : "missed"}; LCP ≤ 1.5 s ${worst <= 1500 ? "met" : `missed by ${((worst - 1500) / 1000).toFixed(2)} s`}: the content is painted only once the WebAssembly (${wasmShare}, \`twiggy\` on a \`wasm-opt -g\` build shows Leptos's view and reactive code as its largest part) has arrived and started, then the data (23 KB gzip) has been fetched; the static floor paints with its first response.`, "");
}
if (scale) {
  out.push("## Load at scale", "");
  out.push("`bench/scale.mjs`: the built app with the synthetic corpora as its data (served locally, so the network costs nothing here), headless Chromium at 4× CPU throttling: from navigation to a question's content, and to search results (the index ready: from 2000 questions on, titles and tags first), and the JS heap after (the WebAssembly memory is in the search table above, row ours-app).", "");
  out.push("| questions | data | data gzip | question content | search results | JS heap |", "|---|---|---|---|---|---|");
  for (const r of scale) {
    const mb = `| ${r.docs} | ${(r.dataBytes / 1048576).toFixed(1)} MB | ${(r.dataGzipBytes / 1048576).toFixed(1)} MB |`;
    out.push(r.error ? `${mb} failed: ${r.error} |||` : `${mb} ${(r.contentMs / 1000).toFixed(2)} s | ${(r.searchMs / 1000).toFixed(2)} s | ${r.heapMb.toFixed(1)} MB |`);
  }
  if (scale.some((r) => r.error)) out.push("", "A failed row: the tab crashed while the app loaded the document (88 MB for 50 000 questions). The cause is not yet known: the search benchmark's page loads the same document into the same loader and engine without crashing (305.8 MB of WebAssembly memory), and not keeping an offline copy of documents over 2 MB did not change it. A guide that large needs the data split per category, or a streaming loader, in any case.");
  out.push("");
}
writeFileSync(new URL("../docs/benchmarks.md", import.meta.url), out.join("\n") + "\n");
console.log("wrote docs/benchmarks.md");
