//! Peak heap per phase on a synthetic corpus (what bounds the WebAssembly memory, which only
//! grows): `cargo run --release --example profile_memory -- 10000`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use poradnik::data::load_document;
use poradnik::search::synthetic::corpus;
use poradnik::search::{document_iter, SearchIndex};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = NOW.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn mb(b: usize) -> f64 {
    b as f64 / 1048576.0
}

fn phase(name: &str) {
    println!(
        "{name:<28} now {:6.1} MB   peak {:6.1} MB",
        mb(NOW.load(Relaxed)),
        mb(PEAK.load(Relaxed))
    );
    PEAK.store(NOW.load(Relaxed), Relaxed);
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let text = serde_json::to_string(&corpus(n, 42)).unwrap();
    phase("document text");
    let guide = load_document(&text).unwrap();
    phase("loaded (guide)");
    drop(text);
    phase("text dropped");
    let index = SearchIndex::build_from(document_iter(&guide));
    phase("index built");
    println!("index heap_bytes estimate {:.1} MB", mb(index.heap_bytes()));
}
