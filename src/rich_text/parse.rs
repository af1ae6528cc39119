//! The browser's side of rich text: an inert parse with `DOMParser`.
//!
//! A document made by `DOMParser` has no browsing context: its scripts never run, its images never
//! load, its event handlers never fire. Nothing of it is attached to the live page; only the
//! sanitised [`RichNode`] tree is rendered, as new elements.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use super::tree::{sanitize, RawNode, RichNode};

/// Parses `html` inertly and applies the allow-list.
pub fn parse_rich_text(html: &str, page_origin: &str) -> Vec<RichNode> {
    let Ok(parser) = DomParser::new() else {
        return vec![RichNode::Text(html.to_owned())];
    };
    // The doctype keeps the parser in standards mode; the explicit <body> makes everything that
    // follows, even <style> or <meta>, body content that the walk sees (and drops or unwraps).
    let wrapped = format!("<!DOCTYPE html><html><head></head><body>{html}");
    let Some(body) = parser
        .parse_from_string(&wrapped, SupportedType::TextHtml)
        .ok()
        .and_then(|doc| doc.body())
    else {
        return Vec::new();
    };
    sanitize(&raw_children(&body), page_origin)
}

fn raw_children(node: &Node) -> Vec<RawNode> {
    let list = node.child_nodes();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| raw_node(&n))
        .collect()
}

fn raw_node(node: &Node) -> RawNode {
    match node.node_type() {
        Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
            RawNode::Text(node.text_content().unwrap_or_default())
        }
        Node::ELEMENT_NODE => {
            let el: &Element = node.unchecked_ref();
            RawNode::Element {
                local_name: el.local_name(),
                namespace: el.namespace_uri(),
                href: el.get_attribute("href"),
                children: raw_children(node),
            }
        }
        _ => RawNode::Other,
    }
}
