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

/// Lower-cases `text` and folds its diacritics: "Źródło ŁÓDŹ" becomes "zrodlo lodz".
pub fn fold_lower(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
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
    fn keeps_digits_and_punctuation() {
        assert_eq!(fold_lower("800+ e-Recepta"), "800+ e-recepta");
    }
}
