// Lighthouse (mobile preset, simulated throttling) on the built site, on the system Chromium:
// the home page, a question page with an accordion, a search results page, the question form, and
// a plain static HTML page with the same question's content and no app at all (the floor no app
// can beat). RUNS runs each; target/bench/lighthouse.json keeps every run (report.mjs gives
// min/median/max). Usage: node bench/lighthouse.mjs   (needs dist/, from make dist)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "dist");
const sample = JSON.parse(readFileSync(join(root, "public/data/faq.json"), "utf8"));
const question = sample.questions.find((q) => q.faq?.length >= 3) ?? sample.questions[0];
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".txt": "text/plain" };

// The floor: the same question as static HTML, with a few lines of CSS and no script.
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const floor = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(question.title)} – Poradnik Mieszkańca</title><meta name="description" content="${escape(question.title)}">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;color:#1b1b1b}</style></head>
<body><main><h1>${escape(question.title)}</h1>${question.answer_html}<h2>Najczęściej zadawane pytania</h2>
${question.faq.map((f) => `<details><summary>${escape(f.question)}</summary>${f.answer_html}</details>`).join("")}</main></body></html>`;

// Served as a CDN would serve dist/, with the question form configured (e-mail fallback) so that
// its page exists; unknown paths get 404.html's content (the app routes them).
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (path === "/floor.html") {
    res.writeHead(200, { "content-type": types[".html"], "content-encoding": "gzip" });
    return res.end(gzipSync(floor));
  }
  let file = join(dist, path.endsWith("/") ? path + "index.html" : path);
  // As Netlify, Cloudflare Pages and GitHub Pages do: /name is served from name.html.
  const isFile = async (f) => (await stat(f).catch(() => null))?.isFile();
  if (!(await isFile(file)) && (await isFile(file + ".html"))) file += ".html";
  if (!file.startsWith(dist) || !(await isFile(file))) file = join(dist, "index.html");
  let body = await readFile(file);
  if (extname(file) === ".html") {
    body = body.toString().replace(/<div id="?poradnik-mieszkanca"?/, '<div id="poradnik-mieszkanca" data-report-email="poradnik@example.pl"');
  }
  const immutable = /(poradnik|formularz)-[0-9a-f]+/.test(path);
  const headers = { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache" };
  // Compressed as a CDN would (brotli when asked, else gzip).
  const accept = req.headers["accept-encoding"] ?? "";
  if (/\bbr\b/.test(accept)) {
    headers["content-encoding"] = "br";
    body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  } else if (/gzip/.test(accept)) {
    headers["content-encoding"] = "gzip";
    body = gzipSync(body, { level: 9 });
  }
  res.writeHead(200, headers);
  res.end(body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

const pages = [
  ["home", "/"],
  ["question", `/pytanie/${question.id}`],
  ["search", "/szukaj?q=meldunek"],
  ["form", "/zglos-pytanie"],
  ["static floor", "/floor.html"],
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
        failed: Object.values(lhr.audits)
          .filter((a) => a.score === 0 && ["accessibility", "best-practices", "seo"].some((c) => lhr.categories[c].auditRefs.some((ref) => ref.id === a.id)))
          .map((a) => a.id),
      };
      results.push(r);
      console.log(`${name.padEnd(13)} run ${run + 1}: perf ${r.scores.performance}, a11y ${r.scores.accessibility}, bp ${r.scores["best-practices"]}, seo ${r.scores.seo}, LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms, CLS ${r.cls?.toFixed(3)}, ${Math.round(r.bytes / 1024)} KB${r.failed.length ? `, failed: ${r.failed.join(" ")}` : ""}`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
mkdirSync(join(root, "target/bench"), { recursive: true });
writeFileSync(join(root, "target/bench/lighthouse.json"), JSON.stringify(results, null, 2));
