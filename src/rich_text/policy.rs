//! The allow-list of `shared/spec/faq-data.md` ("Rich text"), as plain decisions on names and
//! strings.

use super::tree::Tag;
use crate::url::scheme_of;

pub const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// What happens to one element of the fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementPolicy {
    /// Kept, as this tag (its allowed attributes only).
    Keep(Tag),
    /// Removed with everything inside it.
    Drop,
    /// Removed, but its text and allowed children stay.
    Unwrap,
}

/// Decides the fate of an element by its local name and namespace. Anything outside the HTML
/// namespace (SVG, MathML) is dropped whole.
pub fn element_policy(local_name: &str, namespace: Option<&str>) -> ElementPolicy {
    if namespace != Some(HTML_NAMESPACE) {
        return ElementPolicy::Drop;
    }
    let name = local_name.to_ascii_lowercase();
    if let Some(tag) = Tag::from_name(&name) {
        return ElementPolicy::Keep(tag);
    }
    match name.as_str() {
        "script" | "style" | "template" | "iframe" | "object" | "embed" => ElementPolicy::Drop,
        _ => ElementPolicy::Unwrap,
    }
}

/// The schemes a link may have.
const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Cleans a link target the way a browser's URL parser would read it, and keeps it only when it
/// is `http:`, `https:`, `mailto:`, `tel:` or a path relative to the page.
///
/// Browsers strip leading and trailing control characters and spaces and ignore tabs and newlines
/// anywhere, so "\tjava\nscript:alert(1)" is a `javascript:` link: it is compared after the same
/// clean-up, and the cleaned value is what the page gets.
pub fn clean_href(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    match scheme_of(&cleaned) {
        Some(scheme) if ALLOWED_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) => {
            Some(cleaned)
        }
        Some(_) => None,
        None if cleaned.contains(':') && !starts_relative(&cleaned) => {
            // A colon before any path character without a valid scheme ("java script:", "1:x"):
            // not something an editor means; refuse rather than guess how a browser reads it.
            None
        }
        None => Some(cleaned),
    }
}

fn starts_relative(url: &str) -> bool {
    let colon = url.find(':').unwrap_or(url.len());
    url[..colon].contains(['/', '?', '#'])
}

/// Whether a (cleaned) link leaves the page's origin, and so opens in a new tab.
///
/// `page_origin` is `scheme://host[:port]` of the page. `mailto:` and `tel:` links are not
/// "another site": they open the resident's mail or phone app. Relative paths stay on the origin;
/// scheme-relative ones (`//host/...`, or with backslashes, which browsers read the same) do not,
/// unless they name the page's own host.
pub fn is_external(href: &str, page_origin: &str) -> bool {
    let normalized = href.replace('\\', "/");
    let lower = normalized.to_ascii_lowercase();
    if lower.starts_with("mailto:") || lower.starts_with("tel:") {
        return false;
    }
    let page = page_origin.trim_end_matches('/').to_ascii_lowercase();
    let absolute = if lower.starts_with("//") {
        match page.split_once("//") {
            Some((scheme, _)) => format!("{scheme}{lower}"),
            None => return true,
        }
    } else if scheme_of(&lower).is_some() {
        lower
    } else {
        return false;
    };
    let origin_end = absolute
        .find("//")
        .map(|i| i + 2)
        .and_then(|start| absolute[start..].find(['/', '?', '#']).map(|j| start + j))
        .unwrap_or(absolute.len());
    absolute[..origin_end] != page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_allowed_elements() {
        for name in [
            "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "h3", "h4", "a", "table",
            "thead", "tbody", "tr", "th", "td",
        ] {
            assert!(
                matches!(
                    element_policy(name, Some(HTML_NAMESPACE)),
                    ElementPolicy::Keep(_)
                ),
                "{name}"
            );
        }
        assert!(matches!(
            element_policy("P", Some(HTML_NAMESPACE)),
            ElementPolicy::Keep(Tag::P)
        ));
    }

    #[test]
    fn drops_dangerous_elements_with_their_content() {
        for name in [
            "script", "style", "template", "iframe", "object", "embed", "SCRIPT",
        ] {
            assert_eq!(
                element_policy(name, Some(HTML_NAMESPACE)),
                ElementPolicy::Drop,
                "{name}"
            );
        }
        assert_eq!(
            element_policy("svg", Some("http://www.w3.org/2000/svg")),
            ElementPolicy::Drop
        );
        assert_eq!(
            element_policy("a", Some("http://www.w3.org/2000/svg")),
            ElementPolicy::Drop
        );
        assert_eq!(
            element_policy("math", Some("http://www.w3.org/1998/Math/MathML")),
            ElementPolicy::Drop
        );
        assert_eq!(element_policy("p", None), ElementPolicy::Drop);
    }

    #[test]
    fn unwraps_everything_else() {
        for name in [
            "div",
            "span",
            "form",
            "input",
            "img",
            "base",
            "h1",
            "h2",
            "blockquote",
            "font",
            "marquee",
        ] {
            assert_eq!(
                element_policy(name, Some(HTML_NAMESPACE)),
                ElementPolicy::Unwrap,
                "{name}"
            );
        }
    }

    #[test]
    fn keeps_links_with_allowed_schemes_and_relative_paths() {
        for ok in [
            "https://pacjent.gov.pl",
            "http://example.org/a?b#c",
            "mailto:bom@um.wroc.pl",
            "tel:+48717777777",
            "HTTPS://X.PL",
            "/pytanie/abc",
            "pytanie/abc",
            "#sekcja",
            "?q=1",
            "../a:b",
        ] {
            assert!(clean_href(ok).is_some(), "{ok}");
        }
        assert_eq!(
            clean_href("  https://a.pl/x  ").as_deref(),
            Some("https://a.pl/x")
        );
    }

    #[test]
    fn refuses_script_and_data_links_however_they_are_written() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "\tjava\nscript:alert(1)",
            "java\r\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "jAvAsCrIpT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://x/1",
            "java script:alert(1)",
            "",
            "   ",
        ] {
            assert_eq!(clean_href(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn tells_other_sites_from_this_one() {
        let origin = "https://www.wroclaw.pl";
        assert!(is_external("https://pacjent.gov.pl", origin));
        assert!(
            is_external("http://www.wroclaw.pl/", origin),
            "another scheme is another origin"
        );
        assert!(is_external("//evil.example/x", origin));
        assert!(is_external("\\\\evil.example/x", origin));
        assert!(is_external("https://www.wroclaw.pl.evil.example/", origin));
        assert!(!is_external("https://www.wroclaw.pl/poradnik", origin));
        assert!(!is_external("HTTPS://WWW.WROCLAW.PL", origin));
        assert!(!is_external("/pytanie/x", origin));
        assert!(!is_external("pytanie/x", origin));
        assert!(!is_external("mailto:bom@um.wroc.pl", origin));
        assert!(!is_external("tel:717777777", origin));
    }
}
