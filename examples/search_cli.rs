//! Runs queries against the sample data from the command line:
//! `cargo run --example search_cli -- "zasilek rodz" "meldunek "`
use poradnik::data::load_document;
use poradnik::search::{documents, SearchIndex};

fn main() {
    let text = std::fs::read_to_string("public/data/faq.json").expect("public/data/faq.json");
    let guide = load_document(&text).expect("valid sample data");
    let index = SearchIndex::build(&documents(&guide));
    for q in std::env::args().skip(1) {
        let r = index.search(&q, 5);
        println!("{q:?}:");
        for h in &r.hits {
            let question = &guide.questions[h.doc];
            println!(
                "  {:6.2} {} {:?}",
                h.score,
                question.title,
                h.item.map(|i| &question.faq[i].question)
            );
        }
        if r.hits.is_empty() {
            println!("  suggestions: {:?}", index.suggestions(&q, 5));
        }
        if let Some(first) = r.terms.first() {
            println!("  terms: {} … ({} in all)", first, r.terms.len());
        }
    }
}
