//! "Dziękujemy!": the question was accepted. What was sent, as the resident reads it back, and
//! "Zadaj kolejne pytanie", which empties the form for another one.

use leptos::prelude::*;

use super::{category_name, Ask};
use crate::submission::draft::Draft;
use crate::submission::outcome::Outcome;

#[component]
pub(super) fn Sent(ask: Ask, sent: Draft) -> impl IntoView {
    let category =
        untrack(|| category_name(ask.app, &sent.category)).unwrap_or_else(|| "Nie wiem".to_owned());
    let email = match sent.email.trim() {
        "" => "Nie podano – bez odpowiedzi e-mailem".to_owned(),
        e => e.to_owned(),
    };
    view! {
        <div class="pm-ask-sent">
            <h2 class="pm-ask-sent__title">{Outcome::Accepted.message()}</h2>
            <p>"Wysłaliśmy:"</p>
            <dl class="pm-ask-sent__details">
                <dt>"Pytanie"</dt>
                <dd>{sent.question.trim().to_owned()}</dd>
                <dt>"Kategoria"</dt>
                <dd>{category}</dd>
                <dt>"Adres e-mail do odpowiedzi"</dt>
                <dd>{email}</dd>
            </dl>
            <button
                class="pm-button pm-button--secondary"
                type="button"
                on:click=move |_| ask.again()
            >
                "Zadaj kolejne pytanie"
            </button>
        </div>
    }
}
