//! The split search index of a synthetic corpus, measured on the host:
//! `cargo run --release --example split_index -- 50000` → files, bytes (gzip), and for 3-word
//! queries typed letter by letter the files and gzip bytes fetched and the time per keystroke
//! (the time a browser adds for fetching is not in it: see bench/scale.mjs).
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::time::Instant;

use flate2::write::GzEncoder;
use poradnik::data::load_document;
use poradnik::search::index::split::{split, SplitIndex};
use poradnik::search::synthetic::{corpus, keystrokes, Rng};
use poradnik::search::{document_iter, SearchIndex};

fn gzip(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let doc = corpus(n, 42);
    let guide = load_document(&serde_json::to_string(&doc).unwrap()).unwrap();
    let t = Instant::now();
    let whole = SearchIndex::build_from(document_iter(&guide));
    let build = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let files = split(&whole);
    let write = t.elapsed().as_secs_f64();
    let bytes: usize = files.files.iter().map(|(_, b)| b.len()).sum();
    let gz: HashMap<&str, usize> = files
        .files
        .iter()
        .map(|(n, b)| (n.as_str(), gzip(b)))
        .collect();
    println!(
        "{n} questions: index {build:.1} s, split {write:.1} s; {} files, {:.1} MB ({:.1} MB gzip); {} chunks",
        files.files.len(),
        bytes as f64 / 1e6,
        gz.values().sum::<usize>() as f64 / 1e6,
        files.manifest.chunks.len()
    );
    let by_name: HashMap<&str, &Vec<u8>> =
        files.files.iter().map(|(n, b)| (n.as_str(), b)).collect();
    let mut rng = Rng::new(5);
    let mut totals = Vec::new();
    let mut times = Vec::new();
    for _ in 0..20 {
        let q = &doc.questions[rng.below(doc.questions.len())];
        let words: Vec<String> = q
            .title
            .trim_end_matches('?')
            .split(' ')
            .filter(|w| w.chars().count() >= 4)
            .take(3)
            .map(|w| w.to_lowercase())
            .collect();
        if words.len() < 3 {
            continue;
        }
        let query = words.join(" ");
        let mut index = SplitIndex::new(files.manifest.clone()).unwrap();
        let mut fetched: HashSet<String> = HashSet::new();
        let mut total = 0usize;
        let mut kinds: HashMap<char, usize> = HashMap::new();
        for typed in keystrokes(&query) {
            index
                .search_fetching(&typed, 10, |name| {
                    if fetched.insert(name.to_owned()) {
                        total += gz[name];
                        *kinds.entry(name.chars().next().unwrap()).or_default() += gz[name];
                    }
                    by_name.get(name).map(|b| b.to_vec())
                })
                .unwrap();
            // The keystroke's own work, its files being there.
            let t = Instant::now();
            let _ = index.search(&typed, 10);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let mut kinds: Vec<_> = kinds
            .into_iter()
            .map(|(k, v)| format!("{k} {:.0} KB", v as f64 / 1e3))
            .collect();
        kinds.sort();
        println!(
            "{query:50} {:3} files {:6.1} KB gzip ({})",
            fetched.len(),
            total as f64 / 1e3,
            kinds.join(", ")
        );
        totals.push(total);
    }
    totals.sort();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "per query (gzip): median {:.1} KB, max {:.1} KB; per keystroke (host, with decoding): median {:.2} ms, p95 {:.2} ms",
        totals[totals.len() / 2] as f64 / 1e3,
        *totals.last().unwrap() as f64 / 1e3,
        times[times.len() / 2],
        times[times.len() * 95 / 100]
    );
}
