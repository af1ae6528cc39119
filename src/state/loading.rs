//! Fetching the data document, and the copy of it kept in the browser for when the network
//! fails.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{AppContext, GuideState, KeptCopy};
use crate::browser;
use crate::data::split::{read_entry, ENTRY_PATH};
use crate::data::{load_document, DocumentError, LoadError};
use crate::request;

impl AppContext {
    /// Fetches the data document (again), showing the loading state meanwhile; `quietly` (when
    /// the network is back and a kept copy is shown) the page stays as it is unless newer data
    /// arrives.
    pub fn load(self, quietly: bool) {
        let split = self.config.with_value(|c| c.split_url.clone());
        let url = match &split {
            Some(dir) => format!("{dir}{ENTRY_PATH}"),
            None => self.config.with_value(|c| c.faq_url.clone()),
        };
        if !quietly {
            self.guide.set(GuideState::Loading);
        }
        spawn_local(async move {
            let read = if split.is_some() {
                read_entry
            } else {
                load_document
            };
            match fetch_kept(&url, KEPT_DATA_KEY, read).await {
                Ok((guide, kept)) => {
                    let from_copy = kept.is_some();
                    if !from_copy {
                        for problem in &guide.problems {
                            browser::warn(&format!("Poradnik Mieszkańca, dane: {problem}"));
                        }
                    }
                    self.data_kept.set(kept);
                    if quietly && from_copy {
                        // Still no network: the copy shown is the best there is; the note says
                        // when it was last checked, so a retry is never silent.
                        self.data_checked_at.set(Some(browser::now_unix_ms()));
                        return;
                    }
                    self.data_checked_at.set(None);
                    if from_copy {
                        browser::when_online(move || self.load(true));
                    }
                    // The pages first, then the search index, built without blocking them.
                    let guide = Arc::new(guide);
                    self.guide.set(GuideState::Ready(guide.clone()));
                    // A split site's index is in files (see `split`), never built here.
                    if split.is_none() {
                        self.index_guide(guide);
                    }
                }
                Err(e) => {
                    browser::error(&format!(
                        "Poradnik Mieszkańca: could not load {url}: {}",
                        e.detail()
                    ));
                    if !quietly {
                        self.guide.set(GuideState::Failed(e));
                    }
                }
            }
        });
    }
}

/// How long the server may stay silent (before its answer, or in the middle of the document)
/// before the page says the data could not be loaded (or shows the kept copy).
const DATA_TIMEOUT_MS: u32 = 15_000;
/// The last good data document, kept in the browser for when no usable one arrives:
/// "{saved at, Unix ms}\n{its URL}\n{the document}".
const KEPT_DATA_KEY: &str = "poradnik-mieszkanca:dane";
/// The largest document kept (bytes of UTF-8; localStorage counts UTF-16 units).
const MAX_KEPT_BYTES: usize = 2 * 1024 * 1024;

/// The pages' documents of a split site kept for offline reading, each under this prefix and its
/// URL, and the list of them (oldest first) under the prefix alone.
pub(super) const KEPT_PAGES_KEY: &str = "poradnik-mieszkanca:strony";
/// How many pages' documents are kept (the oldest goes first).
const MAX_KEPT_PAGES: usize = 60;

/// Drops the kept copies of the data, to make room for what the resident typed (which always wins
/// over a copy that can be fetched again).
pub fn forget_kept_data() {
    browser::forget(KEPT_DATA_KEY);
    for url in kept_pages() {
        browser::forget(&format!("{KEPT_PAGES_KEY}:{url}"));
    }
    browser::forget(KEPT_PAGES_KEY);
}

fn kept_pages() -> Vec<String> {
    browser::stored(KEPT_PAGES_KEY)
        .map(|list| list.lines().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Lists a page's document just kept for offline reading as the newest, the oldest beyond
/// [`MAX_KEPT_PAGES`] dropped.
fn list_kept_page(url: &str) {
    let mut list = kept_pages();
    list.retain(|u| u != url);
    list.push(url.to_owned());
    while list.len() > MAX_KEPT_PAGES {
        let old = list.remove(0);
        browser::forget(&format!("{KEPT_PAGES_KEY}:{old}"));
    }
    browser::store(KEPT_PAGES_KEY, &list.join("\n"));
}

/// A page's document of a split site (read by `read`), or its kept copy when no usable one
/// arrived.
pub(super) async fn fetch_page<T>(
    url: &str,
    read: impl Fn(&str) -> Result<T, DocumentError>,
) -> Result<(T, Option<KeptCopy>), LoadError> {
    let key = format!("{KEPT_PAGES_KEY}:{url}");
    let result = fetch_kept(url, &key, read).await;
    // Listed once it is stored (a full storage keeps nothing, and lists nothing).
    if matches!(result, Ok((_, None))) && browser::stored(&key).is_some() {
        list_kept_page(url);
    }
    result
}

/// The document at `url` (read by `read`), and the kept copy (under `key`) it comes from when no
/// usable document arrived. Revalidation is the browser's: its HTTP cache asks the CDN with the
/// ETag it has.
async fn fetch_kept<T>(
    url: &str,
    key: &str,
    read: impl Fn(&str) -> Result<T, DocumentError>,
) -> Result<(T, Option<KeptCopy>), LoadError> {
    let error = match fetch_text(url).await.and_then(|text| {
        let guide = read(&text)?;
        Ok((text, guide))
    }) {
        Ok((text, guide)) => {
            // Browsers keep about 5 MB per site; a larger document is not copied at all (a copy
            // of a very large one, and its passage to JS, could exhaust the tab's memory).
            let kept = text.len() <= MAX_KEPT_BYTES
                && browser::store(key, &format!("{}\n{url}\n{text}", browser::now_unix_ms()));
            if !kept {
                browser::warn("Poradnik Mieszkańca: the data is too large to keep for offline use");
            }
            return Ok((guide, None));
        }
        Err(e) => e,
    };
    // No usable document (no network, no answer in time, an error status, a captive portal's or
    // firewall's HTML page, a cut-off body): the last good copy, if there is one.
    {
        let kept = browser::stored(key).unwrap_or_default();
        let mut parts = kept.splitn(3, '\n');
        if let (Some(at), Some(kept_url), Some(text)) = (parts.next(), parts.next(), parts.next()) {
            if let (Ok(at), true, Ok(guide)) = (at.parse(), kept_url == url, read(text)) {
                // Said in the console whatever stands in: an editor checking a publication must
                // see that the document was refused.
                browser::error(&format!(
                    "Poradnik Mieszkańca: could not load {url} ({}); showing the copy kept in this browser",
                    error.detail()
                ));
                return Ok((guide, Some(KeptCopy { at, because: error })));
            }
        }
    }
    Err(error)
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    get(request::builder(Method::GET, url), DATA_TIMEOUT_MS)
        .await?
        .text()
        .await
        .map_err(LoadError::Network)
}

/// Sends a GET `request`: its answer once it says 2xx, else why not.
pub(super) async fn get(
    request: gloo_net::http::RequestBuilder,
    timeout_ms: u32,
) -> Result<request::Answer, LoadError> {
    let answer = request::send(request, None, timeout_ms)
        .await
        .map_err(LoadError::Network)?;
    if !(200..300).contains(&answer.status()) {
        return Err(LoadError::Http(answer.status()));
    }
    Ok(answer)
}
