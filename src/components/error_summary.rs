//! The GOV.UK error summary: at the top of the form, "Wystąpił problem" and a list of what is
//! wrong, each linked to its field. It takes focus whenever a send fails with errors, so that a
//! screen reader reads it first; a link focuses its field and scrolls the field's label into view.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;

/// `items`: the id of the field (or `None` for a message with no field of its own) and the
/// message. Empty, there is no summary; each time it is set with errors, the summary takes focus.
#[component]
pub fn ErrorSummary(items: Signal<Vec<(Option<&'static str>, String)>>) -> impl IntoView {
    let summary = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let shown = items.with(|items| !items.is_empty());
        if let (true, Some(el)) = (shown, summary.get()) {
            browser::focus_without_scroll(&el);
            browser::scroll_to(&el);
        }
    });
    move || {
        let items = items.get();
        (!items.is_empty()).then(|| {
            let lines = items
                .into_iter()
                .map(|(field, message)| match field {
                    Some(id) => view! {
                        <li>
                            <a href=format!("#{id}") on:click=move |ev| go_to_field(ev, id)>
                                {message}
                            </a>
                        </li>
                    }
                    .into_any(),
                    None => view! { <li>{message}</li> }.into_any(),
                })
                .collect_view();
            view! {
                <div
                    class="pm-error-summary"
                    tabindex="-1"
                    aria-labelledby="pm-error-summary-title"
                    node_ref=summary
                >
                    <div role="alert">
                        <h2 class="pm-error-summary__title" id="pm-error-summary-title">
                            "Wystąpił problem"
                        </h2>
                        <ul class="pm-error-summary__list">{lines}</ul>
                    </div>
                </div>
            }
        })
    }
}

/// Focuses the field itself (the browser would only scroll to it), its label in view.
fn go_to_field(ev: web_sys::MouseEvent, id: &str) {
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
}
