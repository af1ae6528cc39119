//! The app frame: reads the configuration, provides the shared state (`crate::state`), starts
//! loading the data, and routes; takes over a page published as HTML (`crate::takeover`).

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
use crate::router::{provide_router, use_router};
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
        // A published page the app has not taken over yet stays: it is readable as it is.
        if crate::takeover::published_page_shown() {
            crate::takeover::open_published(&el);
            return;
        }
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
///
/// When the element already holds the page (published HTML, or a CMS's included fragment: see
/// `crate::publish`), the app renders apart and takes the page over once its data is there
/// (`crate::takeover`); else it renders into the element at once.
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
    let own_head = config.manage_title && !config.paths.in_host_page();
    let published = crate::takeover::Published::find(&el, own_head);
    let into = match &published {
        Some(page) => page.apart(),
        None => {
            // The element may hold a message for browsers without WebAssembly; the app replaces it.
            el.set_text_content(None);
            el.clone()
        }
    };
    let rendering_here = published.is_none();
    // The app lives as long as the page: its mount handle is never dropped (the only `forget`).
    leptos::mount::mount_to(into.unchecked_into(), move || {
        view! { <App config form published/> }
    })
    .forget();
    if rendering_here {
        crate::takeover::mark_started(&el);
    }
}

/// The app with its state, router and head tags; `published` is the page it takes over.
#[component]
fn App(
    config: Config,
    form: Option<FormPage>,
    published: Option<crate::takeover::Published>,
) -> impl IntoView {
    leptos_meta::provide_meta_context();
    let origin = config.site_origin(&browser::page_origin()).to_owned();
    let paths = config.paths.clone();
    let ctx = AppContext::new(config);
    provide_context(ctx);
    ctx.load(false);
    ctx.send_votes_when_possible();
    let router = provide_router(paths, origin);
    crate::navigation::manage_focus_and_scroll();
    // A split site: each page's document once the entry is there (and again after a reload).
    if ctx.is_split() {
        Effect::new(move |_| {
            let route = router.route();
            ctx.guide.track();
            ctx.fetch_page_data(&route);
        });
    }
    if let Some(page) = published {
        let form = matches!(router.route(), Route::Ask(_));
        page.take_over_when_ready(ctx, form);
    }
    view! { <Frame form/> }
}

/// What every page shows around its content: the skip link, the search field, the note about
/// kept data, the page, and the data's problems for editors. The same in the browser and in
/// the published HTML (`crate::publish` renders it with a fixed router).
#[component]
pub fn Frame(form: Option<FormPage>) -> impl IntoView {
    let router = use_router();
    let route = Memo::new(move |_| router.route());
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
