//! Renders CMS rich text through the allow-list (see `crate::rich_text`): every element here is
//! created by Leptos from the sanitised tree; the CMS string never reaches `innerHTML`.

use leptos::prelude::*;

use crate::browser;
use crate::rich_text::parse::parse_rich_text;
use crate::rich_text::{RichNode, Tag};

#[component]
pub fn RichText(html: String) -> impl IntoView {
    let nodes = parse_rich_text(&html, &browser::page_origin());
    view! { <div class="pm-rich-text">{render(&nodes)}</div> }
}

fn render(nodes: &[RichNode]) -> Vec<AnyView> {
    nodes.iter().map(render_node).collect()
}

fn render_node(node: &RichNode) -> AnyView {
    match node {
        RichNode::Text(t) => t.clone().into_any(),
        RichNode::Link {
            href: None,
            children,
            ..
        } => render(children).into_any(),
        RichNode::Link {
            href: Some(href),
            external: true,
            children,
        } => view! {
            <a href=href.clone() target="_blank" rel="noopener noreferrer">
                {render(children)}
                <span class="pm-visually-hidden">" (otworzy się w nowej karcie)"</span>
            </a>
        }
        .into_any(),
        RichNode::Link {
            href: Some(href),
            external: false,
            children,
        } => view! { <a href=href.clone()>{render(children)}</a> }.into_any(),
        RichNode::Element { tag, children } => {
            let c = render(children);
            match tag {
                Tag::P => view! { <p>{c}</p> }.into_any(),
                Tag::Br => view! { <br/> }.into_any(),
                Tag::Ul => view! { <ul>{c}</ul> }.into_any(),
                Tag::Ol => view! { <ol>{c}</ol> }.into_any(),
                Tag::Li => view! { <li>{c}</li> }.into_any(),
                Tag::Strong => view! { <strong>{c}</strong> }.into_any(),
                Tag::B => view! { <b>{c}</b> }.into_any(),
                Tag::Em => view! { <em>{c}</em> }.into_any(),
                Tag::I => view! { <i>{c}</i> }.into_any(),
                Tag::H3 => view! { <h3>{c}</h3> }.into_any(),
                Tag::H4 => view! { <h4>{c}</h4> }.into_any(),
                Tag::A => c.into_any(),
                Tag::Table => {
                    view! { <div class="pm-rich-text__table"><table>{c}</table></div> }.into_any()
                }
                Tag::Thead => view! { <thead>{c}</thead> }.into_any(),
                Tag::Tbody => view! { <tbody>{c}</tbody> }.into_any(),
                Tag::Tr => view! { <tr>{c}</tr> }.into_any(),
                Tag::Th => view! { <th>{c}</th> }.into_any(),
                Tag::Td => view! { <td>{c}</td> }.into_any(),
            }
        }
    }
}
