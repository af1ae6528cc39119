//! What a screen-reader or keyboard user needs after a route change, which leptos_router does not
//! do: focus moves to the new page's `h1` (never on the first load), and the scroll position goes
//! to the top for new pages and back to where it was on back/forward.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;

/// Installs the effects; call after `crate::router::provide_router`, in the app frame.
pub fn manage_focus_and_scroll() {
    let window = browser::window();
    let router = crate::router::use_router();
    // On its own site the app restores positions itself, once the page it returns to has
    // rendered; in a host page that setting is the host's (and so is its head).
    let own_site = crate::state::use_app()
        .config
        .with_value(|c| c.manage_title && !c.paths.in_host_page());
    if !crate::state::use_app()
        .config
        .with_value(|c| c.paths.in_host_page())
    {
        if let Ok(history) = window.history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
    }
    // Positions by address; a list, as a session visits a few dozen pages at most.
    let positions: Rc<RefCell<Vec<(String, f64)>>> = Rc::default();
    // The position to restore after a back/forward, with the address it belongs to.
    let pending_restore: Rc<RefCell<Option<(String, f64)>>> = Rc::default();
    let key = || {
        let loc = browser::window().location();
        format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        )
    };

    // Remember where the resident is on every page.
    {
        let positions = positions.clone();
        let h = window_event_listener(leptos::ev::scroll, move |_| {
            let (here, y) = (key(), browser::window().scroll_y().unwrap_or(0.0));
            let mut positions = positions.borrow_mut();
            match positions.iter_mut().find(|(k, _)| *k == here) {
                Some(entry) => entry.1 = y,
                None => positions.push((here, y)),
            }
        });
        on_cleanup(move || h.remove());
    }
    // Back/forward: the address has changed but the page has not yet; read the saved position
    // now, before the new page's layout can change the scroll position and overwrite it.
    {
        let (positions, pending) = (positions.clone(), pending_restore.clone());
        let h = window_event_listener(leptos::ev::popstate, move |_| {
            let here = key();
            let y = positions
                .borrow()
                .iter()
                .find(|(k, _)| *k == here)
                .map_or(0.0, |(_, y)| *y);
            *pending.borrow_mut() = Some((here, y));
        });
        on_cleanup(move || h.remove());
    }

    let pending = pending_restore;
    Effect::new(move |previous: Option<String>| {
        let address = {
            let a = router.address.read();
            format!("{}{}", a.pathname, a.search)
        };
        if previous.is_some() && previous.as_deref() != Some(address.as_str()) {
            if own_site {
                crate::takeover::forget_published_head();
            }
            // Read the back/forward position only after the current task: the router's popstate
            // listener (which triggered this effect) runs before ours. A position saved for
            // another address (a back that changed only the #fragment) is dropped.
            let pending = pending.clone();
            browser::after_render(move || {
                focus_heading(WAIT_FRAMES);
                if let Some((at, y)) = pending.borrow_mut().take() {
                    if at == key() {
                        restore_scroll(y, WAIT_FRAMES);
                    }
                }
            });
        }
        address
    });
}

/// Scrolls back to `y` once the page is tall enough to allow it (the page may still be rendering),
/// trying again on each of the next `frames` animation frames.
fn restore_scroll(y: f64, frames: u32) {
    let window = browser::window();
    let room = browser::document()
        .document_element()
        .map(|el| {
            f64::from(el.scroll_height())
                - window
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(0.0)
        })
        .unwrap_or(0.0);
    if room + 1.0 >= y || frames == 0 {
        window.scroll_to_with_x_and_y(0.0, y);
    } else {
        browser::after_render(move || restore_scroll(y, frames - 1));
    }
}

/// How many animation frames (about 16 seconds, as long as a document may take) focus and scroll
/// wait for a page that is still coming (a split site's page document on its way).
const WAIT_FRAMES: u32 = 1000;

/// Focuses the page's heading (which has `tabindex="-1"`), leaving the scroll position alone,
/// once the page has one (trying again on each of the next `frames` animation frames); never
/// while the resident is typing in the search field (results follow the typing), nor once they
/// have put the focus somewhere themselves meanwhile.
fn focus_heading(frames: u32) {
    let document = browser::document();
    let active = document.active_element();
    let typing = active
        .as_ref()
        .is_some_and(|a| a.id() == crate::components::search_box::SEARCH_INPUT_ID);
    let moved = active.is_some_and(|a| a.local_name() != "body" && a.local_name() != "h1");
    if typing || (frames < WAIT_FRAMES && moved) {
        return;
    }
    let heading = document
        .query_selector("#poradnik-mieszkanca h1")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match heading {
        Some(h1) => browser::focus_without_scroll(&h1),
        None if frames > 0 => browser::after_render(move || focus_heading(frames - 1)),
        None => {}
    }
}
