//! Answering queries from the files of a split index fetched so far (in the browser).
//!
//! A query goes through the same steps as in a whole [`SearchIndex`] (`query`): its words, the
//! terms each matches, then ranking. The terms are chosen from a dictionary assembled from the
//! chunks and prefix tops the words need; the ranking runs on an index assembled from the
//! postings of the chosen terms. Whatever is not there yet is named in [`Outcome::Need`]; the
//! caller fetches it, adds it ([`SplitIndex::add`]) and asks again.

use super::codec::{decode_entries, decode_postings, decode_stems};
use super::{
    chunk_file, has_top, list_file, stem_file, top_file, Entry, Loc, Manifest, LAYOUT_VERSION,
};
use crate::search::index::build::stem_table;
use crate::search::index::fuzzy::max_edits;
use crate::search::index::query::{is_whole_word_match, Candidate, QueryWord};
use crate::search::index::{Results, SearchIndex, Strings};
use crate::search::order::sort_by;
use crate::search::stem::stem;
use crate::small_map::SmallMap;

/// The most documents a manifest may announce (the ranking keeps a few bytes per document).
const MAX_DOCUMENTS: u32 = 2_000_000;

/// The files fetched so far of one build, decoded.
pub struct SplitIndex {
    manifest: Manifest,
    chunks: SmallMap<usize, Vec<Entry>>,
    tops: SmallMap<String, Vec<Entry>>,
    /// The stem files fetched, and the terms of each of their stems.
    /// By stem file: its stems in order, each with its terms.
    stems: SmallMap<usize, Vec<(String, Vec<Entry>)>>,
    lists: SmallMap<u32, Vec<u8>>,
}

/// What a query needs, or what it found.
#[derive(Debug)]
pub enum Outcome {
    /// These files of the build (names relative to its directory) first.
    Need(Vec<String>),
    Found(Found),
}

/// The results of a query, and for a query with none the words it may have meant.
#[derive(Debug, Default)]
pub struct Found {
    pub results: Results,
    pub suggestions: Vec<String>,
}

impl SplitIndex {
    /// An index of `manifest`'s build with nothing fetched yet; `None` for another layout.
    pub fn new(manifest: Manifest) -> Option<SplitIndex> {
        // The build goes into file addresses: a name as the writer makes them, nothing else.
        let plain_build = manifest.build.len() == 16
            && manifest
                .build
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
        let usable = manifest.layout == LAYOUT_VERSION
            && plain_build
            && !manifest.chunks.is_empty()
            && !manifest.stems.is_empty()
            && manifest.documents <= MAX_DOCUMENTS;
        usable.then(|| SplitIndex {
            manifest,
            chunks: SmallMap::default(),
            tops: SmallMap::default(),
            stems: SmallMap::default(),
            lists: SmallMap::default(),
        })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Adds a fetched file; an error (in English, for the console) when it is not one of the
    /// build's or cannot be read.
    pub fn add(&mut self, name: &str, bytes: Vec<u8>) -> Result<(), String> {
        let bad = || format!("search index file {name} cannot be read");
        let stem = name.strip_suffix(".bin").ok_or_else(bad)?;
        match stem.split_at(1) {
            ("s", n) => {
                let n: usize = n.parse().map_err(|_| bad())?;
                self.chunks
                    .insert(n, decode_entries(&bytes).ok_or_else(bad)?);
            }
            ("p", hex) => {
                let raw: Option<Vec<u8>> = (0..hex.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                    .collect();
                let prefix = raw
                    .and_then(|b| String::from_utf8(b).ok())
                    .ok_or_else(bad)?;
                self.tops
                    .insert(prefix, decode_entries(&bytes).ok_or_else(bad)?);
            }
            ("t", n) => {
                let n: usize = n.parse().map_err(|_| bad())?;
                self.stems.insert(n, decode_stems(&bytes).ok_or_else(bad)?);
            }
            ("l", n) => {
                self.lists.insert(n.parse().map_err(|_| bad())?, bytes);
            }
            _ => return Err(bad()),
        }
        Ok(())
    }

    /// Runs `query` (at most `limit` hits), or names the files it needs first.
    pub fn search(&self, query: &str, limit: usize) -> Outcome {
        let words = SearchIndex::parse(query);
        if words.is_empty() {
            return Outcome::Found(Found::default());
        }
        // The dictionary the words need: each form's chunk, its stem's terms, and the prefix
        // being typed.
        let mut need = Needs::default();
        for word in &words {
            self.word_files(word, &mut need);
        }
        let missing = need.missing(self);
        if !missing.is_empty() {
            return Outcome::Need(missing);
        }
        let (mut lexicon, mut entries) = self.lexicon(&need);
        let mut candidates: Vec<Vec<Candidate>> =
            words.iter().map(|w| lexicon.candidates(w)).collect();
        // A word that matches nothing may be a typo: the words around it in the dictionary.
        let unmatched: Vec<usize> = (0..words.len())
            .filter(|&w| candidates[w].is_empty() && max_edits(&words[w].forms[0]) > 0)
            .collect();
        if !unmatched.is_empty() {
            for &w in &unmatched {
                self.typo_files(&words[w].forms[0], &mut need);
            }
            let missing = need.missing(self);
            if !missing.is_empty() {
                return Outcome::Need(missing);
            }
            (lexicon, entries) = self.lexicon(&need);
            for &w in &unmatched {
                candidates[w] = lexicon.candidates(&words[w]);
            }
        }

        // The postings of the chosen terms: in full for a complete word itself or a typo of it;
        // the head for another form of its stem, the word being typed (each keystroke would
        // otherwise read the full lists of every form it passes through) and a stopword.
        // By the lexicon's term (its entries are in the same order): whether the full list.
        let mut wanted: Vec<Option<bool>> = vec![None; entries.len()];
        for (word, cands) in words.iter().zip(&candidates) {
            for c in cands {
                let full = is_whole_word_match(c.factor) && !word.is_stopword() && !word.typing;
                let slot = &mut wanted[c.term as usize];
                *slot = Some(slot.unwrap_or(false) | full);
            }
        }
        let chosen: Vec<(&Entry, bool)> = wanted
            .iter()
            .zip(&entries)
            .filter_map(|(w, &e)| Some((e, (*w)?)))
            .collect();
        let locs: Vec<Loc> = chosen
            .iter()
            .map(|&(e, full)| {
                if full {
                    e.list
                } else {
                    e.head.unwrap_or(e.list)
                }
            })
            .collect();
        let mut missing: Vec<String> = locs
            .iter()
            .filter(|l| !self.lists.contains_key(&l.file))
            .map(|l| list_file(l.file))
            .collect();
        sort_by(&mut missing, &|a, b| a.cmp(b));
        missing.dedup();
        if !missing.is_empty() {
            return Outcome::Need(missing);
        }

        // The index of just those terms, and the candidates renumbered into it.
        let mut index = SearchIndex::empty(self.manifest.documents as usize);
        index.starts.push(0);
        for (&(e, _), loc) in chosen.iter().zip(&locs) {
            let slice = self.lists.get(&loc.file).and_then(|bytes| {
                bytes.get(loc.offset as usize..(loc.offset as usize).checked_add(loc.len as usize)?)
            });
            if slice
                .and_then(|s| decode_postings(s, self.manifest.documents, &mut index.postings))
                .is_none()
            {
                // A damaged file: the term finds nothing rather than garbage.
                index
                    .postings
                    .truncate(*index.starts.last().unwrap_or(&0) as usize);
            }
            index.terms.push(&e.term);
            index.surface.push(&e.surface);
            index.df.push(e.df);
            index.counts.push(e.count);
            index.starts.push(index.postings.len() as u32);
        }
        let renumbered: Vec<Vec<Candidate>> = candidates
            .iter()
            .map(|cands| {
                cands
                    .iter()
                    .filter_map(|c| {
                        let term = index.term_id(lexicon.term(c.term as usize))?;
                        Some(Candidate {
                            term,
                            factor: c.factor,
                        })
                    })
                    .collect()
            })
            .collect();
        let results = index.rank(&words, &renumbered, limit);
        let suggestions = if results.hits.is_empty() {
            lexicon.suggestions(query, 5)
        } else {
            Vec::new()
        };
        Outcome::Found(Found {
            results,
            suggestions,
        })
    }

    /// Runs `query` fetching what it needs with `fetch` (synchronously: on the host, for tests
    /// and benchmarks); `None` when a file cannot be had or read.
    pub fn search_fetching(
        &mut self,
        query: &str,
        limit: usize,
        mut fetch: impl FnMut(&str) -> Option<Vec<u8>>,
    ) -> Option<Found> {
        loop {
            match self.search(query, limit) {
                Outcome::Found(found) => return Some(found),
                Outcome::Need(files) => {
                    for name in files {
                        let bytes = fetch(&name)?;
                        self.add(&name, bytes).ok()?;
                    }
                }
            }
        }
    }

    /// The dictionary files `word` needs: each form's chunk, the chunks of its stem's words, and
    /// for the word being typed its prefix's chunk or, for a wide prefix, its top terms.
    fn word_files(&self, word: &QueryWord, need: &mut Needs) {
        let m = &self.manifest;
        for form in &word.forms {
            need.chunk(m.chunk_of(form));
            need.stem(m.stem_file_of(stem(form)), stem(form));
        }
        if word.typing {
            let primary = &word.forms[0];
            if !m.is_wide(primary) {
                need.chunk(m.chunk_of(primary));
            } else if has_top(primary) {
                need.top(primary);
            } else {
                // A long prefix (see `has_top`) spans a few chunks at most.
                let (first, last) = m.span(primary);
                for n in first..=last.min(first + 8) {
                    need.chunk(n);
                }
            }
        }
    }

    /// The chunks a typo of `word` is looked for in: the words sharing its first two letters, or
    /// three where two would mean more than a few chunks.
    fn typo_files(&self, word: &str, need: &mut Needs) {
        const MOST: usize = 6;
        let m = &self.manifest;
        for letters in [2, 3] {
            let end = word
                .char_indices()
                .nth(letters)
                .map_or(word.len(), |(i, _)| i);
            let (first, last) = m.span(&word[..end]);
            if last - first < MOST || end == word.len() {
                for n in first..=last.min(first + MOST) {
                    need.chunk(n);
                }
                return;
            }
        }
    }

    /// A dictionary of the needed files' terms, as an index without postings: what the query's
    /// words are matched against; and its entries, in the order of its terms (a term may be in a
    /// chunk, a stem file and a top: once here).
    fn lexicon<'a>(&'a self, need: &'a Needs) -> (SearchIndex, Vec<&'a Entry>) {
        let mut entries: Vec<&Entry> = need.entries(self).collect();
        sort_by(&mut entries, &|a, b| a.term.cmp(&b.term));
        entries.dedup_by(|a, b| a.term == b.term);
        let mut index = SearchIndex::empty(self.manifest.documents as usize);
        for e in &entries {
            index.terms.push(&e.term);
            index.surface.push(&e.surface);
            index.df.push(e.df);
            index.counts.push(e.count);
        }
        index.starts = vec![0; entries.len() + 1];
        (index.stem_keys, index.stem_starts, index.stem_terms) = stem_table(&index.terms);
        (index, entries)
    }
}

/// The dictionary files a query needs.
#[derive(Default)]
struct Needs {
    chunks: Vec<usize>,
    tops: Vec<String>,
    stem_files: Vec<usize>,
    stems: Vec<(usize, String)>,
}

impl Needs {
    fn chunk(&mut self, n: usize) {
        if !self.chunks.contains(&n) {
            self.chunks.push(n);
        }
    }

    fn stem(&mut self, file: usize, stem: &str) {
        if !self.stem_files.contains(&file) {
            self.stem_files.push(file);
        }
        if !self.stems.iter().any(|(_, s)| s == stem) {
            self.stems.push((file, stem.to_owned()));
        }
    }

    fn top(&mut self, prefix: &str) {
        if !self.tops.iter().any(|t| t == prefix) {
            self.tops.push(prefix.to_owned());
        }
    }

    fn missing(&self, index: &SplitIndex) -> Vec<String> {
        let chunks = self
            .chunks
            .iter()
            .filter(|n| !index.chunks.contains_key(n))
            .map(|&n| chunk_file(n));
        let tops = self
            .tops
            .iter()
            .filter(|p| !index.tops.contains_key(p.as_str()))
            .map(|p| top_file(p));
        let stems = self
            .stem_files
            .iter()
            .filter(|n| !index.stems.contains_key(*n))
            .map(|&n| stem_file(n));
        chunks.chain(tops).chain(stems).collect()
    }

    fn entries<'a>(&'a self, index: &'a SplitIndex) -> impl Iterator<Item = &'a Entry> + 'a {
        let chunks = self
            .chunks
            .iter()
            .filter_map(|n| index.chunks.get(n))
            .flatten();
        let tops = self
            .tops
            .iter()
            .filter_map(|p| index.tops.get(p.as_str()))
            .flatten();
        let stems = self
            .stems
            .iter()
            .filter_map(|(file, stem)| {
                let groups = index.stems.get(file)?;
                let at = groups.partition_point(|(s, _)| s < stem);
                groups.get(at).filter(|(s, _)| s == stem).map(|(_, e)| e)
            })
            .flatten();
        chunks.chain(tops).chain(stems)
    }
}

impl SearchIndex {
    /// An index of `docs` documents with no terms yet.
    fn empty(docs: usize) -> SearchIndex {
        SearchIndex {
            terms: Strings::default(),
            postings: Vec::new(),
            starts: Vec::new(),
            df: Vec::new(),
            surface: Strings::default(),
            stem_keys: Strings::default(),
            stem_starts: vec![0],
            stem_terms: Vec::new(),
            docs,
            counts: Vec::new(),
        }
    }
}
