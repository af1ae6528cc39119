// Hostile rich text from the CMS: nothing of it may survive but the allow-list, and no script may
// run. The fragments are served as the data document's answers and FAQ answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, example } from "./support.mjs";

const site = useSite();

const hostile = [
  `<script>window.__pwned = "script"</script>`,
  `<img src="https://evil.example/x.png" onerror="window.__pwned = 'img'">`,
  `<p onclick="window.__pwned = 'onclick'" style="position:fixed;inset:0" class="pm-app" id="pm-tresc" title="t">Tekst akapitu</p>`,
  `<a href="javascript:window.__pwned='js'">link js</a>`,
  `<a href="  JaVaScRiPt:window.__pwned='js2'">link js2</a>`,
  `<a href="java&#x09;script:window.__pwned='js3'">link js3</a>`,
  `<a href="&#106;avascript:window.__pwned='js4'">link js4</a>`,
  `<a href="data:text/html,<script>alert(1)</script>">link data</a>`,
  `<a href="DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link data2</a>`,
  `<a href="vbscript:msgbox(1)">link vbs</a>`,
  `<svg><script>window.__pwned='svg'</script><a href="javascript:alert(1)"><text>w svg</text></a><foreignObject><p>obcy</p></foreignObject></svg>`,
  `<math><mi xlink:href="javascript:alert(1)">w mathml</mi><mtext><img src=x onerror="window.__pwned='math'"></mtext></math>`,
  `<iframe src="javascript:window.__pwned='iframe'"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>">w ramce</iframe>`,
  `<form action="https://evil.example/"><input value="pole" autofocus onfocus="window.__pwned='input'"><button formaction="javascript:alert(1)">Wyślij</button></form>`,
  `<base href="https://evil.example/">`,
  `<style>#poradnik-mieszkanca { display: none !important }</style>`,
  `<link rel="stylesheet" href="https://evil.example/x.css">`,
  `<object data="https://evil.example/x.swf">w obiekcie</object><embed src="https://evil.example/x.swf">`,
  `<template><script>window.__pwned='template'</script>w szablonie</template>`,
  `<details open ontoggle="window.__pwned='details'"><summary>Podsumowanie</summary>treść szczegółów</details>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__pwned='noscript'>">x</p></noscript>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
  `<a href="https://pacjent.gov.pl" target="_self" rel="opener" onmouseover="window.__pwned='a'">zewnętrzny</a>`,
  `<a href="/pytanie/co-to-jest-internetowe-konto-pacjenta-ikp">wewnętrzny</a>`,
  `<a href="mailto:bom@um.wroc.pl">poczta</a> <a href="tel:+48717777777">telefon</a>`,
].join("\n");

const ALLOWED_TAGS = new Set(["P", "BR", "UL", "OL", "LI", "STRONG", "B", "EM", "I", "H3", "H4", "A", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD"]);

function hostileDocument() {
  const doc = structuredClone(example);
  const q = doc.questions[0];
  q.answer_html = hostile;
  q.faq = [{ id: "wrogi", question: "Wrogie pytanie?", answer_html: hostile }, ...q.faq];
  return doc;
}

test("hostile fragments in answers and FAQ answers leave nothing but the allow-list, and run nothing", async () => {
  const page = await openPage(site.browser, { data: hostileDocument() });
  const offsite = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(site.server.url)) offsite.push(r.url());
  });
  await page.goto(`${site.server.url}/pytanie/${example.questions[0].id}`);
  await page.getByRole("heading", { level: 1, name: example.questions[0].title }).waitFor();
  await page.waitForLoadState("networkidle");

  const report = await page.evaluate((allowed) => {
    const roots = [...document.querySelectorAll(".pm-rich-text")];
    const bad = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll("*")) {
        const ours = (el.tagName === "SPAN" && el.className === "pm-visually-hidden") || (el.tagName === "DIV" && el.className === "pm-rich-text__table");
        if (!allowed.includes(el.tagName) && !ours) bad.push(`element ${el.tagName}`);
        if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") bad.push(`namespace ${el.namespaceURI}`);
        for (const attr of el.attributes) {
          const ok = (el.tagName === "A" && ["href", "target", "rel"].includes(attr.name)) || (ours && attr.name === "class");
          if (!ok) bad.push(`attribute ${attr.name} on ${el.tagName}`);
        }
        if (el.tagName === "A" && el.hasAttribute("href") && !/^(https?:|mailto:|tel:|\/)/i.test(el.getAttribute("href"))) {
          bad.push(`href ${el.getAttribute("href")}`);
        }
      }
    }
    return { roots: roots.length, bad, pwned: window.__pwned, text: roots.map((r) => r.textContent).join(" ") };
  }, [...ALLOWED_TAGS]);

  assert.equal(report.roots, 8, "the answer and all seven FAQ answers were rendered");
  assert.deepEqual(report.bad, []);
  assert.equal(report.pwned, undefined, "no script ran");
  // The inert DOMParser document that reads the CMS's HTML has the page's CSP: parsing the
  // hostile handlers, styles and <base> makes the browser report them as blocked. That is the
  // policy working, not something running; anything else is a problem.
  const blocked = page.problems.filter((p) => p.startsWith("csp: ") && p.includes("blocked"));
  assert.ok(blocked.length > 0, "the strict policy is in force");
  assert.deepEqual(page.problems.filter((p) => !blocked.includes(p)), [], "no dialog, no error");
  assert.deepEqual(offsite, [], "nothing was fetched from another site");

  // Content that the allow-list unwraps is still readable; dropped elements' content is gone.
  for (const kept of ["Tekst akapitu", "link js", "Podsumowanie", "treść szczegółów", "zewnętrzny"]) assert.ok(report.text.includes(kept), kept);
  for (const gone of ["w svg", "w mathml", "w szablonie", "w obiekcie", "w ramce", "obcy"]) assert.ok(!report.text.includes(gone), gone);
  assert.equal(await page.locator("#poradnik-mieszkanca").isVisible(), true, "the <style> did not apply");

  // A link to another site opens a new tab, without an opener, and says so to every reader.
  const external = page.locator(".pm-question-page > .pm-rich-text").getByRole("link", { name: "zewnętrzny (otworzy się w nowej karcie)" });
  assert.equal(await external.getAttribute("target"), "_blank");
  assert.equal(await external.getAttribute("rel"), "noopener noreferrer");
  assert.equal(await external.getAttribute("href"), "https://pacjent.gov.pl");

  // Links within the site, mail and phone stay plain links in the same tab.
  for (const name of ["wewnętrzny", "poczta", "telefon"]) {
    const link = page.locator(".pm-question-page > .pm-rich-text").getByRole("link", { name, exact: true });
    assert.equal(await link.getAttribute("target"), null, name);
  }
  // Links whose target was refused keep their words, but are not links any more.
  assert.equal(await page.getByRole("link", { name: /^link (js|data|vbs)/ }).count(), 0);
  await page.close();
});

test("an internal link in an answer navigates within the app", async () => {
  const doc = structuredClone(example);
  doc.questions.push({ id: "drugie", category: doc.categories[0].id, title: "Drugie pytanie?", answer_html: `<p>Zobacz <a href="/pytanie/${doc.questions[0].id}">konto pacjenta</a>.</p>` });
  const page = await openPage(site.browser, { data: doc });
  await page.goto(`${site.server.url}/pytanie/drugie`);
  await page.evaluate(() => (window.__samePage = true));
  await page.getByRole("link", { name: "konto pacjenta", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: doc.questions[0].title }).waitFor();
  assert.equal(await page.evaluate(() => window.__samePage), true, "no full page load");
  await page.close();
});

test("a link to a page of the same site that is not the guide's is opened by the browser", async () => {
  const doc = structuredClone(example);
  doc.questions.push({ id: "trzecie", category: doc.categories[0].id, title: "Trzecie pytanie?", answer_html: `<p>Pobierz <a href="/data/faq.json">dane poradnika</a>.</p>` });
  const page = await openPage(site.browser, { data: doc });
  await page.goto(`${site.server.url}/pytanie/trzecie`);
  await page.getByRole("heading", { level: 1, name: "Trzecie pytanie?" }).waitFor();
  await page.evaluate(() => (window.__samePage = true));
  await Promise.all([page.waitForURL(`${site.server.url}/data/faq.json`), page.getByRole("link", { name: "dane poradnika", exact: true }).click()]);
  assert.equal(await page.evaluate(() => window.__samePage), undefined, "a full page load");
  await page.close();
});
