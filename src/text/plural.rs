//! Polish plural forms: "1 pytanie", "2 pytania", "5 pytań", "22 pytania".

/// The three forms of a Polish noun after a number.
pub struct Forms {
    /// After 1: "pytanie".
    pub one: &'static str,
    /// After 2–4, 22–24, … but not 12–14: "pytania".
    pub few: &'static str,
    /// Everything else, 0 included: "pytań".
    pub many: &'static str,
}

pub const QUESTIONS: Forms = Forms {
    one: "pytanie",
    few: "pytania",
    many: "pytań",
};
pub const RESULTS: Forms = Forms {
    one: "wynik",
    few: "wyniki",
    many: "wyników",
};
pub const CHARACTERS: Forms = Forms {
    one: "znak",
    few: "znaki",
    many: "znaków",
};
pub const ENTRIES: Forms = Forms {
    one: "wpis",
    few: "wpisy",
    many: "wpisów",
};
pub const REMARKS: Forms = Forms {
    one: "uwaga",
    few: "uwagi",
    many: "uwag",
};

/// The form of the noun that goes with `n`.
pub fn plural(n: usize, forms: &Forms) -> &'static str {
    let tens = n % 100;
    let units = n % 10;
    if n == 1 {
        forms.one
    } else if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
        forms.few
    } else {
        forms.many
    }
}

/// "5 pytań".
pub fn count(n: usize, forms: &Forms) -> String {
    format!("{n} {}", plural(n, forms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_search_results_in_every_polish_plural_form() {
        let want = [
            (1, "wynik"),
            (2, "wyniki"),
            (4, "wyniki"),
            (5, "wyników"),
            (21, "wyników"),
            (22, "wyniki"),
            (24, "wyniki"),
            (25, "wyników"),
        ];
        for (n, form) in want {
            assert_eq!(plural(n, &RESULTS), form, "{n}");
        }
    }

    #[test]
    fn follows_polish_plural_rules() {
        let cases = [
            (0, "0 pytań"),
            (1, "1 pytanie"),
            (2, "2 pytania"),
            (4, "4 pytania"),
            (5, "5 pytań"),
            (11, "11 pytań"),
            (12, "12 pytań"),
            (14, "14 pytań"),
            (21, "21 pytań"),
            (22, "22 pytania"),
            (24, "24 pytania"),
            (25, "25 pytań"),
            (101, "101 pytań"),
            (112, "112 pytań"),
            (122, "122 pytania"),
        ];
        for (n, want) in cases {
            assert_eq!(count(n, &QUESTIONS), want);
        }
    }
}
