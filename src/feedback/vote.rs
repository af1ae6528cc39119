//! One resident's vote on one answer, as the contract sends it, and the rule of its comment.

use serde::Serialize;

use crate::text::plural::{count, CHARACTERS};

/// The most characters a comment may have, after trimming.
pub const COMMENT_MAX: usize = 500;

/// What was wrong with an answer, after "Nie".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Outdated,
    NotAnswered,
    Unclear,
    Other,
}

impl Reason {
    /// In the order the resident reads them.
    pub const ALL: [Reason; 4] = [
        Reason::Outdated,
        Reason::NotAnswered,
        Reason::Unclear,
        Reason::Other,
    ];

    /// What the resident reads.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Outdated => "Informacje są nieaktualne",
            Reason::NotAnswered => "Nie ma tu odpowiedzi na moje pytanie",
            Reason::Unclear => "Odpowiedź jest niezrozumiała",
            Reason::Other => "Inny powód",
        }
    }

    /// What the contract sends (also the radio button's value).
    pub fn wire(self) -> &'static str {
        match self {
            Reason::Outdated => "outdated",
            Reason::NotAnswered => "not_answered",
            Reason::Unclear => "unclear",
            Reason::Other => "other",
        }
    }

    pub fn from_wire(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.wire() == s)
    }
}

/// The request body: one vote. `reason` and `comment` only ever come with `helpful: false`
/// (see [`crate::feedback::kept::KeptVotes`], which makes every vote).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vote {
    pub question_id: String,
    pub helpful: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The question's `updated` date as shown (`YYYY-MM-DD`).
    pub updated: String,
    /// Made once per vote, kept when the vote changes: also the `Idempotency-Key`.
    pub client_id: String,
}

impl Vote {
    /// The JSON the endpoint receives.
    pub fn body(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A comment as typed: trimmed, `None` when empty, or the message shown at the field when it is
/// too long (nothing is cut: the resident decides what to shorten).
pub fn check_comment(typed: &str) -> Result<Option<String>, String> {
    let comment = typed.trim();
    let length = comment.chars().count();
    if length > COMMENT_MAX {
        return Err(format!(
            "Komentarz może mieć najwyżej {COMMENT_MAX} znaków. Skróć go o {}.",
            count(length - COMMENT_MAX, &CHARACTERS)
        ));
    }
    Ok((!comment.is_empty()).then(|| comment.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn vote() -> Vote {
        Vote {
            question_id: "karta-mieszkanca".into(),
            helpful: true,
            reason: None,
            comment: None,
            updated: "2026-03-02".into(),
            client_id: "0f8e4c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b".into(),
        }
    }

    #[test]
    fn a_yes_sends_only_what_the_contract_asks() {
        let body: Value = serde_json::from_str(&vote().body()).unwrap();
        assert_eq!(
            body,
            json!({
                "question_id": "karta-mieszkanca",
                "helpful": true,
                "updated": "2026-03-02",
                "client_id": "0f8e4c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b"
            })
        );
    }

    #[test]
    fn a_no_carries_its_reason_and_comment() {
        let v = Vote {
            helpful: false,
            reason: Some(Reason::NotAnswered),
            comment: Some("Brak informacji o opłacie.".into()),
            ..vote()
        };
        let body: Value = serde_json::from_str(&v.body()).unwrap();
        assert_eq!(body["reason"], "not_answered");
        assert_eq!(body["comment"], "Brak informacji o opłacie.");
        assert_eq!(body["helpful"], false);
    }

    #[test]
    fn reasons_read_back_from_their_wire_names() {
        for r in Reason::ALL {
            assert_eq!(Reason::from_wire(r.wire()), Some(r));
        }
        assert_eq!(Reason::from_wire("spam"), None);
    }

    #[test]
    fn a_comment_is_trimmed_and_limited_in_characters_not_bytes() {
        assert_eq!(check_comment("  \n "), Ok(None));
        assert_eq!(check_comment("  Za mało  "), Ok(Some("Za mało".into())));
        // 500 Polish letters are 1000 bytes and still fit.
        let fits = "ż".repeat(500);
        assert_eq!(check_comment(&format!(" {fits} ")), Ok(Some(fits)));
        assert_eq!(
            check_comment(&"a".repeat(501)),
            Err("Komentarz może mieć najwyżej 500 znaków. Skróć go o 1 znak.".into())
        );
        assert_eq!(
            check_comment(&"a".repeat(523)),
            Err("Komentarz może mieć najwyżej 500 znaków. Skróć go o 23 znaki.".into())
        );
    }
}
