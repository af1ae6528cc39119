// What a CDN serves and a host page embeds: one external loader that picks the reading pages' or
// the question form's bundle by the address, no inline script anywhere in dist/, a strict content
// security policy that the app runs under, and the headers file.
import { createServer } from "node:http";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { useSite, openPage, sample, STRICT_CSP } from "./support.mjs";

const site = useSite();
const dist = new URL("../../dist/", import.meta.url);

test("no HTML file in dist/ has an inline script, nor inline style but the hashed stylesheet", () => {
  const headers = readFileSync(new URL("_headers", dist), "utf8");
  // Every page and fragment the publish step wrote (the demo host page is not ours to serve).
  const pages = readdirSync(dist, { recursive: true }).filter((n) => n.endsWith(".html") && !n.startsWith("demo/"));
  for (const name of ["404.html", "index.html", "szukaj.html", "zglos-pytanie.html", `pytanie/${sample.questions[0].id}.html`]) {
    assert.ok(pages.includes(name), name);
  }
  for (const name of pages) {
    const html = readFileSync(new URL(name, dist), "utf8");
    const scripts = (html.match(/<script\b[^>]*>/g) ?? []).filter((s) => s !== '<script type="application/ld+json">');
    assert.deepEqual(scripts, name.startsWith("fragmenty/") ? [] : ['<script type="module" src="/poradnik.js">'], name);
    // One style element: the stylesheet, inlined, with the hash the CSP allows.
    const styles = [...html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/g)];
    if (name.startsWith("fragmenty/")) assert.equal(styles.length, 0, name);
    else {
      assert.equal(styles.length, 1, name);
      assert.equal(styles[0][1], ' id="pm-css"', name);
      const hash = createHash("sha256").update(styles[0][2]).digest("base64");
      assert.ok(headers.includes(`style-src 'self' 'sha256-${hash}'`), `${name}: the stylesheet's hash is in the CSP`);
    }
    assert.equal(html.match(/<style\b/g)?.length ?? 0, styles.length, name);
    assert.doesNotMatch(html, /\sstyle=/, name);
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

// Two bundles: the reading pages' and the question form's (every page plus the form). The loader
// picks by the address; the reading pages must never cost the form's bytes.
const FORM = { "data-report-email": "poradnik@example.pl" };
const isForm = (url) => /\/formularz-[^/]*$/.test(new URL(url).pathname);
const isBundle = (bin, url) => new RegExp(`/${bin}-[0-9a-f]+_bg\\.wasm$`).test(new URL(url).pathname);
function watchRequests(target) {
  const urls = [];
  target.on("request", (r) => urls.push(r.url()));
  return urls;
}
const formShown = (page) => page.getByRole("textbox", { name: "Twoje pytanie" }).waitFor();

test("the reading pages load the reading bundle and never request a file of the form's", async () => {
  const page = await openPage(site.browser, { attributes: FORM });
  const urls = watchRequests(page.context());
  const question = sample.questions[0];
  for (const [path, title] of [
    ["/nie-ma-takiej-strony", "Nie znaleziono strony"],
    ["/szukaj?q=meldunek", "Wyniki wyszukiwania"],
    [`/kategoria/${sample.categories[0].id}`, sample.categories[0].name],
    ["/", sample.portal.title],
    [`/pytanie/${question.id}`, question.title],
  ]) {
    await page.goto(site.server.url + path);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
  }
  // The banner's link to the form is on the page, and in-app navigation does not fetch the form.
  await page.getByRole("link", { name: /Zgłoś swoje pytanie do bazy!/ }).waitFor();
  assert.ok(urls.some((u) => isBundle("poradnik", u)), "the reading bundle was loaded");
  assert.deepEqual(urls.filter(isForm), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the form's address loads the form's bundle: on its own, under a base path, and from the banner's new tab", async () => {
  const page = await openPage(site.browser, { attributes: FORM });
  const urls = watchRequests(page.context());
  await page.goto(site.server.url + "/zglos-pytanie?pytanie=Gdzie+oddać+meble");
  await formShown(page);
  assert.ok(urls.some((u) => isBundle("formularz", u)), "the form's wasm was loaded");
  assert.ok(urls.some((u) => /\/formularz-[0-9a-f]+\.js$/.test(u)), "the form's glue was loaded");
  // Its own page preloads the form's bundle only: a resident on a phone downloads one bundle.
  assert.deepEqual(urls.filter((u) => /\/poradnik-[0-9a-f]+(_bg\.wasm|\.js)$/.test(u)), [], "the reading bundle was not downloaded");
  // Its other pages work too (the form's bundle has them all).
  await page.goto(site.server.url + "/zglos-pytanie");
  await formShown(page);
  await page.getByRole("searchbox", { name: "Szukaj w poradniku" }).fill("meldunek");
  await page.getByRole("heading", { level: 1, name: "Wyniki wyszukiwania" }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();

  const based = await openPage(site.browser, { attributes: { ...FORM, "data-base-path": "/poradnik/" } });
  const basedUrls = watchRequests(based.context());
  await based.goto(site.server.url + "/poradnik/zglos-pytanie/");
  await formShown(based);
  assert.ok(basedUrls.some((u) => isBundle("formularz", u)));
  await based.close();

  const reading = await openPage(site.browser, { attributes: FORM });
  const readingUrls = watchRequests(reading);
  const bothTabs = watchRequests(reading.context());
  await reading.goto(site.server.url + "/");
  const [tab] = await Promise.all([reading.context().waitForEvent("page"), reading.getByRole("link", { name: /Zgłoś swoje pytanie do bazy!/ }).click()]);
  await formShown(tab);
  assert.ok(bothTabs.some((u) => isBundle("formularz", u)), "the new tab loaded the form's bundle");
  assert.deepEqual(readingUrls.filter(isForm), [], "the reading tab did not");
  await reading.close();
});

test("the reading bundle sent to the form's address by an in-app navigation reloads it into the form's bundle", async () => {
  const page = await openPage(site.browser, { attributes: FORM });
  const urls = watchRequests(page.context());
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  assert.deepEqual(urls.filter(isForm), []);
  const reloaded = page.waitForEvent("load");
  await page.evaluate(() => {
    history.pushState(null, "", "/zglos-pytanie");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await reloaded;
  await formShown(page);
  assert.ok(urls.some((u) => isBundle("formularz", u)));
  await page.close();
});

test("in query routing the bundle follows ?faq=: the form's for /zglos-pytanie, else the reading one", async () => {
  const hostPage = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Host</title></head><body>
<div id="poradnik-mieszkanca" data-routing=" query " data-faq-url="/data/faq.json" data-report-email="poradnik@example.pl"></div>
<script type="module" src="/poradnik.js"></script></body></html>`;
  const question = sample.questions[0];
  for (const [faq, form] of [[`/pytanie/${question.id}`, false], ["/zglos-pytanie", true], [null, false]]) {
    const page = await openPage(site.browser);
    const urls = watchRequests(page.context());
    // A host page whose own path has the form's name in it: in query routing only ?faq= counts.
    await page.route(/\/cms\//, (route) =>
      route.fulfill({ status: 200, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": STRICT_CSP }, body: hostPage }),
    );
    await page.goto(site.server.url + "/cms/zglos-pytanie/artykul?id=42" + (faq ? `&faq=${encodeURIComponent(faq)}` : ""));
    if (form) await formShown(page);
    else await page.getByRole("heading", { level: 1, name: faq ? question.title : sample.portal.title }).waitFor();
    assert.equal(urls.some((u) => isBundle("formularz", u)), form, `faq=${faq}`);
    assert.equal(urls.some(isForm), form, `faq=${faq}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

// Each bundle's WebAssembly, changed on its way: the reading one on the home page, the form's on
// the form's address (whose HTML still preloads the reading one, untouched here).
for (const [bundle, path] of [["poradnik", "/"], ["formularz", "/zglos-pytanie"]]) {
  test(`the loader checks what it loads: a changed WebAssembly file is refused (${bundle})`, async () => {
    const page = await openPage(site.browser, { attributes: FORM, appStarts: false });
    let changed = 0;
    await page.route(new RegExp(`/${bundle}-[0-9a-f]+_bg\\.wasm$`), async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 1] ^= 0xff;
      changed++;
      return route.fulfill({ response, body });
    });
    // Chrome's own words for a refused resource (it also warns that preloads ignore `integrity`,
    // which says nothing about this check).
    const refused = new Promise((resolve) =>
      page.on("console", (m) => /Failed to find a valid digest in the 'integrity' attribute/.test(m.text()) && resolve(m.text())),
    );
    const stopped = page.waitForEvent("pageerror");
    await page.goto(site.server.url + path);
    assert.match(await refused, new RegExp(`/${bundle}-[0-9a-f]+_bg\\.wasm'`));
    assert.match((await stopped).message, /Failed to fetch/);
    assert.ok(changed > 0, `no ${bundle} wasm was requested`);
    // The app never ran: the published page stays, readable, every FAQ answer open.
    await page.locator("#poradnik-mieszkanca.pm-bez-aplikacji").waitFor({ state: "attached" });
    assert.equal(await page.locator("#poradnik-mieszkanca[data-app]").count(), 0);
    assert.equal(await page.locator("#poradnik-mieszkanca h1").count(), 1);
    await page.close();
  });
}

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
  assert.match(block("/zglos-pytanie.html"), /Cache-Control: no-cache/);
  for (const path of ["/poradnik-*.wasm", "/poradnik-*.js", "/poradnik-*.css", "/formularz-*.wasm", "/formularz-*.js"]) {
    assert.match(block(path), /Cache-Control: public, max-age=31536000, immutable/, path);
    assert.match(block(path), /Access-Control-Allow-Origin: https:\/\/www\.wroclaw\.pl/, path);
  }
  for (const path of ["/poradnik-*.wasm", "/formularz-*.wasm"]) assert.match(block(path), /Content-Type: application\/wasm/, path);
  // Every hashed file of dist/ is under one of those rules.
  for (const name of readdirSync(dist).filter((n) => /-[0-9a-f]+(_bg\.wasm|\.js|\.css)$/.test(n))) {
    assert.ok(["/poradnik-*.wasm", "/poradnik-*.js", "/poradnik-*.css", "/formularz-*.wasm", "/formularz-*.js"].some((rule) => new RegExp(`^${rule.replace(".", "\\.").replace("*", "[^/]*")}$`).test("/" + name)), name);
  }
  for (const path of ["/poradnik.js", "/index.html", "/"]) assert.match(block(path), /Cache-Control: no-cache/, path);
  assert.match(block("/data/*"), /max-age=60, stale-while-revalidate=600/);
  assert.match(block("/*"), /Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  // Connections to its own origin only unless the build names others; no plugins, no form posts.
  assert.match(block("/*"), /connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'/);
});

test("offline, the guide comes from the copy kept on the last visit, says so with its date, and recovers", async () => {
  // On a page without published HTML (an embed without a fragment): a published page keeps its
  // own newer HTML instead of the kept copy (published.test.mjs).
  const page = await openPage(site.browser, { unpublished: true });
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.waitForFunction(() => (localStorage.getItem("poradnik-mieszkanca:dane") ?? "").includes("schema_version"));

  // The data server is down now (no answer at all), then answers 500, 403, 429, a captive portal's
  // page with 200, a cut-off document: the kept copy every time.
  // The note says which: no connection, or a server that gave no usable document.
  const NO_NETWORK = /^Brak połączenia z serwerem\./;
  const NO_DOCUMENT = /^Serwer nie udostępnił aktualnych danych\./;
  const failures = [
    [(route) => route.abort("connectionrefused"), NO_NETWORK],
    [(route) => route.fulfill({ status: 500, body: "" }), NO_DOCUMENT],
    [(route) => route.fulfill({ status: 403, body: "Forbidden" }), NO_DOCUMENT],
    [(route) => route.fulfill({ status: 429, body: "" }), NO_DOCUMENT],
    [(route) => route.fulfill({ status: 200, contentType: "text/html", body: "<html><body>Zaloguj się do sieci Wi-Fi</body></html>" }), NO_DOCUMENT],
    [(route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(sample).slice(0, 5000) }), NO_DOCUMENT],
  ];
  for (const [fail, says] of failures) {
    await page.route("**/data/faq.json", fail);
    await page.goto(site.server.url + `/pytanie/${sample.questions[1].id}`);
    await page.getByRole("heading", { level: 1, name: sample.questions[1].title }).waitFor();
    const note = page.locator(".pm-kept-data-note");
    await note.waitFor();
    const today = new Date().toLocaleDateString("pl-PL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Warsaw" });
    assert.match(await note.textContent(), /Dane mogą być nieaktualne/);
    assert.match(await note.textContent(), says);
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
  const page = await openPage(site.browser, { data: { status: 503 }, unpublished: true });
  await page.goto(site.server.url + "/");
  await page.getByRole("button", { name: "Spróbuj ponownie" }).waitFor();
  assert.equal(await page.locator(".pm-kept-data-note").count(), 0);
  await page.close();
});

test("a data server that never answers: after the time-out, the error and a retry (the page frame shows meanwhile)", async () => {
  const page = await openPage(site.browser, { unpublished: true });
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

test("the guide's pages answer 200 from their published files, any other address 404", async () => {
  const cases = [
    [`/pytanie/${sample.questions[0].id}`, 200],
    [`/kategoria/${sample.categories[0].id}`, 200],
    ["/szukaj?q=dow%C3%B3d", 200],
    ["/zglos-pytanie", 200],
    ["/", 200],
    ["/nie-ma-takiej-strony", 404],
    ["/pytanie", 404],
    ["/pytanie/nie-ma-takiego-pytania", 404],
  ];
  for (const [path, status] of cases) {
    const response = await fetch(site.server.url + path);
    assert.equal(response.status, status, path);
  }
});

test("a data document that stalls after its first bytes: after the time-out, the kept copy", async () => {
  let stall = false;
  const hung = [];
  const body = JSON.stringify(sample);
  const data = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
    if (!stall) return res.end(body);
    res.write(body.slice(0, 2000));
    hung.push(res);
  });
  await new Promise((resolve) => data.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${data.address().port}/faq.json`;
  // Without published HTML, which would stay instead of the kept copy (published.test.mjs).
  const page = await openPage(site.browser, { attributes: { "data-faq-url": url }, unpublished: true });
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.waitForFunction(() => (localStorage.getItem("poradnik-mieszkanca:dane") ?? "").includes("schema_version"));
  stall = true;
  await page.goto(site.server.url + `/pytanie/${sample.questions[1].id}`);
  await page.locator(".pm-kept-data-note").waitFor({ timeout: 25_000 });
  assert.ok(await page.getByRole("heading", { level: 1, name: sample.questions[1].title }).isVisible());
  await page.close();
  hung.forEach((res) => res.destroy());
  await new Promise((r) => data.close(r));
});
