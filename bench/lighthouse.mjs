// Lighthouse (mobile preset, simulated throttling) on the published site: the app, and every page
// as HTML that the app takes over once its data is there, published from the sample data as
// make site does (target/bench/site-lighthouse, from the app bench/run.sh keeps after trunk
// build: bench/site.mjs), with the question form configured (e-mail fallback) in its templates,
// as a real site has it. The home page, a category, a question page with an accordion, a search
// results page, the question form, and beside the first three their static floors: plain static
// HTML with the same content (built from the same data) and no app at all, the floor no app can
// beat. Issue 13's goal: each page's LCP at most 1.1x its floor's, performance 100. RUNS runs
// each; target/bench/lighthouse.json keeps every run (report.mjs gives min/median/max).
// Usage: node bench/lighthouse.mjs   (after bench/run.sh has built the app)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import os from "node:os";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { publishSite } from "./site.mjs";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const root = new URL("..", import.meta.url).pathname;
const site = join(root, "target/bench/site-lighthouse");
const sample = JSON.parse(readFileSync(join(root, "public/data/faq.json"), "utf8"));
const question = sample.questions.find((q) => q.faq?.length >= 3) ?? sample.questions[0];
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".txt": "text/plain" };

const category = sample.categories.find((c) => c.id === question.category) ?? sample.categories[0];
// The form's page published with the form (the publish step renders what the settings enable: a
// setting added only when serving would make the app add the "ask a question" banner on taking
// over, and that late banner the LCP).
publishSite({ data: join(root, "public/data/faq.json"), out: site, attributes: { "data-report-email": "poradnik@example.pl" } });

// The floors: each page's own content as static HTML, with a few lines of CSS and no script. They
// leave out what every page of ours has around its content (the search box, the breadcrumbs: a
// few hundred bytes) and keep what a resident comes for; the question's floor is the one earlier
// runs of this benchmark measured, unchanged.
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const floorPage = (title, description, main) => `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><meta name="description" content="${escape(description)}">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;color:#1b1b1b}</style></head>
<body><main>${main}</main></body></html>`;
const count = (id) => sample.questions.filter((q) => q.category === id).length;
const floors = {
  "/floor-home.html": floorPage(
    sample.portal.title,
    sample.portal.title,
    `<h1>${escape(sample.portal.title)}</h1><p>${escape(sample.portal.notice ?? "")} <a href="/zglos-pytanie">Zgłoś swoje pytanie do bazy!</a></p><h2>Kategorie</h2><ul>
${sample.categories.map((c) => `<li><a href="/kategoria/${c.id}">${escape(c.name)}</a> ${count(c.id)} pytań<p>${escape(c.description ?? "")}</p></li>`).join("")}</ul>`,
  ),
  "/floor-category.html": floorPage(
    `${category.name} – ${sample.portal.title}`,
    category.description ?? category.name,
    `<h1>${escape(category.name)}</h1><p>${escape(category.description ?? "")}</p><ul>
${sample.questions.filter((q) => q.category === category.id).map((q) => `<li><a href="/pytanie/${q.id}">${escape(q.title)}</a></li>`).join("")}</ul>`,
  ),
  "/floor-question.html": floorPage(
    `${question.title} – Poradnik Mieszkańca`,
    question.title,
    `<h1>${escape(question.title)}</h1>${question.answer_html}<h2>Najczęściej zadawane pytania</h2>
${question.faq.map((f) => `<details><summary>${escape(f.question)}</summary>${f.answer_html}</details>`).join("")}`,
  ),
};

// Served as a CDN would serve it; unknown paths get 404.html with status 404, as static hosts do.
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  let file = join(site, path.endsWith("/") ? path + "index.html" : path);
  let status = 200;
  let body;
  if (floors[path]) {
    file = path;
    body = Buffer.from(floors[path]);
  } else {
    // As Netlify, Cloudflare Pages and GitHub Pages do: /name is served from name.html.
    const isFile = async (f) => (await stat(f).catch(() => null))?.isFile();
    if (!(await isFile(file)) && (await isFile(file + ".html"))) file += ".html";
    if (!file.startsWith(site) || !(await isFile(file))) {
      file = join(site, "404.html");
      status = 404;
    }
    body = await readFile(file);
  }
  const immutable = /(poradnik|formularz)-[0-9a-f]+/.test(path);
  const headers = { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache" };
  // Compressed as a CDN would (brotli when asked, else gzip), the floors too.
  const accept = req.headers["accept-encoding"] ?? "";
  if (/\bbr\b/.test(accept)) {
    headers["content-encoding"] = "br";
    body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  } else if (/gzip/.test(accept)) {
    headers["content-encoding"] = "gzip";
    body = gzipSync(body, { level: 9 });
  }
  res.writeHead(status, headers);
  res.end(body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

// Each floor right after its page, so that both see the same moment of this shared machine.
const pages = [
  ["home", "/"],
  ["home floor", "/floor-home.html"],
  ["category", `/kategoria/${category.id}`],
  ["category floor", "/floor-category.html"],
  ["question", `/pytanie/${question.id}`],
  ["question floor", "/floor-question.html"],
  ["search", "/szukaj?q=meldunek"],
  ["form", "/zglos-pytanie"],
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
const results = [];
try {
  for (const [name, path] of pages) {
    for (let run = 0; run < RUNS; run++) {
      const { lhr } = await lighthouse(base + path, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      const audit = (id) => lhr.audits[id]?.numericValue ?? null;
      const r = {
        page: name,
        path,
        run,
        scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)])),
        lcpMs: audit("largest-contentful-paint"),
        tbtMs: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
        fcpMs: audit("first-contentful-paint"),
        bytes: audit("total-byte-weight"),
        // Which element the LCP was (the floors' and ours should be the same content), its phases,
        // and what Lighthouse counted as blocking the first paint: where a page loses to its floor.
        lcpElement: lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet?.slice(0, 120) ?? null,
        lcpPhases: Object.fromEntries((lhr.audits["largest-contentful-paint-element"]?.details?.items?.[1]?.items ?? []).map((i) => [i.phase, Math.round(i.timing)])),
        renderBlocking: (lhr.audits["render-blocking-resources"]?.details?.items ?? []).map((i) => `${i.url.replace(base, "")} ${Math.round(i.wastedMs ?? 0)} ms`),
        // What a page logged as errors (errors-in-console fails on any), to tell a flake from a fault.
        consoleErrors: (lhr.audits["errors-in-console"]?.details?.items ?? []).map((i) => `${String(i.description ?? "").slice(0, 160)}${(i.sourceLocation?.url ?? i.url) ? ` (${(i.sourceLocation?.url ?? i.url).replace(base, "")})` : ""}`),
        // The machine's load average when the run ended: how much else was running (the runs'
        // spread follows it).
        load: os.loadavg()[0],
        failed: Object.values(lhr.audits)
          .filter((a) => a.score === 0 && ["accessibility", "best-practices", "seo"].some((c) => lhr.categories[c].auditRefs.some((ref) => ref.id === a.id)))
          .map((a) => a.id),
      };
      results.push(r);
      console.log(`${name.padEnd(14)} run ${run + 1}: perf ${r.scores.performance}, a11y ${r.scores.accessibility}, bp ${r.scores["best-practices"]}, seo ${r.scores.seo}, LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms, CLS ${r.cls?.toFixed(3)}, ${Math.round(r.bytes / 1024)} KB${r.failed.length ? `, failed: ${r.failed.join(" ")}` : ""}`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
mkdirSync(join(root, "target/bench"), { recursive: true });
writeFileSync(join(root, "target/bench/lighthouse.json"), JSON.stringify(results, null, 2));
