// The project's JSON Schema against the contract's example, our sample data, and documents that
// break it. Run with `node --test` (part of `make test`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = new URL("../../", import.meta.url);
const read = (p) => JSON.parse(readFileSync(new URL(p, root), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(read("schema/faq-data.schema.json"));
const errors = () => ajv.errorsText(validate.errors, { separator: "\n" });

test("the contract's example document is valid", () => {
  assert.ok(validate(read("schema/faq.example.json")), errors());
});

test("the spec's own copy of the example is valid, when shared/ is beside the repository", (t) => {
  const spec = new URL("../shared/spec/faq.example.json", root);
  if (!existsSync(spec)) return t.skip("no ../shared/spec here");
  assert.ok(validate(JSON.parse(readFileSync(spec, "utf8"))), errors());
});

test("the sample portal is valid", () => {
  assert.ok(validate(read("public/data/faq.json")), errors());
});

test("unknown fields are allowed everywhere (forward compatibility)", () => {
  const doc = read("schema/faq.example.json");
  doc.future = 1;
  doc.portal.logo = "x";
  doc.questions[0].audio = "x";
  doc.questions[0].faq[0].rating = 5;
  assert.ok(validate(doc), errors());
});

test("every invalid fixture is rejected by the schema", () => {
  const dir = new URL("tests/fixtures/", root);
  const names = readdirSync(dir).filter((n) => n.startsWith("invalid-") && n.endsWith(".json"));
  assert.ok(names.length >= 3);
  for (const name of names) {
    assert.equal(validate(JSON.parse(readFileSync(new URL(name, dir), "utf8"))), false, `${name} passed the schema`);
  }
});

test("another major version is rejected", () => {
  const doc = read("schema/faq.example.json");
  doc.schema_version = 2;
  assert.equal(validate(doc), false);
});
