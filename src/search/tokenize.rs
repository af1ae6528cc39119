//! Words as residents and editors write them. A token is a run of letters and digits, joined by
//! single hyphens ("e-recepta"), with a '+' kept after digits ("800+"). Each token is indexed and
//! queried whole and in parts, so "e-recepta", "erecepta" and "recepta" all find "e-recepta", and
//! "ikp" and "mojeikp" both find "mojeIKP".

use super::normalize::normalize;
use crate::text::fold::is_word_char;

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
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i;
        // Letters and digits, with single hyphens between them.
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                j += 1;
            } else if c == '-' && j + 1 < chars.len() && is_word_char(chars[j + 1].1) && j > i {
                j += 1;
            } else {
                break;
            }
        }
        let mut end_idx = j;
        let plus = end_idx < chars.len()
            && chars[end_idx].1 == '+'
            && chars[end_idx - 1].1.is_ascii_digit();
        if plus {
            end_idx += 1;
        }
        let end = chars.get(end_idx).map_or(text.len(), |c| c.0);
        tokens.push(Token {
            start,
            end,
            forms: forms(&text[start..end]),
        });
        i = end_idx;
    }
    tokens
}

/// The whole word (hyphens dropped) first, then its parts: split at hyphens, at a lower-to-upper
/// case change ("mojeIKP"), and the number before a '+'.
fn forms(word: &str) -> Vec<String> {
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
    fn offsets_point_into_the_original_text() {
        let text = "Zasiłek – 800+ na dziecko";
        let t = tokenize(text);
        assert_eq!(&text[t[0].start..t[0].end], "Zasiłek");
        assert_eq!(&text[t[1].start..t[1].end], "800+");
    }
}
