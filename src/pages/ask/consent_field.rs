//! "Zgadzam się…": the consent to use the e-mail address for the answer, needed only with an
//! address; described by the information clause below it.

use leptos::prelude::*;

use super::field_error::FieldError;
use super::{field_id, Ask};
use crate::submission::rules::Field;

const FIELD: Field = Field::Consent;

#[component]
pub(super) fn ConsentField(ask: Ask) -> impl IntoView {
    view! {
        <div class=ask.group_class(FIELD)>
            <FieldError ask field=FIELD/>
            <div class="pm-ask-form__checkbox">
                <input
                    id=field_id(FIELD)
                    name="consent"
                    type="checkbox"
                    aria-describedby=ask.described_by(FIELD, "pm-privacy-notice-title")
                    aria-invalid=ask.invalid(FIELD)
                    disabled=ask.sending()
                    prop:checked=move || ask.draft.with(|d| d.consent)
                    on:change:target=move |ev| ask.edit(|d| d.consent = ev.target().checked())
                />
                <label for=field_id(FIELD)>
                    "Zgadzam się, aby mój adres e-mail był użyty do odpowiedzi na to pytanie (zgoda potrzebna tylko, gdy podajesz adres)."
                </label>
            </div>
        </div>
    }
}
