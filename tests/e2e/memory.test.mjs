// A resident who reads twenty answers must not carry all of them: after in-app visits to the
// form, a question, a search, a category and home, repeated twenty times, the live event
// listeners and DOM nodes (after garbage collection, as DevTools counts them) stay where they
// were after the first rounds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, sample } from "./support.mjs";

const site = useSite();

// The question with the most parts: FAQ items (accordion, copy-link buttons, rich text) and a
// contact card.
const question = [...sample.questions].sort(
  (a, b) => (b.faq?.length ?? 0) + (b.institution ? 1 : 0) - ((a.faq?.length ?? 0) + (a.institution ? 1 : 0)),
)[0];
const category = sample.categories.find((c) => c.id === question.category);

/** An in-app navigation, as back/forward makes one: the router follows `popstate`. */
async function visit(page, path, heading) {
  await page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
  await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
}

async function round(page) {
  await visit(page, "/zglos-pytanie", "Zgłoś swoje pytanie");
  // A failed submit: the error summary and its links (each failed submit used to add handlers).
  await page.getByRole("textbox", { name: "Twoje pytanie" }).fill("Za krótko");
  await page.getByRole("button", { name: "Wyślij pytanie" }).click();
  await page.locator(".pm-error-summary").waitFor();
  await visit(page, `/pytanie/${question.id}`, question.title);
  await page.locator(".pm-faq-accordion__button").first().click();
  await visit(page, "/szukaj?q=dow%C3%B3d", "Wyniki wyszukiwania");
  await page.locator(".pm-search-results__link, .pm-search-page__empty").first().waitFor();
  await visit(page, `/kategoria/${category.id}`, category.name);
  await visit(page, "/", sample.portal.title);
}

async function counters(cdp) {
  // Twice: a first collection can leave objects that only a second one frees (finalizers).
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
  return { nodes, listeners: jsEventListeners };
}

test("twenty rounds of in-app visits leave no more listeners and DOM nodes than two", async () => {
  const page = await openPage(site.browser, { attributes: { "data-report-email": "poradnik@example.pl" } });
  await page.goto(site.server.url + "/zglos-pytanie");
  await page.getByRole("textbox", { name: "Twoje pytanie" }).waitFor();
  const cdp = await page.context().newCDPSession(page);
  await round(page);
  await round(page);
  const early = await counters(cdp);
  for (let i = 0; i < 18; i++) await round(page);
  const late = await counters(cdp);
  // Without the leak there is nothing to grow; a few nodes of slack for text the page says
  // differently from one round to the next.
  assert.ok(late.listeners <= early.listeners, `listeners ${early.listeners} → ${late.listeners}`);
  assert.ok(late.nodes <= early.nodes + 20, `DOM nodes ${early.nodes} → ${late.nodes}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});
