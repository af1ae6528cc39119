//! The page every published file starts from: the app's `index.html` as `trunk build` and
//! `scripts/finish-dist.mjs` leave it (stylesheet, loader, no inline script). Each page gets its
//! own head tags where the shell's `<title>` was, and its content inside the mount element.
//!
//! A published page marks both places (`<!--pm-head-->…<!--/pm-head-->`, `<!--pm-page-->…
//! <!--/pm-page-->`), so it is a shell again: the publish step can run on a site it already
//! published (a CMS pipeline publishing each change into the same directory).

use crate::config::MOUNT_ID;
use crate::site::escape_html;

const HEAD_START: &str = "<!--pm-head-->";
const HEAD_END: &str = "<!--/pm-head-->";
const PAGE_START: &str = "<!--pm-page-->";
const PAGE_END: &str = "<!--/pm-page-->";

/// The mount element's attributes that the publish step writes (from `SITE_URL`): those of a
/// shell are replaced, never kept.
pub const PUBLISHED_ATTRIBUTES: [&str; 4] = [
    "data-site-url",
    "data-base-path",
    "data-generated-at",
    "data-split-url",
];

/// The shell cut where a page's own parts go.
#[derive(Debug, Clone)]
pub struct Shell {
    /// Up to where the head tags go (where the shell's `<title>` was).
    before_head: String,
    /// From there to the mount element's opening tag (`<div`).
    before_mount: String,
    /// From the mount element's closing tag to the end.
    after_mount: String,
    /// The mount element's own attributes (`id` and the site's settings: `data-submit-url`…),
    /// which the pages are rendered with and keep.
    attributes: Vec<(String, String)>,
}

/// What a page adds to the shell.
pub struct PageParts<'a> {
    /// Head tags (title, meta, link, JSON-LD), as HTML.
    pub head: &'a str,
    /// The mount element's attributes (name, value) from the publish step.
    pub mount_attributes: &'a [(&'a str, String)],
    /// The content of the mount element, as HTML.
    pub body: &'a str,
}

/// `(start, end)` of the text between `open` and `close` markers, markers included.
fn marked(html: &str, open: &str, close: &str) -> Option<(usize, usize)> {
    let start = html.find(open)?;
    let end = html[start..].find(close)? + start + close.len();
    Some((start, end))
}

impl Shell {
    /// Reads the shell; a message (in Polish, for whoever runs the publish step) when it is not
    /// the app's `index.html` or a page published from it.
    pub fn parse(html: &str) -> Result<Shell, String> {
        let (head_start, head_end) = match marked(html, HEAD_START, HEAD_END) {
            Some(range) => range,
            None => {
                let start = html
                    .find("<title>")
                    .ok_or("w szablonie strony brak elementu <title>")?;
                let end = html[start..]
                    .find("</title>")
                    .map(|i| start + i + "</title>".len())
                    .ok_or("w szablonie strony element <title> nie jest zamknięty")?;
                (start, end)
            }
        };
        // Quoted as written, or not, as Trunk's minifier leaves it.
        let mount_start = [
            format!("<div id=\"{MOUNT_ID}\""),
            format!("<div id={MOUNT_ID}"),
        ]
        .iter()
        .find_map(|tag| html.find(tag.as_str()))
        .ok_or_else(|| format!("w szablonie strony brak elementu <div id=\"{MOUNT_ID}\">"))?;
        let open_end = html[mount_start..]
            .find('>')
            .map(|i| mount_start + i)
            .ok_or("w szablonie strony element poradnika nie jest domknięty")?;
        let close = match marked(&html[open_end..], PAGE_START, PAGE_END) {
            Some((_, end)) => open_end + end,
            None => {
                let close = html[open_end..]
                    .find("</div>")
                    .map(|i| open_end + i)
                    .ok_or("w szablonie strony element poradnika nie jest zamknięty")?;
                if html[open_end..close].contains("pm-app") {
                    return Err("w elemencie poradnika szablonu strony jest już treść bez znaczników publikacji: zbuduj aplikację od nowa (trunk build)".into());
                }
                close
            }
        };
        let mut attributes = parse_attributes(&html[mount_start + "<div".len()..open_end]);
        let before_head = without_preloads(&html[..head_start]);
        let before_mount = without_preloads(&html[head_end..mount_start]);
        attributes.retain(|(name, _)| !PUBLISHED_ATTRIBUTES.contains(&name.as_str()));
        Ok(Shell {
            before_head,
            before_mount,
            after_mount: html[close..].to_owned(),
            attributes,
        })
    }

    /// The value of one of the mount element's attributes in the shell.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The page: the shell with `parts` in it.
    pub fn page(&self, parts: &PageParts) -> String {
        let mut out = String::with_capacity(
            self.before_head.len()
                + parts.head.len()
                + self.before_mount.len()
                + parts.body.len()
                + self.after_mount.len()
                + 300,
        );
        out.push_str(&self.before_head);
        out.push_str(HEAD_START);
        out.push_str(parts.head);
        out.push_str(HEAD_END);
        out.push_str(&self.before_mount);
        out.push_str("<div");
        let ours = parts.mount_attributes.iter().map(|(n, v)| (*n, v.as_str()));
        let theirs = self
            .attributes
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()));
        for (name, value) in theirs.chain(ours) {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            out.push_str(&escape_html(value));
            out.push('"');
        }
        out.push('>');
        out.push_str(PAGE_START);
        out.push_str(parts.body);
        out.push_str(PAGE_END);
        out.push_str(&self.after_mount);
        out
    }
}

/// `html` without the shell's preloads of the app's bundle (`rel=modulepreload` for its JS
/// glue, `rel=preload` for its WebAssembly). A published page shows its content without the
/// app, and those downloads would compete with its stylesheet for a slow phone's bandwidth
/// before the first paint; the loader fetches them when it runs (after the page is parsed).
fn without_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..=start + len];
        out.push_str(&rest[..start]);
        let rel = parse_attributes(&tag["<link".len()..tag.len() - 1])
            .into_iter()
            .find(|(name, _)| name == "rel")
            .map(|(_, value)| value);
        if !matches!(rel.as_deref(), Some("modulepreload" | "preload")) {
            out.push_str(tag);
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The attributes of a start tag, as `name=value` pairs (quoted with " or ', or not at all, as a
/// minifier leaves them; entities in values decoded for the few characters that need them).
fn parse_attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start();
    while !rest.is_empty() && !rest.starts_with(['>', '/']) {
        let name_end = rest
            .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..end], after.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = tail.trim_start();
            value
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        } else {
            String::new()
        };
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!DOCTYPE html><html lang=\"pl\"><head><meta charset=\"utf-8\"><title>Poradnik Mieszkańca</title><link rel=\"stylesheet\" href=\"/a.css\"></head><body><div id=\"poradnik-mieszkanca\" data-submit-url=\"/api/pytania\"><noscript>Włącz JavaScript</noscript></div></body></html>";

    fn parts<'a>(head: &'a str, attrs: &'a [(&'a str, String)], body: &'a str) -> PageParts<'a> {
        PageParts {
            head,
            mount_attributes: attrs,
            body,
        }
    }

    #[test]
    fn a_page_puts_its_head_and_content_into_the_shell() {
        let shell = Shell::parse(SHELL).unwrap();
        let attrs = [("data-site-url", "https://p.pl/?a=\"b\"".to_owned())];
        let page = shell.page(&parts(
            "<title>Pytanie</title>",
            &attrs,
            "<div class=\"pm-app\"><h1>Pytanie</h1></div>",
        ));
        assert_eq!(
            page,
            "<!DOCTYPE html><html lang=\"pl\"><head><meta charset=\"utf-8\"><!--pm-head--><title>Pytanie</title><!--/pm-head--><link rel=\"stylesheet\" href=\"/a.css\"></head><body><div id=\"poradnik-mieszkanca\" data-submit-url=\"/api/pytania\" data-site-url=\"https://p.pl/?a=&quot;b&quot;\"><!--pm-page--><div class=\"pm-app\"><h1>Pytanie</h1></div><!--/pm-page--></div></body></html>"
        );
    }

    #[test]
    fn a_published_page_is_a_shell_again() {
        let shell = Shell::parse(SHELL).unwrap();
        let attrs = [("data-site-url", "https://p.pl/".to_owned())];
        let first = shell.page(&parts(
            "<title>A</title>",
            &attrs,
            "<div class=\"pm-app\"><div>A</div></div>",
        ));
        let again = Shell::parse(&first).unwrap();
        assert_eq!(
            again.attribute("data-site-url"),
            None,
            "the step's own attributes are replaced"
        );
        assert_eq!(again.attribute("data-submit-url"), Some("/api/pytania"));
        let attrs = [("data-site-url", "https://q.pl/".to_owned())];
        let second = again.page(&parts(
            "<title>B</title>",
            &attrs,
            "<div class=\"pm-app\">B</div>",
        ));
        assert_eq!(
            second,
            shell.page(&parts(
                "<title>B</title>",
                &attrs,
                "<div class=\"pm-app\">B</div>"
            ))
        );
    }

    #[test]
    fn the_mount_elements_settings_are_read() {
        let shell = Shell::parse("<title>P</title><div id=poradnik-mieszkanca data-submit-url=/api/pytania data-report-email='a@b.pl' data-x=\"a &amp; b\"></div>").unwrap();
        assert_eq!(shell.attribute("id"), Some("poradnik-mieszkanca"));
        assert_eq!(shell.attribute("data-submit-url"), Some("/api/pytania"));
        assert_eq!(shell.attribute("data-report-email"), Some("a@b.pl"));
        assert_eq!(shell.attribute("data-x"), Some("a & b"));
        assert_eq!(shell.attribute("data-y"), None);
    }

    #[test]
    fn a_minified_shell_is_read_too() {
        let shell = Shell::parse(
            "<title>P</title><body><div id=poradnik-mieszkanca><noscript>x</noscript></div></body>",
        )
        .unwrap();
        let page = shell.page(&parts("<title>Q</title>", &[], "B"));
        assert_eq!(page, "<!--pm-head--><title>Q</title><!--/pm-head--><body><div id=\"poradnik-mieszkanca\"><!--pm-page-->B<!--/pm-page--></div></body>");
    }

    #[test]
    fn published_pages_leave_the_apps_downloads_to_the_loader() {
        let shell = Shell::parse("<link href=/a.css rel=stylesheet><link crossorigin href=/p.js integrity=x rel=modulepreload><link as=fetch href=/p.wasm rel=preload type=application/wasm><title>P</title><script type=module src=/poradnik.js></script><div id=poradnik-mieszkanca></div>").unwrap();
        let page = shell.page(&parts("<title>Q</title>", &[], "B"));
        assert_eq!(page, "<link href=/a.css rel=stylesheet><!--pm-head--><title>Q</title><!--/pm-head--><script type=module src=/poradnik.js></script><div id=\"poradnik-mieszkanca\"><!--pm-page-->B<!--/pm-page--></div>");
    }

    #[test]
    fn what_is_not_a_shell_says_why() {
        assert!(Shell::parse("<html></html>")
            .unwrap_err()
            .contains("<title>"));
        assert!(Shell::parse("<title>P</title><p>x</p>")
            .unwrap_err()
            .contains("poradnik-mieszkanca"));
        assert!(Shell::parse(
            "<title>P</title><div id=poradnik-mieszkanca><div class=pm-app></div></div>"
        )
        .unwrap_err()
        .contains("trunk build"));
    }
}
