//! What the published site says about its pages besides the pages themselves: descriptions for
//! search engines and link previews, structured data (JSON-LD), the sitemap and robots.txt, and
//! which file each page is published as. Plain Rust: the app's head tags (the `PageHead`
//! component) and the publish step (`crate::publish`) both use it.

pub mod description;
pub mod files;
pub mod search_files;
pub mod shell;
pub mod sitemap;
pub mod structured_data;

/// The portal's own name, the suffix of every page title and Open Graph's `og:site_name`.
pub const SITE_NAME: &str = "Poradnik Mieszkańca";

/// What a page is about, when it says nothing more specific.
pub const DEFAULT_DESCRIPTION: &str = "Poradnik Mieszkańca Wrocławia: odpowiedzi na codzienne pytania o zdrowie, rodzinę, dokumenty, transport, odpady i podatki.";

/// The portal's default link-preview image, relative to the site's base path (public/).
pub const DEFAULT_IMAGE: &str = "obrazy/poradnik-mieszkanca.png";

/// "{page} – Poradnik Mieszkańca", or the portal's name alone.
pub fn page_title(page: Option<&str>) -> String {
    match page.map(str::trim) {
        Some(p) if !p.is_empty() && p != SITE_NAME => format!("{p} – {SITE_NAME}"),
        _ => SITE_NAME.to_owned(),
    }
}

/// `text` safe inside HTML text or a double-quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The origin (`scheme://host[:port]`) of an absolute http(s) address, without a trailing '/'.
pub fn origin_of(url: &str) -> Option<&str> {
    if !crate::url::is_web_url(url) {
        return None;
    }
    let after_scheme = url.find("//")? + 2;
    let end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    Some(&url[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_page_then_the_portal() {
        assert_eq!(
            page_title(Some("Jak wyrobić dowód?")),
            "Jak wyrobić dowód? – Poradnik Mieszkańca"
        );
        assert_eq!(page_title(None), "Poradnik Mieszkańca");
        assert_eq!(page_title(Some("  ")), "Poradnik Mieszkańca");
        assert_eq!(
            page_title(Some("Poradnik Mieszkańca")),
            "Poradnik Mieszkańca"
        );
    }

    #[test]
    fn origins_drop_the_path() {
        assert_eq!(
            origin_of("https://poradnik.wroclaw.pl/"),
            Some("https://poradnik.wroclaw.pl")
        );
        assert_eq!(
            origin_of("https://www.wroclaw.pl/poradnik/"),
            Some("https://www.wroclaw.pl")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8080"),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin_of("/poradnik/"), None);
        assert_eq!(origin_of("javascript:alert(1)"), None);
    }
}
