//! Slugs: the identifiers that the data contract uses in URLs and anchors.
//!
//! A slug is lower-case ASCII letters, digits and hyphens (`[a-z0-9]+(-[a-z0-9]+)*`), at most
//! 120 characters.

use super::fold::fold_lower;

/// The longest slug the contract allows.
pub const MAX_SLUG_LEN: usize = 120;

/// Whether `s` is a slug as the data contract defines it.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Makes a slug from any text: "Jak założyć konto?" becomes "jak-zalozyc-konto".
///
/// Returns an empty string when the text has no letter or digit at all. Long texts are cut at a
/// word boundary so that the slug stays within [`MAX_SLUG_LEN`].
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in fold_lower(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.len() > MAX_SLUG_LEN {
        let cut = slug[..=MAX_SLUG_LEN]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(MAX_SLUG_LEN);
        slug.truncate(cut);
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_contract_slugs() {
        assert!(is_slug("co-to-jest-internetowe-konto-pacjenta-ikp"));
        assert!(is_slug("800-plus"));
        assert!(is_slug("a"));
    }

    #[test]
    fn rejects_what_the_contract_forbids() {
        for bad in [
            "",
            "Duże",
            "z spacją",
            "-lead",
            "trail-",
            "dwa--lacz",
            "ą",
            "a_b",
            "a/b",
        ] {
            assert!(!is_slug(bad), "{bad:?} must not be a slug");
        }
        assert!(!is_slug(&"a".repeat(121)));
        assert!(is_slug(&"a".repeat(120)));
    }

    #[test]
    fn slugifies_polish_questions() {
        assert_eq!(slugify("Jak założyć konto?"), "jak-zalozyc-konto");
        assert_eq!(
            slugify("Gdzie dowiem się więcej?"),
            "gdzie-dowiem-sie-wiecej"
        );
        assert_eq!(
            slugify("  Świadczenie 800+ — komu?  "),
            "swiadczenie-800-komu"
        );
        assert_eq!(slugify("???"), "");
    }

    #[test]
    fn long_text_is_cut_at_a_word_boundary_and_stays_a_slug() {
        let text = "Bardzo długie pytanie o wszystko ".repeat(10);
        let slug = slugify(&text);
        assert!(slug.len() <= MAX_SLUG_LEN);
        assert!(is_slug(&slug), "{slug}");
        assert!(text.to_lowercase().replace(' ', "-").len() > MAX_SLUG_LEN);
        assert!(slug.ends_with("wszystko") || slug.ends_with("pytanie") || slug.ends_with("o"));
    }

    #[test]
    fn every_slugified_text_is_a_slug_or_empty() {
        for text in ["Ósemka", "a--b", "-x-", "Łódź 2025 r.", "ŻÓŁW", "1/2"] {
            let s = slugify(text);
            assert!(s.is_empty() || is_slug(&s), "{text:?} gave {s:?}");
        }
    }
}
