use leptos::prelude::*;

use crate::data::LoadError;
use crate::paths::Route;
use crate::state::use_app;

/// The data could not be used: say so in Polish and offer to try again (the whole guide, or with
/// `page` only that page's document of a split site).
#[component]
pub fn DataError(error: LoadError, #[prop(optional)] page: Option<Route>) -> impl IntoView {
    let app = use_app();
    let retry = move |_| match &page {
        Some(route) => app.retry_page(route),
        None => app.load(false),
    };
    view! {
        <div class="pm-data-error" role="alert">
            <h1 class="pm-data-error__title">"Nie udało się wczytać poradnika"</h1>
            <p class="pm-data-error__message">{error.message()}</p>
            <button type="button" class="pm-button" on:click=retry>
                "Spróbuj ponownie"
            </button>
        </div>
    }
}
