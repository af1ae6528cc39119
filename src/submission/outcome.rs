//! What each answer of the endpoint means for the resident (the contract's "Responses"), when to
//! try again after a 429, and the e-mail fallback.

use super::draft::Draft;
use super::rules::{trimmed_question, Field};
use serde::Deserialize;
use serde_json::Value;

use crate::paths::encode_component;
use crate::schedule::warsaw_time::days_from_date;
use crate::text::date::Date;

/// The result of one attempt to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 201, 202, or 200 for a duplicate of an accepted question: the draft can be cleared.
    Accepted,
    /// 400 with field errors: each shown at its field. Errors for fields the form does not have
    /// are shown in the summary only.
    Rejected {
        fields: Vec<(Field, String)>,
        other: Vec<String>,
    },
    /// 413.
    TooLarge,
    /// 429: try again after this many seconds, if the server said.
    TooMany { retry_after: Option<u64> },
    /// 5xx, anything unexpected, a time-out or no network: not sent; the draft stays.
    NotSent { reason: NotSent },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotSent {
    /// The browser says it has no network.
    Offline,
    /// The browser has a network but the server could not be reached.
    Unreachable,
    TimedOut,
    ServerError(u16),
    Unexpected(u16),
    /// The browser would not give the random bytes of the question's id: nothing was sent.
    NoRandom,
}

/// The body of a 400: `{"errors": {"field": "message", …}}`.
#[derive(Deserialize)]
struct FieldErrors {
    errors: InOrder,
}

/// A JSON object's members in the server's order (serde_json's own map sorts them).
#[derive(Default)]
struct InOrder(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for InOrder {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> serde::de::Visitor<'de> for Members {
            type Value = InOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<InOrder, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(InOrder(members))
            }
        }
        d.deserialize_map(Members)
    }
}

/// Reads an answer: its status, its body (for 400) and its `Retry-After` header (for 429), at
/// `now` (Unix seconds, for an HTTP-date `Retry-After`).
pub fn classify(status: u16, body: &str, retry_after: Option<&str>, now: i64) -> Outcome {
    match status {
        200..=202 => Outcome::Accepted,
        400 => {
            let errors = serde_json::from_str::<FieldErrors>(body)
                .map(|b| b.errors.0)
                .unwrap_or_default();
            let mut fields = Vec::new();
            let mut other = Vec::new();
            for (name, message) in errors {
                let text = match message {
                    Value::String(s) => s,
                    _ => "Serwer nie przyjął tej wartości.".to_owned(),
                };
                match Field::from_name(&name) {
                    Some(f) => fields.push((f, text)),
                    None => other.push(text),
                }
            }
            if fields.is_empty() && other.is_empty() {
                other.push("Serwer nie przyjął pytania. Sprawdź je i spróbuj ponownie.".to_owned());
            }
            Outcome::Rejected { fields, other }
        }
        413 => Outcome::TooLarge,
        429 => Outcome::TooMany {
            retry_after: retry_after.and_then(|h| parse_retry_after(h, now)),
        },
        500..=599 => Outcome::NotSent {
            reason: NotSent::ServerError(status),
        },
        _ => Outcome::NotSent {
            reason: NotSent::Unexpected(status),
        },
    }
}

impl Outcome {
    /// The words the resident reads after this attempt (for 400, the summary's title).
    pub fn message(&self) -> String {
        match self {
            Outcome::Accepted => "Dziękujemy! Twoje pytanie trafiło do redakcji Poradnika Mieszkańca.".into(),
            Outcome::Rejected { .. } => "Popraw zaznaczone pola i wyślij pytanie ponownie.".into(),
            Outcome::TooLarge => "Pytanie jest za duże, aby je wysłać. Skróć je i spróbuj ponownie; Twój tekst zostaje w formularzu.".into(),
            Outcome::TooMany { retry_after: Some(s) } => format!(
                "Wysłano zbyt wiele pytań w krótkim czasie. Spróbuj ponownie za {}. Twoje pytanie zostaje w formularzu.",
                wait_words(*s)
            ),
            Outcome::TooMany { retry_after: None } => "Wysłano zbyt wiele pytań w krótkim czasie. Spróbuj ponownie za kilka minut. Twoje pytanie zostaje w formularzu.".into(),
            Outcome::NotSent { reason } => {
                let why = match reason {
                    NotSent::Offline => "Nie ma połączenia z internetem.".to_owned(),
                    NotSent::Unreachable => "Nie udało się połączyć z serwerem.".to_owned(),
                    NotSent::TimedOut => "Serwer nie odpowiedział na czas.".to_owned(),
                    NotSent::ServerError(s) => format!("Wystąpił błąd po stronie serwera ({s})."),
                    NotSent::Unexpected(s) => format!("Serwer odpowiedział nieoczekiwanie ({s})."),
                    NotSent::NoRandom => "Ta przeglądarka nie pozwoliła przygotować pytania do wysłania (blokuje generator liczb losowych).".to_owned(),
                };
                format!("{why} Pytanie nie zostało wysłane, ale jest zapisane w tej przeglądarce. Spróbuj wysłać je ponownie.")
            }
        }
    }
}

/// "30 sekund", "2 minuty", "1 godzinę": how long to wait, rounded up to what a person reads.
pub fn wait_words(seconds: u64) -> String {
    use crate::text::plural::{count, Forms};
    const SECONDS: Forms = Forms {
        one: "sekundę",
        few: "sekundy",
        many: "sekund",
    };
    const MINUTES: Forms = Forms {
        one: "minutę",
        few: "minuty",
        many: "minut",
    };
    const HOURS: Forms = Forms {
        one: "godzinę",
        few: "godziny",
        many: "godzin",
    };
    match seconds {
        0..=59 => count(seconds.max(1) as usize, &SECONDS),
        60..=3599 => count(seconds.div_ceil(60) as usize, &MINUTES),
        _ => count(seconds.div_ceil(3600) as usize, &HOURS),
    }
}

/// `Retry-After` as seconds from `now`: either a number of seconds or an HTTP date
/// ("Wed, 21 Oct 2026 07:28:00 GMT"). A date in the past means "now" (0).
pub fn parse_retry_after(header: &str, now: i64) -> Option<u64> {
    let h = header.trim();
    if let Ok(s) = h.parse::<u64>() {
        return Some(s);
    }
    let parts: Vec<&str> = h.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == month)? as u8 + 1;
    let date = Date::parse_iso(&format!("{year}-{month:02}-{:02}", day.parse::<u8>().ok()?))?;
    let hms: Vec<i64> = time
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [h, m, s] = hms.as_slice() else {
        return None;
    };
    if !(0..24).contains(h) || !(0..60).contains(m) || !(0..61).contains(s) {
        return None;
    }
    let at = days_from_date(date) * 86_400 + h * 3600 + m * 60 + s;
    Some((at - now).max(0) as u64)
}

/// The e-mail fallback when no endpoint is configured: a `mailto:` link with the subject and body
/// filled in (RFC 6068: spaces and line breaks percent-encoded).
pub fn mailto(address: &str, draft: &Draft, category_name: Option<&str>) -> String {
    let mut body = String::from(trimmed_question(&draft.question));
    if let Some(c) = category_name {
        body.push_str(&format!("\n\nKategoria: {c}"));
    }
    format!(
        "mailto:{}?subject={}&body={}",
        address.trim(),
        encode_component("Pytanie do Poradnika Mieszkańca"),
        encode_component(&body.replace('\n', "\r\n"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_600_000;

    #[test]
    fn accepted_and_duplicates_clear_the_draft() {
        for s in [200, 201, 202] {
            assert_eq!(classify(s, "", None, NOW), Outcome::Accepted);
        }
    }

    #[test]
    fn field_errors_go_to_their_fields() {
        let body = r#"{"errors": {"question": "Za krótkie pytanie", "email": "Zły adres", "website": "spam"}}"#;
        let Outcome::Rejected { fields, other } = classify(400, body, None, NOW) else {
            panic!()
        };
        // In the server's order.
        assert_eq!(
            fields,
            vec![
                (Field::Question, "Za krótkie pytanie".into()),
                (Field::Email, "Zły adres".into())
            ]
        );
        assert_eq!(other, vec!["spam".to_string()]);
        let Outcome::Rejected { fields, other } = classify(400, "<html>", None, NOW) else {
            panic!()
        };
        assert!(
            fields.is_empty() && other.len() == 1,
            "a 400 without errors still says something"
        );
    }

    #[test]
    fn every_failure_says_the_question_is_kept() {
        let outcomes = [
            classify(413, "", None, NOW),
            classify(429, "", Some("120"), NOW),
            classify(429, "", None, NOW),
            classify(503, "", None, NOW),
            classify(302, "", None, NOW),
            Outcome::NotSent {
                reason: NotSent::Offline,
            },
            Outcome::NotSent {
                reason: NotSent::TimedOut,
            },
        ];
        for o in outcomes {
            let m = o.message();
            assert!(
                m.contains("zostaje w formularzu") || m.contains("zapisane w tej przeglądarce"),
                "{m}"
            );
        }
        assert!(classify(429, "", Some("120"), NOW)
            .message()
            .contains("za 2 minuty"));
        assert!(classify(503, "", None, NOW).message().contains("(503)"));
    }

    #[test]
    fn retry_after_is_seconds_or_an_http_date() {
        assert_eq!(parse_retry_after(" 30 ", NOW), Some(30));
        let date = "Thu, 26 Nov 2026 22:00:00 GMT";
        let at = days_from_date(Date {
            year: 2026,
            month: 11,
            day: 26,
        }) * 86_400
            + 22 * 3600;
        assert_eq!(parse_retry_after(date, at - 90), Some(90));
        assert_eq!(
            parse_retry_after(date, at + 10),
            Some(0),
            "a date in the past"
        );
        assert_eq!(parse_retry_after("jutro", NOW), None);
        assert_eq!(
            parse_retry_after("Thu, 26 Nov 2026 9999999999999999:00:00 GMT", NOW),
            None
        );
        assert_eq!(
            parse_retry_after("Thu, 26 Nov 2026 99:99:99 GMT", NOW),
            None
        );
    }

    #[test]
    fn waiting_is_said_in_polish() {
        assert_eq!(wait_words(1), "1 sekundę");
        assert_eq!(wait_words(30), "30 sekund");
        assert_eq!(wait_words(61), "2 minuty");
        assert_eq!(wait_words(300), "5 minut");
        assert_eq!(wait_words(3600), "1 godzinę");
    }

    #[test]
    fn the_mailto_link_carries_the_question() {
        let d = Draft {
            question: "  Gdzie oddać\nstary telewizor & radio?  ".into(),
            ..Draft::default()
        };
        let link = mailto("poradnik@um.wroc.pl", &d, Some("Odpady"));
        assert!(link.starts_with("mailto:poradnik@um.wroc.pl?subject=Pytanie%20do%20Poradnika%20Mieszka%C5%84ca&body="), "{link}");
        assert!(
            link.contains("Gdzie%20odda%C4%87%0D%0Astary%20telewizor%20%26%20radio%3F"),
            "{link}"
        );
        assert!(link.ends_with("Kategoria%3A%20Odpady"), "{link}");
    }
}
