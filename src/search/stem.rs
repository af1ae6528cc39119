//! A light Polish stemmer: strips the commonest inflectional endings from a normalised word, so
//! that the forms a resident types meet the forms an editor wrote ("dowodu" / "dowód",
//! "zameldowanie" / "zameldować", "zasiłku" / "zasiłek").
//!
//! It is deliberately small (a suffix list, longest first, keeping at least three letters). The
//! Snowball Polish stemmer (`pagefind_stem`) was measured against it on the relevance set (issue
//! 14, docs/benchmarks.md): it ranks worse (top-1 89.8–91.5% against 92.4%, the same top-3) and
//! weighs 7.3 KB gzip of WebAssembly more; prefix plus typo matching cover much of what a light
//! stemmer misses. Over-stemming costs little here: the stem is only one of several ways a word matches,
//! and exact matches rank above stem matches.

use std::cell::Cell;

/// Endings, longest first. Written folded (no diacritics), as the index sees words.
const SUFFIXES: &[&str] = &[
    "acjami", "acjach", "owaniami", "owaniach", "eniami", "eniach", "aniami", "aniach", "owania",
    "owanie", "owaniu", "owaniem", "acja", "acji", "acje", "iami", "iach", "kami", "kach", "kiem",
    "enie", "enia", "eniu", "eniem", "anie", "ania", "aniu", "aniem", "ami", "ach", "ego", "emu",
    "ymi", "imi", "ich", "ych", "owi", "iem", "iej", "ow", "om", "em", "ej", "ym", "im", "ie",
    "ia", "ii", "iu", "ek", "ku", "ki", "ka", "owac", "ac", "ec", "ic", "yc", "a", "e", "i", "o",
    "u", "y",
];

/// The shortest stem left behind.
const MIN_STEM: usize = 3;

thread_local! {
    /// The stemmer the index uses: [`light_stem`] unless [`set_stemmer`] swapped it.
    static STEMMER: Cell<fn(&str) -> &str> = const { Cell::new(light_stem) };
}

/// Stems a normalised word with the current stemmer ([`light_stem`] unless swapped).
pub fn stem(word: &str) -> &str {
    STEMMER.with(Cell::get)(word)
}

/// Swaps the stemmer that building and querying use on this thread, for comparing stemmers
/// (`examples/compare_stemmers.rs`); the app never calls it. An index must be queried with the
/// stemmer it was built with.
pub fn set_stemmer(stemmer: fn(&str) -> &str) {
    STEMMER.with(|s| s.set(stemmer));
}

/// Stems a normalised word. Words with digits or other characters than a–z are left as they are.
pub fn light_stem(word: &str) -> &str {
    if word.len() <= MIN_STEM || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word;
    }
    for suffix in SUFFIXES {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= MIN_STEM {
                return base;
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::normalize;

    fn same_stem(a: &str, b: &str) -> bool {
        let (na, nb) = (normalize(a), normalize(b));
        stem(&na) == stem(&nb)
    }

    #[test]
    fn inflected_forms_meet() {
        for (a, b) in [
            ("dowodu", "dowód"),
            ("zameldowanie", "zameldować"),
            ("zasiłku", "zasiłek"),
            ("recepty", "recepta"),
            ("śmieciami", "śmieci"),
            ("opłaty", "opłata"),
            ("zaświadczenia", "zaświadczenie"),
            ("paszportu", "paszport"),
            ("dokumentach", "dokument"),
            ("żłobka", "żłobek"),
            ("biletów", "bilet"),
            ("segregacja", "segregować"),
            ("rejestracji", "rejestrować"),
        ] {
            assert!(
                same_stem(a, b),
                "{a} / {b}: {} vs {}",
                stem(&normalize(a)),
                stem(&normalize(b))
            );
        }
    }

    #[test]
    fn short_words_and_numbers_stay() {
        assert_eq!(stem("ikp"), "ikp");
        assert_eq!(stem("800+"), "800+");
        assert_eq!(stem("nfz"), "nfz");
        assert_eq!(stem("pit37"), "pit37");
    }

    #[test]
    fn never_leaves_less_than_three_letters() {
        for w in ["ania", "emu", "domu", "kota"] {
            assert!(stem(w).len() >= 3, "{w} → {}", stem(w));
        }
    }
}
