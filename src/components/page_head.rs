//! The head of every page, through `leptos_meta`, so that the app and the published HTML
//! (`crate::publish`) share one definition: the title, the description, the canonical address,
//! Open Graph for link previews, and JSON-LD (`BreadcrumbList`, a question's `FAQPage`) as a
//! data block. Nothing at all in a host page that keeps its own head (`Config::manage_title`).

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::browser;
use crate::components::breadcrumbs::Crumb;
use crate::router::use_router;
use crate::site::description::description;
use crate::site::{page_title, DEFAULT_DESCRIPTION, DEFAULT_IMAGE, SITE_NAME};
use crate::state::use_app;

/// What a page says about itself in its head.
#[derive(Default)]
pub struct HeadInfo {
    /// The page's own title (`None`: the portal's name alone).
    pub title: Option<String>,
    /// Plain text whose first sentence describes the page (`None`: the portal's description).
    pub about: Option<String>,
    /// A question's page (`og:type` "article") rather than a list ("website").
    pub article: bool,
    /// The way from the home page down (breadcrumbs without the page itself), for JSON-LD.
    pub crumbs: Vec<Crumb>,
    /// FAQ items as (question, plain-text answer), for JSON-LD.
    pub faq: Vec<(String, String)>,
    /// A page that search engines should not keep (an address that names no page).
    pub noindex: bool,
}

#[component]
pub fn PageHead(info: HeadInfo) -> impl IntoView {
    // One type for every page's head (smaller WebAssembly, shallower types).
    let config = use_app().config;
    // Nothing while a published page waits for the app (whatever renders apart meanwhile, an
    // error included, must not change the head of the page the resident reads): its own head
    // stays until the resident moves on (`crate::takeover::forget_published_head`).
    if !config.with_value(|c| c.manage_title) || crate::takeover::published_page_shown() {
        return None;
    }
    let (origin, base) = config.with_value(|c| {
        (
            c.site_origin(&browser::page_origin()).to_owned(),
            c.paths.base().to_owned(),
        )
    });
    let url = use_router().page_url();
    let absolute = |href: &str| {
        if href.starts_with('/') {
            format!("{origin}{href}")
        } else {
            href.to_owned()
        }
    };
    let description = info
        .about
        .as_deref()
        .map(description)
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| DEFAULT_DESCRIPTION.to_owned());
    let name = info.title.clone().unwrap_or_else(|| SITE_NAME.to_owned());
    let json_ld = structured_data(&info, &name, &url, absolute);
    let title = page_title(info.title.as_deref());
    // leptos_meta writes the title into the published HTML as it is (attributes it escapes).
    #[cfg(feature = "ssr")]
    let title = crate::site::escape_html(&title);
    let mut named = vec![("description", description.clone())];
    if info.noindex {
        named.push(("robots", "noindex".to_owned()));
    }
    let mut properties = vec![
        (
            "og:type",
            (if info.article { "article" } else { "website" }).to_owned(),
        ),
        ("og:title", name),
        ("og:description", description),
        ("og:image", format!("{origin}{base}{DEFAULT_IMAGE}")),
        ("og:locale", "pl_PL".to_owned()),
        ("og:site_name", SITE_NAME.to_owned()),
    ];
    // A page that is no page (404, a failed load) has no address of its own to give.
    let canonical = (!info.noindex).then(|| {
        properties.push(("og:url", url.clone()));
        view! { <Link rel="canonical" href=url/> }
    });
    // Lists of one element type each: a few small functions in the WebAssembly instead of one
    // per tag.
    let named = named
        .into_iter()
        .map(|(name, content)| view! { <Meta name content/> })
        .collect_view();
    let properties = properties
        .into_iter()
        .map(|(property, content)| view! { <Meta property content/> })
        .collect_view();
    Some(
        view! {
            <Title text=title/>
            {named}
            {canonical}
            {properties}
            {json_ld_block(json_ld)}
        }
        .into_any(),
    )
}

/// The page's JSON-LD, for the published HTML only: crawlers read it there, and the app keeps
/// the published block until the resident goes to another page (`crate::takeover`), which
/// keeps serde_json's writer and the schema.org shapes out of the WebAssembly.
#[cfg(feature = "ssr")]
fn structured_data(
    info: &HeadInfo,
    name: &str,
    url: &str,
    absolute: impl Fn(&str) -> String,
) -> Option<String> {
    use crate::site::structured_data::{breadcrumb_list, faq_page, script_text};
    let mut structured = Vec::new();
    if !info.crumbs.is_empty() {
        let mut steps: Vec<(String, String)> = info
            .crumbs
            .iter()
            .map(|c| (c.label.clone(), absolute(&c.href)))
            .collect();
        steps.push((name.to_owned(), url.to_owned()));
        structured.push(breadcrumb_list(&steps));
    }
    if !info.faq.is_empty() {
        structured.push(faq_page(&info.faq));
    }
    (!structured.is_empty()).then(|| script_text(structured))
}

#[cfg(feature = "ssr")]
fn json_ld_block(text: Option<String>) -> impl IntoView {
    use leptos_meta::Script;
    text.map(|text| view! { <Script type_="application/ld+json">{text}</Script> })
}

#[cfg(not(feature = "ssr"))]
fn json_ld_block(_: Option<String>) -> impl IntoView {}

#[cfg(not(feature = "ssr"))]
fn structured_data(_: &HeadInfo, _: &str, _: &str, _: impl Fn(&str) -> String) -> Option<String> {
    None
}
