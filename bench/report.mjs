// Writes docs/benchmarks.md from target/bench/*.json: the machine, the commit, relevance,
// host (cargo bench) and in-browser figures, each next to its goal. A benchmark not run this time
// (no figures of its own in target/bench/, e.g. only lighthouse.mjs and scale.mjs were run)
// keeps its section of the previous docs/benchmarks.md as it was, so that a partial run never
// deletes measured figures; every section says when and at which commit it was measured.
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
// Search over a split index, typed letter by letter (bench/typing.mjs): Pagefind as our search's
// peer (bench/pagefind.mjs); a file of the same shape for another engine is added to this list.
const peers = ["split.json", "pagefind.json"].map(read).filter(Boolean);
const sh = (c) => { try { return execSync(c, { encoding: "utf8" }).trim(); } catch { return "?"; } };

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const today = new Date().toISOString().slice(0, 10);
// The report itself does not count as a change to what was measured.
const commit = `commit \`${sh("git rev-parse --short HEAD")}\`${sh("git status --porcelain -- . ':!docs/benchmarks.md' ':!node_modules'") ? " (with uncommitted changes)" : ""}`;
const stamp = `Measured on ${today} at ${commit}.`;

// The previous report, by section heading. Its header's date and commit are those of sections
// that do not yet say their own (reports written before sections carried a "Measured on" line).
const docUrl = new URL("../docs/benchmarks.md", import.meta.url);
const previous = existsSync(docUrl) ? readFileSync(docUrl, "utf8") : "";
const [previousHeader, ...previousSections] = previous.split(/^(?=## )/m);
const previousWhen = previousHeader.match(/on (\d{4}-\d{2}-\d{2}) at commit `([0-9a-f]+)`/);
const out = [];
const kept = [];
/** The previous report's section `heading`, if there is one, with when it was measured. */
const keep = (heading) => {
  const old = previousSections.find((s) => s.split("\n")[0] === `## ${heading}`);
  if (!old) return;
  const [title, , ...rest] = old.trimEnd().split("\n");
  const when = rest[0]?.startsWith("Measured on")
    ? []
    : [previousWhen ? `Measured on ${previousWhen[1]} at commit \`${previousWhen[2]}\` (kept from the previous report).` : "Kept from the previous report.", ""];
  out.push(title, "", ...when, ...rest, "");
  kept.push(heading);
};
const heading = (title) => out.push(`## ${title}`, "", stamp, "");

out.push("# Benchmarks", "");
out.push(`Written by \`bench/report.mjs\` (the last step of \`make bench\`) on ${today} at ${commit}. Each section says when and at which commit its figures were measured: a benchmark not run since the previous report keeps its section from it.`);
out.push(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${sh("chromium --version")}, ${sh("rustc --version")}, Node ${process.version}.`);
out.push("Figures are reports, not assertions: timings vary from run to run by 10–30% on this shared machine.", "");

// Sizes of what a resident downloads, from dist/ (make dist), measured as the size report does.
const distDir = new URL("../dist/", import.meta.url);
const sizes = existsSync(distDir) ? measure(distDir.pathname) : null;
if (sizes) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const rows = sizes.files.filter((r) => r.kind === "app" || r.file === "data/faq.json");
  const budgets = sizes.pages.map((p) => `${p.label} (${p.id === "first-visit" ? "the reading page, the entry document and the largest question's document" : `${p.bundle} wasm + JS glue, CSS, loader`}) at most ${p.budgetGzip / 1024} KB gzip`).join(", ");
  heading("Sizes");
  out.push(`From \`dist/\` (\`make dist\`). Budgets: ${budgets}; \`make dist\`, and so CI, fails above them. Goal: a first visit to a question page at most 250 KB gzip with the sample data.`, "");
  out.push("| file | raw | gzip -9 | brotli 11 |", "|---|---|---|---|");
  for (const r of rows) out.push(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  for (const p of sizes.pages) out.push(`| **${p.label}** | **${kb(p.raw)}** | **${kb(p.gzip)}** | **${kb(p.brotli)}** |`);
  const reading = sizes.pages.find((p) => p.id === "reading");
  // Since issue 14 a published question page reads the entry document and its own document
  // (the split layout), not the whole document.
  // A question page's own published HTML (the one Lighthouse measures) where dist/ is published.
  const sample = JSON.parse(readFileSync(new URL("../public/data/faq.json", import.meta.url), "utf8"));
  const question = sample.questions.find((q) => q.faq?.length >= 3) ?? sample.questions[0];
  const questionHtml = new URL(`pytanie/${question.id}.html`, distDir);
  const htmlFile = existsSync(questionHtml) ? questionHtml : new URL("index.html", distDir);
  const html = gzipSync(readFileSync(htmlFile), { level: 9 }).length;
  const docs = ["dane/start.json", `dane/pytania/${question.id}.json`].map((f) => gzipSync(readFileSync(new URL(f, distDir)), { level: 9 }).length);
  const data = docs.reduce((a, b) => a + b, 0);
  const firstVisit = reading.gzip + data + html;
  out.push("", `First visit to a question page, gzip: ${kb(firstVisit)} (its HTML \`${htmlFile.pathname.split("/dist/")[1]}\` ${kb(html)}, reading page's files, its data ${kb(data)}: \`dane/start.json\` and its own document; goal 250 KB: ${firstVisit <= 250 * 1024 ? "met" : "missed"}). Lighthouse's own count of bytes transferred (brotli) is in its table below.`, "");
} else keep("Sizes");

if (relevance) {
  heading("Relevance on the sample portal");
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
} else keep("Relevance on the sample portal");

if (cargo) {
  heading("Host: `cargo bench --bench search`");
  out.push("Synthetic corpora (`src/search/synthetic.rs`: Polish-like words with inflections and Polish letters, Zipf-distributed, answers of 50–110 words, up to 4 FAQ items). Every prefix of 150 queries of 1–3 title words (re-inflected, half of them without Polish letters), top 10.", "");
  out.push("| questions | index build | p50 | p95 | p99 | max | index memory | source question in top 10 |", "|---|---|---|---|---|---|---|---|");
  for (const r of cargo) out.push(`| ${r.docs} | ${ms(r.build_ms)} ms | ${ms(r.p50_us / 1000)} ms | ${ms(r.p95_us / 1000)} ms | ${ms(r.p99_us / 1000)} ms | ${ms(r.max_us / 1000)} ms | ${r.index_mb.toFixed(1)} MB | ${pct(r.top10)} |`);
  out.push("");
} else keep("Host: `cargo bench --bench search`");

if (browser) {
  heading("In the browser: headless Chromium, same run for all three");
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
} else keep("In the browser: headless Chromium, same run for all three");
if (lighthouse) {
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
  const spread = (xs, f) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
  const runs = Math.max(...lighthouse.map((r) => r.run)) + 1;
  const floorOf = (page) => `${page} floor`;
  heading("Lighthouse: a resident's phone");
  out.push(`\`bench/lighthouse.mjs\`: Lighthouse 12.8 on the system Chromium, mobile preset with its simulated throttling (slow 4G, 4× CPU), ${runs} runs per page, median (min–max). The site is published from the sample data as \`make site\` publishes it (every page as HTML, which the app takes over once its data has loaded), with the question form configured in its templates, and served as a CDN would (brotli, immutable hashed files). Each floor is its page's content as plain static HTML built from the same data, with a few lines of inline CSS and no app: what no app can beat. The floors leave out the search box and breadcrumbs every page of ours has (a few hundred bytes): one floor per page type rather than one for all, because the home page and a category paint different content (a list, not an answer).`, "");
  out.push("| page | performance | accessibility | best practices | SEO | LCP | FCP | TBT | CLS | bytes transferred |", "|---|---|---|---|---|---|---|---|---|---|");
  const byPage = {};
  // Reports before issue 13 had one floor, the question's, named "static floor".
  for (const r of lighthouse) (byPage[r.page === "static floor" ? "question floor" : r.page] ??= []).push(r);
  for (const [page, rs] of Object.entries(byPage)) {
    const sc = (k) => spread(rs.map((r) => r.scores[k]), (x) => String(x));
    const sec = (k) => spread(rs.map((r) => r[k]), (x) => (x / 1000).toFixed(2) + " s");
    out.push(`| ${page} | ${sc("performance")} | ${sc("accessibility")} | ${sc("best-practices")} | ${sc("seo")} | ${sec("lcpMs")} | ${rs[0].fcpMs != null ? sec("fcpMs") : "–"} | ${spread(rs.map((r) => r.tbtMs), (x) => Math.round(x) + " ms")} | ${median(rs.map((r) => r.cls)).toFixed(3)} | ${(median(rs.map((r) => r.bytes)) / 1024).toFixed(0)} KB |`);
  }
  const failures = [...new Set(lighthouse.flatMap((r) => r.failed.map((f) => `${r.page}: ${f}`)))];
  if (failures.length) out.push("", `Failed audits (in any run): ${failures.join("; ")}.`);
  const errors = [...new Set(lighthouse.flatMap((r) => (r.consoleErrors ?? []).map((e) => `${r.page} run ${r.run + 1}: ${e}`)))];
  if (errors.length) out.push("", `Console errors: ${errors.map((e) => `\`${e.replace(/`/g, "'")}\``).join("; ")}.`);

  // Issue 13's goals, page by page against its own floor.
  const paired = Object.keys(byPage).filter((p) => byPage[floorOf(p)]);
  if (paired.length) {
    // "<p class="pm-ask-banner__text">" → p.pm-ask-banner__text
    const element = (rs) => {
      const snippets = rs.map((r) => r.lcpElement).filter(Boolean);
      const s = snippets.sort((a, b) => snippets.filter((x) => x === b).length - snippets.filter((x) => x === a).length)[0];
      // No element left at the end of the run: the published node, which the app replaced.
      if (!s) return "published node (replaced)";
      const tag = s.match(/^<([a-z0-9]+)/i)?.[1] ?? "?";
      const cls = s.match(/class="([^"]*)"/)?.[1]?.split(/\s+/)[0];
      return `\`${tag}${cls ? "." + cls : ""}\``;
    };
    out.push("", "### Issue 13's goals: LCP at most 1.1× the floor's, performance 100", "");
    out.push("| page | LCP | its floor's LCP | ratio | LCP element (ours / floor's) | performance | CLS | LCP ≤ 1.1× floor | performance 100 |", "|---|---|---|---|---|---|---|---|---|");
    const verdicts = [];
    for (const page of paired) {
      const rs = byPage[page];
      const fs = byPage[floorOf(page)];
      const lcp = median(rs.map((r) => r.lcpMs));
      const floorLcp = median(fs.map((r) => r.lcpMs));
      const perf = median(rs.map((r) => r.scores.performance));
      const ratio = lcp / floorLcp;
      verdicts.push({ page, ratio, perf, lcp, floorLcp });
      out.push(`| ${page} | ${(lcp / 1000).toFixed(2)} s | ${(floorLcp / 1000).toFixed(2)} s | ${ratio.toFixed(2)}× | ${element(rs)} / ${element(fs)} | ${perf} | ${median(rs.map((r) => r.cls)).toFixed(3)} | ${ratio <= 1.1 ? "met" : "missed"} | ${perf >= 100 ? "met" : "missed"} |`);
    }
    const tbt = (page) => median(byPage[page].map((r) => r.tbtMs));
    // Lighthouse's estimate of what the render-blocking stylesheet costs the page ("url N ms").
    const blocking = (page) => median(byPage[page].map((r) => (r.renderBlocking ?? []).reduce((sum, item) => sum + Number(item.match(/(\d+) ms$/)?.[1] ?? 0), 0)));
    const known = paired.every((p) => byPage[p].some((r) => r.renderBlocking));
    const loads = lighthouse.map((r) => r.load).filter((x) => x != null);
    const s = (x) => `${(x / 1000).toFixed(2)} s`;
    out.push("");
    out.push(
      `The published pages show their content with their HTML, before the app starts: LCP ${verdicts.map((v) => `${v.page} ${s(v.lcp)}`).join(", ")}, against 2.2–2.3 s before the publish step (issue 11's run of this benchmark, when the content came only once the WebAssembly had started and the data had arrived). ` +
        (known && paired.every((p) => blocking(p) === 0)
          ? `Nothing is render-blocking any more (the stylesheet is inlined, allowed by its hash in the CSP, and published pages leave the app's bundle to the loader instead of preloading it); what still separates them from their floors is weight and work around the first paint: a floor is 1 KB with no script, a published page carries the whole stylesheet (about 4 KB gzip), the search box, breadcrumbs and the banner, and its loader, which starts the app's downloads (the JS glue, then about 190 KB gzip of WebAssembly) after the first frame; moving that start from "once parsed" to "after the first frame" did not change these figures beyond their run-to-run spread, so the rest is the page's own weight and the work of parsing and painting it on a 4× slower CPU. ` 
          : `What separates them from their floors is the stylesheet: a floor is one response with its CSS inline, while a published page's first paint also waits for the app's stylesheet, render-blocking, one more request on the slow connection${known ? ` (Lighthouse's estimate of what it costs, median: ${paired.map((p) => `${p} ${Math.round(blocking(p))} ms`).join(", ")}${lighthouse.every((r) => (r.renderBlocking ?? []).every((i) => /\.css /.test(i))) ? "; nothing else is listed as render-blocking" : ""})` : ""}. `) +
        `Performance falls short of 100 through Total Blocking Time (${paired.map((p) => `${p} ${Math.round(tbt(p))} ms`).join(", ")}; the floors' ${paired.map((p) => Math.round(tbt(floorOf(p)))).join(" / ")} ms): the app compiling, starting and taking the page over on a 4× slower CPU, once the content is shown. ` +
        `The maxima are runs disturbed by other work on this shared machine${loads.length ? ` (load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during these runs)` : ""}: Lighthouse simulates from the load it observed, so a stylesheet or a first paint delayed by other processes is carried into its estimate; in some such runs the first paint came only after the app had taken over, and the LCP element is then the app's own node rather than the published one. The search page's results, and so its LCP, come from the app by design (its published HTML is the empty search page); the app marks a page of results noindex (one page per query is not for search engines), hence its SEO score.`,
      "",
    );
    // Issue 11's goals, on every page type, still hold for the published site.
    const app = Object.entries(byPage).filter(([p]) => !p.endsWith("floor"));
    const [worstPage, worst] = app.map(([p, rs]) => [p, median(rs.map((r) => r.lcpMs))]).reduce((a, b) => (b[1] > a[1] ? b : a));
    const verdict = (ok) => (ok ? "met" : "missed");
    out.push(`Issue 11's goals, every page type: accessibility 100 ${verdict(app.every(([, rs]) => rs.every((r) => r.scores.accessibility === 100)))}; performance ≥ 95 ${verdict(app.every(([, rs]) => median(rs.map((r) => r.scores.performance)) >= 95))}; LCP ≤ 1.5 s ${verdict(worst <= 1500)} (worst median: ${worstPage} ${s(worst)}${worstPage === "search" ? ", whose results are the app's" : ""}).`, "");
    const favicon = errors.some((e) => e.includes("favicon.ico"));
    if (favicon) out.push("The console error is Chromium asking for `/favicon.ico`, once per browser, which the published site does not have (`public/` ships none): on a host of its own the site needs one.", "");
  }
} else keep("Lighthouse: a resident's phone");
if (scale) {
  heading("Load at scale");
  if (scale.some((r) => r.h1Ms !== undefined || (r.error && r.publishMs !== undefined))) {
    const runs = scale.find((r) => r.runs)?.runs ?? 1;
    out.push(`\`bench/scale.mjs\`: for each synthetic corpus a whole site published with \`make site\`'s steps (the publish binary's time below, for every page of the corpus), served locally (so the network costs nothing here: the data's transfer is not in these figures), in headless Chromium at 4× CPU throttling, a fresh context per load, median of ${runs} loads (min–max in brackets) after one not counted. On a question page of the same shape in every corpus (3 FAQ items, about 1500 characters of text): from navigation to the HTML's first byte, to its h1 in the DOM (the published HTML, before any script), to the first contentful paint, and to the app having taken the page over (\`data-app="started"\`: since issue 14 the entry document and the page's own document fetched, the page rendered by the app; before, the whole document), with the bytes received until then (headers and bodies as the test server sends them, without compression); on a search page, to its results (since issue 14 the split index's files fetched for the query), with its bytes; the JS heap after.`, "");
    out.push("| questions | data | data gzip | publish | question page HTML | first byte | h1 in the DOM | first paint | app took over | bytes until then | search results | bytes | JS heap |", "|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    const sec = (x) => `${(x / 1000).toFixed(2)} s`;
    const kb = (x) => (x == null ? "–" : `${(x / 1024).toFixed(0)} KB`);
    const range = (xs, f = (x) => String(Math.round(x))) => (xs?.length > 1 ? ` (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : "");
    for (const r of scale) {
      const mb = `| ${r.docs} | ${(r.dataBytes / 1048576).toFixed(1)} MB | ${(r.dataGzipBytes / 1048576).toFixed(1)} MB | ${sec(r.publishMs)} | ${(r.questionHtmlBytes / 1024).toFixed(1)} KB |`;
      out.push(r.error ? `${mb} failed: ${r.error} ||||||||` : `${mb} ${Math.round(r.firstByteMs)} ms | ${Math.round(r.h1Ms)} ms${range(r.each?.h1Ms)} | ${Math.round(r.fcpMs)} ms | ${sec(r.takeoverMs)}${range(r.each?.takeoverMs, sec)} | ${kb(r.questionBytes)} | ${sec(r.searchMs)} | ${kb(r.searchBytes)} | ${r.heapMb.toFixed(1)} MB |`);
    }
    const ok = scale.filter((r) => !r.error).sort((a, b) => a.docs - b.docs);
    if (ok.length >= 2) {
      const [small, large] = [ok[0], ok[ok.length - 1]];
      const ratio = large.h1Ms / small.h1Ms;
      // Met when the larger corpus's median is within 1.1x, or within the spread of the smaller
      // one's own loads: on this machine one load's h1 varies by more than the goal's margin.
      const within = ratio <= 1.1 || (small.each?.h1Ms && large.h1Ms <= Math.max(...small.each.h1Ms));
      out.push("");
      out.push(`Issue 13's goal, a first visit to a question page as fast with ${large.docs} questions as with ${small.docs} (the time to its h1 does not grow with the data): ${Math.round(large.h1Ms)} ms against ${Math.round(small.h1Ms)} ms (${ratio.toFixed(2)}×), ${within ? "met: within 1.1× or within the run-to-run spread of the smaller site's own loads" : "missed: more than 1.1× and outside the smaller site's spread"}. The page is the same ${(large.questionHtmlBytes / 1024).toFixed(0)} KB of HTML whatever the corpus.`);
      if (large.questionBytes && small.questionBytes) {
        const bytes = large.questionBytes / small.questionBytes;
        const time = large.takeoverMs / small.takeoverMs;
        out.push("", `Issue 14's goal, the first view of a question page at ${large.docs} questions within 1.2× the bytes and the time of the ${small.docs}-question site (at 4× CPU): ${kb(large.questionBytes)} against ${kb(small.questionBytes)} (${bytes.toFixed(2)}×) until the app has taken the page over, ${sec(large.takeoverMs)} against ${sec(small.takeoverMs)} (${time.toFixed(2)}×); ${bytes <= 1.2 && time <= 1.2 ? "met" : "missed"} (the h1, the content itself, is in the HTML at ${Math.round(large.h1Ms)} ms against ${Math.round(small.h1Ms)} ms).`);
      }
    }
    if (scale.some((r) => r.error)) out.push("", "A failed row: the tab crashed or timed out while the app loaded the document; the published page was there before it (the h1 did not need the app).");
    out.push("", "Before the publish step (the report of 2026-11-27, commit `72d397e`, this benchmark on the app alone) a question's content came only with the app: 1.14 s with 1000 questions, 2.51 s with 10 000, and the tab crashed loading 50 000.");
  } else {
    // scale.json from before issue 13: the app without published pages.
    out.push("`bench/scale.mjs` (before the publish step): the built app with the synthetic corpora as its data, headless Chromium at 4× CPU throttling: from navigation to a question's content, and to search results, and the JS heap after.", "");
    out.push("| questions | data | data gzip | question content | search results | JS heap |", "|---|---|---|---|---|---|");
    for (const r of scale) {
      const mb = `| ${r.docs} | ${(r.dataBytes / 1048576).toFixed(1)} MB | ${(r.dataGzipBytes / 1048576).toFixed(1)} MB |`;
      out.push(r.error ? `${mb} failed: ${r.error} |||` : `${mb} ${(r.contentMs / 1000).toFixed(2)} s | ${(r.searchMs / 1000).toFixed(2)} s | ${r.heapMb.toFixed(1)} MB |`);
    }
  }
  out.push("");
} else keep("Load at scale");
if (peers.length) {
  heading("Typing a query over a split index: Pagefind as a peer");
  out.push("`bench/split.mjs` measures ours the same way: the split index as the publish step writes it (`examples/split_site.rs`), read by the app's own reader (`poradnik::search::index::split`, compiled to WebAssembly in `bench/search-wasm`) on the page's main thread, fetching the files each prefix needs, then its 10 results' fragments, as the app shows them (Pagefind's run loads 5). *First view* for ours is the benchmark module and the manifest (the app fetches the manifest when the search field gets the focus; its reader is in the reading bundle).", "");
  const kb = (n) => (n == null ? "–" : n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);
  const opt = (x, f) => (x == null ? "–" : f(x));
  out.push(
    "`bench/pagefind.mjs`: each synthetic corpus indexed with Pagefind's Node API, one custom record per question (title, tags, answer and FAQ items as plain text, language `pl`), served by a local static server with gzip (Pagefind's index chunks are gzip files already) and opened in headless Chromium with a page that loads `/pagefind/pagefind.js` and calls `init()` (Pagefind searches in a web worker, its default). " +
      "Then 3-word queries of `synthetic.rs` (`queries`: title words, some re-inflected, some without Polish letters) typed letter by letter (`bench/typing.mjs`): for every prefix `search(prefix)` and the first 5 results' data, as a list of results shows them, each keystroke once the previous one's results are shown; a fresh browser context (no cache) per query, medians over the queries. " +
      "*First view*: bytes downloaded before typing (the page, pagefind.js, its worker, the entry, the language's metadata and WebAssembly); *whole query*: bytes downloaded while typing it (index chunks and result fragments); both `encodedDataLength` (headers and body as received, page and worker; the worker's own script, fetched before it can be watched, is only in the server's count in brackets, response bodies as sent). " +
      "*First results*: from the first keystroke to the first non-empty results shown (the keystrokes' times added up). *JS heap*: the page's main thread (`Performance.getMetrics`); *JS with worker*: `performance.measureUserAgentSpecificMemory` (page and worker, WebAssembly memory not included); *wasm*: the WebAssembly memories of page and worker. *Found*: the question the query came from among the 5 shown after its last letter. DevTools' CPU throttling slows the page's main thread, not (or not as much) a web worker: the protocol refuses to throttle a worker target, so Pagefind's search in its worker is slowed less, if at all, in the 4x rows \"worker\"; the rows \"main thread\" are Pagefind with its `noWorker` option, its search throttled with the page.",
    "",
  );
  for (const peer of peers) {
    for (const size of peer.sizes) {
      out.push(`### ${peer.engine}${peer.version ? ` ${peer.version}` : ""}, ${size.docs} questions`, "");
      if (size.indexMs != null) {
        out.push(`Index built in ${(size.indexMs / 1000).toFixed(1)} s: ${size.files} files, ${kb(size.bytes)} on disk (${kb(size.gzipBytes)} gzip -9); what search loads from, without the UI bundles: ${size.searchFiles} files, ${kb(size.searchBytes)} (${kb(size.searchGzipBytes)} gzip -9), of which ${size.chunks.index} index chunks (${kb(size.indexChunkBytes)}) and ${size.chunks.fragment} result fragments (${kb(size.fragmentBytes)}).`, "");
      }
      out.push("| CPU | search runs in | first view | whole query | requests | first results | per keystroke median | p95 | JS heap | JS with worker | wasm | found |", "|---|---|---|---|---|---|---|---|---|---|---|---|");
      for (const r of size.runs) {
        out.push(`| ${r.cpu}x | ${r.mode ?? "–"} | ${kb(r.initBytes)}${r.servedInitBytes != null ? ` (${kb(r.servedInitBytes)})` : ""} | ${kb(r.queryBytes)}${r.servedQueryBytes != null ? ` (${kb(r.servedQueryBytes)})` : ""} | ${r.queryRequests} | ${ms(r.firstResultsMs)} ms | ${ms(r.keystrokeMedianMs)} ms | ${ms(r.keystrokeP95Ms)} ms | ${r.jsHeapMb.toFixed(1)} MB | ${opt(r.memoryMb, (x) => `${x.toFixed(1)} MB`)} | ${opt(r.wasmMb, (x) => `${x.toFixed(1)} MB`)} | ${r.found ?? "–"}/${r.queries} |`);
      }
      const compute = size.runs.filter((r) => r.computeP95Ms != null);
      if (compute.length) out.push("", `The reader's own work per keystroke, its files being there: ${compute.map((r) => `${r.cpu}x median ${ms(r.computeMedianMs)} ms, p95 ${ms(r.computeP95Ms)} ms`).join("; ")}.`);
      out.push("", `Queries: ${size.queries.map((q) => `"${q.query}"`).join(", ")}.`, "");
    }
  }
  const withRelevance = peers.filter((p) => p.relevance);
  if (withRelevance.length) {
    const kinds = Object.keys(withRelevance[0].relevance.kinds).filter((k) => k !== "all");
    out.push("### Relevance on the sample portal", "");
    out.push("The sample portal indexed the same way, the relevance set's queries (`tests/relevance/queries.json`) searched whole, top 10, as in the relevance section above.", "");
    out.push(`| engine | top-1 | top-3 | MRR | ${kinds.map((k) => `top-3 ${k} (${withRelevance[0].relevance.kinds[k].n})`).join(" | ")} |`, `|---|---|---|---|${kinds.map(() => "---").join("|")}|`);
    for (const p of withRelevance) {
      const a = p.relevance.kinds.all;
      out.push(`| ${p.engine} | ${pct(a.top1)} | ${pct(a.top3)} | ${a.mrr.toFixed(3)} | ${kinds.map((k) => pct(p.relevance.kinds[k]?.top3 ?? 0)).join(" | ")} |`);
    }
    out.push("");
    for (const p of withRelevance) out.push(`${p.engine}'s misses (outside the top 3): ${p.relevance.misses.map((m) => `"${m}"`).join(", ") || "none"}.`, "");
  }
} else keep("Typing a query over a split index: Pagefind as a peer");
const stemmer = read("stemmer.json");
if (stemmer) {
  heading("Stemmer: ours against Snowball's Polish (pagefind_stem)");
  out.push(`Measured at commit \`${stemmer.commit}\` with \`${stemmer.command}\`: the sample's index built and queried with each stemmer, the relevance set's ${stemmer.queries} queries; the index is built on the host since issue 14, so only queries are stemmed in the browser, but the browser still carries the stemmer's code (its wasm cost, gzip, over a module with the allocator).`, "");
  out.push("| stemmer | top-1 | top-3 | MRR | queries whose top 3 changed | wasm gzip |", "|---|---|---|---|---|---|");
  for (const r of stemmer.rows) out.push(`| ${r.stemmer} | ${pct(r.top1)} | ${pct(r.top3)} | ${r.mrr.toFixed(3)} | ${r.changed} | ${(r.wasmGzipBytes / 1024).toFixed(1)} KB |`);
  out.push("", "Ours stays: Snowball never ranks better overall, and costs about 7 KB gzip more.", "");
} else keep("Stemmer: ours against Snowball's Polish (pagefind_stem)");
if (kept.length) console.log(`kept from the previous report: ${kept.join("; ")}`);
writeFileSync(docUrl, out.join("\n") + "\n");
console.log("wrote docs/benchmarks.md");
