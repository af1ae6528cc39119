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
  // The heading comes first; the results once the index's files have arrived.
  await page.locator(".pm-search-results__link").first().waitFor();
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

// Issue 12.2. WebKit throws a SecurityError from history.pushState/replaceState after 100 calls in
// 30 seconds; here the browser refuses sooner (after `allowed` calls), and the resident types a
// long query: the results follow every keystroke, the address is written only once typing pauses,
// and a refused change never turns into a page load.
test("typing a long query never reloads the page, even when the browser refuses to change the address", async () => {
  const query = "odwołanie od mandatu za parkowanie";
  for (const allowed of [1, 0]) {
    const page = await openPage(site.browser);
    await page.addInitScript((allowed) => {
      window.__historyCalls = 0;
      window.__refused = 0;
      for (const name of ["pushState", "replaceState"]) {
        const original = history[name].bind(history);
        history[name] = (...args) => {
          window.__historyCalls += 1;
          if (window.__historyCalls > allowed) {
            window.__refused += 1;
            throw new DOMException(`Attempt to use history.${name}() more than 100 times per 30 seconds`, "SecurityError");
          }
          return original(...args);
        };
      }
    }, allowed);
    await page.goto(site.server.url + "/");
    await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
    const loaded = await page.evaluate(() => {
      window.__marker = "same document";
      return performance.timeOrigin;
    });
    await page.getByRole("searchbox", { name: "Szukaj w poradniku" }).pressSequentially(query);
    await page
      .waitForFunction((q) => document.querySelector(".pm-search-page__summary")?.textContent.endsWith(`dla „${q}”.`), query, { timeout: 10000 })
      .catch(async () => {
        throw new Error(`allowed ${allowed}: no results for the whole query; the page was ${(await page.evaluate(() => window.__marker)) ? "not " : ""}reloaded`);
      });
    // Long enough for the paused typing's address to be written (and refused).
    await page.waitForTimeout(800);
    const after = await page.evaluate(() => ({
      marker: window.__marker,
      timeOrigin: performance.timeOrigin,
      navigations: performance.getEntriesByType("navigation").length,
      calls: window.__historyCalls,
      refused: window.__refused,
    }));
    assert.equal(after.marker, "same document", `allowed ${allowed}: no page load`);
    assert.equal(after.timeOrigin, loaded, `allowed ${allowed}: no page load`);
    assert.equal(after.navigations, 1);
    assert.ok(after.refused >= 1, `allowed ${allowed}: the browser did refuse (${JSON.stringify(after)})`);
    assert.ok(after.calls <= 5, `${after.calls} history changes for ${query.length} keystrokes`);
    assert.equal(await page.getByRole("searchbox").inputValue(), query);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Wyniki wyszukiwania");
    assert.ok((await resultTitles(page)).length > 0, "results for the whole query");
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test("while typing on the results page the address is written once typing pauses, and back still goes to the page before", async () => {
  const page = await home();
  await page.evaluate(() => {
    window.__historyCalls = 0;
    for (const name of ["pushState", "replaceState"]) {
      const original = history[name].bind(history);
      history[name] = (...args) => {
        window.__historyCalls += 1;
        return original(...args);
      };
    }
  });
  await typeQuery(page, "karta parkingowa niepelnosprawnosc");
  assert.ok((await page.evaluate(() => window.__historyCalls)) <= 5);
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.goForward();
  await page.waitForFunction(() => document.getElementById("pm-szukaj").value === "karta parkingowa niepelnosprawnosc");
  await page.close();
});
