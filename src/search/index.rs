//! The inverted index and the query: BM25 per field with field weights, AND-first, prefix
//! matching for the word being typed, stems, typo tolerance scaled to word length, and a bounded
//! amount of work per keystroke (capped prefix expansion, top-k).

use std::collections::HashMap;

use super::normalize::{normalize, normalize_into};
use super::order::{sort_by, top_k};
use super::stem::stem;
use super::tokenize::{for_each_word, forms, is_compound, tokenize};

/// The fields of a question, by weight: title > tags > FAQ questions > answer > FAQ answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Field {
    Title = 0,
    Tags = 1,
    FaqQuestion = 2,
    Answer = 3,
    FaqAnswer = 4,
}

const FIELD_WEIGHTS: [f32; 5] = [3.0, 2.4, 1.8, 1.0, 0.7];
const FIELDS: usize = 5;
/// No FAQ item.
const NO_ITEM: u16 = u16::MAX;

// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;

// How much each kind of match is worth, relative to the word itself.
const EXACT: f32 = 1.0;
const STEM: f32 = 0.85;
const PREFIX: f32 = 0.7;
const FUZZY: f32 = 0.55;

/// The most terms a prefix may expand to: short prefixes fan out to thousands of words, and those
/// are what would make a keystroke slow. The most frequent terms are kept.
const PREFIX_CAP_SHORT: usize = 12;
const PREFIX_CAP: usize = 40;
const PREFIX_POSTINGS: usize = 20_000;
/// The most words of a query that are looked at.
const MAX_QUERY_WORDS: usize = 24;

/// Words that carry no meaning on their own: they count toward the score when they match but a
/// result need not contain them.
const STOPWORDS: &[&str] = &[
    "a", "aby", "albo", "ale", "bo", "by", "byc", "co", "czy", "dla", "do", "gdzie", "i", "ile",
    "jak", "jaki", "jaka", "jakie", "jest", "kiedy", "kto", "lub", "mam", "mi", "moge", "moj",
    "moja", "moje", "mozna", "na", "nie", "o", "od", "po", "pod", "przez", "sa", "sie", "ta",
    "tak", "to", "u", "w", "we", "z", "za", "ze",
];

/// The text of one question, as the index reads it.
#[derive(Debug, Clone, Default)]
pub struct DocText {
    pub title: String,
    pub tags: Vec<String>,
    /// Plain text (see `plain_text`).
    pub answer: String,
    /// Each FAQ item's question and plain-text answer.
    pub faq: Vec<(String, String)>,
}

/// While building: one term in one field (and FAQ item) of one document, with the FAQ item
/// (16 bits), the field (3 bits) and the term's count (13 bits) packed together.
#[derive(Debug, Clone, Copy)]
struct RawPosting {
    doc: u32,
    packed: u32,
}

/// One term in one field (and FAQ item) of one document, in 8 bytes, with its BM25 term weight
/// (term frequency saturation, field length and field weight) computed once at build time, in
/// units of 1/1024: a query only multiplies it by the term's idf and its kind of match.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    item: u16,
    weight: u16,
}

const WEIGHT_SCALE: f32 = 1024.0;

impl RawPosting {
    fn new(doc: u32, item: u16, field: u8) -> RawPosting {
        RawPosting {
            doc,
            packed: (u32::from(item) << 16) | (u32::from(field) << 13) | 1,
        }
    }
    fn item(self) -> u16 {
        (self.packed >> 16) as u16
    }
    fn field(self) -> usize {
        ((self.packed >> 13) & 0x7) as usize
    }
    fn tf(self) -> u16 {
        (self.packed & 0x1FFF) as u16
    }
    fn same_place(self, doc: u32, item: u16, field: u8) -> bool {
        self.doc == doc && self.packed >> 13 == (u32::from(item) << 3) | u32::from(field)
    }
    fn add_one(&mut self) {
        if self.tf() < 0x1FFF {
            self.packed += 1;
        }
    }
}

/// A fast hasher for the index's own strings (FxHash's mixing); no protection against
/// adversarial keys is needed for the words of the guide.
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // Mix the high bits down: the table indexes by the low bits and filters by the top 7,
        // and a multiply alone leaves the low bits depending on the first bytes only.
        let h = self.0;
        let h = (h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^ (h >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// A term of at most 23 bytes, stored inline as three words (its length, then its bytes), so
/// that comparing two keys is three integer comparisons.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortKey([u64; 3]);

impl ShortKey {
    fn new(term: &str) -> Option<ShortKey> {
        let b = term.as_bytes();
        (b.len() < 24).then(|| {
            let mut k = [0u8; 24];
            k[0] = b.len() as u8;
            k[1..=b.len()].copy_from_slice(b);
            let word =
                |i: usize| u64::from_le_bytes(k[i * 8..i * 8 + 8].try_into().unwrap_or_default());
            ShortKey([word(0), word(1), word(2)])
        })
    }

    fn to_string(self) -> String {
        let mut k = [0u8; 24];
        for (i, w) in self.0.iter().enumerate() {
            k[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
        }
        String::from_utf8_lossy(&k[1..=usize::from(k[0])]).into_owned()
    }
}

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

pub struct SearchIndex {
    /// Normalised terms, sorted.
    terms: Vec<Box<str>>,
    /// The postings of each term, by document.
    postings: Vec<Vec<Posting>>,
    /// The number of documents each term is in.
    df: Vec<u32>,
    /// How each term was first written (with its diacritics), for suggestions.
    surface: Vec<Box<str>>,
    /// (stem, term) pairs, sorted by stem.
    stems: Vec<(Box<str>, u32)>,
    /// The number of documents.
    docs: usize,
}

struct Candidate {
    term: u32,
    factor: f32,
}

/// One word of the query, with the forms it answers to.
struct QueryWord {
    forms: Vec<String>,
    typing: bool,
    required: bool,
}

impl SearchIndex {
    pub fn build(docs: &[DocText]) -> SearchIndex {
        let mut builder = IndexBuilder::default();
        for doc in docs {
            builder.add(doc);
        }
        builder.finish()
    }

    /// Builds the index from documents produced one at a time, so that their texts need not all be
    /// in memory at once (the WebAssembly memory only ever grows).
    pub fn build_from(docs: impl IntoIterator<Item = DocText>) -> SearchIndex {
        let mut builder = IndexBuilder::default();
        for doc in docs {
            builder.add(&doc);
        }
        builder.finish()
    }
    /// About how many bytes of memory the index holds (its vectors and strings).
    pub fn heap_bytes(&self) -> usize {
        let strings: usize = self
            .terms
            .iter()
            .chain(&self.surface)
            .map(|t| t.len() + 16)
            .sum();
        let stems: usize = self.stems.iter().map(|(s, _)| s.len() + 24).sum();
        let postings: usize = self
            .postings
            .iter()
            .map(|p| p.capacity() * std::mem::size_of::<Posting>() + 24)
            .sum();
        strings + stems + postings + self.df.len() * 4
    }

    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    fn term_id(&self, term: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| (**t).cmp(term))
            .ok()
            .map(|i| i as u32)
    }

    /// The range of terms that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| (**t) < *prefix);
        let end = start + self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..end
    }

    fn parse(query: &str) -> Vec<QueryWord> {
        let typing = !query.ends_with(char::is_whitespace);
        let mut tokens = tokenize(query);
        // A resident's query is a few words; more only costs work (and the per-word bit sets and
        // counters are sized for this many).
        if tokens.len() > MAX_QUERY_WORDS {
            tokens.truncate(MAX_QUERY_WORDS);
        }
        let n = tokens.len();
        let mut words: Vec<QueryWord> = tokens
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let required = !STOPWORDS.contains(&t.forms[0].as_str());
                QueryWord {
                    forms: t.forms,
                    typing: typing && i + 1 == n,
                    required,
                }
            })
            .collect();
        // A query of stopwords alone still needs them.
        if words.iter().all(|w| !w.required) {
            for w in &mut words {
                w.required = true;
            }
        }
        words
    }

    /// The terms a query word matches, each with what the kind of match is worth.
    fn candidates(&self, word: &QueryWord) -> Vec<Candidate> {
        let mut found: HashMap<u32, f32> = HashMap::new();
        fn put(found: &mut HashMap<u32, f32>, term: u32, factor: f32) {
            let e = found.entry(term).or_insert(0.0);
            if factor > *e {
                *e = factor;
            }
        }
        for form in &word.forms {
            if let Some(id) = self.term_id(form) {
                put(&mut found, id, EXACT);
            }
            let s = stem(form);
            let from = self.stems.partition_point(|(st, _)| (**st) < *s);
            for (st, id) in &self.stems[from..] {
                if **st != *s {
                    break;
                }
                put(&mut found, *id, STEM);
            }
        }
        let primary = &word.forms[0];
        if word.typing {
            let range = self.prefix_range(primary);
            let cap = if primary.chars().count() <= 2 {
                PREFIX_CAP_SHORT
            } else {
                PREFIX_CAP
            };
            // The most frequent terms of the range, at most `cap` of them and at most
            // PREFIX_POSTINGS postings in all: that bounds the work of a short prefix.
            let mut budget = PREFIX_POSTINGS;
            for id in top_k(range, cap, &|a, b| self.df[*a] > self.df[*b]) {
                let cost = self.postings[id].len();
                if cost > budget && budget < PREFIX_POSTINGS {
                    break;
                }
                budget = budget.saturating_sub(cost);
                put(&mut found, id as u32, PREFIX);
            }
        }
        if found.is_empty() {
            let max = max_edits(primary);
            if max > 0 {
                for id in self.similar_terms(primary, max) {
                    put(&mut found, id, FUZZY);
                }
            }
        }
        found
            .into_iter()
            .map(|(term, factor)| Candidate { term, factor })
            .collect()
    }

    /// Terms within `max` edits (insertions, deletions, substitutions, transpositions) of `word`
    /// that start with the same letter: typos rarely hit the first letter, and this keeps the scan
    /// to one slice of the dictionary.
    fn similar_terms(&self, word: &str, max: usize) -> Vec<u32> {
        let Some(first) = word.chars().next() else {
            return Vec::new();
        };
        let range = self.prefix_range(first.encode_utf8(&mut [0; 4]));
        let w: Vec<char> = word.chars().collect();
        range
            .filter(|&i| {
                let t = &self.terms[i];
                t.chars().count().abs_diff(w.len()) <= max && edit_distance(&w, t, max) <= max
            })
            .map(|i| i as u32)
            .collect()
    }

    /// For profiling: each query word with the number of terms it expands to and their postings.
    pub fn explain(&self, query: &str) -> Vec<(String, usize, usize)> {
        Self::parse(query)
            .iter()
            .map(|w| {
                let c = self.candidates(w);
                let postings = c.iter().map(|c| self.postings[c.term as usize].len()).sum();
                (w.forms[0].clone(), c.len(), postings)
            })
            .collect()
    }

    /// BM25 of one posting of a term with this `idf`, weighted by its field and match kind.
    fn posting_score(&self, p: Posting, idf: f32, factor: f32) -> f32 {
        idf * factor * f32::from(p.weight) / WEIGHT_SCALE
    }

    fn idf(&self, term: usize) -> f32 {
        let n = self.docs as f32;
        let df = self.df[term] as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Runs a query; at most `limit` hits, best first.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        let words = Self::parse(query);
        let n_docs = self.docs;
        if words.is_empty() || n_docs == 0 {
            return Results::default();
        }
        let candidates: Vec<Vec<Candidate>> = words.iter().map(|w| self.candidates(w)).collect();
        let (total, coverage, touched) = self
            .score_conjunctive(&words, &candidates)
            .unwrap_or_else(|| self.score_all(&words, &candidates));

        // AND first: only the documents that match the most required words.
        let best_coverage = touched
            .iter()
            .map(|&d| coverage[d as usize])
            .max()
            .unwrap_or(0);
        let ranked = touched
            .into_iter()
            .filter(|&d| coverage[d as usize] == best_coverage)
            .map(|d| Hit {
                doc: d as usize,
                item: None,
                score: total[d as usize],
            });
        let mut hits = top_k(ranked, limit, &|a: &Hit, b: &Hit| {
            a.score > b.score || (a.score == b.score && a.doc < b.doc)
        });
        for hit in &mut hits {
            hit.item = self.best_item(hit.doc as u32, &candidates);
        }
        let mut matched_terms: Vec<String> = candidates
            .iter()
            .flatten()
            .map(|c| self.terms[c.term as usize].to_string())
            .collect();
        sort_by(&mut matched_terms, &|a, b| a.cmp(b));
        matched_terms.dedup();
        Results {
            hits,
            terms: matched_terms,
        }
    }

    /// Scores every document that matches any word: per document, the sum over words of the
    /// word's best-matching term; and how many required words each matches.
    fn score_all(
        &self,
        words: &[QueryWord],
        candidates: &[Vec<Candidate>],
    ) -> (Vec<f32>, Vec<u8>, Vec<u32>) {
        let n_docs = self.docs;
        let mut total = vec![0f32; n_docs];
        let mut coverage = vec![0u8; n_docs];
        let mut word_best = vec![0f32; n_docs];
        let mut term_acc = vec![0f32; n_docs];
        let mut touched_word: Vec<u32> = Vec::new();
        let mut touched_term: Vec<u32> = Vec::new();
        let mut touched: Vec<u32> = Vec::new();
        for (word, cands) in words.iter().zip(candidates) {
            for c in cands {
                let t = c.term as usize;
                let idf = self.idf(t);
                for &p in &self.postings[t] {
                    let d = p.doc as usize;
                    if term_acc[d] == 0.0 {
                        touched_term.push(p.doc);
                    }
                    term_acc[d] += self.posting_score(p, idf, c.factor);
                }
                // A word scores by its best-matching term in each document.
                for &d in &touched_term {
                    let d = d as usize;
                    if word_best[d] == 0.0 {
                        touched_word.push(d as u32);
                    }
                    word_best[d] = word_best[d].max(term_acc[d]);
                    term_acc[d] = 0.0;
                }
                touched_term.clear();
            }
            for &d in &touched_word {
                let d = d as usize;
                if total[d] == 0.0 && coverage[d] == 0 {
                    touched.push(d as u32);
                }
                total[d] += word_best[d];
                if word.required {
                    coverage[d] += 1;
                }
                word_best[d] = 0.0;
            }
            touched_word.clear();
        }
        (total, coverage, touched)
    }

    /// The same scores, computed the fast way when some document matches every required word:
    /// the rarest required word is scanned in full, and every other word is only looked up in the
    /// documents still in the running (each posting list is in document order). `None` when no
    /// document has all the required words; the caller then scores everything.
    fn score_conjunctive(
        &self,
        words: &[QueryWord],
        candidates: &[Vec<Candidate>],
    ) -> Option<(Vec<f32>, Vec<u8>, Vec<u32>)> {
        let cost = |w: usize| {
            candidates[w]
                .iter()
                .map(|c| self.postings[c.term as usize].len())
                .sum::<usize>()
        };
        let mut required: Vec<usize> = (0..words.len()).filter(|&w| words[w].required).collect();
        if required.len() < 2 {
            return None;
        }
        sort_by(&mut required, &|a, b| cost(*a).cmp(&cost(*b)));
        let first = required[0];
        let (mut total, _, touched) =
            self.score_all(&words[first..=first], &candidates[first..=first]);
        let mut alive: Vec<u32> = touched;
        let mut in_alive = vec![false; self.docs];
        let mut word_best = vec![0f32; self.docs];
        let mut term_acc = vec![0f32; self.docs];
        let optional = (0..words.len()).filter(|&w| !words[w].required);
        for w in required[1..].iter().copied().chain(optional) {
            let cands = &candidates[w];
            // Look the word up in each remaining document, or scan its postings once: whichever
            // reads fewer postings.
            if alive.len() * cands.len() * 16 < cost(w) {
                for &d in &alive {
                    word_best[d as usize] = self.word_score_in(d, cands);
                }
            } else {
                for &d in &alive {
                    in_alive[d as usize] = true;
                }
                for c in cands {
                    let idf = self.idf(c.term as usize);
                    for &p in &self.postings[c.term as usize] {
                        if in_alive[p.doc as usize] {
                            term_acc[p.doc as usize] += self.posting_score(p, idf, c.factor);
                        }
                    }
                    for &d in &alive {
                        let d = d as usize;
                        word_best[d] = word_best[d].max(term_acc[d]);
                        term_acc[d] = 0.0;
                    }
                }
                for &d in &alive {
                    in_alive[d as usize] = false;
                }
            }
            let mut kept = Vec::with_capacity(alive.len());
            for &d in &alive {
                let score = std::mem::take(&mut word_best[d as usize]);
                if score > 0.0 {
                    total[d as usize] += score;
                    kept.push(d);
                } else if !words[w].required {
                    kept.push(d);
                }
            }
            alive = kept;
            if alive.is_empty() {
                return None;
            }
        }
        let n = required.len() as u8;
        let mut coverage = vec![0u8; self.docs];
        for &d in &alive {
            coverage[d as usize] = n;
        }
        Some((total, coverage, alive))
    }

    /// One word's score in one document: its best-matching term, summed over that term's fields.
    fn word_score_in(&self, doc: u32, cands: &[Candidate]) -> f32 {
        let mut best = 0f32;
        for c in cands {
            let list = &self.postings[c.term as usize];
            let from = list.partition_point(|p| p.doc < doc);
            if list.get(from).is_none_or(|p| p.doc != doc) {
                continue;
            }
            let idf = self.idf(c.term as usize);
            let s: f32 = list[from..]
                .iter()
                .take_while(|p| p.doc == doc)
                .map(|&p| self.posting_score(p, idf, c.factor))
                .sum();
            best = best.max(s);
        }
        best
    }

    /// The FAQ item of `doc` to point at, if any: one that holds a query word the question itself
    /// (title, tags, answer) does not, or that matches better than the question does; the item
    /// with the most query words wins, then the higher score. Looked up for the top hits only
    /// (postings are in document order, so each list is searched, not scanned).
    fn best_item(&self, doc: u32, candidates: &[Vec<Candidate>]) -> Option<usize> {
        let mut own_words = 0u32;
        let mut own_score = 0f32;
        let mut items: Vec<(u16, f32, u32)> = Vec::new();
        for (w, cands) in candidates.iter().enumerate() {
            let bit = 1u32 << w.min(31);
            for c in cands {
                let list = &self.postings[c.term as usize];
                let idf = self.idf(c.term as usize);
                let from = list.partition_point(|p| p.doc < doc);
                for &p in list[from..].iter().take_while(|p| p.doc == doc) {
                    let s = self.posting_score(p, idf, c.factor);
                    if p.item == NO_ITEM {
                        own_words |= bit;
                        own_score += s;
                    } else if let Some(e) = items.iter_mut().find(|e| e.0 == p.item) {
                        e.1 += s;
                        e.2 |= bit;
                    } else {
                        items.push((p.item, s, bit));
                    }
                }
            }
        }
        items
            .into_iter()
            .filter(|&(_, score, words)| words & !own_words != 0 || score > own_score)
            .max_by(|a, b| {
                (a.2.count_ones(), a.1)
                    .partial_cmp(&(b.2.count_ones(), b.1))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(b.0.cmp(&a.0))
            })
            .map(|(item, _, _)| usize::from(item))
    }

    /// For a query with no results: the closest words the guide does contain, as they are written
    /// there ("zasilek" → "zasiłek"), most frequent first.
    pub fn suggestions(&self, query: &str, limit: usize) -> Vec<String> {
        let mut out: Vec<(usize, u32, String)> = Vec::new();
        for word in Self::parse(query) {
            let w = &word.forms[0];
            if w.chars().count() < 3 || self.term_id(w).is_some() {
                continue;
            }
            let chars: Vec<char> = w.chars().collect();
            let max = max_edits(w).max(1) + 1;
            for (i, t) in self.terms.iter().enumerate() {
                let t_len = t.chars().count();
                if t_len.abs_diff(chars.len()) > max || t_len < 3 {
                    continue;
                }
                let d = edit_distance(&chars, t, max);
                if d <= max {
                    let written = if self.surface[i].is_empty() {
                        &self.terms[i]
                    } else {
                        &self.surface[i]
                    };
                    out.push((d, self.df[i], written.to_string()));
                }
            }
        }
        sort_by(&mut out, &|a, b| {
            a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
        });
        let mut seen = Vec::new();
        for (_, _, s) in out {
            if !seen.contains(&s) {
                seen.push(s);
            }
            if seen.len() == limit {
                break;
            }
        }
        seen
    }
}

/// Builds a [`SearchIndex`] one document at a time, so that a large guide can be indexed in
/// slices between frames without blocking the page.
#[derive(Default)]
pub struct IndexBuilder {
    /// Term ids by term: short terms (most) with the text inline in the table, so a lookup does
    /// not chase a pointer; longer ones by `String`.
    short_ids: FastMap<ShortKey, u32>,
    long_ids: FastMap<String, u32>,
    buffer: String,
    postings: Vec<Vec<RawPosting>>,
    surface: Vec<Box<str>>,
    lengths: Vec<[u16; FIELDS]>,
    totals: [f64; FIELDS],
}

impl IndexBuilder {
    /// How many documents have been added.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// Adds the next document (documents are numbered in the order they are added).
    pub fn add(&mut self, doc: &DocText) {
        let IndexBuilder {
            short_ids,
            long_ids,
            buffer,
            postings,
            surface,
            lengths,
            totals,
        } = self;
        let d = lengths.len();
        let mut len = [0u16; FIELDS];
        let mut add = |text: &str, field: Field, item: u16, len: &mut [u16; FIELDS]| {
            for_each_word(text, |start, end| {
                len[field as usize] = len[field as usize].saturating_add(1);
                let word = &text[start..end];
                let mut index_form = |form: &str| {
                    let found = match ShortKey::new(form) {
                        Some(k) => short_ids.get(&k).copied(),
                        None => long_ids.get(form).copied(),
                    };
                    let id = match found {
                        Some(id) => id,
                        None => {
                            let id = postings.len() as u32;
                            postings.push(Vec::new());
                            let written = crate::text::fold::lower(word);
                            // Kept only where it differs from the term (diacritics, hyphens).
                            surface.push(if written == form {
                                Box::from("")
                            } else {
                                written.into_boxed_str()
                            });
                            match ShortKey::new(form) {
                                Some(k) => short_ids.insert(k, id),
                                None => long_ids.insert(form.to_owned(), id),
                            };
                            id
                        }
                    };
                    let list = &mut postings[id as usize];
                    match list.last_mut() {
                        Some(p) if p.same_place(d as u32, item, field as u8) => p.add_one(),
                        _ => list.push(RawPosting::new(d as u32, item, field as u8)),
                    }
                };
                if is_compound(word) {
                    for form in forms(word) {
                        index_form(&form);
                    }
                } else {
                    normalize_into(word, buffer);
                    index_form(&buffer);
                }
            });
        };
        add(&doc.title, Field::Title, NO_ITEM, &mut len);
        for tag in &doc.tags {
            add(tag, Field::Tags, NO_ITEM, &mut len);
        }
        add(&doc.answer, Field::Answer, NO_ITEM, &mut len);
        for (i, (q, a)) in doc.faq.iter().enumerate() {
            let item = i.min(usize::from(NO_ITEM - 1)) as u16;
            add(q, Field::FaqQuestion, item, &mut len);
            add(a, Field::FaqAnswer, item, &mut len);
        }
        for f in 0..FIELDS {
            totals[f] += f64::from(len[f]);
        }
        lengths.push(len);
    }

    /// Sorts the dictionary and computes the BM25 weights: the index is ready.
    pub fn finish(self) -> SearchIndex {
        let IndexBuilder {
            short_ids,
            long_ids,
            mut postings,
            mut surface,
            lengths,
            totals,
            ..
        } = self;
        // Sort the dictionary; renumber the postings and surfaces to match.
        let mut order: Vec<(String, u32)> = long_ids
            .into_iter()
            .chain(short_ids.into_iter().map(|(k, id)| (k.to_string(), id)))
            .collect();
        sort_by(&mut order, &|a, b| a.0.cmp(&b.0));
        let mut sorted_postings = Vec::with_capacity(order.len());
        let mut sorted_surface = Vec::with_capacity(order.len());
        let mut terms = Vec::with_capacity(order.len());
        let mut df = Vec::with_capacity(order.len());
        let mut stems = Vec::with_capacity(order.len());
        let n = lengths.len().max(1) as f64;
        let avg_length = totals.map(|t| ((t / n) as f32).max(1.0));
        for (i, (term, old)) in order.into_iter().enumerate() {
            let raw = std::mem::take(&mut postings[old as usize]);
            // Same size and alignment: `collect` reuses the raw list's memory in place, so the
            // memory peak does not double; then the growth slack is given back.
            let mut list: Vec<Posting> = raw
                .into_iter()
                .map(|p| {
                    let f = p.field();
                    let len = f32::from(lengths[p.doc as usize][f]) / avg_length[f];
                    let tf = f32::from(p.tf());
                    let w = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len)) * FIELD_WEIGHTS[f];
                    Posting {
                        doc: p.doc,
                        item: p.item(),
                        weight: (w * WEIGHT_SCALE).round().min(65535.0) as u16,
                    }
                })
                .collect();
            list.shrink_to_fit();
            let mut docs_with = 0u32;
            let mut last = u32::MAX;
            for p in &list {
                if p.doc != last {
                    docs_with += 1;
                    last = p.doc;
                }
            }
            df.push(docs_with);
            sorted_postings.push(list);
            sorted_surface.push(std::mem::take(&mut surface[old as usize]));
            stems.push((stem(&term).into(), i as u32));
            terms.push(term.into_boxed_str());
        }
        sort_by(&mut stems, &|a, b| a.cmp(b));
        SearchIndex {
            terms,
            postings: sorted_postings,
            df,
            surface: sorted_surface,
            stems,
            docs: lengths.len(),
        }
    }
}

/// How many typos a word may have and still match: none below five letters, one from five, two
/// from eight.
pub fn max_edits(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// The optimal-string-alignment distance between `a` and `b` (a transposition counts as one
/// edit), or `max + 1` as soon as it must exceed `max`.
pub fn edit_distance(a: &[char], b: &str, max: usize) -> usize {
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return max + 1;
    }
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m].min(max + 1)
}

/// Whether `query` has anything to search for.
pub fn is_searchable(query: &str) -> bool {
    normalize(query)
        .chars()
        .any(crate::text::fold::is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, tags: &[&str], answer: &str, faq: &[(&str, &str)]) -> DocText {
        DocText {
            title: title.into(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            answer: answer.into(),
            faq: faq
                .iter()
                .map(|(q, a)| (q.to_string(), a.to_string()))
                .collect(),
        }
    }

    fn corpus() -> Vec<DocText> {
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

    fn top(index: &SearchIndex, q: &str) -> Vec<usize> {
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
    fn the_word_being_typed_matches_as_a_prefix() {
        let i = SearchIndex::build(&corpus());
        assert_eq!(top(&i, "segreg")[0], 3);
        assert_eq!(top(&i, "zamel")[0], 2);
        assert!(top(&i, "segreg ").is_empty() || top(&i, "segreg ")[0] == 3);
    }

    #[test]
    fn tolerates_typos_scaled_to_word_length() {
        let i = SearchIndex::build(&corpus());
        assert_eq!(top(&i, "segergacja ")[0], 3, "a transposition");
        assert_eq!(top(&i, "swiadczneie ")[0], 4);
        // Short words need to be exact: "ikq" is not "ikp".
        assert!(top(&i, "ikq ").is_empty());
        assert_eq!(max_edits("ikp"), 0);
        assert_eq!(max_edits("dowod"), 1);
        assert_eq!(max_edits("segregacja"), 2);
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
    fn a_match_inside_a_faq_item_points_at_it() {
        let i = SearchIndex::build(&corpus());
        let r = i.search("choinka ", 3);
        assert_eq!(r.hits[0].doc, 3);
        assert_eq!(r.hits[0].item, Some(0));
        let r = i.search("segregacja ", 3);
        assert_eq!(
            r.hits[0].item, None,
            "a match in the question itself points at the page"
        );
    }

    #[test]
    fn every_meaningful_word_must_match_but_stopwords_need_not() {
        let i = SearchIndex::build(&corpus());
        assert_eq!(top(&i, "gdzie zameldowanie "), vec![2]);
        assert_eq!(
            top(&i, "dowód osobisty "),
            vec![1],
            "both words, one document"
        );
        // No document has both words: the best partial matches are shown rather than nothing.
        assert_eq!(top(&i, "dowód zasiłek ").len(), 2);
    }

    #[test]
    fn short_prefixes_do_bounded_work_and_still_answer() {
        let i = SearchIndex::build(&corpus());
        assert!(!i.search("z", 10).hits.is_empty());
        assert!(!i.search("ś", 10).hits.is_empty());
        assert!(i.search("", 10).hits.is_empty());
        assert!(i.search("  ?! ", 10).hits.is_empty());
    }

    #[test]
    fn suggests_the_closest_written_words() {
        let i = SearchIndex::build(&corpus());
        let s = i.suggestions("segrgcja", 3);
        assert!(s.iter().any(|w| w == "segregacja"), "{s:?}");
        let s = i.suggestions("swiadczenei", 3);
        assert!(s.iter().any(|w| w == "świadczenie"), "{s:?}");
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

    #[test]
    fn typos_in_cyrillic_count_letters_not_bytes() {
        let docs = vec![doc("Довідка для мешканців", &[], "Текст.", &[])];
        let i = SearchIndex::build(&docs);
        assert_eq!(top(&i, "довдка "), vec![0]);
    }

    #[test]
    fn very_long_queries_are_cut_not_fatal() {
        let i = SearchIndex::build(&corpus());
        let q = format!("{}qqqqqq", "zasilek ".repeat(300));
        let _ = i.search(&q, 10);
        let decomposed = i.search("s\u{301}wiadczenie ", 3);
        assert_eq!(decomposed.hits.first().map(|h| h.doc), Some(4));
    }

    #[test]
    fn building_in_slices_gives_the_same_index() {
        let docs = corpus();
        let whole = SearchIndex::build(&docs);
        let mut builder = IndexBuilder::default();
        for d in &docs {
            builder.add(d);
        }
        assert_eq!(builder.len(), docs.len());
        let sliced = builder.finish();
        for q in ["zasilek", "dowod osobisty", "800+", "seg", "choinka "] {
            assert_eq!(whole.search(q, 5).hits, sliced.search(q, 5).hits, "{q}");
        }
    }

    #[test]
    fn edit_distance_counts_transpositions_once() {
        let d = |a: &str, b: &str| edit_distance(&a.chars().collect::<Vec<_>>(), b, 3);
        assert_eq!(d("segergacja", "segregacja"), 1);
        assert_eq!(d("kot", "kot"), 0);
        assert_eq!(d("kot", "kto"), 1);
        assert_eq!(d("kot", "pies"), 4.min(3 + 1));
        assert_eq!(d("abcdef", "ghijkl"), 4);
    }
}
