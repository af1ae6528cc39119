use leptos::prelude::*;

use crate::components::ask_banner::AskBanner;
use crate::components::category_list::CategoryList;
use crate::components::guide_loader::{GuideLoader, Loaded};
use crate::components::notice_banner::NoticeBanner;
use crate::components::page_head::{HeadInfo, PageHead};
use crate::state::use_app;

/// The guide's home: its title, the notice, and the categories.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <GuideLoader page=|guide: Loaded| {
            let can_ask = use_app().config.with_value(|c| c.can_ask());
            let categories = guide
                .categories_with_counts()
                .into_iter()
                .map(|(c, n)| (c.clone(), n))
                .collect::<Vec<_>>();
            view! {
                <PageHead info=HeadInfo::default()/>
                <div class="pm-home-page">
                    <h1 class="pm-page-title" tabindex="-1">{guide.portal.title.clone()}</h1>
                    // The notice leads into "Zgłoś swoje pytanie" where questions can be asked.
                    {if can_ask {
                        view! { <AskBanner notice=guide.portal.notice.clone()/> }.into_any()
                    } else {
                        guide.portal.notice.clone().map(|text| view! { <NoticeBanner text/> }).into_any()
                    }}
                    <h2 class="pm-section-title">"Kategorie"</h2>
                    <CategoryList categories/>
                </div>
            }
        }/>
    }
}
