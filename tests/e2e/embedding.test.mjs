// The guide inside a host page, as a wroclaw.pl editor embeds it: the page's own path and
// parameters kept, the app's route in ?faq=…, the host's title and #fragments left alone, all
// under a strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, sample, axeViolations, STRICT_CSP } from "./support.mjs";

const site = useSite();
const HOST_TITLE = "Poradnik mieszkańca – Urząd Miejski Wrocławia";
const hostPage = `<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><title>${HOST_TITLE}</title></head>
<body>
  <header><a href="#tresc-strony">Pomiń menu portalu</a> <nav aria-label="Menu portalu"><a href="/cms/inna">Aktualności</a></nav></header>
  <main id="tresc-strony">
    <div id="poradnik-mieszkanca" data-routing="query" data-faq-url="/data/faq.json"></div>
  </main>
  <footer id="stopka"><p>Urząd Miejski Wrocławia</p></footer>
  <script type="module" src="/poradnik.js"></script>
</body>
</html>`;

async function host(path = "/cms/artykul?id=42", mountAttributes = "") {
  const page = await openPage(site.browser);
  const body = hostPage.replace('data-routing="query"', `data-routing="query"${mountAttributes}`);
  await page.route(/\/cms\/artykul/, (route) =>
    route.fulfill({ status: 200, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": STRICT_CSP }, body }),
  );
  await page.goto(site.server.url + path);
  return page;
}

const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);
const category = sample.categories[0];
const question = sample.questions.find((q) => q.category === category.id);

test("in query routing the app's pages live in ?faq=, with the host's path and parameters kept", async () => {
  const page = await host();
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.getByRole("link", { name: new RegExp(category.name) }).first().click();
  await page.getByRole("heading", { level: 1, name: category.name }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/cms/artykul");
  assert.deepEqual(params(page), { id: "42", faq: `/kategoria/${category.id}` });
  await page.getByRole("link", { name: question.title }).click();
  await page.getByRole("heading", { level: 1, name: question.title }).waitFor();
  assert.deepEqual(params(page), { id: "42", faq: `/pytanie/${question.id}` });
  assert.equal(await page.title(), HOST_TITLE, "the host keeps its title");

  await page.reload();
  await page.getByRole("heading", { level: 1, name: question.title }).waitFor();
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: category.name }).waitFor();
  await page.goForward();
  await page.getByRole("heading", { level: 1, name: question.title }).waitFor();

  // The host's own fragment link works and leaves the guide where it was.
  await page.getByRole("link", { name: "Pomiń menu portalu" }).click();
  assert.equal(new URL(page.url()).hash, "#tresc-strony");
  assert.deepEqual(params(page), { id: "42", faq: `/pytanie/${question.id}` });
  assert.ok(await page.getByRole("heading", { level: 1, name: question.title }).isVisible());
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a deep link and a search work in query routing, and links to other host pages are the host's", async () => {
  const page = await host(`/cms/artykul?faq=${encodeURIComponent(`/pytanie/${question.id}`)}&id=42`);
  await page.getByRole("heading", { level: 1, name: question.title }).waitFor();
  await page.getByRole("searchbox", { name: "Szukaj w poradniku" }).fill("meldunek");
  await page.getByRole("heading", { level: 1, name: "Wyniki wyszukiwania" }).waitFor();
  assert.deepEqual(params(page), { id: "42", faq: "/szukaj?q=meldunek" });
  const other = page.getByRole("link", { name: "Aktualności" });
  assert.equal(await other.getAttribute("href"), "/cms/inna");
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

// Issue 12.1. A CMS article page whose own links change its parameters: another article, another
// language, the next page of this article, and a link of the host's menu to one of the guide's
// pages. Each is the host's: the browser loads it, the guide never takes it over.
const article = (search) => `<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><title>${HOST_TITLE}</title></head>
<body>
  <nav aria-label="Menu portalu">
    <a href="?id=43">Następny artykuł</a>
    <a href="?lang=en">English</a>
    <a href="?id=42&amp;page=2">Strona 2 artykułu</a>
    <a href="?id=42&amp;faq=${encodeURIComponent(`/kategoria/${category.id}`)}">Poradnik: ${category.name}</a>
  </nav>
  <main>
    <p class="host-article">Artykuł ${search}</p>
    <div id="poradnik-mieszkanca" data-routing="query" data-faq-url="/data/faq.json"></div>
  </main>
  <script type="module" src="/poradnik.js"></script>
</body>
</html>`;

test("in query routing the host page's own links load the host's pages, never the guide's", async () => {
  const page = await openPage(site.browser);
  await page.route(/\/index\.php/, (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": STRICT_CSP },
      body: article(new URL(route.request().url()).search),
    }),
  );
  for (const [name, search, heading] of [
    ["Następny artykuł", "?id=43", sample.portal.title],
    ["English", "?lang=en", sample.portal.title],
    ["Strona 2 artykułu", "?id=42&page=2", sample.portal.title],
    [`Poradnik: ${category.name}`, `?id=42&faq=${encodeURIComponent(`/kategoria/${category.id}`)}`, category.name],
  ]) {
    await page.goto(site.server.url + "/index.php?id=42");
    await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
    await page.evaluate(() => (window.__marker = "the article before"));
    await page.getByRole("navigation", { name: "Menu portalu" }).getByRole("link", { name }).click();
    await page.waitForFunction(() => window.__marker === undefined, null, { timeout: 5000 }).catch(() => {
      throw new Error(`${name}: the browser did not load ${search}; the guide took the link over (address ${page.url()})`);
    });
    assert.equal(new URL(page.url()).search, search);
    assert.equal(await page.locator(".host-article").textContent(), `Artykuł ${search}`);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  }
  // The guide's own links still work within the page, keeping the host's parameters.
  await page.goto(site.server.url + "/index.php?id=42");
  await page.evaluate(() => (window.__marker = "the article before"));
  await page.locator("#poradnik-mieszkanca").getByRole("link", { name: new RegExp(category.name) }).first().click();
  await page.getByRole("heading", { level: 1, name: category.name }).waitFor();
  assert.deepEqual(params(page), { id: "42", faq: `/kategoria/${category.id}` });
  assert.equal(await page.evaluate(() => window.__marker), "the article before");
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Issue 12.10: the question's context.page is the guide's own address of the page, never the host
// page's fragment (nor the order the address happened to be written in).
test("in query routing the page the question comes from is the host page's path, its own parameters and faq", async () => {
  const page = await host(`/cms/artykul?faq=${encodeURIComponent(`/pytanie/${question.id}`)}&id=42#stopka`, ' data-report-email="poradnik@example.pl"');
  await page.getByRole("heading", { level: 1, name: question.title }).waitFor();
  const link = page.getByRole("link", { name: /Zgłoś swoje pytanie do bazy!/ });
  const from = new URL(await link.getAttribute("href"), page.url()).searchParams.get("faq");
  const strona = new URLSearchParams(from.slice(from.indexOf("?") + 1)).get("strona");
  assert.equal(strona, `${site.server.url}/cms/artykul?id=42&faq=${encodeURIComponent(`/pytanie/${question.id}`)}`);
  await page.close();
});

// The demo host page (public/demo/wroclaw.html): query routing, an e-mail address for questions,
// a strict CSP in a meta tag, and a deliberately hostile stylesheet (62.5 % root font size, `*`,
// `button`, `a`, `h1`–`h4`, `ul`, `input` rules).
const withFaq = sample.questions.find((q) => q.faq?.length && q.answer_html.includes("<ul>")) ?? sample.questions[0];
const demo = `/demo/wroclaw.html?faq=${encodeURIComponent(`/pytanie/${withFaq.id}`)}`;

const OURS = {
  headline: ".pm-page-title",
  button: ".pm-search-box__button",
  input: ".pm-search-box__input",
  link: ".pm-breadcrumbs a",
  list: ".pm-rich-text ul",
  "list item": ".pm-rich-text li",
  "FAQ button": ".pm-faq-accordion__button",
};
const HOST = {
  headline: ".site-title",
  link: ".site-header a",
  list: ".site-menu ul",
  paragraph: ".site-lead",
  footer: ".site-footer",
};
const PROPS = ["font-family", "font-size", "font-weight", "line-height", "color", "background-color", "text-transform", "letter-spacing", "text-decoration-line", "margin-top", "margin-left", "padding-left", "padding-top", "border-top-width", "box-sizing", "list-style-type", "display"];

async function styles(block, selectors) {
  const page = await openPage(site.browser);
  if (block) await page.route(block, (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));
  await page.goto(site.server.url + demo);
  await page.getByRole("heading", { level: 1, name: withFaq.title }).waitFor();
  const found = await page.evaluate(
    ([selectors, props]) =>
      Object.fromEntries(
        Object.entries(selectors).map(([name, sel]) => {
          const el = document.querySelector(sel);
          if (!el) return [name, null];
          const cs = getComputedStyle(el);
          return [name, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
        }),
      ),
    [selectors, PROPS],
  );
  const problems = page.problems;
  await page.close();
  return { found, problems };
}

test("the host page's hostile stylesheet changes nothing of ours", async () => {
  const hostile = await styles(null, OURS);
  const plain = await styles("**/demo/wroclaw.css", OURS);
  for (const name of Object.keys(OURS)) {
    assert.ok(hostile.found[name], `${name} is on the page`);
    assert.deepEqual(hostile.found[name], plain.found[name], name);
  }
  assert.equal(hostile.found.headline["text-transform"], "none");
  // 1.75 (2.25 on wide screens) × the resident's default 16 px, not × the host's 10 px root.
  assert.ok(["28px", "36px"].includes(hostile.found.headline["font-size"]), hostile.found.headline["font-size"]);
  assert.deepEqual(hostile.problems, [], "no CSP violation under the page's own policy");
});

test("our stylesheet changes nothing of the host page's", async () => {
  const withOurs = await styles(null, HOST);
  // The same page with our stylesheet answered empty (its integrity check then refuses it).
  const without = await styles(/poradnik-[0-9a-f]+\.css$/, HOST);
  for (const name of Object.keys(HOST)) {
    assert.ok(withOurs.found[name], `${name} is on the page`);
    assert.deepEqual(withOurs.found[name], without.found[name], name);
  }
});

test("the demo host page passes axe-core, and its banner offers the question form", async () => {
  const page = await openPage(site.browser);
  await page.goto(site.server.url + demo);
  await page.getByRole("heading", { level: 1, name: withFaq.title }).waitFor();
  await page.getByRole("link", { name: /Zgłoś swoje pytanie do bazy!/ }).waitFor();
  assert.match(await page.getByRole("link", { name: /Zgłoś swoje pytanie do bazy!/ }).getAttribute("href"), /^\/demo\/wroclaw\.html\?faq=%2Fzglos-pytanie/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("a host page that rewrites its own parameters (an analytics script dropping utm_source) still shows the guide, back and forth", async () => {
  const page = await host("/cms/artykul?id=42&utm_source=fb");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.evaluate(() => history.replaceState(history.state, "", "/cms/artykul?id=42"));
  await page.getByRole("link", { name: new RegExp(category.name) }).first().click();
  await page.getByRole("heading", { level: 1, name: category.name }).waitFor();
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  assert.equal(await page.getByText("Nie znaleziono strony").count(), 0);
  await page.close();
});
