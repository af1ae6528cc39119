//! The app's own search engine, exposed to the benchmark page: load a data document, build the
//! index, answer queries with the top `k` question positions.

use poradnik::data::{load_document, Guide};
use poradnik::search::{document_iter, SearchIndex};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Engine {
    #[allow(dead_code)]
    guide: Guide,
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// Parses and loads the document exactly as the app does, then builds the index.
    #[wasm_bindgen(constructor)]
    pub fn new(json: String) -> Result<Engine, JsError> {
        let guide = load_document(&json).map_err(|e| JsError::new(&format!("{e:?}")))?;
        // As in the app: the text is gone before the index is built.
        drop(json);
        let index = SearchIndex::build_from(document_iter(&guide));
        Ok(Engine { guide, index })
    }

    /// The positions (in the document's `questions`) of the best `k` results.
    pub fn search(&self, query: &str, k: usize) -> Vec<u32> {
        self.index
            .search(query, k)
            .hits
            .iter()
            .map(|h| h.doc as u32)
            .collect()
    }
}

/// The WebAssembly linear memory in bytes.
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
