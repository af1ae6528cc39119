//! The inverted index and the query: BM25 per field with field weights, AND-first, prefix
//! matching for the word being typed, stems, typo tolerance scaled to word length, and a bounded
//! amount of work per keystroke (capped prefix expansion, top-k).

use std::collections::HashMap;

use super::normalize::normalize;
use super::order::{sort_by, top_k};
use super::stem::stem;
use super::tokenize::tokenize;

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

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    item: u16,
    field: u8,
    tf: u16,
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
    /// Words per field, per document.
    lengths: Vec<[u16; FIELDS]>,
    avg_length: [f32; FIELDS],
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
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<Vec<Posting>> = Vec::new();
        let mut surface: Vec<Box<str>> = Vec::new();
        let mut lengths = Vec::with_capacity(docs.len());
        let mut totals = [0f64; FIELDS];

        for (d, doc) in docs.iter().enumerate() {
            let mut len = [0u16; FIELDS];
            let mut add = |text: &str, field: Field, item: u16, len: &mut [u16; FIELDS]| {
                for token in tokenize(text) {
                    len[field as usize] = len[field as usize].saturating_add(1);
                    for form in &token.forms {
                        let next = postings.len() as u32;
                        let id = *ids.entry(form.clone()).or_insert_with(|| {
                            postings.push(Vec::new());
                            surface.push(
                                crate::text::fold::lower(&text[token.start..token.end])
                                    .into_boxed_str(),
                            );
                            next
                        });
                        let list = &mut postings[id as usize];
                        match list.last_mut() {
                            Some(p)
                                if p.doc == d as u32
                                    && p.field == field as u8
                                    && p.item == item =>
                            {
                                p.tf = p.tf.saturating_add(1)
                            }
                            _ => list.push(Posting {
                                doc: d as u32,
                                item,
                                field: field as u8,
                                tf: 1,
                            }),
                        }
                    }
                }
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

        // Sort the dictionary; renumber the postings and surfaces to match.
        let mut order: Vec<(String, u32)> = ids.into_iter().collect();
        sort_by(&mut order, &|a, b| a.0.cmp(&b.0));
        let mut sorted_postings = Vec::with_capacity(order.len());
        let mut sorted_surface = Vec::with_capacity(order.len());
        let mut terms = Vec::with_capacity(order.len());
        let mut df = Vec::with_capacity(order.len());
        let mut stems = Vec::with_capacity(order.len());
        for (i, (term, old)) in order.into_iter().enumerate() {
            let list = std::mem::take(&mut postings[old as usize]);
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
        let n = docs.len().max(1) as f64;
        let avg_length = totals.map(|t| ((t / n) as f32).max(1.0));
        SearchIndex {
            terms,
            postings: sorted_postings,
            df,
            surface: sorted_surface,
            stems,
            lengths,
            avg_length,
        }
    }

    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
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
        let tokens = tokenize(query);
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
            // The most frequent terms of the range, at most `cap`.
            for id in top_k(range, cap, &|a, b| self.df[*a] > self.df[*b]) {
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
                t.len().abs_diff(word.len()) <= max && edit_distance(&w, t, max) <= max
            })
            .map(|i| i as u32)
            .collect()
    }

    /// Runs a query; at most `limit` hits, best first.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        let words = Self::parse(query);
        let n_docs = self.lengths.len();
        if words.is_empty() || n_docs == 0 {
            return Results::default();
        }
        let mut total = vec![0f32; n_docs];
        let mut coverage = vec![0u8; n_docs];
        let mut main = vec![0f32; n_docs];
        // Which query words (a bit each) matched outside any FAQ item, and in each FAQ item.
        let mut main_words = vec![0u32; n_docs];
        let mut items: HashMap<(u32, u16), (f32, u32)> = HashMap::new();
        let mut word_best = vec![0f32; n_docs];
        let mut term_acc = vec![0f32; n_docs];
        let mut touched_word: Vec<u32> = Vec::new();
        let mut touched_term: Vec<u32> = Vec::new();
        let mut touched: Vec<u32> = Vec::new();
        let mut matched_terms: Vec<String> = Vec::new();
        let n = n_docs as f32;

        for (w, word) in words.iter().enumerate() {
            let bit = 1u32 << w.min(31);
            for c in self.candidates(word) {
                let t = c.term as usize;
                matched_terms.push(self.terms[t].to_string());
                let df = self.df[t] as f32;
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                for p in &self.postings[t] {
                    let d = p.doc as usize;
                    let f = usize::from(p.field);
                    let len = f32::from(self.lengths[d][f]) / self.avg_length[f];
                    let tf = f32::from(p.tf);
                    let s = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len))
                        * FIELD_WEIGHTS[f]
                        * c.factor;
                    if term_acc[d] == 0.0 {
                        touched_term.push(p.doc);
                    }
                    term_acc[d] += s;
                    if p.item == NO_ITEM {
                        main[d] += s;
                        main_words[d] |= bit;
                    } else {
                        let e = items.entry((p.doc, p.item)).or_insert((0.0, 0));
                        e.0 += s;
                        e.1 |= bit;
                    }
                }
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

        // AND first: only the documents that match the most required words.
        let best_coverage = touched
            .iter()
            .map(|&d| coverage[d as usize])
            .max()
            .unwrap_or(0);
        let mut hits: Vec<Hit> = touched
            .into_iter()
            .filter(|&d| coverage[d as usize] == best_coverage)
            .map(|d| Hit {
                doc: d as usize,
                item: None,
                score: total[d as usize],
            })
            .collect();
        let by_score = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc));
        if hits.len() > limit && limit > 0 {
            hits.select_nth_unstable_by(limit - 1, by_score);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(by_score);
        hits.truncate(limit);
        // Point at an FAQ item when it holds a query word that the question itself (title, tags,
        // answer) does not, or when it matches better than the question does: the item with the
        // most query words wins, then the higher score.
        for hit in &mut hits {
            let own = main_words[hit.doc];
            let best_item = items
                .iter()
                .filter(|((d, _), (score, mask))| {
                    *d as usize == hit.doc && (mask & !own != 0 || *score > main[hit.doc])
                })
                .max_by(|a, b| {
                    (a.1 .1.count_ones(), a.1 .0)
                        .partial_cmp(&(b.1 .1.count_ones(), b.1 .0))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(b.0 .1.cmp(&a.0 .1))
                });
            if let Some(((_, item), _)) = best_item {
                hit.item = Some(usize::from(*item));
            }
        }
        sort_by(&mut matched_terms, &|a, b| a.cmp(b));
        matched_terms.dedup();
        Results {
            hits,
            terms: matched_terms,
        }
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
                if t.len().abs_diff(w.len()) > max || t.chars().count() < 3 {
                    continue;
                }
                let d = edit_distance(&chars, t, max);
                if d <= max {
                    out.push((d, self.df[i], self.surface[i].to_string()));
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
    fn edit_distance_counts_transpositions_once() {
        let d = |a: &str, b: &str| edit_distance(&a.chars().collect::<Vec<_>>(), b, 3);
        assert_eq!(d("segergacja", "segregacja"), 1);
        assert_eq!(d("kot", "kot"), 0);
        assert_eq!(d("kot", "kto"), 1);
        assert_eq!(d("kot", "pies"), 4.min(3 + 1));
        assert_eq!(d("abcdef", "ghijkl"), 4);
    }
}
