use leptos::prelude::*;

use super::{base_crumbs, NotFound};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::guide_loader::{GuideLoader, Loaded};
use crate::components::page_head::{HeadInfo, PageHead};
use crate::components::question_list::QuestionList;
use crate::state::use_app;

/// A category: its name, description and questions.
#[component]
pub fn CategoryPage(id: String) -> impl IntoView {
    let paths = use_app().config.with_value(|c| c.paths.clone());
    view! {
        <GuideLoader page=move |guide: Loaded| {
            let Some(category) = guide.category(&id).cloned() else {
                return view! { <NotFound/> }.into_any();
            };
            let questions = guide
                .questions_in(&category.id)
                .map(|q| (q.id.clone(), q.title.clone()))
                .collect::<Vec<_>>();
            let crumbs = base_crumbs(&guide, &paths);
            let head = HeadInfo {
                title: Some(category.name.clone()),
                about: category.description.clone(),
                crumbs: if cfg!(feature = "ssr") { crumbs.clone() } else { Vec::new() },
                ..HeadInfo::default()
            };
            view! {
                <PageHead info=head/>
                <div class="pm-category-page">
                    <Breadcrumbs crumbs current=category.name.clone()/>
                    <h1 class="pm-page-title" tabindex="-1">{category.name}</h1>
                    {category.description.map(|d| view! { <p class="pm-lead">{d}</p> })}
                    <QuestionList questions/>
                </div>
            }
            .into_any()
        }/>
    }
}
