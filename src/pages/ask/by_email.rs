//! "Wyślij pytanie e-mailem": with no endpoint configured, the question is ready in a `mailto:`
//! link to the editors' address; the draft stays in the browser until the resident clears the
//! form.

use leptos::prelude::*;

use super::Ask;

#[component]
pub(super) fn ByEmail(ask: Ask, href: String) -> impl IntoView {
    view! {
        <div class="pm-ask-email">
            <h2 class="pm-ask-email__title">"Wyślij pytanie e-mailem"</h2>
            <p>
                "Twój program pocztowy otworzy wiadomość z wpisanym pytaniem. Pytanie zostaje zapisane w tej przeglądarce; po wysłaniu wiadomości możesz wyczyścić formularz."
            </p>
            <a class="pm-button" href=href>
                "Otwórz wiadomość e-mail"
            </a>
            <button
                class="pm-button pm-button--secondary"
                type="button"
                on:click=move |_| ask.again()
            >
                "Wyczyść formularz"
            </button>
        </div>
    }
}
