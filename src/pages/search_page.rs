use leptos::prelude::*;

use crate::components::ask_banner::NewTabLink;
use crate::components::guide_loader::{GuideLoader, Loaded};
use crate::components::page_head::{HeadInfo, PageHead};
use crate::components::search_results::{ResultView, SearchResults};
use crate::paths::AskPrefill;
use crate::router::use_router;
use crate::search::index::is_searchable;
use crate::search::snippet::snippet;
use crate::state::use_app;
use crate::text::plural::{count, RESULTS};

/// How many results the page shows.
const LIMIT: usize = 20;

/// The results of `?q=…`, or an invitation to search when there is no query.
#[component]
pub fn SearchPage(
    /// The query of the address, decoded.
    query: String,
) -> impl IntoView {
    let app = use_app();
    let paths = app.config.with_value(|c| c.paths.clone());
    let router = use_router();
    view! {
        <GuideLoader page=move |guide: Loaded| {
            let q = query.trim().to_owned();
            if !is_searchable(&q) {
                app.announcement.set(String::new());
                let head = HeadInfo { title: Some("Szukaj".into()), ..HeadInfo::default() };
                return view! {
                    <PageHead info=head/>
                    <div class="pm-search-page">
                        <h1 class="pm-page-title" tabindex="-1">"Szukaj w poradniku"</h1>
                        <p>"Wpisz w pole wyszukiwania, czego szukasz."</p>
                    </div>
                }
                .into_any();
            }
            let head = HeadInfo {
                title: Some(format!("Wyniki wyszukiwania: {q}")),
                noindex: true,
                ..HeadInfo::default()
            };
            app.last_search.set(q.clone());
            let Some(index) = app.search.get() else {
                return view! {
                    <PageHead info=head/>
                    <div class="pm-search-page">
                        <h1 class="pm-page-title" tabindex="-1">"Wyniki wyszukiwania"</h1>
                        <p role="status">"Przygotowuję wyszukiwarkę…"</p>
                    </div>
                }
                .into_any();
            };
            // The query as typed: the last word may still be growing, so it matches as a prefix.
            let results = index.search(&q, LIMIT);
            let views: Vec<ResultView> = results
                .hits
                .iter()
                // An index of another guide (the data reloaded meanwhile) may name questions
                // this one does not have: those are left out, never a panic.
                .filter_map(|hit| Some((hit, guide.questions.get(hit.doc)?)))
                .map(|(hit, question)| {
                    let item = hit.item.and_then(|i| question.faq.get(i));
                    let text = match item {
                        Some(f) => crate::search::plain_text::plain_text(&f.answer_html),
                        None => crate::search::plain_text::plain_text(&question.answer_html),
                    };
                    ResultView {
                        href: paths.question_at(&question.id, item.map(|f| f.anchor())),
                        title: snippet(&question.title, &results.terms, 400),
                        category: guide.category(&question.category).map(|c| c.name.clone()),
                        item: item.map(|f| f.question.clone()),
                        snippet: snippet(&text, &results.terms, 160),
                    }
                })
                .collect();
            let n = views.len();
            let summary = if n == 0 {
                format!("Brak wyników dla „{q}”.")
            } else if n == LIMIT {
                format!("Najlepsze {} dla „{q}”.", count(n, &RESULTS))
            } else {
                format!("Znaleziono {} dla „{q}”.", count(n, &RESULTS))
            };
            app.announcement.set(summary.clone());
            let body = if n == 0 {
                let suggestions = index.suggestions(&q, 5);
                let links = (!suggestions.is_empty()).then(|| {
                    let items = suggestions
                        .into_iter()
                        .map(|word| {
                            let href = paths.search(&word);
                            view! { <li><a href=href>{word}</a></li> }
                        })
                        .collect_view();
                    view! {
                        <p class="pm-search-page__suggestions-title">"Może chodziło o:"</p>
                        <ul class="pm-search-page__suggestions">{items}</ul>
                    }
                });
                // The question nobody has answered yet: straight to the form, filled in.
                let ask = app.config.with_value(|c| c.can_ask()).then(|| {
                    let href = paths.ask(&AskPrefill {
                        question: q.clone(),
                        from: router.page_url(),
                        search: q.clone(),
                    });
                    view! {
                        <p class="pm-search-page__ask">
                            "Nie ma tego w poradniku? "
                            <NewTabLink href text="Zgłoś to pytanie"/>
                        </p>
                    }
                });
                view! {
                    <div class="pm-search-page__empty">
                        <p>"Sprawdź pisownię albo wpisz inne, prostsze słowa."</p>
                        {links}
                        {ask}
                    </div>
                }
                .into_any()
            } else {
                view! { <SearchResults results=views/> }.into_any()
            };
            let partial = app.search_partial.get().then(|| {
                view! {
                    <p class="pm-search-page__partial">
                        "Na razie szukam w tytułach i słowach kluczowych; za chwilę przeszukam pełną treść odpowiedzi."
                    </p>
                }
            });
            view! {
                <PageHead info=head/>
                <div class="pm-search-page">
                    <h1 class="pm-page-title" tabindex="-1">"Wyniki wyszukiwania"</h1>
                    <p class="pm-search-page__summary">{summary}</p>
                    {partial}
                    {body}
                </div>
            }
            .into_any()
        }/>
    }
}
