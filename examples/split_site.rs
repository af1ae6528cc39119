//! Writes the split search index of a data document, as the publish step does, without the
//! pages: `cargo run --release --example split_site -- target/bench/corpus-50000.json
//! target/bench/split-50000` → `szukaj/indeks.json` and `szukaj/{build}/` (bench/split.mjs).
use std::path::PathBuf;
use std::time::Instant;

use poradnik::data::load_document;
use poradnik::site::search_files::write_search;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(data), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: split_site DATA.json OUT_DIR");
        std::process::exit(2);
    };
    let t = Instant::now();
    let guide = load_document(&std::fs::read_to_string(&data).unwrap()).unwrap();
    let out = PathBuf::from(out);
    let (files, bytes) = write_search(&guide, &out, &|path, bytes| {
        std::fs::create_dir_all(path.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::write(path, bytes).map_err(|e| e.to_string())
    })
    .unwrap();
    println!(
        "{{\"questions\": {}, \"files\": {files}, \"bytes\": {bytes}, \"ms\": {:.0}}}",
        guide.questions.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
}
