//! The institution that answers for the question: name, open-now status, address (a map search),
//! opening hours and contacts. Built with `crate::dom` (see there why): written with `view!`, its
//! optional rows cost more WebAssembly than the rest of the answer page.

use leptos::html::Section;
use leptos::prelude::*;
use web_sys::Element;

use crate::components::opening_status::render_opening_status;
use crate::data::Institution;
use crate::dom;
use crate::paths::encode_component;

/// A map search for an address, which phones open in their map app.
fn map_search(address: &str) -> String {
    let query = encode_component(&address.replace(';', ","));
    format!("https://www.google.com/maps/search/?api=1&query={query}")
}

/// One row of the details: its term, and its value's element.
fn row(list: &Element, term: &str) -> Element {
    dom::add_text(list, "dt", "pm-contact-card__term", term);
    dom::add(list, "dd", "pm-contact-card__value")
}

/// A link in `parent`; one to another site opens in a new tab and says so.
fn link(parent: &Element, class: &str, href: &str, text: &str, new_tab: Option<&str>) {
    let a = dom::add_text(parent, "a", class, text);
    dom::attrs(&a, &[("href", href)]);
    if let Some(note) = new_tab {
        dom::attrs(&a, &[("target", "_blank"), ("rel", "noopener noreferrer")]);
        dom::add_text(&a, "span", "pm-visually-hidden", note);
    }
}

#[component]
pub fn ContactCard(institution: Institution) -> impl IntoView {
    let root = NodeRef::<Section>::new();
    root.on_load(move |section| {
        let Institution {
            name,
            address,
            hours,
            phone,
            email,
            url,
            ..
        } = &institution;
        let heading = dom::add_text(&section, "h2", "pm-contact-card__heading", "Kontakt");
        dom::attrs(&heading, &[("id", "pm-contact-heading")]);
        dom::add_text(&section, "p", "pm-contact-card__name", name);
        render_opening_status(&section, hours);
        let list = dom::add(&section, "dl", "pm-contact-card__details");
        if let Some(a) = address {
            let value = row(&list, "Adres");
            link(
                &value,
                "pm-contact-card__map",
                &map_search(a),
                a,
                Some(" (mapa, otworzy się w nowej karcie)"),
            );
        }
        if !hours.is_empty() {
            let lines = dom::add(
                &row(&list, "Godziny otwarcia"),
                "ul",
                "pm-contact-card__hours",
            );
            for h in hours {
                dom::add_text(&lines, "li", "", h);
            }
        }
        if let Some(p) = phone {
            let tel: String = p
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            link(&row(&list, "Telefon"), "", &format!("tel:{tel}"), p, None);
        }
        if let Some(e) = email {
            link(&row(&list, "E-mail"), "", &format!("mailto:{e}"), e, None);
        }
        if let Some(u) = url {
            link(
                &row(&list, "Strona internetowa"),
                "",
                u,
                u,
                Some(" (otworzy się w nowej karcie)"),
            );
        }
    });
    view! { <section class="pm-contact-card" aria-labelledby="pm-contact-heading" node_ref=root></section> }
}
