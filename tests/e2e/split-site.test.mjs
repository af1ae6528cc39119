// A split site (docs/split-layout.md): the published pages read the entry document and their own
// page's document, never the whole guide; search reads the index's files as the resident types;
// a page's document read before stands in when the network fails; the published page stays when
// the entry does not come or is older than the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, sample, axeViolations } from "./support.mjs";

const site = useSite();
const IKP = sample.questions.find((q) => q.id === "co-to-jest-internetowe-konto-pacjenta-ikp");
const category = sample.categories.find((c) => c.id === IKP.category);
const inCategory = sample.questions.filter((q) => q.category === IKP.category && q.id !== IKP.id);

/** The paths the page asked the server for, from now on. */
function requests(page) {
  const paths = [];
  page.on("request", (r) => paths.push(new URL(r.url()).pathname));
  return paths;
}

test("a question page reads the entry and its own document, and each page the resident opens reads its own", async () => {
  const page = await openPage(site.browser);
  const asked = requests(page);
  await page.goto(`${site.server.url}/pytanie/${IKP.id}`);
  await page.getByRole("heading", { level: 1, name: IKP.title }).waitFor();
  assert.ok(asked.includes("/dane/start.json"), asked.join(" "));
  assert.ok(asked.includes(`/dane/pytania/${IKP.id}.json`), asked.join(" "));
  assert.ok(!asked.some((p) => p.startsWith("/data/")), "never the whole document");

  // To the category by its breadcrumb: its list, from its document.
  await page.getByRole("navigation", { name: /okruszk|Jesteś tutaj|Ścieżka/i }).getByRole("link", { name: category.name }).click();
  await page.getByRole("heading", { level: 1, name: category.name }).waitFor();
  assert.ok(asked.includes(`/dane/kategorie/${category.id}.json`));
  const other = inCategory[0];
  await page.getByRole("link", { name: other.title, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: other.title }).waitFor();
  assert.ok(asked.includes(`/dane/pytania/${other.id}.json`));
  assert.ok(!asked.some((p) => p.startsWith("/data/")), "never the whole document");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("search reads the index's files as the resident types, and its results lead to the answer", async () => {
  const page = await openPage(site.browser);
  const asked = requests(page);
  await page.goto(`${site.server.url}/`);
  const box = page.getByRole("searchbox", { name: "Szukaj w poradniku" });
  await box.focus();
  // The first focus fetches the manifest ahead of the first keystroke.
  await page.waitForResponse((r) => r.url().endsWith("/indeks/spis.json"));
  await box.pressSequentially("konto pacjenta", { delay: 30 });
  const results = page.getByRole("list").filter({ has: page.locator(".pm-search-results__item") });
  await results.getByRole("link", { name: IKP.title }).waitFor();
  assert.ok(asked.some((p) => /^\/indeks\/[0-9a-f]{16}\/s\d+\.bin$/.test(p)), "dictionary chunks");
  assert.ok(asked.some((p) => /^\/indeks\/[0-9a-f]{16}\/l\d+\.bin$/.test(p)), "postings");
  assert.ok(asked.some((p) => /^\/indeks\/[0-9a-f]{16}\/w\d+\.json$/.test(p)), "result fragments");
  assert.ok(!asked.some((p) => p.startsWith("/data/")), "never the whole document");
  // Polish letters typed without their marks, and a typo: still found.
  await box.fill("");
  await box.pressSequentially("zlobek zapisy ", { delay: 20 });
  await page.locator(".pm-search-results__item").first().waitFor();
  await box.fill("");
  await box.pressSequentially("kwalifikacyjny xqzzy ", { delay: 20 });
  await page.getByText(/Brak wyników dla „kwalifikacyjny xqzzy”/).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await box.fill("");
  await box.pressSequentially("konto pacjenta", { delay: 20 });
  await page.locator(".pm-search-results__item").getByRole("link", { name: IKP.title }).click();
  await page.getByRole("heading", { level: 1, name: IKP.title }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a page read before is shown from its kept copy when the network fails, with the note and its date", async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/pytanie/${IKP.id}`);
  await page.getByRole("heading", { level: 1, name: IKP.title }).waitFor();
  await page.waitForFunction((id) => (localStorage.getItem("poradnik-mieszkanca:strony") ?? "").includes(id), IKP.id);

  // Another visit: the category is read, then the network goes while the resident reads.
  await page.goto(`${site.server.url}/kategoria/${category.id}`);
  await page.getByRole("heading", { level: 1, name: category.name }).waitFor();
  await page.route("**/dane/pytania/**", (route) => route.abort("internetdisconnected"));
  await page.getByRole("link", { name: IKP.title, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: IKP.title }).waitFor();
  const note = page.locator(".pm-kept-data-note");
  await note.waitFor();
  assert.match(await note.textContent(), /Dane mogą być nieaktualne/);
  // A page never read cannot be: the error, with a retry.
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: category.name }).waitFor();
  await page.getByRole("link", { name: inCategory[1].title, exact: true }).click();
  await page.getByRole("button", { name: "Spróbuj ponownie" }).waitFor();
  await page.unroute("**/dane/pytania/**");
  await page.getByRole("button", { name: "Spróbuj ponownie" }).click();
  await page.getByRole("heading", { level: 1, name: inCategory[1].title }).waitFor();
  await page.close();
});

test("without its entry document, or with an older one, a published page stays as published", async () => {
  const offline = await openPage(site.browser, { appStarts: false });
  await offline.route("**/dane/start.json", (route) => route.fulfill({ status: 503, body: "" }));
  await offline.goto(`${site.server.url}/pytanie/${IKP.id}`);
  await offline.locator("#poradnik-mieszkanca.pm-bez-aplikacji").waitFor({ state: "attached" });
  assert.ok(await offline.getByRole("heading", { level: 1, name: IKP.title }).isVisible());
  await offline.close();

  const stale = await openPage(site.browser, { appStarts: false });
  await stale.route("**/dane/start.json", async (route) => {
    const entry = await (await route.fetch()).json();
    return route.fulfill({ json: { ...entry, generated_at: "2026-01-01T08:00:00Z" } });
  });
  await stale.goto(`${site.server.url}/pytanie/${IKP.id}`);
  await stale.locator("#poradnik-mieszkanca.pm-bez-aplikacji").waitFor({ state: "attached" });
  assert.ok(await stale.getByRole("heading", { level: 1, name: IKP.title }).isVisible());
  await stale.close();
});

test("a question the site no longer has says so, in the app as on the server", async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/`);
  await page.evaluate(() => {
    history.pushState({}, "", "/pytanie/pytanie-ktorego-nie-ma");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await page.getByRole("heading", { level: 1, name: "Nie znaleziono strony" }).waitFor();
  await page.close();
});
