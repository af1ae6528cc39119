//! The app's URLs. Readable Polish paths under the base path:
//!
//! | page | path |
//! |---|---|
//! | home | `{base}` |
//! | category | `{base}kategoria/{category-id}` |
//! | question | `{base}pytanie/{question-id}` |
//!
//! A question's URL does not depend on its category, so it stays valid when an editor moves it.
//! Every link the app renders is built here, base included, and [`Paths::route`] reads an address
//! back into its page for the router (`crate::router`).

/// A page of the app, as an address names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Category(String),
    Question(String),
    /// The search page, with the query (decoded; empty when there is none).
    Search(String),
    /// "Zgłoś swoje pytanie": the form, with what the link filled in.
    Ask(AskPrefill),
    NotFound,
}

/// What a link to the form carries (each empty when absent): a question to start from, the page
/// the resident came from and their last search (both sent along as the question's `context`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AskPrefill {
    pub question: String,
    pub from: String,
    pub search: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Always starts and ends with '/'.
    base: String,
    /// In query routing (`data-routing="query"`): the host page's path and its own query
    /// parameters (without ours), which every link keeps; the app's route is in [`ROUTE_PARAM`].
    host: Option<HostPage>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct HostPage {
    path: String,
    /// The host's query parameters, as written ("id=42&lang=pl"), or empty.
    params: String,
}

/// The query parameter that holds the app's route in query routing: `?faq=/pytanie/abc`.
pub const ROUTE_PARAM: &str = "faq";

pub const CATEGORY_SEGMENT: &str = "kategoria";
pub const QUESTION_SEGMENT: &str = "pytanie";
pub const SEARCH_SEGMENT: &str = "szukaj";
pub const ASK_SEGMENT: &str = "zglos-pytanie";

impl Paths {
    /// `base` must start and end with '/' (see `Config`).
    pub fn new(base: String) -> Paths {
        debug_assert!(base.starts_with('/') && base.ends_with('/'));
        Paths { base, host: None }
    }

    /// Query routing on the host page at `pathname` whose address has the query `search`: the
    /// app lives in `?faq=…`, and every link keeps the page's path and its other parameters
    /// (and leaves `#fragment`s to the host).
    pub fn in_query(pathname: &str, search: &str) -> Paths {
        let params = search
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| {
                !pair.is_empty()
                    && decode(pair.split('=').next().unwrap_or(""), true) != ROUTE_PARAM
            })
            .collect::<Vec<_>>()
            .join("&");
        Paths {
            base: "/".into(),
            host: Some(HostPage {
                path: one_leading_slash(pathname),
                params,
            }),
        }
    }

    /// Query routing on whichever page includes it: links name only the query (`?faq=…`), which
    /// the browser resolves against the page that shows them. The publish step writes the
    /// fragments a CMS includes with it (`crate::publish`); the app, once it runs, builds its
    /// links from the real page instead ([`Paths::in_query`]).
    pub fn in_any_host_page() -> Paths {
        Paths {
            base: "/".into(),
            host: Some(HostPage {
                path: String::new(),
                params: String::new(),
            }),
        }
    }

    /// Whether the app lives in a query parameter of a host page.
    pub fn in_host_page(&self) -> bool {
        self.host.is_some()
    }

    /// The address of the app's page `rel` ("", "kategoria/x", "szukaj?q=y").
    fn link(&self, rel: &str) -> String {
        match &self.host {
            None => format!("{}{rel}", self.base),
            Some(h) => {
                let mut params = h.params.clone();
                if !rel.is_empty() {
                    if !params.is_empty() {
                        params.push('&');
                    }
                    params.push_str(ROUTE_PARAM);
                    params.push('=');
                    params.push_str(&encode_query(&format!("/{rel}")));
                }
                match params.as_str() {
                    // The page itself without any query, when only the query is written.
                    "" if h.path.is_empty() => "?".into(),
                    "" => h.path.clone(),
                    p => format!("{}?{p}", h.path),
                }
            }
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn home(&self) -> String {
        self.link("")
    }

    pub fn category(&self, id: &str) -> String {
        self.link(&format!("{CATEGORY_SEGMENT}/{id}"))
    }

    pub fn question(&self, id: &str) -> String {
        self.link(&format!("{QUESTION_SEGMENT}/{id}"))
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
            self.link(SEARCH_SEGMENT)
        } else {
            self.link(&format!("{SEARCH_SEGMENT}?q={}", encode_query(query)))
        }
    }

    /// The form, with what it should start from.
    pub fn ask(&self, prefill: &AskPrefill) -> String {
        let params: Vec<String> = [
            ("pytanie", &prefill.question),
            ("strona", &prefill.from),
            ("szukano", &prefill.search),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", encode_query(v.trim())))
        .collect();
        if params.is_empty() {
            self.link(ASK_SEGMENT)
        } else {
            self.link(&format!("{ASK_SEGMENT}?{}", params.join("&")))
        }
    }

    /// The page a link leads to, when it is one of the guide's; `None` for any other address,
    /// which the browser opens. In query routing that is also the host page with other
    /// parameters of its own ("?id=43", "?id=42&page=2"): another article of the host.
    pub fn route_of_link(&self, pathname: &str, search: &str) -> Option<Route> {
        if let Some(h) = &self.host {
            if host_params(search) != host_params(&h.params) {
                return None;
            }
        }
        Some(self.route(pathname, search)).filter(|r| *r != Route::NotFound)
    }

    /// Which page the address shown names: `pathname` is the path of the address, `search` its
    /// query string (with or without the '?'). The inverse of the link builders above. In query
    /// routing the host's own parameters do not matter here (a host that rewrites them, as
    /// analytics scripts do, still shows the guide); see [`Paths::route_of_link`] for links.
    pub fn route(&self, pathname: &str, search: &str) -> Route {
        if let Some(h) = &self.host {
            // Another page of the host is not ours, whatever its parameters.
            if !h.path.is_empty() && one_leading_slash(pathname) != h.path {
                return Route::NotFound;
            }
            let target = query_value(search, ROUTE_PARAM).unwrap_or_default();
            let (path, query) = target.split_once('?').unwrap_or((&target, ""));
            let path = if path.starts_with('/') {
                path.to_owned()
            } else {
                format!("/{path}")
            };
            return Paths::new("/".into()).route(&path, query);
        }
        let base_without_slash = self.base.trim_end_matches('/');
        let rest = match pathname.strip_prefix(self.base.as_str()) {
            Some(rest) => rest,
            None if pathname == base_without_slash || pathname.is_empty() => "",
            None => return Route::NotFound,
        };
        let rest = rest.trim_end_matches('/');
        let segments: Vec<&str> = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('/').collect()
        };
        match segments.as_slice() {
            [] => Route::Home,
            [CATEGORY_SEGMENT, id] if !id.is_empty() => Route::Category(decode_component(id)),
            [QUESTION_SEGMENT, id] if !id.is_empty() => Route::Question(decode_component(id)),
            [SEARCH_SEGMENT] => Route::Search(query_value(search, "q").unwrap_or_default()),
            [ASK_SEGMENT] => Route::Ask(AskPrefill {
                question: query_value(search, "pytanie").unwrap_or_default(),
                from: query_value(search, "strona").unwrap_or_default(),
                search: query_value(search, "szukano").unwrap_or_default(),
            }),
            _ => Route::NotFound,
        }
    }

    /// The link of one of the app's pages (`None` for [`Route::NotFound`], which has none).
    pub fn link_to(&self, route: &Route) -> Option<String> {
        Some(match route {
            Route::Home => self.home(),
            Route::Category(id) => self.category(id),
            Route::Question(id) => self.question(id),
            Route::Search(q) => self.search(q),
            Route::Ask(prefill) => self.ask(prefill),
            Route::NotFound => return None,
        })
    }

    /// The guide's own address of the page at `pathname` + `search` (path-absolute, never a
    /// `#fragment`): what the resident was reading, as the question form's `context.page` says
    /// it. A page of the app is its link as built here (in query routing: the host page's path,
    /// its own parameters and `faq`; nothing else of the address); an address that names no page
    /// is kept as it is, within the guide (in query routing: its `faq` value on the host page).
    pub fn canonical(&self, pathname: &str, search: &str) -> String {
        if let Some(link) = self.link_to(&self.route(pathname, search)) {
            return link;
        }
        match &self.host {
            None => match search.trim_start_matches('?') {
                "" => pathname.to_owned(),
                q => format!("{pathname}?{q}"),
            },
            Some(_) => {
                let target = query_value(search, ROUTE_PARAM).unwrap_or_default();
                self.link(target.trim_start_matches('/'))
            }
        }
    }

    pub fn default_data_url(&self) -> String {
        format!("{}data/faq.json", self.base)
    }
}

/// `pathname` with one leading slash: a host page's path that starts with `//` ("//evil.example/x",
/// which a server may answer as "/evil.example/x") would make every link of the guide a link to
/// another site.
fn one_leading_slash(pathname: &str) -> String {
    format!("/{}", pathname.trim_start_matches('/'))
}

/// The parameters of `query` other than [`ROUTE_PARAM`], decoded and sorted: the same for two
/// addresses of the same host page, whatever the order their parameters are written in.
fn host_params(query: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<_> = query_pairs(query)
        .into_iter()
        .filter(|(k, _)| k != ROUTE_PARAM)
        .collect();
    pairs.sort();
    pairs
}

/// The path and query (as `location.pathname` and `location.search` give them, the query with
/// its '?' or empty) of `href` when it is an address of this site written from its root, as every
/// link of [`Paths`] is ("/pytanie/x?y=1#z"); `None` for anything a browser could read as another
/// site (`//host/x`, `/\host/x`, a tab or newline, which URL parsers drop, `https://…`) or that
/// is not path-absolute.
pub fn path_on_this_site(href: &str) -> Option<(String, String)> {
    if !href.starts_with('/')
        || href.starts_with("//")
        || href.starts_with("/\\")
        || href.contains(|c: char| c.is_control())
    {
        return None;
    }
    let without_fragment = href.split('#').next().unwrap_or("");
    let (pathname, query) = without_fragment
        .split_once('?')
        .unwrap_or((without_fragment, ""));
    let search = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    Some((pathname.to_owned(), search))
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay; a space becomes `+`).
pub fn encode_query(value: &str) -> String {
    percent_encode(value, "+", RFC3986_MARKS)
}

/// Percent-encodes a URL component (RFC 3986 unreserved characters stay; a space is `%20`), as
/// `mailto:` fields and map searches take it.
pub fn encode_component(value: &str) -> String {
    percent_encode(value, "%20", RFC3986_MARKS)
}

/// The characters besides letters and digits that RFC 3986 leaves unescaped.
const RFC3986_MARKS: &[u8] = b"-_.~";
/// The same for application/x-www-form-urlencoded, as the browser's `URLSearchParams` writes it.
const FORM_MARKS: &[u8] = b"*-._";

/// `value` with every byte but ASCII letters, digits and `marks` escaped as `%XX`, and a space
/// written as `space`.
fn percent_encode(value: &str, space: &str, marks: &[u8]) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b if b.is_ascii_alphanumeric() || marks.contains(&b) => out.push(b as char),
            b' ' => out.push_str(space),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes `%XX` escapes (and, with `plus_is_space`, '+' as a space) of a URL part; invalid UTF-8
/// or escapes are kept as written.
fn decode(part: &str, plus_is_space: bool) -> String {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len()
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit() =>
            {
                let hex = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
                out.push(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 3;
                continue;
            }
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| part.to_owned())
}

/// A path segment, decoded.
pub fn decode_component(segment: &str) -> String {
    decode(segment, false)
}

/// The pairs of `query` when writing them back the way the browser's `URLSearchParams` does
/// (application/x-www-form-urlencoded) gives exactly `query` again; `None` for any other query
/// ("a%20b", "flag", "x=%FF", "a=1;b=2"), which such a rewrite would change.
pub fn canonical_query_pairs(query: &str) -> Option<Vec<(String, String)>> {
    let query = query.trim_start_matches('?');
    let pairs = query_pairs(query);
    let form = |s: &str| percent_encode(s, "+", FORM_MARKS);
    let written: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", form(k), form(v)))
        .collect();
    (written.join("&") == query).then_some(pairs)
}

/// Every `name=value` pair of a query string, decoded, in order ("?v=3&a=b+c" → v: 3, a: b c).
pub fn query_pairs(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k, true), decode(v, true))
        })
        .collect()
}

/// The value of `name` in a query string ("?q=zasi%C5%82ek+rodzinny&x=1" → "zasiłek rodzinny").
pub fn query_value(search: &str, name: &str) -> Option<String> {
    query_pairs(search)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_pairs_are_decoded_in_order() {
        assert_eq!(
            query_pairs("?v=3&token=a%2Bb&q=zasi%C5%82ek+rodzinny&flag&"),
            vec![
                ("v".to_owned(), "3".to_owned()),
                ("token".to_owned(), "a+b".to_owned()),
                ("q".to_owned(), "zasiłek rodzinny".to_owned()),
                ("flag".to_owned(), String::new()),
            ]
        );
        assert!(query_pairs("").is_empty());
    }

    #[test]
    fn a_host_path_that_starts_with_two_slashes_never_makes_links_to_another_site() {
        let p = Paths::in_query("//evil.example/artykul", "?id=42");
        for link in [
            p.home(),
            p.category("zdrowie"),
            p.question("ikp"),
            p.search("dowód"),
        ] {
            assert!(link.starts_with("/evil.example/artykul"), "{link}");
            assert!(!link.starts_with("//"), "{link}");
        }
        // The guide's pages are still found at that address, written either way.
        for path in ["/evil.example/artykul", "//evil.example/artykul"] {
            assert_eq!(
                p.route(path, "?id=42&faq=%2Fpytanie%2Fikp"),
                Route::Question("ikp".into())
            );
        }
    }

    #[test]
    fn only_queries_that_survive_a_rewrite_are_canonical() {
        assert!(canonical_query_pairs("?v=3&token=a%2Bb&q=zasi%C5%82ek+rodzinny").is_some());
        for changed in [
            "v=a%20b",
            "flag",
            "sig=abc==",
            "s=a~b",
            "x=%2b",
            "k=%41",
            "a=1&&b=2",
            "a=1;b=2",
            "x=%FF",
            "t=00:00",
        ] {
            assert_eq!(canonical_query_pairs(changed), None, "{changed}");
        }
    }

    #[test]
    fn builds_links_under_the_root() {
        let p = Paths::new("/".into());
        assert_eq!(p.home(), "/");
        assert_eq!(p.category("zdrowie"), "/kategoria/zdrowie");
        assert_eq!(p.question("co-to-jest-ikp"), "/pytanie/co-to-jest-ikp");
    }

    #[test]
    fn the_form_link_carries_its_prefill_there_and_back() {
        let p = Paths::new("/poradnik/".into());
        assert_eq!(p.ask(&AskPrefill::default()), "/poradnik/zglos-pytanie");
        let prefill = AskPrefill {
            question: "Gdzie oddać zużyte baterie?".into(),
            from: "https://www.wroclaw.pl/poradnik/szukaj?q=baterie&x=1".into(),
            search: "baterie".into(),
        };
        let href = p.ask(&prefill);
        assert!(
            href.starts_with("/poradnik/zglos-pytanie?pytanie=Gdzie+odda"),
            "{href}"
        );
        let (path, query) = href.split_once('?').unwrap();
        assert_eq!(p.route(path, query), Route::Ask(prefill));
        assert_eq!(
            p.route("/poradnik/zglos-pytanie", ""),
            Route::Ask(AskPrefill::default())
        );
    }

    #[test]
    fn fragments_link_within_whichever_page_includes_them() {
        let p = Paths::in_any_host_page();
        assert_eq!(p.question("abc"), "?faq=%2Fpytanie%2Fabc");
        assert_eq!(p.home(), "?");
        assert_eq!(
            p.route("/cms/artykul", "?faq=%2Fpytanie%2Fabc"),
            Route::Question("abc".into())
        );
        assert_eq!(p.route("/", ""), Route::Home);
    }

    #[test]
    fn query_routing_keeps_the_host_page_and_its_parameters() {
        let p = Paths::in_query("/cms/artykul", "?id=42&faq=%2Fpytanie%2Fstare&lang=pl");
        assert_eq!(p.home(), "/cms/artykul?id=42&lang=pl");
        assert_eq!(
            p.question("co-to-jest-ikp"),
            "/cms/artykul?id=42&lang=pl&faq=%2Fpytanie%2Fco-to-jest-ikp"
        );
        let search = p.search("zasiłek 800+");
        let (path, query) = search.split_once('?').unwrap();
        assert_eq!(p.route(path, query), Route::Search("zasiłek 800+".into()));
        assert_eq!(p.route("/cms/artykul", "?id=42&lang=pl"), Route::Home);
        assert_eq!(
            p.route("/cms/artykul", "?id=42&lang=pl&faq=%2Fkategoria%2Fzdrowie"),
            Route::Category("zdrowie".into())
        );
        // Without the host's `lang=pl` a link is to another address of the host (issue 12.1);
        // the address shown, should the host rewrite its own parameters, is still the guide's.
        assert_eq!(p.route_of_link("/cms/artykul", "?id=42"), None);
        assert_eq!(p.route("/cms/artykul", "?id=42"), Route::Home);
        assert_eq!(
            p.route("/cms/inna-strona", "?faq=%2Fpytanie%2Fx"),
            Route::NotFound
        );
        assert_eq!(p.route("/cms/artykul", "?faq=%2Fnie-ma"), Route::NotFound);
        let bare = Paths::in_query("/poradnik.html", "");
        assert_eq!(bare.home(), "/poradnik.html");
        assert_eq!(bare.category("x"), "/poradnik.html?faq=%2Fkategoria%2Fx");
    }

    #[test]
    fn query_routing_leaves_the_host_pages_other_addresses_to_the_host() {
        let p = Paths::in_query("/index.php", "?id=42");
        // The host's links to its other articles, languages and pages of this article.
        for (path, query) in [
            ("/index.php", "?id=43"),
            ("/index.php", "?lang=en"),
            ("/index.php", "?id=42&page=2"),
            ("/index.php", "?id=42&lang=en&faq=%2Fpytanie%2Fx"),
            ("/index.php", "?id=43&faq=%2Fkategoria%2Fzdrowie"),
            ("/index.php", ""),
            ("/index.php", "?faq=%2Fpytanie%2Fx"),
            ("/inny.php", "?id=42"),
        ] {
            assert_eq!(p.route_of_link(path, query), None, "{path}{query}");
        }
        // The guide's own addresses: the host's parameters, in any order, with or without `faq`.
        assert_eq!(p.route_of_link("/index.php", "?id=42"), Some(Route::Home));
        assert_eq!(p.route_of_link("/index.php", "id=42"), Some(Route::Home));
        assert_eq!(
            p.route_of_link("/index.php", "?faq=%2Fpytanie%2Fx&id=42"),
            Some(Route::Question("x".into()))
        );
        let two = Paths::in_query("/index.php", "?id=42&lang=pl");
        assert_eq!(
            two.route_of_link("/index.php", "?lang=pl&faq=%2Fkategoria%2Fz&id=42"),
            Some(Route::Category("z".into()))
        );
        for link in [two.home(), two.question("x"), two.search("800+ a&b")] {
            let (path, query) = link.split_once('?').unwrap();
            assert!(two.route_of_link(path, query).is_some(), "{link}");
        }
        // A host that rewrites its own parameters (utm_source dropped) still shows the guide.
        let tracked = Paths::in_query("/index.php", "?id=42&utm_source=fb");
        assert_eq!(tracked.route("/index.php", "?id=42"), Route::Home);
    }

    #[test]
    fn the_page_the_resident_came_from_is_the_guides_own_address() {
        // Path routing: the page's link, without parameters of others (or a fragment).
        let p = Paths::new("/poradnik/".into());
        assert_eq!(
            p.canonical("/poradnik/pytanie/ikp", "?utm_source=newsletter"),
            "/poradnik/pytanie/ikp"
        );
        assert_eq!(
            p.canonical("/poradnik/szukaj", "?q=zasi%C5%82ek+800%2B&fbclid=x"),
            "/poradnik/szukaj?q=zasi%C5%82ek+800%2B"
        );
        assert_eq!(p.canonical("/poradnik", ""), "/poradnik/");
        assert_eq!(
            p.canonical("/poradnik/nie-ma", "?a=1"),
            "/poradnik/nie-ma?a=1"
        );
        assert_eq!(p.canonical("/poradnik/nie-ma", ""), "/poradnik/nie-ma");
        // Query routing: the host page's path, its own parameters and `faq`.
        let q = Paths::in_query("/cms/artykul", "?faq=%2Fpytanie%2Fikp&id=42");
        assert_eq!(
            q.canonical("/cms/artykul", "?faq=%2Fpytanie%2Fikp&id=42"),
            "/cms/artykul?id=42&faq=%2Fpytanie%2Fikp"
        );
        assert_eq!(q.canonical("/cms/artykul", "?id=42"), "/cms/artykul?id=42");
        assert_eq!(
            q.canonical("/cms/artykul", "?id=42&faq=%2Fnie-ma"),
            "/cms/artykul?id=42&faq=%2Fnie-ma"
        );
        // Another address of the host (which the guide never shows) says where the guide is.
        assert_eq!(q.canonical("/cms/artykul", "?id=43"), "/cms/artykul?id=42");
    }

    #[test]
    fn only_root_relative_addresses_are_this_sites_paths() {
        assert_eq!(
            path_on_this_site("/szukaj?q=a+b#wyniki"),
            Some(("/szukaj".to_owned(), "?q=a+b".to_owned()))
        );
        assert_eq!(
            path_on_this_site("/pytanie/x#y"),
            Some(("/pytanie/x".to_owned(), String::new()))
        );
        assert_eq!(
            path_on_this_site("/cms?"),
            Some(("/cms".to_owned(), String::new()))
        );
        for other in [
            "//evil.example/x",
            "/\\evil.example/x",
            "/\t/evil.example/x",
            "/\n/evil.example/x",
            "https://evil.example/",
            "javascript:alert(1)",
            "szukaj?q=a",
            "",
        ] {
            assert_eq!(path_on_this_site(other), None, "{other:?}");
        }
    }

    #[test]
    fn reads_addresses_back_into_pages() {
        let p = Paths::new("/".into());
        assert_eq!(p.route("/", ""), Route::Home);
        assert_eq!(
            p.route("/kategoria/zdrowie", ""),
            Route::Category("zdrowie".into())
        );
        assert_eq!(
            p.route("/pytanie/co-to-jest-ikp/", ""),
            Route::Question("co-to-jest-ikp".into())
        );
        assert_eq!(
            p.route("/szukaj", "?q=zasi%C5%82ek+800%2B"),
            Route::Search("zasiłek 800+".into())
        );
        assert_eq!(p.route("/szukaj", ""), Route::Search(String::new()));
        for bad in ["/nie-ma", "/kategoria", "/pytanie/a/b", "/kategoria/"] {
            assert_eq!(p.route(bad, ""), Route::NotFound, "{bad}");
        }
        let b = Paths::new("/poradnik/".into());
        assert_eq!(b.route("/poradnik", ""), Route::Home);
        assert_eq!(b.route("/poradnik/", ""), Route::Home);
        assert_eq!(
            b.route("/poradnik/pytanie/x", ""),
            Route::Question("x".into())
        );
        assert_eq!(b.route("/pytanie/x", ""), Route::NotFound);
        // Every link built here reads back as its page.
        for id in ["a", "zasilek-800"] {
            assert_eq!(b.route(&b.question(id), ""), Route::Question(id.into()));
            assert_eq!(b.route(&b.category(id), ""), Route::Category(id.into()));
        }
        let (path, query) = b
            .search("żółw & co")
            .split_once('?')
            .map(|(a, q)| (a.to_owned(), q.to_owned()))
            .unwrap();
        assert_eq!(b.route(&path, &query), Route::Search("żółw & co".into()));
    }

    #[test]
    fn decodes_query_values() {
        assert_eq!(query_value("?q=a%20b+c&x=1", "q").as_deref(), Some("a b c"));
        assert_eq!(query_value("x=1", "q"), None);
        assert_eq!(query_value("q=100%", "q").as_deref(), Some("100%"));
        assert_eq!(query_value("q=%ZZ", "q").as_deref(), Some("%ZZ"));
        assert_eq!(query_value("q", "q").as_deref(), Some(""));
        assert_eq!(query_value("q=%żx", "q").as_deref(), Some("%żx"));
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
    }
}
