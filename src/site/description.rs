//! `<meta name="description">` and `og:description`: the first sentence of a text, at most about
//! 160 characters (what search engines show), cut at a word with "…" when longer.

use crate::text::fold::{lower, lower_char};

/// Most characters of a description (search engines cut at about 155–160).
pub const MAX_CHARS: usize = 160;

/// Words that end with a period without ending a sentence ("ul. Nowa", "m.in. PESEL").
const ABBREVIATIONS: &[&str] = &[
    "al", "art", "dr", "dz", "godz", "gr", "im", "inż", "itd", "itp", "m.in", "mgr", "nr", "np",
    "ok", "os", "pkt", "pl", "pn", "pok", "poz", "prof", "r", "str", "św", "tel", "tj", "tzn",
    "tzw", "ul", "ust", "wg", "ww", "zł",
];

/// The first sentence of `text` (white space collapsed), shortened to [`MAX_CHARS`].
pub fn description(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut sentence = String::new();
    for (i, word) in words.iter().enumerate() {
        if !sentence.is_empty() {
            sentence.push(' ');
        }
        sentence.push_str(word);
        let next_starts_sentence = words
            .get(i + 1)
            .and_then(|w| w.chars().next())
            .is_some_and(|c| lower_char(c) != c || c.is_ascii_digit() || c == '„' || c == '"');
        if ends_sentence(word) && next_starts_sentence {
            break;
        }
    }
    shorten(&sentence, MAX_CHARS)
}

fn ends_sentence(word: &str) -> bool {
    if word.ends_with(['!', '?', '…']) {
        return true;
    }
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    // The text module's own lower-casing: std's Unicode tables would add 12 KB to the app.
    let stem = lower(stem.trim_start_matches(['(', '„', '"']));
    !ABBREVIATIONS.contains(&stem.as_str())
}

/// `text` when it has at most `max` characters, else its words up to `max - 1` and "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let len = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if len > max - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One word longer than the limit.
        out = text.chars().take(max - 1).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '-', '–']);
    format!("{out}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_is_the_description() {
        assert_eq!(
            description("Wniosek złożysz w urzędzie. Potrzebny jest dowód osobisty."),
            "Wniosek złożysz w urzędzie."
        );
        assert_eq!(description("Czy trzeba płacić? Nie."), "Czy trzeba płacić?");
        assert_eq!(
            description("Jedno zdanie bez kropki"),
            "Jedno zdanie bez kropki"
        );
    }

    #[test]
    fn abbreviations_do_not_end_the_sentence() {
        assert_eq!(
            description("Urząd przy Pl. Nowym. Śmiało."),
            "Urząd przy Pl. Nowym."
        );
        assert_eq!(
            description("Biuro przy ul. Nowej 5 przyjmuje m.in. Wnioski o dowód. Dalej."),
            "Biuro przy ul. Nowej 5 przyjmuje m.in. Wnioski o dowód."
        );
        assert_eq!(
            description("Od 1 stycznia 2026 r. Opłata rośnie. Tak."),
            "Od 1 stycznia 2026 r. Opłata rośnie."
        );
    }

    #[test]
    fn long_sentences_are_cut_at_a_word_with_an_ellipsis() {
        let long = "słowo ".repeat(60);
        let d = description(&long);
        assert!(d.chars().count() <= MAX_CHARS, "{d}");
        assert!(d.ends_with("słowo…"), "{d}");
        let one = "x".repeat(400);
        assert_eq!(description(&one).chars().count(), MAX_CHARS);
    }
}
