use leptos::prelude::*;

use crate::browser;

/// "Przejdź do treści": the first stop of the keyboard, visible when focused. It moves focus to
/// the content itself (not just the scroll position), without a router navigation.
#[component]
pub fn SkipLink(target: &'static str) -> impl IntoView {
    let jump = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        if let Some(el) = browser::document().get_element_by_id(target) {
            browser::scroll_to(&el);
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                browser::focus_without_scroll(&el);
            }
        }
    };
    view! {
        <a class="pm-skip-link" href=format!("#{target}") on:click=jump>
            "Przejdź do treści"
        </a>
    }
}
