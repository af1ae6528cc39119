//! Small helpers around the DOM, for the components. Nothing here decides anything.

use wasm_bindgen::JsValue;

/// The app's name, appended to every page title.
pub const APP_TITLE: &str = "Poradnik Mieszkańca";

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser window with a document")
}

/// Sets `document.title` to "{page} – Poradnik Mieszkańca", or the app's name alone.
pub fn set_page_title(page: Option<&str>) {
    let title = match page {
        Some(p) if !p.is_empty() && p != APP_TITLE => format!("{p} – {APP_TITLE}"),
        _ => APP_TITLE.to_owned(),
    };
    document().set_title(&title);
}

/// `scheme://host[:port]` of the page, for telling links to other sites apart.
pub fn page_origin() -> String {
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
