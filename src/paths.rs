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

    pub fn default_data_url(&self) -> String {
        format!("{}data/faq.json", self.base)
    }
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
    fn builds_links_under_a_base_path() {
        let p = Paths::new("/poradnik/".into());
        assert_eq!(p.home(), "/poradnik/");
        assert_eq!(p.question("a"), "/poradnik/pytanie/a");
        assert_eq!(p.router_base().as_deref(), Some("/poradnik"));
    }
}
