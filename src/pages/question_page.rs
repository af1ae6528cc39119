use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{base_crumbs, NotFound};
use crate::app::use_app;
use crate::browser;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::contact_card::ContactCard;
use crate::components::disclaimer::Disclaimer;
use crate::components::faq_list::FaqList;
use crate::components::guide_loader::GuideLoader;
use crate::components::rich_text::RichText;
use crate::components::update_date::UpdateDate;

/// A question: what residents come for.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = use_params_map();
    let paths = use_app().config.with_value(|c| c.paths.clone());
    view! {
        <GuideLoader page=move |guide| {
            let id = params.read().get("id").unwrap_or_default();
            let Some(question) = guide.question(&id).cloned() else {
                return view! { <NotFound/> }.into_any();
            };
            browser::set_page_title(Some(&question.title));
            let mut crumbs = base_crumbs(&guide, &paths);
            // A question whose category is missing is still shown; its path just skips that step.
            if let Some(category) = guide.category(&question.category) {
                crumbs.push(Crumb { label: category.name.clone(), href: paths.category(&category.id), external: false });
            }
            let institution = question.institution.as_deref().and_then(|i| guide.institution(i)).cloned();
            let updated = question.updated_date();
            let faq = (!question.faq.is_empty()).then(|| question.faq.clone());
            let disclaimer = guide.portal.disclaimer.clone();
            view! {
                <article class="pm-question-page">
                    <Breadcrumbs crumbs current=question.title.clone()/>
                    <h1 class="pm-page-title" tabindex="-1">{question.title.clone()}</h1>
                    {updated.map(|date| view! { <UpdateDate date/> })}
                    <RichText html=question.answer_html.clone()/>
                    {faq.map(|items| view! { <FaqList items/> })}
                    {institution.map(|institution| view! { <ContactCard institution/> })}
                    {disclaimer.map(|text| view! { <Disclaimer text/> })}
                </article>
            }
            .into_any()
        }/>
    }
}
