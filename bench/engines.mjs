// The three engines of the benchmark, configured with the same folding, fields and semantics so
// that none wins by doing less:
// - folding: lower case, diacritics removed, and ł → l (which Unicode decomposition leaves);
// - fields and weights: title 3, tags 2.4, FAQ questions 1.8, answer 1, FAQ answers 0.7;
// - every word must match (AND), the last word as a prefix (the resident is still typing it),
//   typos tolerated on finished words of 5+ letters where the engine supports it; top 10.
// MiniSearch is configured as its documentation recommends (processTerm for folding, boost,
// prefix/fuzzy per term, combineWith AND); FlexSearch as its Document index with the "forward"
// tokenizer for prefixes and a folding encoder, results of the fields merged by weight.
import MiniSearch from "minisearch";
import FlexSearch from "flexsearch";

export const FIELDS = ["title", "tags", "faqQ", "answer", "faqA"];
export const BOOST = { title: 3, tags: 2.4, faqQ: 1.8, answer: 1, faqA: 0.7 };

export const fold = (s) =>
  s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l");

const plain = (html) =>
  html.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();

/** The questions of a data document as flat records, one per question. */
export function records(data) {
  return data.questions.map((q, id) => ({
    id,
    title: q.title,
    tags: (q.tags ?? []).join(" "),
    faqQ: (q.faq ?? []).map((f) => f.question).join(" "),
    answer: plain(q.answer_html),
    faqA: (q.faq ?? []).map((f) => plain(f.answer_html)).join(" "),
  }));
}

/**
 * Each engine: build(text of the data document) → search(query) → up to 10 question positions.
 * `semantics` "same" gives every engine the semantics above; "recommended" gives MiniSearch and
 * FlexSearch their documentation's recommendation instead (MiniSearch: OR, prefix and fuzzy 0.2
 * on every term; FlexSearch: `suggest: true`, which relaxes AND when words are missing).
 */
export function engines(ours, semantics = "same") {
  const same = semantics === "same";
  return {
    // The engine alone, given each question's fields as the others are (answer HTML turned into
    // text in Rust, as the app does).
    ours: {
      build(text) {
        const builder = new ours.Builder();
        for (const q of JSON.parse(text).questions) {
          const faq = q.faq ?? [];
          builder.add(q.title, q.tags ?? [], q.answer_html, faq.map((f) => f.question), faq.map((f) => f.answer_html));
        }
        const engine = builder.finish();
        return (q) => Array.from(engine.search(q, 10));
      },
      wasmMemory: () => ours.memory_bytes(),
    },
    // What the app does: the document parsed and checked in Rust, titles and tags indexed first,
    // then the whole text; `stages` says how long each took.
    "ours-app": {
      build(text) {
        const app = new ours.App(text);
        const search = (q) => Array.from(app.search(q, 10));
        search.stages = Array.from(app.stages());
        return search;
      },
      wasmMemory: () => ours.memory_bytes(),
    },
    minisearch: {
      build(text) {
        const ms = new MiniSearch({
          fields: FIELDS,
          processTerm: (term) => fold(term),
          searchOptions: {
            boost: BOOST,
            combineWith: same ? "AND" : "OR",
            prefix: same ? (term, i, terms) => i === terms.length - 1 : true,
            fuzzy: same ? (term, i, terms) => (i < terms.length - 1 && term.length >= 5 ? 0.2 : false) : 0.2,
          },
        });
        ms.addAll(records(JSON.parse(text)));
        return (q) => ms.search(q).slice(0, 10).map((r) => r.id);
      },
    },
    flexsearch: {
      build(text) {
        const encoder = new FlexSearch.Encoder({ normalize: (s) => fold(s) });
        const index = new FlexSearch.Document({
          document: { id: "id", index: FIELDS.map((field) => ({ field, tokenize: "forward", encoder })) },
        });
        for (const r of records(JSON.parse(text))) index.add(r);
        return (q) => {
          const score = new Map();
          for (const { field, result } of index.search(q, { limit: 10, suggest: !same })) {
            result.forEach((id, rank) => score.set(id, (score.get(id) ?? 0) + BOOST[field] / (rank + 1)));
          }
          return [...score].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([id]) => id);
        };
      },
    },
  };
}
