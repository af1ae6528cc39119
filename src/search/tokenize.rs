//! Words as residents and editors write them. A token is a run of letters and digits, joined by
//! single hyphens ("e-recepta"), with a '+' kept after digits ("800+"). Each token is indexed and
//! queried whole and in parts, so "e-recepta", "erecepta" and "recepta" all find "e-recepta", and
//! "ikp" and "mojeikp" both find "mojeIKP".

use super::normalize::normalize;
use crate::text::fold::{is_combining_mark, is_word_char};

/// One word of a text: where it stands (byte offsets) and the normalised forms it answers to; the
/// first form is the whole word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub forms: Vec<String>,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_word(text, |start, end| {
        tokens.push(Token {
            start,
            end,
            forms: forms(&text[start..end]),
        })
    });
    tokens
}

/// Calls `f(start, end)` with the byte range of every word of `text`, without allocating.
pub fn for_each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut last = c;
        loop {
            match iter.peek().copied() {
                // Letters, and combining accents of decomposed text ("s\u{301}"), which continue a word.
                Some((i, c)) if is_word_char(c) || is_combining_mark(c) => {
                    iter.next();
                    end = i + c.len_utf8();
                    last = c;
                }
                // A hyphen between two word characters joins them ("e-recepta").
                Some((_, '-')) => {
                    let mut ahead = iter.clone();
                    ahead.next();
                    match ahead.next() {
                        // Letters, and combining accents of decomposed text ("s\u{301}"), which continue a word.
                        Some((i, c)) if is_word_char(c) || is_combining_mark(c) => {
                            iter.next();
                            iter.next();
                            end = i + c.len_utf8();
                            last = c;
                        }
                        _ => break,
                    }
                }
                // A '+' after a digit belongs to the word ("800+").
                Some((i, '+')) if last.is_ascii_digit() => {
                    iter.next();
                    end = i + 1;
                    break;
                }
                _ => break,
            }
        }
        f(start, end);
    }
}

/// Whether a word needs more forms than itself: a hyphen, a '+', or a lower-to-upper case change.
pub fn is_compound(word: &str) -> bool {
    let mut prev_lower = false;
    for c in word.chars() {
        if c == '-' || c == '+' || (prev_lower && c.is_ascii_uppercase()) {
            return true;
        }
        prev_lower = c.is_ascii_lowercase();
    }
    false
}

/// The whole word (hyphens dropped) first, then its parts: split at hyphens, at a lower-to-upper
/// case change ("mojeIKP"), and the number before a '+'.
pub fn forms(word: &str) -> Vec<String> {
    if !is_compound(word) {
        return vec![normalize(word)];
    }
    let whole = normalize(&word.replace('-', ""));
    let mut parts: Vec<String> = Vec::new();
    let core = word.trim_end_matches('+');
    for piece in core.split('-') {
        let mut current = String::new();
        let mut prev_lower = false;
        for c in piece.chars() {
            if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
                parts.push(normalize(&current));
                current.clear();
            }
            prev_lower = c.is_ascii_lowercase();
            current.push(c);
        }
        if !current.is_empty() {
            parts.push(normalize(&current));
        }
    }
    let mut out = vec![whole];
    if parts.len() > 1 || word.ends_with('+') {
        for p in parts {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_forms(text: &str) -> Vec<Vec<String>> {
        tokenize(text).into_iter().map(|t| t.forms).collect()
    }

    #[test]
    fn splits_plain_words_and_folds_them() {
        assert_eq!(
            all_forms("Jak wyrobić dowód?"),
            vec![vec!["jak"], vec!["wyrobic"], vec!["dowod"]]
        );
    }

    #[test]
    fn keeps_800_plus_findable() {
        assert_eq!(
            all_forms("świadczenie 800+"),
            vec![
                vec!["swiadczenie".to_string()],
                vec!["800+".into(), "800".into()]
            ]
        );
        assert_eq!(all_forms("a+b"), vec![vec!["a"], vec!["b"]]);
    }

    #[test]
    fn hyphenated_words_are_whole_and_parts() {
        assert_eq!(
            all_forms("e-recepta"),
            vec![vec!["erecepta", "e", "recepta"]]
        );
        assert_eq!(all_forms("- myślnik -"), vec![vec!["myslnik"]]);
    }

    #[test]
    fn camel_case_names_are_whole_and_parts() {
        assert_eq!(
            all_forms("aplikacja mojeIKP"),
            vec![
                vec!["aplikacja".to_string()],
                vec!["mojeikp".into(), "moje".into(), "ikp".into()]
            ]
        );
        assert_eq!(all_forms("IKP"), vec![vec!["ikp"]]);
    }

    #[test]
    fn decomposed_accents_stay_inside_their_word() {
        assert_eq!(
            all_forms("zas\u{301}wiadczenie z\u{307}ółw"),
            vec![vec!["zaswiadczenie"], vec!["zolw"]]
        );
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Zasiłek – 800+ na dziecko";
        let t = tokenize(text);
        assert_eq!(&text[t[0].start..t[0].end], "Zasiłek");
        assert_eq!(&text[t[1].start..t[1].end], "800+");
    }
}
