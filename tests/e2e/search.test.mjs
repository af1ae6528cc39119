// Search as a resident uses it: typing in the field on a phone, reading results, sharing the
// address, going back, and hearing the count.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useSite, openPage, sample, axeViolations } from "./support.mjs";

const site = useSite();
const queries = JSON.parse(readFileSync(new URL("../relevance/queries.json", import.meta.url), "utf8"));
const title = (id) => sample.questions.find((q) => q.id === id).title;

async function home() {
  const page = await openPage(site.browser);
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  return page;
}

async function typeQuery(page, text) {
  const field = page.getByRole("searchbox", { name: "Szukaj w poradniku" });
  await field.fill("");
  await field.pressSequentially(text);
  await page.waitForFunction((q) => new URL(location.href).searchParams.get("q") === q, text.trimStart());
  await page.getByRole("heading", { level: 1, name: "Wyniki wyszukiwania" }).waitFor();
}

const resultTitles = (page) => page.locator(".pm-search-results__link").allTextContents();

test("queries of every kind from the relevance set find their answer in the first three results, as typed", async () => {
  const page = await home();
  const kinds = new Set();
  const picked = queries.filter((q) => (kinds.has(q.kind) ? false : kinds.add(q.kind)));
  assert.ok(picked.length >= 6, "one query of each kind");
  for (const q of picked) {
    await typeQuery(page, q.query);
    const top3 = (await resultTitles(page)).slice(0, 3);
    assert.ok(top3.includes(title(q.expect)), `${q.kind} ${JSON.stringify(q.query)}: ${JSON.stringify(top3)}`);
  }
  await page.close();
});

test("the field has a visible label, '/' focuses it, and focus stays in it while results appear", async () => {
  const page = await home();
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "pm-szukaj");
  await page.keyboard.type("meldunek");
  await page.getByRole("heading", { level: 1, name: "Wyniki wyszukiwania" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), "pm-szukaj", "typing is never interrupted");
  await page.keyboard.type(" /");
  assert.equal(await page.getByRole("searchbox").inputValue(), "meldunek /", "'/' is an ordinary character in the field");
  assert.equal(await page.getByText("Szukaj w poradniku", { exact: true }).isVisible(), true);
  await page.close();
});

test("the count is said in the status region with Polish plurals", async () => {
  const page = await home();
  await typeQuery(page, "meldunek");
  const n = (await resultTitles(page)).length;
  const form = n === 1 ? "wynik" : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? "wyniki" : "wyników";
  const status = page.locator(".pm-search-box [role=status]");
  await page.waitForFunction((t) => document.querySelector(".pm-search-box [role=status]").textContent === t, `Znaleziono ${n} ${form} dla „meldunek”.`);
  assert.equal(await status.textContent(), `Znaleziono ${n} ${form} dla „meldunek”.`);
  await page.close();
});

test("the query lives in the address: reload, share, back and forward", async () => {
  const page = await home();
  await typeQuery(page, "dowod osobisty");
  const url = page.url();
  assert.equal(new URL(url).pathname, "/szukaj");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Wyniki wyszukiwania" }).waitFor();
  assert.equal(await page.getByRole("searchbox").inputValue(), "dowod osobisty");
  assert.equal((await resultTitles(page))[0], title("jak-wyrobic-dowod-osobisty"));
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.goForward();
  await page.getByRole("heading", { level: 1, name: "Wyniki wyszukiwania" }).waitFor();

  const shared = await openPage(site.browser);
  await shared.goto(url);
  await shared.locator(".pm-search-results__link").first().waitFor();
  assert.equal((await resultTitles(shared))[0], title("jak-wyrobic-dowod-osobisty"));
  await shared.close();
  await page.close();
});

test("each result shows its title, category and a snippet with the matched words marked", async () => {
  const page = await home();
  await typeQuery(page, "segregacja");
  const first = page.locator(".pm-search-results__item").first();
  await page.locator(".pm-search-results mark").first().waitFor();
  assert.ok((await first.locator(".pm-search-results__category").textContent()).length > 0);
  const marked = (await page.locator(".pm-search-results mark").allTextContents()).map((m) => m.toLowerCase());
  assert.ok(marked.some((m) => m.startsWith("segreg")), JSON.stringify(marked));
  await page.close();
});

test("a result found inside an FAQ item opens that item", async () => {
  const q = queries.find((x) => x.kind === "faq-only" && x.item);
  const page = await home();
  await typeQuery(page, q.query);
  const link = page.locator(`.pm-search-results__link[href$="#${q.item}"]`);
  await link.first().click();
  await page.getByRole("heading", { level: 1, name: title(q.expect) }).waitFor();
  const item = sample.questions.find((x) => x.id === q.expect).faq.find((f) => f.id === q.item);
  await page.waitForFunction((name) => [...document.querySelectorAll("button[aria-expanded=true]")].some((b) => b.textContent.trim() === name), item.question);
  await page.close();
});

test("no results are said plainly", async () => {
  const page = await home();
  await typeQuery(page, "qwxzyk");
  await page.getByText("Brak wyników dla „qwxzyk”.").first().waitFor();
  await page.getByText("Sprawdź pisownię albo wpisz inne, prostsze słowa.").waitFor();
  await page.close();
});

test("the results page has no WCAG 2.1 A/AA violations", async () => {
  const page = await home();
  await typeQuery(page, "karta seniora");
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("back and forward update the field even while the cursor is in it", async () => {
  const page = await home();
  await typeQuery(page, "meldunek");
  assert.equal(await page.evaluate(() => document.activeElement.id), "pm-szukaj");
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.waitForFunction(() => document.getElementById("pm-szukaj").value === "");
  await page.goForward();
  await page.waitForFunction(() => document.getElementById("pm-szukaj").value === "meldunek");
  await page.close();
});
