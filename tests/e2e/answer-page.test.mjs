// The question page as residents use it: with a keyboard, a screen reader, find-in-page, a shared
// link to one FAQ item, paper, and a 320 px phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { useSite, openPage, sample, axeViolations } from "./support.mjs";

const site = useSite();
const IKP = sample.questions.find((q) => q.id === "co-to-jest-internetowe-konto-pacjenta-ikp");
const ikpUrl = () => `${site.server.url}/pytanie/${IKP.id}`;
const artefacts = new URL("../../test-results/", import.meta.url).pathname;

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, text: el.textContent.trim(), expanded: el.getAttribute("aria-expanded") };
  });

async function openIkp(options) {
  const page = await openPage(site.browser, options);
  await page.goto(ikpUrl());
  await page.getByRole("heading", { level: 1, name: IKP.title }).waitFor();
  return page;
}

test("a keyboard alone reaches an FAQ item, toggles it with Enter and Space, and focus stays visible on it", async () => {
  const page = await openIkp();
  const first = IKP.faq[0].question;
  for (let i = 0; i < 40 && (await focused(page)).text !== first; i++) await page.keyboard.press("Tab");
  assert.deepEqual(await focused(page), { tag: "BUTTON", text: first, expanded: "false" });
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).backgroundColor);
  assert.equal(ring, "rgb(255, 191, 71)", "the focus style is on");

  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).expanded, "true");
  await page.getByText("konto powstaje samo").waitFor();
  await page.keyboard.press("Space");
  assert.deepEqual(await focused(page), { tag: "BUTTON", text: first, expanded: "false" });
  assert.equal(await page.getByText("konto powstaje samo").isVisible(), false);
  await page.close();
});

test("each question is a button inside a heading that controls its panel", async () => {
  const page = await openIkp();
  const buttons = page.locator(".pm-faq-accordion").getByRole("heading", { level: 3 }).getByRole("button");
  assert.equal(await buttons.count(), IKP.faq.length);
  for (let i = 0; i < IKP.faq.length; i++) {
    const b = buttons.nth(i);
    const panel = page.locator(`[id="${await b.getAttribute("aria-controls")}"]`);
    assert.equal(await panel.getAttribute("hidden"), "until-found");
    await b.click();
    assert.equal(await b.getAttribute("aria-expanded"), "true");
    assert.equal(await panel.getAttribute("hidden"), null);
  }
  await page.close();
});

test("'Pokaż wszystkie' opens every item and says so; axe finds nothing with every item open or closed", async () => {
  const page = await openIkp();
  assert.deepEqual(await axeViolations(page), []);
  const all = page.getByRole("button", { name: "Pokaż wszystkie" });
  assert.equal(await all.getAttribute("aria-expanded"), "false");
  await all.click();
  const hide = page.getByRole("button", { name: "Ukryj wszystkie" });
  assert.equal(await hide.getAttribute("aria-expanded"), "true");
  for (const f of IKP.faq) assert.equal(await page.getByRole("button", { name: f.question, exact: true }).getAttribute("aria-expanded"), "true");
  assert.deepEqual(await axeViolations(page), []);
  await hide.click();
  for (const f of IKP.faq) assert.equal(await page.getByRole("button", { name: f.question, exact: true }).getAttribute("aria-expanded"), "false");
  await page.close();
});

test("a link to one FAQ item opens it and scrolls it into view; opening another updates the address without a history entry", async () => {
  const page = await openPage(site.browser, { context: { viewport: { width: 360, height: 640 } } });
  const target = IKP.faq[4];
  await page.goto(`${ikpUrl()}#${target.id}`);
  const button = page.getByRole("button", { name: target.question, exact: true });
  await page.waitForFunction((name) => [...document.querySelectorAll("button[aria-expanded=true]")].some((b) => b.textContent.trim() === name), target.question);
  await page.getByText("konto i wszystkie jego funkcje są bezpłatne").waitFor();
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight / 2;
  }, target.id);
  assert.equal(await button.getAttribute("aria-expanded"), "true");

  const before = await page.evaluate(() => history.length);
  await page.getByRole("button", { name: IKP.faq[1].question, exact: true }).click();
  assert.equal(new URL(page.url()).hash, `#${IKP.faq[1].id}`);
  assert.equal(await page.evaluate(() => history.length), before, "no history entry per click");
  await page.close();
});

test("find-in-page opens a closed item (beforematch)", async () => {
  const page = await openIkp();
  const item = IKP.faq[3];
  const button = page.getByRole("button", { name: item.question, exact: true });
  const panelId = await button.getAttribute("aria-controls");
  // The real find bar cannot be driven; the browser fires exactly this event before revealing.
  await page.evaluate((id) => document.getElementById(id).dispatchEvent(new Event("beforematch", { bubbles: true })), panelId);
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.equal(new URL(page.url()).hash, `#${item.id}`);
  await page.close();
});

test("'Kopiuj link' copies the item's permanent link and says so to screen readers", async () => {
  const page = await openIkp({ context: { permissions: ["clipboard-read", "clipboard-write"] } });
  const item = IKP.faq[2];
  await page.getByRole("button", { name: item.question, exact: true }).click();
  await page.getByRole("button", { name: `Kopiuj link do odpowiedzi: ${item.question}` }).click();
  await page.locator(`[id="${item.id}"]`).getByRole("status").getByText("Skopiowano link do schowka.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${ikpUrl()}#${item.id}`);
  await page.close();
});

test("after a click to another page, focus is on its h1 and the title names it; never on the first load", async () => {
  const page = await openPage(site.browser);
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  assert.equal((await focused(page)).tag, "BODY");
  const c = sample.categories[1];
  await page.getByRole("link", { name: new RegExp(`^${c.name}`) }).click();
  await page.waitForFunction((name) => document.activeElement.tagName === "H1" && document.activeElement.textContent === name, c.name);
  assert.equal(await page.title(), `${c.name} – Poradnik Mieszkańca`);
  await page.goBack();
  await page.waitForFunction((name) => document.activeElement.tagName === "H1" && document.activeElement.textContent === name, sample.portal.title);
  await page.close();
});

test("new pages start at the top; back and forward return to where the resident was", async () => {
  const page = await openPage(site.browser, { context: { viewport: { width: 320, height: 480 } } });
  await page.goto(site.server.url + "/");
  const last = sample.categories[sample.categories.length - 1];
  const link = page.getByRole("link", { name: new RegExp(`^${last.name}`) });
  await link.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 300, `scrolled down (${y})`);
  await link.click();
  await page.getByRole("heading", { level: 1, name: last.name }).waitFor();
  await page.waitForFunction(() => window.scrollY === 0);
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, y);
  await page.close();
});

test("the skip link is the first stop and moves focus to the content", async () => {
  const page = await openIkp();
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).text, "Przejdź do treści");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "pm-tresc");
  await page.close();
});

test("the editor's link appears only when the page turns editor links on", async () => {
  const off = await openIkp();
  assert.equal(await off.getByRole("link", { name: /Edytuj w ACMS/ }).count(), 0);
  await off.close();
  const on = await openIkp({ attributes: { "data-editor-links": "true" } });
  const link = on.getByRole("link", { name: "Edytuj w ACMS (otworzy się w nowej karcie)" });
  assert.equal(await link.getAttribute("href"), IKP.edit_url);
  assert.equal(await link.getAttribute("target"), "_blank");
  await on.close();
});

test("the contact card can be acted on, and says whether the place is open now in Warsaw time", async () => {
  const q = sample.questions.find((x) => {
    const i = sample.institutions.find((i) => i.id === x.institution);
    return i?.phone && i?.email && i?.address;
  });
  const inst = sample.institutions.find((i) => i.id === q.institution);
  // A device in New York: the answer must not depend on its time zone.
  const page = await openPage(site.browser, { context: { timezoneId: "America/New_York" } });
  await page.clock.setFixedTime(new Date("2026-11-27T11:00:00Z")); // Friday 12:00 in Warsaw
  await page.goto(`${site.server.url}/pytanie/${q.id}`);
  const card = page.getByRole("region", { name: "Kontakt" });
  await card.getByText(inst.name).waitFor();
  assert.match(await card.getByRole("link", { name: inst.phone }).getAttribute("href"), /^tel:\+?\d+$/);
  assert.equal(await card.getByRole("link", { name: inst.email }).getAttribute("href"), `mailto:${inst.email}`);
  const map = card.getByRole("link", { name: `${inst.address} (mapa, otworzy się w nowej karcie)` });
  assert.match(await map.getAttribute("href"), /^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=/);
  await card.getByText(/^Otwarte teraz, do \d\d:\d\d$/).waitFor();
  await page.close();

  const ikp = await openPage(site.browser, { context: { timezoneId: "Asia/Tokyo" } });
  await ikp.clock.setFixedTime(new Date("2026-11-27T19:30:00Z")); // Friday 20:30 in Warsaw
  await ikp.goto(ikpUrl());
  await ikp.getByText("Zamknięte, otwarcie w poniedziałek o 06:30").waitFor();
  await ikp.close();
});

test("related questions are links to other questions", async () => {
  const page = await openIkp();
  const related = page.getByRole("navigation", { name: "Zobacz także" }).getByRole("link");
  assert.ok((await related.count()) > 0);
  const title = await related.first().textContent();
  await related.first().click();
  await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
  await page.close();
});

test("printed, the page has every FAQ answer, the contact card, the date and its address, without navigation", async () => {
  const page = await openIkp();
  await page.emulateMedia({ media: "print" });
  for (const f of IKP.faq) assert.equal(await page.locator(`[id="${f.id}-odpowiedz"]`).isVisible(), true, f.id);
  assert.equal(await page.getByRole("navigation", { name: "Ścieżka nawigacji" }).isVisible(), false);
  assert.equal(await page.getByRole("button", { name: "Pokaż wszystkie" }).isVisible(), false);
  // The guide's public address (SITE_URL of the publish step), wherever the page was opened.
  await page.getByText(`Adres strony: https://poradnik.wroclaw.pl/pytanie/${IKP.id}`).waitFor();
  await page.getByText("Ostatnia aktualizacja: 12 czerwca 2025").waitFor();
  await page.getByRole("region", { name: "Kontakt" }).waitFor();
  await page.close();
});

for (const width of [320, 1280]) {
  test(`at ${width} px nothing scrolls sideways and every control is at least 24 × 24 px`, async () => {
    const page = await openIkp({ context: { viewport: { width, height: 800 } } });
    await page.getByRole("button", { name: "Pokaż wszystkie" }).click();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("#poradnik-mieszkanca button, .pm-breadcrumbs a, .pm-question-list a, .pm-contact-card a, .pm-editor-link a")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => [el.textContent.trim(), el.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24)
        .map(([t, r]) => `${t}: ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    assert.deepEqual(small, []);
    mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: `${artefacts}question-page-${width}px.png`, fullPage: true });
    await page.close();
  });
}

test("after a back that only changed the #fragment, the next page still starts at the top", async () => {
  const page = await openPage(site.browser, { context: { viewport: { width: 320, height: 480 } } });
  await page.goto(ikpUrl());
  await page.getByRole("heading", { level: 1, name: IKP.title }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.evaluate(() => (location.hash = "#jak-zalozyc-konto"));
  await page.goBack();
  await page.waitForFunction(() => location.hash === "");
  const related = page.getByRole("navigation", { name: "Zobacz także" }).getByRole("link").first();
  const title = await related.textContent();
  await related.click();
  await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
  await page.waitForFunction(() => document.activeElement.tagName === "H1");
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.close();
});
