//! The few lines of a result that show why it matched, with the matched words marked.

use super::tokenize::tokenize;

/// A piece of a snippet: text, and whether it is a matched word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// About `width` characters of `text` around its first matched word; every word whose forms are
/// among `terms` (normalised, sorted) is marked. Cut ends get "…".
pub fn snippet(text: &str, terms: &[String], width: usize) -> Vec<Piece> {
    let tokens = tokenize(text);
    let matched: Vec<(usize, usize)> = tokens
        .iter()
        .filter(|t| t.forms.iter().any(|f| terms.binary_search(f).is_ok()))
        .map(|t| (t.start, t.end))
        .collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let first = matched.first().map_or(0, |m| m.0);
    // Start a little before the first match, at a word boundary.
    let first_char = chars.iter().position(|(b, _)| *b >= first).unwrap_or(0);
    let mut start_char = first_char.saturating_sub(width / 4);
    while start_char > 0 && !chars[start_char - 1].1.is_whitespace() {
        start_char -= 1;
    }
    let mut end_char = (start_char + width).min(chars.len());
    while end_char < chars.len() && !chars[end_char].1.is_whitespace() {
        end_char += 1;
    }
    let start = chars.get(start_char).map_or(text.len(), |c| c.0);
    let end = chars.get(end_char).map_or(text.len(), |c| c.0);

    let mut pieces = Vec::new();
    if start > 0 {
        pieces.push(Piece {
            text: "…".into(),
            marked: false,
        });
    }
    let mut at = start;
    for &(s, e) in matched.iter().filter(|(s, e)| *s >= start && *e <= end) {
        if s > at {
            pieces.push(Piece {
                text: text[at..s].into(),
                marked: false,
            });
        }
        pieces.push(Piece {
            text: text[s..e].into(),
            marked: true,
        });
        at = e;
    }
    if end > at {
        pieces.push(Piece {
            text: text[at..end].into(),
            marked: false,
        });
    }
    if end < text.len() {
        pieces.push(Piece {
            text: "…".into(),
            marked: false,
        });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(p: &[Piece]) -> String {
        p.iter()
            .map(|p| {
                if p.marked {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn marks_matched_words_in_their_original_spelling() {
        let terms = vec!["zasilek".to_string()];
        assert_eq!(
            render(&snippet("Zasiłek rodzinny to pomoc.", &terms, 100)),
            "[Zasiłek] rodzinny to pomoc."
        );
    }

    #[test]
    fn cuts_around_the_first_match_at_word_boundaries() {
        let text = format!(
            "{} segregacja odpadów {}",
            "słowo ".repeat(40),
            "dalej ".repeat(40)
        );
        let out = render(&snippet(&text, &["segregacja".to_string()], 60));
        assert!(out.starts_with('…') && out.ends_with('…'), "{out}");
        assert!(out.contains("[segregacja]"), "{out}");
        assert!(out.chars().count() < 100, "{out}");
        assert!(!out.contains("słow…") && !out.contains("…łowo"), "{out}");
    }

    #[test]
    fn no_match_gives_the_beginning() {
        let out = render(&snippet("Początek tekstu i dalej.", &[], 10));
        assert!(out.starts_with("Początek"), "{out}");
    }
}
