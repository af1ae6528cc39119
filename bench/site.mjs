// The sites the browser benchmarks measure: published as `make site` publishes one (the app as
// trunk built it, then the publish binary), and served as static hosts serve them.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync, writeFileSync, existsSync, rmSync, cpSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, extname, normalize, resolve } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// bench/run.sh copies dist/ here right after trunk build: every site starts from the app alone,
// without the sample portal's pages.
const app = join(root, "target/bench/app");
const publishArgs = ["--release", "--locked", "--no-default-features", "--features", "ssr", "--bin", "publish"];
let built = false;

/**
 * Publishes `data` (a data document) into `out` (emptied first) with the site's own settings
 * `attributes` on the mount element of its page templates, as a site's index.html gives them
 * (the publish step renders what they enable, e.g. the "ask a question" banner for
 * data-report-email). Returns the publish binary's time in ms.
 */
export function publishSite({ data, out, attributes = {}, siteUrl = "https://poradnik.wroclaw.pl/" }) {
  if (!existsSync(join(app, "index.html"))) {
    throw new Error("target/bench/app is missing: bench/run.sh copies dist/ there right after trunk build --release");
  }
  // Built once here so that the time below is the binary's, not cargo's build.
  if (!built) execFileSync("cargo", ["build", ...publishArgs], { cwd: root, stdio: "inherit" });
  built = true;
  rmSync(out, { recursive: true, force: true });
  cpSync(app, out, { recursive: true });
  const settings = Object.entries(attributes).map(([k, v]) => ` ${k}="${v}"`).join("");
  for (const template of ["index.html", "zglos-pytanie.html"]) {
    const file = join(out, template);
    const html = readFileSync(file, "utf8");
    const withSettings = html.replace(/<div id="?poradnik-mieszkanca"?/, (m) => m + settings);
    if (settings && withSettings === html) throw new Error(`no mount element in ${file}`);
    writeFileSync(file, withSettings);
  }
  const t0 = performance.now();
  execFileSync("cargo", ["run", "--quiet", ...publishArgs, "--", "--data", data, "--out", out, "--site-url", siteUrl], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return performance.now() - t0;
}

// The static server below is a copy of the end-to-end tests' serveDist (tests/e2e/support.mjs),
// which serves dist/ only; kept here so that the benchmarks do not depend on the tests' helpers
// changing under them.

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

// The site's own policy (dist/_headers), so that the app runs under the same limits as there.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Serves `dir` on a free loopback port, as static hosts do: `/pytanie/x` from `pytanie/x.html`,
 * unknown paths 404.html with status 404. Uncompressed: on loopback the network costs nothing.
 */
export async function serveSite(dir) {
  const root = resolve(dir) + "/";
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    let file = join(root, path.endsWith("/") ? path + "index.html" : path);
    let status = 200;
    // As Netlify, Cloudflare Pages and GitHub Pages do: /name is served from name.html.
    const isFile = async (f) => (await stat(f).catch(() => null))?.isFile();
    if (!(await isFile(file)) && (await isFile(file + ".html"))) file += ".html";
    if (!file.startsWith(root) || !(await isFile(file))) {
      file = join(root, "404.html");
      status = 404;
    }
    const body = await readFile(file);
    const headers = { "content-type": types[extname(file)] ?? "application/octet-stream" };
    if (extname(file) === ".html") headers["content-security-policy"] = CSP;
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
