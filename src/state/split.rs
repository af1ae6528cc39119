//! A split site (`crate::data::split`): the document of each page fetched when the resident opens
//! it (and kept for offline reading), and search over the index in files
//! (`crate::search::index::split`), fetched as the resident types.

use std::sync::Arc;

use futures::future::join_all;
use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::loading::{fetch_page, get};
use super::{AppContext, GuideState};
use crate::browser;
use crate::data::split::{awaits, document_of, read_category, read_question, ResultFragment};
use crate::data::{DocumentError, Guide, LoadError};
use crate::paths::Route;
use crate::request;
use crate::search::index::split::{build_dir, Manifest, Outcome, SplitIndex, MANIFEST_PATH};
use crate::small_map::SmallMap;
use crate::text::slug::is_slug;

/// How many results the search page of a split site shows (each is a fragment to fetch).
pub const SPLIT_RESULTS: usize = 10;
/// How long a search file may take.
const FILE_TIMEOUT_MS: u32 = 15_000;

/// One result as the search page shows it: the question's fragment and the FAQ item the match
/// is in.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitHit {
    pub fragment: Arc<ResultFragment>,
    pub item: Option<usize>,
}

/// What the search page of a split site shows for a query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SplitResults {
    pub query: String,
    pub hits: Vec<SplitHit>,
    /// The matched terms, for marking them.
    pub terms: Vec<String>,
    pub suggestions: Vec<String>,
    /// Why the index could not be read (the network, the server).
    pub failed: Option<LoadError>,
}

/// The search index of a split site as far as it is fetched, and the results' fragments.
#[derive(Default)]
pub struct SplitSearch {
    index: Option<SplitIndex>,
    fragments: SmallMap<usize, Arc<ResultFragment>>,
    /// The query the page wants now: the work for an older one stops.
    wanted: String,
}

impl AppContext {
    /// Whether the data is a split site's.
    pub fn is_split(&self) -> bool {
        self.config.with_value(|c| c.split_url.is_some())
    }

    /// Fetches the document of the page at `route` when the guide lacks it (once at a time).
    pub fn fetch_page_data(self, route: &Route) {
        let Some(dir) = self.config.with_value(|c| c.split_url.clone()) else {
            return;
        };
        let Some(path) = document_of(route) else {
            return;
        };
        let needed = self
            .guide
            .with_untracked(|g| matches!(g, GuideState::Ready(guide) if awaits(guide, route)));
        if !needed || self.pending.with_value(|p| p.contains(&path)) {
            return;
        }
        self.pending.update_value(|p| p.push(path.clone()));
        let route = route.clone();
        spawn_local(async move {
            let url = format!("{dir}{path}");
            let add = move |guide: &mut Guide, text: &str| match &route {
                Route::Category(id) => read_category(guide, id, text),
                Route::Question(id) => read_question(guide, id, text),
                _ => Ok(()),
            };
            // Checked against the guide as it is now (a copy), applied to the guide as it is
            // when the answer comes (another page may have been added meanwhile).
            let base = match self.guide.get_untracked() {
                GuideState::Ready(guide) => guide,
                _ => return self.pending.update_value(|p| p.retain(|x| *x != path)),
            };
            let check = |text: &str| {
                let mut copy = (*base).clone();
                add(&mut copy, text).map(|_| text.to_owned())
            };
            let result = fetch_page(&url, check).await;
            self.pending.update_value(|p| p.retain(|x| *x != path));
            match result {
                Ok((text, kept)) => {
                    if kept.is_some() {
                        self.data_kept.set(kept);
                    }
                    self.edit_guide(|guide| add(guide, &text).is_ok());
                }
                // No such page: the server says so, the page says "not found".
                Err(LoadError::Http(404)) => self.edit_guide(|guide| {
                    if let Some(pages) = guide.pages.as_mut() {
                        pages.missing.push(path.clone());
                    }
                    true
                }),
                // This page only: the others read stay readable.
                Err(e) => {
                    browser::error(&format!(
                        "Poradnik Mieszkańca: could not load {url}: {}",
                        e.detail()
                    ));
                    self.edit_guide(|guide| {
                        if let Some(pages) = guide.pages.as_mut() {
                            pages.failed.insert(path.clone(), e);
                        }
                        true
                    });
                }
            }
        });
    }

    /// Replaces the guide shown by a copy that `edit` changed, when it says it did (a split guide
    /// holds only the pages read, so the copy is small); nothing while no guide is shown.
    fn edit_guide(self, edit: impl FnOnce(&mut Guide) -> bool) {
        self.guide.update(|g| {
            if let GuideState::Ready(guide) = g {
                let mut next = (**guide).clone();
                if edit(&mut next) {
                    *g = GuideState::Ready(Arc::new(next));
                }
            }
        });
    }

    /// Tries the page at `route` again after its document could not be had.
    pub fn retry_page(self, route: &Route) {
        let Some(path) = document_of(route) else {
            return;
        };
        self.edit_guide(|guide| {
            if let Some(pages) = guide.pages.as_mut() {
                pages.failed.remove(path.as_str());
            }
            true
        });
    }

    /// Fetches the search index's manifest ahead of the first keystroke (the search field got
    /// the focus).
    pub fn warm_search(self) {
        if let Some(dir) = self.config.with_value(|c| c.split_url.clone()) {
            if self.split_search.with_value(|s| s.index.is_none()) {
                // Ahead of time only: a failure here is met (and said) by the search itself.
                spawn_local(async move {
                    let _ = self.manifest(&dir, false).await;
                });
            }
        }
    }

    /// Runs `query` over the split index, fetching what it needs; the results go to
    /// `split_results`, unless another query is wanted by then.
    pub fn search_split(self, query: String) {
        let Some(dir) = self.config.with_value(|c| c.split_url.clone()) else {
            return;
        };
        if self.split_search.with_value(|s| s.wanted == query) {
            return;
        }
        self.split_search.update_value(|s| s.wanted = query.clone());
        spawn_local(async move {
            let outcome = self.run_search(&dir, &query).await;
            if self.split_search.with_value(|s| s.wanted != query) {
                return;
            }
            let results = match outcome {
                Ok(Some(results)) => results,
                Ok(None) => return,
                // Said once; asked again by the next keystroke or `retry_search`, never by
                // itself (a failing network must not be asked in a loop).
                Err(e) => {
                    browser::error(&format!(
                        "Poradnik Mieszkańca: the search index could not be read: {}",
                        e.detail()
                    ));
                    SplitResults {
                        query: query.clone(),
                        failed: Some(e),
                        ..SplitResults::default()
                    }
                }
            };
            self.split_results.set(Some(results));
        });
    }

    /// Runs the query that failed again (the resident asked to).
    pub fn retry_search(self) {
        let query = self.split_search.with_value(|s| s.wanted.clone());
        self.split_search.update_value(|s| s.wanted.clear());
        self.search_split(query);
    }

    /// The manifest, fetched once (`fresh`: past every cache, after the site was published
    /// again).
    async fn manifest(self, dir: &str, fresh: bool) -> Result<(), LoadError> {
        if self.split_search.with_value(|s| s.index.is_some()) {
            return Ok(());
        }
        let mut request = request::builder(Method::GET, &format!("{dir}{MANIFEST_PATH}"));
        if fresh {
            request = request.cache(web_sys::RequestCache::NoCache);
        }
        let answer = get(request, FILE_TIMEOUT_MS).await?;
        let text = answer.text().await.map_err(LoadError::Network)?;
        let manifest: Manifest = serde_json::from_str(&text)
            .map_err(|e| LoadError::Document(DocumentError::NotJson(e.to_string())))?;
        let layout = manifest.layout;
        let index = SplitIndex::new(manifest).ok_or(LoadError::Document(
            DocumentError::UnsupportedVersion(layout.into()),
        ))?;
        self.split_search.update_value(|s| {
            if s.index.is_none() {
                s.index = Some(index);
            }
        });
        Ok(())
    }

    async fn run_search(self, dir: &str, query: &str) -> Result<Option<SplitResults>, LoadError> {
        let stale = move || self.split_search.with_value(|s| s.wanted != query);
        let mut republished = false;
        // A few rounds at most: the dictionary, a typo's neighbours, the postings, the fragments;
        // once more each after a new publication.
        for _ in 0..12 {
            self.manifest(dir, republished).await?;
            if stale() {
                return Ok(None);
            }
            let (outcome, build) = self.split_search.with_value(|s| {
                let index = s.index.as_ref().expect("the manifest is there");
                (
                    index.search(query, SPLIT_RESULTS),
                    index.manifest().build.clone(),
                )
            });
            let files = match outcome {
                Outcome::Found(found) => match self.with_fragments(dir, &build, query, found).await
                {
                    Err(LoadError::Http(404)) if !republished => {
                        republished = true;
                        self.forget_build();
                        continue;
                    }
                    done => return done,
                },
                Outcome::Need(files) => files,
            };
            let fetched = join_all(
                files
                    .iter()
                    .map(|name| fetch_bytes(format!("{dir}{}{name}", build_dir(&build)))),
            )
            .await;
            for (name, bytes) in files.into_iter().zip(fetched) {
                match bytes {
                    Ok(bytes) => self.split_search.update_value(|s| {
                        if let Some(index) =
                            s.index.as_mut().filter(|i| i.manifest().build == build)
                        {
                            if let Err(e) = index.add(&name, bytes) {
                                browser::error(&format!("Poradnik Mieszkańca: {e}"));
                            }
                        }
                    }),
                    // The site was published again meanwhile (old builds are removed): its new
                    // manifest, once.
                    Err(LoadError::Http(404)) if !republished => {
                        republished = true;
                        self.forget_build();
                        break;
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        Err(LoadError::Document(DocumentError::NotObject))
    }

    /// Drops the index and fragments of a build the server no longer has.
    fn forget_build(self) {
        self.split_search.update_value(|s| {
            s.index = None;
            s.fragments.clear();
        });
    }

    /// The results of `found` with their fragments (fetched once each).
    async fn with_fragments(
        self,
        dir: &str,
        build: &str,
        query: &str,
        found: crate::search::index::split::Found,
    ) -> Result<Option<SplitResults>, LoadError> {
        let missing: Vec<usize> = self.split_search.with_value(|s| {
            found
                .results
                .hits
                .iter()
                .map(|h| h.doc)
                .filter(|d| !s.fragments.contains_key(d))
                .collect()
        });
        let fetched = join_all(
            missing
                .iter()
                .map(|d| fetch_bytes(format!("{dir}{}w{d}.json", build_dir(build)))),
        )
        .await;
        for (doc, bytes) in missing.into_iter().zip(fetched) {
            let mut fragment: ResultFragment = serde_json::from_slice(&bytes?)
                .map_err(|e| LoadError::Document(DocumentError::NotJson(e.to_string())))?;
            fragment.faq.retain(|item| is_slug(&item.id));
            // Into the cache of this build only (another task may have moved to a newer one).
            if is_slug(&fragment.id) {
                self.split_search.update_value(|s| {
                    if s.index
                        .as_ref()
                        .is_some_and(|i| i.manifest().build == build)
                    {
                        s.fragments.insert(doc, Arc::new(fragment));
                    }
                });
            }
        }
        if self.split_search.with_value(|s| s.wanted != query) {
            return Ok(None);
        }
        let hits = self.split_search.with_value(|s| {
            found
                .results
                .hits
                .iter()
                .filter_map(|h| {
                    Some(SplitHit {
                        fragment: s.fragments.get(&h.doc)?.clone(),
                        item: h.item,
                    })
                })
                .collect()
        });
        Ok(Some(SplitResults {
            query: query.to_owned(),
            hits,
            terms: found.results.terms,
            suggestions: found.suggestions,
            failed: None,
        }))
    }
}

async fn fetch_bytes(url: String) -> Result<Vec<u8>, LoadError> {
    let answer = get(request::builder(Method::GET, &url), FILE_TIMEOUT_MS).await?;
    // A host that answers a missing file with its HTML page (or a captive portal's): missing.
    if answer
        .header("content-type")
        .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("text/html"))
    {
        return Err(LoadError::Http(404));
    }
    answer.bytes().await.map_err(LoadError::Network)
}
