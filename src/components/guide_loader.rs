//! Shows the loading state or the data error until the data is there, then the page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::{use_app, GuideState};
use crate::browser;
use crate::components::data_error::DataError;
use crate::components::loading_state::LoadingState;
use crate::data::Guide;

/// Renders `page` with the loaded data; meanwhile a loading state, or an error with a retry.
#[component]
pub fn GuideLoader<F, V>(page: F) -> impl IntoView
where
    F: Fn(Arc<Guide>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let app = use_app();
    move || match app.guide.get() {
        GuideState::Loading => view! { <LoadingState/> }.into_any(),
        GuideState::Failed(error) => {
            browser::set_page_title(Some("Błąd wczytywania danych"));
            view! { <DataError error/> }.into_any()
        }
        GuideState::Ready(guide) => page(guide).into_any(),
    }
}
