// Prints the raw, gzip (-9) and brotli (q11) sizes of what dist/ ships, file by file, then what
// each page type downloads against its budget, and the data:
// - a reading page: the reading bundle (poradnik wasm + its JS glue), the CSS and the loader
//   poradnik.js, at most 272 KB gzip (200 until issue 13: the head tags through leptos_meta,
//   shared with the published HTML, cost 8.6 KB gzip; 205 until issue 14: the split site's
//   reader, its page documents and its search index in files, cost 37 KB gzip, and a published
//   page no longer downloads the whole document: see the first visit below; 245 until issue 15:
//   "Czy ta odpowiedź była pomocna?", its views 18 KB gzip and keeping and sending its votes
//   7 KB);
// - the question form's page: the form's bundle (formularz wasm + its JS glue), the CSS and the
//   loader, at most 322 KB gzip (260 until issue 13, 265 until issue 14, 300 until issue 15,
//   likewise);
// - the first visit to a question page of the sample's published site: the reading page and the
//   data it fetches (dane/start.json and the largest question's document), at most 275 KB gzip
//   (250, the goal since issue 11, until issue 15; until issue 14 the data was the whole
//   document, 23 KB gzip for the sample and megabytes for a large guide).
// Over a budget it exits with 1, so `make dist` (and so `make test` and CI) fails.
// Usage: node scripts/size-report.mjs dist [--json]   (--json: the same figures as JSON)
// bench/report.mjs imports measure() for docs/benchmarks.md.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { pathToFileURL } from "node:url";

const KB = 1024;
/** The page types: which files each downloads (file name patterns) and its gzip budget. */
export const PAGES = [
  { id: "reading", label: "reading page", bundle: "poradnik", budgetGzip: 272 * KB },
  { id: "form", label: "question form page", bundle: "formularz", budgetGzip: 322 * KB },
];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    // demo/ is the example host page, not part of what a resident downloads.
    if (statSync(path).isDirectory()) {
      if (name !== "demo") yield* walk(path);
    }
    else yield path;
  }
}

const kinds = { ".wasm": "app", ".js": "app", ".css": "app", ".json": "data", ".html": "page" };
const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
});
const total = (rows) =>
  rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/**
 * Every shipped file with its sizes, and per page type its files, totals, budget and whether it
 * is within it; `data` is the total of the JSON data.
 */
export function measure(root = "dist") {
  const files = [];
  for (const path of walk(root)) {
    const kind = kinds[extname(path)];
    if (kind) files.push({ file: relative(root, path), kind, ...sizes(readFileSync(path)) });
  }
  files.sort((a, b) => a.kind.localeCompare(b.kind) || b.raw - a.raw);
  const top = files.filter((r) => !r.file.includes("/"));
  const one = (re, what) => {
    const found = top.filter((r) => re.test(r.file));
    if (found.length !== 1) throw new Error(`size-report: expected one ${what} in ${root}/, found ${found.map((r) => r.file).join(", ") || "none"}`);
    return found[0];
  };
  const css = one(/^poradnik-[0-9a-f]+\.css$/, "stylesheet");
  const loader = one(/^poradnik\.js$/, "loader poradnik.js");
  const pages = PAGES.map((p) => {
    const wasm = one(new RegExp(`^${p.bundle}-[0-9a-f]+_bg\\.wasm$`), `${p.bundle} wasm`);
    const glue = one(new RegExp(`^${p.bundle}-[0-9a-f]+\\.js$`), `${p.bundle} JS glue`);
    const parts = { wasm, glue, css, loader };
    const sum = total(Object.values(parts));
    return { ...p, parts, ...sum, within: sum.gzip <= p.budgetGzip };
  });
  // The first visit to a question page of a split site: the reading page, the entry document
  // and the largest question's document.
  const reading = pages.find((p) => p.id === "reading");
  const entry = files.find((r) => r.file === "dane/start.json");
  const question = files.filter((r) => /^dane\/pytania\/.+\.json$/.test(r.file)).sort((a, b) => b.gzip - a.gzip)[0];
  if (entry && question) {
    const sum = total([reading, entry, question]);
    pages.push({ id: "first-visit", label: "first visit to a question page", bundle: `poradnik, dane/start.json, ${question.file}`, ...sum, budgetGzip: 275 * KB, within: sum.gzip <= 275 * KB });
  }
  return { root, files, pages, data: total(files.filter((r) => r.kind === "data")) };
}

function print({ root, files, pages, data }) {
  const kb = (n) => (n / KB).toFixed(1).padStart(8) + " KB";
  const line = (file, r) => console.log(`${file.padEnd(60)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
  console.log(`\nSize report for ${root}/ (KB = 1024 bytes)`);
  console.log(`${"file".padEnd(60)}${"raw".padStart(11)}${"gzip -9".padStart(11)}${"brotli 11".padStart(11)}`);
  // The published pages one line per kind (there is one per question): count, largest, total.
  const pageKinds = new Map();
  for (const r of files) {
    if (r.kind !== "page" || !r.file.includes("/")) { line(r.file, r); continue; }
    const dir = r.file.slice(0, r.file.lastIndexOf("/") + 1);
    const k = pageKinds.get(dir) ?? { n: 0, max: r, sum: { raw: 0, gzip: 0, brotli: 0 } };
    k.n += 1;
    if (r.raw > k.max.raw) k.max = r;
    k.sum = total([k.sum, r]);
    pageKinds.set(dir, k);
  }
  for (const [dir, k] of pageKinds) {
    line(`${dir}*.html: ${k.n} pages, total`, k.sum);
    line(`${dir}*.html: largest, ${k.max.file.slice(dir.length)}`, k.max);
  }
  for (const p of pages) line(p.id === "first-visit" ? `${p.label} (${p.bundle})` : `${p.label} (${p.bundle} wasm + JS glue, CSS, loader)`, p);
  line("data total", data);
  for (const p of pages) {
    console.log(`${p.label} gzip ${kb(p.gzip).trim()} is ${p.within ? "within" : "OVER"} the ${p.budgetGzip / KB} KB budget`);
  }
  console.log("");
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const report = measure(args.find((a) => a !== "--json") ?? "dist");
  if (args.includes("--json")) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    print(report);
  }
  // A deterministic figure: over a budget, `make dist` (and so `make test` and CI) fails.
  if (report.pages.some((p) => !p.within)) process.exitCode = 1;
}
