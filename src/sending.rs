//! Sends a question to the endpoint of the submission contract and reads the answer into an
//! [`Outcome`]. The browser half of `crate::submission`: the request through gloo-net with its
//! `Idempotency-Key` and time limit (see `crate::request`).

use gloo_net::http::Method;

use crate::browser;
use crate::request::{self, Answer};
use crate::request_error::RequestError;
use crate::submission::outcome::{classify, NotSent, Outcome};

/// POSTs `body` to `url` with `key` as its `Idempotency-Key`; gives up after `timeout_ms`.
pub async fn send(url: &str, body: String, key: &str, timeout_ms: u32) -> Outcome {
    let request = request::builder(Method::POST, url)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key);
    match request::send(request, Some(body), timeout_ms).await {
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

/// What the answer means. Its status decides; only a 400's body is read (its field errors), so an
/// acceptance whose body is slow or cut off is still an acceptance.
async fn read(answer: Answer) -> Outcome {
    // A 200 that is a login page or a redirect's end is not the endpoint accepting anything
    // (the contract's 200 is a duplicate of an accepted question): not sent.
    let html = answer
        .header("Content-Type")
        .is_some_and(|t| t.contains("text/html"));
    if answer.status() == 200 && (answer.redirected() || html) {
        return Outcome::NotSent {
            reason: NotSent::Unexpected(200),
        };
    }
    let status = answer.status();
    let retry_after = answer.header("Retry-After");
    let body = if status == 400 {
        answer.text().await.unwrap_or_default()
    } else {
        String::new()
    };
    classify(
        status,
        &body,
        retry_after.as_deref(),
        browser::now_unix_ms() / 1000,
    )
}
