use leptos::prelude::*;

use crate::components::question_list::QuestionList;

/// "Zobacz także": other questions a resident may need next.
#[component]
pub fn RelatedQuestions(questions: Vec<(String, String)>) -> impl IntoView {
    view! {
        <nav class="pm-related-questions" aria-labelledby="pm-related-heading">
            <h2 class="pm-related-questions__title" id="pm-related-heading">"Zobacz także"</h2>
            <QuestionList questions/>
        </nav>
    }
}
