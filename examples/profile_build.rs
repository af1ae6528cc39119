//! Index build time on a synthetic corpus: `cargo run --release --example profile_build -- 10000`.
use std::time::Instant;

use poradnik::data::load_document;
use poradnik::search::synthetic::corpus;
use poradnik::search::{documents, SearchIndex};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let guide = load_document(&serde_json::to_string(&corpus(n, 42)).unwrap()).unwrap();
    let docs = documents(&guide);
    for _ in 0..3 {
        let t = Instant::now();
        let index = SearchIndex::build(&docs);
        println!(
            "build {:.0} ms ({} docs)",
            t.elapsed().as_secs_f64() * 1e3,
            index.len()
        );
    }
}
