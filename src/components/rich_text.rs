//! Renders CMS rich text through the allow-list (see `crate::rich_text`): the sanitised tree
//! becomes Leptos elements named by the allow-list's own tags, with only the attributes it
//! allows. The CMS string never reaches `innerHTML`.

use leptos::prelude::*;

use crate::browser;
use crate::rich_text::parse::parse_rich_text;
use crate::rich_text::{RichNode, Tag};
use crate::state::use_app;

#[component]
pub fn RichText(html: String) -> impl IntoView {
    // Links to the guide's own site stay in this tab, in the app and in the published HTML alike.
    let origin = use_app()
        .config
        .with_value(|c| c.site_origin(&browser::page_origin()).to_owned());
    let nodes = parse_rich_text(&html, &origin);
    view! { <div class="pm-rich-text">{nodes_view(nodes)}</div> }
}

fn nodes_view(nodes: Vec<RichNode>) -> AnyView {
    nodes.into_iter().map(node_view).collect_view().into_any()
}

fn node_view(node: RichNode) -> AnyView {
    match node {
        RichNode::Text(text) => text.into_any(),
        // A link whose target was refused keeps its words, and stops being a link.
        RichNode::Link {
            href: None,
            children,
            ..
        } => nodes_view(children),
        RichNode::Link {
            href: Some(href),
            external: true,
            children,
        } => view! {
            <a href=href target="_blank" rel="noopener noreferrer">
                {nodes_view(children)}
                <span class="pm-visually-hidden">" (otworzy się w nowej karcie)"</span>
            </a>
        }
        .into_any(),
        RichNode::Link {
            href: Some(href),
            external: false,
            children,
        } => view! { <a href=href>{nodes_view(children)}</a> }.into_any(),
        RichNode::Element { tag: Tag::Br, .. } => view! { <br/> }.into_any(),
        // Wide tables scroll inside their own box instead of the page.
        RichNode::Element {
            tag: Tag::Table,
            children,
        } => view! { <div class="pm-rich-text__table"><table>{nodes_view(children)}</table></div> }
            .into_any(),
        // Every other allowed tag takes its children only: one element builder for all of them,
        // named by the allow-list (never by the CMS's string).
        RichNode::Element { tag, children } => leptos::html::custom(tag.name())
            .child(nodes_view(children))
            .into_any(),
    }
}
