//! Writes a synthetic corpus and its benchmark queries:
//! `cargo run --release --example generate_corpus -- 10000 target/bench`
//! → `target/bench/corpus-10000.json` (a data document) and `target/bench/queries-10000.json`
//! (`[[query, question position], …]`).
use poradnik::search::synthetic::{corpus, queries};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let dir = args.next().unwrap_or_else(|| "target/bench".into());
    std::fs::create_dir_all(&dir).unwrap();
    let doc = corpus(n, 42);
    std::fs::write(
        format!("{dir}/corpus-{n}.json"),
        serde_json::to_string(&doc).unwrap(),
    )
    .unwrap();
    let qs: Vec<(String, usize)> = queries(&doc, 42, 150, 7);
    std::fs::write(
        format!("{dir}/queries-{n}.json"),
        serde_json::to_string(&qs).unwrap(),
    )
    .unwrap();
}
