use leptos::prelude::*;

/// The portal's notice ("Portal w rozbudowie – …").
#[component]
pub fn NoticeBanner(text: String) -> impl IntoView {
    view! {
        <div class="pm-notice-banner">
            <p class="pm-notice-banner__text">{text}</p>
        </div>
    }
}
