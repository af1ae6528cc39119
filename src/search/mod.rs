//! Polish-aware search over the guide, entirely in the browser: plain Rust, no DOM.
//!
//! - [`normalize`]: case, diacritics (ł → l too) and combining marks folded;
//! - [`tokenize`]: words, keeping "800+", "e-recepta" and "mojeIKP" findable whole and in parts;
//! - [`stem`]: a light Polish suffix stemmer ("dowodu" and "dowód" meet at "dowod");
//! - [`index`]: the inverted index, prefix matching for the word being typed, typo tolerance scaled
//!   to word length, `tags` as synonyms, field weights and BM25 scoring, a bounded top-k (the shared
//!   types in `index/mod.rs`; building, querying and typo tolerance in `build.rs`, `query.rs` and
//!   `fuzzy.rs` beside it);
//! - [`snippet`]: the text around the matched words, with the words marked;
//! - [`plain_text`]: the text of an HTML fragment, for indexing answers without a browser.

pub mod index;
pub mod normalize;
pub mod order;
pub mod plain_text;
pub mod snippet;
pub mod stem;
pub mod synthetic;
pub mod tokenize;

pub use index::{Hit, SearchIndex};

use std::borrow::Cow;

use crate::data::Guide;

/// The guide's questions as the index reads them, in the guide's order.
pub fn documents(guide: &Guide) -> Vec<index::DocText<'_>> {
    document_iter(guide).collect()
}

/// The same, one question at a time (see [`SearchIndex::build_from`]).
pub fn document_iter(guide: &Guide) -> impl Iterator<Item = index::DocText<'_>> {
    guide.questions.iter().map(|q| index::DocText {
        title: Cow::Borrowed(&q.title),
        tags: Cow::Borrowed(&q.tags),
        answer: plain_text::plain_text(&q.answer_html),
        faq: q
            .faq
            .iter()
            .map(|f| {
                (
                    Cow::Borrowed(f.question.as_str()),
                    plain_text::plain_text(&f.answer_html),
                )
            })
            .collect(),
    })
}

/// A large guide is first made searchable by its titles and tags alone, which take a tenth of
/// the time of the whole text, and then in full: from this many questions on.
pub const HEADINGS_FIRST_FROM: usize = 2000;

/// The guide's questions with their titles and tags only (see [`HEADINGS_FIRST_FROM`]).
pub fn heading_iter(guide: &Guide) -> impl Iterator<Item = index::DocText<'_>> {
    guide.questions.iter().map(|q| index::DocText {
        title: Cow::Borrowed(&q.title),
        tags: Cow::Borrowed(&q.tags),
        ..index::DocText::default()
    })
}
