//! The votes of "Czy ta odpowiedź była pomocna?" in the browser (the browser half of
//! `crate::feedback`): kept in `localStorage` (read anew at every use, as another tab may have
//! changed them; in memory for as long as the page is open where the page may not store), and
//! sent one at a time, so that a comment never overtakes the "Nie" it follows. A vote the endpoint
//! did not take waits and is sent again, with the same `client_id`, when the network comes back or
//! on the next visit to any page of the guide.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::AppContext;
use crate::browser;
use crate::feedback::kept::{KeptVotes, KEPT_VOTES_KEY};
use crate::feedback::reply::{classify, Reply};
use crate::feedback::vote::Vote;
use crate::request;

thread_local! {
    /// The votes, once the page could not store them.
    static IN_MEMORY: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether votes are being sent, and whether one changed meanwhile.
    static SENDING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

/// What the endpoint last answered for a vote, for the widget showing it.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteReply {
    pub client_id: String,
    pub rev: u32,
    pub reply: Reply,
}

/// The kept votes, as they are now.
pub fn kept_votes() -> KeptVotes {
    IN_MEMORY
        .with_borrow(Clone::clone)
        .or_else(|| browser::stored(KEPT_VOTES_KEY))
        .map(|json| KeptVotes::parse(&json))
        .unwrap_or_default()
}

/// Reads the kept votes, changes them with `change`, and keeps them again.
pub fn edit_votes<R>(change: impl FnOnce(&mut KeptVotes) -> R) -> R {
    let mut kept = kept_votes();
    let result = change(&mut kept);
    let json = kept.to_json();
    let in_memory = IN_MEMORY.with_borrow(Option::is_some);
    if in_memory || !browser::store(KEPT_VOTES_KEY, &json) {
        IN_MEMORY.set(Some(json));
    }
    result
}

impl AppContext {
    /// Sends every vote that waits, one at a time; called at start, when the network comes back
    /// and after every vote. A call while votes are being sent makes that round look again.
    pub fn send_votes(self) {
        let Some((url, timeout)) = self
            .config
            .with_value(|c| c.feedback_url.clone().map(|u| (u, c.submit_timeout_ms)))
        else {
            return;
        };
        if SENDING.replace(true) {
            AGAIN.set(true);
            return;
        }
        spawn_local(async move {
            loop {
                AGAIN.set(false);
                for (vote, rev) in kept_votes().waiting(browser::now_unix_ms()) {
                    let reply = send(&url, &vote, timeout).await;
                    let id = vote.client_id.as_str();
                    let mut stop = false;
                    match &reply {
                        Reply::Accepted => edit_votes(|k| k.answered(id, rev)),
                        Reply::Refused { comment, other } => {
                            browser::warn(&format!(
                                "Poradnik Mieszkańca: the feedback endpoint refused a vote: {}",
                                comment.as_deref().or(other.as_deref()).unwrap_or_default()
                            ));
                            // The "Nie" given back without its comment goes in this round.
                            if edit_votes(|k| k.refused(id, rev, comment.is_some())) {
                                AGAIN.set(true);
                            }
                        }
                        Reply::NotSent {
                            retry_after,
                            all_wait,
                        } => {
                            if let Some(s) = retry_after {
                                // At most a day: a server's odd date does not hold a vote for ever.
                                let until = browser::now_unix_ms() + (*s).min(86_400) as i64 * 1000;
                                edit_votes(|k| k.hold(id, until));
                            }
                            // The endpoint or the network is down: the others wait too.
                            stop = *all_wait;
                        }
                    }
                    self.vote_reply.set(Some(VoteReply {
                        client_id: vote.client_id,
                        rev,
                        reply,
                    }));
                    if stop {
                        break;
                    }
                }
                if !AGAIN.get() {
                    break;
                }
            }
            SENDING.set(false);
        });
    }

    /// Sends the votes that wait now, and again whenever the network comes back.
    pub fn send_votes_when_possible(self) {
        if self.config.with_value(|c| c.feedback_url.is_none()) {
            return;
        }
        self.send_votes();
        browser::on_window(leptos::ev::online, move |_| self.send_votes());
    }
}

/// POSTs one vote with its `client_id` as the `Idempotency-Key`.
async fn send(url: &str, vote: &Vote, timeout_ms: u32) -> Reply {
    let Ok(answer) = request::post_json(url, vote.body(), &vote.client_id, timeout_ms).await else {
        return Reply::NotSent {
            retry_after: None,
            all_wait: true,
        };
    };
    let reply = answer.endpoint_reply().await;
    classify(
        reply.status,
        &reply.body,
        reply.retry_after.as_deref(),
        reply.page,
        browser::now_unix_ms() / 1000,
    )
}
