// Content first: every page of the guide is HTML before the app starts (the publish step,
// src/publish/), for residents with slow phones or no JavaScript, crawlers and link previews;
// the app then takes the page over without a visible change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useSite, openPage, sample, STRICT_CSP, waitForApp } from "./support.mjs";

const site = useSite();
const SITE_URL = "https://poradnik.wroclaw.pl/";
const IKP = sample.questions.find((q) => q.id === "co-to-jest-internetowe-konto-pacjenta-ikp");
const category = sample.categories.find((c) => c.id === IKP.category);
const sitemap = readFileSync(new URL("../../dist/sitemap.xml", import.meta.url), "utf8");
const local = (url) => url.replace(SITE_URL, `${site.server.url}/`);

/**
 * The mount element's content as a comparable tree: elements with their sorted attributes, text
 * with white space collapsed, no comments (Leptos's markers). The opening status, which depends
 * on the moment and only the app fills in, is left out.
 */
function snapshotOf(root) {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent.replace(/\s+/g, " ");
      return text.trim() ? text : null;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    if (node.classList.contains("pm-opening-status")) return "[opening status]";
    const attrs = [...node.attributes]
      .map((a) => `${a.name}=${a.value}`)
      .sort()
      .join(" ");
    const children = [...node.childNodes].map(walk).filter((c) => c !== null);
    // Adjacent text nodes (the app may write one text as two) as one.
    const merged = [];
    for (const c of children) {
      if (typeof c === "string" && typeof merged.at(-1) === "string") merged[merged.length - 1] += c;
      else merged.push(c);
    }
    return { tag: node.localName, attrs, children: merged };
  };
  return walk(root);
}

/** The published page (as served) and the app's page after it took over, as snapshots. */
async function publishedAndLive(page) {
  return page.evaluate(async (snapshotSource) => {
    const snapshot = new Function(`return (${snapshotSource})`)();
    const html = await (await fetch(location.href)).text();
    const published = new DOMParser().parseFromString(html, "text/html");
    const head = (doc) => ({
      title: doc.title,
      description: doc.querySelector("meta[name=description]")?.content,
      canonical: doc.querySelector("link[rel=canonical]")?.href,
      og: [...doc.querySelectorAll("meta[property^='og:']")].map((m) => `${m.getAttribute("property")}=${m.content}`).sort(),
    });
    // The mount element's content (its own attributes gain the app's marks).
    const content = (doc) => [...doc.getElementById("poradnik-mieszkanca").children].map(snapshot);
    return {
      published: content(published),
      live: content(document),
      publishedHead: head(published),
      liveHead: head(document),
    };
  }, snapshotOf.toString());
}

/** The first place where two snapshots differ, for a readable failure. */
function firstDifference(a, b, path = "") {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  if (a.tag !== b.tag || a.attrs !== b.attrs) return `${path}: <${a.tag} ${a.attrs}> ≠ <${b.tag} ${b.attrs}>`;
  for (let i = 0; i < Math.max(a.children.length, b.children.length); i++) {
    const d = firstDifference(a.children[i], b.children[i], `${path}/${a.tag}[${i}]`);
    if (d) return d;
  }
  return null;
}

const pageUrls = () => [
  ...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => local(m[1])),
  `${site.server.url}/szukaj`,
  `${site.server.url}/zglos-pytanie`,
  `${site.server.url}/nie-ma-takiej-strony`,
];

test("every page of the sample portal is published, and the app renders exactly what was published", async () => {
  const urls = pageUrls();
  assert.ok(urls.length >= sample.questions.length + sample.categories.length + 3, `${urls.length} pages`);
  const page = await openPage(site.browser, { appStarts: false });
  for (const url of urls) {
    const response = await page.goto(url);
    assert.equal(response.status(), url.endsWith("/nie-ma-takiej-strony") ? 404 : 200, url);
    const published = await page.evaluate(() => document.getElementById("poradnik-mieszkanca").querySelector("h1")?.textContent);
    assert.ok(published, `${url}: its h1 is in the HTML`);
    await waitForApp(page);
    const { published: before, live, publishedHead, liveHead } = await publishedAndLive(page);
    const difference = firstDifference(before, live);
    assert.equal(difference, null, `${url}: the app's page differs from the published one at ${difference}`);
    assert.deepEqual(liveHead, publishedHead, `${url}: the same head tags`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a question's page carries its title, description, canonical address, link preview and structured data", async () => {
  const html = await (await fetch(`${site.server.url}/pytanie/${IKP.id}`)).text();
  const attr = (re) => html.match(re)?.[1];
  assert.equal(attr(/<title>([^<]+)<\/title>/), `${IKP.title} – Poradnik Mieszkańca`);
  const description = attr(/<meta name="description" content="([^"]+)"/);
  assert.ok(description && description.length <= 160, description);
  assert.ok(description.startsWith("Internetowe Konto Pacjenta to bezpłatna usługa"), description);
  assert.match(description, /\.$/, "the first sentence");
  const canonical = `${SITE_URL}pytanie/${IKP.id}`;
  assert.equal(attr(/<link href="([^"]+)" rel="canonical">/) ?? attr(/<link rel="canonical" href="([^"]+)">/), canonical);
  for (const [property, value] of [
    ["og:type", "article"],
    ["og:title", IKP.title],
    ["og:url", canonical],
    ["og:locale", "pl_PL"],
    ["og:site_name", "Poradnik Mieszkańca"],
    ["og:image", `${SITE_URL}obrazy/poradnik-mieszkanca.png`],
    ["og:description", description],
  ]) {
    assert.equal(attr(new RegExp(`<meta property="${property}" content="([^"]+)"`)), value, property);
  }
  // Scrapers read only the start of a page: the tags come first in the head.
  assert.ok(html.indexOf('property="og:title"') < 4096);
  const ld = JSON.parse(attr(/<script type="application\/ld\+json">([^<]+)<\/script>/));
  const [breadcrumbs, faq] = ld["@graph"];
  assert.equal(breadcrumbs["@type"], "BreadcrumbList");
  assert.deepEqual(breadcrumbs.itemListElement.map((i) => i.name).slice(-2), [category.name, IKP.title]);
  assert.equal(breadcrumbs.itemListElement.at(-1).item, canonical);
  assert.equal(faq["@type"], "FAQPage");
  assert.deepEqual(faq.mainEntity.map((q) => q.name), IKP.faq.map((f) => f.question));
  // No executable inline script anywhere: only external scripts and the JSON-LD data block.
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) assert.match(tag, /\bsrc=|application\/ld\+json/, tag);
  // The default image exists.
  assert.equal((await fetch(`${site.server.url}/obrazy/poradnik-mieszkanca.png`)).status, 200);
});

test("sitemap.xml lists every page with each question's update day, and robots.txt points at it", async () => {
  for (const q of sample.questions) {
    const day = q.updated?.slice(0, 10);
    const entry = day
      ? `<url><loc>${SITE_URL}pytanie/${q.id}</loc><lastmod>${day}</lastmod></url>`
      : `<url><loc>${SITE_URL}pytanie/${q.id}</loc></url>`;
    assert.ok(sitemap.includes(entry), entry);
  }
  for (const c of sample.categories) assert.ok(sitemap.includes(`<loc>${SITE_URL}kategoria/${c.id}</loc>`), c.id);
  const robots = await (await fetch(`${site.server.url}/robots.txt`)).text();
  assert.match(robots, new RegExp(`^Sitemap: ${SITE_URL}sitemap.xml$`, "m"));
});

test("with JavaScript off, each page type shows its h1 and its full text, every FAQ answer open", async () => {
  const page = await openPage(site.browser, { context: { javaScriptEnabled: false } });
  await page.goto(`${site.server.url}/pytanie/${IKP.id}`);
  assert.ok(await page.getByRole("heading", { level: 1, name: IKP.title }).isVisible());
  assert.ok(await page.getByText("Internetowe Konto Pacjenta to bezpłatna usługa").isVisible());
  for (const item of IKP.faq) {
    assert.ok(await page.getByText(item.question, { exact: true }).isVisible(), item.question);
  }
  assert.ok(await page.getByText("konto powstaje samo").isVisible(), "an FAQ answer is open");
  assert.ok(await page.getByRole("heading", { name: "Kontakt" }).isVisible());

  await page.goto(`${site.server.url}/kategoria/${category.id}`);
  assert.ok(await page.getByRole("heading", { level: 1, name: category.name }).isVisible());
  assert.ok(await page.getByRole("link", { name: IKP.title }).isVisible());

  await page.goto(`${site.server.url}/`);
  assert.ok(await page.getByRole("heading", { level: 1, name: sample.portal.title }).isVisible());
  for (const c of sample.categories) assert.ok(await page.getByRole("link", { name: new RegExp(c.name) }).first().isVisible(), c.name);
  // Links lead to the other published pages.
  await page.getByRole("link", { name: new RegExp(category.name) }).first().click();
  await page.getByRole("heading", { level: 1, name: category.name }).waitFor();
  await page.close();
});

/** A page whose WebAssembly waits until `release()`: the published HTML as it paints. */
async function heldApp(options) {
  const page = await openPage(site.browser, { ...options, appStarts: false });
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.fallback();
  });
  page.release = release;
  return page;
}

const shot = (page) =>
  page.screenshot({ fullPage: true, animations: "disabled", caret: "hide", mask: [page.locator(".pm-opening-status")] });

test("each page type looks the same as the HTML paints and once the app has taken over", async () => {
  for (const path of ["/", `/kategoria/${category.id}`, `/pytanie/${IKP.id}`, "/szukaj"]) {
    const page = await heldApp({ context: { viewport: { width: 390, height: 844 } } });
    await page.goto(site.server.url + path);
    await page.locator("h1").waitFor();
    await page.evaluate(() => document.fonts.ready);
    const before = await shot(page);
    page.release();
    await waitForApp(page);
    const after = await shot(page);
    assert.ok(before.equals(after), `${path}: the screenshots differ`);
    assert.deepEqual(page.problems, [], path);
    await page.close();
  }
});

test("a resident who scrolled, focused a link or typed a search before the app started keeps it", async () => {
  const page = await heldApp({ context: { viewport: { width: 390, height: 700 } } });
  await page.goto(`${site.server.url}/pytanie/${IKP.id}`);
  // An answer opened before the app runs (the loader's own toggle) stays open after.
  const first = page.getByRole("button", { name: IKP.faq[0].question, exact: true });
  await first.click();
  assert.equal(await first.getAttribute("aria-expanded"), "true");
  assert.ok(await page.getByText("konto powstaje samo").isVisible());
  const faqButton = page.getByRole("button", { name: IKP.faq[2].question, exact: true });
  await faqButton.focus();
  await page.evaluate(() => window.scrollTo(0, 600));
  const y = await page.evaluate(() => window.scrollY);
  page.release();
  await waitForApp(page);
  assert.equal(await page.evaluate(() => window.scrollY), y, "the same scroll position");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), IKP.faq[2].question);
  assert.equal(await first.getAttribute("aria-expanded"), "true");
  assert.ok(await page.getByText("konto powstaje samo").isVisible());
  // The focused button is the app's now: it works.
  await page.keyboard.press("Enter");
  assert.equal(await faqButton.getAttribute("aria-expanded"), "true");
  await page.close();

  const typed = await heldApp();
  await typed.goto(`${site.server.url}/`);
  await typed.getByRole("searchbox").fill("dowód");
  typed.release();
  await waitForApp(typed);
  await typed.getByRole("heading", { level: 1, name: "Wyniki wyszukiwania" }).waitFor();
  assert.equal(await typed.getByRole("searchbox").inputValue(), "dowód");
  await typed.close();
});

test("when the app cannot start or its data does not come, the published page stays with every answer open", async () => {
  const page = await openPage(site.browser, { appStarts: false });
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(`${site.server.url}/pytanie/${IKP.id}`);
  await page.locator("#poradnik-mieszkanca.pm-bez-aplikacji").waitFor({ state: "attached" });
  assert.ok(await page.getByText("konto powstaje samo").isVisible());
  await page.close();

  const offline = await openPage(site.browser, { data: { status: 503 }, appStarts: false });
  await offline.goto(`${site.server.url}/pytanie/${IKP.id}`);
  await offline.locator("#poradnik-mieszkanca.pm-bez-aplikacji").waitFor({ state: "attached" });
  assert.ok(await offline.getByRole("heading", { level: 1, name: IKP.title }).isVisible());
  assert.ok(await offline.getByText("konto powstaje samo").isVisible());
  await offline.close();

  // A cache still serving the document before this publication (older, without this question):
  // the page stays as published instead of becoming "Nie znaleziono strony".
  const previous = { ...sample, generated_at: "2026-01-01T08:00:00Z", questions: sample.questions.filter((q) => q.id !== IKP.id) };
  const stale = await openPage(site.browser, { data: previous, appStarts: false });
  await stale.goto(`${site.server.url}/pytanie/${IKP.id}`);
  await stale.locator("#poradnik-mieszkanca.pm-bez-aplikacji").waitFor({ state: "attached" });
  assert.ok(await stale.getByRole("heading", { level: 1, name: IKP.title }).isVisible());
  assert.equal(await stale.title(), `${IKP.title} – Poradnik Mieszkańca`, "the head is the published page's");
  assert.equal(await stale.getByRole("button", { name: IKP.faq[0].question, exact: true }).getAttribute("aria-expanded"), "true");
  await stale.close();
});

test("a CMS page that includes a page's fragment shows it at once, and the app takes it over in query routing", async () => {
  const fragment = await (await fetch(`${site.server.url}/fragmenty/pytanie/${IKP.id}.html`)).text();
  assert.match(fragment, new RegExp(`<h1[^>]*>${IKP.title.replace(/[()?]/g, "\\$&")}</h1>`));
  const host = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Urząd Miejski Wrocławia</title></head>
<body><main><div id="poradnik-mieszkanca" data-routing="query">${fragment}</div></main>
<script type="module" src="/poradnik.js"></script></body></html>`;
  const page = await heldApp();
  await page.route(/\/cms\/strona/, (route) =>
    route.fulfill({ status: 200, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": STRICT_CSP }, body: host }),
  );
  await page.goto(`${site.server.url}/cms/strona?faq=%2Fpytanie%2F${IKP.id}`);
  assert.ok(await page.getByRole("heading", { level: 1, name: IKP.title }).isVisible(), "shown before the app");
  page.release();
  await waitForApp(page);
  assert.equal(await page.title(), "Urząd Miejski Wrocławia", "the host keeps its title");
  await page.getByRole("link", { name: category.name }).click();
  await page.getByRole("heading", { level: 1, name: category.name }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/cms/strona");
  assert.equal(new URL(page.url()).searchParams.get("faq"), `/kategoria/${category.id}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});
