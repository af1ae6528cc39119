// The development intake (scripts/intake.mjs) follows both contracts as the city's endpoint must:
// the browser tests and `make serve` rely on it answering as ../shared/spec/ says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { startIntake, report } from "../../scripts/intake.mjs";
import { withDevIntake } from "../../scripts/dev-intake.mjs";

const post = (url, body, key = body?.client_id) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const vote = (extra = {}) => ({
  question_id: "jak-wyrobic-dowod-osobisty",
  helpful: false,
  updated: "2026-02-10",
  client_id: "0c9a6e52-3f1b-4d8e-9a47-21b5c8e7d3f0",
  ...extra,
});
const question = (extra = {}) => ({
  question: "Gdzie oddam zużyte baterie na Krzykach?",
  client_id: "5e2d7b19-8c4a-4f06-b3e1-9a7c0d2f6e85",
  website: "",
  ...extra,
});

test("a vote is recorded once per client_id: its comment replaces it, and a restart keeps it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "intake-"));
  const intake = await startIntake({ dir });
  assert.equal((await post(intake.feedbackUrl, vote())).status, 201);
  const res = await post(intake.feedbackUrl, vote({ reason: "outdated", comment: "Inna opłata." }));
  assert.equal(res.status, 200, "the same client_id: replaced");
  const kept = JSON.parse(readFileSync(join(dir, "opinie.json"), "utf8"));
  assert.equal(kept.length, 1);
  assert.equal(kept[0].comment, "Inna opłata.");
  assert.ok(kept[0].first_received_at <= kept[0].received_at);
  await intake.close();

  const again = await startIntake({ dir });
  assert.equal((await post(again.feedbackUrl, vote({ helpful: true }))).status, 200, "known after a restart");
  assert.equal(again.votes().length, 1);
  await again.close();
});

test("votes against the feedback contract get 400 with the field's message", async (t) => {
  const intake = await startIntake();
  t.after(() => intake.close());
  const cases = [
    [vote({ helpful: "nie" }), "helpful"],
    [vote({ helpful: true, reason: "outdated" }), "reason"],
    [vote({ reason: "spam" }), "reason"],
    [vote({ helpful: true, comment: "Super" }), "comment"],
    [vote({ comment: "ż".repeat(501) }), "comment"],
    [vote({ updated: "10.02.2026" }), "updated"],
    [vote({ question_id: "" }), "question_id"],
    [vote({ email: "jan@example.pl" }), "email"],
  ];
  for (const [body, field] of cases) {
    const res = await post(intake.feedbackUrl, body);
    assert.equal(res.status, 400, field);
    assert.ok((await res.json()).errors[field], field);
  }
  assert.equal((await post(intake.feedbackUrl, vote({ comment: ` ${"ż".repeat(500)} ` }))).status, 201, "500 after trimming fits");
  const mismatch = await post(intake.feedbackUrl, vote({ client_id: "x-1" }), "x-2");
  assert.equal(mismatch.status, 400);
  assert.match((await mismatch.json()).errors.client_id, /Idempotency-Key/);
  assert.equal((await post(intake.feedbackUrl, "{")).status, 400);
  const moved = await post(intake.feedbackUrl, vote({ question_id: "inne-pytanie", comment: ` ${"ż".repeat(500)} ` }));
  assert.equal(moved.status, 400, "a vote's id cannot move to another question");
  // Polish letters split across the body's chunks arrive whole.
  const bytes = Buffer.from(JSON.stringify(vote({ client_id: "utf-8", comment: "żółć ".repeat(90).trim() })));
  const split = await new Promise((resolve, reject) => {
    const req = request(intake.feedbackUrl, { method: "POST", headers: { "content-type": "application/json", "idempotency-key": "utf-8" } }, resolve);
    req.on("error", reject);
    req.write(bytes.subarray(0, 101)); // in the middle of a two-byte letter
    setImmediate(() => req.end(bytes.subarray(101)));
  });
  assert.equal(split.statusCode, 201);
  assert.equal(intake.votes().at(-1).comment, "żółć ".repeat(90).trim());
  assert.equal(intake.votes().length, 2);
});

test("questions: 201, a duplicate 200, the honeypot thanked but not kept, 413 and 429 with Retry-After", async (t) => {
  const intake = await startIntake({ limitPerMinute: 6 });
  t.after(() => intake.close());
  assert.equal((await post(intake.url, question())).status, 201);
  assert.equal((await post(intake.url, question())).status, 200);
  assert.equal((await post(intake.url, question({ client_id: "bot-1", website: "http://spam" }))).status, 201);
  assert.equal((await post(intake.url, question({ client_id: "q-2", email: "jan@example.pl" }))).status, 400, "an address needs the consent");
  assert.equal((await post(intake.url, question({ client_id: "q-3", question: "x".repeat(70_000) }))).status, 413);
  assert.equal(intake.questions().length, 1);
  // The 413 was not counted: four so far, then the fifth and sixth, then over the limit.
  await post(intake.url, question());
  await post(intake.url, question());
  const limited = await post(intake.url, question());
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get("retry-after")) > 0);
  const preflight = await fetch(intake.url, { method: "OPTIONS" });
  assert.equal(preflight.status, 204);
  assert.match(preflight.headers.get("access-control-allow-headers"), /idempotency-key/);
  assert.match(preflight.headers.get("access-control-expose-headers"), /retry-after/);
});

test("the report counts the Nie per question and reason and lists comments newest first", () => {
  const text = report([
    { question_id: "a", helpful: false, reason: "outdated", updated: "2026-01-01", comment: "Stare", received_at: "2026-12-01T10:00:00Z" },
    { question_id: "a", helpful: false, reason: "unclear", updated: "2026-01-01", received_at: "2026-12-01T11:00:00Z" },
    { question_id: "b", helpful: false, updated: "2026-01-01", comment: "Nowsze", received_at: "2026-12-02T09:00:00Z" },
    { question_id: "b", helpful: true, updated: "2026-01-01", received_at: "2026-12-02T09:30:00Z" },
  ]);
  assert.match(text, /^4 votes: 1 "Tak", 3 "Nie"\./);
  assert.match(text, /2 {2}a {2}\(out of date 1, unclear 1\)\n +1 {2}b {2}\(no reason 1\)/);
  assert.ok(text.indexOf("Nowsze") < text.indexOf("Stare"), "newest first");
});

test("make serve's pages send to the intake; without DEV_INTAKE (make dist) they are untouched", () => {
  const page = `<body><div id="poradnik-mieszkanca"><p>…</p></div></body>`;
  assert.equal(withDevIntake(page, undefined), page);
  assert.match(
    withDevIntake(page, "http://127.0.0.1:8081"),
    /<div id="poradnik-mieszkanca" data-submit-url="http:\/\/127\.0\.0\.1:8081\/pytania" data-feedback-url="http:\/\/127\.0\.0\.1:8081\/opinie">/,
  );
  assert.throws(() => withDevIntake(page, "https://api.example.pl"), /not a local origin/);
  assert.throws(() => withDevIntake(page, "http://127.0.0.1:8081", "release"), /release build/, "an exported DEV_INTAKE never reaches make dist");
  const dist = readFileSync(new URL("../../dist/index.html", import.meta.url), "utf8");
  assert.doesNotMatch(dist, /data-(submit|feedback)-url/, "the production build has no endpoint of ours");
});
