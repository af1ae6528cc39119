//! Text as the index compares it: lower case, Polish and other Latin diacritics folded, combining
//! marks (from decomposed input) dropped. The folding itself is `crate::text::fold`'s, which
//! slugs use too.

pub use crate::text::fold::{fold_lower as normalize, fold_lower_into as normalize_into};

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
