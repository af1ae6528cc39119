//! The app's settings, read from the `data-*` attributes of its mount element, so that one build
//! serves both the standalone site and a page that embeds it. Every attribute is documented in
//! the README. No browser code lives here: the caller passes a function that reads an attribute.

use crate::paths::Paths;

/// The id of the element the app mounts into.
pub const MOUNT_ID: &str = "poradnik-mieszkanca";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Where the app's routes live, e.g. "/" or "/poradnik/".
    pub paths: Paths,
    /// Where the FAQ document is fetched from.
    pub faq_url: String,
    /// Whether editors' "Edytuj w ACMS" links are shown (`data-editor-links="true"`).
    pub editor_links: bool,
    /// Settings that were given but could not be used, in English, for the console.
    pub warnings: Vec<String>,
}

impl Config {
    /// Reads the settings through `attr`, which returns the value of a `data-*` attribute (given
    /// its full name, e.g. "data-faq-url"), if the mount element has it.
    pub fn from_attributes(attr: impl Fn(&str) -> Option<String>) -> Config {
        let mut warnings = Vec::new();
        let base = match attr("data-base-path").map(|s| s.trim().to_owned()) {
            None => "/".to_owned(),
            Some(s) if s.is_empty() => "/".to_owned(),
            Some(s) => normalize_base_path(&s).unwrap_or_else(|| {
                warnings.push(format!(
                    "data-base-path {s:?} is not an absolute path such as /poradnik/; using /"
                ));
                "/".to_owned()
            }),
        };
        let paths = Paths::new(base);
        let faq_url = attr("data-faq-url")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| paths.default_data_url());
        let editor_links =
            attr("data-editor-links").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
        Config {
            paths,
            faq_url,
            editor_links,
            warnings,
        }
    }
}

/// "/poradnik" and "/poradnik/" both become "/poradnik/". Anything that is not a plain absolute
/// path ("poradnik", "https://…", "/a//b", "/../x") is refused.
fn normalize_base_path(s: &str) -> Option<String> {
    if !s.starts_with('/') || s.contains("//") || s.contains(['?', '#', '\\', ' ']) {
        return None;
    }
    if s.split('/').any(|seg| seg == "." || seg == "..") {
        return None;
    }
    Some(if s.ends_with('/') {
        s.to_owned()
    } else {
        format!("{s}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Config {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_attributes(|name| {
            owned
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn defaults_serve_the_standalone_site() {
        let c = config(&[]);
        assert_eq!(c.paths.base(), "/");
        assert_eq!(c.faq_url, "/data/faq.json");
        assert!(c.warnings.is_empty());
        assert!(!c.editor_links);
    }

    #[test]
    fn editor_links_need_an_explicit_true() {
        assert!(config(&[("data-editor-links", "true")]).editor_links);
        assert!(config(&[("data-editor-links", " TRUE ")]).editor_links);
        for off in ["", "false", "1", "yes"] {
            assert!(!config(&[("data-editor-links", off)]).editor_links, "{off}");
        }
    }

    #[test]
    fn data_url_follows_the_base_path_whatever_route_is_open() {
        let c = config(&[("data-base-path", "/poradnik")]);
        assert_eq!(c.paths.base(), "/poradnik/");
        assert_eq!(c.faq_url, "/poradnik/data/faq.json");
    }

    #[test]
    fn an_explicit_data_url_wins() {
        let c = config(&[
            ("data-base-path", "/poradnik/"),
            ("data-faq-url", " https://cdn.example/faq.json "),
        ]);
        assert_eq!(c.faq_url, "https://cdn.example/faq.json");
    }

    #[test]
    fn a_bad_base_path_falls_back_to_the_root_with_a_warning() {
        for bad in ["poradnik", "https://x.pl/", "/a//b", "/../x", "/a?b"] {
            let c = config(&[("data-base-path", bad)]);
            assert_eq!(c.paths.base(), "/", "{bad}");
            assert_eq!(c.warnings.len(), 1, "{bad}");
        }
    }
}
