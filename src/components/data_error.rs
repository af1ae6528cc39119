use leptos::prelude::*;

use crate::data::LoadError;
use crate::state::use_app;

/// The data could not be used: say so in Polish and offer to try again.
#[component]
pub fn DataError(error: LoadError) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="pm-data-error" role="alert">
            <h1 class="pm-data-error__title">"Nie udało się wczytać poradnika"</h1>
            <p class="pm-data-error__message">{error.message()}</p>
            <button type="button" class="pm-button" on:click=move |_| app.load(false)>
                "Spróbuj ponownie"
            </button>
        </div>
    }
}
