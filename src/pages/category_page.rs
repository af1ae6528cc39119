use leptos::prelude::*;

use super::{base_crumbs, NotFound};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::data_error::DataError;
use crate::components::guide_loader::{GuideLoader, Loaded};
use crate::components::loading_state::LoadingState;
use crate::components::page_head::{HeadInfo, PageHead};
use crate::components::question_list::QuestionList;
use crate::data::split::{page_data, PageData};
use crate::paths::Route;
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
            // A split site's category: its document on its way, failed, or gone.
            let route = Route::Category(category.id.clone());
            match page_data(&guide, &route) {
                PageData::Coming => return view! { <LoadingState/> }.into_any(),
                PageData::Failed(error) => return view! { <DataError error page=route/> }.into_any(),
                PageData::Missing | PageData::Here => {}
            }
            let Some(listed) = guide.listed_in(&category.id) else {
                return view! { <NotFound/> }.into_any();
            };
            let questions = listed.into_iter().map(|q| (q.id, q.title)).collect::<Vec<_>>();
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
