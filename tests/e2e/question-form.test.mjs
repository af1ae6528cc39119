// "Zgłoś swoje pytanie": the banner, the form, and every answer of the submission contract, against
// a local endpoint that answers as each test tells it. A resident on a flaky connection must be
// able to ask, leave, come back, and have the question sent exactly once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, sample, axeViolations } from "./support.mjs";
import { startIntake, downEndpoint } from "../../scripts/intake.mjs";

const site = useSite();
let endpoint;
before(async () => {
  endpoint = await startIntake();
});
after(async () => {
  await endpoint?.close();
});

const QUESTION = "Czy mogę oddać stary telewizor do punktu przy Kazimierza Wielkiego?";
const DRAFT_KEY = "poradnik-mieszkanca:szkic-pytania";

async function form(attributes = {}, path = "/zglos-pytanie") {
  endpoint.requests.length = 0;
  const page = await openPage(site.browser, {
    attributes: { "data-submit-url": endpoint.url, "data-submit-timeout": "2", ...attributes },
  });
  await page.goto(site.server.url + path);
  await page.getByRole("heading", { level: 1, name: "Zgłoś swoje pytanie" }).waitFor();
  await page.getByLabel("Twoje pytanie").waitFor();
  return page;
}

const questionField = (page) => page.getByRole("textbox", { name: "Twoje pytanie" });
const sendButton = (page) => page.getByRole("button", { name: "Wyślij pytanie" });
const statusText = (page) => page.locator(".pm-ask-form__status");

async function typeQuestion(page, text = QUESTION) {
  await questionField(page).fill(text);
  // The draft is saved as the resident types.
  await page.waitForFunction(([key, q]) => (localStorage.getItem(key) ?? "").includes(q), [DRAFT_KEY, text.slice(0, 20)]);
}

test("the banner on the home and question pages opens the form in a new tab and says so", async () => {
  const page = await openPage(site.browser, { attributes: { "data-submit-url": endpoint.url } });
  for (const path of ["/", `/pytanie/${sample.questions[0].id}`]) {
    await page.goto(site.server.url + path);
    const link = page.getByRole("link", { name: "Zgłoś swoje pytanie do bazy! – otworzy się w nowej karcie" });
    await link.waitFor();
    assert.equal(await link.getAttribute("target"), "_blank");
    assert.match(await link.getAttribute("rel"), /noopener/);
    const banner = page.getByRole("complementary", { name: "Zgłoś swoje pytanie" });
    assert.match(await banner.textContent(), /^Portal w rozbudowie – stale uzupełniamy bazę pytań\. Zgłoś swoje pytanie do bazy!/);
  }
  const [tab] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: /Zgłoś swoje pytanie do bazy!/ }).click()]);
  await tab.getByRole("heading", { level: 1, name: "Zgłoś swoje pytanie" }).waitFor();
  assert.match(tab.url(), /\/zglos-pytanie\?strona=/);
  await page.close();
});

// Issue 12.10: the question's context.page is the guide's own address of the page the resident
// read, without other sites' tracking parameters or a fragment.
test("the page the question comes from is the guide's own address of the page", async () => {
  const page = await openPage(site.browser, { attributes: { "data-submit-url": endpoint.url } });
  const strona = async (link) => new URL(await link.getAttribute("href"), page.url()).searchParams.get("strona");
  const q = sample.questions[0];
  await page.goto(`${site.server.url}/pytanie/${q.id}?utm_source=newsletter#pm-tresc`);
  await page.getByRole("heading", { level: 1, name: q.title }).waitFor();
  // The guide's public address (data-site-url, from the publish step's SITE_URL), wherever the
  // page was opened from.
  const guide = "https://poradnik.wroclaw.pl";
  assert.equal(await strona(page.getByRole("link", { name: /Zgłoś swoje pytanie do bazy!/ })), `${guide}/pytanie/${q.id}`);
  // Straight after typing, before the address is written.
  await page.getByRole("searchbox", { name: "Szukaj w poradniku" }).pressSequentially("qwxzyk");
  const ask = page.getByRole("link", { name: /Zgłoś to pytanie/ });
  await ask.waitFor();
  await page.waitForFunction(() => document.querySelector(".pm-search-page__summary")?.textContent === "Brak wyników dla „qwxzyk”.");
  assert.equal(await strona(ask), `${guide}/szukaj?q=qwxzyk`);
  await page.close();
});

test("with neither an endpoint nor an address there is no banner and no form", async () => {
  const page = await openPage(site.browser);
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  assert.equal(await page.locator(".pm-ask-banner").count(), 0);
  assert.ok(await page.getByText(sample.portal.notice).isVisible(), "the notice is still there, without the link");
  await page.goto(site.server.url + "/zglos-pytanie");
  await page.getByText("Na tej stronie nie można zgłaszać pytań").waitFor();
  assert.equal(await page.getByRole("textbox").count(), 0);
  assert.equal(await page.getByRole("button", { name: "Wyślij pytanie" }).count(), 0);
  await page.close();
});

test("an empty form gets the error summary, which takes focus, links to the field, and titles the page", async () => {
  const page = await form();
  await sendButton(page).click();
  const summary = page.locator(".pm-error-summary");
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.className), "pm-error-summary");
  assert.match(await page.title(), /^Błąd: Zgłoś swoje pytanie/);
  assert.equal(await page.getByRole("heading", { name: "Wystąpił problem" }).count(), 1);
  const message = page.locator("#pm-pytanie-blad");
  assert.equal(await message.textContent(), "Błąd: Wpisz swoje pytanie");
  assert.match(await questionField(page).getAttribute("aria-describedby"), /pm-pytanie-blad/);
  await summary.getByRole("link", { name: "Wpisz swoje pytanie" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "pm-pytanie");
  assert.equal(endpoint.requests.length, 0, "nothing is sent");
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("an e-mail without consent and a bad address are errors at their fields", async () => {
  const page = await form();
  await typeQuestion(page);
  await page.getByLabel("Adres e-mail (nieobowiązkowo)").fill("anna@");
  await sendButton(page).click();
  await page.locator(".pm-error-summary").waitFor();
  assert.match(await page.locator("#pm-email-blad").textContent(), /^Błąd: Wpisz adres e-mail w poprawnym formacie/);
  assert.match(await page.locator("#pm-zgoda-blad").textContent(), /^Błąd: Zaznacz zgodę/);
  assert.equal(endpoint.requests.length, 0);
  await page.close();
});

test("a question is sent as the contract says, confirmed, and its draft cleared", async () => {
  endpoint.reply({ status: 201 });
  const page = await form({}, `/zglos-pytanie?strona=${encodeURIComponent("https://www.wroclaw.pl/poradnik/szukaj?q=telewizor")}&szukano=telewizor`);
  await typeQuestion(page, `  ${QUESTION}  `);
  await page.getByLabel("Czego dotyczy pytanie? (nieobowiązkowo)").selectOption({ label: sample.categories[0].name });
  await page.getByLabel("Adres e-mail (nieobowiązkowo)").fill("anna.kowalska@example.pl");
  await page.getByLabel(/Zgadzam się/).check();
  assert.deepEqual(await axeViolations(page), []);
  await sendButton(page).click();
  await page.getByRole("heading", { name: "Dziękujemy! Twoje pytanie trafiło do redakcji Poradnika Mieszkańca." }).waitFor();
  assert.equal(endpoint.requests.length, 1);
  const [{ headers, body }] = endpoint.requests;
  assert.match(body.client_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(headers["idempotency-key"], body.client_id);
  assert.match(headers["content-type"], /^application\/json/);
  assert.deepEqual(body, {
    question: QUESTION,
    category: sample.categories[0].id,
    email: "anna.kowalska@example.pl",
    consent: true,
    context: { page: "https://www.wroclaw.pl/poradnik/szukaj?q=telewizor", search: "telewizor" },
    client_id: body.client_id,
    website: "",
  });
  assert.ok(await page.getByText(QUESTION).isVisible(), "what was sent is read back");
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null);
  assert.match(await page.title(), /^Pytanie wysłane/);
  assert.deepEqual(await axeViolations(page), []);
  await page.reload();
  await questionField(page).waitFor();
  assert.equal(await questionField(page).inputValue(), "", "a sent question is not restored");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a question typed and never sent is restored after a reload, and a new one after it gets a new key", async () => {
  endpoint.reply({ status: 201 });
  const page = await form();
  await typeQuestion(page);
  await page.reload();
  await page.getByText("Przywróciliśmy rozpoczęte wcześniej pytanie.").waitFor();
  assert.equal(await questionField(page).inputValue(), QUESTION);
  await sendButton(page).click();
  await page.getByRole("button", { name: "Zadaj kolejne pytanie" }).click();
  assert.equal(await questionField(page).inputValue(), "");
  assert.equal(await page.evaluate(() => document.activeElement.id), "pm-pytanie");
  assert.equal(await page.getByText("Przywróciliśmy").count(), 0, "nothing of the last question is left");
  await typeQuestion(page, "Gdzie mogę wyrobić kartę parkingową dla osoby z niepełnosprawnością?");
  await sendButton(page).click();
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(endpoint.requests.length, 2);
  assert.notEqual(endpoint.requests[0].body.client_id, endpoint.requests[1].body.client_id);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a question changed after a failed send is a new question with a new key", async () => {
  endpoint.reply({ status: 503 }, { status: 201 });
  const page = await form();
  await typeQuestion(page);
  await sendButton(page).click();
  await statusText(page).getByText("Wystąpił błąd po stronie serwera (503).").waitFor();
  await typeQuestion(page, QUESTION + " A co z monitorem?");
  await sendButton(page).click();
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.notEqual(endpoint.requests[0].headers["idempotency-key"], endpoint.requests[1].headers["idempotency-key"]);
  await page.close();
});

test("the draft survives a 500 and a reload, and the retry reuses the Idempotency-Key", async () => {
  endpoint.reply({ status: 500 }, { status: 201 });
  const page = await form();
  await typeQuestion(page);
  await sendButton(page).click();
  await statusText(page).getByText("Wystąpił błąd po stronie serwera (500). Pytanie nie zostało wysłane").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.className), "pm-ask-form__status");
  await page.reload();
  await page.getByText("Przywróciliśmy pytanie, którego nie udało się wcześniej wysłać").waitFor();
  assert.equal(await questionField(page).inputValue(), QUESTION);
  await sendButton(page).click();
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(endpoint.requests.length, 2);
  assert.equal(endpoint.requests[0].headers["idempotency-key"], endpoint.requests[1].headers["idempotency-key"]);
  await page.close();
});

test("a server that hangs past the time-out: not sent, said so, the draft kept, the retry the same question", async () => {
  endpoint.reply({ hang: true }, { status: 200 });
  const page = await form({ "data-submit-timeout": "1" });
  await typeQuestion(page);
  await sendButton(page).click();
  await page.getByRole("button", { name: "Wysyłanie…" }).waitFor();
  assert.equal(await questionField(page).getAttribute("readonly"), "", "nothing can be typed while sending");
  await statusText(page).getByText("Serwer nie odpowiedział na czas.").waitFor();
  assert.equal(await questionField(page).inputValue(), QUESTION);
  assert.ok((await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY)).includes("Czy mogę oddać"));
  await sendButton(page).click();
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(endpoint.requests[0].body.client_id, endpoint.requests[1].body.client_id);
  await page.close();
});

test("a 201 whose body never finishes is still an acceptance: confirmed, the draft cleared", async () => {
  endpoint.reply({ status: 201, stallBody: true });
  const page = await form({ "data-submit-timeout": "1" });
  await typeQuestion(page);
  await sendButton(page).click();
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null);
  await page.close();
});

test("a question accepted after the resident has left the form's page is not restored as unsent", async () => {
  endpoint.reply({ status: 201, delayMs: 800 });
  const page = await form();
  await typeQuestion(page);
  await sendButton(page).click();
  await endpoint.received(1);
  // Away to another page of the guide while the answer is on its way.
  await page.evaluate(() => {
    history.pushState(null, "", "/");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  await page.waitForFunction((k) => localStorage.getItem(k) === null, DRAFT_KEY);
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Zgłoś swoje pytanie" }).waitFor();
  assert.equal(await questionField(page).inputValue(), "");
  assert.equal(await page.getByText("Przywróciliśmy").count(), 0);
  await page.close();
});

test("an accepted question does not erase the copy another tab has edited meanwhile", async () => {
  endpoint.reply({ status: 201, delayMs: 4000 });
  const page = await form({ "data-submit-timeout": "20" });
  await typeQuestion(page);
  await sendButton(page).click();
  await endpoint.received(1);
  // A second tab of the form restores the question on its way and the resident edits it.
  const other = await page.context().newPage();
  await other.goto(site.server.url + "/zglos-pytanie");
  await questionField(other).waitFor();
  await other.waitForFunction(() => document.querySelector("#pm-pytanie")?.value.length > 0);
  await questionField(other).fill(QUESTION + " A co z lodówką?");
  await other.waitForFunction((k) => (localStorage.getItem(k) ?? "").includes("lodówką"), DRAFT_KEY);
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.match(await page.evaluate((k) => localStorage.getItem(k) ?? "", DRAFT_KEY), /A co z lodówką\?/);
  await page.close();
});

test("a browser that refuses random numbers sends nothing (no shared id) and says so; the question stays", async () => {
  const page = await openPage(site.browser, { attributes: { "data-submit-url": endpoint.url } });
  await page.addInitScript(() => {
    crypto.getRandomValues = () => {
      throw new Error("blocked");
    };
  });
  endpoint.requests.length = 0;
  await page.goto(site.server.url + "/zglos-pytanie");
  await typeQuestion(page);
  await sendButton(page).click();
  await statusText(page).getByText(/nie pozwoliła przygotować pytania/).waitFor();
  assert.equal(endpoint.requests.length, 0);
  assert.equal(await questionField(page).inputValue(), QUESTION);
  await page.close();
});

test("a draft past its 30 days goes when any page of the guide opens, not only the form", async () => {
  const page = await openPage(site.browser);
  await page.goto(site.server.url + "/");
  await page.getByRole("heading", { level: 1, name: sample.portal.title }).waitFor();
  const old = Date.now() - 31 * 24 * 60 * 60 * 1000;
  await page.evaluate(([k, at]) => localStorage.setItem(k, JSON.stringify({ question: "Stare pytanie o śmieci", email: "anna@example.pl", saved_at: at })), [DRAFT_KEY, old]);
  await page.goto(site.server.url + `/pytanie/${sample.questions[0].id}`);
  await page.getByRole("heading", { level: 1, name: sample.questions[0].title }).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null);
  await page.close();
});

test("a double click sends once", async () => {
  endpoint.reply({ status: 201, delayMs: 300 });
  const page = await form();
  await typeQuestion(page);
  await sendButton(page).dblclick();
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(endpoint.requests.length, 1);
  await page.close();
});

test("a 400 shows the server's messages at their fields and in the summary", async () => {
  endpoint.reply({ status: 400, body: { errors: { question: "To pytanie wygląda na reklamę", website: "Odrzucono" } } });
  const page = await form();
  await typeQuestion(page);
  await sendButton(page).click();
  await page.locator(".pm-error-summary").waitFor();
  assert.equal(await page.locator("#pm-pytanie-blad").textContent(), "Błąd: To pytanie wygląda na reklamę");
  assert.ok(await page.locator(".pm-error-summary").getByText("Odrzucono").isVisible());
  assert.equal(await questionField(page).inputValue(), QUESTION);
  await page.close();
});

test("413 and 429 (seconds or a date) say what happened and when to try again; then 202 accepts", async () => {
  const inNinetySeconds = new Date(Date.now() + 90_000).toUTCString();
  endpoint.reply(
    { status: 413 },
    { status: 429, headers: { "retry-after": "120" } },
    { status: 429, headers: { "retry-after": inNinetySeconds } },
    { status: 202 },
  );
  const page = await form();
  await typeQuestion(page);
  await sendButton(page).click();
  await statusText(page).getByText("Pytanie jest za duże, aby je wysłać.").waitFor();
  await sendButton(page).click();
  await statusText(page).getByText("Spróbuj ponownie za 2 minuty.").waitFor();
  await sendButton(page).click();
  await statusText(page).getByText(/Spróbuj ponownie za (1 minutę|2 minuty)\./).waitFor();
  assert.equal(await questionField(page).inputValue(), QUESTION);
  await sendButton(page).click();
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(new Set(endpoint.requests.map((r) => r.body.client_id)).size, 1, "all four are one question");
  await page.close();
});

test("a 200 that is an HTML page (a login redirect) is not taken for an acceptance", async () => {
  endpoint.reply({ status: 200, headers: { "content-type": "text/html" }, body: "<html>" });
  const page = await form();
  await typeQuestion(page);
  await sendButton(page).click();
  await statusText(page).getByText("Serwer odpowiedział nieoczekiwanie (200).").waitFor();
  assert.equal(await questionField(page).inputValue(), QUESTION);
  await page.close();
});

test("offline: not sent; when the network is back the form offers to send, and does", async () => {
  endpoint.reply({ status: 201 });
  const page = await form();
  await typeQuestion(page);
  await page.context().setOffline(true);
  await sendButton(page).click();
  await statusText(page).getByText("Nie ma połączenia z internetem.").waitFor();
  assert.equal(endpoint.requests.length, 0);
  await page.context().setOffline(false);
  await statusText(page).getByText("Połączenie wróciło.").waitFor();
  await page.getByRole("button", { name: "Wyślij teraz" }).click();
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(endpoint.requests.length, 1);
  await page.close();
});

test("an endpoint that is down: not sent, said so", async () => {
  const page = await form({ "data-submit-url": await downEndpoint() });
  await typeQuestion(page);
  await sendButton(page).click();
  await statusText(page).getByText("Nie udało się połączyć z serwerem.").waitFor();
  assert.equal(await questionField(page).inputValue(), QUESTION);
  await page.close();
});

test("the honeypot is invisible to people and absent from the accessibility tree", async () => {
  const page = await form();
  const trap = page.locator("#pm-strona-www");
  assert.equal(await trap.count(), 1);
  const box = await trap.boundingBox();
  assert.ok(!box || box.x + box.width <= 0 || box.width <= 1, `off the page: ${JSON.stringify(box)}`);
  assert.equal(await page.getByRole("textbox", { name: "Strona internetowa" }).count(), 0);
  const tree = JSON.stringify(await page.locator("body").ariaSnapshot());
  assert.ok(!tree.includes("Strona internetowa"), tree);
  // Tab order skips it: from the consent box, the next stop is not the trap.
  await page.getByLabel(/Zgadzam się/).focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    assert.notEqual(await page.evaluate(() => document.activeElement.id), "pm-strona-www");
  }
  await page.close();
});

test("without an endpoint the question is ready to go by e-mail", async () => {
  const page = await form({ "data-submit-url": "", "data-report-email": "poradnik@example.pl" });
  await typeQuestion(page);
  await sendButton(page).click();
  const link = page.getByRole("link", { name: "Otwórz wiadomość e-mail" });
  await link.waitFor();
  const href = await link.getAttribute("href");
  assert.ok(href.startsWith("mailto:poradnik@example.pl?subject="), href);
  assert.ok(decodeURIComponent(href).includes(QUESTION), href);
  assert.equal(endpoint.requests.length, 0);
  await page.close();
});

test("a search with no results leads to the form with the query filled in and recorded", async () => {
  endpoint.reply({ status: 201 });
  const page = await openPage(site.browser, { attributes: { "data-submit-url": endpoint.url } });
  const query = "żyrafa w ogrodzie zoologicznym";
  await page.goto(site.server.url + "/szukaj?q=" + encodeURIComponent(query));
  const link = page.getByRole("link", { name: "Zgłoś to pytanie – otworzy się w nowej karcie" });
  await link.waitFor();
  const [tab] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
  await tab.getByRole("heading", { level: 1, name: "Zgłoś swoje pytanie" }).waitFor();
  const field = tab.getByRole("textbox", { name: "Twoje pytanie" });
  await field.waitFor();
  assert.equal(await field.inputValue(), query);
  endpoint.requests.length = 0;
  await tab.getByRole("button", { name: "Wyślij pytanie" }).click();
  await tab.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(endpoint.requests[0].body.context.search, query);
  assert.match(endpoint.requests[0].body.context.page, /\/szukaj\?q=/);
  await page.close();
});

test("while typing, questions of the guide that may already answer it are offered", async () => {
  const page = await form();
  const existing = sample.questions.find((q) => q.id === "zwrot-podatku-pit");
  const target = existing ?? sample.questions[0];
  await questionField(page).pressSequentially(target.title, { delay: 5 });
  const offered = page.locator(".pm-similar-questions");
  await offered.getByRole("link", { name: target.title }).waitFor();
  await page.close();
});

// Issue 12.5: a kept draft holds no clear copy of what was sent, expires, and the clause says so.
test("after a failed send, a deleted address leaves no trace in the kept draft; the clause says where and how long it is kept", async () => {
  endpoint.reply({ status: 503 });
  const page = await form();
  await typeQuestion(page);
  await page.getByLabel("Adres e-mail (nieobowiązkowo)").fill("anna@example.pl");
  await page.getByLabel(/Zgadzam się/).check();
  await sendButton(page).click();
  await statusText(page).getByText("Wystąpił błąd po stronie serwera (503).").waitFor();
  // The resident thinks better of it: no address, no consent.
  await page.getByLabel("Adres e-mail (nieobowiązkowo)").fill("");
  await page.getByLabel(/Zgadzam się/).uncheck();
  const kept = await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
  assert.ok(kept.includes("Czy mogę oddać"), kept);
  assert.ok(!kept.includes("anna@example.pl"), kept);
  assert.ok(Math.abs(JSON.parse(kept).saved_at - Date.now()) < 60_000, kept);
  assert.match(
    await page.locator(".pm-privacy-notice").textContent(),
    /Szkic pytania .* tylko w tej przeglądarce.* do czasu wysłania pytania, nie dłużej niż 30 dni\..* Aby go usunąć, wyczyść pola formularza\./,
  );
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a draft last saved over 30 days ago is dropped; one kept by an earlier version still restores, rewritten, with its id", async () => {
  const page = await form();
  const day = 24 * 60 * 60 * 1000;
  const stale = { question: QUESTION, email: "anna@example.pl", consent: true, client_id: "", sent: "", saved_at: Date.now() - 31 * day };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, JSON.stringify(stale)]);
  await page.reload();
  await questionField(page).waitFor();
  assert.equal(await questionField(page).inputValue(), "");
  assert.equal(await page.getByText("Przywróciliśmy").count(), 0);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null);

  const id = "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a";
  const old = { question: QUESTION, category: "", email: "anna@example.pl", consent: true, client_id: id, sent: `${QUESTION}\u001f\u001fanna@example.pl\u001ftrue` };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, JSON.stringify(old)]);
  await page.reload();
  await page.getByText("Przywróciliśmy pytanie, którego nie udało się wcześniej wysłać").waitFor();
  assert.equal(await questionField(page).inputValue(), QUESTION);
  const kept = await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
  assert.equal(kept.split("anna@example.pl").length - 1, 1, `the address only in its own field: ${kept}`);
  assert.ok(JSON.parse(kept).saved_at > 0, kept);
  endpoint.reply({ status: 201 });
  endpoint.requests.length = 0;
  await sendButton(page).click();
  await page.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(endpoint.requests[0].body.client_id, id, "the same question sent again keeps its id");
  await page.close();
});

// Issue 12.6: two tabs of the form.
test("two tabs follow each other's draft: neither a send nor a new question in one loses the other's edits", async () => {
  endpoint.reply({ status: 201 });
  const a = await form();
  await typeQuestion(a);
  const b = await a.context().newPage();
  await b.goto(site.server.url + "/zglos-pytanie");
  await questionField(b).waitFor();
  await b.waitForFunction((q) => document.querySelector("#pm-pytanie")?.value === q, QUESTION);
  const edited = QUESTION + " A co z lodówką?";
  await questionField(b).fill(edited);
  // Tab A's form held just what it had saved: it now shows B's edit...
  await a.waitForFunction((q) => document.querySelector("#pm-pytanie")?.value === q, edited, { timeout: 5000 });
  // ...and sends that, rather than saving its older text over it first.
  await sendButton(a).click();
  await a.getByRole("heading", { name: /^Dziękujemy!/ }).waitFor();
  assert.equal(endpoint.requests.at(-1).body.question, edited);
  assert.equal(await a.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null);
  // Tab B held just the question that was sent: it empties rather than offer it for a second send.
  await b.waitForFunction(() => document.querySelector("#pm-pytanie")?.value === "", null, { timeout: 5000 });
  // B starts another question; "Zadaj kolejne pytanie" in A does not erase it.
  const next = "Gdzie mogę wyrobić kartę parkingową dla osoby z niepełnosprawnością?";
  await typeQuestion(b, next);
  await a.getByRole("button", { name: "Zadaj kolejne pytanie" }).click();
  assert.equal(await questionField(a).inputValue(), "");
  assert.match(await b.evaluate((k) => localStorage.getItem(k) ?? "", DRAFT_KEY), /kartę parkingową/);
  // The kept draft removed by something else (the site's storage cleared) while B still shows
  // unsent text: B saves it again.
  await a.evaluate(() => localStorage.clear());
  await b.waitForFunction((k) => (localStorage.getItem(k) ?? "").includes("kartę parkingową"), DRAFT_KEY, { timeout: 5000 });
  assert.equal(await questionField(b).inputValue(), next);
  assert.deepEqual(a.problems, []);
  await a.close();
});

// Issue 12.8: a draft that cannot be saved.
test("when the storage is full, the draft wins over the kept copy of the data", async () => {
  const page = await form();
  await page.waitForFunction(() => (localStorage.getItem("poradnik-mieszkanca:dane") ?? "").includes("schema_version"));
  // The host site's own data takes all that is left.
  const filler = await page.evaluate(() => {
    let lo = 0;
    let hi = 16 * 1024 * 1024;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        localStorage.setItem("strona-miasta:zapas", "x".repeat(mid));
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    localStorage.setItem("strona-miasta:zapas", "x".repeat(lo));
    return lo;
  });
  assert.ok(filler > 0);
  await questionField(page).fill(QUESTION);
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? "").includes("Czy mogę oddać"), DRAFT_KEY, { timeout: 5000 });
  assert.equal(await page.evaluate(() => localStorage.getItem("poradnik-mieszkanca:dane")), null, "the copy of the data made room");
  assert.equal(await page.evaluate(() => localStorage.getItem("strona-miasta:zapas").length), filler, "the host site's data stays");
  assert.equal(await page.getByText(/nie pozwala zapisać pytania/).count(), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a browser that refuses to keep the draft says so at once, while the resident types, before any send", async () => {
  const page = await openPage(site.browser, { attributes: { "data-submit-url": endpoint.url } });
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  endpoint.requests.length = 0;
  await page.goto(site.server.url + "/zglos-pytanie");
  await questionField(page).fill(QUESTION);
  const note = page.getByText("Uwaga: ta przeglądarka nie pozwala zapisać pytania. Skopiuj jego treść, zanim zamkniesz stronę.");
  await note.waitFor({ timeout: 5000 });
  assert.equal(await note.evaluate((el) => el.closest("[aria-live]")?.getAttribute("aria-live")), "polite");
  assert.equal(endpoint.requests.length, 0);
  assert.equal(await statusText(page).textContent(), "", "nothing was sent");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});
