//! The search field on every page. Results appear as the resident types (the query lives in the
//! address, `…/szukaj?q=…`, written once typing pauses, so results can be shared and back/forward
//! work); "/" focuses the field unless the resident is typing somewhere; the result count is said
//! in a `role="status"` region once the resident pauses.

use std::time::Duration;

use crate::paths::Route;
use crate::router::use_router;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::state::use_app;

/// The id of the search field, which navigation effects leave focus in.
pub const SEARCH_INPUT_ID: &str = "pm-szukaj";

#[component]
pub fn SearchBox() -> impl IntoView {
    let app = use_app();
    let paths = app.config.with_value(|c| c.paths.clone());
    let router = use_router();
    let input = NodeRef::<Input>::new();
    let search_path = paths.search("");
    let on_search_page = move || matches!(router.route(), Route::Search(_));

    // The field shows the query of the address whenever the address changes from outside (back,
    // forward, a link, even with the cursor in the field), but never rewrites what the resident
    // is typing: `typed` is the query the field itself last sent.
    let typed = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let q = match router.route() {
            Route::Search(q) => q,
            _ => String::new(),
        };
        if typed.get_value().as_deref() == Some(q.as_str()) {
            return;
        }
        typed.set_value(None);
        if let Some(el) = input.get() {
            if el.value() != q {
                el.set_value(&q);
            }
        }
    });

    // From another page, the first keystroke opens the results as a new history entry. On the
    // results page each keystroke shows its results at once, but the entry's address is
    // rewritten only once typing pauses (Safari refuses more than 100 changes in 30 s); the
    // search button and Enter write it at once.
    let go = {
        let paths = paths.clone();
        move |now: bool| {
            let Some(el) = input.get_untracked() else {
                return;
            };
            let query = el.value().trim_start().to_owned();
            let href = paths.search(&query);
            typed.set_value(Some(query));
            match (untrack(on_search_page), now) {
                (false, _) => router.navigate(&href, false),
                (true, true) => router.navigate(&href, true),
                (true, false) => router.replace_soon(&href),
            }
        }
    };
    let on_input = {
        let go = go.clone();
        move |_| go(false)
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        go(true);
    };

    // "/" focuses the field, unless the resident is typing in a field of the page.
    browser::on_window(leptos::ev::keydown, move |ev| {
        if ev.key() != "/"
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || ev.default_prevented()
        {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|t| {
                let tag = t.tag_name();
                tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT" || t.is_content_editable()
            });
        if !typing {
            if let Some(el) = input.get_untracked() {
                ev.prevent_default();
                let _ = el.focus();
            }
        }
    });

    // The live region speaks half a second after the last change, not on every keystroke.
    let spoken = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let text = app.announcement.get();
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let handle =
            set_timeout_with_handle(move || spoken.set(text), Duration::from_millis(500)).ok();
        timer.set_value(handle);
    });

    view! {
        <form class="pm-search-box" role="search" action=search_path on:submit=on_submit>
            <label class="pm-search-box__label" for=SEARCH_INPUT_ID>"Szukaj w poradniku"</label>
            <div class="pm-search-box__row">
                <input
                    class="pm-search-box__input"
                    id=SEARCH_INPUT_ID
                    type="search"
                    name="q"
                    autocomplete="off"
                    enterkeyhint="search"
                    aria-describedby="pm-szukaj-podpowiedz"
                    node_ref=input
                    on:input=on_input
                    on:focus=move |_| app.warm_search()
                />
                <button class="pm-search-box__button" type="submit">"Szukaj"</button>
            </div>
            <p class="pm-search-box__hint" id="pm-szukaj-podpowiedz">
                "Wpisz kilka słów, np. „dowód osobisty” albo „800+”. Wyniki pojawiają się w trakcie pisania."
            </p>
            <div class="pm-visually-hidden" role="status">{move || spoken.get()}</div>
        </form>
    }
}
