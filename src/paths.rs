//! The app's URLs. Readable Polish paths under the base path:
//!
//! | page | path |
//! |---|---|
//! | home | `{base}` |
//! | category | `{base}kategoria/{category-id}` |
//! | question | `{base}pytanie/{question-id}` |
//!
//! A question's URL does not depend on its category, so it stays valid when an editor moves it.
//! leptos_router does not prefix `<A href="/…">` with the router's base, so every link the app
//! renders is built here, base included.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Always starts and ends with '/'.
    base: String,
}

pub const CATEGORY_SEGMENT: &str = "kategoria";
pub const QUESTION_SEGMENT: &str = "pytanie";
pub const SEARCH_SEGMENT: &str = "szukaj";

impl Paths {
    /// `base` must start and end with '/' (see `Config`).
    pub fn new(base: String) -> Paths {
        debug_assert!(base.starts_with('/') && base.ends_with('/'));
        Paths { base }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// The router's `base`: the base path without its trailing slash, or none at the root.
    pub fn router_base(&self) -> Option<String> {
        let trimmed = self.base.trim_end_matches('/');
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    }

    pub fn home(&self) -> String {
        self.base.clone()
    }

    pub fn category(&self, id: &str) -> String {
        format!("{}{CATEGORY_SEGMENT}/{id}", self.base)
    }

    pub fn question(&self, id: &str) -> String {
        format!("{}{QUESTION_SEGMENT}/{id}", self.base)
    }

    /// A question's page, at one FAQ item when `anchor` is given.
    pub fn question_at(&self, id: &str, anchor: Option<&str>) -> String {
        match anchor {
            Some(a) => format!("{}#{a}", self.question(id)),
            None => self.question(id),
        }
    }

    /// The search page; `query` is URL-encoded here.
    pub fn search(&self, query: &str) -> String {
        if query.is_empty() {
            format!("{}{SEARCH_SEGMENT}", self.base)
        } else {
            format!("{}{SEARCH_SEGMENT}?q={}", self.base, encode_query(query))
        }
    }

    /// A link built here, as the router's `navigate` takes it: without the base path, which the
    /// router adds itself.
    pub fn for_navigate(&self, href: &str) -> String {
        match self.router_base() {
            Some(base) => href.strip_prefix(&base).unwrap_or(href).to_owned(),
            None => href.to_owned(),
        }
    }

    pub fn default_data_url(&self) -> String {
        format!("{}data/faq.json", self.base)
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay; a space becomes `+`).
pub fn encode_query(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_links_under_the_root() {
        let p = Paths::new("/".into());
        assert_eq!(p.home(), "/");
        assert_eq!(p.category("zdrowie"), "/kategoria/zdrowie");
        assert_eq!(p.question("co-to-jest-ikp"), "/pytanie/co-to-jest-ikp");
        assert_eq!(p.router_base(), None);
    }

    #[test]
    fn builds_search_and_item_links() {
        let p = Paths::new("/".into());
        assert_eq!(p.search(""), "/szukaj");
        assert_eq!(p.search("zasiłek 800+"), "/szukaj?q=zasi%C5%82ek+800%2B");
        assert_eq!(
            p.question_at("ikp", Some("jak-zalozyc-konto")),
            "/pytanie/ikp#jak-zalozyc-konto"
        );
        assert_eq!(p.question_at("ikp", None), "/pytanie/ikp");
    }

    #[test]
    fn builds_links_under_a_base_path() {
        let p = Paths::new("/poradnik/".into());
        assert_eq!(p.home(), "/poradnik/");
        assert_eq!(p.question("a"), "/poradnik/pytanie/a");
        assert_eq!(p.router_base().as_deref(), Some("/poradnik"));
        assert_eq!(p.for_navigate(&p.search("x")), "/szukaj?q=x");
        assert_eq!(
            Paths::new("/".into()).for_navigate("/szukaj?q=x"),
            "/szukaj?q=x"
        );
    }
}
