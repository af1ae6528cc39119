//! "Czego dotyczy pytanie? (nieobowiązkowo)": "Nie wiem", then the guide's categories once the
//! data is loaded. A category kept in the draft that the data does not have becomes "Nie wiem".

use leptos::prelude::*;

use super::field_error::FieldError;
use super::{categories, category_name, field_id, Ask};
use crate::state::GuideState;
use crate::submission::rules::Field;

const FIELD: Field = Field::Category;

#[component]
pub(super) fn CategoryField(ask: Ask) -> impl IntoView {
    let app = ask.app;
    // Checked once, when the data first arrives (until then any category is left for the
    // server to judge). A draft without a category of the data is saved then as it is, with
    // "Nie wiem" (and the question a link brought, if any).
    Effect::new(move |checked: Option<bool>| {
        if checked == Some(true) || !matches!(*app.guide.read(), GuideState::Ready(_)) {
            return checked.unwrap_or(false);
        }
        let kept = ask.draft.with_untracked(|d| d.category.clone());
        if category_name(app, &kept).is_none() {
            ask.draft.update(|d| d.category.clear());
            ask.save();
        }
        true
    });
    // The options change with the data, and so does this: the value is set after them, and a
    // category the options do not have (yet) shows as "Nie wiem".
    let value = move || {
        let category = ask.draft.with(|d| d.category.clone());
        match category_name(app, &category) {
            Some(_) => category,
            None => String::new(),
        }
    };
    let options = move || {
        categories(app)
            .into_iter()
            .map(|(id, name)| view! { <option value=id>{name}</option> })
            .collect_view()
    };
    view! {
        <div class=ask.group_class(FIELD)>
            <label class="pm-ask-form__label" for=field_id(FIELD)>
                "Czego dotyczy pytanie? (nieobowiązkowo)"
            </label>
            <FieldError ask field=FIELD/>
            <select
                class="pm-ask-form__select"
                id=field_id(FIELD)
                name="category"
                aria-describedby=ask.described_by(FIELD, "")
                aria-invalid=ask.invalid(FIELD)
                disabled=ask.sending()
                prop:value=value
                on:change:target=move |ev| ask.edit(|d| d.category = ev.target().value())
            >
                <option value="">"Nie wiem"</option>
                {options}
            </select>
        </div>
    }
}
