//! The search index split into files, so that a browser fetches only what a query needs: the
//! index of a large guide is built once by the publish step (the same [`SearchIndex`], the same
//! tokenizer, stemmer, fields and weights) and written as static files, and a query in the browser
//! reads a few of them (`docs/split-layout.md` is the contract of the files).
//!
//! - **The dictionary, in chunks** (`s{n}.bin`): every term in order with its document frequency,
//!   its number of postings, how it was written, and where its postings are. The manifest
//!   (`indeks/spis.json`) names each chunk's first term, so the chunk of any word, stem or
//!   prefix is known before anything else is fetched.
//! - **The terms of each stem** (`t{n}.bin`): the dictionary's entries again, grouped by stem,
//!   the manifest naming each file's first stem: "dowodu" finds "dowód" and "dowody" in one file.
//! - **The top of each wide prefix** (`p{hex}.bin`): for a prefix whose terms span more than one
//!   chunk ("s", "za"), the terms a query being typed expands to (the most frequent ones, as
//!   `query` chooses them), so a first keystroke fetches one small file, not a letter's dictionary.
//! - **Postings** (`l{n}.bin`): each term's list, a long list in a file of its own, short ones
//!   several to a file in dictionary order; a list longer than [`HEAD`] postings also has a head
//!   (its [`HEAD`] best postings), which is what the other forms of a stem, the word being typed
//!   and a stopword read.
//!
//! The files of one build live in a directory named by a hash of their content (`indeks/{build}/`),
//! so a browser never mixes two builds and a CDN may cache them for good; only the manifest is
//! revalidated.
//!
//! `write` turns a [`SearchIndex`] into these files (on the host); `read` answers queries from
//! the files fetched so far, saying which it still needs. The results are the in-browser index's,
//! except where a head stands in for a long list (see [`HEAD`]).

mod codec;
mod read;
mod write;

pub use read::{Found, Outcome, SplitIndex};
pub use write::{content_name, split, SplitFiles};

use serde::{Deserialize, Serialize};

use super::SearchIndex;

/// The version of the layout of these files; a reader refuses another.
pub const LAYOUT_VERSION: u32 = 1;

/// Where the manifest is, relative to the site's data root.
pub const MANIFEST_PATH: &str = "indeks/spis.json";

/// The directory of a build's files, relative to the site's data root.
pub fn build_dir(build: &str) -> String {
    format!("indeks/{build}/")
}

/// The most postings of a head: what a term matched as another form of a word's stem, by the
/// word being typed (as itself or as a prefix), or as a stopword contributes. Those matches rank below the
/// word itself (a prefix is a guess, a stem match is worth less, and a stopword's idf is close to
/// zero), and reading their long lists in full is what would cost a query hundreds of kilobytes:
/// a stem has a dozen forms, a prefix up to 40 terms.
pub const HEAD: usize = 512;

/// A dictionary chunk is cut after this many bytes.
const CHUNK_BYTES: usize = 4 * 1024;
/// A list of at least this many bytes has a file of its own; shorter ones are grouped (small
/// groups: a query needing a few short lists downloads few others; at 50,000 questions 1 KB
/// instead of 4 KB saved a fifth of the postings' bytes per query).
const OWN_FILE_BYTES: usize = 1024;
/// A file of grouped lists is cut after this many bytes.
const GROUP_BYTES: usize = 1024;

/// The manifest: which build, how many documents, and each dictionary chunk's first term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub layout: u32,
    /// The directory of this build's files under `indeks/`.
    pub build: String,
    pub documents: u32,
    /// The first term of each chunk, in order; the first is "".
    pub chunks: Vec<String>,
    /// The first stem of each stem file, in order; the first is "".
    pub stems: Vec<String>,
}

impl Manifest {
    /// The chunk that holds `term`, were it in the dictionary.
    fn chunk_of(&self, term: &str) -> usize {
        self.chunks
            .partition_point(|first| first.as_str() <= term)
            .saturating_sub(1)
    }

    /// The stem file that holds `stem`'s terms.
    fn stem_file_of(&self, stem: &str) -> usize {
        self.stems
            .partition_point(|first| first.as_str() <= stem)
            .saturating_sub(1)
    }

    /// The chunks that hold the terms starting with `prefix`, first and last.
    fn span(&self, prefix: &str) -> (usize, usize) {
        let last = self
            .chunks
            .partition_point(|f| f.as_str() < prefix || f.starts_with(prefix))
            .saturating_sub(1);
        let first = self.chunk_of(prefix);
        (first, last.max(first))
    }

    /// Whether the terms starting with `prefix` may lie in more than one chunk: then the prefix's
    /// top terms have a file of their own.
    fn is_wide(&self, prefix: &str) -> bool {
        let (first, last) = self.span(prefix);
        last > first
    }
}

/// Where a list is: its file, and its bytes there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Loc {
    file: u32,
    offset: u32,
    len: u32,
}

/// One term of the dictionary.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    term: String,
    df: u32,
    /// Its postings in the whole index.
    count: u32,
    /// How it was first written, when that differs from the term.
    surface: String,
    list: Loc,
    /// The head of a list longer than [`HEAD`].
    head: Option<Loc>,
}

/// The file names of a build (relative to its directory).
fn chunk_file(n: usize) -> String {
    format!("s{n}.bin")
}

/// Whether a wide prefix has a top file: up to 32 characters (a file name stays short; a longer
/// prefix spans a few chunks at most, which the reader fetches instead).
fn has_top(prefix: &str) -> bool {
    prefix.chars().count() <= 32
}

fn top_file(prefix: &str) -> String {
    let hex: String = prefix.bytes().map(|b| format!("{b:02x}")).collect();
    format!("p{hex}.bin")
}

fn stem_file(n: usize) -> String {
    format!("t{n}.bin")
}

fn list_file(n: u32) -> String {
    format!("l{n}.bin")
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::search::index::tests::corpus;
    use crate::search::synthetic;

    fn files(split: &SplitFiles) -> HashMap<String, Vec<u8>> {
        split.files.iter().cloned().collect()
    }

    /// How many of the queries' keystrokes get other hits than from the whole index: (while a
    /// word is being typed, of how many; once it is complete, of how many).
    fn differences(whole: &SearchIndex, queries: &[String]) -> [usize; 4] {
        let split = split(whole);
        let files = files(&split);
        let mut index = SplitIndex::new(split.manifest.clone()).unwrap();
        let mut out = [0; 4];
        for q in queries {
            for typed in synthetic::keystrokes(&format!("{q} ")) {
                let found = index
                    .search_fetching(&typed, 10, |name| files.get(name).cloned())
                    .expect("every file it asks for exists");
                let expected = whole.search(&typed, 10);
                let top = |hits: &[crate::search::Hit]| {
                    hits.iter()
                        .take(3)
                        .map(|h| (h.doc, h.item))
                        .collect::<Vec<_>>()
                };
                let at = if typed.ends_with(' ') { 2 } else { 0 };
                out[at + 1] += 1;
                if top(&found.results.hits) != top(&expected.hits) {
                    out[at] += 1;
                }
            }
        }
        out
    }

    #[test]
    fn a_small_index_answers_exactly_as_the_whole_one() {
        let whole = SearchIndex::build(&corpus());
        let queries: Vec<String> = [
            "zasilek rodzinny",
            "dowod osobisty",
            "800+",
            "segergacja ",
            "choinka",
            "IKP",
            "gdzie zameldowanie",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let [typing, _, complete, _] = differences(&whole, &queries);
        assert_eq!(
            (typing, complete),
            (0, 0),
            "no list is long enough for a head"
        );
    }

    #[test]
    fn a_large_index_is_split_into_small_files_and_answers_as_the_whole_one() {
        let doc = synthetic::corpus(3000, 7);
        let guide = crate::data::load_document(&serde_json::to_string(&doc).unwrap()).unwrap();
        let whole = SearchIndex::build_from(crate::search::document_iter(&guide));
        let split = split(&whole);
        assert!(
            split.manifest.chunks.len() > 10,
            "{} chunks",
            split.manifest.chunks.len()
        );
        assert!(
            split.files.iter().any(|(n, _)| n.starts_with('p')),
            "wide prefixes have tops"
        );
        let biggest = split
            .files
            .iter()
            .filter(|(n, _)| !n.starts_with('l'))
            .map(|(_, b)| b.len())
            .max()
            .unwrap();
        assert!(
            biggest < CHUNK_BYTES * 2,
            "dictionary files stay small: {biggest}"
        );
        let queries: Vec<String> = synthetic::queries(&doc, 7, 40, 3)
            .into_iter()
            .map(|(q, _)| q)
            .collect();
        let [typing, typed, complete, completed] = differences(&whole, &queries);
        eprintln!(
            "top 3 differs: {typing} of {typed} while typing, {complete} of {completed} complete"
        );
        // Heads stand in for the long lists of a prefix being typed (and of stopwords): while a
        // word is typed the top 3 may differ; once it is complete, hardly ever.
        assert!(
            complete * 7 <= completed,
            "{complete} of {completed} complete words differ"
        );
        assert!(typing * 5 <= typed, "{typing} of {typed} keystrokes differ");
    }

    #[test]
    fn damaged_or_foreign_files_are_refused_not_trusted() {
        let whole = SearchIndex::build(&corpus());
        let split = split(&whole);
        let mut index = SplitIndex::new(split.manifest.clone()).unwrap();
        assert!(index.add("s0.bin", vec![0xff, 0xff, 0xff]).is_err());
        assert!(index.add("x1.bin", vec![0]).is_err());
        assert!(index.add("../etc.bin", vec![0]).is_err());
        let mut other = split.manifest.clone();
        other.layout += 1;
        assert!(SplitIndex::new(other).is_none());
        // A build name that is not the writer's (it goes into addresses), or an absurd size.
        for build in ["../../x", "https://evil.example/", "0123456789ABCDEF", ""] {
            let mut odd = split.manifest.clone();
            odd.build = build.into();
            assert!(SplitIndex::new(odd).is_none(), "{build}");
        }
        let mut huge = split.manifest.clone();
        huge.documents = u32::MAX;
        assert!(SplitIndex::new(huge).is_none());
        // A truncated list file, or one that is an HTML page, finds nothing for that term rather
        // than panicking (a document number out of range would be an index out of bounds).
        for damage in [0, 1] {
            let mut files = files(&split);
            for (name, bytes) in files.iter_mut() {
                if name.starts_with('l') {
                    match damage {
                        0 => bytes.truncate(bytes.len() / 2),
                        _ => {
                            *bytes =
                                b"<!doctype html><html><body>Zaloguj sie do sieci</body></html>"
                                    .to_vec()
                        }
                    }
                }
            }
            let mut index = SplitIndex::new(split.manifest.clone()).unwrap();
            for q in ["zasilek", "dowod osobisty ", "s", "800+"] {
                let found = index.search_fetching(q, 5, |n| files.get(n).cloned());
                assert!(found.is_some(), "{q}");
            }
        }
    }

    #[test]
    fn the_manifest_finds_chunks_and_wide_prefixes() {
        let m = Manifest {
            layout: LAYOUT_VERSION,
            build: "x".into(),
            documents: 1,
            chunks: vec!["".into(), "dom".into(), "dowod".into(), "sad".into()],
            stems: vec!["".into()],
        };
        assert_eq!(m.chunk_of("ala"), 0);
        assert_eq!(m.chunk_of("dom"), 1);
        assert_eq!(m.chunk_of("domy"), 1);
        assert_eq!(m.chunk_of("zzz"), 3);
        assert_eq!(m.span("do"), (0, 2));
        assert!(m.is_wide("do") && m.is_wide("d"));
        // "dow…" may begin in chunk 1 before "dowod"; "dowodu" and "e" cannot be wide.
        assert!(m.is_wide("dow") && m.is_wide("s"));
        assert!(!m.is_wide("dowodu") && !m.is_wide("e"));
    }
}
