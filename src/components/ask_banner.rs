//! "Portal w rozbudowie… Zgłoś swoje pytanie do bazy!": the way to the form, which opens in a new
//! tab and says so in words that every reader gets (they are part of the link's name).

use leptos::prelude::*;

use crate::paths::AskPrefill;
use crate::router::use_router;
use crate::state::use_app;

/// Shown only where questions can be asked (an endpoint or an e-mail address is configured).
/// Its first words are the data's `portal.notice` (the contract calls it "the banner text"), and
/// the link carries the page it was on and the resident's last search, for the question's
/// `context`.
#[component]
pub fn AskBanner(notice: Option<String>) -> impl IntoView {
    let app = use_app();
    let (can_ask, paths) = app.config.with_value(|c| (c.can_ask(), c.paths.clone()));
    let router = use_router();
    can_ask.then(|| {
        let href = paths.ask(&AskPrefill {
            question: String::new(),
            from: router.page_url(),
            search: app.last_search.get_untracked(),
        });
        let text = notice.unwrap_or_else(|| "Nie ma tu odpowiedzi, której szukasz?".to_owned());
        view! {
            <aside class="pm-ask-banner" aria-label="Zgłoś swoje pytanie">
                <p class="pm-ask-banner__text">
                    {text} " "
                    <NewTabLink href text="Zgłoś swoje pytanie do bazy!"/>
                </p>
            </aside>
        }
    })
}

/// A link to the form that opens in a new tab, with the warning inside the link.
#[component]
pub fn NewTabLink(href: String, text: &'static str) -> impl IntoView {
    view! {
        <a class="pm-ask-banner__link" href=href target="_blank" rel="noopener">
            {text}
            <span class="pm-ask-banner__new-tab">" – otworzy się w nowej karcie"</span>
        </a>
    }
}
