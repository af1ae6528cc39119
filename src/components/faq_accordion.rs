//! "Najczęściej zadawane pytania" as an accordion, after the WAI-ARIA disclosure pattern and
//! GOV.UK's accordion: each question is a `button` inside a heading, with `aria-expanded` and
//! `aria-controls`; closed panels are `hidden="until-found"`, so the browser's find-in-page opens
//! them (`beforematch`); browsers without it treat the value as plain `hidden`.
//!
//! Every item has a permanent link: its anchor. Opening the page with `#anchor` opens the item and
//! scrolls to it; opening an item writes its anchor into the address (no new history entry).

use leptos::html::Section;
use leptos::prelude::*;
use web_sys::Element;

use crate::browser;
use crate::components::copy_link_button::render_copy_link_button;
use crate::components::rich_text::render_rich_text;
use crate::data::FaqItem;
use crate::dom;

/// Shows each item as `open` says: the button's `aria-expanded`, the panel `hidden="until-found"`
/// when closed; and "Pokaż/Ukryj wszystkie" for the whole list.
fn show(items: &[(Element, Element)], open: &[bool], toggle_all: &Element) {
    for ((button, panel), &is_open) in items.iter().zip(open) {
        dom::attrs(
            button,
            &[("aria-expanded", if is_open { "true" } else { "false" })],
        );
        dom::toggle(panel, "hidden", (!is_open).then_some("until-found"));
    }
    let all = open.iter().all(|&o| o);
    dom::attrs(
        toggle_all,
        &[("aria-expanded", if all { "true" } else { "false" })],
    );
    toggle_all.set_text_content(Some(if all {
        "Ukryj wszystkie"
    } else {
        "Pokaż wszystkie"
    }));
}

/// Built with `crate::dom` (see there why); one signal holds which items are open.
#[component]
pub fn FaqAccordion(items: Vec<FaqItem>) -> impl IntoView {
    let open = RwSignal::new(vec![false; items.len()]);
    let anchors: Vec<String> = items.iter().map(|i| i.anchor().to_owned()).collect();

    // Open the item the address points at: now (a deep link) and whenever the fragment changes.
    let reveal = {
        let anchors = anchors.clone();
        move || {
            let Some(target) = browser::fragment() else {
                return;
            };
            if let Some(i) = anchors.iter().position(|a| *a == target) {
                open.update(|o| o[i] = true);
                browser::after_render(move || {
                    if let Some(el) = browser::document().get_element_by_id(&target) {
                        browser::scroll_to(&el);
                    }
                });
            }
        }
    };
    reveal();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| reveal());
    on_cleanup(move || handle.remove());

    let root = NodeRef::<Section>::new();
    root.on_load(move |section| {
        let header = dom::add(&section, "div", "pm-faq-accordion__header");
        let title = dom::add_text(
            &header,
            "h2",
            "pm-faq-accordion__title",
            "Najczęściej zadawane pytania",
        );
        dom::attrs(&title, &[("id", "pm-faq-heading")]);
        let toggle_all = dom::add(&header, "button", "pm-faq-accordion__toggle-all");
        dom::attrs(&toggle_all, &[("type", "button")]);
        let list = dom::add(&section, "div", "pm-faq-accordion__items");
        let mut parts = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let anchor = anchors[i].clone();
            let panel_id = format!("{anchor}-odpowiedz");
            let el = dom::add(&list, "div", "pm-faq-accordion__item");
            dom::attrs(&el, &[("id", &anchor)]);
            let heading = dom::add(&el, "h3", "pm-faq-accordion__heading");
            let button = dom::add(&heading, "button", "pm-faq-accordion__button");
            dom::attrs(&button, &[("type", "button"), ("aria-controls", &panel_id)]);
            let chevron = dom::add(&button, "span", "pm-faq-accordion__chevron");
            dom::attrs(&chevron, &[("aria-hidden", "true")]);
            dom::add_text(
                &button,
                "span",
                "pm-faq-accordion__question",
                &item.question,
            );
            let panel = dom::add(&el, "div", "pm-faq-accordion__panel");
            dom::attrs(&panel, &[("id", &panel_id)]);
            let body = dom::add(&panel, "div", "pm-faq-accordion__body");
            render_rich_text(&body, &item.answer_html);
            render_copy_link_button(&body, anchor.clone(), &item.question);
            {
                let anchor = anchor.clone();
                dom::on(&button, "click", move |_| {
                    let now_open = !open.with_untracked(|o| o[i]);
                    open.update(|o| o[i] = now_open);
                    if now_open {
                        browser::replace_fragment(Some(&anchor));
                    } else if browser::fragment().as_deref() == Some(anchor.as_str()) {
                        browser::replace_fragment(None);
                    }
                });
            }
            // Find-in-page found words in a closed panel: the browser opens it.
            dom::on(&panel, "beforematch", move |_| {
                open.update(|o| o[i] = true);
                browser::replace_fragment(Some(&anchor));
            });
            parts.push((button, panel));
        }
        dom::on(&toggle_all, "click", move |_| {
            let target = !open.with_untracked(|o| o.iter().all(|&x| x));
            open.update(|o| o.iter_mut().for_each(|x| *x = target));
        });
        // Closed (or as the address says) from the first paint, then as the resident opens them.
        open.with_untracked(|o| show(&parts, o, &toggle_all));
        Effect::new(move |_| open.with(|o| show(&parts, o, &toggle_all)));
    });
    view! { <section class="pm-faq-accordion" aria-labelledby="pm-faq-heading" node_ref=root></section> }
}
