//! Running a query: the query parsed into words (the last one a prefix while it is being typed,
//! stopwords optional), the terms each word matches (the same word, the same stem, a prefix, or
//! within a few typos) with what each kind of match is worth, BM25 scoring (the term's idf times
//! the weight stored in its postings), AND-first ranking with a bounded top-k, the FAQ item to
//! point at, and suggestions for a query with no results.

use super::fuzzy::{edit_distance, max_edits};
use super::{Hit, Posting, Results, SearchIndex, NO_ITEM, WEIGHT_SCALE};
use crate::search::normalize::normalize;
use crate::search::order::{sort_by, top_k};
use crate::search::stem::stem;
use crate::search::tokenize::tokenize;

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
/// How many terms a prefix being typed may expand to.
pub(super) fn prefix_cap(prefix: &str) -> usize {
    if prefix.chars().count() <= 2 {
        PREFIX_CAP_SHORT
    } else {
        PREFIX_CAP
    }
}

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

/// A term that a query word matches, and what that kind of match is worth.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) term: u32,
    pub(super) factor: f32,
}

/// One word of the query, with the forms it answers to.
pub(super) struct QueryWord {
    pub(super) forms: Vec<String>,
    /// The last word while it is being typed: it also matches as a prefix.
    pub(super) typing: bool,
    /// Not a stopword (or a query of stopwords only).
    pub(super) required: bool,
}

impl QueryWord {
    /// A word such as "w" or "jak": a result need not contain it (see `STOPWORDS`).
    pub(super) fn is_stopword(&self) -> bool {
        STOPWORDS.contains(&self.forms[0].as_str())
    }
}

/// Whether a match is of the word itself or a typo of it (the others being its stem, and a
/// prefix of the word being typed).
pub(super) fn is_whole_word_match(factor: f32) -> bool {
    factor == EXACT || factor == FUZZY
}

impl SearchIndex {
    pub(super) fn parse(query: &str) -> Vec<QueryWord> {
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
    pub(super) fn candidates(&self, word: &QueryWord) -> Vec<Candidate> {
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
            let cap = prefix_cap(primary);
            // The most frequent terms of the range, at most `cap` of them and at most
            // PREFIX_POSTINGS postings in all: that bounds the work of a short prefix.
            let mut budget = PREFIX_POSTINGS;
            for id in top_k(range, cap, &|a, b| self.df[*a] > self.df[*b]) {
                let cost = self.count(id);
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
        self.rank(&words, &candidates, limit)
    }

    /// Ranks the documents for `words`, each matching `candidates` (terms of this index): at most
    /// `limit` hits, best first.
    pub(super) fn rank(
        &self,
        words: &[QueryWord],
        candidates: &[Vec<Candidate>],
        limit: usize,
    ) -> Results {
        if words.is_empty() || self.docs == 0 {
            return Results::default();
        }
        let (total, coverage, touched) = self
            .score_conjunctive(words, candidates)
            .unwrap_or_else(|| self.score_all(words, candidates));

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
            hit.item = self.best_item(hit.doc as u32, candidates);
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

/// Whether `query` has anything to search for.
pub fn is_searchable(query: &str) -> bool {
    normalize(query)
        .chars()
        .any(crate::text::fold::is_word_char)
}

#[cfg(test)]
mod tests {
    use crate::search::index::tests::{corpus, top};
    use crate::search::index::SearchIndex;

    #[test]
    fn the_word_being_typed_matches_as_a_prefix() {
        let i = SearchIndex::build(&corpus());
        assert_eq!(top(&i, "segreg")[0], 3);
        assert_eq!(top(&i, "zamel")[0], 2);
        assert!(top(&i, "segreg ").is_empty() || top(&i, "segreg ")[0] == 3);
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
    fn very_long_queries_are_cut_not_fatal() {
        let i = SearchIndex::build(&corpus());
        let q = format!("{}qqqqqq", "zasilek ".repeat(300));
        let _ = i.search(&q, 10);
        let decomposed = i.search("s\u{301}wiadczenie ", 3);
        assert_eq!(decomposed.hits.first().map(|h| h.doc), Some(4));
    }
}
