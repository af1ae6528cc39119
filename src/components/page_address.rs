use leptos::prelude::*;

use crate::router::use_router;

/// The page's address, shown only on paper, so that a printed answer says where it came from:
/// the guide's own address of the page (the same in the published HTML and in the app).
#[component]
pub fn PageAddress() -> impl IntoView {
    view! { <p class="pm-page-address">"Adres strony: " {use_router().page_url()}</p> }
}
