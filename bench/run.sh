#!/usr/bin/env bash
# make bench: builds the benchmark's WebAssembly, generates the corpora, runs cargo bench, the
# relevance comparison, the in-browser benchmark, Pagefind as a peer, Lighthouse and the load at scale, and writes docs/benchmarks.md.
# BENCH_SIZES (default 1000,10000,50000) picks the corpora of the browser run; SCALE_SIZES
# (default 50,1000,20000) those of the load at scale, each published as a whole site (issue 13:
# a question page as fast with 20 000 questions as with 50).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-1000,10000,50000}
scale_sizes=${SCALE_SIZES:-50,1000,20000}
cargo build --release --locked --target wasm32-unknown-unknown -p search-bench
wasm-bindgen --target web --out-dir target/bench/wasm target/wasm32-unknown-unknown/release/search_bench.wasm
# Each corpus once, whichever of the two runs needs it.
for n in $(echo "${sizes//,/ } ${scale_sizes//,/ }" | tr ' ' '\n' | sort -nu); do
  cargo run --release --locked --example generate_corpus -- "$n" target/bench
done
cargo bench --locked --bench search
node bench/relevance.mjs
node bench/run-browser.mjs "$sizes"
# Pagefind as the peer of our search: its split index typed into letter by letter.
node bench/pagefind.mjs "$sizes"
# Ours split, measured the same way.
node bench/split.mjs "$sizes"
# The production site as make dist makes it (the loader, minified files, every page published as
# HTML for the sample data), for Lighthouse. The app as trunk built it is kept first in
# target/bench/app: the load at scale publishes each corpus from it (a published index.html
# cannot be published again).
trunk build --release --locked
rm -rf target/bench/app && cp -R dist target/bench/app
cargo run --quiet --release --locked --no-default-features --features ssr --bin publish -- --data public/data/faq.json --out dist --site-url https://poradnik.wroclaw.pl/
node bench/lighthouse.mjs
node bench/scale.mjs "$scale_sizes"
node bench/report.mjs
