use leptos::prelude::*;

use crate::components::ask_banner::NewTabLink;
use crate::components::guide_loader::{GuideLoader, Loaded};
use crate::components::page_head::{HeadInfo, PageHead};
use crate::components::search_results::{ResultView, SearchResults};
use crate::paths::AskPrefill;
use crate::paths::Paths;
use crate::router::use_router;
use crate::search::index::is_searchable;
use crate::search::plain_text::plain_text;
use crate::search::snippet::snippet;
use crate::state::{use_app, SPLIT_RESULTS};
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
            let found = if app.is_split() {
                split_results(&guide, &paths, &q)
            } else {
                whole_results(&guide, &paths, &q)
            };
            let (views, suggestions, q, limit) = match found {
                Found::Results { views, suggestions, query, limit } => (views, suggestions, query, limit),
                Found::Preparing => {
                    return view! {
                        <PageHead info=head/>
                        <div class="pm-search-page">
                            <h1 class="pm-page-title" tabindex="-1">"Wyniki wyszukiwania"</h1>
                            <p role="status">"Przygotowuję wyszukiwarkę…"</p>
                        </div>
                    }
                    .into_any();
                }
                Found::Failed => {
                    return view! {
                        <PageHead info=head/>
                        <div class="pm-search-page">
                            <h1 class="pm-page-title" tabindex="-1">"Wyniki wyszukiwania"</h1>
                            <p role="alert">"Nie udało się pobrać wyników wyszukiwania. Sprawdź połączenie z internetem i spróbuj ponownie."</p>
                            <button type="button" class="pm-button" on:click=move |_| app.retry_search()>
                                "Spróbuj ponownie"
                            </button>
                        </div>
                    }
                    .into_any();
                }
            };
            let n = views.len();
            let summary = if n == 0 {
                format!("Brak wyników dla „{q}”.")
            } else if n == limit {
                format!("Najlepsze {} dla „{q}”.", count(n, &RESULTS))
            } else {
                format!("Znaleziono {} dla „{q}”.", count(n, &RESULTS))
            };
            app.announcement.set(summary.clone());
            let body = if n == 0 {
                let suggestions = suggestions();
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

/// What the search page has for a query.
enum Found {
    Results {
        views: Vec<ResultView>,
        /// The closest words the guide has, for a query with no results.
        suggestions: Box<dyn FnOnce() -> Vec<String>>,
        /// The query the results are for (a split site's previous one while the next is fetched).
        query: String,
        limit: usize,
    },
    /// The index is being built or its first files fetched.
    Preparing,
    /// A split site's index could not be fetched.
    Failed,
}

/// The results from the index built in the browser from the whole document.
fn whole_results(guide: &Loaded, paths: &Paths, q: &str) -> Found {
    let app = use_app();
    let Some(index) = app.search.get() else {
        return Found::Preparing;
    };
    // The query as typed: the last word may still be growing, so it matches as a prefix.
    let results = index.search(q, LIMIT);
    let views = results
        .hits
        .iter()
        // An index of another guide (the data reloaded meanwhile) may name questions this one
        // does not have: those are left out, never a panic.
        .filter_map(|hit| Some((hit, guide.questions.get(hit.doc)?)))
        .map(|(hit, question)| {
            let item = hit.item.and_then(|i| question.faq.get(i));
            let text = match item {
                Some(f) => plain_text(&f.answer_html),
                None => plain_text(&question.answer_html),
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
    let q = q.to_owned();
    let query = q.clone();
    Found::Results {
        views,
        suggestions: Box::new(move || index.suggestions(&q, 5)),
        query,
        limit: LIMIT,
    }
}

/// The results from a split site's index, fetched as the resident types (`AppContext::search_split`);
/// the previous query's while the next one's files come.
fn split_results(guide: &Loaded, paths: &Paths, q: &str) -> Found {
    let app = use_app();
    app.search_split(q.to_owned());
    let Some(found) = app.split_results.get() else {
        return Found::Preparing;
    };
    if found.failed.is_some() {
        // Another query's failure while this one's files come: nothing to show yet.
        return if found.query == q {
            Found::Failed
        } else {
            Found::Preparing
        };
    }
    let views = found
        .hits
        .iter()
        .map(|hit| {
            let f = &hit.fragment;
            let item = hit.item.and_then(|i| f.faq.get(i));
            ResultView {
                href: paths.question_at(&f.id, item.map(|i| i.id.as_str())),
                title: snippet(&f.title, &found.terms, 400),
                category: guide.category(&f.category).map(|c| c.name.clone()),
                item: item.map(|i| i.question.clone()),
                snippet: snippet(item.map_or(&f.text, |i| &i.text), &found.terms, 160),
            }
        })
        .collect();
    let suggestions = found.suggestions.clone();
    Found::Results {
        views,
        suggestions: Box::new(move || suggestions),
        query: found.query,
        limit: SPLIT_RESULTS,
    }
}
