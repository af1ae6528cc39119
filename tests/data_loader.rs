//! The lenient loader against the contract's rules, with good and bad documents.
//! Run on the host: `cargo test`.

use poradnik::data::{load_document, DocumentError, FaqDocument, Guide};
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("../schema/faq.example.json");
const SAMPLE: &str = include_str!("../public/data/faq.json");

fn load(v: Value) -> Guide {
    load_document(&v.to_string()).expect("the document as a whole is usable")
}

/// A small valid document to break in one place per test.
fn doc() -> Value {
    json!({
        "schema_version": 1,
        "portal": { "title": "Poradnik Mieszkańca", "disclaimer": "Uwaga." },
        "categories": [
            { "id": "zdrowie", "name": "Zdrowie" },
            { "id": "odpady", "name": "Odpady" }
        ],
        "institutions": [
            { "id": "dolmed", "name": "Dolmed", "hours": ["pon-pt: 06:30 - 19:00"] }
        ],
        "questions": [
            { "id": "ikp", "category": "zdrowie", "title": "Co to jest IKP?", "answer_html": "<p>Konto.</p>", "institution": "dolmed" },
            { "id": "segregacja", "category": "odpady", "title": "Jak segregować?", "answer_html": "<p>Tak.</p>", "related": ["ikp"] },
            { "id": "pszok", "category": "odpady", "title": "Gdzie jest PSZOK?", "answer_html": "<p>Tu.</p>" }
        ]
    })
}

fn ids(g: &Guide) -> Vec<&str> {
    g.questions.iter().map(|q| q.id.as_str()).collect()
}

#[test]
fn the_spec_example_loads_without_a_single_problem() {
    let g = load_document(EXAMPLE).unwrap();
    assert!(g.problems.is_empty(), "{:#?}", g.problems);
    let q = g
        .question("co-to-jest-internetowe-konto-pacjenta-ikp")
        .unwrap();
    assert_eq!(q.faq.len(), 6);
    assert_eq!(q.updated_date().unwrap().polish(), "12 czerwca 2025");
    assert_eq!(
        g.institution("dolmed").unwrap().hours,
        vec!["pon-pt: 06:30 - 19:00"]
    );
}

#[test]
fn the_vendored_example_is_the_spec_example() {
    // The repository keeps a copy so that it builds alone; it must not drift from the contract.
    let spec =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/faq.example.json");
    if let Ok(text) = std::fs::read_to_string(&spec) {
        let a: Value = serde_json::from_str(&text).unwrap();
        let b: Value = serde_json::from_str(EXAMPLE).unwrap();
        assert_eq!(
            a,
            b,
            "schema/faq.example.json differs from {}",
            spec.display()
        );
    }
}

#[test]
fn the_sample_portal_loads_without_a_single_problem_and_is_big_enough() {
    let g = load_document(SAMPLE).unwrap();
    assert!(g.problems.is_empty(), "{:#?}", g.problems);
    assert!(g.categories.len() >= 8);
    assert!(g.questions.len() >= 48);
    for (c, n) in g.categories_with_counts() {
        assert!(n >= 4, "category {} has only {n} questions", c.id);
    }
    let with_faq = g.questions.iter().filter(|q| q.faq.len() >= 2).count();
    assert!(
        with_faq * 10 >= g.questions.len() * 6,
        "{with_faq} of {} have FAQ lists",
        g.questions.len()
    );
    let complete = g
        .institutions
        .iter()
        .filter(|i| i.address.is_some() && !i.hours.is_empty())
        .count();
    assert!(
        complete >= 6,
        "{complete} institutions with address and hours"
    );
    // The seed page's question, with every fact of it.
    let example: FaqDocument = serde_json::from_str(EXAMPLE).unwrap();
    let ikp = &example.questions[0];
    assert_eq!(g.question(&ikp.id), Some(ikp));
}

#[test]
fn the_strict_serde_model_reads_the_same_as_the_lenient_loader() {
    for text in [EXAMPLE, SAMPLE] {
        let strict: FaqDocument = serde_json::from_str(text).unwrap();
        let lenient = load_document(text).unwrap().to_document();
        // The loader fills in derived FAQ anchors; everything else must be equal.
        let mut strict = strict;
        for q in &mut strict.questions {
            for (a, b) in q.faq.iter_mut().zip(&lenient.question_faq_ids(&q.id)) {
                a.id.get_or_insert_with(|| b.clone());
            }
        }
        assert_eq!(strict, lenient);
    }
}

/// The FAQ anchors of question `id`, in order.
fn faq_anchors<'a>(g: &'a Guide, id: &str) -> Vec<&'a str> {
    g.question(id)
        .unwrap()
        .faq
        .iter()
        .map(|f| f.anchor())
        .collect()
}

trait FaqIds {
    fn question_faq_ids(&self, id: &str) -> Vec<String>;
}
impl FaqIds for FaqDocument {
    fn question_faq_ids(&self, id: &str) -> Vec<String> {
        self.questions
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.faq.iter().map(|f| f.anchor().to_owned()).collect())
            .unwrap_or_default()
    }
}

#[test]
fn refuses_what_is_not_json() {
    for text in [
        "",
        "<html>502 Bad Gateway</html>",
        "{\"schema_version\": 1,",
        "nie json",
    ] {
        assert!(
            matches!(load_document(text), Err(DocumentError::NotJson(_))),
            "{text:?}"
        );
    }
}

#[test]
fn refuses_json_that_is_not_an_object() {
    for text in ["[]", "null", "42", "\"tekst\""] {
        assert_eq!(load_document(text), Err(DocumentError::NotObject), "{text}");
    }
}

#[test]
fn refuses_other_major_versions_and_a_missing_version() {
    let mut d = doc();
    d["schema_version"] = json!(2);
    assert_eq!(
        load_document(&d.to_string()),
        Err(DocumentError::UnsupportedVersion(2))
    );
    d["schema_version"] = json!(0);
    assert_eq!(
        load_document(&d.to_string()),
        Err(DocumentError::UnsupportedVersion(0))
    );
    // 1.0 is the integer 1 (JSON Schema's `const: 1` accepts it); 1.5 is not a version.
    d["schema_version"] = json!(1.0);
    assert!(load_document(&d.to_string()).is_ok());
    d["schema_version"] = json!(1.5);
    assert_eq!(
        load_document(&d.to_string()),
        Err(DocumentError::MissingVersion)
    );
    d["schema_version"] = json!("1");
    assert_eq!(
        load_document(&d.to_string()),
        Err(DocumentError::MissingVersion)
    );
    d.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(
        load_document(&d.to_string()),
        Err(DocumentError::MissingVersion)
    );
}

#[test]
fn ignores_unknown_fields_everywhere() {
    let mut d = doc();
    d["future"] = json!({"x": 1});
    d["questions"][0]["audio_url"] = json!("https://x.pl/a.mp3");
    d["categories"][0]["icon"] = json!("heart");
    let g = load(d);
    assert!(g.problems.is_empty(), "{:#?}", g.problems);
    assert_eq!(ids(&g), ["ikp", "segregacja", "pszok"]);
}

#[test]
fn a_question_without_a_required_field_is_left_out_alone_and_reported_by_id() {
    let mut d = doc();
    d["questions"][1].as_object_mut().unwrap().remove("title");
    let g = load(d);
    assert_eq!(ids(&g), ["ikp", "pszok"]);
    assert_eq!(g.problems.len(), 1);
    let p = &g.problems[0];
    assert!(p.left_out);
    assert_eq!(p.record, "pytanie „segregacja”");
    assert!(
        p.reason.contains("brak wymaganego pola „title”"),
        "{}",
        p.reason
    );
}

#[test]
fn a_record_without_a_usable_id_is_reported_by_position() {
    let mut d = doc();
    d["questions"][2]["id"] = json!(17);
    d["categories"][1] = json!("odpady");
    let g = load(d);
    assert_eq!(ids(&g), ["ikp", "segregacja"]);
    let records: Vec<&str> = g.problems.iter().map(|p| p.record.as_str()).collect();
    assert!(records.contains(&"pytanie nr 3"), "{records:?}");
    assert!(records.contains(&"kategoria nr 2"), "{records:?}");
}

#[test]
fn wrong_types_and_bad_slugs_leave_the_record_out() {
    let mut d = doc();
    d["questions"][0]["answer_html"] = json!(["<p>lista</p>"]);
    d["questions"][2]["id"] = json!("Gdzie jest PSZOK");
    let g = load(d);
    assert_eq!(ids(&g), ["segregacja"]);
    assert!(g
        .problems
        .iter()
        .any(|p| p.reason.contains("powinno być tekstem, a jest: lista")));
    assert!(g
        .problems
        .iter()
        .any(|p| p.reason.contains("nie jest poprawnym identyfikatorem")));
}

#[test]
fn a_duplicate_id_keeps_the_first_record() {
    let mut d = doc();
    let mut dup = d["questions"][0].clone();
    dup["title"] = json!("Druga wersja");
    d["questions"].as_array_mut().unwrap().push(dup);
    let g = load(d);
    assert_eq!(ids(&g), ["ikp", "segregacja", "pszok"]);
    assert_eq!(g.question("ikp").unwrap().title, "Co to jest IKP?");
    assert!(g.problems[0].reason.contains("już wystąpił"));
}

#[test]
fn a_missing_category_breaks_only_that_reference() {
    let mut d = doc();
    d["questions"][2]["category"] = json!("usunieta");
    let g = load(d);
    // Still there: reachable by its URL (and search), just not listed under any category.
    assert_eq!(ids(&g), ["ikp", "segregacja", "pszok"]);
    assert_eq!(g.questions_in("odpady").count(), 1);
    assert!(!g.problems[0].left_out);
    assert!(g.problems[0]
        .reason
        .contains("kategoria „usunieta” nie istnieje"));
}

#[test]
fn a_missing_institution_or_related_question_breaks_only_that_reference() {
    let mut d = doc();
    d["questions"][0]["institution"] = json!("zamkniety-urzad");
    d["questions"][1]["related"] = json!(["ikp", "nie-ma-takiego"]);
    let g = load(d);
    assert_eq!(ids(&g), ["ikp", "segregacja", "pszok"]);
    assert_eq!(g.question("ikp").unwrap().institution, None);
    assert_eq!(g.question("segregacja").unwrap().related, vec!["ikp"]);
    assert_eq!(g.problems.len(), 2);
    assert!(g.problems.iter().all(|p| !p.left_out));
}

#[test]
fn a_bad_optional_field_is_dropped_and_the_record_stays() {
    let mut d = doc();
    d["questions"][0]["updated"] = json!("2025-02-30");
    d["questions"][0]["tags"] = json!("IKP, NFZ");
    d["questions"][0]["edit_url"] = json!("javascript:alert(1)");
    d["institutions"][0]["url"] = json!("ftp://dolmed.pl");
    let g = load(d);
    let q = g.question("ikp").unwrap();
    assert_eq!(q.updated, None);
    assert!(q.tags.is_empty());
    assert_eq!(q.edit_url, None);
    assert_eq!(g.institution("dolmed").unwrap().url, None);
    assert_eq!(g.problems.len(), 4);
    assert_eq!(g.left_out_count(), 0);
}

#[test]
fn faq_anchors_never_take_the_pages_own_ids_or_an_answer_panels_id() {
    let mut d = doc();
    // The app's own ids start with "pm-" (the skip link's target, the contact card's heading);
    // each item's answer panel is "{anchor}-odpowiedz".
    d["questions"][0]["faq"] = json!([
        { "id": "pm-tresc", "question": "A?", "answer_html": "<p>a</p>" },
        { "id": "godziny", "question": "B?", "answer_html": "<p>b</p>" },
        { "id": "godziny-odpowiedz", "question": "C?", "answer_html": "<p>c</p>" },
        { "question": "PM – kontakt", "answer_html": "<p>d</p>" }
    ]);
    let g = load(d);
    let anchors = faq_anchors(&g, "ikp");
    assert_eq!(
        anchors,
        [
            "faq-pm-tresc",
            "godziny",
            "godziny-odpowiedz-1",
            "faq-pm-kontakt"
        ]
    );
    let reported: Vec<&str> = g
        .problems
        .iter()
        .filter(|p| !p.left_out)
        .map(|p| p.reason.as_str())
        .collect();
    assert_eq!(reported.len(), 2, "{reported:?}");
    assert!(
        reported[0].contains("„pm-tresc” jest zarezerwowany"),
        "{reported:?}"
    );
}

#[test]
fn repeated_records_load_in_linear_time() {
    // 100 000 repeated FAQ items, categories and institutions: with a check of every earlier record
    // for each one, this would not finish; without, it takes a moment even in a debug build.
    const N: usize = 100_000;
    let mut d = doc();
    d["questions"][0]["faq"] = json!(vec![
        json!({ "question": "Jak założyć konto?", "answer_html": "<p>Tak.</p>" });
        N
    ]);
    let category = d["categories"][0].clone();
    d["categories"] = json!(vec![category; N]);
    d["institutions"] = json!(vec![json!({ "id": "urzad", "name": "Urząd" }); N]);
    let g = load(d);
    let faq = &g.question("ikp").unwrap().faq;
    assert_eq!(faq.len(), N);
    assert_eq!(faq[0].anchor(), "jak-zalozyc-konto");
    assert_eq!(faq[N - 1].anchor(), format!("jak-zalozyc-konto-{N}"));
    let mut anchors: Vec<&str> = faq.iter().map(|f| f.anchor()).collect();
    anchors.sort_unstable();
    anchors.dedup();
    assert_eq!(anchors.len(), N, "every anchor is unique");
    assert_eq!((g.categories.len(), g.institutions.len()), (1, 1));
}

#[test]
fn a_bad_faq_item_is_left_out_alone_and_anchors_are_derived_and_unique() {
    let mut d = doc();
    d["questions"][0]["faq"] = json!([
        { "question": "Jak założyć konto?", "answer_html": "<p>Samo.</p>" },
        { "question": "Jak założyć konto?", "answer_html": "<p>Drugi raz.</p>" },
        { "question": "Bez odpowiedzi" },
        { "id": "Zły Id", "question": "Czy płatne?", "answer_html": "<p>Nie.</p>" },
        { "id": "wlasny", "question": "?", "answer_html": "<p>Tak.</p>" }
    ]);
    let g = load(d);
    let anchors = faq_anchors(&g, "ikp");
    assert_eq!(
        anchors,
        [
            "jak-zalozyc-konto",
            "jak-zalozyc-konto-2",
            "czy-platne",
            "wlasny"
        ]
    );
    let left_out: Vec<&str> = g
        .problems
        .iter()
        .filter(|p| p.left_out)
        .map(|p| p.record.as_str())
        .collect();
    assert_eq!(left_out, ["pytanie „ikp”, pozycja FAQ nr 3"]);
}

#[test]
fn missing_lists_and_portal_do_not_take_the_portal_down() {
    let g = load(json!({ "schema_version": 1, "categories": "zdrowie", "questions": [] }));
    assert_eq!(g.portal.title, "Poradnik Mieszkańca");
    assert!(g.categories.is_empty());
    assert!(g.problems.len() >= 2, "{:#?}", g.problems);
}

#[test]
fn every_invalid_fixture_is_reported_and_keeps_its_good_records() {
    // tests/fixtures/invalid-*.json are also checked against the JSON Schema (tests/contract):
    // the schema and the loader must agree that each is wrong.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("invalid-") || !name.ends_with(".json") {
            continue;
        }
        seen += 1;
        let g = load_document(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(!g.problems.is_empty(), "{name}: no problem reported");
        assert!(
            g.question("dobre-pytanie").is_some(),
            "{name}: the good record was lost"
        );
    }
    assert!(seen >= 3, "expected invalid fixtures, found {seen}");
}

#[test]
fn a_malformed_timestamp_with_polish_letters_is_reported_not_fatal() {
    let mut d = doc();
    d["generated_at"] = json!("2026-11-20Tażżżż");
    let g = load(d);
    assert_eq!(g.generated_at, None);
    assert!(g.problems[0].reason.contains("generated_at"));
    assert_eq!(g.questions.len(), 3);
}
