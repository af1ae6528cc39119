//! What each answer of the feedback endpoint means (the contract's "Responses").

use serde_json::Value;

/// The result of one attempt to send a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// 200, 201 or 202: the vote is counted; it is not sent again.
    Accepted,
    /// 400 with the contract's `errors`: the endpoint will never take this vote as it is.
    /// `comment` is its message for the comment (shown at the field); `other`, for anything else
    /// (the contract says only the comment can be wrong, so this is a server that disagrees).
    Refused {
        comment: Option<String>,
        other: Option<String>,
    },
    /// Not counted: the vote waits in the browser and is sent again, with the same `client_id`;
    /// after a 429, not before `retry_after` seconds. `all_wait`: the endpoint or the network is
    /// down (429, 5xx, no answer, a page instead of the endpoint), so the other waiting votes wait
    /// too; else only this vote was not taken (a 404, a 422…) and the others are still sent.
    NotSent {
        retry_after: Option<u64>,
        all_wait: bool,
    },
}

/// Reads an answer: its status, its body (for 400) and its `Retry-After` (seconds or an HTTP
/// date, read at `now`, Unix seconds). `page` says it was an HTML page or the end of a
/// redirect (a login page, a captive portal): never the endpoint's own answer.
pub fn classify(status: u16, body: &str, retry_after: Option<&str>, page: bool, now: i64) -> Reply {
    let errors = serde_json::from_str::<Value>(body).unwrap_or_default();
    let errors = errors.get("errors").and_then(Value::as_object);
    match (status, errors) {
        _ if page => Reply::NotSent {
            retry_after: None,
            all_wait: true,
        },
        (200..=202, _) => Reply::Accepted,
        (400, Some(errors)) => {
            let comment = errors
                .get("comment")
                .map(|m| message(m, "Serwer nie przyjął tego komentarza."));
            let other = errors
                .iter()
                .find(|(field, _)| *field != "comment")
                .map(|(_, m)| message(m, "Serwer nie przyjął tej odpowiedzi."));
            Reply::Refused {
                other: other.or_else(|| {
                    comment
                        .is_none()
                        .then(|| "Serwer nie przyjął tej odpowiedzi.".to_owned())
                }),
                comment,
            }
        }
        (429, _) => Reply::NotSent {
            retry_after: retry_after
                .and_then(|h| crate::submission::outcome::parse_retry_after(h, now)),
            all_wait: true,
        },
        _ => Reply::NotSent {
            retry_after: None,
            all_wait: status >= 500,
        },
    }
}

fn message(value: &Value, otherwise: &str) -> String {
    value
        .as_str()
        .filter(|m| !m.trim().is_empty())
        .unwrap_or(otherwise)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOWN: Reply = Reply::NotSent {
        retry_after: None,
        all_wait: true,
    };
    const NOT_THIS: Reply = Reply::NotSent {
        retry_after: None,
        all_wait: false,
    };

    #[test]
    fn acceptance_is_a_2xx_that_is_not_a_page() {
        for s in [200, 201, 202] {
            assert_eq!(classify(s, "", None, false, 0), Reply::Accepted);
        }
        assert_eq!(
            classify(200, "<html>", None, true, 0),
            DOWN,
            "a login page is not the endpoint"
        );
    }

    #[test]
    fn a_comment_error_goes_to_the_comment() {
        let r = classify(
            400,
            r#"{"errors":{"comment":"Za długi komentarz"}}"#,
            None,
            false,
            0,
        );
        assert_eq!(
            r,
            Reply::Refused {
                comment: Some("Za długi komentarz".into()),
                other: None
            }
        );
        let r = classify(
            400,
            r#"{"errors":{"question_id":"Nie ma takiego pytania"}}"#,
            None,
            false,
            0,
        );
        assert_eq!(
            r,
            Reply::Refused {
                comment: None,
                other: Some("Nie ma takiego pytania".into())
            }
        );
        let Reply::Refused {
            comment: None,
            other: Some(_),
        } = classify(400, r#"{"errors":{}}"#, None, false, 0)
        else {
            panic!("a 400 with empty errors still says something")
        };
    }

    #[test]
    fn a_400_that_is_not_the_contracts_keeps_the_vote() {
        assert_eq!(classify(400, "Bad Request", None, false, 0), NOT_THIS);
        assert_eq!(
            classify(400, r#"{"errors":{"comment":"x"}}"#, None, true, 0),
            DOWN
        );
    }

    #[test]
    fn failures_wait_and_a_429_says_how_long() {
        assert_eq!(classify(503, "", None, false, 0), DOWN);
        assert_eq!(
            classify(404, "", None, false, 0),
            NOT_THIS,
            "only this vote"
        );
        assert_eq!(classify(422, "", None, false, 0), NOT_THIS);
        assert_eq!(
            classify(429, "", Some("120"), false, 0),
            Reply::NotSent {
                retry_after: Some(120),
                all_wait: true
            }
        );
    }
}
