use leptos::prelude::*;

use crate::components::opening_status::OpeningStatus;
use crate::data::Institution;
use crate::paths::encode_component;

/// A map search for an address, which phones open in their map app.
fn map_search(address: &str) -> String {
    let query = encode_component(&address.replace(';', ","));
    format!("https://www.google.com/maps/search/?api=1&query={query}")
}

/// The institution that answers for the question: name, address, opening hours and contacts.
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
    let status = view! { <OpeningStatus hours=hours.clone()/> };
    let hours = (!hours.is_empty()).then(|| {
        let lines = hours
            .into_iter()
            .map(|h| view! { <li>{h}</li> })
            .collect_view();
        view! {
            <dt class="pm-contact-card__term">"Godziny otwarcia"</dt>
            <dd class="pm-contact-card__value"><ul class="pm-contact-card__hours">{lines}</ul></dd>
        }
    });
    view! {
        <section class="pm-contact-card" aria-labelledby="pm-contact-heading">
            <h2 class="pm-contact-card__heading" id="pm-contact-heading">"Kontakt"</h2>
            <p class="pm-contact-card__name">{name}</p>
            {status}
            <dl class="pm-contact-card__details">
                {address.map(|a| view! {
                    <dt class="pm-contact-card__term">"Adres"</dt>
                    <dd class="pm-contact-card__value">
                        <a class="pm-contact-card__map" href=map_search(&a) target="_blank" rel="noopener noreferrer">
                            {a.clone()}
                            <span class="pm-visually-hidden">" (mapa, otworzy się w nowej karcie)"</span>
                        </a>
                    </dd>
                })}
                {hours}
                {phone.map(|p| {
                    let tel: String = p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
                    view! {
                        <dt class="pm-contact-card__term">"Telefon"</dt>
                        <dd class="pm-contact-card__value"><a href=format!("tel:{tel}")>{p}</a></dd>
                    }
                })}
                {email.map(|e| view! {
                    <dt class="pm-contact-card__term">"E-mail"</dt>
                    <dd class="pm-contact-card__value"><a href=format!("mailto:{e}")>{e.clone()}</a></dd>
                })}
                {url.map(|u| view! {
                    <dt class="pm-contact-card__term">"Strona internetowa"</dt>
                    <dd class="pm-contact-card__value">
                        <a href=u.clone() target="_blank" rel="noopener noreferrer">
                            {u.clone()}
                            <span class="pm-visually-hidden">" (otworzy się w nowej karcie)"</span>
                        </a>
                    </dd>
                })}
            </dl>
        </section>
    }
}
