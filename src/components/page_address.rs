use leptos::prelude::*;

use crate::browser;

/// The page's address, shown only on paper, so that a printed answer says where it came from.
#[component]
pub fn PageAddress() -> impl IntoView {
    view! { <p class="pm-page-address">"Adres strony: " {browser::url_without_fragment()}</p> }
}
