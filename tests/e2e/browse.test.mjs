// A resident browsing the sample portal: home, every category, every question, deep links,
// reloads, back and forward. Roles and names, as a person (or a screen reader) finds things.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, sample, example } from "./support.mjs";

const site = useSite();

const exact = (s) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
const h1 = (page) => page.getByRole("heading", { level: 1 });
async function h1Is(page, text) {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
}

test("the home page shows the portal's title, its notice and every category with its question count", async () => {
  const page = await openPage(site.browser);
  await page.goto(site.server.url + "/");
  await h1Is(page, sample.portal.title);
  assert.equal(await page.title(), "Poradnik Mieszkańca");
  await page.getByText(sample.portal.notice).waitFor();
  for (const c of sample.categories) {
    const n = sample.questions.filter((q) => q.category === c.id).length;
    const link = page.getByRole("link", { name: exact(c.name) });
    assert.match(await link.textContent(), new RegExp(`${n} pyta(nie|nia|ń)$`), c.name);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("every category and every question of the sample can be reached by clicking", async () => {
  const page = await openPage(site.browser);
  await page.goto(site.server.url + "/");
  await h1Is(page, sample.portal.title);
  const visited = new Set();
  for (const c of sample.categories) {
    await page.getByRole("link", { name: exact(c.name) }).click();
    await h1Is(page, c.name);
    assert.equal(new URL(page.url()).pathname, `/kategoria/${c.id}`);
    assert.equal(await page.title(), `${c.name} – Poradnik Mieszkańca`);
    const titles = await page.locator("main .pm-question-list a").allTextContents();
    assert.deepEqual(titles, sample.questions.filter((q) => q.category === c.id).map((q) => q.title));
    for (const title of titles) {
      await page.getByRole("link", { name: title, exact: true }).click();
      await h1Is(page, title);
      const q = sample.questions.find((x) => x.title === title);
      assert.equal(new URL(page.url()).pathname, `/pytanie/${q.id}`);
      visited.add(q.id);
      await page.goBack();
      await h1Is(page, c.name);
    }
    await page.goBack();
    await h1Is(page, sample.portal.title);
  }
  assert.deepEqual([...visited].sort(), sample.questions.map((q) => q.id).sort());
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a question page opened by its link shows every part of the answer, and survives a reload", async () => {
  const page = await openPage(site.browser);
  const ikp = sample.questions.find((q) => q.id === "co-to-jest-internetowe-konto-pacjenta-ikp");
  await page.goto(`${site.server.url}/pytanie/${ikp.id}`);
  await h1Is(page, ikp.title);
  assert.equal(await h1(page).count(), 1, "the title is the only h1");

  const crumbs = page.getByRole("navigation", { name: "Ścieżka nawigacji" });
  assert.deepEqual(await crumbs.getByRole("link").allTextContents(), ["wroclaw.pl", "Poradnik Mieszkańca", "Sprawy rodzinne i społeczne"]);
  assert.equal(await crumbs.locator('[aria-current="page"]').textContent(), ikp.title);

  await page.getByText("Ostatnia aktualizacja: 12 czerwca 2025").waitFor();
  assert.equal(await page.locator("time").getAttribute("datetime"), "2025-06-12");
  await page.getByText("Internetowe Konto Pacjenta to bezpłatna usługa").waitFor();

  await page.getByRole("heading", { level: 2, name: "Najczęściej zadawane pytania" }).waitFor();
  assert.deepEqual(await page.locator(".pm-faq-accordion").getByRole("heading", { level: 3 }).allTextContents(), ikp.faq.map((f) => f.question));
  assert.equal(await page.getByText("konto powstaje samo dla każdej osoby").isVisible(), false, "FAQ answers start closed");
  await page.getByRole("button", { name: "Jak założyć konto?" }).click();
  await page.getByText("konto powstaje samo dla każdej osoby").waitFor();

  const card = page.getByRole("region", { name: "Kontakt" });
  await card.getByText("Dolnośląskie Centrum Medyczne Dolmed S.A.").waitFor();
  await card.getByText("ul. Legnicka 40; 53-674 Wrocław").waitFor();
  await card.getByText("pon-pt: 06:30 - 19:00").waitFor();
  await page.getByText(sample.portal.disclaimer).waitFor();
  assert.equal(await page.title(), `${ikp.title} – Poradnik Mieszkańca`);

  await page.reload();
  await h1Is(page, ikp.title);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("back and forward move between pages opened by deep link and by clicks", async () => {
  const page = await openPage(site.browser);
  const q = sample.questions[sample.questions.length - 1];
  const c = sample.categories.find((x) => x.id === q.category);
  await page.goto(`${site.server.url}/kategoria/${c.id}`);
  await h1Is(page, c.name);
  await page.getByRole("link", { name: q.title, exact: true }).click();
  await h1Is(page, q.title);
  await page.getByRole("navigation", { name: "Ścieżka nawigacji" }).getByRole("link", { name: "Poradnik Mieszkańca" }).click();
  await h1Is(page, sample.portal.title);
  await page.goBack();
  await h1Is(page, q.title);
  await page.goBack();
  await h1Is(page, c.name);
  await page.goForward();
  await h1Is(page, q.title);
  await page.reload();
  await h1Is(page, q.title);
  await page.close();
});

test("the contract's example document renders its IKP page with six FAQ items", async () => {
  const page = await openPage(site.browser, { data: example });
  const q = example.questions[0];
  await page.goto(`${site.server.url}/pytanie/${q.id}`);
  await h1Is(page, q.title);
  assert.equal(await page.locator(".pm-faq-accordion").getByRole("heading", { level: 3 }).count(), 6);
  for (const item of q.faq) assert.equal(await page.locator(`[id="${item.id}"]`).count(), 1, item.id);
  await page.close();
});

test("an unknown address, category or question says so and links home", async () => {
  const page = await openPage(site.browser);
  for (const path of ["/nie-ma-takiej-strony", "/kategoria/nie-ma", "/pytanie/nie-ma-takiego-pytania"]) {
    await page.goto(site.server.url + path);
    await h1Is(page, "Nie znaleziono strony");
    assert.equal(await page.title(), "Nie znaleziono strony – Poradnik Mieszkańca");
  }
  await page.getByRole("link", { name: "Przejdź do strony głównej Poradnika Mieszkańca" }).click();
  await h1Is(page, sample.portal.title);
  await page.close();
});
