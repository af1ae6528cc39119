use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;

/// "Kopiuj link": copies the permanent link of one FAQ item, and confirms it in words that a
/// screen reader also hears. Where the browser refuses, it shows the link to copy by hand.
#[component]
pub fn CopyLinkButton(
    anchor: String,
    /// What the link points at, for screen readers: the FAQ item's question.
    about: String,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let copy = move |_| {
        let url = format!("{}#{anchor}", browser::url_without_fragment());
        spawn_local(async move {
            let text = if browser::copy_to_clipboard(&url).await {
                "Skopiowano link do schowka.".to_owned()
            } else {
                format!("Nie udało się skopiować. Link do tej odpowiedzi: {url}")
            };
            message.set(text);
        });
    };
    view! {
        <p class="pm-copy-link">
            <button type="button" class="pm-copy-link__button" on:click=copy>
                "Kopiuj link"<span class="pm-visually-hidden">{format!(" do odpowiedzi: {about}")}</span>
            </button>
            <span class="pm-copy-link__status" role="status">{move || message.get()}</span>
        </p>
    }
}
