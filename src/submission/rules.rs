//! The form's rules, with the messages a resident reads next to each field (the GOV.UK way: say
//! what is wrong and how to fix it).

use super::draft::Draft;
use crate::text::plural::{plural, Forms, CHARACTERS};

pub const MIN_QUESTION: usize = 10;
pub const MAX_QUESTION: usize = 2000;

/// A field of the form, as the contract names it (and as a server's 400 names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Question,
    Category,
    Email,
    Consent,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Question => "question",
            Field::Category => "category",
            Field::Email => "email",
            Field::Consent => "consent",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        [
            Field::Question,
            Field::Category,
            Field::Email,
            Field::Consent,
        ]
        .into_iter()
        .find(|f| f.name() == name)
    }
}

/// The question as it is sent: trimmed.
pub fn trimmed_question(q: &str) -> &str {
    q.trim()
}

/// The characters that count toward the limits.
pub fn question_length(q: &str) -> usize {
    trimmed_question(q).chars().count()
}

/// "Zostało 1850 znaków" / "Za długie o 12 znaków": the live count under the question.
pub fn length_hint(q: &str) -> String {
    let n = question_length(q);
    if n > MAX_QUESTION {
        format!(
            "Pytanie jest za długie o {} {}",
            n - MAX_QUESTION,
            chars(n - MAX_QUESTION)
        )
    } else {
        let left = MAX_QUESTION - n;
        // The verb agrees with the number the way the noun does: został 1, zostały 2, zostało 5.
        const LEFT: Forms = Forms {
            one: "Został",
            few: "Zostały",
            many: "Zostało",
        };
        format!("{} {left} {}", plural(left, &LEFT), chars(left))
    }
}

fn chars(n: usize) -> &'static str {
    plural(n, &CHARACTERS)
}

/// Whether `email` looks like an address someone could reply to: one '@', something before it,
/// a domain with a dot after it, no spaces, at most 254 characters.
pub fn plausible_email(email: &str) -> bool {
    let email = email.trim();
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Every problem of a draft, in the order of the form's fields. `categories` are the data's
/// category ids (empty while they are not known).
pub fn validate(draft: &Draft, categories: &[&str]) -> Vec<(Field, String)> {
    let mut errors = Vec::new();
    let n = question_length(&draft.question);
    if n == 0 {
        errors.push((Field::Question, "Wpisz swoje pytanie".to_owned()));
    } else if n < MIN_QUESTION {
        errors.push((
            Field::Question,
            format!("Pytanie musi mieć co najmniej {MIN_QUESTION} znaków"),
        ));
    } else if n > MAX_QUESTION {
        errors.push((
            Field::Question,
            format!(
                "Pytanie może mieć najwyżej {MAX_QUESTION} znaków; skróć je o {} {}",
                n - MAX_QUESTION,
                chars(n - MAX_QUESTION)
            ),
        ));
    }
    // With no categories known (the data not loaded), any is left for the server to judge.
    if !draft.category.is_empty()
        && !categories.is_empty()
        && !categories.contains(&draft.category.as_str())
    {
        errors.push((
            Field::Category,
            "Wybierz kategorię z listy albo „Nie wiem”".to_owned(),
        ));
    }
    let email = draft.email.trim();
    if !email.is_empty() {
        if !plausible_email(email) {
            errors.push((Field::Email, "Wpisz adres e-mail w poprawnym formacie, np. imie.nazwisko@example.pl, albo zostaw to pole puste".to_owned()));
        }
        if !draft.consent {
            errors.push((
                Field::Consent,
                "Zaznacz zgodę, jeśli chcesz dostać odpowiedź e-mailem, albo usuń adres e-mail"
                    .to_owned(),
            ));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATS: &[&str] = &["zdrowie", "odpady"];

    fn draft(q: &str) -> Draft {
        Draft {
            question: q.into(),
            ..Draft::default()
        }
    }

    fn fields(d: &Draft) -> Vec<Field> {
        validate(d, CATS).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn the_question_needs_10_to_2000_characters_after_trimming() {
        assert_eq!(fields(&draft("")), [Field::Question]);
        assert_eq!(
            fields(&draft("   krótkie  ")),
            [Field::Question],
            "9 characters once trimmed"
        );
        assert!(
            fields(&draft("  żółć i tak  ")).is_empty(),
            "10 characters, Polish letters count once"
        );
        assert!(fields(&draft(&"ą".repeat(2000))).is_empty());
        assert_eq!(fields(&draft(&"a".repeat(2001))), [Field::Question]);
        assert!(validate(&draft(""), CATS)[0].1.starts_with("Wpisz"));
    }

    #[test]
    fn the_category_is_one_of_the_data_or_nie_wiem() {
        let ok = Draft {
            category: "odpady".into(),
            ..draft("Gdzie oddać stary telewizor?")
        };
        assert!(fields(&ok).is_empty());
        let unknown = Draft {
            category: "nie-ma".into(),
            ..ok.clone()
        };
        assert_eq!(fields(&unknown), [Field::Category]);
        let dont_know = Draft {
            category: String::new(),
            ..ok
        };
        assert!(fields(&dont_know).is_empty());
    }

    #[test]
    fn an_email_must_be_plausible_and_needs_consent() {
        let q = "Gdzie oddać stary telewizor?";
        let good = Draft {
            email: "jan.kowalski@example.pl".into(),
            consent: true,
            ..draft(q)
        };
        assert!(fields(&good).is_empty());
        assert_eq!(
            fields(&Draft {
                consent: false,
                ..good.clone()
            }),
            [Field::Consent]
        );
        assert_eq!(
            fields(&Draft {
                email: "jan@kowalski".into(),
                ..good.clone()
            }),
            [Field::Email]
        );
        for bad in [
            "jan",
            "@example.pl",
            "jan@@example.pl",
            "jan @example.pl",
            "jan@example..pl",
            "jan@.example.pl",
            "jan@example.pl.",
        ] {
            assert!(!plausible_email(bad), "{bad}");
        }
        assert!(plausible_email(" ania+poradnik@sub.example.com.pl "));
        // Without an address, no consent is needed.
        assert!(fields(&Draft {
            consent: false,
            ..draft(q)
        })
        .is_empty());
    }

    #[test]
    fn the_live_count_says_how_much_is_left_in_polish() {
        assert_eq!(length_hint(""), "Zostało 2000 znaków");
        assert_eq!(length_hint(&"a".repeat(1998)), "Zostały 2 znaki");
        assert_eq!(length_hint(&"a".repeat(1999)), "Został 1 znak");
        assert_eq!(
            length_hint(&"a".repeat(2005)),
            "Pytanie jest za długie o 5 znaków"
        );
    }

    #[test]
    fn fields_have_the_contract_names() {
        for f in [
            Field::Question,
            Field::Category,
            Field::Email,
            Field::Consent,
        ] {
            assert_eq!(Field::from_name(f.name()), Some(f));
        }
        assert_eq!(Field::from_name("website"), None);
    }
}
