#!/usr/bin/env bash
# make bench: builds the benchmark's WebAssembly, generates the corpora, runs cargo bench, the
# relevance comparison, the in-browser benchmark, Lighthouse and the load at scale, and writes docs/benchmarks.md.
# BENCH_SIZES (default 1000,10000,50000) picks the corpora of the browser run.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-1000,10000,50000}
cargo build --release --locked --target wasm32-unknown-unknown -p search-bench
wasm-bindgen --target web --out-dir target/bench/wasm target/wasm32-unknown-unknown/release/search_bench.wasm
for n in ${sizes//,/ }; do cargo run --release --locked --example generate_corpus -- "$n" target/bench; done
cargo bench --locked --bench search
node bench/relevance.mjs
node bench/run-browser.mjs "$sizes"
# Lighthouse on the production build (the loader, minified files, as make dist makes them).
trunk build --release --locked
node bench/lighthouse.mjs
node bench/scale.mjs "$sizes"
node bench/report.mjs
