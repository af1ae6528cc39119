use leptos::prelude::*;

use crate::text::date::Date;

/// "Ostatnia aktualizacja: 12 czerwca 2025", with a machine-readable `<time>`.
#[component]
pub fn UpdateDate(date: Date) -> impl IntoView {
    view! {
        <p class="pm-update-date">
            "Ostatnia aktualizacja: "
            <time datetime=date.iso()>{date.polish()}</time>
        </p>
    }
}
