//! Every request of the app is built with gloo-net's `RequestBuilder` and answered as its
//! `Response`; this adds what the app needs around them:
//! - a time limit on silence: the answer's headers must come within it, and its body must never
//!   stall for longer (a slow download that keeps arriving completes; one that stops is given
//!   up, and so is a server that never answers);
//! - the browser's online state, and one typed error ([`RequestError`]);
//! - rejections that are not `Error`s (a host page's `fetch` wrapper, a service worker) become
//!   errors, not a stopped app: gloo-net 0.6's own `send` and `text` treat any other rejection as
//!   unreachable and panic, so the fetch and the body are awaited here;
//! - a URL's own query given to gloo-net as parameters where that keeps it exact (see
//!   [`builder`]): gloo-net would otherwise append a `&` to it ("faq.json?v=3&"), a different
//!   address for every cache on the way.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Method, RequestBuilder, Response};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser;
use crate::paths::canonical_query_pairs;
use crate::request_error::RequestError;

/// A request to `url` (absolute, or relative to the page); its `#fragment` is not sent.
///
/// gloo-net writes a URL's query back through `URLSearchParams`, and appends `&` to a URL that has
/// one of its own ("faq.json?v=3&"): a query that such a rewrite gives back unchanged is handed to
/// it as parameters (sent exactly as written); any other keeps gloo-net's `&`, which changes no
/// parameter, rather than a rewrite that could change one.
pub fn builder(method: Method, url: &str) -> RequestBuilder {
    let url = url.split_once('#').map_or(url, |(u, _)| u);
    if let Some((path, query)) = url.split_once('?') {
        if let Some(pairs) = canonical_query_pairs(query) {
            return RequestBuilder::new(path)
                .method(method)
                .query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
    }
    RequestBuilder::new(url).method(method)
}

/// Aborts its request after `ms` of silence; re-armed whenever something arrives.
struct Watchdog {
    controller: web_sys::AbortController,
    fired: Rc<Cell<bool>>,
    timer: Cell<Option<i32>>,
    abort: Closure<dyn FnMut()>,
    ms: i32,
}

impl Watchdog {
    fn new(ms: u32) -> Result<Watchdog, RequestError> {
        let controller = web_sys::AbortController::new()
            .map_err(|_| RequestError::Unreachable("no AbortController".into()))?;
        let fired = Rc::new(Cell::new(false));
        let (c, flag) = (controller.clone(), fired.clone());
        // `abort()` without a reason: the fetch, or the body being read, then rejects with an
        // `AbortError`.
        let abort = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            c.abort();
        });
        Ok(Watchdog {
            controller,
            fired,
            timer: Cell::new(None),
            abort,
            ms: ms.min(i32::MAX as u32) as i32,
        })
    }

    /// Starts (again) counting the silence.
    fn arm(&self) {
        self.disarm();
        self.timer.set(
            browser::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    self.abort.as_ref().unchecked_ref(),
                    self.ms,
                )
                .ok(),
        );
    }

    fn disarm(&self) {
        if let Some(id) = self.timer.take() {
            browser::window().clear_timeout_with_handle(id);
        }
    }

    /// What a rejection means: the time ran out, the network went, or no answer came.
    fn error(&self, rejection: JsValue) -> RequestError {
        if self.fired.get() {
            RequestError::TimedOut
        } else if !browser::online() {
            RequestError::Offline
        } else {
            RequestError::Unreachable(
                rejection
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or_else(|| rejection.as_string())
                    .unwrap_or_else(|| "the request failed".into()),
            )
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        // The timer must not outlive the closure it calls; and an answer whose body nobody will
        // read (a 5xx page, a 201 whose body stalls) stops downloading and frees its connection.
        // Once the body has been read whole, aborting changes nothing.
        self.disarm();
        self.controller.abort();
    }
}

/// See [`Answer::endpoint_reply`].
pub struct EndpointReply {
    pub status: u16,
    pub page: bool,
    pub retry_after: Option<String>,
    pub body: String,
}

/// An answer whose headers have arrived; its body is read (or not) by [`Answer::text`].
pub struct Answer {
    response: Response,
    watchdog: Watchdog,
}

impl Answer {
    pub fn status(&self) -> u16 {
        self.response.status()
    }

    /// Whether the request was redirected on its way (a login page, a captive portal).
    pub fn redirected(&self) -> bool {
        self.response.redirected()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.response.headers().get(name)
    }

    /// What an endpoint of the app's contracts (the question form's, the votes') answered: its
    /// status; whether it is an HTML page or the end of a redirect (a login page, a captive
    /// portal: never the endpoint accepting anything); its `Retry-After`; and only for a 400 its
    /// body (its field errors), so that an acceptance whose body is slow or cut off is still one.
    pub async fn endpoint_reply(self) -> EndpointReply {
        let status = self.status();
        let page = self.redirected()
            || self
                .header("Content-Type")
                .is_some_and(|t| t.contains("text/html"));
        let retry_after = self.header("Retry-After");
        let body = if status == 400 {
            self.text().await.unwrap_or_default()
        } else {
            String::new()
        };
        EndpointReply {
            status,
            page,
            retry_after,
            body,
        }
    }

    /// The body, as UTF-8 text (a byte order mark dropped, invalid bytes replaced, as
    /// `Response.text()` does); given up when it stalls for the time limit.
    pub async fn text(self) -> Result<String, RequestError> {
        let bytes = self.bytes().await?;
        let mut text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Ok(text)
    }

    /// The body as it came; given up when it stalls for the time limit.
    pub async fn bytes(self) -> Result<Vec<u8>, RequestError> {
        let Answer { response, watchdog } = self;
        let raw: web_sys::Response = response.into();
        let Some(stream) = raw.body() else {
            return Ok(Vec::new());
        };
        let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
        let mut bytes = Vec::new();
        loop {
            watchdog.arm();
            let chunk: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
                .await
                .map_err(|e| watchdog.error(e))?
                .unchecked_into();
            if chunk.get_done().unwrap_or(true) {
                break;
            }
            let chunk: js_sys::Uint8Array = chunk.get_value().unchecked_into();
            let start = bytes.len();
            bytes.resize(start + chunk.length() as usize, 0);
            chunk.copy_to(&mut bytes[start..]);
        }
        watchdog.disarm();
        Ok(bytes)
    }
}

/// POSTs the JSON `body` to an endpoint of the app's contracts (the question form's, the votes')
/// with `key` as its `Idempotency-Key`; the answer's headers must come within `timeout_ms`.
pub async fn post_json(
    url: &str,
    body: String,
    key: &str,
    timeout_ms: u32,
) -> Result<Answer, RequestError> {
    let request = builder(Method::POST, url)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key);
    send(request, Some(body), timeout_ms).await
}

/// Sends `request` with `body`; the headers of the answer must arrive within `timeout_ms`, and
/// its body (see [`Answer::text`]) must never stall for longer.
pub async fn send(
    request: RequestBuilder,
    body: Option<String>,
    timeout_ms: u32,
) -> Result<Answer, RequestError> {
    if !browser::online() {
        return Err(RequestError::Offline);
    }
    let watchdog = Watchdog::new(timeout_ms)?;
    let request = request.abort_signal(Some(&watchdog.controller.signal()));
    let request = match body {
        Some(b) => request.body(b),
        None => request.build(),
    }
    .map_err(|e| RequestError::Unreachable(e.to_string()))?;
    let raw: web_sys::Request = request.into();
    watchdog.arm();
    let response = JsFuture::from(browser::window().fetch_with_request(&raw))
        .await
        .map_err(|e| watchdog.error(e))?;
    watchdog.disarm();
    // A host page's `fetch` wrapper may resolve with anything.
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| RequestError::Unreachable("the answer is not a Response".into()))?;
    Ok(Answer {
        response: Response::from(response),
        watchdog,
    })
}
