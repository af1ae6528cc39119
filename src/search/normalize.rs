//! Text as the index compares it: lower case, Polish and other Latin diacritics folded, combining
//! marks (from decomposed input) dropped.

use crate::text::fold::{fold_char, lower_char};

/// Whether `c` is a combining mark (U+0300–U+036F), as decomposed text carries its accents.
fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// "Zasiłek" → "zasilek"; "ŁÓDŹ" → "lodz"; "zas\u{0301}" (decomposed) → "zas".
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`normalize`] into a buffer that the caller reuses (cleared first).
pub fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    if text.bytes().all(|b| b.is_ascii()) {
        out.extend(text.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in text.chars() {
        if is_combining(c) {
            continue;
        }
        out.push(fold_char(lower_char(c)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_letters_residents_leave_out() {
        assert_eq!(normalize("Zasiłek"), "zasilek");
        assert_eq!(normalize("ŚMIECI"), "smieci");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("żółć"), "zolc");
    }

    #[test]
    fn drops_combining_marks_of_decomposed_text() {
        assert_eq!(normalize("zas\u{0301}wiadczenie"), "zaswiadczenie");
        assert_eq!(normalize("e\u{0328}"), "e");
    }
}
