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

#[component]
pub fn FaqAccordion(items: Vec<FaqItem>) -> impl IntoView {
    let open: Vec<RwSignal<bool>> = items.iter().map(|_| RwSignal::new(false)).collect();
    let anchors: Vec<String> = items.iter().map(|i| i.anchor().to_owned()).collect();

    // Open the item the address points at: now (a deep link) and whenever the fragment changes.
    let reveal = {
        let (open, anchors) = (open.clone(), anchors.clone());
        move || {
            let Some(target) = browser::fragment() else {
                return;
            };
            if let Some(i) = anchors.iter().position(|a| *a == target) {
                open[i].set(true);
                let target = target.clone();
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

    let all_open = {
        let open = open.clone();
        Memo::new(move |_| open.iter().all(|s| s.get()))
    };
    let toggle_all = {
        let open = open.clone();
        move |_| {
            let target = !all_open.get_untracked();
            for s in &open {
                s.set(target);
            }
        }
    };

    let list = items
        .into_iter()
        .zip(open)
        .map(|(item, is_open)| {
            let anchor = item.anchor().to_owned();
            let panel_id = format!("{anchor}-odpowiedz");
            let question_text = item.question.clone();
            let item_id = anchor.clone();
            let toggle = {
                let anchor = anchor.clone();
                move |_| {
                    let now_open = !is_open.get_untracked();
                    is_open.set(now_open);
                    if now_open {
                        browser::replace_fragment(Some(&anchor));
                    } else if browser::fragment().as_deref() == Some(anchor.as_str()) {
                        browser::replace_fragment(None);
                    }
                }
            };
            let found = {
                let anchor = anchor.clone();
                move |_: web_sys::Event| {
                    is_open.set(true);
                    browser::replace_fragment(Some(&anchor));
                }
            };
            view! {
                <div class="pm-faq-accordion__item" id=item_id>
                    <h3 class="pm-faq-accordion__heading">
                        <button
                            type="button"
                            class="pm-faq-accordion__button"
                            aria-expanded=move || is_open.get().to_string()
                            aria-controls=panel_id.clone()
                            on:click=toggle
                        >
                            <span class="pm-faq-accordion__chevron" aria-hidden="true"></span>
                            <span class="pm-faq-accordion__question">{item.question}</span>
                        </button>
                    </h3>
                    <div
                        class="pm-faq-accordion__panel"
                        id=panel_id
                        hidden=move || (!is_open.get()).then_some("until-found")
                        on:beforematch=found
                    >
                        <div class="pm-faq-accordion__body">
                            <RichText html=item.answer_html/>
                            <CopyLinkButton anchor=anchor.clone() about=question_text/>
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
                    aria-expanded=move || all_open.get().to_string()
                    on:click=toggle_all
                >
                    {move || if all_open.get() { "Ukryj wszystkie" } else { "Pokaż wszystkie" }}
                </button>
            </div>
            <div class="pm-faq-accordion__items">{list}</div>
        </section>
    }
}
