//! The inverted index and the query: BM25 per field with field weights, AND-first, prefix
//! matching for the word being typed, stems, typo tolerance scaled to word length, and a bounded
//! amount of work per keystroke (capped prefix expansion, top-k).

use std::borrow::Cow;

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

/// Where a word stands in a document, packed: the FAQ item (16 bits) and the field (3 bits),
/// leaving 13 bits for the term's count there.
fn place(item: u16, field: Field) -> u32 {
    (u32::from(item) << 16) | ((field as u32) << 13)
}

const TF_MASK: u32 = 0x1FFF;

/// Entries per block while building (256 KB).
const ENTRY_BLOCK: usize = 32 * 1024;

/// While building: one term in one place of a document with its count (the document is known
/// from where the entry stands).
#[derive(Debug, Clone, Copy)]
struct Entry {
    term: u32,
    packed: u32,
}

impl Entry {
    fn item(self) -> u16 {
        (self.packed >> 16) as u16
    }
    fn field(self) -> usize {
        ((self.packed >> 13) & 0x7) as usize
    }
    fn tf(self) -> u16 {
        (self.packed & TF_MASK) as u16
    }
}

/// The terms seen while building, each with its id: an open-addressing table of 8-byte slots
/// (the term's hash and its id) over the terms' own text in one string. A general hash map kept
/// a copy of each key in 32-byte buckets: twice the memory, and the lookup of every word of the
/// guide was the largest cost of building.
#[derive(Default)]
struct Interner {
    /// `(hash << 32) | (id + 1)`; 0 is an empty slot. The length is a power of two.
    slots: Vec<u64>,
    /// The terms by id.
    names: Strings,
}

impl Interner {
    /// FxHash-style mixing of the bytes, eight at a time.
    fn hash(term: &str) -> u32 {
        let mix = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        let mut h: u64 = term.len() as u64;
        let mut chunks = term.as_bytes().chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            h = mix(h, u64::from_le_bytes(b));
        }
        let tail = chunks
            .remainder()
            .iter()
            .rev()
            .fold(0u64, |w, &b| (w << 8) | u64::from(b));
        h = mix(h, tail);
        (h >> 32) as u32
    }

    /// The id of `term`, and whether it is new.
    fn intern(&mut self, term: &str) -> (u32, bool) {
        // At most half full, so a probe is short.
        if (self.names.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let h = Self::hash(term);
        let mask = self.slots.len() - 1;
        let mut pos = h as usize & mask;
        loop {
            let slot = self.slots[pos];
            if slot == 0 {
                let id = self.names.len() as u32;
                self.names.push(term);
                self.slots[pos] = (u64::from(h) << 32) | u64::from(id + 1);
                return (id, true);
            }
            if (slot >> 32) as u32 == h {
                let id = (slot as u32) - 1;
                if self.names.get(id as usize) == term {
                    return (id, false);
                }
            }
            pos = (pos + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|&s| s != 0) {
            let mut pos = (slot >> 32) as usize & mask;
            while self.slots[pos] != 0 {
                pos = (pos + 1) & mask;
            }
            self.slots[pos] = slot;
        }
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
    pub fn build(docs: &[DocText<'_>]) -> SearchIndex {
        let mut builder = IndexBuilder::default();
        for doc in docs {
            builder.add(doc);
        }
        builder.finish()
    }

    /// Builds the index from documents produced one at a time, so that their texts need not all be
    /// in memory at once (the WebAssembly memory only ever grows).
    pub fn build_from<'a>(docs: impl IntoIterator<Item = DocText<'a>>) -> SearchIndex {
        let mut builder = IndexBuilder::default();
        for doc in docs {
            builder.add(&doc);
        }
        builder.finish()
    }
    /// About how many bytes of memory the index holds (its vectors and strings).
    pub fn heap_bytes(&self) -> usize {
        self.terms.heap_bytes()
            + self.surface.heap_bytes()
            + self.stem_keys.heap_bytes()
            + self.postings.capacity() * std::mem::size_of::<Posting>()
            + (self.starts.capacity()
                + self.df.capacity()
                + self.stem_starts.capacity()
                + self.stem_terms.capacity())
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
        // A few dozen terms at most (the prefix expansion is capped): a list does, and keeps
        // a hash map's code out of the WebAssembly.
        let mut found: Vec<Candidate> = Vec::new();
        fn put(found: &mut Vec<Candidate>, term: u32, factor: f32) {
            match found.iter_mut().find(|c| c.term == term) {
                Some(c) => c.factor = c.factor.max(factor),
                None => found.push(Candidate { term, factor }),
            }
        }
        for form in &word.forms {
            if let Some(id) = self.term_id(form) {
                put(&mut found, id, EXACT);
            }
            let s = stem(form);
            let k = self.stem_keys.lower_bound(s);
            if k < self.stem_keys.len() && self.stem_keys.get(k) == s {
                let range = self.stem_starts[k] as usize..self.stem_starts[k + 1] as usize;
                for &id in &self.stem_terms[range] {
                    put(&mut found, id, STEM);
                }
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
                let cost = self.list(id).len();
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
                let t = self.term(i);
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
                let postings = c.iter().map(|c| self.list(c.term as usize).len()).sum();
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
        // A document that matches none of the meaningful words (only a stopword such as "w")
        // answers nothing.
        let ranked = touched
            .into_iter()
            .filter(|&d| best_coverage > 0 && coverage[d as usize] == best_coverage)
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
            .map(|c| self.term(c.term as usize).to_string())
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
                for &p in self.list(t) {
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
                .map(|c| self.list(c.term as usize).len())
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
                    for &p in self.list(c.term as usize) {
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
            let list = self.list(c.term as usize);
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
                let list = self.list(c.term as usize);
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
            for i in 0..self.terms.len() {
                let t = self.term(i);
                let t_len = t.chars().count();
                if t_len.abs_diff(chars.len()) > max || t_len < 3 {
                    continue;
                }
                let d = edit_distance(&chars, t, max);
                if d <= max {
                    let written = match self.surface.get(i) {
                        "" => t,
                        s => s,
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
///
/// Each word of a document either counts once more in its term's latest entry (the same place of
/// the same document) or appends a new entry to one list; `finish` sorts the dictionary and moves
/// every entry to its term's place in one flat array of postings. No list per term is grown word
/// by word: that was three cache misses per word, and 24 bytes and some slack per term.
#[derive(Default)]
pub struct IndexBuilder {
    /// The terms by id, in the order they were first seen, and how each was first written where
    /// that differs.
    terms: Interner,
    surface: Vec<(u32, Box<str>)>,
    /// Per term: its postings and the documents it is in.
    counts: Vec<u32>,
    df: Vec<u32>,
    buffer: String,
    /// Per term: the document (numbered from 1) and the position of its latest entry.
    latest: Vec<(u32, u32)>,
    /// The entries of every document so far, in blocks of a fixed size: a single vector would
    /// double as it grows and, for a moment, hold its old and new copies (the peak that sets the
    /// size of the WebAssembly memory, which never shrinks).
    entries: Vec<Vec<Entry>>,
    entry_count: usize,
    /// Where each document's entries end.
    doc_ends: Vec<u32>,
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

    /// The id of `form`, a new one when it is new (`word` is how the text wrote it).
    fn intern(&mut self, form: &str, word: &str) -> u32 {
        let (id, new) = self.terms.intern(form);
        if new {
            self.counts.push(0);
            self.df.push(0);
            self.latest.push((0, 0));
            let written = crate::text::fold::lower(word);
            // Kept only where it differs from the term (diacritics, hyphens).
            if written != form {
                self.surface.push((id, written.into_boxed_str()));
            }
        }
        id
    }

    fn add_text(&mut self, text: &str, field: Field, item: u16, len: &mut [u16; FIELDS]) {
        let place = place(item, field);
        let mut buffer = std::mem::take(&mut self.buffer);
        for_each_word(text, |start, end| {
            len[field as usize] = len[field as usize].saturating_add(1);
            let word = &text[start..end];
            if is_compound(word) {
                for form in forms(word) {
                    let id = self.intern(&form, word);
                    self.count(id, place);
                }
            } else {
                normalize_into(word, &mut buffer);
                let id = self.intern(&buffer, word);
                self.count(id, place);
            }
        });
        self.buffer = buffer;
    }

    /// One more occurrence of term `id` in `place` of the current document: its count goes up
    /// when the term's latest entry is that place of this document (each place's words come in
    /// one run), else a new entry.
    fn count(&mut self, id: u32, place: u32) {
        let doc = self.lengths.len() as u32 + 1;
        let (latest_doc, latest) = self.latest[id as usize];
        if latest_doc == doc {
            let e = &mut self.entries[latest as usize / ENTRY_BLOCK][latest as usize % ENTRY_BLOCK];
            if e.packed & !TF_MASK == place {
                if e.packed & TF_MASK < TF_MASK {
                    e.packed += 1;
                }
                return;
            }
        } else {
            self.df[id as usize] += 1;
        }
        self.counts[id as usize] += 1;
        if self.entries.last().is_none_or(|b| b.len() == ENTRY_BLOCK) {
            self.entries.push(Vec::with_capacity(ENTRY_BLOCK));
        }
        if let Some(block) = self.entries.last_mut() {
            block.push(Entry {
                term: id,
                packed: place | 1,
            });
        }
        self.latest[id as usize] = (doc, self.entry_count as u32);
        self.entry_count += 1;
    }

    /// Adds the next document (documents are numbered in the order they are added).
    pub fn add(&mut self, doc: &DocText<'_>) {
        let mut len = [0u16; FIELDS];
        self.add_text(&doc.title, Field::Title, NO_ITEM, &mut len);
        for tag in doc.tags.iter() {
            self.add_text(tag, Field::Tags, NO_ITEM, &mut len);
        }
        self.add_text(&doc.answer, Field::Answer, NO_ITEM, &mut len);
        for (i, (q, a)) in doc.faq.iter().enumerate() {
            let item = i.min(usize::from(NO_ITEM - 1)) as u16;
            self.add_text(q, Field::FaqQuestion, item, &mut len);
            self.add_text(a, Field::FaqAnswer, item, &mut len);
        }
        self.doc_ends.push(self.entry_count as u32);
        for (total, n) in self.totals.iter_mut().zip(len) {
            *total += f64::from(n);
        }
        self.lengths.push(len);
    }

    /// Sorts the dictionary and computes the BM25 weights: the index is ready.
    pub fn finish(self) -> SearchIndex {
        let IndexBuilder {
            terms: Interner { slots, names },
            mut surface,
            counts,
            df: old_df,
            entries,
            entry_count,
            doc_ends,
            lengths,
            totals,
            ..
        } = self;
        drop(slots);
        // The dictionary in order; `rank[old id]` is each term's place in it.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        sort_by(&mut order, &|a, b| {
            names.get(*a as usize).cmp(names.get(*b as usize))
        });
        let mut rank = vec![0u32; order.len()];
        let mut terms = Strings::default();
        terms.bytes.reserve_exact(names.bytes.len());
        terms.ends.reserve_exact(order.len());
        let mut starts = Vec::with_capacity(order.len() + 1);
        let mut df = Vec::with_capacity(order.len());
        starts.push(0u32);
        for (r, &old) in order.iter().enumerate() {
            rank[old as usize] = r as u32;
            terms.push(names.get(old as usize));
            starts.push(starts[r] + counts[old as usize]);
            df.push(old_df[old as usize]);
        }
        drop((names, counts, old_df));
        // Every entry to its term's place, document by document, so each term's postings are in
        // document order.
        let n = lengths.len().max(1) as f64;
        let avg_length = totals.map(|t| ((t / n) as f32).max(1.0));
        let mut postings = vec![Posting::default(); entry_count];
        let mut next: Vec<u32> = starts[..order.len()].to_vec();
        let mut from = 0usize;
        let entry = |i: usize| entries[i / ENTRY_BLOCK][i % ENTRY_BLOCK];
        for (d, &end) in doc_ends.iter().enumerate() {
            for e in (from..end as usize).map(entry) {
                let f = e.field();
                let len = f32::from(lengths[d][f]) / avg_length[f];
                let tf = f32::from(e.tf());
                let w = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len)) * FIELD_WEIGHTS[f];
                let slot = &mut next[rank[e.term as usize] as usize];
                postings[*slot as usize] = Posting {
                    doc: d as u32,
                    item: e.item(),
                    weight: (w * WEIGHT_SCALE).round().min(65535.0) as u16,
                };
                *slot += 1;
            }
            from = end as usize;
        }
        drop((entries, next));
        // How terms were written, in dictionary order.
        sort_by(&mut surface, &|a, b| {
            rank[a.0 as usize].cmp(&rank[b.0 as usize])
        });
        let mut written = Strings::default();
        let mut pending = surface.iter().peekable();
        for r in 0..order.len() as u32 {
            match pending.peek() {
                Some((old, text)) if rank[*old as usize] == r => {
                    written.push(text);
                    pending.next();
                }
                _ => written.push(""),
            }
        }
        drop(surface);
        written.shrink_to_fit();
        // Stems: each distinct stem once, with its terms.
        let mut by_stem: Vec<(&str, u32)> = (0..terms.len())
            .map(|t| (stem(terms.get(t)), t as u32))
            .collect();
        sort_by(&mut by_stem, &|a, b| a.cmp(b));
        let mut stem_keys = Strings::default();
        let mut stem_starts = Vec::new();
        let mut stem_terms = Vec::with_capacity(by_stem.len());
        for (i, (s, t)) in by_stem.iter().enumerate() {
            if i == 0 || by_stem[i - 1].0 != *s {
                stem_keys.push(s);
                stem_starts.push(i as u32);
            }
            stem_terms.push(*t);
        }
        stem_starts.push(stem_terms.len() as u32);
        stem_keys.shrink_to_fit();
        stem_starts.shrink_to_fit();
        SearchIndex {
            terms,
            postings,
            starts,
            df,
            surface: written,
            stem_keys,
            stem_starts,
            stem_terms,
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

    fn doc(title: &str, tags: &[&str], answer: &str, faq: &[(&str, &str)]) -> DocText<'static> {
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

    fn corpus() -> Vec<DocText<'static>> {
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
    fn a_query_whose_words_the_guide_lacks_finds_nothing_even_with_a_stopword() {
        let index = SearchIndex::build(&corpus());
        assert_eq!(
            top(&index, "zyrafa w ogrodzie zoologicznym"),
            Vec::<usize>::new()
        );
        assert!(!top(&index, "zasilek w mops").is_empty());
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
