// The sites the browser benchmarks measure: published as `make site` publishes one (the app as
// trunk built it, then the publish binary), and served as static hosts serve them.
import { readFileSync, writeFileSync, existsSync, rmSync, cpSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { serveDist } from "../tests/e2e/support.mjs";

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

/**
 * Serves `dir` on a free loopback port as static hosts do, under the site's own CSP (its
 * `_headers`, with the inlined stylesheet's hash): the end-to-end tests' server.
 */
export function serveSite(dir) {
  return serveDist(resolve(dir) + "/");
}
