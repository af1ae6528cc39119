//! Sends a question to the endpoint of the submission contract and reads the answer into an
//! [`Outcome`]. The browser half of `crate::submission`: the request through gloo-net with its
//! `Idempotency-Key` and time limit (see `crate::request`).

use crate::browser;
use crate::request::{self, Answer};
use crate::request_error::RequestError;
use crate::submission::outcome::{classify, NotSent, Outcome};

/// POSTs `body` to `url` with `key` as its `Idempotency-Key`; gives up after `timeout_ms`.
pub async fn send(url: &str, body: String, key: &str, timeout_ms: u32) -> Outcome {
    match request::post_json(url, body, key, timeout_ms).await {
        Ok(answer) => read(answer).await,
        Err(e) => Outcome::NotSent {
            reason: match e {
                RequestError::Offline => NotSent::Offline,
                RequestError::TimedOut => NotSent::TimedOut,
                RequestError::Unreachable(_) => NotSent::Unreachable,
            },
        },
    }
}

/// What the answer means. Its status decides; a 200 that is a page (a login page, a redirect's
/// end) is not the endpoint accepting anything (the contract's 200 is a duplicate of an accepted
/// question): not sent.
async fn read(answer: Answer) -> Outcome {
    let reply = answer.endpoint_reply().await;
    if reply.status == 200 && reply.page {
        return Outcome::NotSent {
            reason: NotSent::Unexpected(200),
        };
    }
    classify(
        reply.status,
        &reply.body,
        reply.retry_after.as_deref(),
        browser::now_unix_ms() / 1000,
    )
}
