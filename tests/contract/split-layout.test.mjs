// The split layout (docs/split-layout.md) as the publish step writes it: the documents under
// dane/ and the search index under indeks/, against their schemas (schema/split/) and against the
// whole document they come from; the binary files decoded as the contract describes them; and a
// second publish of a changed document, which removes what is gone and keeps the previous build.
// Run with `node --test` (part of `make test`); needs `make dist` (dist/ and the publish command).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = new URL("../../", import.meta.url).pathname;
const bin = join(root, "target/release/publish");
const sample = JSON.parse(readFileSync(join(root, "public/data/faq.json"), "utf8"));

// The split schemas refer to the CMS contract's definitions (../faq-data.schema.json#/$defs/…).
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
ajv.addSchema(readJson(join(root, "schema/faq-data.schema.json")));
const schemaDir = join(root, "schema/split");
for (const name of readdirSync(schemaDir)) ajv.addSchema(readJson(join(schemaDir, name)));
const schema = (name) => ajv.getSchema(`https://poradnik.wroclaw.pl/schema/split/${name}.schema.json`);

/** Asserts that `value` (read from `file`) is valid against schema/split/`name`.schema.json. */
function valid(name, value, file) {
  const validate = schema(name);
  assert.ok(validate(value), `${file}: ${ajv.errorsText(validate.errors, { separator: "\n" })}`);
}

/** A copy of the built site, and a function that publishes `doc` into it (as publish.test.mjs). */
function site() {
  const out = mkdtempSync(join(tmpdir(), "poradnik-split-"));
  cpSync(join(root, "dist"), out, { recursive: true });
  const publish = (doc) => {
    const data = join(out, "..", `${out.split("/").at(-1)}.json`);
    writeFileSync(data, JSON.stringify(doc));
    const run = spawnSync(bin, ["--data", data, "--out", out, "--site-url", "https://poradnik.wroclaw.pl/"], {
      encoding: "utf8",
    });
    rmSync(data);
    assert.equal(run.status, 0, run.stderr);
    return run;
  };
  const json = (file) => readJson(join(out, file));
  const bytes = (file) => readFileSync(join(out, file));
  const has = (file) => existsSync(join(out, file));
  const list = (dir) => (existsSync(join(out, dir)) ? readdirSync(join(out, dir)) : []);
  return { out, publish, json, bytes, has, list, done: () => rmSync(out, { recursive: true, force: true }) };
}

/** Each category's number of questions in a whole document. */
function counts(doc) {
  const n = new Map(doc.categories.map((c) => [c.id, 0]));
  for (const q of doc.questions) if (n.has(q.category)) n.set(q.category, n.get(q.category) + 1);
  return n;
}

// The binary encoding, decoded as docs/split-layout.md describes it.
class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.pos = 0;
  }
  number() {
    let v = 0n;
    for (let shift = 0n; shift < 64n; shift += 7n) {
      assert.ok(this.pos < this.bytes.length, "a number runs past the end of the file");
      const b = this.bytes[this.pos++];
      v |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return Number(v);
    }
    assert.fail("a number longer than 10 bytes");
  }
  string() {
    const n = this.number();
    assert.ok(this.pos + n <= this.bytes.length, "a string runs past the end of the file");
    const s = new TextDecoder("utf-8", { fatal: true }).decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
  loc() {
    return { file: this.number(), offset: this.number(), len: this.number() };
  }
  entries() {
    const out = [];
    let previous = Buffer.alloc(0);
    for (let n = this.number(); n > 0; n--) {
      const shared = this.number();
      assert.ok(shared <= previous.length, "a term shares more bytes than its previous term has");
      const term = Buffer.concat([previous.subarray(0, shared), Buffer.from(this.string(), "utf8")]);
      previous = term;
      const entry = { term: term.toString("utf8"), df: this.number(), count: this.number(), surface: this.string() };
      entry.list = this.loc();
      entry.head = this.number() === 0 ? null : this.loc();
      out.push(entry);
    }
    return out;
  }
  get atEnd() {
    return this.pos === this.bytes.length;
  }
}

const entriesOf = (bytes) => {
  const r = new Reader(bytes);
  const entries = r.entries();
  assert.ok(r.atEnd, "bytes after the last entry");
  return entries;
};

const postingsOf = (bytes) => {
  const r = new Reader(bytes);
  const out = [];
  let doc = 0;
  for (let n = r.number(); n > 0; n--) {
    const gap = r.number();
    doc += Math.floor(gap / 2);
    const item = gap % 2 === 1 ? r.number() : null;
    out.push({ doc, item, weight: r.number() });
  }
  assert.ok(r.atEnd, "bytes after the last posting");
  return out;
};

const byBytes = (a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

test("the publish command and the built app are there (make dist builds them)", () => {
  assert.ok(existsSync(bin), `${bin} is missing: run make dist`);
  assert.ok(existsSync(join(root, "dist/index.html")), "dist/ is missing: run make dist");
});

test("every split document of the sample validates against its schema and matches the whole document", () => {
  const s = site();
  s.publish(sample);

  const entry = s.json("dane/start.json");
  valid("entry", entry, "dane/start.json");
  assert.equal(entry.questions, sample.questions.length);
  assert.equal(entry.generated_at, sample.generated_at);
  assert.deepEqual(entry.portal, sample.portal);
  assert.deepEqual(
    entry.categories.map((c) => c.id),
    sample.categories.map((c) => c.id),
    "the entry document lists the categories in display order",
  );
  const expected = counts(sample);
  for (const c of entry.categories) assert.equal(c.questions, expected.get(c.id), `the count of ${c.id}`);

  for (const c of sample.categories) {
    const file = `dane/kategorie/${c.id}.json`;
    assert.ok(s.has(file), `${file} is missing`);
    const doc = s.json(file);
    valid("category", doc, file);
    assert.deepEqual(doc.category, c);
    assert.deepEqual(
      doc.questions.map((q) => q.id),
      sample.questions.filter((q) => q.category === c.id).map((q) => q.id),
      `${file} lists its questions in display order`,
    );
  }
  assert.equal(s.list("dane/kategorie").length, sample.categories.length, "one document per category, no other");

  for (const q of sample.questions) {
    const file = `dane/pytania/${q.id}.json`;
    assert.ok(s.has(file), `${file} is missing`);
    const doc = s.json(file);
    valid("question", doc, file);
    assert.equal(doc.question.id, q.id);
    assert.equal(doc.question.title, q.title);
    assert.equal(doc.question.answer_html, q.answer_html);
    assert.equal(doc.institution?.id, q.institution, `${file}: the institution its question names`);
    for (const r of doc.related) assert.ok(s.has(`dane/pytania/${r.id}.json`), `${file}: related ${r.id} has no document`);
  }
  assert.equal(s.list("dane/pytania").length, sample.questions.length, "one document per question, no other");
  s.done();
});

test("the search index: the manifest's build holds its files, one result fragment per question in order", () => {
  const s = site();
  s.publish(sample);
  const manifest = s.json("indeks/spis.json");
  valid("search-manifest", manifest, "indeks/spis.json");
  assert.equal(manifest.documents, sample.questions.length);
  const build = `indeks/${manifest.build}`;
  assert.ok(s.has(build), `${build} is missing`);
  assert.ok(s.has(`${build}/s0.bin`), `${build}/s0.bin is missing`);
  assert.deepEqual(s.list("indeks").sort(), [manifest.build, "spis.json"].sort());

  sample.questions.forEach((q, n) => {
    const file = `${build}/w${n}.json`;
    assert.ok(s.has(file), `${file} is missing`);
    const fragment = s.json(file);
    valid("result", fragment, file);
    assert.equal(fragment.id, q.id, `${file} is the ${n}th question's`);
    assert.equal(fragment.category, q.category);
    assert.equal(fragment.faq.length, (q.faq ?? []).length);
  });
  const names = s.list(build);
  assert.equal(names.filter((n) => /^w\d+\.json$/.test(n)).length, sample.questions.length);
  assert.deepEqual(
    names.filter((n) => !/^([stl]\d+|p([0-9a-f]{2})+)\.bin$|^w\d+\.json$/.test(n)),
    [],
    "no file of another name",
  );
  s.done();
});

test("the binary files decode as the contract describes them", () => {
  const s = site();
  s.publish(sample);
  const manifest = s.json("indeks/spis.json");
  const build = `indeks/${manifest.build}`;
  const lists = new Map();
  const list = (n) => {
    if (!lists.has(n)) lists.set(n, s.bytes(`${build}/l${n}.bin`));
    return lists.get(n);
  };
  const postings = (loc) => {
    const bytes = list(loc.file);
    assert.ok(loc.offset + loc.len <= bytes.length, `a list runs past the end of l${loc.file}.bin`);
    return postingsOf(bytes.subarray(loc.offset, loc.offset + loc.len));
  };
  const checkEntry = (e) => {
    const full = postings(e.list);
    assert.equal(full.length, e.count, `${e.term}: count is its number of postings`);
    assert.equal(new Set(full.map((p) => p.doc)).size, e.df, `${e.term}: df is its number of documents`);
    for (const p of full) assert.ok(p.doc < manifest.documents && p.weight <= 0xffff && (p.item ?? 0) < 0xffff);
    for (let i = 1; i < full.length; i++) assert.ok(full[i - 1].doc <= full[i].doc, `${e.term}: postings in document order`);
    assert.equal(e.head !== null, e.count > 512, `${e.term}: a head exactly when the list is longer than 512`);
    if (e.head) assert.equal(postings(e.head).length, 512);
  };

  // The dictionary: every term once, in byte order, each chunk starting at the manifest's term.
  const terms = [];
  manifest.chunks.forEach((first, n) => {
    const entries = entriesOf(s.bytes(`${build}/s${n}.bin`));
    assert.ok(entries.length > 0 || manifest.chunks.length === 1, `s${n}.bin is empty`);
    if (n > 0) assert.equal(entries[0].term, first, `s${n}.bin starts at the manifest's term`);
    for (const e of entries) checkEntry(e);
    terms.push(...entries.map((e) => e.term));
  });
  assert.ok(terms.length > 100);
  for (let i = 1; i < terms.length; i++) assert.ok(byBytes(terms[i - 1], terms[i]) < 0, `${terms[i - 1]} before ${terms[i]}`);
  const known = new Set(terms);

  // The stem files: every term in exactly one stem group; each file starts at the manifest's stem.
  const grouped = [];
  const stems = [];
  manifest.stems.forEach((first, n) => {
    const r = new Reader(s.bytes(`${build}/t${n}.bin`));
    const groups = [];
    for (let g = r.number(); g > 0; g--) groups.push({ stem: r.string(), entries: r.entries() });
    assert.ok(r.atEnd, `bytes after the last stem of t${n}.bin`);
    if (n > 0) assert.equal(groups[0].stem, first, `t${n}.bin starts at the manifest's stem`);
    for (const g of groups) {
      stems.push(g.stem);
      grouped.push(...g.entries.map((e) => e.term));
    }
  });
  for (let i = 1; i < stems.length; i++) assert.ok(byBytes(stems[i - 1], stems[i]) < 0, `${stems[i - 1]} before ${stems[i]}`);
  assert.deepEqual([...grouped].sort(byBytes), terms, "the stem files hold every term once");

  // The prefix tops: a prefix of a chunk's first term, at most 12 or 40 of its terms, in order.
  const tops = s.list(build).filter((n) => n.startsWith("p"));
  assert.ok(tops.length > 0, "the sample has wide prefixes");
  for (const name of tops) {
    const prefix = Buffer.from(name.slice(1, -4), "hex").toString("utf8");
    assert.ok(manifest.chunks.some((c) => c.startsWith(prefix)), `${name}: ${prefix} starts no chunk`);
    const entries = entriesOf(s.bytes(`${build}/${name}`));
    assert.ok(entries.length <= ([...prefix].length <= 2 ? 12 : 40), `${name}: ${entries.length} terms`);
    for (const e of entries) {
      assert.ok(e.term.startsWith(prefix) && known.has(e.term), `${name}: ${e.term}`);
    }
  }
  s.done();
});

test("publishing a changed document removes what is gone and keeps the previous build for one run", () => {
  const s = site();
  s.publish(sample);
  const before = s.json("indeks/spis.json");
  const doc = structuredClone(sample);
  const [removed] = doc.questions.splice(3, 1);
  s.publish(doc);

  assert.equal(s.has(`dane/pytania/${removed.id}.json`), false, "the removed question's document is gone");
  assert.equal(s.list("dane/pytania").length, doc.questions.length);
  const entry = s.json("dane/start.json");
  assert.equal(entry.questions, doc.questions.length);
  const expected = counts(doc);
  for (const c of entry.categories) assert.equal(c.questions, expected.get(c.id), `the count of ${c.id}`);
  assert.ok(!s.json(`dane/kategorie/${removed.category}.json`).questions.some((q) => q.id === removed.id));

  const manifest = s.json("indeks/spis.json");
  assert.notEqual(manifest.build, before.build, "another index, another build");
  assert.equal(manifest.documents, doc.questions.length);
  const dirs = s.list("indeks").filter((n) => n !== "spis.json");
  // The previous build stays until the next run, for a page that still has the old manifest.
  assert.deepEqual(dirs.sort(), [manifest.build, before.build].sort(), "the manifest's build and the one before");
  s.publish(doc);
  assert.deepEqual(s.list("indeks").filter((n) => n !== "spis.json"), [manifest.build], "an unchanged index: one build");
  assert.equal(s.list(`indeks/${manifest.build}`).filter((n) => /^w\d+\.json$/.test(n)).length, doc.questions.length);
  doc.questions.forEach((q, n) => assert.equal(s.json(`indeks/${manifest.build}/w${n}.json`).id, q.id));
  s.done();
});

test("a build's files never change under the same build name (they are cached as immutable)", () => {
  const s = site();
  s.publish(sample);
  const before = s.json("indeks/spis.json");
  const fragment = s.json(`indeks/${before.build}/w0.json`);
  // A question moved to another category: its result fragment changes, its index terms do not.
  const doc = structuredClone(sample);
  doc.questions[0].category = doc.categories.find((c) => c.id !== doc.questions[0].category).id;
  s.publish(doc);
  const after = s.json("indeks/spis.json");
  const changed = s.json(`indeks/${after.build}/w0.json`);
  assert.equal(changed.category, doc.questions[0].category);
  assert.notDeepEqual(changed, fragment);
  assert.notEqual(after.build, before.build, "the build's name covers its fragments too");
  assert.deepEqual(s.json(`indeks/${before.build}/w0.json`), fragment, "the previous build unchanged");
  s.done();
});
