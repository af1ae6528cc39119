//! schema.org structured data as JSON-LD: the page's `BreadcrumbList`, and a question's FAQ as
//! `FAQPage` (valid schema.org, though Google no longer shows FAQ rich results). It goes into a
//! `<script type="application/ld+json">` data block, which runs nothing, so the strict CSP holds.

use serde_json::{json, Value};

/// A `BreadcrumbList` of (name, absolute URL) from the home page down to the page itself.
pub fn breadcrumb_list(items: &[(String, String)]) -> Value {
    let elements: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            json!({"@type": "ListItem", "position": i + 1, "name": name, "item": url})
        })
        .collect();
    json!({"@type": "BreadcrumbList", "itemListElement": elements})
}

/// A `FAQPage` of (question, answer as plain text).
pub fn faq_page(items: &[(String, String)]) -> Value {
    let questions: Vec<Value> = items
        .iter()
        .map(|(q, a)| {
            json!({"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}})
        })
        .collect();
    json!({"@type": "FAQPage", "mainEntity": questions})
}

/// The text of the data block for `items`: one `@graph`, with every character that could end
/// the `<script>` element or be read as markup escaped (`<`, `>`, `&` as `\u003c`…), so the
/// same text is right whether it is written into HTML or set as a text node.
pub fn script_text(items: Vec<Value>) -> String {
    let doc = json!({"@context": "https://schema.org", "@graph": items});
    let mut out = String::new();
    for c in doc.to_string().chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumbs_are_numbered_from_one() {
        let v = breadcrumb_list(&[
            ("Poradnik".into(), "https://p.pl/".into()),
            ("Zdrowie".into(), "https://p.pl/kategoria/zdrowie".into()),
        ]);
        assert_eq!(v["itemListElement"][1]["position"], 2);
        assert_eq!(
            v["itemListElement"][1]["item"],
            "https://p.pl/kategoria/zdrowie"
        );
    }

    #[test]
    fn the_data_block_cannot_close_its_script_element() {
        let text = script_text(vec![faq_page(&[(
            "</script><script>alert(1)</script>".into(),
            "A & B".into(),
        )])]);
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back["@graph"][0]["mainEntity"][0]["name"],
            "</script><script>alert(1)</script>"
        );
        assert_eq!(
            back["@graph"][0]["mainEntity"][0]["acceptedAnswer"]["text"],
            "A & B"
        );
        assert_eq!(back["@context"], "https://schema.org");
    }
}
