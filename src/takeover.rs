//! Taking over a page that is already there: the published HTML of `crate::publish`, or the same
//! fragment included by a CMS in its own page. The app renders apart (into an element outside
//! the document) and, once the page's data has arrived from the network, puts its own page in
//! place of the published one in one step: the same markup, so nothing visibly changes, and
//! nothing paints in between. The resident keeps their place: the scroll position (the page has
//! the same height), the focused link or button, and anything typed into the search field.
//!
//! Until then, and for good if the data does not come (or only the copy kept in the browser,
//! older than the HTML), the published page stays, readable: every FAQ answer is opened
//! (`style/no-app.css`, which the loader also links when the app cannot start at all).

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::search_box::SEARCH_INPUT_ID;
use crate::state::{AppContext, GuideState};

/// The class of the mount element while its published page is shown without the app.
pub const NO_APP_CLASS: &str = "pm-bez-aplikacji";

/// Set while a published page waits for the app: a panic then leaves that page alone.
static WAITING: AtomicBool = AtomicBool::new(false);

/// Says on the mount element that the app runs its page (`data-app="started"`), for whoever
/// checks: the end-to-end tests, a host page's scripts.
pub fn mark_started(mount: &web_sys::Element) {
    let _ = mount.set_attribute("data-app", "started");
}

/// Whether the mount element still shows its published page (see `crate::app`'s panic hook).
pub fn published_page_shown() -> bool {
    WAITING.load(Ordering::Relaxed)
}

/// The published page in the mount element, and the element the app renders into meanwhile.
#[derive(Clone)]
pub struct Published {
    mount: web_sys::Element,
    apart: web_sys::Element,
}

impl Published {
    /// The page in `mount`, if it holds one (the app's frame, `.pm-app`).
    pub fn find(mount: &web_sys::Element) -> Option<Published> {
        mount.query_selector(":scope > .pm-app").ok().flatten()?;
        let apart = browser::document().create_element("div").ok()?;
        WAITING.store(true, Ordering::Relaxed);
        Some(Published {
            mount: mount.clone(),
            apart,
        })
    }

    /// Where the app renders until it takes over: an element outside the document.
    pub fn apart(&self) -> web_sys::Element {
        self.apart.clone()
    }

    /// Once fresh data is there, puts the app's page in place of the published one; at once
    /// with `now` (the question form, which needs no data to work).
    pub fn take_over_when_ready(self, ctx: AppContext, now: bool) {
        // The head tags the page was published with; the app's own replace them.
        let head_tags = published_head_tags();
        let mut done = false;
        Effect::new(move |_| {
            let fresh = ctx.guide.with(|g| match g {
                GuideState::Ready(_) => Some(true),
                GuideState::Failed(_) => Some(false),
                GuideState::Loading => None,
            });
            let from_copy = ctx.data_kept.with(Option::is_some);
            if done {
                return;
            }
            match fresh {
                _ if now => {
                    done = true;
                    let (page, head_tags) = (self.clone(), head_tags.clone());
                    browser::after_render(move || page.swap(&head_tags));
                }
                Some(true) if !from_copy => {
                    done = true;
                    // After the page has rendered apart (effects run before the views that
                    // read the same data update), and before the browser paints again.
                    let (page, head_tags) = (self.clone(), head_tags.clone());
                    browser::after_render(move || page.swap(&head_tags));
                }
                // No data, or only the kept copy: the published page stays, fully open.
                Some(_) => {
                    let _ = self.mount.class_list().add_1(NO_APP_CLASS);
                }
                None => {}
            }
        });
    }

    fn swap(&self, head_tags: &[web_sys::Element]) {
        let Some(rendered) = self.apart.first_element_child() else {
            return;
        };
        let mount = &self.mount;
        let focus = focused_path(mount);
        let typed = search_text(mount);
        for tag in head_tags {
            tag.remove();
        }
        let _ = mount.class_list().remove_1(NO_APP_CLASS);
        mount.replace_children_with_node_1(&rendered);
        WAITING.store(false, Ordering::Relaxed);
        mark_started(mount);
        if let Some(el) = focus.and_then(|path| follow_path(mount, &path)) {
            browser::focus_without_scroll(&el);
        }
        if let Some(text) = typed {
            resume_search(&text);
        }
    }
}

/// The head tags of the published page that the app's `PageHead` sets too.
fn published_head_tags() -> Vec<web_sys::Element> {
    let selector = "head > meta[name=description], head > meta[name=robots], head > meta[property^='og:'], head > link[rel=canonical]";
    let Ok(list) = browser::document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The published page's JSON-LD (the app writes none: see `PageHead`) describes the page the
/// resident came to, not the next: it goes when they go to another page of the guide.
pub fn forget_published_structured_data() {
    if let Ok(list) =
        browser::document().query_selector_all("head > script[type='application/ld+json']")
    {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                el.remove();
            }
        }
    }
}

/// Where the focused element is inside `root`: the index of each element on the way down.
fn focused_path(root: &web_sys::Element) -> Option<Vec<u32>> {
    let mut el = browser::document().active_element()?;
    let mut path = Vec::new();
    while !el.is_same_node(Some(root)) {
        let parent = el.parent_element()?;
        let children = parent.children();
        let index = (0..children.length())
            .find(|&i| children.item(i).is_some_and(|c| c.is_same_node(Some(&el))))?;
        path.push(index);
        el = parent;
    }
    path.reverse();
    Some(path)
}

fn follow_path(root: &web_sys::Element, path: &[u32]) -> Option<web_sys::HtmlElement> {
    let mut el = root.clone();
    for &i in path {
        el = el.children().item(i)?;
    }
    el.dyn_into().ok()
}

/// What the resident typed into the published page's search field, if anything.
fn search_text(root: &web_sys::Element) -> Option<String> {
    let input = root
        .query_selector(&format!("#{SEARCH_INPUT_ID}"))
        .ok()??
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    Some(input.value()).filter(|v| !v.trim().is_empty())
}

/// Puts `text` into the app's search field as if typed there: the results follow.
fn resume_search(text: &str) {
    let Some(input) = browser::document()
        .get_element_by_id(SEARCH_INPUT_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    if input.value() == text {
        return;
    }
    input.set_value(text);
    if let Ok(ev) = web_sys::Event::new("input") {
        let _ = input.dispatch_event(&ev);
    }
}
