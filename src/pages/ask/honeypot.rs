//! The honeypot: a field off the page for people and hidden from assistive technology, out of
//! the tab order; only a program fills it in, and the server then drops the question.

use leptos::prelude::*;

use super::Ask;

#[component]
pub(super) fn Honeypot(ask: Ask) -> impl IntoView {
    view! {
        <div class="pm-ask-form__trap" aria-hidden="true">
            <label for="pm-strona-www">"Strona internetowa"</label>
            <input
                id="pm-strona-www"
                name="website"
                type="text"
                tabindex="-1"
                autocomplete="off"
                node_ref=ask.trap
            />
        </div>
    }
}
