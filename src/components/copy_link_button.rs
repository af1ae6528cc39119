use leptos::task::spawn_local;

use crate::browser;

/// "Kopiuj link": copies the permanent link of one FAQ item (its `anchor`), and confirms it in
/// words that a screen reader also hears (`about` is the item's question, for the button's
/// name). Where the browser refuses, it shows the link to copy by hand. Built with `crate::dom`
/// inside the accordion.
pub fn render_copy_link_button(parent: &web_sys::Element, anchor: String, about: &str) {
    use crate::dom;
    let p = dom::add(parent, "p", "pm-copy-link");
    let button = dom::add_text(&p, "button", "pm-copy-link__button", "Kopiuj link");
    dom::attrs(&button, &[("type", "button")]);
    dom::add_text(
        &button,
        "span",
        "pm-visually-hidden",
        &format!(" do odpowiedzi: {about}"),
    );
    let status = dom::add(&p, "span", "pm-copy-link__status");
    dom::attrs(&status, &[("role", "status")]);
    dom::on(&button, "click", move |_| {
        let url = format!("{}#{anchor}", browser::url_without_fragment());
        let status = status.clone();
        spawn_local(async move {
            let text = if browser::copy_to_clipboard(&url).await {
                "Skopiowano link do schowka.".to_owned()
            } else {
                format!("Nie udało się skopiować. Link do tej odpowiedzi: {url}")
            };
            status.set_text_content(Some(&text));
        });
    });
}
