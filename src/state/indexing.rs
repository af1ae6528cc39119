//! Building the search index of a loaded guide without freezing the page.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{AppContext, GuideState};
use crate::browser;
use crate::data::Guide;
use crate::search;
use crate::search::index::IndexBuilder;

impl AppContext {
    /// Builds the search index of `guide` in slices of a few hundred questions, yielding to the
    /// browser between slices, so that a large guide never freezes the page; the search page says
    /// "Przygotowuję wyszukiwarkę…" until it is done. A large guide is searchable by titles and
    /// tags first (see [`search::HEADINGS_FIRST_FROM`]).
    pub(super) fn index_guide(self, guide: Arc<Guide>) {
        const SLICE: usize = 250;
        self.search.set(None);
        self.search_partial.set(false);
        // Whether `guide` is still the one shown: a newer load may have replaced it meanwhile.
        let current = move |guide: &Arc<Guide>| matches!(self.guide.get_untracked(), GuideState::Ready(g) if Arc::ptr_eq(&g, guide));
        spawn_local(async move {
            if guide.questions.len() >= search::HEADINGS_FIRST_FROM {
                let mut builder = IndexBuilder::default();
                for (i, doc) in search::heading_iter(&guide).enumerate() {
                    builder.add(&doc);
                    if i % (SLICE * 8) == SLICE * 8 - 1 {
                        browser::next_task().await;
                    }
                }
                if !current(&guide) {
                    return;
                }
                self.search.set(Some(Arc::new(builder.finish())));
                self.search_partial.set(true);
                browser::next_task().await;
            }
            let mut builder = IndexBuilder::default();
            for (i, doc) in search::document_iter(&guide).enumerate() {
                builder.add(&doc);
                if i % SLICE == SLICE - 1 {
                    browser::next_task().await;
                }
            }
            if current(&guide) {
                self.search.set(Some(Arc::new(builder.finish())));
                self.search_partial.set(false);
            }
        });
    }
}
