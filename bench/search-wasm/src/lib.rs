//! The app's own search engine, exposed to the benchmark page in two ways:
//! - [`Builder`]: the engine alone, given each question's fields from JS one at a time (as
//!   MiniSearch and FlexSearch are given them), answer HTML turned into text here as the app does;
//! - [`App`]: what the app does with a data document: parse and check it, make a large guide
//!   searchable by titles and tags first, then index the whole text.

use std::borrow::Cow;

use poradnik::data::{load_document, Guide};
use poradnik::search::index::{DocText, IndexBuilder};
use poradnik::search::plain_text::plain_text;
use poradnik::search::{document_iter, heading_iter, SearchIndex, HEADINGS_FIRST_FROM};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

fn top(index: &SearchIndex, query: &str, k: usize) -> Vec<u32> {
    index
        .search(query, k)
        .hits
        .iter()
        .map(|h| h.doc as u32)
        .collect()
}

/// The engine alone: questions are added one at a time, then `finish` builds the index.
#[wasm_bindgen]
#[derive(Default)]
pub struct Builder {
    builder: IndexBuilder,
}

#[wasm_bindgen]
impl Builder {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Adds the next question: its title, tags, answer HTML and its FAQ items' questions and
    /// answer HTML.
    pub fn add(
        &mut self,
        title: String,
        tags: Vec<String>,
        answer_html: &str,
        faq_questions: Vec<String>,
        faq_answers_html: Vec<String>,
    ) {
        let faq = faq_questions
            .into_iter()
            .map(Cow::Owned)
            .zip(faq_answers_html.iter().map(|a| plain_text(a)))
            .collect();
        self.builder.add(&DocText {
            title: Cow::Owned(title),
            tags: Cow::Owned(tags),
            answer: plain_text(answer_html),
            faq,
        });
    }

    pub fn finish(self) -> Engine {
        Engine {
            index: self.builder.finish(),
        }
    }
}

#[wasm_bindgen]
pub struct Engine {
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// The positions (in the document's `questions`) of the best `k` results.
    pub fn search(&self, query: &str, k: usize) -> Vec<u32> {
        top(&self.index, query, k)
    }
}

/// What the app does with a data document.
#[wasm_bindgen]
pub struct App {
    #[allow(dead_code)]
    guide: Guide,
    index: SearchIndex,
    stages: Vec<f64>,
}

#[wasm_bindgen]
impl App {
    /// Parses and loads the document exactly as the app does, indexes titles and tags, then
    /// the whole text.
    #[wasm_bindgen(constructor)]
    pub fn new(json: String) -> Result<App, JsError> {
        let t0 = now();
        let guide = load_document(&json).map_err(|e| JsError::new(&format!("{e:?}")))?;
        // As in the app: the text is gone before the index is built.
        drop(json);
        let t1 = now();
        let load_memory = memory_bytes();
        // As in the app (`AppContext::index_guide`): titles and tags first for a large guide.
        if guide.questions.len() >= HEADINGS_FIRST_FROM {
            drop(SearchIndex::build_from(heading_iter(&guide)));
        }
        let t2 = now();
        let index = SearchIndex::build_from(document_iter(&guide));
        let t3 = now();
        Ok(App {
            guide,
            index,
            stages: vec![t1 - t0, t2 - t1, t3 - t2, load_memory],
        })
    }

    /// Milliseconds spent loading the document (parse and checks), indexing its titles and
    /// tags (0 for a guide too small for that stage), and indexing its whole text; and the WebAssembly memory in bytes once it was loaded.
    pub fn stages(&self) -> Vec<f64> {
        self.stages.clone()
    }

    pub fn search(&self, query: &str, k: usize) -> Vec<u32> {
        top(&self.index, query, k)
    }
}

/// The WebAssembly linear memory in bytes.
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// A split index (`poradnik::search::index::split`) read file by file, as the app reads one from
/// a published site: `need` names the files a query still needs, `add` gives one, `search`
/// answers once nothing is needed.
#[wasm_bindgen]
pub struct Split {
    index: poradnik::search::index::split::SplitIndex,
}

#[wasm_bindgen]
impl Split {
    #[wasm_bindgen(constructor)]
    pub fn new(manifest_json: &str) -> Result<Split, JsError> {
        let manifest =
            serde_json::from_str(manifest_json).map_err(|e| JsError::new(&e.to_string()))?;
        let index = poradnik::search::index::split::SplitIndex::new(manifest)
            .ok_or_else(|| JsError::new("another layout"))?;
        Ok(Split { index })
    }

    /// The directory of the build's files under `szukaj/`.
    pub fn build(&self) -> String {
        self.index.manifest().build.clone()
    }

    pub fn need(&self, query: &str) -> Vec<String> {
        match self.index.search(query, 10) {
            poradnik::search::index::split::Outcome::Need(files) => files,
            poradnik::search::index::split::Outcome::Found(_) => Vec::new(),
        }
    }

    pub fn add(&mut self, name: &str, bytes: Vec<u8>) -> Result<(), JsError> {
        self.index.add(name, bytes).map_err(|e| JsError::new(&e))
    }

    /// The top `k` documents (their numbers: `w{n}.json` is each one's fragment).
    pub fn search(&self, query: &str, k: usize) -> Vec<u32> {
        match self.index.search(query, k) {
            poradnik::search::index::split::Outcome::Found(found) => {
                found.results.hits.iter().map(|h| h.doc as u32).collect()
            }
            poradnik::search::index::split::Outcome::Need(_) => Vec::new(),
        }
    }
}
