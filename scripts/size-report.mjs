// Prints the raw, gzip (-9) and brotli (q11) sizes of what dist/ ships: the app shell (wasm, JS,
// CSS) and the data. Usage: node scripts/size-report.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = process.argv[2] ?? "dist";
const SHELL_BUDGET_GZIP = 180 * 1024;

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

const kinds = { ".wasm": "shell", ".js": "shell", ".css": "shell", ".json": "data", ".html": "page" };
const rows = [];
for (const path of walk(root)) {
  const kind = kinds[extname(path)];
  if (!kind) continue;
  const bytes = readFileSync(path);
  rows.push({
    file: relative(root, path),
    kind,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  });
}
rows.sort((a, b) => a.kind.localeCompare(b.kind) || b.raw - a.raw);

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const line = (file, r) => console.log(`${file.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
console.log(`\nSize report for ${root}/ (KB = 1024 bytes)`);
console.log(`${"file".padEnd(44)}${"raw".padStart(11)}${"gzip -9".padStart(11)}${"brotli 11".padStart(11)}`);
for (const r of rows) line(r.file, r);
const sum = (kind) =>
  rows.filter((r) => r.kind === kind).reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const shell = sum("shell");
line("app shell total (wasm + JS + CSS)", shell);
line("data total", sum("data"));
const verdict = shell.gzip <= SHELL_BUDGET_GZIP ? "within" : "OVER";
console.log(`app shell gzip ${kb(shell.gzip).trim()} is ${verdict} the 180 KB budget\n`);
// A deterministic figure: over the budget, `make dist` (and so `make test` and CI) fails.
if (shell.gzip > SHELL_BUDGET_GZIP) process.exitCode = 1;
