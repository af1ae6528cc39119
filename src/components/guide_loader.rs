//! Shows the loading state or the data error until the data is there, then the page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::data_error::DataError;
use crate::components::loading_state::LoadingState;
use crate::components::page_head::{HeadInfo, PageHead};
use crate::data::Guide;
use crate::state::{use_app, GuideState};

/// The loaded data, as a page gets it (a plain name, so that `view!` can spell the closure's type).
pub type Loaded = Arc<Guide>;

/// What a page renders from the loaded data. Boxed, so that `GuideLoader` is compiled once for
/// every page rather than once per page (each copy of its states cost a few KB of WebAssembly).
pub struct PageFn(Box<dyn Fn(Arc<Guide>) -> AnyView + Send + Sync>);

impl<F, V> From<F> for PageFn
where
    F: Fn(Arc<Guide>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    fn from(page: F) -> PageFn {
        PageFn(Box::new(move |guide| page(guide).into_any()))
    }
}

/// Renders `page` with the loaded data; meanwhile a loading state, or an error with a retry.
#[component]
pub fn GuideLoader(#[prop(into)] page: PageFn) -> impl IntoView {
    let app = use_app();
    move || match app.guide.get() {
        GuideState::Loading => view! { <LoadingState/> }.into_any(),
        GuideState::Failed(error) => {
            let head = HeadInfo {
                title: Some("Błąd wczytywania danych".into()),
                noindex: true,
                ..HeadInfo::default()
            };
            view! { <PageHead info=head/><DataError error/> }.into_any()
        }
        GuideState::Ready(guide) => (page.0)(guide),
    }
}
