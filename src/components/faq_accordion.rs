//! "Najczęściej zadawane pytania" as an accordion, after the WAI-ARIA disclosure pattern and
//! GOV.UK's accordion: each question is a `button` inside a heading, with `aria-expanded` and
//! `aria-controls`; closed panels are `hidden="until-found"`, so the browser's find-in-page opens
//! them (`beforematch`); browsers without it treat the value as plain `hidden`.
//!
//! Every item has a permanent link: its anchor. Opening the page with `#anchor` opens the item and
//! scrolls to it; opening an item writes its anchor into the address (no new history entry).

use leptos::prelude::*;

use crate::browser;
use crate::components::copy_link_button::CopyLinkButton;
use crate::components::rich_text::RichText;
use crate::data::FaqItem;

/// One signal holds which items are open.
#[component]
pub fn FaqAccordion(items: Vec<FaqItem>) -> impl IntoView {
    let open = RwSignal::new(vec![false; items.len()]);
    let anchors: Vec<String> = items.iter().map(|i| i.anchor().to_owned()).collect();

    // Open the item the address points at: now (a deep link) and whenever the fragment changes.
    let reveal = move || {
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
    };
    reveal();
    browser::on_window(leptos::ev::hashchange, move |_| reveal());

    let is_open = move |i: usize| open.with(|o| o[i]);
    let all_open = move || open.with(|o| o.iter().all(|&x| x));
    let toggle_all = move |_| {
        let target = !open.with_untracked(|o| o.iter().all(|&x| x));
        open.update(|o| o.iter_mut().for_each(|x| *x = target));
    };
    let list = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let anchor = item.anchor().to_owned();
            let panel_id = format!("{anchor}-odpowiedz");
            let toggle = {
                let anchor = anchor.clone();
                move |_| {
                    let now_open = !open.with_untracked(|o| o[i]);
                    open.update(|o| o[i] = now_open);
                    if now_open {
                        browser::replace_fragment(Some(&anchor));
                    } else if browser::fragment().as_deref() == Some(anchor.as_str()) {
                        browser::replace_fragment(None);
                    }
                }
            };
            // Find-in-page found words in a closed panel: the browser opens it.
            let found = {
                let anchor = anchor.clone();
                move |_: web_sys::Event| {
                    open.update(|o| o[i] = true);
                    browser::replace_fragment(Some(&anchor));
                }
            };
            let id = anchor.clone();
            view! {
                <div class="pm-faq-accordion__item" id=id>
                    <h3 class="pm-faq-accordion__heading">
                        <button
                            type="button"
                            class="pm-faq-accordion__button"
                            aria-controls=panel_id.clone()
                            aria-expanded=move || if is_open(i) { "true" } else { "false" }
                            on:click=toggle
                        >
                            <span class="pm-faq-accordion__chevron" aria-hidden="true"></span>
                            <span class="pm-faq-accordion__question">{item.question.clone()}</span>
                        </button>
                    </h3>
                    <div
                        class="pm-faq-accordion__panel"
                        id=panel_id
                        hidden=move || (!is_open(i)).then_some("until-found")
                        on:beforematch=found
                    >
                        <div class="pm-faq-accordion__body">
                            <RichText html=item.answer_html/>
                            <CopyLinkButton anchor about=item.question/>
                        </div>
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="pm-faq-accordion" aria-labelledby="pm-faq-heading">
            <div class="pm-faq-accordion__header">
                <h2 class="pm-faq-accordion__title" id="pm-faq-heading">"Najczęściej zadawane pytania"</h2>
                <button
                    type="button"
                    class="pm-faq-accordion__toggle-all"
                    aria-expanded=move || if all_open() { "true" } else { "false" }
                    on:click=toggle_all
                >
                    {move || if all_open() { "Ukryj wszystkie" } else { "Pokaż wszystkie" }}
                </button>
            </div>
            <div class="pm-faq-accordion__items">{list}</div>
        </section>
    }
}
