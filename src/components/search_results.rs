use leptos::prelude::*;

use crate::search::snippet::Piece;

/// One search result as a resident reads it.
#[derive(Clone)]
pub struct ResultView {
    pub href: String,
    pub title: Vec<Piece>,
    pub category: Option<String>,
    /// The FAQ item the match is in, when it is in one.
    pub item: Option<String>,
    pub snippet: Vec<Piece>,
}

fn marked(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            if p.marked {
                view! { <mark>{p.text}</mark> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect_view()
}

/// The list of results: title (a link), category, and the snippet with the matched words marked.
#[component]
pub fn SearchResults(results: Vec<ResultView>) -> impl IntoView {
    let items = results
        .into_iter()
        .map(|r| {
            view! {
                <li class="pm-search-results__item">
                    <a href=r.href class="pm-search-results__link">{marked(r.title)}</a>
                    {r.category.map(|c| view! { <p class="pm-search-results__category">{c}</p> })}
                    {r.item.map(|q| view! { <p class="pm-search-results__item-question">"W pytaniu: " {q}</p> })}
                    <p class="pm-search-results__snippet">{marked(r.snippet)}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="pm-search-results">{items}</ol> }
}
