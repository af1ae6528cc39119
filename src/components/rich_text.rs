//! Renders CMS rich text through the allow-list (see `crate::rich_text`). The sanitised tree is
//! built with `createElement`/`createTextNode` from the allow-list's own tag names and attributes:
//! the CMS string never reaches `innerHTML`. (Building the nodes directly, rather than with one
//! `view!` per tag, keeps the WebAssembly smaller.)

use leptos::html::Div;
use leptos::prelude::*;
use web_sys::{Document, Node};

use crate::browser;
use crate::rich_text::parse::parse_rich_text;
use crate::rich_text::RichNode;

#[component]
pub fn RichText(html: String) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    container.on_load(move |div| fill(&div, &html));
    view! { <div class="pm-rich-text" node_ref=container></div> }
}

/// The same, appended to `parent` by code that builds its own nodes (see `crate::dom`).
pub fn render_rich_text(parent: &web_sys::Element, html: &str) {
    let div = crate::dom::add(parent, "div", "pm-rich-text");
    fill(&div, html);
}

fn fill(div: &web_sys::Element, html: &str) {
    let doc = browser::document();
    for node in parse_rich_text(html, &browser::page_origin()) {
        append(&doc, div, &node);
    }
}

fn append(doc: &Document, parent: &Node, node: &RichNode) {
    let built: Option<Node> = match node {
        RichNode::Text(t) => Some(doc.create_text_node(t).into()),
        RichNode::Link {
            href: None,
            children,
            ..
        } => {
            // A link whose target was refused keeps its words, and stops being a link.
            for child in children {
                append(doc, parent, child);
            }
            None
        }
        RichNode::Link {
            href: Some(href),
            external,
            children,
        } => element(doc, "a").map(|a| {
            let _ = a.set_attribute("href", href);
            for child in children {
                append(doc, &a, child);
            }
            if *external {
                let _ = a.set_attribute("target", "_blank");
                let _ = a.set_attribute("rel", "noopener noreferrer");
                if let Some(note) = element(doc, "span") {
                    note.set_class_name("pm-visually-hidden");
                    note.set_text_content(Some(" (otworzy się w nowej karcie)"));
                    let _ = a.append_child(&note);
                }
            }
            a.into()
        }),
        RichNode::Element { tag, children } => element(doc, tag.name()).map(|el| {
            for child in children {
                append(doc, &el, child);
            }
            // Wide tables scroll inside their own box instead of the page.
            match (tag, element(doc, "div")) {
                (crate::rich_text::Tag::Table, Some(wrapper)) => {
                    wrapper.set_class_name("pm-rich-text__table");
                    let _ = wrapper.append_child(&el);
                    wrapper.into()
                }
                _ => el.into(),
            }
        }),
    };
    if let Some(n) = built {
        let _ = parent.append_child(&n);
    }
}

fn element(doc: &Document, name: &str) -> Option<web_sys::Element> {
    doc.create_element(name).ok()
}
