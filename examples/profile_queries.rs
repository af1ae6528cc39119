//! Which keystrokes are slow: `cargo run --release --example profile_queries -- 10000`.
use std::time::Instant;

use poradnik::data::load_document;
use poradnik::search::synthetic::{corpus, keystrokes, queries};
use poradnik::search::{documents, SearchIndex};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let doc = corpus(n, 42);
    let guide = load_document(&serde_json::to_string(&doc).unwrap()).unwrap();
    let docs = documents(&guide);
    let t = Instant::now();
    let index = SearchIndex::build(&docs);
    println!(
        "build {:.0} ms, {} postings",
        t.elapsed().as_secs_f64() * 1e3,
        index.heap_bytes() / 8
    );
    let mut slow: Vec<(f64, String)> = Vec::new();
    for (q, _) in queries(&doc, 42, 200, 7) {
        for k in keystrokes(&q) {
            let t = Instant::now();
            let _ = index.search(&k, 10);
            slow.push((t.elapsed().as_secs_f64() * 1e6, k));
        }
    }
    slow.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (us, k) in slow.iter().take(25) {
        println!("{us:>9.0} µs  {k:?} {:?}", index.explain(k));
    }
}
