//! The app frame: reads the configuration, fetches the data, and routes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use gloo_net::http::Request;

use crate::browser;
use crate::components::data_problems::DataProblems;
use crate::components::kept_data_note::KeptDataNote;
use crate::components::search_box::SearchBox;
use crate::components::skip_link::SkipLink;
use crate::config::{Config, MOUNT_ID};
use crate::data::{load_document, Guide, LoadError};
use crate::pages::{CategoryPage, FormElsewhere, HomePage, NotFoundPage, QuestionPage, SearchPage};
use crate::paths::{AskPrefill, Route};
use crate::request;
use crate::router::provide_router;
use crate::search::index::IndexBuilder;
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
    /// The search index of the current guide, once built (see [`AppContext::index_guide`]).
    pub search: RwSignal<Option<Arc<SearchIndex>>>,
    /// Whether `search` holds titles and tags only, the whole text being indexed meanwhile.
    pub search_partial: RwSignal<bool>,
    /// The resident's last search, sent along with a question they ask.
    pub last_search: RwSignal<String>,
    /// When the kept copy of the data shown was saved (Unix ms), while the network fails.
    pub data_kept_at: RwSignal<Option<i64>>,
    /// When a retry last found the network still failing (Unix ms).
    pub data_checked_at: RwSignal<Option<i64>>,
    /// What the search's live region should say once the resident pauses typing.
    pub announcement: RwSignal<String>,
}

impl AppContext {
    /// Builds the search index of `guide` in slices of a few hundred questions, yielding to the
    /// browser between slices, so that a large guide never freezes the page; the search page says
    /// "Przygotowuję wyszukiwarkę…" until it is done. A large guide is searchable by titles and
    /// tags first (see [`search::HEADINGS_FIRST_FROM`]).
    fn index_guide(self, guide: Arc<Guide>) {
        const SLICE: usize = 250;
        self.search.set(None);
        self.search_partial.set(false);
        // Whether `guide` is still the one shown: a newer load may have replaced it meanwhile.
        let current = move |guide: &Arc<Guide>| matches!(self.guide.get_untracked(), GuideState::Ready(g) if Arc::ptr_eq(&g, guide));
        spawn_local(async move {
            if guide.questions.len() >= search::HEADINGS_FIRST_FROM {
                let mut builder = IndexBuilder::default();
                for (i, doc) in search::heading_iter(&guide).enumerate() {
                    builder.add(&doc);
                    if i % (SLICE * 8) == SLICE * 8 - 1 {
                        browser::next_task().await;
                    }
                }
                if !current(&guide) {
                    return;
                }
                self.search.set(Some(Arc::new(builder.finish())));
                self.search_partial.set(true);
                browser::next_task().await;
            }
            let mut builder = IndexBuilder::default();
            for (i, doc) in search::document_iter(&guide).enumerate() {
                builder.add(&doc);
                if i % SLICE == SLICE - 1 {
                    browser::next_task().await;
                }
            }
            if current(&guide) {
                self.search.set(Some(Arc::new(builder.finish())));
                self.search_partial.set(false);
            }
        });
    }

    /// Fetches the data document (again), showing the loading state meanwhile; `quietly` (when
    /// the network is back and a kept copy is shown) the page stays as it is unless newer data
    /// arrives.
    pub fn load(self, quietly: bool) {
        let url = self.config.with_value(|c| c.faq_url.clone());
        if !quietly {
            self.guide.set(GuideState::Loading);
        }
        spawn_local(async move {
            match fetch_guide(&url).await {
                Ok((guide, kept_at)) => {
                    if quietly && kept_at.is_some() {
                        // Still no network: the copy shown is the best there is; the note says
                        // when it was last checked, so a retry is never silent.
                        self.data_checked_at.set(Some(browser::now_unix_ms()));
                        return;
                    }
                    self.data_checked_at.set(None);
                    self.data_kept_at.set(kept_at);
                    if kept_at.is_some() {
                        browser::when_online(move || self.load(true));
                    }
                    // The pages first, then the search index, built without blocking them.
                    let guide = Arc::new(guide);
                    self.guide.set(GuideState::Ready(guide.clone()));
                    self.index_guide(guide);
                }
                Err(e) => {
                    browser::error(&format!(
                        "Poradnik Mieszkańca: could not load {url}: {}",
                        e.detail()
                    ));
                    if !quietly {
                        self.guide.set(GuideState::Failed(e));
                    }
                }
            }
        });
    }
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

/// How long the data may take before the page says it could not be loaded (or shows the kept
/// copy).
const DATA_TIMEOUT_MS: u32 = 15_000;
/// The last good data document, kept in the browser for when the network fails:
/// "{saved at, Unix ms}\n{its URL}\n{the document}".
const KEPT_DATA_KEY: &str = "poradnik-mieszkanca:dane";
/// The largest document kept (bytes of UTF-8; localStorage counts UTF-16 units).
const MAX_KEPT_BYTES: usize = 2 * 1024 * 1024;

/// The guide, and when the copy it comes from was kept if the network failed and a kept copy
/// stands in. Revalidation is the browser's: its HTTP cache asks the CDN with the ETag it has.
async fn fetch_guide(url: &str) -> Result<(Guide, Option<i64>), LoadError> {
    let error = match fetch_text(url).await {
        Ok(text) => {
            let guide = load_document(&text)?;
            for problem in &guide.problems {
                browser::warn(&format!("Poradnik Mieszkańca, dane: {problem}"));
            }
            // Browsers keep about 5 MB per site; a larger document is not copied at all (a copy
            // of a very large one, and its passage to JS, could exhaust the tab's memory).
            let kept = text.len() <= MAX_KEPT_BYTES
                && browser::store(
                    KEPT_DATA_KEY,
                    &format!("{}\n{url}\n{text}", browser::now_unix_ms()),
                );
            if !kept {
                browser::warn("Poradnik Mieszkańca: the data is too large to keep for offline use");
            }
            return Ok((guide, None));
        }
        Err(e) => e,
    };
    // No network, no answer in time, or a server error: the last good copy, if there is one.
    if matches!(error, LoadError::Network(_) | LoadError::Http(500..)) {
        let kept = browser::stored(KEPT_DATA_KEY).unwrap_or_default();
        let mut parts = kept.splitn(3, '\n');
        if let (Some(at), Some(kept_url), Some(text)) = (parts.next(), parts.next(), parts.next()) {
            if let (Ok(at), true, Ok(guide)) = (at.parse(), kept_url == url, load_document(text)) {
                return Ok((guide, Some(at)));
            }
        }
    }
    Err(error)
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let answer = request::send(Request::get(url), None, DATA_TIMEOUT_MS)
        .await
        .map_err(LoadError::Network)?;
    if !(200..300).contains(&answer.status) {
        return Err(LoadError::Http(answer.status));
    }
    Ok(answer.body)
}

/// If the app ever panics (the WebAssembly then stops), the resident still gets words and a way
/// out instead of a frozen page.
fn show_message_on_panic() {
    std::panic::set_hook(Box::new(|info| {
        browser::error(&format!("Poradnik Mieszkańca stopped: {info}"));
        let doc = browser::document();
        let Some(el) = doc.get_element_by_id(MOUNT_ID) else {
            return;
        };
        el.set_text_content(None);
        if let (Ok(p), Ok(a)) = (doc.create_element("p"), doc.create_element("a")) {
            let _ = p.set_attribute("role", "alert");
            p.set_text_content(Some("Wystąpił nieoczekiwany błąd poradnika. "));
            let _ = a.set_attribute("href", "");
            a.set_text_content(Some("Odśwież stronę"));
            let _ = p.append_child(&a);
            let _ = el.append_child(&p);
        }
    }));
}

/// What renders the question form, in the bundle that has it (see [`start`]).
pub type FormPage = fn(AskPrefill) -> AnyView;

/// Mounts the app into `#poradnik-mieszkanca`, configured by that element's `data-*` attributes.
///
/// The app ships as two bundles of the same code: the reading pages' (`src/main.rs`, `form:
/// None`) and the question form's (`src/bin/formularz.rs`, which also has every reading page).
/// The form always opens in a new tab, so the loader (`scripts/finish-dist.mjs`) picks the
/// bundle by the address it starts at, and the reading pages never download the form.
pub fn start(form: Option<FormPage>) {
    show_message_on_panic();
    let Some(el) = browser::document().get_element_by_id(MOUNT_ID) else {
        browser::error(&format!(
            "Poradnik Mieszkańca: no element with id=\"{MOUNT_ID}\" to mount into"
        ));
        return;
    };
    let location = browser::window().location();
    let config = Config::from_attributes(
        |name| el.get_attribute(name),
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    );
    browser::set_title_managed(config.manage_title);
    for warning in &config.warnings {
        browser::warn(&format!("Poradnik Mieszkańca: {warning}"));
    }
    // The element may hold a message for browsers without WebAssembly; the app replaces it.
    el.set_text_content(None);
    leptos::mount::mount_to(el.unchecked_into(), move || view! { <App config form/> }).forget();
}

#[component]
pub fn App(config: Config, form: Option<FormPage>) -> impl IntoView {
    let ctx = AppContext {
        config: StoredValue::new(config),
        guide: RwSignal::new(GuideState::Loading),
        search: RwSignal::new(None),
        announcement: RwSignal::new(String::new()),
        search_partial: RwSignal::new(false),
        last_search: RwSignal::new(String::new()),
        data_kept_at: RwSignal::new(None),
        data_checked_at: RwSignal::new(None),
    };
    provide_context(ctx);
    ctx.load(false);

    let router = provide_router(ctx.config.with_value(|c| c.paths.clone()));
    let route = Memo::new(move |_| router.route());
    crate::navigation::manage_focus_and_scroll();

    view! {
        <div class="pm-app">
            <SkipLink target="pm-tresc"/>
            <SearchBox/>
            <KeptDataNote/>
            <main class="pm-main" id="pm-tresc" tabindex="-1">
                {move || match route.get() {
                    Route::Home => view! { <HomePage/> }.into_any(),
                    Route::Category(id) => view! { <CategoryPage id/> }.into_any(),
                    Route::Question(id) => view! { <QuestionPage id/> }.into_any(),
                    Route::Search(query) => view! { <SearchPage query/> }.into_any(),
                    Route::Ask(prefill) => match form {
                        Some(page) => page(prefill),
                        None => view! { <FormElsewhere/> }.into_any(),
                    },
                    Route::NotFound => view! { <NotFoundPage/> }.into_any(),
                }}
            </main>
            <DataProblems/>
        </div>
    }
}
