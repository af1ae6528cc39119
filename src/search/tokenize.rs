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
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The character at byte `i` (a character boundary) and its length: ASCII without decoding.
    let at = |i: usize| -> (char, usize) {
        match bytes[i] {
            b if b < 0x80 => (char::from(b), 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            }
        }
    };
    // Letters, and combining accents of decomposed text ("s\u{301}"), which continue a word.
    let continues = |c: char| is_word_char(c) || is_combining_mark(c);
    let mut i = 0;
    while i < n {
        let (c, len) = at(i);
        i += len;
        if !is_word_char(c) {
            continue;
        }
        let start = i - len;
        let mut last = c;
        while i < n {
            // Most of a Polish text is ASCII letters: step over them without decoding.
            if bytes[i].is_ascii_alphanumeric() {
                last = char::from(bytes[i]);
                i += 1;
                continue;
            }
            let (c, len) = at(i);
            if continues(c) {
                i += len;
                last = c;
            } else if c == '-' && i + 1 < n && continues(at(i + 1).0) {
                // A hyphen between two word characters joins them ("e-recepta").
                let (next, len) = at(i + 1);
                i += 1 + len;
                last = next;
            } else if c == '+' && last.is_ascii_digit() {
                // A '+' after a digit belongs to the word ("800+").
                i += 1;
                break;
            } else {
                break;
            }
        }
        f(start, i);
    }
}

/// Whether a word needs more forms than itself: a hyphen, a '+', or a lower-to-upper case change.
pub fn is_compound(word: &str) -> bool {
    // Bytes suffice: every character it looks for is ASCII, and no byte of a multi-byte
    // character is an ASCII one.
    let mut prev_lower = false;
    for &b in word.as_bytes() {
        if b == b'-' || b == b'+' || (prev_lower && b.is_ascii_uppercase()) {
            return true;
        }
        prev_lower = b.is_ascii_lowercase();
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
