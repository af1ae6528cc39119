//! The app's settings, read from the `data-*` attributes of its mount element, so that one build
//! serves both the standalone site and a page that embeds it. Every attribute is documented in
//! the README. No browser code lives here: the caller passes a function that reads an attribute.

use crate::paths::Paths;
use crate::submission::rules::plausible_email;

/// The id of the element the app mounts into.
pub const MOUNT_ID: &str = "poradnik-mieszkanca";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Where the app's routes live, e.g. "/" or "/poradnik/".
    pub paths: Paths,
    /// Where the FAQ document is fetched from.
    pub faq_url: String,
    /// The directory of a split site's data (`dane/`, `indeks/`: `docs/split-layout.md`), ending
    /// in "/" (`data-split-url`, which the publish step writes): the app then reads only what a
    /// page shows, and `faq_url` is not used.
    pub split_url: Option<String>,
    /// Whether editors' "Edytuj w ACMS" links are shown (`data-editor-links="true"`).
    pub editor_links: bool,
    /// Where "Zgłoś swoje pytanie" sends questions (`data-submit-url`): an http(s) address or an
    /// absolute path.
    pub submit_url: Option<String>,
    /// Where the votes of "Czy ta odpowiedź była pomocna?" are sent (`data-feedback-url`): an
    /// http(s) address or an absolute path. Without it, no question page asks.
    pub feedback_url: Option<String>,
    /// Where questions go by e-mail when there is no endpoint (`data-report-email`).
    pub report_email: Option<String>,
    /// How long a sending may take before the form says it was not sent
    /// (`data-submit-timeout`, in seconds, 1–120; 20 by default).
    pub submit_timeout_ms: u32,
    /// Whether the app sets `document.title` for its pages (`data-manage-title`): by default
    /// yes on its own site (path routing) and no inside a host page (query routing).
    pub manage_title: bool,
    /// The site's public address (`data-site-url`, written by the publish step), e.g.
    /// "https://poradnik.wroclaw.pl/": canonical addresses and link previews are built from it,
    /// and its links count as the guide's own. Else the page's own origin stands in.
    pub site_url: Option<String>,
    /// Settings that were given but could not be used, in English, for the console.
    pub warnings: Vec<String>,
}

impl Config {
    /// Reads the settings through `attr`, which returns the value of a `data-*` attribute (given
    /// its full name, e.g. "data-faq-url"), if the mount element has it.
    ///
    /// `pathname` and `search` are the page's address: in query routing
    /// (`data-routing="query"`), the host page whose links the app keeps.
    pub fn from_attributes(
        attr: impl Fn(&str) -> Option<String>,
        pathname: &str,
        search: &str,
    ) -> Config {
        let mut warnings = Vec::new();
        let base = match setting(&attr, "data-base-path") {
            None => "/".to_owned(),
            Some(s) => normalize_base_path(&s).unwrap_or_else(|| {
                warnings.push(format!(
                    "data-base-path {s:?} is not an absolute path such as /poradnik/; using /"
                ));
                "/".to_owned()
            }),
        };
        let query_routing = match setting(&attr, "data-routing").as_deref() {
            None | Some("path") => false,
            Some("query") => true,
            Some(other) => {
                warnings.push(format!(
                    "data-routing {other:?} is neither \"path\" nor \"query\"; using path"
                ));
                false
            }
        };
        let paths = if query_routing {
            Paths::in_query(pathname, search)
        } else {
            Paths::new(base)
        };
        let manage_title = match setting(&attr, "data-manage-title").as_deref() {
            Some(v) if v.eq_ignore_ascii_case("true") => true,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            _ => !query_routing,
        };
        // In a host page the sample data's default place is next to the loader (which writes its
        // own directory into data-assets), not on the host's site.
        let next_to_loader = setting(&attr, "data-assets")
            .filter(|_| query_routing)
            .map(|a| format!("{}/data/faq.json", a.trim_end_matches('/')));
        let faq_url = setting(&attr, "data-faq-url")
            .or(next_to_loader)
            .unwrap_or_else(|| paths.default_data_url());
        // An explicit data-faq-url wins: the site chose the whole document.
        let explicit_document = setting(&attr, "data-faq-url").is_some();
        let split_url = setting(&attr, "data-split-url").filter(|_| !explicit_document).and_then(|url| {
            let ok = !url.contains(|c: char| c == '\\' || c.is_control())
                && (url.starts_with('/') && !url.starts_with("//")
                    || crate::url::is_web_url(&url));
            if !ok {
                warnings.push(format!("data-split-url {url:?} is neither an http(s) address nor an absolute path; the whole document is read instead"));
                return None;
            }
            Some(if url.ends_with('/') { url } else { format!("{url}/") })
        });
        let editor_links =
            setting(&attr, "data-editor-links").is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let mut endpoint = |name: &str, what: &str| {
            setting(&attr, name).filter(|url| {
                // A backslash or a control character could make a browser read another host.
                let ok = !url.contains(|c: char| c == '\\' || c.is_control())
                    && (url.starts_with('/') && !url.starts_with("//")
                        || crate::url::is_web_url(url));
                if !ok {
                    warnings.push(format!(
                        "{name} {url:?} is neither an http(s) address nor an absolute path; {what}"
                    ));
                }
                ok
            })
        };
        let submit_url = endpoint("data-submit-url", "the form will not send to it");
        let feedback_url = endpoint("data-feedback-url", "no votes are asked for");
        let report_email = setting(&attr, "data-report-email").filter(|email| {
            let ok = plausible_email(email);
            if !ok {
                warnings.push(format!(
                    "data-report-email {email:?} is not an e-mail address; ignored"
                ));
            }
            ok
        });
        let submit_timeout_ms = match setting(&attr, "data-submit-timeout") {
            None => DEFAULT_SUBMIT_TIMEOUT_MS,
            Some(s) => match s.parse::<u32>() {
                Ok(secs @ 1..=120) => secs * 1000,
                _ => {
                    warnings.push(format!("data-submit-timeout {s:?} is not a number of seconds from 1 to 120; using 20"));
                    DEFAULT_SUBMIT_TIMEOUT_MS
                }
            },
        };
        let site_url = setting(&attr, "data-site-url").filter(|url| {
            let ok = crate::site::origin_of(url).is_some();
            if !ok {
                warnings.push(format!(
                    "data-site-url {url:?} is not an http(s) address; ignored"
                ));
            }
            ok
        });
        Config {
            site_url,
            paths,
            faq_url,
            split_url,
            editor_links,
            submit_url,
            feedback_url,
            report_email,
            submit_timeout_ms,
            manage_title,
            warnings,
        }
    }

    /// Whether residents can ask a question here: by the endpoint, or else by e-mail. With
    /// neither, neither the banner nor the form is shown.
    pub fn can_ask(&self) -> bool {
        self.submit_url.is_some() || self.report_email.is_some()
    }

    /// The origin of the guide's public site: `data-site-url`'s, else `page_origin` (the page's).
    pub fn site_origin<'a>(&'a self, page_origin: &'a str) -> &'a str {
        self.site_url
            .as_deref()
            .and_then(crate::site::origin_of)
            .unwrap_or(page_origin)
    }
}

const DEFAULT_SUBMIT_TIMEOUT_MS: u32 = 20_000;

/// A setting's value, trimmed; an empty one counts as absent.
fn setting(attr: &impl Fn(&str) -> Option<String>, name: &str) -> Option<String> {
    attr(name)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
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
        Config::from_attributes(
            |name| {
                owned
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            },
            "/cms/artykul",
            "?id=7",
        )
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
    fn a_split_site_is_read_from_its_directory() {
        let c = config(&[("data-split-url", "/poradnik")]);
        assert_eq!(c.split_url.as_deref(), Some("/poradnik/"));
        assert_eq!(config(&[]).split_url, None);
        let chosen = config(&[("data-split-url", "/"), ("data-faq-url", "/dane.json")]);
        assert_eq!(
            chosen.split_url, None,
            "a whole document named on the page wins"
        );
        let odd = config(&[("data-split-url", "javascript:alert(1)")]);
        assert_eq!(odd.split_url, None);
        assert_eq!(odd.warnings.len(), 1);
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
    fn votes_are_asked_for_only_with_an_endpoint() {
        assert_eq!(config(&[]).feedback_url, None);
        let c = config(&[("data-feedback-url", " https://api.example.pl/opinie ")]);
        assert_eq!(
            c.feedback_url.as_deref(),
            Some("https://api.example.pl/opinie")
        );
        assert!(!c.can_ask(), "votes are not questions");
        for bad in ["javascript:alert(1)", "//evil.example/x", "opinie"] {
            let c = config(&[("data-feedback-url", bad)]);
            assert_eq!(c.feedback_url, None, "{bad}");
            assert_eq!(c.warnings.len(), 1, "{bad}");
        }
    }

    #[test]
    fn the_form_needs_an_endpoint_or_an_address() {
        assert!(!config(&[]).can_ask());
        let c = config(&[("data-submit-url", " https://api.example.pl/pytania ")]);
        assert_eq!(
            c.submit_url.as_deref(),
            Some("https://api.example.pl/pytania")
        );
        assert!(c.can_ask());
        assert!(config(&[("data-submit-url", "/api/pytania")]).can_ask());
        let c = config(&[("data-report-email", "poradnik@example.pl")]);
        assert_eq!(c.report_email.as_deref(), Some("poradnik@example.pl"));
        assert!(c.can_ask() && c.submit_url.is_none());
        for bad in [
            ("data-submit-url", "javascript:alert(1)"),
            ("data-submit-url", "//evil.example/x"),
            ("data-submit-url", "/\\evil.example/x"),
            ("data-submit-url", "api/pytania"),
            ("data-report-email", "nie-adres"),
        ] {
            let c = config(&[bad]);
            assert!(!c.can_ask(), "{bad:?}");
            assert_eq!(c.warnings.len(), 1, "{bad:?}");
        }
    }

    #[test]
    fn query_routing_keeps_the_host_page_and_leaves_the_title_alone_by_default() {
        let c = config(&[("data-routing", "query")]);
        assert_eq!(
            c.paths.question("x"),
            "/cms/artykul?id=7&faq=%2Fpytanie%2Fx"
        );
        assert!(!c.manage_title);
        assert!(config(&[("data-routing", "query"), ("data-manage-title", "true")]).manage_title);
        let standalone = config(&[]);
        assert_eq!(standalone.paths.question("x"), "/pytanie/x");
        assert!(standalone.manage_title);
        assert!(!config(&[("data-manage-title", "false")]).manage_title);
        let c = config(&[
            ("data-routing", "query"),
            ("data-assets", "https://cdn.example/poradnik/"),
        ]);
        assert_eq!(c.faq_url, "https://cdn.example/poradnik/data/faq.json");
        let odd = config(&[("data-routing", "hash")]);
        assert_eq!(odd.paths.question("x"), "/pytanie/x");
        assert_eq!(odd.warnings.len(), 1);
    }

    #[test]
    fn the_site_url_names_the_origin_of_canonical_addresses() {
        let c = config(&[("data-site-url", "https://poradnik.wroclaw.pl/")]);
        assert_eq!(
            c.site_origin("http://127.0.0.1:8080"),
            "https://poradnik.wroclaw.pl"
        );
        assert_eq!(
            config(&[]).site_origin("http://127.0.0.1:8080"),
            "http://127.0.0.1:8080"
        );
        let bad = config(&[("data-site-url", "javascript:alert(1)")]);
        assert_eq!(bad.site_origin("http://a.pl"), "http://a.pl");
        assert_eq!(bad.warnings.len(), 1);
    }

    #[test]
    fn the_send_timeout_is_in_seconds_within_bounds() {
        assert_eq!(config(&[]).submit_timeout_ms, 20_000);
        assert_eq!(
            config(&[("data-submit-timeout", "3")]).submit_timeout_ms,
            3_000
        );
        for bad in ["0", "500", "x", "-1"] {
            let c = config(&[("data-submit-timeout", bad)]);
            assert_eq!(c.submit_timeout_ms, 20_000, "{bad}");
            assert_eq!(c.warnings.len(), 1, "{bad}");
        }
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
