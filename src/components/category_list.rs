use leptos::prelude::*;

use crate::data::Category;
use crate::state::use_app;
use crate::text::plural::{count, QUESTIONS};

/// The home page's list of categories, each with its description and number of questions.
#[component]
pub fn CategoryList(categories: Vec<(Category, usize)>) -> impl IntoView {
    let paths = use_app().config.with_value(|c| c.paths.clone());
    let items = categories
        .into_iter()
        .map(|(c, n)| {
            view! {
                <li class="pm-category-list__item">
                    <a href=paths.category(&c.id) class="pm-category-list__link">
                        <span class="pm-category-list__name">{c.name}</span>
                        <span class="pm-category-list__count">{count(n, &QUESTIONS)}</span>
                    </a>
                    {c.description.map(|d| view! { <p class="pm-category-list__description">{d}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="pm-category-list">{items}</ul> }
}
