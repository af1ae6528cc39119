use leptos::prelude::*;

use crate::state::use_app;

/// A list of questions as links to their pages: (id, title) pairs.
#[component]
pub fn QuestionList(questions: Vec<(String, String)>) -> impl IntoView {
    let paths = use_app().config.with_value(|c| c.paths.clone());
    let items = questions
        .into_iter()
        .map(|(id, title)| {
            view! {
                <li class="pm-question-list__item">
                    <a href=paths.question(&id) class="pm-question-list__link">{title}</a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="pm-question-list">{items}</ul> }
}
