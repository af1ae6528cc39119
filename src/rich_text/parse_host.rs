//! The host's side of rich text, for the publish step (`crate::publish`): the fragment parsed by
//! html5ever, which implements the same HTML standard parsing algorithm as the browser's
//! `DOMParser` (`parse.rs`), into the same [`RawNode`] tree, then the same allow-list. So a
//! published page and the app show the same text, links and structure.

use html5ever::driver::{parse_document, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{node::Node, ElementRef, Html, HtmlTreeSink, Selector};

use super::tree::{sanitize, RawNode, RichNode};

/// Parses `html` (nothing of it runs or loads) and applies the allow-list.
pub fn parse_rich_text(html: &str, page_origin: &str) -> Vec<RichNode> {
    let wrapped = format!("<!DOCTYPE html><html><head></head><body>{html}");
    // Scripting off, as in a DOMParser document: <noscript> holds elements, not text.
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let doc = parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(wrapped);
    let body = Selector::parse("body").expect("a valid selector");
    let Some(body) = doc.select(&body).next() else {
        return Vec::new();
    };
    sanitize(&raw_children(body), page_origin)
}

fn raw_children(el: ElementRef) -> Vec<RawNode> {
    el.children()
        .map(|child| match child.value() {
            Node::Text(text) => RawNode::Text(text.to_string()),
            Node::Element(e) => RawNode::Element {
                local_name: e.name().to_owned(),
                namespace: Some(e.name.ns.to_string()).filter(|ns| !ns.is_empty()),
                href: e.attr("href").map(str::to_owned),
                children: ElementRef::wrap(child)
                    .map(raw_children)
                    .unwrap_or_default(),
            },
            _ => RawNode::Other,
        })
        .collect()
}
