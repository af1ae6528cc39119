use leptos::prelude::*;

use crate::app::use_app;
use crate::data::LoadError;

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
