//! The error line of a field ("Błąd: Wpisz swoje pytanie"), above its control: hidden while the
//! field has none; its id (`pm-pytanie-blad`) is in the control's `aria-describedby` when shown.

use leptos::prelude::*;

use super::{error_id, Ask};
use crate::submission::rules::Field;

#[component]
pub(super) fn FieldError(ask: Ask, field: Field) -> impl IntoView {
    let message = move || ask.errors.with(|e| e.message(field).map(str::to_owned));
    view! {
        <p class="pm-ask-form__error" id=error_id(field) hidden=move || message().is_none()>
            {move || {
                message().map(|m| view! { <span class="pm-visually-hidden">"Błąd: "</span>{m} })
            }}
        </p>
    }
}
