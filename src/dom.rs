//! A few functions that build DOM nodes directly, for the parts of the page where `view!` would
//! cost too much WebAssembly: every element and reactive attribute of a `view!` is its own
//! generic code, and the question form written that way weighed 51 KB gzip, more than a quarter
//! of the app shell's budget. Built through these, it is a few KB. Text goes in as text nodes
//! only; nothing here parses HTML.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

use crate::browser;

/// A new `<tag>` with `class` (if not empty), appended to `parent`.
pub fn add(parent: &Element, tag: &str, class: &str) -> Element {
    let el = browser::document()
        .create_element(tag)
        .expect("createElement of a known tag");
    if !class.is_empty() {
        el.set_class_name(class);
    }
    let _ = parent.append_child(&el);
    el
}

/// The same, with `text` as its content.
pub fn add_text(parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    let el = add(parent, tag, class);
    el.set_text_content(Some(text));
    el
}

/// A `<section class="{class}">` labelled by its `<h2 class="{class}__title" id="{class}-title">`.
pub fn titled_section(parent: &Element, class: &str, title: &str) -> Element {
    let section = add(parent, "section", class);
    let id = format!("{class}-title");
    attrs(&section, &[("aria-labelledby", &id)]);
    let heading = add_text(&section, "h2", &format!("{class}__title"), title);
    attrs(&heading, &[("id", &id)]);
    section
}

/// Appends `text` as a text node.
pub fn text(parent: &Element, text: &str) {
    let node = browser::document().create_text_node(text);
    let _ = parent.append_child(&node);
}

/// Sets the attributes `pairs` of `el`.
pub fn attrs(el: &Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        let _ = el.set_attribute(name, value);
    }
}

/// Sets `name` to `value`, or removes it when `value` is `None`.
pub fn toggle(el: &Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// Removes every child of `el`.
pub fn clear(el: &Element) {
    el.set_text_content(None);
}

/// Calls `f` on each `event` of `el` for as long as the page lives. (The handler is small and
/// is dropped with the element's JS wrapper only when the page unloads; a form page creates a
/// handful.)
pub fn on(el: &Element, event: &str, f: impl FnMut(Event) + 'static) {
    let handler = Closure::<dyn FnMut(Event)>::new(f);
    let _ = el.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler.forget();
}

/// The element as an `HtmlElement` (for focus and `hidden`).
pub fn html(el: &Element) -> HtmlElement {
    el.clone().unchecked_into()
}

/// Moves focus to `el` and scrolls it into view, as after a form's answer.
pub fn focus(el: &Element) {
    browser::focus_without_scroll(&html(el));
    browser::scroll_to(el);
}
