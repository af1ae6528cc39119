//! "Twoje pytanie": the question, with how many characters are left under it. The count is
//! said to screen readers once the resident pauses for a second, not at every key.

use std::time::Duration;

use leptos::prelude::*;

use super::field_error::FieldError;
use super::{field_id, Ask};
use crate::submission::rules::{length_hint, Field};

const FIELD: Field = Field::Question;

#[component]
pub(super) fn QuestionField(ask: Ask) -> impl IntoView {
    // The pause before the count is said: restarted at every key, cleared with the page.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    };
    on_cleanup(stop);
    let on_input = move |question: String| {
        ask.edit(|d| d.question = question);
        stop();
        let speak = move || {
            ask.spoken
                .set(ask.draft.with_untracked(|d| length_hint(&d.question)))
        };
        timer.set_value(set_timeout_with_handle(speak, Duration::from_secs(1)).ok());
    };
    view! {
        <div class=ask.group_class(FIELD)>
            <label class="pm-ask-form__label" for=field_id(FIELD)>
                "Twoje pytanie"
            </label>
            <p class="pm-ask-form__hint" id="pm-pytanie-podpowiedz">
                "Od 10 do 2000 znaków. Nie wpisuj danych osobowych, np. numeru PESEL."
            </p>
            <FieldError ask field=FIELD/>
            <textarea
                class="pm-ask-form__textarea"
                id=field_id(FIELD)
                name="question"
                rows="6"
                aria-describedby=ask.described_by(FIELD, "pm-pytanie-podpowiedz pm-pytanie-licznik")
                aria-invalid=ask.invalid(FIELD)
                readonly=ask.sending()
                prop:value=move || ask.draft.with(|d| d.question.clone())
                on:input:target=move |ev| on_input(ev.target().value())
            ></textarea>
            <p class="pm-ask-form__count" id="pm-pytanie-licznik" aria-hidden="true">
                {move || ask.draft.with(|d| length_hint(&d.question))}
            </p>
            <p class="pm-visually-hidden" aria-live="polite">
                {move || ask.spoken.get()}
            </p>
        </div>
    }
}
