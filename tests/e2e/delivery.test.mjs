// What a CDN serves and a host page embeds: one external loader, no inline script anywhere in
// dist/, a strict content security policy that the app runs under, and the headers file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { useSite, openPage, sample } from "./support.mjs";

const site = useSite();
const dist = new URL("../../dist/", import.meta.url);

test("no HTML file in dist/ has an inline script or style", () => {
  const pages = readdirSync(dist).filter((n) => n.endsWith(".html"));
  assert.deepEqual(pages.sort(), ["404.html", "index.html"]);
  for (const name of pages) {
    const html = readFileSync(new URL(name, dist), "utf8");
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script type="module" src="/poradnik.js">'], name);
    assert.doesNotMatch(html, /<style\b|\sstyle=/, name);
  }
});

test("the app runs under a strict CSP with no violation, and leaves no global behind", async () => {
  const page = await openPage(site.browser);
  const response = await page.goto(site.server.url + `/pytanie/${sample.questions[0].id}`);
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await page.getByRole("heading", { level: 1, name: sample.questions[0].title }).waitFor();
  await page.getByRole("searchbox", { name: "Szukaj w poradniku" }).fill("meldunek");
  await page.getByRole("heading", { level: 1, name: "Wyniki wyszukiwania" }).waitFor();
  assert.deepEqual(page.problems, []);
  const globals = await page.evaluate(() => ["wasmBindings", "wasm_bindgen", "init"].filter((g) => g in window));
  assert.deepEqual(globals, []);
  await page.close();
});

test("the loader checks what it loads: a changed WebAssembly file is refused", async () => {
  const page = await openPage(site.browser);
  await page.route(/_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 0xff;
    return route.fulfill({ response, body });
  });
  const failed = new Promise((resolve) => page.on("console", (m) => /integrity/i.test(m.text()) && resolve(m.text())));
  await page.goto(site.server.url + "/");
  assert.match(await failed, /integrity/i);
  assert.equal(await page.getByRole("heading", { level: 1, name: sample.portal.title }).count(), 0);
  await page.close();
});

test("_headers caches hashed files for a year, revalidates the loader and pages, and types the wasm", () => {
  const headers = readFileSync(new URL("_headers", dist), "utf8");
  // A rule: its path on a line of its own, then its indented headers.
  const block = (path) => {
    const lines = headers.split("\n");
    const start = lines.indexOf(path);
    if (start < 0) return "";
    const end = lines.findIndex((l, i) => i > start && !l.startsWith("  "));
    return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
  };
  for (const path of ["/poradnik-*.wasm", "/poradnik-*.js", "/poradnik-*.css"]) {
    assert.match(block(path), /Cache-Control: public, max-age=31536000, immutable/, path);
    assert.match(block(path), /Access-Control-Allow-Origin: https:\/\/www\.wroclaw\.pl/, path);
  }
  assert.match(block("/poradnik-*.wasm"), /Content-Type: application\/wasm/);
  for (const path of ["/poradnik.js", "/index.html", "/"]) assert.match(block(path), /Cache-Control: no-cache/, path);
  assert.match(block("/data/*"), /max-age=60, stale-while-revalidate=600/);
  assert.match(block("/*"), /Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
});

test("offline, the guide comes from the copy kept on the last visit, says so with its date, and recovers", async () => {
  const page = await openPage(site.browser);
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.waitForFunction(() => (localStorage.getItem("poradnik-mieszkanca:dane") ?? "").includes("schema_version"));

  // The data server is down now (no answer at all), then answers 500: the kept copy both times.
  for (const fail of [(route) => route.abort("connectionrefused"), (route) => route.fulfill({ status: 500, body: "" })]) {
    await page.route("**/data/faq.json", fail);
    await page.goto(site.server.url + `/pytanie/${sample.questions[1].id}`);
    await page.getByRole("heading", { level: 1, name: sample.questions[1].title }).waitFor();
    const note = page.locator(".pm-kept-data-note");
    await note.waitFor();
    const today = new Date().toLocaleDateString("pl-PL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Warsaw" });
    assert.match(await note.textContent(), /Dane mogą być nieaktualne/);
    assert.ok((await note.textContent()).includes(today.replace(/\s*r\.$/, "")), `${await note.textContent()} / ${today}`);
    await page.unroute("**/data/faq.json");
  }
  // A retry while the network still fails says so instead of doing nothing visible.
  await page.route("**/data/faq.json", (route) => route.abort("connectionrefused"));
  await page.getByRole("button", { name: "Sprawdź ponownie" }).click();
  await page.locator(".pm-kept-data-note").getByText(/Sprawdzono ponownie o \d\d:\d\d: nadal brak połączenia\./).waitFor();
  await page.unroute("**/data/faq.json");
  // Back: "Sprawdź ponownie" loads the data again, and the note goes.
  await page.getByRole("button", { name: "Sprawdź ponownie" }).click();
  await page.locator(".pm-kept-data-note").waitFor({ state: "detached" });
  assert.ok(await page.getByRole("heading", { level: 1, name: sample.questions[1].title }).isVisible());
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("with no kept copy, a failing data server still gets the error and a retry", async () => {
  const page = await openPage(site.browser, { data: { status: 503 } });
  await page.goto(site.server.url + "/");
  await page.getByRole("button", { name: "Spróbuj ponownie" }).waitFor();
  assert.equal(await page.locator(".pm-kept-data-note").count(), 0);
  await page.close();
});

test("a data server that never answers: after the time-out, the error and a retry (the page frame shows meanwhile)", async () => {
  const page = await openPage(site.browser);
  await page.route("**/data/faq.json", () => {}); // never answered
  await page.goto(site.server.url + "/");
  // The frame is there at once: the search field and the loading state.
  await page.getByRole("searchbox", { name: "Szukaj w poradniku" }).waitFor();
  await page.getByRole("button", { name: "Spróbuj ponownie" }).waitFor({ timeout: 25_000 });
  await page.unroute("**/data/faq.json");
  await page.getByRole("button", { name: "Spróbuj ponownie" }).click();
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.close();
});
