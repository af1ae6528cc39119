use leptos::prelude::*;

/// One step of the path; the last one is the current page and is not a link.
#[derive(Clone)]
pub struct Crumb {
    pub label: String,
    pub href: String,
    /// A link to a page outside the app (the portal's root), followed by a full page load.
    pub external: bool,
}

/// "wroclaw.pl › Poradnik Mieszkańca › Kategoria › Pytanie", as a `nav` landmark.
#[component]
pub fn Breadcrumbs(crumbs: Vec<Crumb>, current: String) -> impl IntoView {
    let links = crumbs
        .into_iter()
        .map(|c| {
            let link = if c.external {
                view! { <a class="pm-breadcrumbs__link" href=c.href>{c.label}</a> }.into_any()
            } else {
                view! { <a href=c.href class="pm-breadcrumbs__link">{c.label}</a> }.into_any()
            };
            view! { <li class="pm-breadcrumbs__item">{link}</li> }
        })
        .collect_view();
    view! {
        <nav class="pm-breadcrumbs" aria-label="Ścieżka nawigacji">
            <ol class="pm-breadcrumbs__list">
                {links}
                <li class="pm-breadcrumbs__item">
                    <span class="pm-breadcrumbs__current" aria-current="page">{current}</span>
                </li>
            </ol>
        </nav>
    }
}
