//! "Adres e-mail (nieobowiązkowo)": where the answer can be sent; without it the question still
//! reaches the editors.

use leptos::prelude::*;

use super::field_error::FieldError;
use super::{field_id, Ask};
use crate::submission::rules::Field;

const FIELD: Field = Field::Email;

#[component]
pub(super) fn EmailField(ask: Ask) -> impl IntoView {
    view! {
        <div class=ask.group_class(FIELD)>
            <label class="pm-ask-form__label" for=field_id(FIELD)>
                "Adres e-mail (nieobowiązkowo)"
            </label>
            <p class="pm-ask-form__hint" id="pm-email-podpowiedz">
                "Podaj go, jeśli chcesz dostać odpowiedź. Bez adresu pytanie też trafi do redakcji."
            </p>
            <FieldError ask field=FIELD/>
            <input
                class="pm-ask-form__input"
                id=field_id(FIELD)
                name="email"
                type="email"
                autocomplete="email"
                spellcheck="false"
                aria-describedby=ask.described_by(FIELD, "pm-email-podpowiedz")
                aria-invalid=ask.invalid(FIELD)
                readonly=ask.sending()
                prop:value=move || ask.draft.with(|d| d.email.clone())
                on:input:target=move |ev| ask.edit(|d| d.email = ev.target().value())
            />
        </div>
    }
}
