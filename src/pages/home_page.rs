use leptos::prelude::*;

use crate::browser;
use crate::components::category_list::CategoryList;
use crate::components::guide_loader::GuideLoader;
use crate::components::notice_banner::NoticeBanner;

/// The guide's home: its title, the notice, and the categories.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <GuideLoader page=|guide| {
            browser::set_page_title(None);
            let categories = guide
                .categories_with_counts()
                .into_iter()
                .map(|(c, n)| (c.clone(), n))
                .collect::<Vec<_>>();
            view! {
                <div class="pm-home-page">
                    <h1 class="pm-page-title" tabindex="-1">{guide.portal.title.clone()}</h1>
                    {guide.portal.notice.clone().map(|text| view! { <NoticeBanner text/> })}
                    <h2 class="pm-section-title">"Kategorie"</h2>
                    <CategoryList categories/>
                </div>
            }
        }/>
    }
}
