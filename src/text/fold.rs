//! Folding of letters with diacritics to their base ASCII letter.
//!
//! Unicode decomposition does not turn `ł` into `l`, so Polish needs its own table. The table also
//! covers the Latin letters that appear in Polish texts about other places and names.

/// Returns the base letter of `c` when it is a Latin letter with a diacritic, else `c` itself.
pub fn fold_char(c: char) -> char {
    match c {
        'ą' => 'a',
        'ć' => 'c',
        'ę' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ó' => 'o',
        'ś' => 's',
        'ź' | 'ż' => 'z',
        'Ą' => 'A',
        'Ć' => 'C',
        'Ę' => 'E',
        'Ł' => 'L',
        'Ń' => 'N',
        'Ó' => 'O',
        'Ś' => 'S',
        'Ź' | 'Ż' => 'Z',
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ô' | 'õ' | 'ö' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' | 'č' => 'c',
        'ď' => 'd',
        'ñ' | 'ň' => 'n',
        'ř' => 'r',
        'š' => 's',
        'ť' => 't',
        'ž' => 'z',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ě' => 'E',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'Ò' | 'Ô' | 'Õ' | 'Ö' | 'Ő' => 'O',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ű' | 'Ů' => 'U',
        'Ý' => 'Y',
        'Ç' | 'Č' => 'C',
        'Ď' => 'D',
        'Ñ' | 'Ň' => 'N',
        'Ř' => 'R',
        'Š' => 'S',
        'Ť' => 'T',
        'Ž' => 'Z',
        _ => c,
    }
}

/// The lower-case form of a letter of the scripts a resident of Wrocław writes in: Latin (with
/// every diacritic of Latin-1 and Latin Extended-A), Greek and Cyrillic. Other characters are
/// returned as they are. (Small tables of our own instead of the full Unicode case tables, which
/// would cost the WebAssembly about 12 KB.)
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        // Latin Extended-A: upper case on even code points, except in two runs where it is odd.
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x391..=0x3AB if u != 0x3A2 => u + 0x20,
        0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u % 2 == 0 => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Whether `c` is part of a word: an ASCII letter or digit, or a letter of the scripts
/// [`lower_char`] knows.
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_alphanumeric()
        || matches!(u, 0xC0..=0x24F if u != 0xD7 && u != 0xF7)
        || matches!(u, 0x386..=0x3FF | 0x400..=0x52F)
}

/// Whether `c` is a combining mark (U+0300–U+036F), as decomposed text carries its accents.
pub fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Lower-cases `text`, folds its diacritics and drops combining marks (of decomposed text):
/// "Źródło ŁÓDŹ" becomes "zrodlo lodz", and "zas\u{301}" becomes "zas".
pub fn fold_lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_lower_into(text, &mut out);
    out
}

/// [`fold_lower`] into a buffer that the caller reuses (cleared first).
pub fn fold_lower_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !is_combining_mark(c) {
            out.push(fold_char(lower_char(c)));
        }
    }
}

/// Lower-cases `text` with [`lower_char`], keeping its diacritics: "ŻŁOBEK" becomes "żłobek".
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_polish_letter_in_both_cases() {
        assert_eq!(fold_lower("ąćęłńóśźż"), "acelnoszz");
        assert_eq!(fold_lower("ĄĆĘŁŃÓŚŹŻ"), "acelnoszz");
    }

    #[test]
    fn lowers_like_unicode_for_the_scripts_it_knows() {
        for c in ('\u{20}'..='\u{24F}').chain('\u{370}'..='\u{52F}') {
            let mut std_lower = c.to_lowercase();
            let (one, more) = (std_lower.next().unwrap(), std_lower.next());
            if more.is_none() && (is_word_char(c) || c.is_ascii()) && one as u32 <= 0x52F {
                // Title-case digraphs and a few historic letters are left alone.
                if lower_char(c) != c || one == c {
                    assert_eq!(lower_char(c), one, "{c:?} U+{:04X}", c as u32);
                }
            }
        }
        assert_eq!(lower("ŻŁOBEK Ąę ŚĆŹŃÓ"), "żłobek ąę śćźńó");
        assert_eq!(lower("КИЇВ Ґанок ΑΘΗΝΑ"), "київ ґанок αθηνα");
    }

    #[test]
    fn word_chars_are_letters_and_digits() {
        for c in ['a', 'Z', '7', 'ł', 'Ż', 'é', 'ї', 'Ж', 'ω'] {
            assert!(is_word_char(c), "{c}");
        }
        for c in [' ', '-', '+', '?', '×', '÷', '„', '–', '€'] {
            assert!(!is_word_char(c), "{c}");
        }
    }

    #[test]
    fn keeps_digits_and_punctuation() {
        assert_eq!(fold_lower("800+ e-Recepta"), "800+ e-recepta");
    }
}
