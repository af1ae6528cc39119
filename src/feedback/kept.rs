//! The votes this browser keeps (`localStorage`, shared by the tabs of the site): one per question
//! and version of its answer, so that coming back shows what the resident said and lets them
//! change it; and each vote's progress, so that a vote that could not be sent is sent again, with
//! the same `client_id`, and never twice once the endpoint has it.
//!
//! Read leniently: a record that cannot be read (another version of the app, a hand edit) is
//! dropped alone, never with the others. Read through serde_json's `Value`, the one JSON path the
//! reading pages already have (as the data's loader and the form's draft do): a typed read would
//! add its own code to every page's bundle.

use serde::Serialize;
use serde_json::Value;

use super::vote::{Reason, Vote};

/// Where the votes are kept.
pub const KEPT_VOTES_KEY: &str = "poradnik-mieszkanca:opinie";

/// How many votes are kept: beyond it, the oldest that were sent go first.
pub const KEEP_VOTES: usize = 200;

/// How long a vote that could not be sent keeps waiting (30 days): a city endpoint down for
/// longer is not waited for by every browser for ever.
pub const KEEP_UNSENT_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// One vote and its progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeptVote {
    pub vote: Vote,
    /// How many times the vote was made or changed.
    pub rev: u32,
    /// The last `rev` the endpoint answered for good (accepted, or refused): the vote waits while
    /// this is less than `rev`.
    pub sent: u32,
    /// When it last changed (Unix ms).
    pub at: i64,
    /// After a 429: not sent again before this time (Unix ms).
    pub not_before: i64,
    /// What the resident has chosen and typed after "Nie" but not sent yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<Details>,
}

/// The reason and comment after "Nie", as chosen and typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Details {
    pub reason: Option<Reason>,
    pub comment: String,
}

fn text(object: &Value, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn number(object: &Value, key: &str) -> i64 {
    object.get(key).and_then(Value::as_i64).unwrap_or(0)
}

fn reason(object: &Value) -> Option<Reason> {
    object
        .get("reason")
        .and_then(Value::as_str)
        .and_then(Reason::from_wire)
}

/// One kept record, if it has what a vote needs (a `client_id`, the question and its version).
fn read(record: &Value) -> Option<KeptVote> {
    let v = record.get("vote")?;
    let helpful = v.get("helpful")?.as_bool()?;
    let vote = Vote {
        question_id: text(v, "question_id")?,
        helpful,
        reason: reason(v).filter(|_| !helpful),
        comment: text(v, "comment").filter(|_| !helpful),
        updated: text(v, "updated")?,
        client_id: text(v, "client_id").filter(|id| !id.is_empty())?,
    };
    let count = |key| u32::try_from(number(record, key)).unwrap_or(0);
    let rev = count("rev").max(1);
    Some(KeptVote {
        vote,
        rev,
        // Never ahead of the vote itself (a record edited by hand, or damaged).
        sent: count("sent").min(rev),
        at: number(record, "at"),
        not_before: number(record, "not_before"),
        draft: record.get("draft").map(|d| Details {
            reason: reason(d),
            comment: text(d, "comment").unwrap_or_default(),
        }),
    })
}

impl KeptVote {
    pub fn waiting(&self) -> bool {
        self.sent < self.rev
    }
}

/// Every kept vote, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptVotes(pub Vec<KeptVote>);

impl KeptVotes {
    /// Reads what was kept; anything unreadable is left out, record by record.
    pub fn parse(json: &str) -> KeptVotes {
        let votes = match serde_json::from_str::<Value>(json) {
            Ok(Value::Array(records)) => records.iter().filter_map(read).collect(),
            _ => Vec::new(),
        };
        KeptVotes(votes)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// The vote made under this `client_id`, if it is kept.
    pub fn by_id(&self, client_id: &str) -> Option<&KeptVote> {
        self.0.iter().find(|k| k.vote.client_id == client_id)
    }

    fn by_id_mut(&mut self, client_id: &str) -> Option<&mut KeptVote> {
        self.0.iter_mut().find(|k| k.vote.client_id == client_id)
    }

    /// The vote on this version (`updated`) of the question's answer, if any.
    pub fn on(&self, question_id: &str, updated: &str) -> Option<&KeptVote> {
        self.0
            .iter()
            .find(|k| k.vote.question_id == question_id && k.vote.updated == updated)
    }

    /// "Tak" or "Nie" on this version of the answer, at `now`: a new vote, or a change of the
    /// kept one (same `client_id`, so that the endpoint replaces it; a change drops the reason
    /// and comment, which belong to a "Nie"). A vote on an earlier version is replaced by a new
    /// one with a new id. `new_id` gives a random id; `None` when the browser has none, and then
    /// nothing is recorded.
    pub fn vote(
        &mut self,
        question_id: &str,
        updated: &str,
        helpful: bool,
        new_id: impl FnOnce() -> Option<String>,
        now: i64,
    ) -> Option<&KeptVote> {
        let same = |k: &KeptVote| k.vote.question_id == question_id && k.vote.updated == updated;
        let kept = self.0.iter().position(same).map(|i| self.0.remove(i));
        // A "Nie" again keeps what it said; a "Tak" says nothing more. Words typed and not sent
        // stay either way.
        let (client_id, rev, sent, reason, comment, draft) = match kept {
            Some(k) => {
                let (reason, comment) = match helpful || k.vote.helpful {
                    true => (None, None),
                    false => (k.vote.reason, k.vote.comment),
                };
                (k.vote.client_id, k.rev, k.sent, reason, comment, k.draft)
            }
            None => (new_id()?, 0, 0, None, None, None),
        };
        // A vote on an earlier version gives way, unless it still waits to be sent.
        self.0
            .retain(|k| k.vote.question_id != question_id || k.waiting());
        self.0.push(KeptVote {
            vote: Vote {
                question_id: question_id.to_owned(),
                helpful,
                reason,
                comment,
                updated: updated.to_owned(),
                client_id,
            },
            rev: rev + 1,
            sent,
            at: now,
            not_before: 0,
            draft,
        });
        self.trim(now);
        self.0.last()
    }

    /// Adds the reason and comment to a kept "Nie" (the same vote, replaced at the endpoint);
    /// `None` when there is no such vote.
    pub fn explain(&mut self, client_id: &str, details: Details, now: i64) -> Option<&KeptVote> {
        let k = self.by_id_mut(client_id).filter(|k| !k.vote.helpful)?;
        k.vote.reason = details.reason;
        k.vote.comment = Some(details.comment).filter(|c| !c.is_empty());
        k.rev += 1;
        k.at = now;
        k.draft = None;
        Some(k)
    }

    /// Keeps what the resident has chosen and typed after "Nie", until they send it.
    pub fn keep_draft(&mut self, client_id: &str, details: Details) {
        if let Some(k) = self.by_id_mut(client_id) {
            k.draft = Some(details);
        }
    }

    /// The votes waiting to be sent at `now`, each with its `rev`.
    pub fn waiting(&self, now: i64) -> Vec<(Vote, u32)> {
        self.0
            .iter()
            .filter(|k| k.waiting() && k.not_before <= now)
            .map(|k| (k.vote.clone(), k.rev))
            .collect()
    }

    /// The endpoint answered `rev` of this vote for good: unless it has changed since, it no
    /// longer waits.
    pub fn answered(&mut self, client_id: &str, rev: u32) {
        if let Some(k) = self.by_id_mut(client_id) {
            k.sent = k.sent.max(rev.min(k.rev));
            k.not_before = 0;
        }
    }

    /// The endpoint refused `rev` of this vote for good (a 400). A refused comment must not take
    /// its "Nie" with it: unless the vote has changed since, the reason and comment go back to
    /// the draft (the resident's words are kept) and the "Nie" alone waits to be sent.
    /// Returns whether the vote waits again.
    pub fn refused(&mut self, client_id: &str, rev: u32, comment: bool) -> bool {
        let Some(k) = self.by_id_mut(client_id) else {
            return false;
        };
        let said_more = k.vote.reason.is_some() || k.vote.comment.is_some();
        if comment && said_more && k.rev == rev {
            k.draft = Some(Details {
                reason: k.vote.reason.take(),
                comment: k.vote.comment.take().unwrap_or_default(),
            });
            k.sent = rev;
            k.rev = rev + 1;
            true
        } else {
            k.sent = k.sent.max(rev.min(k.rev));
            false
        }
    }

    /// After a 429: the vote waits until `until` (Unix ms).
    pub fn hold(&mut self, client_id: &str, until: i64) {
        if let Some(k) = self.by_id_mut(client_id) {
            k.not_before = until;
        }
    }

    /// Drops votes that waited too long, then the oldest sent ones beyond [`KEEP_VOTES`].
    pub fn trim(&mut self, now: i64) {
        self.0
            .retain(|k| !k.waiting() || now.saturating_sub(k.at) <= KEEP_UNSENT_MS);
        let mut over = self.0.len().saturating_sub(KEEP_VOTES);
        self.0.retain(|k| {
            let drop = over > 0 && !k.waiting();
            over -= usize::from(drop);
            !drop
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_796_000_000_000;

    fn id(n: u8) -> impl FnOnce() -> Option<String> {
        move || Some(format!("id-{n}"))
    }

    #[test]
    fn a_changed_vote_keeps_its_id_and_waits_again() {
        let mut kept = KeptVotes::default();
        kept.vote("dowod", "2026-03-02", true, id(1), NOW).unwrap();
        assert_eq!(kept.waiting(NOW).len(), 1);
        kept.answered("id-1", 1);
        assert!(kept.waiting(NOW).is_empty(), "sent once, not again");
        let k = kept.vote("dowod", "2026-03-02", false, id(2), NOW).unwrap();
        assert_eq!(
            (k.vote.client_id.as_str(), k.rev, k.vote.helpful),
            ("id-1", 2, false)
        );
        assert_eq!(kept.0.len(), 1, "one vote per question");
        let waiting = kept.waiting(NOW);
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].1, 2);
    }

    #[test]
    fn the_comment_after_a_no_is_the_same_vote() {
        let mut kept = KeptVotes::default();
        kept.vote("dowod", "2026-03-02", false, id(1), NOW);
        kept.answered("id-1", 1);
        let details = Details {
            reason: Some(Reason::Unclear),
            comment: "Nie wiem, który formularz.".into(),
        };
        let k = kept.explain("id-1", details, NOW).unwrap();
        assert_eq!(k.vote.client_id, "id-1");
        assert_eq!(k.vote.reason, Some(Reason::Unclear));
        assert_eq!(kept.waiting(NOW).len(), 1);
        assert!(
            kept.explain("nobody", Details::default(), NOW).is_none(),
            "nothing to explain"
        );
    }

    #[test]
    fn a_vote_changed_while_it_was_being_sent_still_waits() {
        let mut kept = KeptVotes::default();
        kept.vote("dowod", "2026-03-02", false, id(1), NOW);
        // The "Nie" (rev 1) is on its way when the comment is added (rev 2).
        kept.explain(
            "id-1",
            Details {
                reason: Some(Reason::Other),
                comment: String::new(),
            },
            NOW,
        );
        kept.answered("id-1", 1);
        assert_eq!(kept.waiting(NOW)[0].1, 2, "the comment is still to be sent");
        kept.answered("id-1", 2);
        assert!(kept.waiting(NOW).is_empty());
    }

    #[test]
    fn a_new_version_of_the_answer_gets_a_new_vote() {
        let mut kept = KeptVotes::default();
        kept.vote("dowod", "2026-03-02", true, id(1), NOW);
        kept.answered("id-1", 1);
        assert!(
            kept.on("dowod", "2026-05-10").is_none(),
            "not voted on this version"
        );
        let k = kept.vote("dowod", "2026-05-10", true, id(2), NOW).unwrap();
        assert_eq!(k.vote.client_id, "id-2");
        assert_eq!(kept.0.len(), 1);
    }

    #[test]
    fn a_refused_comment_gives_back_its_words_and_the_no_is_still_sent() {
        let mut kept = KeptVotes::default();
        kept.vote("dowod", "2026-03-02", false, id(1), NOW);
        let details = Details {
            reason: Some(Reason::Other),
            comment: "jan@example.pl".into(),
        };
        kept.explain("id-1", details.clone(), NOW);
        // Offline: the Nie was never sent; the comment comes with it, and is refused.
        assert!(kept.refused("id-1", 2, true), "the Nie waits again");
        let k = &kept.0[0];
        assert_eq!((k.vote.reason, k.vote.comment.as_deref()), (None, None));
        assert_eq!(k.draft.as_ref(), Some(&details), "not a word lost");
        let waiting = kept.waiting(NOW);
        assert_eq!(waiting.len(), 1, "the Nie alone waits");
        assert!(!waiting[0].0.helpful);
        // "Zmień odpowiedź", "Nie" again: the words given back stay.
        kept.vote("dowod", "2026-03-02", false, id(2), NOW);
        assert_eq!(kept.0[0].draft.as_ref(), Some(&details));
        // Refused again (another field): for good.
        let rev = kept.0[0].rev;
        assert!(!kept.refused("id-1", rev, false));
        assert!(kept.waiting(NOW).is_empty());
    }

    #[test]
    fn a_second_no_keeps_what_the_first_said_and_a_yes_drops_it() {
        let mut kept = KeptVotes::default();
        kept.vote("dowod", "2026-03-02", false, id(1), NOW);
        kept.explain(
            "id-1",
            Details {
                reason: Some(Reason::Unclear),
                comment: "Za trudne".into(),
            },
            NOW,
        );
        let k = kept.vote("dowod", "2026-03-02", false, id(2), NOW).unwrap();
        assert_eq!(k.vote.reason, Some(Reason::Unclear));
        let k = kept.vote("dowod", "2026-03-02", true, id(2), NOW).unwrap();
        assert_eq!((k.vote.reason, k.vote.comment.as_deref()), (None, None));
    }

    #[test]
    fn an_unsent_vote_on_an_earlier_version_still_waits() {
        let mut kept = KeptVotes::default();
        kept.vote("dowod", "2026-03-02", true, id(1), NOW);
        kept.vote("dowod", "2026-05-10", false, id(2), NOW);
        assert_eq!(kept.waiting(NOW).len(), 2, "both versions' votes are sent");
        kept.answered("id-1", 1);
        kept.vote("dowod", "2026-05-10", true, id(3), NOW);
        assert_eq!(
            kept.0.len(),
            1,
            "a sent one on an earlier version gives way"
        );
    }

    #[test]
    fn a_damaged_record_never_claims_more_than_was_made() {
        let json = r#"[{"vote":{"question_id":"dowod","helpful":true,"updated":"2026-03-02","client_id":"id-1"},"rev":2,"sent":9,"at":0}]"#;
        let kept = KeptVotes::parse(json);
        assert_eq!((kept.0[0].rev, kept.0[0].sent), (2, 2));
    }

    #[test]
    fn no_random_id_records_nothing() {
        let mut kept = KeptVotes::default();
        assert!(kept
            .vote("dowod", "2026-03-02", true, || None, NOW)
            .is_none());
        assert!(kept.0.is_empty());
    }

    #[test]
    fn kept_votes_survive_a_round_trip_and_a_bad_record_alone_is_dropped() {
        let mut kept = KeptVotes::default();
        kept.vote("dowod", "2026-03-02", false, id(1), NOW);
        kept.keep_draft(
            "id-1",
            Details {
                reason: Some(Reason::Outdated),
                comment: "Stara opłata".into(),
            },
        );
        kept.vote("meldunek", "2026-01-15", true, id(2), NOW);
        let json = kept.to_json();
        assert_eq!(KeptVotes::parse(&json), kept);
        let mixed = json.replacen('[', r#"[{"vote": 3}, "#, 1);
        assert_eq!(KeptVotes::parse(&mixed), kept);
        assert_eq!(KeptVotes::parse("nie json").0.len(), 0);
    }

    #[test]
    fn a_429_holds_the_vote_until_its_time() {
        let mut kept = KeptVotes::default();
        kept.vote("dowod", "2026-03-02", true, id(1), NOW);
        kept.hold("id-1", NOW + 60_000);
        assert!(kept.waiting(NOW).is_empty());
        assert_eq!(kept.waiting(NOW + 60_000).len(), 1);
    }

    #[test]
    fn old_sent_votes_go_first_and_unsent_ones_wait_thirty_days() {
        let mut kept = KeptVotes::default();
        for n in 0..KEEP_VOTES + 5 {
            let q = format!("q{n}");
            kept.vote(&q, "2026-03-02", true, || Some(format!("id-{n}")), NOW);
            if n >= 3 {
                kept.answered(&format!("id-{n}"), 1);
            }
        }
        assert_eq!(kept.0.len(), KEEP_VOTES);
        assert!(
            kept.0.iter().take(3).all(KeptVote::waiting),
            "the unsent ones are kept: {:?}",
            &kept.0[..3]
        );
        kept.trim(NOW + KEEP_UNSENT_MS + 1);
        assert!(kept.0.iter().all(|k| !k.waiting()));
    }
}
