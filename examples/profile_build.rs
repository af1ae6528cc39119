//! Where the time to a searchable index goes, on a synthetic corpus:
//! `cargo run --release --example profile_build -- 10000`.
use std::time::Instant;

use poradnik::data::load_document;
use poradnik::search::index::IndexBuilder;
use poradnik::search::synthetic::corpus;
use poradnik::search::{document_iter, documents, heading_iter, SearchIndex};

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let text = serde_json::to_string(&corpus(n, 42)).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let guide = load_document(&text).unwrap();
        let load = ms(t);
        let t = Instant::now();
        let headings = SearchIndex::build_from(heading_iter(&guide));
        let first = ms(t);
        drop(headings);
        let t = Instant::now();
        let docs = documents(&guide);
        let plain = ms(t);
        let t = Instant::now();
        let mut builder = IndexBuilder::default();
        for d in &docs {
            builder.add(d);
        }
        let add = ms(t);
        let t = Instant::now();
        let index = builder.finish();
        let finish = ms(t);
        drop((docs, index));
        let t = Instant::now();
        let index = SearchIndex::build_from(document_iter(&guide));
        let all = ms(t);
        let (terms, postings) = index.counts();
        println!(
            "load {load:.0} ms; titles and tags {first:.0} ms; plain text {plain:.0} ms, add {add:.0} ms, \
             finish {finish:.0} ms; all of it streamed {all:.0} ms ({} docs, {terms} terms, {postings} postings, {:.1} MB)",
            index.len(),
            index.heap_bytes() as f64 / 1e6
        );
    }
}
