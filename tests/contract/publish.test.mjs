// The publish step (src/bin/publish.rs, built by `make dist`) as the city's CMS pipeline runs it:
// on a copy of dist/, with documents good and bad. A document the app would refuse stops it with
// a Polish message and changes nothing; a bad record is reported and left out; CMS text cannot
// escape its place in a page; it can run again on what it published.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const bin = join(root, "target/release/publish");
const sample = JSON.parse(readFileSync(join(root, "public/data/faq.json"), "utf8"));

/** A copy of the built site, and a function that publishes `doc` into it. */
function site() {
  const out = mkdtempSync(join(tmpdir(), "poradnik-site-"));
  cpSync(join(root, "dist"), out, { recursive: true });
  const publish = (doc, siteUrl = "https://poradnik.wroclaw.pl/") => {
    const data = join(out, "..", `${out.split("/").at(-1)}.json`);
    writeFileSync(data, typeof doc === "string" ? doc : JSON.stringify(doc));
    const run = spawnSync(bin, ["--data", data, "--out", out, "--site-url", siteUrl], { encoding: "utf8" });
    rmSync(data);
    return run;
  };
  const read = (file) => readFileSync(join(out, file), "utf8");
  return { out, publish, read, done: () => rmSync(out, { recursive: true, force: true }) };
}

test("the publish command is built (make dist builds it)", () => {
  assert.ok(existsSync(bin), `${bin} is missing: run make dist`);
});

test("a document the app would refuse stops the step with the reason in Polish, and nothing changes", () => {
  const s = site();
  const before = s.read("index.html");
  for (const [doc, says] of [
    ["{ nie json", /uszkodzony/],
    [{ ...sample, schema_version: 7 }, /nowszej wersji \(7\)/],
    [[], /nieprawidłowy format/],
  ]) {
    const run = s.publish(doc);
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stderr, /^Błąd publikacji: aplikacja nie przyjęłaby tego dokumentu, więc nic nie opublikowano\./);
    assert.match(run.stderr, says);
    assert.equal(s.read("index.html"), before);
  }
  assert.match(s.publish(sample, "poradnik.wroclaw.pl").stderr, /SITE_URL „poradnik\.wroclaw\.pl\/” nie jest adresem http\(s\)/);
  s.done();
});

test("a bad record is reported and left out; every good one is published, and a removed page goes", () => {
  const s = site();
  const doc = structuredClone(sample);
  const [bad, removed] = doc.questions;
  delete bad.title;
  doc.questions = doc.questions.filter((q) => q !== removed);
  const run = s.publish(doc);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`Uwaga, dane: pytanie „${bad.id}”: .*\\(pominięto wpis\\)`));
  assert.match(run.stdout, /^Opublikowano \d+ stron w .* \(1 uwag do danych\); dane podzielone na \d+ dokumentów, indeks wyszukiwania: \d+ plików/);
  assert.equal(existsSync(join(s.out, `pytanie/${bad.id}.html`)), false);
  assert.equal(existsSync(join(s.out, `pytanie/${removed.id}.html`)), false, "a question no longer in the document has no page");
  const kept = doc.questions[1];
  assert.match(s.read(`pytanie/${kept.id}.html`), new RegExp(`<h1[^>]*>${kept.title.replace(/[()?+]/g, "\\$&")}</h1>`));
  assert.ok(!s.read("sitemap.xml").includes(`/pytanie/${removed.id}<`));
  s.done();
});

test("CMS text cannot leave its place in a published page: no markup from a title, no script from an answer", () => {
  const s = site();
  const doc = structuredClone(sample);
  const q = doc.questions[0];
  q.title = `Zasiłek </title><script>alert(1)</script> "cudzysłów" & <b>pogrubienie</b>`;
  q.answer_html = `<p onclick="alert(2)">Tekst.</p><script>alert(3)</script><img src=x onerror=alert(4)><a href="javascript:alert(5)">link</a>`;
  q.faq = [{ question: `</script><script>alert(6)</script>`, answer_html: "<p>Odpowiedź</p>" }];
  const run = s.publish(doc);
  assert.equal(run.status, 0, run.stderr);
  const html = s.read(`pytanie/${q.id}.html`);
  assert.doesNotMatch(html, /alert\(\d\)<\/script>|<script>alert|onclick|onerror|javascript:|<b>pogrubienie/);
  assert.match(html, /<title>Zasiłek &lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;cudzysłów&quot; &amp; &lt;b&gt;pogrubienie&lt;\/b&gt; – Poradnik Mieszkańca<\/title>/);
  // The JSON-LD data block holds the FAQ question, escaped so it cannot close its element.
  const ld = html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)[1];
  assert.equal(JSON.parse(ld)["@graph"][1].mainEntity[0].name, "</script><script>alert(6)</script>");
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) assert.match(tag, /\bsrc=|application\/ld\+json/, tag);
  s.done();
});

test("under a base path, from SITE_URL; and a second run on the published site gives the same pages", () => {
  const s = site();
  assert.equal(s.publish(sample, "https://www.wroclaw.pl/poradnik").status, 0);
  const q = sample.questions[0];
  const page = s.read(`pytanie/${q.id}.html`);
  assert.match(page, /data-base-path="\/poradnik\/"/);
  assert.match(page, new RegExp(`<link href="https://www.wroclaw.pl/poradnik/pytanie/${q.id}" rel="canonical">|<link rel="canonical" href="https://www.wroclaw.pl/poradnik/pytanie/${q.id}">`));
  assert.match(page, /href="\/poradnik\/kategoria\//);
  assert.match(page, /<noscript><link rel="stylesheet" href="\/poradnik\/bez-aplikacji\.css"><\/noscript>/);
  assert.match(s.read("robots.txt"), /^Sitemap: https:\/\/www\.wroclaw\.pl\/poradnik\/sitemap\.xml$/m);
  const first = ["index.html", `pytanie/${q.id}.html`, "zglos-pytanie.html", "404.html"].map(s.read);
  assert.equal(s.publish(sample, "https://www.wroclaw.pl/poradnik/").status, 0);
  assert.deepEqual(["index.html", `pytanie/${q.id}.html`, "zglos-pytanie.html", "404.html"].map(s.read), first);
  s.done();
});
