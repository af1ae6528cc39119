//! Small decisions about addresses, shared by the settings, the data loader and the question
//! form (and the rich-text allow-list): plain Rust, no browser.

/// Whether `s` is an absolute `http:` or `https:` address, for fields that hold a site's URL.
pub fn is_web_url(s: &str) -> bool {
    let s = s.trim();
    match scheme_of(s) {
        Some(scheme) => {
            let scheme = scheme.to_ascii_lowercase();
            (scheme == "http" || scheme == "https")
                && s[scheme.len() + 1..].starts_with("//")
                && s.len() > scheme.len() + 3
                && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// The scheme of an absolute URL: letters, digits, `+`, `-`, `.`, starting with a letter, before a
/// colon that comes before any `/`, `?` or `#`.
pub fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let before = &url[..end];
    if before.contains(['/', '?', '#']) {
        return None;
    }
    let mut chars = before.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        Some(before)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_are_absolute_http_or_https_only() {
        assert!(is_web_url("https://www.wroclaw.pl/"));
        assert!(is_web_url("http://mops.wroclaw.pl"));
        for bad in [
            "javascript:alert(1)",
            "www.wroclaw.pl",
            "/relative",
            "https://",
            "mailto:a@b.pl",
            "https://a b.pl",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
