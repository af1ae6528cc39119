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

async function host(path = "/cms/artykul?id=42") {
  const page = await openPage(site.browser);
  await page.route(/\/cms\/artykul/, (route) =>
    route.fulfill({ status: 200, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": STRICT_CSP }, body: hostPage }),
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
