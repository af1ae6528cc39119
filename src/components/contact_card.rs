//! The institution that answers for the question: name, open-now status, address (a map search),
//! opening hours and contacts.

use leptos::prelude::*;

use crate::components::opening_status::OpeningStatus;
use crate::data::Institution;
use crate::paths::encode_component;

/// A map search for an address, which phones open in their map app.
fn map_search(address: &str) -> String {
    let query = encode_component(&address.replace(';', ","));
    format!("https://www.google.com/maps/search/?api=1&query={query}")
}

/// One row of the details: its term and its value.
fn row(term: &'static str, value: AnyView) -> AnyView {
    view! {
        <dt class="pm-contact-card__term">{term}</dt>
        <dd class="pm-contact-card__value">{value}</dd>
    }
    .into_any()
}

/// A link to another site: it opens in a new tab and says so (`note`).
fn new_tab_link(class: &'static str, href: String, text: String, note: &'static str) -> AnyView {
    view! {
        <a class=class href=href target="_blank" rel="noopener noreferrer">
            {text}
            <span class="pm-visually-hidden">{note}</span>
        </a>
    }
    .into_any()
}

#[component]
pub fn ContactCard(institution: Institution) -> impl IntoView {
    let Institution {
        name,
        address,
        hours,
        phone,
        email,
        url,
        ..
    } = institution;
    let address = address.map(|a| {
        let link = new_tab_link(
            "pm-contact-card__map",
            map_search(&a),
            a,
            " (mapa, otworzy się w nowej karcie)",
        );
        row("Adres", link)
    });
    let hours_row = (!hours.is_empty()).then(|| {
        let lines = hours
            .iter()
            .map(|h| view! { <li>{h.clone()}</li> })
            .collect_view();
        row(
            "Godziny otwarcia",
            view! { <ul class="pm-contact-card__hours">{lines}</ul> }.into_any(),
        )
    });
    let phone = phone.map(|p| {
        let tel: String = p
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        row(
            "Telefon",
            view! { <a href=format!("tel:{tel}")>{p}</a> }.into_any(),
        )
    });
    let email = email.map(|e| {
        let href = format!("mailto:{e}");
        row("E-mail", view! { <a href=href>{e}</a> }.into_any())
    });
    let url = url.map(|u| {
        row(
            "Strona internetowa",
            new_tab_link("", u.clone(), u, " (otworzy się w nowej karcie)"),
        )
    });
    view! {
        <section class="pm-contact-card" aria-labelledby="pm-contact-heading">
            <h2 class="pm-contact-card__heading" id="pm-contact-heading">"Kontakt"</h2>
            <p class="pm-contact-card__name">{name}</p>
            <OpeningStatus hours/>
            <dl class="pm-contact-card__details">{address}{hours_row}{phone}{email}{url}</dl>
        </section>
    }
}
