// Bad data from the CMS or the network: a clear Polish message, a working retry, and never a lost
// good record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, answerData, sample } from "./support.mjs";

const site = useSite();

async function expectError(data, words) {
  // The app's own error states: on a page without published HTML (an embed without a fragment);
  // a published page stays as it is instead (published.test.mjs).
  const page = await openPage(site.browser, { data, unpublished: true });
  await page.goto(site.server.url + "/");
  const alert = page.getByRole("alert");
  await alert.getByRole("heading", { name: "Nie udało się wczytać poradnika" }).waitFor();
  assert.match(await alert.textContent(), words);
  await alert.getByRole("button", { name: "Spróbuj ponownie" }).waitFor();
  assert.deepEqual(page.problems, [], "no panic, no uncaught error");
  return page;
}

test("a file that is not JSON gets a Polish message, and the retry button loads the data once it is fixed", async () => {
  const page = await expectError("<html><body>502 Bad Gateway</body></html>", /uszkodzony/);
  await answerData(page, sample);
  await page.getByRole("button", { name: "Spróbuj ponownie" }).click();
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.close();
});

test("JSON that is not an object gets a Polish message", async () => {
  await (await expectError("[1, 2, 3]", /nieprawidłowy format/)).close();
});

test("a document of a newer major version gets a Polish message", async () => {
  await (await expectError({ ...sample, schema_version: 2 }, /nowszej wersji \(2\)/)).close();
});

test("a server error and a missing file get Polish messages with the status", async () => {
  await (await expectError({ status: 503, body: "" }, /błąd 503/)).close();
  await (await expectError({ status: 404, body: "" }, /Nie znaleziono pliku/)).close();
});

test("the loading state is announced while the data is on its way", async () => {
  const page = await openPage(site.browser, { unpublished: true });
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route("**/data/faq.json", async (route) => {
    await gate;
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(sample) });
  });
  await page.goto(site.server.url + "/");
  await page.getByRole("status").getByText("Wczytywanie pytań i odpowiedzi…").waitFor();
  release();
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  assert.equal(await page.getByText("Wczytywanie pytań i odpowiedzi…").count(), 0);
  await page.close();
});

test("bad records are left out and reported; every good record is still shown", async () => {
  const broken = structuredClone(sample);
  const [first, second, third] = broken.questions;
  delete second.title; // left out: a required field is missing
  broken.questions.push({ ...first, title: "Duplikat" }); // left out: the id is taken
  third.category = "kategoria-usunieta"; // kept: only its category reference is broken
  broken.categories.push({ id: "Zły identyfikator", name: "Zła kategoria" }); // left out

  const page = await openPage(site.browser, { data: broken });
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  for (const c of sample.categories) await page.getByRole("link", { name: new RegExp(`^${c.name}`) }).waitFor();
  assert.equal(await page.getByRole("link", { name: /^Zła kategoria/ }).count(), 0);

  const report = page.locator(".pm-data-problems");
  assert.equal(
    await report.locator("summary").textContent(),
    "Uwagi dla redakcji: pominięto 3 wpisy z błędami, 1 uwaga",
  );
  await report.locator("summary").click();
  await report.getByText(`pytanie „${second.id}”: brak wymaganego pola „title”`).waitFor();

  // The question with a missing category is still reachable by its URL.
  await page.goto(`${site.server.url}/pytanie/${third.id}`);
  await page.getByRole("heading", { level: 1, name: third.title }).waitFor();
  // Every other good question too.
  await page.goto(`${site.server.url}/pytanie/${first.id}`);
  await page.getByRole("heading", { level: 1, name: first.title }).waitFor();
  assert.equal(await page.getByRole("heading", { name: "Duplikat" }).count(), 0);
  await page.close();
});

test("a fetch that fails without an Error (a host page's wrapper, a service worker) is a network error, not a stopped app", async () => {
  const page = await openPage(site.browser, { unpublished: true });
  await page.addInitScript(() => {
    const fetch = window.fetch;
    window.fetch = (request, ...rest) =>
      String(request?.url ?? request).includes("faq.json") ? Promise.reject("network down") : fetch(request, ...rest);
  });
  await page.goto(site.server.url + "/");
  const alert = page.getByRole("alert");
  await alert.getByRole("heading", { name: "Nie udało się wczytać poradnika" }).waitFor();
  assert.match(await alert.textContent(), /Sprawdź połączenie z internetem/);
  assert.deepEqual(page.problems, [], "no panic, no uncaught error");
  await page.close();
});

test("the data address keeps its own query string exactly (a CDN's cache key, a signed URL)", async () => {
  const page = await openPage(site.browser, { attributes: { "data-faq-url": "/data/faq.json?v=3&token=a%2Bb" } });
  const asked = [];
  page.on("request", (r) => r.url().includes("faq.json") && asked.push(new URL(r.url()).search));
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  assert.deepEqual(asked, ["?v=3&token=a%2Bb"]);
  await page.close();
});
