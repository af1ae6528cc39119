//! The sanitised rich-text tree, and the walk that builds it from a parsed fragment.

use super::policy::{clean_href, element_policy, is_external, ElementPolicy};

/// The elements the contract allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    P,
    Br,
    Ul,
    Ol,
    Li,
    Strong,
    B,
    Em,
    I,
    H3,
    H4,
    A,
    Table,
    Thead,
    Tbody,
    Tr,
    Th,
    Td,
}

impl Tag {
    /// The element's name, as `createElement` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::Br => "br",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
            Tag::Strong => "strong",
            Tag::B => "b",
            Tag::Em => "em",
            Tag::I => "i",
            Tag::H3 => "h3",
            Tag::H4 => "h4",
            Tag::A => "a",
            Tag::Table => "table",
            Tag::Thead => "thead",
            Tag::Tbody => "tbody",
            Tag::Tr => "tr",
            Tag::Th => "th",
            Tag::Td => "td",
        }
    }

    pub fn from_name(name: &str) -> Option<Tag> {
        Some(match name {
            "p" => Tag::P,
            "br" => Tag::Br,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "strong" => Tag::Strong,
            "b" => Tag::B,
            "em" => Tag::Em,
            "i" => Tag::I,
            "h3" => Tag::H3,
            "h4" => Tag::H4,
            "a" => Tag::A,
            "table" => Tag::Table,
            "thead" => Tag::Thead,
            "tbody" => Tag::Tbody,
            "tr" => Tag::Tr,
            "th" => Tag::Th,
            "td" => Tag::Td,
            _ => return None,
        })
    }
}

/// A node of the parsed, not yet trusted fragment: what the browser's inert parser produced.
#[derive(Debug, Clone, PartialEq)]
pub enum RawNode {
    Text(String),
    Element {
        local_name: String,
        namespace: Option<String>,
        /// The `href` attribute as written, if any. Other attributes are never read.
        href: Option<String>,
        children: Vec<RawNode>,
    },
    /// Comments, processing instructions and the like: always dropped.
    Other,
}

/// A node that is safe to render.
#[derive(Debug, Clone, PartialEq)]
pub enum RichNode {
    Text(String),
    Element {
        tag: Tag,
        children: Vec<RichNode>,
    },
    /// A link: `href` passed [`clean_href`]; `external` links open in a new tab and say so.
    Link {
        href: Option<String>,
        external: bool,
        children: Vec<RichNode>,
    },
}

/// Applies the allow-list to a parsed fragment. `page_origin` decides which links are external.
pub fn sanitize(nodes: &[RawNode], page_origin: &str) -> Vec<RichNode> {
    let mut out = Vec::new();
    for node in nodes {
        sanitize_into(node, page_origin, &mut out);
    }
    out
}

fn sanitize_into(node: &RawNode, page_origin: &str, out: &mut Vec<RichNode>) {
    match node {
        RawNode::Text(t) => match out.last_mut() {
            // Unwrapping can leave text nodes side by side; keep them as one.
            Some(RichNode::Text(prev)) => prev.push_str(t),
            _ => out.push(RichNode::Text(t.clone())),
        },
        RawNode::Other => {}
        RawNode::Element {
            local_name,
            namespace,
            href,
            children,
        } => match element_policy(local_name, namespace.as_deref()) {
            ElementPolicy::Drop => {}
            ElementPolicy::Unwrap => {
                for child in children {
                    sanitize_into(child, page_origin, out);
                }
            }
            ElementPolicy::Keep(Tag::A) => {
                let href = href.as_deref().and_then(clean_href);
                let external = href.as_deref().is_some_and(|h| is_external(h, page_origin));
                out.push(RichNode::Link {
                    href,
                    external,
                    children: sanitize(children, page_origin),
                });
            }
            ElementPolicy::Keep(tag) => {
                out.push(RichNode::Element {
                    tag,
                    children: sanitize(children, page_origin),
                });
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich_text::policy::HTML_NAMESPACE;

    const ORIGIN: &str = "https://www.wroclaw.pl";

    fn el(name: &str, children: Vec<RawNode>) -> RawNode {
        RawNode::Element {
            local_name: name.into(),
            namespace: Some(HTML_NAMESPACE.into()),
            href: None,
            children,
        }
    }
    fn a(href: &str, children: Vec<RawNode>) -> RawNode {
        RawNode::Element {
            local_name: "a".into(),
            namespace: Some(HTML_NAMESPACE.into()),
            href: Some(href.into()),
            children,
        }
    }
    fn text(t: &str) -> RawNode {
        RawNode::Text(t.into())
    }

    #[test]
    fn keeps_allowed_structure() {
        let out = sanitize(
            &[el(
                "p",
                vec![text("Masz "), el("strong", vec![text("dostęp")])],
            )],
            ORIGIN,
        );
        assert_eq!(
            out,
            vec![RichNode::Element {
                tag: Tag::P,
                children: vec![
                    RichNode::Text("Masz ".into()),
                    RichNode::Element {
                        tag: Tag::Strong,
                        children: vec![RichNode::Text("dostęp".into())]
                    }
                ]
            }]
        );
    }

    #[test]
    fn drops_scripts_with_content_and_unwraps_the_rest() {
        let out = sanitize(
            &[el(
                "div",
                vec![
                    text("a"),
                    el("script", vec![text("alert(1)")]),
                    el("span", vec![text("b")]),
                ],
            )],
            ORIGIN,
        );
        assert_eq!(out, vec![RichNode::Text("ab".into())]);
    }

    #[test]
    fn drops_svg_subtrees_even_with_html_names_inside() {
        let svg = RawNode::Element {
            local_name: "svg".into(),
            namespace: Some("http://www.w3.org/2000/svg".into()),
            href: None,
            children: vec![RawNode::Element {
                local_name: "a".into(),
                namespace: Some("http://www.w3.org/2000/svg".into()),
                href: Some("javascript:alert(1)".into()),
                children: vec![text("kliknij")],
            }],
        };
        assert!(sanitize(&[svg], ORIGIN).is_empty());
    }

    #[test]
    fn links_keep_safe_targets_only_and_know_when_they_leave_the_site() {
        let out = sanitize(
            &[
                a("https://pacjent.gov.pl", vec![text("IKP")]),
                a("javascript:alert(1)", vec![text("x")]),
                a("/pytanie/a", vec![text("y")]),
            ],
            ORIGIN,
        );
        assert_eq!(
            out,
            vec![
                RichNode::Link {
                    href: Some("https://pacjent.gov.pl".into()),
                    external: true,
                    children: vec![RichNode::Text("IKP".into())]
                },
                RichNode::Link {
                    href: None,
                    external: false,
                    children: vec![RichNode::Text("x".into())]
                },
                RichNode::Link {
                    href: Some("/pytanie/a".into()),
                    external: false,
                    children: vec![RichNode::Text("y".into())]
                },
            ]
        );
    }

    #[test]
    fn tag_names_round_trip() {
        for name in [
            "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "h3", "h4", "a", "table",
            "thead", "tbody", "tr", "th", "td",
        ] {
            assert_eq!(Tag::from_name(name).map(Tag::name), Some(name));
        }
    }

    #[test]
    fn comments_disappear_and_text_survives() {
        let out = sanitize(&[RawNode::Other, text("zostaje")], ORIGIN);
        assert_eq!(out, vec![RichNode::Text("zostaje".into())]);
    }
}
