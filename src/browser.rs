//! Small helpers around the DOM, for the components. Nothing here decides anything.
//!
//! The publish step renders the components on the host (`crate::publish`), where there is no
//! window: the few helpers a component calls while rendering answer there as a fresh page
//! would (no origin of its own, no `#fragment`, nothing stored).

use wasm_bindgen::JsValue;

/// The app's name, appended to every page title.
pub const APP_TITLE: &str = "Poradnik Mieszkańca";

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser window with a document")
}

static MANAGE_TITLE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Whether [`set_page_title`] may change `document.title` (not in a host page by default).
pub fn set_title_managed(managed: bool) {
    MANAGE_TITLE.store(managed, std::sync::atomic::Ordering::Relaxed);
}

/// Sets `document.title` to "{page} – Poradnik Mieszkańca", or the app's name alone (unless the
/// host page keeps its own title, see `Config::manage_title`).
pub fn set_page_title(page: Option<&str>) {
    if !MANAGE_TITLE.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let title = match page {
        Some(p) if !p.is_empty() && p != APP_TITLE => format!("{p} – {APP_TITLE}"),
        _ => APP_TITLE.to_owned(),
    };
    document().set_title(&title);
}

/// Listens for `event` on the window while the calling component lives (removed on its
/// cleanup); on the host, which has no window, nothing.
pub fn on_window<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: leptos::tachys::html::event::EventDescriptor + 'static,
    E::EventType: wasm_bindgen::JsCast,
{
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let handle = leptos::prelude::window_event_listener(event, handler);
    leptos::prelude::on_cleanup(move || handle.remove());
}

/// `scheme://host[:port]` of the page, for telling links to other sites apart.
pub fn page_origin() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

pub fn error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// Milliseconds since the Unix epoch, from the device's clock.
pub fn now_unix_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The page's address without its `#fragment`.
pub fn url_without_fragment() -> String {
    let loc = window().location();
    format!(
        "{}{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    )
}

/// The current `#fragment`, decoded and without the '#', if any.
pub fn fragment() -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let hash = window().location().hash().ok()?;
    let raw = hash.strip_prefix('#')?;
    if raw.is_empty() {
        return None;
    }
    js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
}

/// Sets (or, with `None`, removes) the `#fragment` without adding a history entry and without
/// touching the router's state object.
pub fn replace_fragment(anchor: Option<&str>) {
    let history = match window().history() {
        Ok(h) => h,
        Err(_) => return,
    };
    let state = history.state().unwrap_or(JsValue::NULL);
    let url = match anchor {
        Some(a) => format!("{}#{a}", url_without_fragment()),
        None => url_without_fragment(),
    };
    let _ = history.replace_state_with_url(&state, "", Some(&url));
}

/// Scrolls an element into view at the top, leaving room for fixed headers (CSS
/// `scroll-margin-top`); instantly, so it never animates for residents who prefer reduced motion.
pub fn scroll_to(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    opts.set_behavior(web_sys::ScrollBehavior::Auto);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Moves focus to an element without scrolling to it.
pub fn focus_without_scroll(el: &web_sys::HtmlElement) {
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let _ = el.focus_with_options(&opts);
}

/// Writes `text` to the clipboard; false when the browser refuses (no permission, insecure page).
pub async fn copy_to_clipboard(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Runs `f` after the browser has laid out the current changes.
pub fn after_render(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(f);
}

/// Resolves in a later task (a `setTimeout` of 0), letting the browser paint and handle input.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The browser's `localStorage`, when the page may use it (it may not: private modes, policies).
fn local_storage() -> Option<web_sys::Storage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    window().local_storage().ok().flatten()
}

/// A saved value, if any.
pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Saves `value` under `key`; false when the browser refused (full, or not allowed).
pub fn store(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn forget(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

/// 16 random bytes from the browser's cryptographic generator, or `None` when it refuses (never
/// zeros in their place: every resident would then share one id).
pub fn random_bytes() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    let crypto = window().crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    window().navigator().on_line()
}

/// Calls `f` once, the next time the browser comes back online.
pub fn when_online(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let callback = Closure::once_into_js(f);
    let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
        "online",
        callback.unchecked_ref(),
        &options,
    );
}
