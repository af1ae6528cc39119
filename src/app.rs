//! The app frame: reads the configuration, provides the shared state (`crate::state`), starts
//! loading the data, and routes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::data_problems::DataProblems;
use crate::components::kept_data_note::KeptDataNote;
use crate::components::search_box::SearchBox;
use crate::components::skip_link::SkipLink;
use crate::config::{Config, MOUNT_ID};
use crate::pages::{CategoryPage, FormElsewhere, HomePage, NotFoundPage, QuestionPage, SearchPage};
use crate::paths::{AskPrefill, Route};
use crate::router::provide_router;
use crate::state::AppContext;
use crate::submission::draft::{is_expired, DRAFT_KEY};

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
    if form.is_some() {
        crate::pages::form_bundle_started();
    }
    // A draft of a question past its time limit goes, whichever page the resident opens.
    if let Some(kept) = browser::stored(DRAFT_KEY) {
        if is_expired(&kept, browser::now_unix_ms()) {
            browser::forget(DRAFT_KEY);
        }
    }
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
    // The app lives as long as the page: its mount handle is never dropped (the only `forget`).
    leptos::mount::mount_to(el.unchecked_into(), move || view! { <App config form/> }).forget();
}

#[component]
pub fn App(config: Config, form: Option<FormPage>) -> impl IntoView {
    let ctx = AppContext::new(config);
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
