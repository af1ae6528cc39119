//! Every request of the app goes through gloo-net; this adds what the app needs around it: a time
//! limit that covers the whole answer (headers and body: a body that stalls is given up too), the
//! browser's online state, and one typed error ([`RequestError`]).

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Headers, RequestBuilder};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::request_error::RequestError;

/// An answer, read whole.
pub struct Answer {
    pub status: u16,
    /// Whether the request was redirected on its way (a login page, a captive portal).
    pub redirected: bool,
    pub headers: Headers,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name)
    }
}

/// Aborts its request when the time is up; cleared when dropped (the answer came, or the future
/// that waited for it was dropped).
struct TimeLimit {
    controller: web_sys::AbortController,
    timer: Option<i32>,
    expired: Rc<Cell<bool>>,
}

impl TimeLimit {
    fn new(ms: u32) -> Option<TimeLimit> {
        let controller = web_sys::AbortController::new().ok()?;
        let expired = Rc::new(Cell::new(false));
        let (c, flag) = (controller.clone(), expired.clone());
        // `abort()` without a reason: the fetch then rejects with an `AbortError` DOMException,
        // which gloo-net expects (a rejection that is not an `Error` would panic inside it).
        let abort = Closure::once_into_js(move || {
            flag.set(true);
            c.abort();
        });
        let timer = browser::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                ms.min(i32::MAX as u32) as i32,
            )
            .ok();
        Some(TimeLimit {
            controller,
            timer,
            expired,
        })
    }
}

impl Drop for TimeLimit {
    fn drop(&mut self) {
        if let Some(id) = self.timer {
            browser::window().clear_timeout_with_handle(id);
        }
        // A request whose waiter went away (the page changed) need not go on downloading.
        if !self.expired.get() {
            self.controller.abort();
        }
    }
}

/// Sends `request` and reads its answer's body as text, all within `timeout_ms`.
pub async fn send(
    request: RequestBuilder,
    body: Option<String>,
    timeout_ms: u32,
) -> Result<Answer, RequestError> {
    if !browser::online() {
        return Err(RequestError::Offline);
    }
    let limit = TimeLimit::new(timeout_ms);
    let request = request.abort_signal(limit.as_ref().map(|l| l.controller.signal()).as_ref());
    let failed = |e: gloo_net::Error| {
        if limit.as_ref().is_some_and(|l| l.expired.get()) {
            RequestError::TimedOut
        } else if !browser::online() {
            RequestError::Offline
        } else {
            RequestError::Unreachable(e.to_string())
        }
    };
    let sent = match body {
        Some(b) => request.body(b).map_err(failed)?.send().await,
        None => request.build().map_err(failed)?.send().await,
    };
    let response = sent.map_err(failed)?;
    let body = response.text().await.map_err(failed)?;
    let answer = Answer {
        status: response.status(),
        redirected: response.redirected(),
        headers: response.headers(),
        body,
    };
    if let Some(mut l) = limit {
        l.expired.set(true); // done: nothing to abort
        if let Some(id) = l.timer.take() {
            browser::window().clear_timeout_with_handle(id);
        }
    }
    Ok(answer)
}
