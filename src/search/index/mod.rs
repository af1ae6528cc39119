//! The search index: an inverted index over the guide's questions, built once and then queried
//! on every keystroke. BM25 per field with field weights, AND-first, prefix matching for the word
//! being typed, stems, typo tolerance scaled to word length, and a bounded amount of work per
//! keystroke (capped prefix expansion, top-k).
//!
//! This file holds what building and querying share: the public types ([`SearchIndex`],
//! [`DocText`], [`Field`], [`Hit`], [`Results`]), the compact storage (postings, `Strings`) and
//! the dictionary lookups. The work is done in three modules:
//!
//! - `build`: [`IndexBuilder`], which reads the documents one at a time and computes each
//!   posting's BM25 term weight (term frequency, field length, field weight) once;
//! - `query`: a query parsed into words, the terms each word matches (exact, stem, prefix,
//!   fuzzy), scoring (the term's idf times the stored weight and the kind of match), AND-first
//!   ranking, the FAQ item to point at, and suggestions for a query with no results;
//! - `fuzzy`: typo tolerance: how many edits a word may have, the edit distance, and the terms
//!   within it.

use std::borrow::Cow;

mod build;
mod fuzzy;
mod query;
pub mod split;

pub use build::IndexBuilder;
pub use fuzzy::{edit_distance, max_edits};
pub use query::is_searchable;

/// The fields of a question, by weight: title > tags > FAQ questions > answer > FAQ answers (the
/// weights are `FIELD_WEIGHTS` in `build`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Field {
    Title = 0,
    Tags = 1,
    FaqQuestion = 2,
    Answer = 3,
    FaqAnswer = 4,
}

const FIELDS: usize = 5;
/// No FAQ item.
const NO_ITEM: u16 = u16::MAX;

/// The text of one question, as the index reads it: the title, tags and FAQ questions borrowed
/// from the guide where they can be (copying them cost more than indexing titles and tags), the
/// answers as plain text.
#[derive(Debug, Clone, Default)]
pub struct DocText<'a> {
    pub title: Cow<'a, str>,
    pub tags: Cow<'a, [String]>,
    /// Plain text (see `plain_text`).
    pub answer: String,
    /// Each FAQ item's question and plain-text answer.
    pub faq: Vec<(Cow<'a, str>, String)>,
}

/// One term in one field (and FAQ item) of one document, in 8 bytes, with its BM25 term weight
/// (term frequency saturation, field length and field weight) computed once at build time, in
/// units of 1/1024: a query only multiplies it by the term's idf and its kind of match.
#[derive(Debug, Clone, Copy, Default)]
struct Posting {
    doc: u32,
    item: u16,
    weight: u16,
}

const WEIGHT_SCALE: f32 = 1024.0;

/// One result: the document (its position in the input), the FAQ item the match is in when that
/// is where the match is best, and its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub item: Option<usize>,
    pub score: f32,
}

/// The result of a query: the hits, best first, and the normalised terms that matched (for
/// marking them in snippets).
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub terms: Vec<String>,
}

/// The index of a guide: the sorted dictionary, every term's postings, and the terms grouped by
/// stem. Built by [`IndexBuilder`] (or [`SearchIndex::build`]), queried with [`SearchIndex::search`].
pub struct SearchIndex {
    /// Normalised terms, sorted, in one string.
    terms: Strings,
    /// The postings of every term, term after term, each term's by document; term `t`'s are
    /// `postings[starts[t]..starts[t + 1]]`.
    postings: Vec<Posting>,
    starts: Vec<u32>,
    /// The number of documents each term is in.
    df: Vec<u32>,
    /// How each term was first written (with its diacritics), for suggestions; empty where it is
    /// written as the term itself.
    surface: Strings,
    /// The distinct stems, sorted; stem `s`'s terms are `stem_terms[stem_starts[s]..stem_starts[s + 1]]`.
    stem_keys: Strings,
    stem_starts: Vec<u32>,
    stem_terms: Vec<u32>,
    /// The number of documents.
    docs: usize,
    /// Each term's number of postings in the whole index, where `postings` holds fewer (an index
    /// assembled from the files of a split index: see [`split`]); empty otherwise.
    counts: Vec<u32>,
}

/// Many short strings in one allocation: their bytes end to end and where each ends (16 bytes of
/// pointer and length saved per string, and no allocation each).
#[derive(Default)]
struct Strings {
    bytes: String,
    ends: Vec<u32>,
}

impl Strings {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.bytes[start..self.ends[i] as usize]
    }

    fn push(&mut self, s: &str) {
        self.bytes.push_str(s);
        self.ends.push(self.bytes.len() as u32);
    }

    fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.ends.capacity() * 4
    }

    /// The first position whose string is not less than `key` (the strings being sorted).
    fn lower_bound(&self, key: &str) -> usize {
        partition_point(self.len(), |i| self.get(i) < key)
    }
}

/// The first `i` in `0..n` for which `before(i)` is false (`before` being true, then false).
fn partition_point(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

impl SearchIndex {
    /// About how many bytes of memory the index holds (its vectors and strings).
    pub fn heap_bytes(&self) -> usize {
        self.terms.heap_bytes()
            + self.surface.heap_bytes()
            + self.stem_keys.heap_bytes()
            + self.postings.capacity() * std::mem::size_of::<Posting>()
            + (self.starts.capacity()
                + self.df.capacity()
                + self.stem_starts.capacity()
                + self.stem_terms.capacity()
                + self.counts.capacity())
                * 4
    }

    pub fn len(&self) -> usize {
        self.docs
    }

    /// The number of distinct terms and of postings, for reports.
    pub fn counts(&self) -> (usize, usize) {
        (self.terms.len(), self.postings.len())
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    fn term(&self, id: usize) -> &str {
        self.terms.get(id)
    }

    /// How many postings term `id` has in the whole index.
    fn count(&self, id: usize) -> usize {
        match self.counts.get(id) {
            Some(&n) => n as usize,
            None => self.list(id).len(),
        }
    }

    /// The postings of term `id`, by document.
    fn list(&self, id: usize) -> &[Posting] {
        &self.postings[self.starts[id] as usize..self.starts[id + 1] as usize]
    }

    fn term_id(&self, term: &str) -> Option<u32> {
        let i = self.terms.lower_bound(term);
        (i < self.terms.len() && self.term(i) == term).then_some(i as u32)
    }

    /// The range of terms that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.lower_bound(prefix);
        let end = start
            + partition_point(self.terms.len() - start, |i| {
                self.term(start + i).starts_with(prefix)
            });
        start..end
    }
}

#[cfg(test)]
mod tests {
    //! The whole index at work: documents in, a query, the documents out. The tests of one part
    //! are in that part's module, with these documents.

    use super::*;

    pub(super) fn doc(
        title: &str,
        tags: &[&str],
        answer: &str,
        faq: &[(&str, &str)],
    ) -> DocText<'static> {
        DocText {
            title: Cow::Owned(title.into()),
            tags: Cow::Owned(tags.iter().map(|s| s.to_string()).collect()),
            answer: answer.into(),
            faq: faq
                .iter()
                .map(|(q, a)| (Cow::Owned(q.to_string()), a.to_string()))
                .collect(),
        }
    }

    pub(super) fn corpus() -> Vec<DocText<'static>> {
        vec![
            doc(
                "Jak złożyć wniosek o zasiłek rodzinny?",
                &["świadczenia", "MOPS"],
                "Zasiłek rodzinny przysługuje rodzinom o niskich dochodach.",
                &[],
            ),
            doc(
                "Jak wyrobić dowód osobisty?",
                &["dowód", "e-dowód"],
                "Wniosek złożysz w urzędzie gminy.",
                &[("Ile kosztuje dowód?", "Wydanie dowodu jest bezpłatne.")],
            ),
            doc(
                "Jak się zameldować?",
                &["meldunek"],
                "Zameldowanie na pobyt stały załatwisz w Biurze Obsługi Mieszkańców.",
                &[],
            ),
            doc(
                "Jak segregować odpady?",
                &["śmieci", "PSZOK"],
                "Segregacja obejmuje pięć frakcji.",
                &[(
                    "Gdzie wyrzucić choinkę?",
                    "Choinkę oddasz do PSZOK-u po świętach.",
                )],
            ),
            doc(
                "Kto dostanie świadczenie wychowawcze?",
                &["800+", "800 plus"],
                "Świadczenie przysługuje na każde dziecko.",
                &[],
            ),
            doc(
                "Co to jest Internetowe Konto Pacjenta (IKP)?",
                &["IKP", "e-recepta", "mojeIKP"],
                "Konto pacjenta zbiera dane medyczne.",
                &[],
            ),
        ]
    }

    pub(super) fn top(index: &SearchIndex, q: &str) -> Vec<usize> {
        index.search(q, 3).hits.into_iter().map(|h| h.doc).collect()
    }

    #[test]
    fn finds_words_typed_without_polish_letters() {
        let i = SearchIndex::build(&corpus());
        assert_eq!(top(&i, "zasilek")[0], 0, "zasilek finds zasiłek");
        assert_eq!(top(&i, "smieci")[0], 3);
        assert_eq!(top(&i, "dowod osobisty")[0], 1);
    }

    #[test]
    fn finds_inflected_forms() {
        let i = SearchIndex::build(&corpus());
        assert_eq!(top(&i, "dowodu ")[0], 1);
        assert_eq!(top(&i, "zameldowanie ")[0], 2);
        assert_eq!(top(&i, "zasiłku ")[0], 0);
    }

    #[test]
    fn tags_are_synonyms_and_abbreviations_work() {
        let i = SearchIndex::build(&corpus());
        assert_eq!(top(&i, "meldunek")[0], 2);
        assert_eq!(top(&i, "800+")[0], 4);
        assert_eq!(top(&i, "800 plus")[0], 4);
        assert_eq!(top(&i, "IKP")[0], 5);
        assert_eq!(top(&i, "ikp")[0], 5, "mojeIKP and IKP");
        assert_eq!(top(&i, "erecepta")[0], 5);
        assert_eq!(top(&i, "recepta")[0], 5);
    }

    #[test]
    fn title_outranks_answer() {
        let docs = vec![
            doc("Opłata za parking", &[], "Tekst.", &[]),
            doc(
                "Inne pytanie",
                &[],
                "Tu jest mowa o opłacie i o parkingu, parking, parking.",
                &[],
            ),
        ];
        let i = SearchIndex::build(&docs);
        assert_eq!(top(&i, "parking "), vec![0, 1]);
    }

    #[test]
    fn odd_input_never_panics() {
        use crate::search::snippet::snippet;
        use crate::search::synthetic::Rng;
        let i = SearchIndex::build(&corpus());
        let alphabet: Vec<char> =
            "aąbcćeęłńóśźż -+?!.,/\\\"'#%&<>\u{301}\u{328}ŁŻ0123456789ИЇ日本🙂\t\n"
                .chars()
                .collect();
        let mut rng = Rng::new(11);
        for _ in 0..3000 {
            let len = rng.below(40);
            let q: String = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let r = i.search(&q, 10);
            let _ = i.suggestions(&q, 5);
            let _ = snippet(&q, &r.terms, 20);
        }
        let long = "ż".repeat(5000);
        assert!(i.search(&long, 10).hits.is_empty());
        let _ = i.suggestions(&long, 5);
    }
}
