use leptos::prelude::*;

/// What a resident sees while the questions are on their way.
#[component]
pub fn LoadingState() -> impl IntoView {
    view! {
        <div class="pm-loading" role="status" aria-live="polite">
            <span class="pm-loading__spinner" aria-hidden="true"></span>
            "Wczytywanie pytań i odpowiedzi…"
        </div>
    }
}
