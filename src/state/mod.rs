//! What every page shares: the settings, the data on its way or loaded, the search index built
//! from it, and the few facts the pages tell one another. Components read it with [`use_app`];
//! the frame (`crate::app`) provides it.

mod feedback;
mod indexing;
mod loading;
mod split;

pub use feedback::{edit_votes, kept_votes, VoteReply};
pub use loading::forget_kept_data;
pub use split::{SplitHit, SplitResults, SplitSearch, SPLIT_RESULTS};

use std::sync::Arc;

use leptos::prelude::*;

use crate::config::Config;
use crate::data::{Guide, LoadError};
use crate::search::SearchIndex;

/// Where the data is on its way to the page.
#[derive(Clone)]
pub enum GuideState {
    Loading,
    Ready(Arc<Guide>),
    Failed(LoadError),
}

/// The copy of the data kept in the browser, standing in for a document that did not arrive.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptCopy {
    /// When it was saved (Unix ms).
    pub at: i64,
    /// Why it stands in: no network, or a server that gave no usable document.
    pub because: LoadError,
}

/// Shared by every page: the settings, the data, and the search index built from it.
#[derive(Clone, Copy)]
pub struct AppContext {
    pub config: StoredValue<Config>,
    pub guide: RwSignal<GuideState>,
    /// The search index of the current guide, once built (see [`AppContext::index_guide`]).
    pub search: RwSignal<Option<Arc<SearchIndex>>>,
    /// Whether `search` holds titles and tags only, the whole text being indexed meanwhile.
    pub search_partial: RwSignal<bool>,
    /// The resident's last search, sent along with a question they ask.
    pub last_search: RwSignal<String>,
    /// The kept copy of the data shown while no usable document arrives: when it was saved, and
    /// why it stands in.
    pub data_kept: RwSignal<Option<KeptCopy>>,
    /// When a retry last found the network still failing (Unix ms).
    pub data_checked_at: RwSignal<Option<i64>>,
    /// What the search's live region should say once the resident pauses typing.
    pub announcement: RwSignal<String>,
    /// A split site's pages' documents being fetched.
    pub pending: StoredValue<Vec<String>>,
    /// A split site's search index as far as it is fetched (see `split`).
    pub split_search: StoredValue<SplitSearch, LocalStorage>,
    /// The latest results from a split site's index.
    pub split_results: RwSignal<Option<SplitResults>>,
    /// What the feedback endpoint last answered (see `feedback`).
    pub vote_reply: RwSignal<Option<VoteReply>>,
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

impl AppContext {
    /// A new state for `config`, with nothing loaded yet.
    pub fn new(config: Config) -> AppContext {
        AppContext {
            config: StoredValue::new(config),
            guide: RwSignal::new(GuideState::Loading),
            search: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            search_partial: RwSignal::new(false),
            last_search: RwSignal::new(String::new()),
            data_kept: RwSignal::new(None),
            data_checked_at: RwSignal::new(None),
            pending: StoredValue::new(Vec::new()),
            split_search: StoredValue::new_local(SplitSearch::default()),
            split_results: RwSignal::new(None),
            vote_reply: RwSignal::new(None),
        }
    }
}
