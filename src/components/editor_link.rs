use leptos::prelude::*;

/// "Edytuj w ACMS": for the city's editors, when the embedding page turns editor links on.
#[component]
pub fn EditorLink(href: String) -> impl IntoView {
    view! {
        <p class="pm-editor-link">
            <a href=href target="_blank" rel="noopener noreferrer">
                "Edytuj w ACMS"
                <span class="pm-visually-hidden">" (otworzy się w nowej karcie)"</span>
            </a>
        </p>
    }
}
