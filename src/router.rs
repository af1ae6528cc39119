//! The app's router: the address as a signal, links within the app followed without a page load,
//! back and forward. Small on purpose: the pages are few (`crate::paths::Route`), and owning it
//! lets the same build route inside a query parameter (`?faq=/…`) of a host page that cannot
//! rewrite URLs, which leptos_router cannot do; `crate::navigation` moves focus and restores
//! scroll after each navigation, which leptos_router does not either.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::config::MOUNT_ID;
use crate::paths::{path_on_this_site, Paths, Route};

/// How long the address waits for typing to pause before [`Router::replace_soon`] writes it:
/// Safari refuses more than 100 history changes in 30 seconds.
const ADDRESS_WRITE_DELAY: Duration = Duration::from_millis(300);

/// The parts of the address the app reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Address {
    pub pathname: String,
    pub search: String,
}

#[derive(Clone, Copy)]
pub struct Router {
    /// The address of the page the app shows: the browser's, except while a write of
    /// [`Router::replace_soon`] waits, or after the browser refused to change its address.
    pub address: RwSignal<Address>,
    paths: StoredValue<Paths>,
    /// The origin of the guide's site (`Config::site_origin`), for absolute addresses.
    origin: StoredValue<String>,
    /// The address [`Router::replace_soon`] will write into the current history entry, and its
    /// timer.
    pending: StoredValue<Option<(String, TimeoutHandle)>>,
}

fn current_address() -> Address {
    let loc = browser::window().location();
    Address {
        pathname: loc.pathname().unwrap_or_default(),
        search: loc.search().unwrap_or_default(),
    }
}

/// Writes `href` into the browser's history: a new entry, or with `replace` the current one
/// rewritten. Whether the browser did.
fn write_history(href: &str, replace: bool) -> bool {
    let Ok(history) = browser::window().history() else {
        return false;
    };
    let done = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    };
    if let Err(e) = &done {
        // Safari's SecurityError after too many changes, for one: the page still changes, its
        // address does not, and the resident stays on this page (never a reload).
        browser::warn(&format!(
            "Poradnik Mieszkańca: the browser did not change the address to {href} ({e:?})"
        ));
    }
    done.is_ok()
}

impl Router {
    /// The page the address names.
    pub fn route(self) -> Route {
        let a = self.address.read();
        self.paths.with_value(|p| p.route(&a.pathname, &a.search))
    }

    /// The guide's own absolute address of the page it shows (see `Paths::canonical`), as the
    /// page the resident came from.
    pub fn page_url(self) -> String {
        let a = self.address.get_untracked();
        let path = self
            .paths
            .with_value(|p| p.canonical(&a.pathname, &a.search));
        format!("{}{path}", self.origin.get_value())
    }

    /// Goes to `href` (a link built by `Paths`): a new history entry, or, with `replace`, the
    /// current one rewritten. New pages start at the top unless the link points at an anchor.
    /// Only an address of another site is left to the browser to load.
    pub fn navigate(self, href: &str, replace: bool) {
        let Some((pathname, search)) = path_on_this_site(href) else {
            self.cancel_pending();
            let _ = browser::window().location().set_href(href);
            return;
        };
        // What the resident typed last is kept in its own history entry before a new one.
        if replace {
            self.cancel_pending();
        } else {
            self.write_pending();
        }
        let address = if write_history(href, replace) {
            current_address()
        } else {
            Address { pathname, search }
        };
        self.address.set(address);
        if !replace && !href.contains('#') {
            browser::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Shows the page at `href` now and rewrites the current history entry once no other call
    /// has come for [`ADDRESS_WRITE_DELAY`]: for the search field, whose every keystroke changes
    /// the address the results follow.
    pub fn replace_soon(self, href: &str) {
        let Some((pathname, search)) = path_on_this_site(href) else {
            self.navigate(href, true);
            return;
        };
        self.cancel_pending();
        let handle = set_timeout_with_handle(
            move || {
                if let Some(Some((href, _))) = self.pending.try_update_value(Option::take) {
                    write_history(&href, true);
                }
            },
            ADDRESS_WRITE_DELAY,
        );
        match handle {
            Ok(handle) => self.pending.set_value(Some((href.to_owned(), handle))),
            Err(_) => {
                write_history(href, true);
            }
        }
        self.address.set(Address { pathname, search });
    }

    /// Writes at once what [`Router::replace_soon`] would write later, if anything.
    fn write_pending(self) {
        if let Some(typed) = self.cancel_pending() {
            write_history(&typed, true);
        }
    }

    /// Stops a pending write of [`Router::replace_soon`]; the address it would have written.
    fn cancel_pending(self) -> Option<String> {
        let (href, timer) = self.pending.try_update_value(Option::take).flatten()?;
        timer.clear();
        Some(href)
    }
}

/// A router that stays at `address`: the publish step renders each page with one
/// (`crate::publish`); it listens to nothing.
pub fn provide_fixed_router(paths: Paths, origin: String, address: Address) -> Router {
    let router = Router {
        address: RwSignal::new(address),
        paths: StoredValue::new(paths),
        origin: StoredValue::new(origin),
        pending: StoredValue::new(None),
    };
    provide_context(router);
    router
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// Creates the router, provides it to the app and listens for link clicks and back/forward.
pub fn provide_router(paths: Paths, origin: String) -> Router {
    let router = Router {
        address: RwSignal::new(current_address()),
        paths: StoredValue::new(paths),
        origin: StoredValue::new(origin),
        pending: StoredValue::new(None),
    };
    provide_context(router);
    on_cleanup(move || {
        router.cancel_pending();
    });

    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        // The entry a pending write was for is no longer the current one.
        router.cancel_pending();
        let now = current_address();
        if router.address.get_untracked() != now {
            router.address.set(now);
        }
    });
    on_cleanup(move || popstate.remove());

    // Leaving or reloading the page: what was typed last is kept in its history entry.
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| router.write_pending());
    on_cleanup(move || pagehide.remove());

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
        // A published page the app has not taken over yet is plain HTML: its links load pages.
        if crate::takeover::published_page_shown() {
            return;
        }
        // Only the guide's own links: those of a host page around it are the host's, even when
        // they point at the guide.
        if a.closest(&format!("#{MOUNT_ID}")).ok().flatten().is_none() {
            return;
        }
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
        // "http://this.site//x" is this site's, but "//x" alone would name another.
        if pathname.starts_with("//") {
            return;
        }
        // Only addresses of the app's own pages; anything else on the same site (a page of the
        // host, a file) is the browser's to open.
        if router
            .paths
            .with_value(|p| p.route_of_link(&pathname, &search))
            .is_none()
        {
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
