use leptos::prelude::*;

use crate::components::guide_loader::{GuideLoader, Loaded};
use crate::components::page_head::{HeadInfo, PageHead};
use crate::state::use_app;

/// Any address the guide does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <GuideLoader page=|_: Loaded| view! { <NotFound/> }/> }
}

/// "Nie znaleziono strony", also for a category or question id that does not exist (any more).
#[component]
pub fn NotFound() -> impl IntoView {
    let home = use_app().config.with_value(|c| c.paths.home());
    let head = HeadInfo {
        title: Some("Nie znaleziono strony".into()),
        noindex: true,
        ..HeadInfo::default()
    };
    view! {
        <PageHead info=head/>
        <div class="pm-not-found-page">
            <h1 class="pm-page-title" tabindex="-1">"Nie znaleziono strony"</h1>
            <p>"Pod tym adresem nie ma pytania ani kategorii. Mogły zostać przeniesione lub usunięte."</p>
            <p><a href=home>"Przejdź do strony głównej Poradnika Mieszkańca"</a></p>
        </div>
    }
}
