// axe-core (WCAG 2.1 A and AA rules) on every page type: zero violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, sample, axeViolations } from "./support.mjs";

const site = useSite();

const withFaq = sample.questions.find((q) => q.faq?.length && q.institution);
const pages = [
  ["home page", "/", sample.portal.title],
  ["category page", `/kategoria/${sample.categories[0].id}`, sample.categories[0].name],
  ["question page", `/pytanie/${withFaq.id}`, withFaq.title],
  ["not-found page", "/nie-ma-takiej-strony", "Nie znaleziono strony"],
];

for (const [kind, path, heading] of pages) {
  test(`the ${kind} has no WCAG 2.1 A/AA violations`, async () => {
    const page = await openPage(site.browser);
    await page.goto(site.server.url + path);
    await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}

test("the data error state has no WCAG 2.1 A/AA violations", async () => {
  const page = await openPage(site.browser, { data: "nie json", unpublished: true });
  await page.goto(site.server.url + "/");
  await page.getByRole("button", { name: "Spróbuj ponownie" }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("the editors' data report has no WCAG 2.1 A/AA violations when open", async () => {
  const broken = structuredClone(sample);
  delete broken.questions[0].title;
  const page = await openPage(site.browser, { data: broken });
  await page.goto(site.server.url + "/");
  await page.locator(".pm-data-problems summary").click();
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
