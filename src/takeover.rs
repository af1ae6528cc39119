//! Taking over a page that is already there: the published HTML of `crate::publish`, or the same
//! fragment included by a CMS in its own page. The app renders apart (into an element outside
//! the document) and, once the page's data has arrived from the network, puts its own page in
//! place of the published one in one step: the same markup, so nothing visibly changes, and
//! nothing paints in between. The resident keeps their place: the scroll position (the page has
//! the same height), the focused link or button, and anything typed into the search field.
//!
//! Until then the loader opens and closes FAQ answers (what is open stays open in the app's
//! page). For good if the data does not come, is only the copy kept in the browser, or is older
//! than the page (`data-generated-at`), the published page stays, readable: every FAQ answer
//! open (`style/no-app.css`, the class the loader also sets when the app cannot start at all).
//! The page's head stays the published one until the resident moves on.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::search_box::SEARCH_INPUT_ID;
use crate::data::split::{page_data, PageData};
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

/// The data the app has, against the published page's.
#[derive(PartialEq)]
enum Data {
    Coming,
    Fresh,
    Older,
    Missing,
}

/// The published page in the mount element, and the element the app renders into meanwhile.
#[derive(Clone)]
pub struct Published {
    mount: web_sys::Element,
    apart: web_sys::Element,
    /// The `generated_at` of the document the page was published from (`data-generated-at`).
    generated_at: Option<String>,
}

impl Published {
    /// The page in `mount`, if it holds one (the app's frame, `.pm-app`). With `own_head` (the
    /// guide's own site, not a host page), the head tags it was published with are the app's
    /// to replace once the resident moves on ([`forget_published_head`]).
    pub fn find(mount: &web_sys::Element, own_head: bool) -> Option<Published> {
        mount.query_selector(":scope > .pm-app").ok().flatten()?;
        let apart = browser::document().create_element("div").ok()?;
        WAITING.store(true, Ordering::Relaxed);
        if own_head {
            PUBLISHED_HEAD.with(|h| *h.borrow_mut() = published_head_tags());
        }
        Some(Published {
            generated_at: mount.get_attribute("data-generated-at"),
            mount: mount.clone(),
            apart,
        })
    }

    /// Whether the page was published from a newer document than one generated at `data_at`
    /// (RFC 3339 times as the CMS writes them, compared as text; unknown times never are).
    fn is_newer_than(&self, data_at: Option<&str>) -> bool {
        matches!((&self.generated_at, data_at), (Some(page), Some(data)) if page.as_str() > data)
    }

    /// Where the app renders until it takes over: an element outside the document.
    pub fn apart(&self) -> web_sys::Element {
        self.apart.clone()
    }

    /// Once fresh data is there, puts the app's page in place of the published one; at once
    /// with `now` (the question form, which needs no data to work).
    pub fn take_over_when_ready(self, ctx: AppContext, now: bool) {
        let (mut done, mut asked_again) = (false, false);
        let router = crate::router::use_router();
        Effect::new(move |_| {
            let data = ctx.guide.with(|g| match g {
                GuideState::Ready(guide) if self.is_newer_than(guide.generated_at.as_deref()) => {
                    Data::Older
                }
                // A split site: the page's own document too (else the swap would show a
                // loading state or an error in place of the published page). A page the site
                // does not have is the published 404 page: the app's says the same.
                GuideState::Ready(guide) => match page_data(guide, &router.route()) {
                    PageData::Here | PageData::Missing => Data::Fresh,
                    PageData::Coming => Data::Coming,
                    PageData::Failed(_) => Data::Missing,
                },
                GuideState::Failed(_) => Data::Missing,
                GuideState::Loading => Data::Coming,
            });
            let from_copy = ctx.data_kept.with(Option::is_some);
            if done {
                return;
            }
            if now || (data == Data::Fresh && !from_copy) {
                done = true;
                // After the page has rendered apart (effects run before the views that read the
                // same data update), and before the browser paints again.
                let page = self.clone();
                browser::after_render(move || page.swap());
            } else if data == Data::Older && !asked_again {
                // A cache still serving the previous document: asked once more after a moment
                // (by then a CDN has revalidated), else the page stays.
                asked_again = true;
                set_timeout(move || ctx.load(true), std::time::Duration::from_secs(2));
            } else if data != Data::Coming {
                // No data, older data, or only the kept copy: the published page stays, open.
                open_published(&self.mount);
            }
        });
    }

    fn swap(&self) {
        let Some(rendered) = self.apart.first_element_child() else {
            return;
        };
        let mount = &self.mount;
        let focus = focused_path(mount);
        let typed = search_text(mount);
        let opened = opened_answers(mount);
        let _ = mount.class_list().remove_1(NO_APP_CLASS);
        mount.replace_children_with_node_1(&rendered);
        WAITING.store(false, Ordering::Relaxed);
        mark_started(mount);
        reopen_answers(mount, &opened);
        if let Some(el) = focus.and_then(|path| follow_path(mount, &path)) {
            browser::focus_without_scroll(&el);
        }
        if let Some(text) = typed {
            resume_search(&text);
        }
    }
}

/// The head tags of the published page (those `PageHead` writes).
fn published_head_tags() -> Vec<web_sys::Element> {
    let selector = "head > meta[name=description], head > meta[name=robots], head > meta[property^='og:'], head > link[rel=canonical], head > script[type='application/ld+json']";
    let Ok(list) = browser::document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The published page in `mount` without the app: every FAQ answer open (`style/no-app.css`)
/// and its button saying so (the loader does the same when the app cannot start).
pub fn open_published(mount: &web_sys::Element) {
    let _ = mount.class_list().add_1(NO_APP_CLASS);
    if let Ok(buttons) = mount.query_selector_all(".pm-faq-accordion__button") {
        for i in 0..buttons.length() {
            if let Some(el) = buttons
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_attribute("aria-expanded", "true");
            }
        }
    }
}

thread_local! {
    /// The head tags of the published page (see [`Published::find`]).
    static PUBLISHED_HEAD: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The published head describes the page the resident came to: it stays while that page is
/// shown (the app adds no head tags before it takes over, see `PageHead`), and goes when they
/// go to another page of the guide, whose own tags the app sets (the JSON-LD, which the app
/// writes none of, goes with it).
pub fn forget_published_head() {
    for tag in PUBLISHED_HEAD.with(|h| std::mem::take(&mut *h.borrow_mut())) {
        tag.remove();
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

/// The FAQ answers the resident opened on the published page (the loader opens and closes them
/// until the app runs): their panels' ids.
fn opened_answers(root: &web_sys::Element) -> Vec<String> {
    let Ok(list) = root.query_selector_all(".pm-faq-accordion__button[aria-expanded='true']")
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| {
            list.item(i)?
                .dyn_into::<web_sys::Element>()
                .ok()?
                .get_attribute("aria-controls")
        })
        .collect()
}

/// Opens those answers in the app's page, as the resident would (the app's own toggle).
fn reopen_answers(root: &web_sys::Element, panels: &[String]) {
    for panel in panels {
        let selector =
            format!(".pm-faq-accordion__button[aria-controls='{panel}'][aria-expanded='false']");
        if let Some(button) = root
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            button.click();
        }
    }
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
