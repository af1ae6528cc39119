//! The question form's address opened by the reading pages' bundle, which does not have the form
//! (see `crate::app::start`): the loader picks the form's bundle for that address, so this shows
//! only when an in-app navigation got here. The page loads again, which starts the right
//! bundle; should that not happen (a loader that does not know the address), a link does it.

use leptos::prelude::*;

use crate::browser;

/// Where a reload for the form was last asked, so that it is asked once per address.
const RELOADED_KEY: &str = "poradnik-mieszkanca:formularz";

/// The form's bundle has started: a later visit of the reading bundle to the form's address may
/// reload again.
pub fn form_bundle_started() {
    if let Some(s) = browser::window().session_storage().ok().flatten() {
        let _ = s.remove_item(RELOADED_KEY);
    }
}

#[component]
pub fn FormElsewhere() -> impl IntoView {
    browser::set_page_title(Some("Zgłoś swoje pytanie"));
    let here = browser::window().location().href().unwrap_or_default();
    let session = browser::window().session_storage().ok().flatten();
    let asked = session
        .as_ref()
        .and_then(|s| s.get_item(RELOADED_KEY).ok().flatten());
    if asked.as_deref() != Some(here.as_str()) {
        if let Some(s) = &session {
            let _ = s.set_item(RELOADED_KEY, &here);
        }
        let _ = browser::window().location().reload();
    }
    view! {
        <div class="pm-ask-page">
            <h1 class="pm-page-title" tabindex="-1">"Zgłoś swoje pytanie"</h1>
            <p role="status">"Wczytywanie formularza…"</p>
            <p><a href=here target="_self">"Otwórz formularz"</a></p>
        </div>
    }
}
