use leptos::prelude::*;

use super::{base_crumbs, NotFound};
use crate::components::ask_banner::AskBanner;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::contact_card::ContactCard;
use crate::components::data_error::DataError;
use crate::components::disclaimer::Disclaimer;
use crate::components::editor_link::EditorLink;
use crate::components::faq_accordion::FaqAccordion;
use crate::components::feedback_widget::FeedbackWidget;
use crate::components::guide_loader::{GuideLoader, Loaded};
use crate::components::loading_state::LoadingState;
use crate::components::page_address::PageAddress;
use crate::components::page_head::{HeadInfo, PageHead};
use crate::components::related_questions::RelatedQuestions;
use crate::components::rich_text::RichText;
use crate::components::update_date::UpdateDate;
use crate::data::split::{page_data, PageData};
use crate::paths::Route;
use crate::search::plain_text::plain_text;
use crate::state::use_app;

/// A question: what residents come for.
#[component]
pub fn QuestionPage(id: String) -> impl IntoView {
    let (paths, editor_links) = use_app()
        .config
        .with_value(|c| (c.paths.clone(), c.editor_links));
    view! {
        <GuideLoader page=move |guide: Loaded| {
            // A split site's question: its document on its way, or failed.
            let route = Route::Question(id.clone());
            match page_data(&guide, &route) {
                PageData::Coming => return view! { <LoadingState/> }.into_any(),
                PageData::Failed(error) => return view! { <DataError error page=route/> }.into_any(),
                PageData::Missing | PageData::Here => {}
            }
            let Some(question) = guide.question(&id).cloned() else {
                return view! { <NotFound/> }.into_any();
            };
            let mut crumbs = base_crumbs(&guide, &paths);
            // A question whose category is missing is still shown; its path just skips that step.
            if let Some(category) = guide.category(&question.category) {
                crumbs.push(Crumb { label: category.name.clone(), href: paths.category(&category.id), external: false });
            }
            let institution = question.institution.as_deref().and_then(|i| guide.institution(i)).cloned();
            let updated = question.updated_date();
            // The vote names the version of the answer it is about (see `FeedbackWidget`).
            let voted_on = updated.map(|date| (question.id.clone(), date.iso()));
            let faq = (!question.faq.is_empty()).then(|| question.faq.clone());
            let disclaimer = guide.portal.disclaimer.clone();
            let related = guide
                .related_to(&question, 5)
                .into_iter()
                .map(|q| (q.id, q.title))
                .collect::<Vec<_>>();
            let edit_url = question.edit_url.clone().filter(|_| editor_links);
            let head = HeadInfo {
                title: Some(question.title.clone()),
                about: Some(plain_text(&question.answer_html)),
                article: true,
                // JSON-LD is written by the publish step only (see `PageHead`).
                crumbs: if cfg!(feature = "ssr") { crumbs.clone() } else { Vec::new() },
                faq: if cfg!(feature = "ssr") {
                    question
                        .faq
                        .iter()
                        .map(|i| (i.question.clone(), plain_text(&i.answer_html)))
                        .collect()
                } else {
                    Vec::new()
                },
                ..HeadInfo::default()
            };
            view! {
                <PageHead info=head/>
                <article class="pm-question-page">
                    <Breadcrumbs crumbs current=question.title.clone()/>
                    {edit_url.map(|href| view! { <EditorLink href/> })}
                    <h1 class="pm-page-title" tabindex="-1">{question.title.clone()}</h1>
                    {updated.map(|date| view! { <UpdateDate date/> })}
                    <RichText html=question.answer_html.clone()/>
                    {faq.map(|items| view! { <FaqAccordion items/> })}
                    {institution.map(|institution| view! { <ContactCard institution/> })}
                    {disclaimer.map(|text| view! { <Disclaimer text/> })}
                    <PageAddress/>
                    {(!related.is_empty()).then(|| view! { <RelatedQuestions questions=related/> })}
                    {voted_on.map(|(question_id, updated)| view! { <FeedbackWidget question_id updated/> })}
                    <AskBanner notice=guide.portal.notice.clone()/>
                </article>
            }
            .into_any()
        }/>
    }
}
