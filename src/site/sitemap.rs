//! `sitemap.xml` (sitemaps.org protocol 0.9) and the `robots.txt` that points at it.

/// One address of the sitemap: its absolute URL, and the day it last changed (YYYY-MM-DD), if
/// known.
pub struct SitemapEntry {
    pub loc: String,
    pub lastmod: Option<String>,
}

pub fn sitemap_xml(entries: &[SitemapEntry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for e in entries {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_xml(&e.loc));
        xml.push_str("</loc>");
        if let Some(day) = &e.lastmod {
            xml.push_str("<lastmod>");
            xml.push_str(&escape_xml(day));
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Every crawler may read every page; the sitemap lists them.
pub fn robots_txt(sitemap_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sitemap_lists_each_address_with_its_day() {
        let xml = sitemap_xml(&[
            SitemapEntry {
                loc: "https://p.pl/".into(),
                lastmod: None,
            },
            SitemapEntry {
                loc: "https://p.pl/pytanie/a?x=1&y=2".into(),
                lastmod: Some("2026-03-01".into()),
            },
        ]);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"));
        assert!(xml.contains("<url><loc>https://p.pl/</loc></url>"));
        assert!(xml.contains(
            "<url><loc>https://p.pl/pytanie/a?x=1&amp;y=2</loc><lastmod>2026-03-01</lastmod></url>"
        ));
        assert!(xml.ends_with("</urlset>\n"));
    }

    #[test]
    fn robots_point_at_the_sitemap() {
        assert_eq!(
            robots_txt("https://p.pl/sitemap.xml"),
            "User-agent: *\nAllow: /\n\nSitemap: https://p.pl/sitemap.xml\n"
        );
    }
}
