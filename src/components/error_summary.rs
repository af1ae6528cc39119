//! The GOV.UK error summary: at the top of the form, it receives focus when the form is sent with
//! errors, and links to each field with its message. Built with `crate::dom` (see there why).

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::browser;
use crate::dom;

/// Fills `container` with the summary of `items` (the id of the field, or `None` for a message
/// with no field of its own; the message), or empties it when there are none. With `focus`, the
/// summary takes focus so that a screen reader reads it first.
pub fn render_error_summary(
    container: &Element,
    items: &[(Option<&'static str>, &str)],
    focus: bool,
) {
    dom::clear(container);
    if items.is_empty() {
        return;
    }
    let summary = dom::add(container, "div", "pm-error-summary");
    dom::attrs(
        &summary,
        &[
            ("tabindex", "-1"),
            ("aria-labelledby", "pm-error-summary-title"),
        ],
    );
    let alert = dom::add(&summary, "div", "");
    dom::attrs(&alert, &[("role", "alert")]);
    let title = dom::add_text(&alert, "h2", "pm-error-summary__title", "Wystąpił problem");
    dom::attrs(&title, &[("id", "pm-error-summary-title")]);
    let list = dom::add(&alert, "ul", "pm-error-summary__list");
    for (field, message) in items {
        let item = dom::add(&list, "li", "");
        match field {
            Some(id) => {
                let link = dom::add_text(&item, "a", "", message);
                dom::attrs(&link, &[("href", &format!("#{id}"))]);
                let id = *id;
                // Focus the field itself (the browser would only scroll to it), its label in view.
                dom::on(&link, "click", move |ev| {
                    let doc = browser::document();
                    let Some(input) = doc.get_element_by_id(id) else {
                        return;
                    };
                    ev.prevent_default();
                    let label = doc
                        .query_selector(&format!("label[for='{id}']"))
                        .ok()
                        .flatten();
                    browser::scroll_to(label.as_ref().unwrap_or(&input));
                    browser::focus_without_scroll(input.unchecked_ref());
                });
            }
            None => dom::text(&item, message),
        }
    }
    if focus {
        dom::focus(&summary);
    }
}
