//! `cargo bench --bench search`: the search engine on the host, on synthetic corpora of 1k, 10k
//! and 50k questions: index build time, per-keystroke latency (every prefix of each query, top
//! 10), index memory, and how often the question a query came from is in the top 10. Writes
//! `target/bench/cargo-bench.json` for the benchmark report.

use std::time::Instant;

use poradnik::data::load_document;
use poradnik::search::synthetic::{corpus, keystrokes, queries};
use poradnik::search::{documents, SearchIndex};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let mut rows = Vec::new();
    println!(
        "{:>7} {:>10} {:>9} {:>9} {:>9} {:>9} {:>10} {:>8}",
        "docs", "build ms", "p50 µs", "p95 µs", "p99 µs", "max µs", "index MB", "top-10"
    );
    for n in [1_000usize, 10_000, 50_000] {
        let doc = corpus(n, 42);
        let guide = load_document(&serde_json::to_string(&doc).unwrap()).unwrap();
        let docs = documents(&guide);
        let t = Instant::now();
        let index = SearchIndex::build(&docs);
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        let qs = queries(&doc, 42, 200, 7);
        let mut times = Vec::new();
        let mut found = 0;
        for (q, target) in &qs {
            for k in keystrokes(q) {
                let t = Instant::now();
                let r = index.search(&k, 10);
                times.push(t.elapsed().as_secs_f64() * 1e6);
                if k == *q && r.hits.iter().any(|h| h.doc == *target) {
                    found += 1;
                }
            }
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let (p50, p95, p99, max) = (
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&times, 0.99),
            *times.last().unwrap(),
        );
        let mb = index.heap_bytes() as f64 / 1048576.0;
        let recall = found as f64 / qs.len() as f64;
        println!("{n:>7} {build_ms:>10.1} {p50:>9.1} {p95:>9.1} {p99:>9.1} {max:>9.1} {mb:>10.1} {:>7.1}%", 100.0 * recall);
        rows.push(format!(
            "{{\"docs\":{n},\"build_ms\":{build_ms:.2},\"keystrokes\":{},\"p50_us\":{p50:.1},\"p95_us\":{p95:.1},\"p99_us\":{p99:.1},\"max_us\":{max:.1},\"index_mb\":{mb:.2},\"top10\":{recall:.4}}}",
            times.len()
        ));
    }
    std::fs::create_dir_all("target/bench").unwrap();
    std::fs::write(
        "target/bench/cargo-bench.json",
        format!("[{}]\n", rows.join(",\n")),
    )
    .unwrap();
}
