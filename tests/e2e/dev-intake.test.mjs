// What a newcomer gets from `make serve`: pages set to use the development intake (by
// scripts/dev-intake.mjs, as the build hook does with DEV_INTAKE), so the banner, the question form
// and the feedback widget work end to end, and what residents send lands in the intake's files.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useSite, openPage, sample } from "./support.mjs";
import { startIntake } from "../../scripts/intake.mjs";
import { withDevIntake } from "../../scripts/dev-intake.mjs";

const site = useSite();
const dir = mkdtempSync(join(tmpdir(), "intake-"));
let intake;
before(async () => {
  intake = await startIntake({ dir });
});
after(async () => {
  await intake?.close();
});

/** A page as `trunk serve` gives it: the app's shell for every address, with DEV_INTAKE's settings. */
async function servedPage() {
  const page = await openPage(site.browser);
  await page.context().route("**/*", async (route) => {
    if (route.request().resourceType() !== "document") return route.fallback();
    const response = await route.fetch();
    const shell = (await response.text())
      .replace(/(<div id="poradnik-mieszkanca"[^>]*?) data-split-url="[^"]*"/, "$1")
      .replace(/(<div id="poradnik-mieszkanca"[^>]*>)[\s\S]*<\/div>(\s*<\/body>)/, "$1</div>$2");
    return route.fulfill({ response, body: withDevIntake(shell, intake.origin) });
  });
  return page;
}

test("make serve: the banner on the home and question pages, a question and a vote in the intake's files", async () => {
  const page = await servedPage();
  const banner = (p) => p.getByRole("link", { name: "Zgłoś swoje pytanie do bazy! – otworzy się w nowej karcie" });
  await page.goto(site.server.url + "/");
  await banner(page).waitFor();
  const question = sample.questions.find((q) => q.updated);
  await page.goto(`${site.server.url}/pytanie/${question.id}`);
  await banner(page).waitFor();

  await page.getByRole("region", { name: "Czy ta odpowiedź była pomocna?" }).getByRole("button", { name: "Nie" }).click();
  await page.getByRole("radio", { name: "Informacje są nieaktualne" }).check();
  await page.getByRole("textbox", { name: "Komentarz (nieobowiązkowo)" }).fill("Godziny otwarcia się zmieniły.");
  await page.getByRole("button", { name: "Wyślij" }).click();
  await page.getByText("Dziękujemy za uwagi, Twoja odpowiedź została zapisana.").waitFor();

  const [form] = await Promise.all([page.context().waitForEvent("page"), banner(page).click()]);
  await form.getByRole("heading", { level: 1, name: "Zgłoś swoje pytanie" }).waitFor();
  await form.getByRole("textbox", { name: "Twoje pytanie" }).fill("Gdzie oddam zużyte baterie na Krzykach?");
  await form.getByRole("button", { name: "Wyślij pytanie" }).click();
  await form.getByRole("heading", { name: /Dziękujemy/ }).first().waitFor();

  await intake.received(3);
  const questions = JSON.parse(readFileSync(join(dir, "pytania.json"), "utf8"));
  assert.equal(questions.length, 1);
  assert.equal(questions[0].question, "Gdzie oddam zużyte baterie na Krzykach?");
  const votes = JSON.parse(readFileSync(join(dir, "opinie.json"), "utf8"));
  assert.equal(votes.length, 1, "the Nie and its comment: one vote");
  assert.deepEqual(
    [votes[0].question_id, votes[0].helpful, votes[0].reason, votes[0].comment],
    [question.id, false, "outdated", "Godziny otwarcia się zmieniły."],
  );
  assert.deepEqual(page.problems, []);
  await page.close();
});
