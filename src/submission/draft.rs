//! What a resident has typed, kept in the browser until the question is accepted.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::rules::trimmed_question;

/// The form's fields, as typed. Saved as JSON after every change and restored on return.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    #[serde(deserialize_with = "lenient")]
    pub question: String,
    /// A category id, or empty for "nie wiem".
    #[serde(deserialize_with = "lenient")]
    pub category: String,
    #[serde(deserialize_with = "lenient")]
    pub email: String,
    #[serde(deserialize_with = "lenient")]
    pub consent: bool,
    /// Made once per question and kept across retries, so that the server can tell a retry from a
    /// new question (it is also the `Idempotency-Key`).
    #[serde(deserialize_with = "lenient")]
    pub client_id: String,
    /// What `client_id` was made for: a hash of [`Draft::content`] (see [`content_hash`]), never
    /// the content itself, so that an address the resident has since deleted is not kept. Once
    /// the resident changes the question, it is a new question, with a new id.
    #[serde(deserialize_with = "lenient")]
    pub sent: String,
}

/// How long a draft is kept without being saved again: older ones are dropped on restore.
pub const KEEP_DRAFT_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// Where the draft is kept in the browser (`localStorage`, shared by the tabs of the site).
pub const DRAFT_KEY: &str = "poradnik-mieszkanca:szkic-pytania";

/// A day, the most a device's clock may be ahead before a draft's time of saving is not believed.
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Whether the kept draft `json` is past its time limit at `now_ms`: every page of the guide checks
/// at start, so a resident who never comes back to the form does not keep it for ever.
pub fn is_expired(json: &str, now_ms: i64) -> bool {
    // Read as a `Value`, the one JSON path the reading pages already have (the data's loader): a
    // typed read here would add its own code to every page's bundle.
    serde_json::from_str::<Value>(json).is_ok_and(|v| past_limit(saved_at(&v), now_ms))
}

/// When a kept draft was last saved (Unix ms); 0 (unknown) in drafts of earlier versions.
fn saved_at(kept: &Value) -> i64 {
    kept.get("saved_at").and_then(Value::as_i64).unwrap_or(0)
}

fn past_limit(saved_at: i64, now_ms: i64) -> bool {
    saved_at > 0 && now_ms.saturating_sub(saved_at) > KEEP_DRAFT_MS
}

/// A draft as kept in the browser: its fields, and when it was last saved (Unix ms).
#[derive(Serialize)]
struct SavedRef<'a> {
    #[serde(flatten)]
    draft: &'a Draft,
    saved_at: i64,
}

/// A draft read back from the browser by [`Draft::restore`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub draft: Draft,
    /// Whether it was kept in an earlier form (no time of saving, or the sent content in clear),
    /// and so should be saved again at once in the current one.
    pub outdated: bool,
}

/// The 64-bit FNV-1a hash of `text`, as 16 lower-case hex digits: enough to recognise a resend of
/// the same content without keeping the content (not a cryptographic hash; nothing depends on it
/// being hard to invert beyond not storing an address in clear).
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether `sent` has the form [`content_hash`] gives (else it is the clear content an earlier
/// version kept, or empty).
fn is_content_hash(sent: &str) -> bool {
    sent.len() == 16 && sent.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A field of a saved draft, or its empty value when it is of another type (a draft saved by
/// another version of the app, in another tab): one odd field never loses the others.
fn lenient<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    let value = Value::deserialize(d)?;
    Ok(T::deserialize(value).unwrap_or_default())
}

/// Where the resident came from, sent along with the question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    pub page: Option<String>,
    pub search: Option<String>,
}

impl Draft {
    /// Whether there is anything worth keeping.
    pub fn is_empty(&self) -> bool {
        self.question.trim().is_empty() && self.email.trim().is_empty()
    }

    /// Reads a saved draft; anything unreadable gives an empty draft rather than an error, and a
    /// missing field an empty one. A `sent` kept in clear by an earlier version becomes its hash
    /// (so a retry of that question keeps its id, and the clear copy is never written again).
    pub fn from_saved(json: &str) -> Draft {
        serde_json::from_str(json)
            .map(Draft::from_kept)
            .unwrap_or_default()
    }

    /// The same, from the kept JSON already read.
    fn from_kept(kept: Value) -> Draft {
        let mut draft = Draft::deserialize(kept).unwrap_or_default();
        if !draft.sent.is_empty() && !is_content_hash(&draft.sent) {
            draft.sent = content_hash(&draft.sent);
        }
        draft
    }

    /// The draft kept in the browser, read back at `now_ms` (Unix ms): `None` when it is
    /// unreadable, empty, or was last saved more than [`KEEP_DRAFT_MS`] ago (a draft of an
    /// earlier version, with no time of saving, is kept and marked outdated).
    pub fn restore(json: &str, now_ms: i64) -> Option<Restored> {
        let kept: Value = serde_json::from_str(json).ok()?;
        let saved_at = saved_at(&kept);
        if past_limit(saved_at, now_ms) {
            return None;
        }
        let clear_sent = kept
            .get("sent")
            .and_then(Value::as_str)
            .is_some_and(|s| !s.is_empty() && !is_content_hash(s));
        let draft = Draft::from_kept(kept);
        if draft.is_empty() {
            return None;
        }
        Some(Restored {
            draft,
            // A time of saving in the future (a clock that was ahead) is rewritten with today's,
            // or the draft would outlive its time limit by as much.
            outdated: saved_at <= 0 || clear_sent || saved_at > now_ms + DAY_MS,
        })
    }

    /// The JSON kept in the browser, saved at `now_ms` (Unix ms).
    pub fn to_saved(&self, now_ms: i64) -> String {
        serde_json::to_string(&SavedRef {
            draft: self,
            saved_at: now_ms,
        })
        .unwrap_or_default()
    }

    /// What makes the question this question: the fields the request carries.
    pub fn content(&self) -> String {
        format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}",
            trimmed_question(&self.question),
            self.category,
            self.email.trim(),
            self.consent
        )
    }

    /// Gives the draft its `client_id` before a send (from 16 random bytes): a retry of the same
    /// question keeps the one it has, so the server can tell it was sent before; a changed
    /// question gets a new one, or the server could take it for the earlier one and drop it.
    /// Returns the id, which is also the `Idempotency-Key`.
    pub fn ensure_client_id(&mut self, random: [u8; 16]) -> &str {
        let content = content_hash(&self.content());
        // An id restored from storage that is not one of ours (another app's, or edited, perhaps
        // with a line break that no header may carry) is replaced too.
        if !is_client_id(&self.client_id) || self.sent != content {
            self.client_id = client_id(random);
            self.sent = content;
        }
        &self.client_id
    }

    /// The JSON document the contract's endpoint takes. `website` is the honeypot field's value
    /// (always empty from a person); `consent` is sent only with an e-mail address. `None` until the draft has a
    /// `client_id` (see [`Draft::ensure_client_id`]): without one, a server could take two
    /// residents' questions for one.
    pub fn request_body(&self, context: &Context, website: &str) -> Option<String> {
        if self.client_id.is_empty() {
            return None;
        }
        let email = Some(self.email.trim()).filter(|e| !e.is_empty());
        let context = RequestContext {
            page: context.page.as_deref(),
            search: context
                .search
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty()),
        };
        let body = RequestBody {
            question: trimmed_question(&self.question),
            category: Some(self.category.as_str()).filter(|c| !c.is_empty()),
            email,
            consent: email.map(|_| self.consent),
            context: (context.page.is_some() || context.search.is_some()).then_some(context),
            client_id: &self.client_id,
            // Sent as found: a person never sees the field, so anything in it was put there by a
            // program, which the server can then drop.
            website,
        };
        serde_json::to_string(&body).ok()
    }
}

/// The JSON document of the contract's request.
#[derive(Serialize)]
struct RequestBody<'a> {
    question: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consent: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<RequestContext<'a>>,
    client_id: &'a str,
    website: &'a str,
}

#[derive(Serialize)]
struct RequestContext<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    search: Option<&'a str>,
}

/// Whether `id` has the form [`client_id`] gives: 8-4-4-4-12 lower-case hex digits.
pub fn is_client_id(id: &str) -> bool {
    id.len() == 36
        && id.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

/// A random id in the UUID version 4 form, from 16 random bytes (the browser's
/// `crypto.getRandomValues` provides them).
pub fn client_id(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// 2026-12-02, in Unix ms.
    const NOW: i64 = 1_796_198_400_000;
    const DAY: i64 = 24 * 60 * 60 * 1000;

    fn draft() -> Draft {
        Draft {
            question: "  Jak zgłosić dziurę w jezdni?  ".into(),
            category: "samochod-i-parkowanie".into(),
            email: " anna@example.pl ".into(),
            consent: true,
            client_id: "id-1".into(),
            sent: String::new(),
        }
    }

    #[test]
    fn the_body_follows_the_contract() {
        let ctx = Context {
            page: Some("https://www.wroclaw.pl/poradnik/szukaj?q=dziura".into()),
            search: Some("dziura".into()),
        };
        let body: Value = serde_json::from_str(&draft().request_body(&ctx, "").unwrap()).unwrap();
        assert_eq!(
            body,
            json!({
                "question": "Jak zgłosić dziurę w jezdni?",
                "category": "samochod-i-parkowanie",
                "email": "anna@example.pl",
                "consent": true,
                "context": { "page": "https://www.wroclaw.pl/poradnik/szukaj?q=dziura", "search": "dziura" },
                "client_id": "id-1",
                "website": ""
            })
        );
    }

    #[test]
    fn nie_wiem_and_no_email_leave_the_fields_out() {
        let d = Draft {
            category: String::new(),
            email: "  ".into(),
            consent: true,
            ..draft()
        };
        let body: Value =
            serde_json::from_str(&d.request_body(&Context::default(), "").unwrap()).unwrap();
        let keys: Vec<&str> = body
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["client_id", "question", "website"]);
    }

    #[test]
    fn drafts_survive_a_round_trip_and_garbage_gives_an_empty_one() {
        let d = draft();
        assert_eq!(Draft::from_saved(&d.to_saved(NOW)), d);
        assert_eq!(Draft::from_saved("{nie json"), Draft::default());
        // A field of another type (another version of the app) loses only itself.
        let odd = Draft::from_saved(
            r#"{"question":"Gdzie oddać meble?","category":null,"consent":"tak","email":5}"#,
        );
        assert_eq!(odd.question, "Gdzie oddać meble?");
        assert_eq!(
            (odd.category.as_str(), odd.consent, odd.email.as_str()),
            ("", false, "")
        );
        assert!(Draft::default().is_empty());
        assert!(!d.is_empty());
    }

    #[test]
    fn a_draft_is_not_sent_without_its_id_and_keeps_the_id_across_retries() {
        let mut d = Draft {
            client_id: String::new(),
            ..draft()
        };
        assert_eq!(d.request_body(&Context::default(), ""), None);
        let first = d.ensure_client_id([7; 16]).to_owned();
        assert_eq!(d.ensure_client_id([9; 16]), first, "a retry keeps the id");
        let restored = Draft::from_saved(&d.to_saved(NOW));
        assert_eq!(
            restored.clone().ensure_client_id([9; 16]),
            first,
            "also after a reload"
        );
        let mut changed = restored;
        changed.question.push_str(" I jeszcze jedno.");
        assert_ne!(
            changed.ensure_client_id([9; 16]),
            first,
            "a changed question is a new one"
        );
        assert!(d
            .request_body(&Context::default(), "")
            .unwrap()
            .contains(&first));
    }

    #[test]
    fn any_text_a_resident_types_survives_the_json() {
        let odd =
            "cudzysłów \" ukośnik \\ nowa\nlinia\r\ttab \u{1} \u{1f} emoji 🚋 \u{2028} </script>";
        let d = Draft {
            question: odd.into(),
            email: odd.into(),
            category: odd.into(),
            client_id: odd.into(),
            sent: content_hash(odd),
            consent: false,
        };
        assert_eq!(Draft::from_saved(&d.to_saved(NOW)), d);
        let body: Value = serde_json::from_str(
            &d.request_body(
                &Context {
                    page: Some(odd.into()),
                    search: Some(odd.into()),
                },
                odd,
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(body["question"], odd.trim());
        assert_eq!(body["context"]["page"], odd);
        assert_eq!(body["website"], odd);
    }

    #[test]
    fn a_restored_id_that_is_not_ours_is_replaced() {
        for bad in [
            "id-1",
            "",
            "0123\r\n",
            "ABCDEF01-2345-4678-9abc-def012345678",
        ] {
            let mut d = Draft {
                client_id: bad.into(),
                ..draft()
            };
            d.sent = content_hash(&d.content());
            let id = d.ensure_client_id([3; 16]).to_owned();
            assert!(is_client_id(&id), "{bad:?} → {id}");
            assert_ne!(id, bad);
        }
    }

    #[test]
    fn an_expired_draft_is_known_without_reading_it_and_a_future_date_is_rewritten() {
        const NOW: i64 = 1_795_600_000_000;
        let d = draft();
        assert!(!is_expired(&d.to_saved(NOW - KEEP_DRAFT_MS + 1), NOW));
        assert!(is_expired(&d.to_saved(NOW - KEEP_DRAFT_MS - 1), NOW));
        assert!(!is_expired("{nie json", NOW));
        // Saved "tomorrow and more" by a clock that was ahead: kept, and marked for a rewrite.
        let future = Draft::restore(&d.to_saved(NOW + 3 * DAY_MS), NOW).unwrap();
        assert!(future.outdated);
        assert!(!Draft::restore(&d.to_saved(NOW), NOW).unwrap().outdated);
    }

    #[test]
    fn client_ids_look_like_uuid_v4() {
        let id = client_id([0xff; 16]);
        assert_eq!(id.len(), 36);
        assert!(is_client_id(&id));
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
        assert_ne!(client_id([1; 16]), client_id([2; 16]));
    }

    #[test]
    fn a_kept_draft_holds_a_hash_of_what_was_sent_not_the_address() {
        let mut d = draft();
        d.ensure_client_id([5; 16]);
        // The resident deletes the address and the consent after a failed send.
        d.email.clear();
        d.consent = false;
        let saved = d.to_saved(NOW);
        assert!(!saved.contains("anna@example.pl"), "{saved}");
        assert!(!saved.contains('\u{1f}'), "{saved}");
        let kept: Value = serde_json::from_str(&saved).unwrap();
        assert_eq!(kept["sent"], content_hash(&draft().content()));
        assert_eq!(kept["saved_at"], NOW);
        // Typing the address back is the same question again: the same id.
        let mut back = Draft::from_saved(&saved);
        back.email = draft().email;
        back.consent = true;
        let id = d.client_id.clone();
        assert_eq!(back.ensure_client_id([6; 16]), id);
    }

    #[test]
    fn a_draft_is_dropped_30_days_after_it_was_last_saved() {
        let d = draft();
        let saved = d.to_saved(NOW);
        let restored = Draft::restore(&saved, NOW + 30 * DAY).unwrap();
        assert_eq!(restored.draft, d);
        assert!(!restored.outdated);
        assert_eq!(Draft::restore(&saved, NOW + 30 * DAY + 1), None);
        assert_eq!(Draft::restore(&saved, NOW + 365 * DAY), None);
        // Nothing worth keeping, or nothing readable, is nothing to restore.
        assert_eq!(Draft::restore(&Draft::default().to_saved(NOW), NOW), None);
        assert_eq!(Draft::restore("{nie json", NOW), None);
        // A device clock set back keeps the draft rather than losing it.
        assert!(Draft::restore(&saved, NOW - DAY).is_some());
    }

    #[test]
    fn a_draft_of_the_earlier_form_still_restores_and_is_marked_for_rewriting() {
        // As kept before: no time of saving, and the sent content in clear.
        let old = r#"{"question":"Jak zgłosić dziurę w jezdni?","category":"samochod-i-parkowanie","email":"anna@example.pl","consent":true,"client_id":"0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a","sent":"Jak zgłosić dziurę w jezdni?\u001fsamochod-i-parkowanie\u001fanna@example.pl\u001ftrue"}"#;
        let restored = Draft::restore(old, NOW).expect("an old draft is kept");
        assert!(restored.outdated);
        let mut d = restored.draft;
        assert_eq!(d.question, "Jak zgłosić dziurę w jezdni?");
        assert_eq!(d.email, "anna@example.pl");
        // Written again, it has no clear copy of what was sent, and a time of saving.
        let rewritten = d.to_saved(NOW);
        assert_eq!(
            rewritten.matches("anna@example.pl").count(),
            1,
            "{rewritten}"
        );
        let again = Draft::restore(&rewritten, NOW + DAY).unwrap();
        assert!(!again.outdated);
        assert_eq!(again.draft, d);
        // The same question sent again keeps its id.
        assert_eq!(
            d.ensure_client_id([1; 16]),
            "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a"
        );
        // Without a clear `sent` but without a time either, it is still of the earlier form.
        assert!(
            Draft::restore(r#"{"question":"Gdzie oddać meble?"}"#, NOW)
                .unwrap()
                .outdated
        );
    }

    #[test]
    fn content_hashes_are_fnv_1a_64() {
        assert_eq!(content_hash(""), "cbf29ce484222325");
        assert_eq!(content_hash("a"), "af63dc4c8601ec8c");
        assert_eq!(content_hash("foobar"), "85944171f73967e8");
        assert_ne!(content_hash("a\u{1f}b"), content_hash("a\u{1f}c"));
    }
}
