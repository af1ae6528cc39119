//! While a resident types a question, up to five questions of the guide that may already answer
//! it, found by the search engine, so that they can stop there. Nothing while the question is
//! too short to say much, nothing matches, or the guide and its index are not ready.

use leptos::prelude::*;

use crate::search::index::is_searchable;
use crate::state::{use_app, GuideState};

const SHOWN: usize = 5;

#[component]
pub fn SimilarQuestions(#[prop(into)] question: Signal<String>) -> impl IntoView {
    let app = use_app();
    let paths = app.config.with_value(|c| c.paths.clone());
    // (address, title) of each question found.
    let links = move || {
        // A finished thought, not the first letters: the last word is matched whole.
        let text = format!("{} ", question.with(|q| q.trim().to_owned()));
        if text.trim().chars().count() < 10 || !is_searchable(&text) {
            return Vec::new();
        }
        let GuideState::Ready(guide) = app.guide.get() else {
            return Vec::new();
        };
        // A split site: its index's files, fetched as the resident types.
        if app.is_split() {
            app.search_split(text.clone());
            // The previous text's while this one's files come (no flicker while typing).
            return app.split_results.with(|found| match found {
                Some(found) => found
                    .hits
                    .iter()
                    .take(SHOWN)
                    .map(|h| (paths.question(&h.fragment.id), h.fragment.title.clone()))
                    .collect(),
                _ => Vec::new(),
            });
        }
        app.search.with(|index| {
            let Some(index) = index else {
                return Vec::new();
            };
            index
                .search(&text, SHOWN)
                .hits
                .iter()
                .filter_map(|h| guide.questions.get(h.doc))
                .map(|q| (paths.question(&q.id), q.title.clone()))
                .collect()
        })
    };
    move || {
        let links = links();
        (!links.is_empty()).then(|| {
            view! {
                <section class="pm-similar-questions" aria-labelledby="pm-similar-questions-title">
                    <h2 class="pm-similar-questions__title" id="pm-similar-questions-title">
                        "Może odpowiedź już jest w poradniku"
                    </h2>
                    <ul class="pm-similar-questions__list">
                        {links
                            .into_iter()
                            .map(|(href, title)| view! { <li><a href=href>{title}</a></li> })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
