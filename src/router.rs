//! The app's router: the address as a signal, links within the app followed without a page load,
//! back and forward. Small on purpose: the pages are few (`crate::paths::Route`), and owning it
//! lets the same build route inside a query parameter (`?faq=/…`) of a host page that cannot
//! rewrite URLs, which leptos_router cannot do; `crate::navigation` moves focus and restores
//! scroll after each navigation, which leptos_router does not either.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::paths::{Paths, Route};

/// The parts of the address the app reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Address {
    pub pathname: String,
    pub search: String,
}

#[derive(Clone, Copy)]
pub struct Router {
    pub address: RwSignal<Address>,
    paths: StoredValue<Paths>,
}

fn current_address() -> Address {
    let loc = browser::window().location();
    Address {
        pathname: loc.pathname().unwrap_or_default(),
        search: loc.search().unwrap_or_default(),
    }
}

impl Router {
    /// The page the address names.
    pub fn route(self) -> Route {
        let a = self.address.read();
        self.paths.with_value(|p| p.route(&a.pathname, &a.search))
    }

    /// Goes to `href` (a link built by `Paths`): a new history entry, or, with `replace`, the
    /// current one rewritten (as while typing a search). New pages start at the top unless the
    /// link points at an anchor.
    pub fn navigate(self, href: &str, replace: bool) {
        let Ok(history) = browser::window().history() else {
            return;
        };
        let done = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        };
        if done.is_err() {
            // Not a same-origin address after all: let the browser go there.
            let _ = browser::window().location().set_href(href);
            return;
        }
        self.address.set(current_address());
        if !replace && !href.contains('#') {
            browser::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// Creates the router, provides it to the app and listens for link clicks and back/forward.
pub fn provide_router(paths: Paths) -> Router {
    let router = Router {
        address: RwSignal::new(current_address()),
        paths: StoredValue::new(paths),
    };
    provide_context(router);

    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let now = current_address();
        if router.address.get_untracked() != now {
            router.address.set(now);
        }
    });
    on_cleanup(move || popstate.remove());

    let click = window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let rel = a.rel();
        if !a.target().is_empty()
            || a.has_attribute("download")
            || rel.split_whitespace().any(|r| r == "external")
        {
            return;
        }
        let loc = browser::window().location();
        if a.origin() != loc.origin().unwrap_or_default() {
            return;
        }
        let (pathname, search, hash) = (a.pathname(), a.search(), a.hash());
        // Only addresses of the app's own pages; anything else on the same site (a page of the
        // host, a file) is the browser's to open.
        if router.paths.with_value(|p| p.route(&pathname, &search)) == Route::NotFound {
            return;
        }
        // A link to an anchor of this same page: the browser scrolls, and `hashchange` tells
        // whoever cares (the FAQ accordion).
        if pathname == loc.pathname().unwrap_or_default()
            && search == loc.search().unwrap_or_default()
            && !hash.is_empty()
        {
            return;
        }
        ev.prevent_default();
        router.navigate(&format!("{pathname}{search}{hash}"), false);
    });
    on_cleanup(move || click.remove());
    router
}
