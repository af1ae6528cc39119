use leptos::prelude::*;

/// The note under every answer about where its content comes from.
#[component]
pub fn Disclaimer(text: String) -> impl IntoView {
    view! { <p class="pm-disclaimer">{text}</p> }
}
