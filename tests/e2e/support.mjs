// Shared by the end-to-end tests: a static server for dist/ that behaves like a CDN with a
// 404.html fallback, the system Chromium (never a downloaded browser), and axe-core.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import { chromium } from "playwright-core";
import { before, after } from "node:test";

const dist = new URL("../../dist/", import.meta.url).pathname;
const axeSource = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

export const sample = JSON.parse(readFileSync(new URL("../../public/data/faq.json", import.meta.url), "utf8"));
export const example = JSON.parse(readFileSync(new URL("../../schema/faq.example.json", import.meta.url), "utf8"));

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
};

/**
 * The strict policy of a site's `_headers` for its pages (its inlined stylesheet's hash), with
 * the tests' loopback endpoints allowed to connect.
 */
export function strictCsp(root = dist) {
  const styleSrc = readFileSync(join(root, "_headers"), "utf8").match(/style-src [^;\n]+/)?.[0] ?? "style-src 'self'";
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ${styleSrc}; img-src 'self' data:; connect-src 'self' http://127.0.0.1:*; object-src 'none'; base-uri 'none'; form-action 'none'`;
}
export const STRICT_CSP = strictCsp();

/**
 * Serves `root` (dist/ by default; a directory path ending in '/') on a free loopback port, as
 * static hosts do: `/pytanie/x` from `pytanie/x.html`, unknown paths 404.html with status 404;
 * every page under the site's strict policy, so no inline script or style may be needed.
 */
export async function serveDist(root = dist) {
  const csp = strictCsp(root);
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
    if (extname(file) === ".html") headers["content-security-policy"] = csp;
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** The system's Chromium (never a downloaded one); `extraArgs` for what a caller adds. */
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // The form's tests send to a local endpoint on another port; Chromium's Local Network
      // Access would ask the (absent) user for permission to reach a loopback address.
      "--disable-features=LocalNetworkAccessChecks",
      ...extraArgs,
    ],
  });
}

/**
 * A page whose console errors and page errors are collected, and whose FAQ data request can be
 * answered with any document (`data`: an object, a string, or { status, body }); see
 * `setMountAttributes` for `attributes` and `unpublished`.
 */
export async function openPage(browser, { data, attributes, unpublished, context: contextOptions, appStarts = true } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  // A published page is HTML before the app runs it: a test acts on the app's page (unless it
  // says the app will not start: `appStarts: false`, or it uses `waitForApp` itself).
  if (appStarts && contextOptions?.javaScriptEnabled !== false) {
    for (const name of ["goto", "reload"]) {
      const navigate = page[name].bind(page);
      page[name] = async (...args) => {
        const response = await navigate(...args);
        await waitForApp(page);
        return response;
      };
    }
  }
  // Closing the page closes its context too, and waits for it.
  page.close = () => context.close();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  // A content security policy violation is a problem wherever it happens.
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) page.problems.push(`csp: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    page.problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  if (data !== undefined) await answerData(page, data);
  // A test that answers the whole document (`data`), or a page without published HTML (as an
  // embedding host page has), reads the whole document: the split site's setting goes.
  const whole = data !== undefined || unpublished;
  if (attributes || whole) await setMountAttributes(page, attributes, { unpublished, whole });
  return page;
}

export async function answerData(page, data) {
  await page.unroute("**/data/faq.json");
  await page.route("**/data/faq.json", (route) => {
    if (typeof data === "object" && data !== null && "status" in data) {
      return route.fulfill({ status: data.status, contentType: "application/json", body: data.body ?? "" });
    }
    const body = typeof data === "string" ? data : JSON.stringify(data);
    return route.fulfill({ status: 200, contentType: "application/json", body });
  });
}

/**
 * Serves the app's HTML with extra attributes on the mount element, as an embedding page would;
 * for every page of the context, so that a link opened in a new tab gets them too. With
 * `unpublished`, the mount element is served empty, as a page without the published HTML (the
 * app then renders everything itself: its loading and error states). With `whole`, the page
 * reads the whole document (`data-faq-url`) instead of the split site's documents.
 */
export async function setMountAttributes(page, attributes = {}, { unpublished = false, whole = false } = {}) {
  const extra = Object.entries(attributes).map(([k, v]) => ` ${k}="${v}"`).join("");
  await page.context().route("**/*", async (route) => {
    if (route.request().resourceType() !== "document") return route.fallback();
    const response = await route.fetch();
    let body = (await response.text()).replace(/<div id="?poradnik-mieszkanca"?/, `<div id="poradnik-mieszkanca"${extra}`);
    if (whole) body = body.replace(/(<div id="poradnik-mieszkanca"[^>]*?) data-split-url="[^"]*"/, "$1");
    if (unpublished) body = body.replace(/(<div id="poradnik-mieszkanca"[^>]*>)[\s\S]*<\/div>(\s*<\/body>)/, "$1</div>$2");
    return route.fulfill({ response, body });
  });
}

/**
 * Waits until the app runs the page: rendered it, or taken over the published HTML (the mount
 * element says `data-app="started"`). Before that a published page is only HTML.
 */
export async function waitForApp(page) {
  await page.locator('#poradnik-mieszkanca[data-app="started"]').waitFor({ state: "attached" });
}

/** Runs axe-core with the WCAG 2.1 A and AA rules; returns the violations, summarised. */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * Starts the site server and Chromium before a test file's tests and stops them after; returns an
 * object whose `server` and `browser` are set once they run.
 */
export function useSite() {
  const site = {};
  before(async () => {
    site.server = await serveDist();
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
