// "Czy ta odpowiedź była pomocna?" (../shared/spec/feedback.md) against the development intake
// (scripts/intake.mjs, the same code `make serve` runs): one vote per question per browser, its
// comment replacing it rather than counting twice, votes that could not be sent sent once later,
// the comment's limit said at the field; by keyboard, with axe in each state, and in a host page
// under a strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, sample, axeViolations, STRICT_CSP } from "./support.mjs";
import { startIntake } from "../../scripts/intake.mjs";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const site = useSite();
let intake;
before(async () => {
  intake = await startIntake();
});
after(async () => {
  await intake?.close();
});
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validVote = ajv.compile(JSON.parse(readFileSync(new URL("../../schema/feedback-vote.schema.json", import.meta.url), "utf8")));
const sentBodies = [];

const question = sample.questions.find((q) => q.updated);
const KEPT = "poradnik-mieszkanca:opinie";
const SAVED = "Dziękujemy, Twoja odpowiedź została zapisana.";

/** A question page set to send votes to the intake, which answers by the contract again. */
async function questionPage(attributes = {}) {
  sentBodies.push(...intake.requests.map((r) => r.body));
  intake.requests.length = 0;
  intake.votes().length = 0;
  intake.reply();
  const page = await openPage(site.browser, {
    attributes: { "data-feedback-url": intake.feedbackUrl, "data-submit-timeout": "2", ...attributes },
  });
  await page.goto(`${site.server.url}/pytanie/${question.id}`);
  await widget(page).waitFor();
  return page;
}

const widget = (page) => page.getByRole("region", { name: "Czy ta odpowiedź była pomocna?" });
const status = (page) => widget(page).getByRole("status");
/** Waits until focus is on the element whose text (or label) is `name`: focus moves after a render. */
const focusOn = (page, name) =>
  page.waitForFunction((n) => (document.activeElement?.getAttribute("aria-label") || document.activeElement?.textContent?.trim()) === n, name);
const kept = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "[]"), KEPT);

async function noViolations(page, state) {
  assert.deepEqual(await axeViolations(page), [], `axe, ${state}`);
}

test("no widget without data-feedback-url, in the app or in the published page", async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/pytanie/${question.id}`);
  await page.getByRole("heading", { level: 1, name: question.title }).waitFor();
  assert.equal(await page.getByText("Czy ta odpowiedź była pomocna?").count(), 0);
  const html = await (await fetch(`${site.server.url}/pytanie/${question.id}`)).text();
  assert.doesNotMatch(html, /pomocna\?/, "the published HTML never has it: the city's setting decides");
  await page.close();
});

test("Tak, by keyboard: one vote sent with its Idempotency-Key, thanked in the status region", async () => {
  const page = await questionPage();
  await noViolations(page, "asking");
  await widget(page).getByRole("button", { name: "Tak" }).focus();
  await page.keyboard.press("Enter");
  await status(page).getByText(SAVED).waitFor();
  // Focus stays in the widget, on what comes next.
  await focusOn(page, "Zmień odpowiedź");
  await intake.received(1);
  const [{ headers, body, path }] = intake.requests;
  assert.equal(path, "/opinie");
  assert.equal(headers["content-type"], "application/json");
  assert.equal(headers["idempotency-key"], body.client_id);
  assert.deepEqual(Object.keys(body).sort(), ["client_id", "helpful", "question_id", "updated"]);
  assert.equal(body.question_id, question.id);
  assert.equal(body.helpful, true);
  assert.equal(body.updated, question.updated);
  assert.match(body.client_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key))[0].sent === 1, KEPT);
  await noViolations(page, "thanked");

  // Remembered after a reload, and not sent again.
  await page.reload();
  await widget(page).getByText("Twoja odpowiedź: „Tak”.").waitFor();
  assert.equal(await status(page).textContent(), SAVED);
  await page.waitForLoadState("networkidle");
  assert.equal(intake.requests.length, 1, "a vote the endpoint has is never sent again");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("Nie with a reason and a comment is one vote, replaced at the endpoint; changing it keeps its id", async () => {
  const page = await questionPage();
  await widget(page).getByRole("button", { name: "Nie" }).click();
  await status(page).getByText(SAVED).waitFor();
  // The "Nie" alone is counted at once.
  await intake.received(1);
  assert.equal(intake.requests[0].body.helpful, false);
  const form = widget(page).getByRole("form", { name: "Co było nie tak?" });
  await form.waitFor();
  // Focus moves to what follows.
  await focusOn(page, "Co było nie tak?");
  const reasons = form.getByRole("group", { name: "Co było nie tak? (nieobowiązkowo)" }).getByRole("radio");
  assert.deepEqual(await reasons.evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim())), [
    "Informacje są nieaktualne",
    "Nie ma tu odpowiedzi na moje pytanie",
    "Odpowiedź jest niezrozumiała",
    "Inny powód",
  ]);
  const comment = form.getByRole("textbox", { name: "Komentarz (nieobowiązkowo)" });
  assert.match(await comment.evaluate((c) => document.getElementById(c.getAttribute("aria-describedby")).textContent), /Nie podawaj danych osobowych – nie odpowiadamy na te uwagi\./);
  await noViolations(page, "explaining");

  await form.getByRole("radio", { name: "Odpowiedź jest niezrozumiała" }).check();
  await comment.fill("  Nie wiem, który wniosek wybrać, gdy dziecko urodziło się za granicą.  ");
  // What is typed is kept before it is sent.
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? "").includes("za granicą"), KEPT);
  await form.getByRole("button", { name: "Wyślij" }).click();
  await status(page).getByText("Dziękujemy za uwagi, Twoja odpowiedź została zapisana.").waitFor();
  await intake.received(2);
  const [no, explained] = intake.requests.map((r) => r.body);
  assert.equal(explained.client_id, no.client_id, "the comment follows its Nie under the same id");
  assert.equal(intake.requests[1].headers["idempotency-key"], no.client_id);
  assert.equal(explained.reason, "unclear");
  assert.equal(explained.comment, "Nie wiem, który wniosek wybrać, gdy dziecko urodziło się za granicą.");
  assert.equal(intake.votes().length, 1, "replaced, not added");
  assert.equal(intake.votes()[0].comment, explained.comment);

  // Changed to Tak: the same vote again, without the reason and comment.
  await widget(page).getByRole("button", { name: "Zmień odpowiedź" }).click();
  await focusOn(page, "Tak");
  await widget(page).getByRole("button", { name: "Tak" }).click();
  await intake.received(3);
  assert.equal(intake.requests[2].body.client_id, no.client_id);
  assert.equal(intake.votes().length, 1);
  assert.equal(intake.votes()[0].helpful, true);
  assert.equal(intake.votes()[0].comment, undefined);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a comment over 500 characters is said at the field and kept; the endpoint's 400 too", async () => {
  const page = await questionPage();
  await widget(page).getByRole("button", { name: "Nie" }).click();
  const comment = widget(page).getByRole("textbox", { name: "Komentarz (nieobowiązkowo)" });
  const long = "Brakuje informacji o terminach. ".repeat(17).trim(); // 543 characters
  assert.equal([...long].length, 543);
  await comment.fill(long);
  await widget(page).getByRole("button", { name: "Wyślij" }).click();
  const message = "Komentarz może mieć najwyżej 500 znaków. Skróć go o 43 znaki.";
  await widget(page).getByText(message).waitFor();
  assert.equal(await comment.getAttribute("aria-invalid"), "true");
  // Focus on the field to fix.
  await page.waitForFunction(() => document.activeElement?.id === "pm-opinia-komentarz");
  const described = await comment.evaluate((c) => c.getAttribute("aria-describedby").split(" ").map((id) => document.getElementById(id).textContent).join(" "));
  assert.match(described, /Błąd: Komentarz może mieć najwyżej 500 znaków/);
  assert.equal(await comment.inputValue(), long, "not a word is lost");
  await noViolations(page, "comment too long");
  await intake.received(1);
  assert.equal(intake.requests.length, 1, "only the Nie was sent");

  // Kept across a reload, with the form open again.
  await page.reload();
  const again = widget(page).getByRole("textbox", { name: "Komentarz (nieobowiązkowo)" });
  await again.waitFor();
  assert.equal(await again.inputValue(), long);

  // The endpoint refuses a comment: its message at the field, the words still there.
  intake.reply({ status: 400, body: { errors: { comment: "Komentarz zawiera adres e-mail." } } }, { status: 201 });
  await again.fill("Proszę o kontakt: jan@example.pl");
  await widget(page).getByRole("button", { name: "Wyślij" }).click();
  await widget(page).getByText("Komentarz zawiera adres e-mail.").waitFor();
  assert.equal(await again.inputValue(), "Proszę o kontakt: jan@example.pl");
  await page.waitForFunction(() => document.activeElement?.id === "pm-opinia-komentarz");
  // The Nie is not lost with its comment: it is sent again alone, under the same id.
  await intake.received(3);
  assert.equal(intake.requests[2].body.client_id, intake.requests[0].body.client_id);
  assert.equal(intake.requests[2].body.comment, undefined);
  assert.equal(intake.requests[2].body.helpful, false);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a vote the endpoint failed (500) is thanked all the same and sent once on the next visit", async () => {
  const page = await questionPage();
  intake.reply({ status: 500 });
  const failed = page.waitForResponse((r) => r.url() === intake.feedbackUrl && r.request().method() === "POST");
  await widget(page).getByRole("button", { name: "Tak" }).click();
  await status(page).getByText(SAVED).waitFor();
  assert.equal((await failed).status(), 500);
  const [{ vote, rev, sent }] = await kept(page);
  assert.deepEqual([rev, sent], [1, 0], "it waits in the browser");

  intake.reply();
  await page.reload();
  await intake.received(2);
  assert.equal(intake.requests[1].body.client_id, vote.client_id, "the same id: never counted twice");
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key))[0].sent === 1, KEPT);
  assert.equal(intake.votes().length, 1);

  await page.reload();
  await page.waitForLoadState("networkidle");
  assert.equal(intake.requests.length, 2, "sent once");
  await page.close();
});

test("after a 429 the vote waits for its Retry-After, then goes", async () => {
  const page = await questionPage();
  intake.reply({ status: 429, headers: { "retry-after": "1" } });
  const limited = page.waitForResponse((r) => r.url() === intake.feedbackUrl && r.request().method() === "POST");
  await widget(page).getByRole("button", { name: "Nie" }).click();
  await status(page).getByText(SAVED).waitFor();
  assert.equal((await limited).status(), 429);
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key))[0].not_before > Date.now() - 5000, KEPT);
  intake.reply();
  // Once its second has passed, the next visit sends it.
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key))[0].not_before <= Date.now(), KEPT);
  await page.reload();
  await intake.received(2);
  assert.equal(intake.requests[1].body.client_id, intake.requests[0].body.client_id);
  await page.close();
});

test("a vote made offline is sent when the network comes back", async () => {
  const page = await questionPage();
  await page.context().setOffline(true);
  await widget(page).getByRole("button", { name: "Nie" }).click();
  await status(page).getByText(SAVED).waitFor();
  assert.equal(intake.requests.length, 0);
  await page.context().setOffline(false);
  await intake.received(1);
  assert.equal(intake.requests[0].body.helpful, false);
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key))[0].sent === 1, KEPT);
  await page.close();
});

test("in a host page under a strict CSP the widget works the same", async () => {
  sentBodies.push(...intake.requests.map((r) => r.body));
  intake.requests.length = 0;
  intake.reply();
  const page = await openPage(site.browser);
  const body = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Artykuł – Wrocław</title></head><body><main>
    <div id="poradnik-mieszkanca" data-routing="query" data-faq-url="/data/faq.json" data-feedback-url="${intake.feedbackUrl}"></div>
    </main><script type="module" src="/poradnik.js"></script></body></html>`;
  await page.route(/\/cms\/artykul/, (route) =>
    route.fulfill({ status: 200, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": STRICT_CSP }, body }),
  );
  await page.goto(`${site.server.url}/cms/artykul?faq=/pytanie/${question.id}`);
  await widget(page).getByRole("button", { name: "Nie" }).click();
  await widget(page).getByRole("radio", { name: "Informacje są nieaktualne" }).check();
  await widget(page).getByRole("textbox", { name: "Komentarz (nieobowiązkowo)" }).fill("Zmieniły się godziny.");
  await noViolations(page, "embedded, explaining");
  await widget(page).getByRole("button", { name: "Wyślij" }).click();
  await status(page).getByText("Dziękujemy za uwagi, Twoja odpowiedź została zapisana.").waitFor();
  await intake.received(2);
  assert.equal(intake.requests[0].body.question_id, question.id);
  assert.equal(intake.requests[1].body.comment, "Zmieniły się godziny.");
  await noViolations(page, "embedded, thanked");
  assert.deepEqual(page.problems, [], "no CSP violation");
  sentBodies.push(...intake.requests.map((r) => r.body));
  await page.close();
});

// Last: what every test above made the widget send.
test("every vote sent above follows the contract's JSON Schema (schema/feedback-vote.schema.json)", () => {
  assert.ok(sentBodies.length >= 10, `${sentBodies.length} votes`);
  for (const body of sentBodies) assert.ok(validVote(body), `${JSON.stringify(body)}: ${JSON.stringify(validVote.errors)}`);
  assert.ok(!validVote({ ...sentBodies[0], helpful: true, reason: "unclear" }), "the schema refuses a reason with a Tak");
});
