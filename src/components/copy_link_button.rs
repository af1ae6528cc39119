//! "Kopiuj link": copies the permanent link of one FAQ item (its `anchor`), and confirms it in
//! words that a screen reader also hears (`about` is the item's question, for the button's
//! name). Where the browser refuses, it shows the link to copy by hand.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;

#[component]
pub fn CopyLinkButton(anchor: String, about: String) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let url = format!("{}#{anchor}", browser::url_without_fragment());
        spawn_local(async move {
            let text = if browser::copy_to_clipboard(&url).await {
                "Skopiowano link do schowka.".to_owned()
            } else {
                format!("Nie udało się skopiować. Link do tej odpowiedzi: {url}")
            };
            // The page may have changed meanwhile; then there is nothing to say it on.
            let _ = status.try_set(text);
        });
    };
    view! {
        <p class="pm-copy-link">
            <button type="button" class="pm-copy-link__button" on:click=copy>
                "Kopiuj link"
                <span class="pm-visually-hidden">{format!(" do odpowiedzi: {about}")}</span>
            </button>
            <span class="pm-copy-link__status" role="status">{move || status.get()}</span>
        </p>
    }
}
