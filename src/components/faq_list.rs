use leptos::prelude::*;

use crate::components::rich_text::RichText;
use crate::data::FaqItem;

/// "Najczęściej zadawane pytania": each item's question and answer, each with its anchor.
#[component]
pub fn FaqList(items: Vec<FaqItem>) -> impl IntoView {
    let list = items
        .into_iter()
        .map(|item| {
            let anchor = item.anchor().to_owned();
            view! {
                <li class="pm-faq-list__item" id=anchor>
                    <h3 class="pm-faq-list__question">{item.question}</h3>
                    <RichText html=item.answer_html/>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="pm-faq-list" aria-labelledby="pm-faq-heading">
            <h2 class="pm-faq-list__heading" id="pm-faq-heading">"Najczęściej zadawane pytania"</h2>
            <ul class="pm-faq-list__items">{list}</ul>
        </section>
    }
}
