//! Where the time to a searchable index goes, on a synthetic corpus:
//! `cargo run --release --example profile_build -- 10000`.
use std::time::Instant;

use poradnik::data::load_document;
use poradnik::search::synthetic::corpus;
use poradnik::search::{document_iter, documents, SearchIndex};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let text = serde_json::to_string(&corpus(n, 42)).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let guide = load_document(&text).unwrap();
        let load = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let docs = documents(&guide);
        let plain = t.elapsed().as_secs_f64() * 1e3;
        drop(docs);
        let t = Instant::now();
        let index = SearchIndex::build_from(document_iter(&guide));
        let build = t.elapsed().as_secs_f64() * 1e3;
        println!("load {load:.0} ms, plain text {plain:.0} ms, plain text + index {build:.0} ms ({} docs)", index.len());
    }
}
