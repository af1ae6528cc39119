//! Sends a question to the endpoint of the submission contract and reads the answer into an
//! [`Outcome`]. The browser half of `crate::submission`: the time-out, the `Idempotency-Key`, and
//! telling "no network" from "no server".

use crate::browser;
use crate::submission::outcome::{classify, NotSent, Outcome};

/// POSTs `body` to `url` with `key` as its `Idempotency-Key`; gives up after `timeout_ms`.
pub async fn send(url: &str, body: String, key: &str, timeout_ms: u32) -> Outcome {
    if !browser::online() {
        return Outcome::NotSent {
            reason: NotSent::Offline,
        };
    }
    let result = browser::fetch(
        url,
        "POST",
        &[
            ("Content-Type", "application/json"),
            ("Idempotency-Key", key),
        ],
        Some(&body),
        timeout_ms,
    )
    .await;
    let outcome = match result {
        // A 200 that is a login page or a redirect's end is not the endpoint accepting anything
        // (the contract's 200 is a duplicate of an accepted question): not sent.
        Ok(response)
            if response.status() == 200
                && (response.redirected()
                    || response
                        .headers()
                        .get("Content-Type")
                        .ok()
                        .flatten()
                        .is_some_and(|t| t.contains("text/html"))) =>
        {
            Outcome::NotSent {
                reason: NotSent::Unexpected(200),
            }
        }
        Ok(response) => {
            let status = response.status();
            let retry_after = response.headers().get("Retry-After").ok().flatten();
            // The body matters only for a 400 (its field errors).
            let text = if status == 400 {
                browser::response_text(&response).await.unwrap_or_default()
            } else {
                String::new()
            };
            classify(
                status,
                &text,
                retry_after.as_deref(),
                browser::now_unix_ms() / 1000,
            )
        }
        Err(e) => Outcome::NotSent {
            reason: if e == browser::TIMED_OUT {
                NotSent::TimedOut
            } else if !browser::online() {
                NotSent::Offline
            } else {
                NotSent::Unreachable
            },
        },
    };
    outcome
}
