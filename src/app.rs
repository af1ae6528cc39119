//! The app frame: reads the configuration, fetches the data, and routes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::data_problems::DataProblems;
use crate::components::search_box::SearchBox;
use crate::components::skip_link::SkipLink;
use crate::config::{Config, MOUNT_ID};
use crate::data::{load_document, Guide, LoadError};
use crate::pages::{CategoryPage, HomePage, NotFoundPage, QuestionPage, SearchPage};
use crate::search::{self, SearchIndex};

/// Where the data is on its way to the page.
#[derive(Clone)]
pub enum GuideState {
    Loading,
    Ready(Arc<Guide>),
    Failed(LoadError),
}

/// Shared by every page: the settings, the data, and the search index built from it.
#[derive(Clone, Copy)]
pub struct AppContext {
    pub config: StoredValue<Config>,
    pub guide: RwSignal<GuideState>,
    /// The index of the guide it was built from (compared by pointer), built on first use.
    search: StoredValue<Option<(usize, Arc<SearchIndex>)>>,
    /// What the search's live region should say once the resident pauses typing.
    pub announcement: RwSignal<String>,
}

impl AppContext {
    /// The search index of `guide`, built the first time it is needed.
    pub fn search_index(self, guide: &Arc<Guide>) -> Arc<SearchIndex> {
        let key = Arc::as_ptr(guide) as usize;
        if let Some((k, index)) = self.search.get_value() {
            if k == key {
                return index;
            }
        }
        let index = Arc::new(SearchIndex::build_from(search::document_iter(guide)));
        self.search.set_value(Some((key, index.clone())));
        index
    }

    /// Fetches the data document (again), showing the loading state meanwhile.
    pub fn load(self) {
        let url = self.config.with_value(|c| c.faq_url.clone());
        self.guide.set(GuideState::Loading);
        spawn_local(async move {
            let state = match fetch_guide(&url).await {
                Ok(guide) => GuideState::Ready(Arc::new(guide)),
                Err(e) => {
                    browser::error(&format!(
                        "Poradnik Mieszkańca: could not load {url}: {}",
                        e.detail()
                    ));
                    GuideState::Failed(e)
                }
            };
            self.guide.set(state);
        });
    }
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

async fn fetch_guide(url: &str) -> Result<Guide, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    let guide = load_document(&text)?;
    for problem in &guide.problems {
        browser::warn(&format!("Poradnik Mieszkańca, dane: {problem}"));
    }
    Ok(guide)
}

/// Mounts the app into `#poradnik-mieszkanca`, configured by that element's `data-*` attributes.
pub fn start() {
    let Some(el) = browser::document().get_element_by_id(MOUNT_ID) else {
        browser::error(&format!(
            "Poradnik Mieszkańca: no element with id=\"{MOUNT_ID}\" to mount into"
        ));
        return;
    };
    let config = Config::from_attributes(|name| el.get_attribute(name));
    for warning in &config.warnings {
        browser::warn(&format!("Poradnik Mieszkańca: {warning}"));
    }
    // The element may hold a message for browsers without WebAssembly; the app replaces it.
    el.set_text_content(None);
    leptos::mount::mount_to(el.unchecked_into(), move || view! { <App config/> }).forget();
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    let base = config.paths.router_base();
    let ctx = AppContext {
        config: StoredValue::new(config),
        guide: RwSignal::new(GuideState::Loading),
        search: StoredValue::new(None),
        announcement: RwSignal::new(String::new()),
    };
    provide_context(ctx);
    ctx.load();

    view! {
        <Router base=base.unwrap_or_default()>
            <NavigationEffects/>
            <div class="pm-app">
                <SkipLink target="pm-tresc"/>
                <SearchBox/>
                <main class="pm-main" id="pm-tresc" tabindex="-1">
                    <Routes fallback=|| view! { <NotFoundPage/> }>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/kategoria/:id") view=CategoryPage/>
                        <Route path=path!("/pytanie/:id") view=QuestionPage/>
                        <Route path=path!("/szukaj") view=SearchPage/>
                    </Routes>
                </main>
                <DataProblems/>
            </div>
        </Router>
    }
}

/// Focus and scroll after route changes (see `crate::navigation`); renders nothing.
#[component]
fn NavigationEffects() -> impl IntoView {
    crate::navigation::manage_focus_and_scroll();
}
