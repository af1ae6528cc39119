//! Compares stemmers on the relevance set (`tests/relevance/queries.json` over the sample data):
//! our light stemmer, the Snowball Polish stemmer of `pagefind_stem` fed the folded word the index
//! stems, the same fed the lower-cased original word (diacritics kept) with its stem folded
//! afterwards, and no stemming at all. Run:
//! `cargo run --release --example compare_stemmers`
//!
//! The index folds diacritics before stemming, so the "original word" variant looks each folded
//! word up in a map to the lower-cased word it was folded from: the guide's own words (the most
//! frequent original of each folded word) while the index is built, the query's own words while
//! a query runs. A query typed without diacritics thus reaches Snowball without them, as it would
//! if the index stemmed before folding.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use pagefind_stem::{Algorithm, Stemmer};
use poradnik::data::{load_document, Guide};
use poradnik::search::index::DocText;
use poradnik::search::normalize::normalize;
use poradnik::search::stem::{light_stem, set_stemmer};
use poradnik::search::tokenize::{for_each_word, is_compound};
use poradnik::search::{documents, SearchIndex};
use poradnik::text::fold::lower;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    query: String,
    expect: String,
}

thread_local! {
    static SNOWBALL: Stemmer = Stemmer::create(Algorithm::Polish);
    /// Snowball's stems (folded), by the word it was given. Leaked: a stemmer (`fn(&str) -> &str`)
    /// returns part of its word or a string that lives for ever (a few thousand short ones here).
    static STEMS: RefCell<HashMap<String, &'static str>> = RefCell::new(HashMap::new());
    /// For the "original word" variant: each folded word's lower-cased original.
    static ORIGINALS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Snowball's stem of `word`, folded.
fn snowball(word: &str) -> &'static str {
    STEMS.with_borrow_mut(|stems| {
        if let Some(s) = stems.get(word) {
            return *s;
        }
        let stem = SNOWBALL.with(|s| normalize(&s.stem(word)));
        let stem: &'static str = Box::leak(stem.into_boxed_str());
        stems.insert(word.to_owned(), stem);
        stem
    })
}

fn snowball_folded(word: &str) -> &str {
    snowball(word)
}

fn snowball_original(word: &str) -> &str {
    ORIGINALS.with_borrow(|o| match o.get(word) {
        Some(original) => snowball(original),
        None => snowball(word),
    })
}

fn no_stem(word: &str) -> &str {
    word
}

/// Counts, for every folded form of every word of `text`, the lower-cased originals it comes
/// from: the word whole (hyphens dropped) and its hyphen-separated parts. Camel-case parts
/// ("mojeIKP") are left out: they have no diacritics, and a missing word is stemmed as folded.
fn count_originals(text: &str, counts: &mut HashMap<String, BTreeMap<String, usize>>) {
    for_each_word(text, |start, end| {
        let word = &text[start..end];
        let mut add = |w: &str| {
            *counts
                .entry(normalize(w))
                .or_default()
                .entry(lower(w))
                .or_default() += 1;
        };
        if is_compound(word) {
            add(&word.replace('-', ""));
            for part in word.trim_end_matches('+').split('-') {
                add(part);
            }
        } else {
            add(word);
        }
    });
}

/// The most frequent original of each folded word (the first in order on a tie).
fn most_frequent(counts: HashMap<String, BTreeMap<String, usize>>) -> HashMap<String, String> {
    counts
        .into_iter()
        .map(|(folded, originals)| {
            let mut best = ("", 0);
            for (o, &n) in &originals {
                if n > best.1 {
                    best = (o, n);
                }
            }
            let best = best.0.to_owned();
            (folded, best)
        })
        .collect()
}

fn document_text<'a>(d: &'a DocText<'_>) -> impl Iterator<Item = &'a str> {
    std::iter::once(d.title.as_ref())
        .chain(d.tags.iter().map(String::as_str))
        .chain(std::iter::once(d.answer.as_str()))
        .chain(d.faq.iter().flat_map(|(q, a)| [q.as_ref(), a.as_str()]))
}

struct Run {
    name: &'static str,
    top1: usize,
    top3: usize,
    mrr: f64,
    /// Each query's rank of the expected answer (1-based) and its top 3.
    ranks: Vec<Option<usize>>,
    tops: Vec<Vec<usize>>,
}

fn evaluate(
    name: &'static str,
    stemmer: fn(&str) -> &str,
    corpus_originals: Option<&HashMap<String, String>>,
    guide: &Guide,
    docs: &[DocText<'_>],
    cases: &[Case],
) -> Run {
    set_stemmer(stemmer);
    if let Some(o) = corpus_originals {
        ORIGINALS.set(o.clone());
    }
    let index = SearchIndex::build(docs);
    let mut run = Run {
        name,
        top1: 0,
        top3: 0,
        mrr: 0.0,
        ranks: Vec::new(),
        tops: Vec::new(),
    };
    for c in cases {
        if corpus_originals.is_some() {
            let mut counts = HashMap::new();
            count_originals(&c.query, &mut counts);
            ORIGINALS.set(most_frequent(counts));
        }
        let hits = index.search(&c.query, 10).hits;
        let rank = hits
            .iter()
            .position(|h| guide.questions[h.doc].id == c.expect);
        if let Some(r) = rank {
            run.mrr += 1.0 / (r as f64 + 1.0);
            run.top1 += usize::from(r == 0);
            run.top3 += usize::from(r < 3);
        }
        run.ranks.push(rank.map(|r| r + 1));
        run.tops.push(hits.iter().take(3).map(|h| h.doc).collect());
    }
    run.mrr /= cases.len() as f64;
    ORIGINALS.set(HashMap::new());
    set_stemmer(light_stem);
    run
}

fn main() {
    let text = std::fs::read_to_string("public/data/faq.json").expect("public/data/faq.json");
    let guide = load_document(&text).expect("valid sample data");
    let cases: Vec<Case> = serde_json::from_str(
        &std::fs::read_to_string("tests/relevance/queries.json").expect("queries.json"),
    )
    .expect("valid relevance set");
    let docs = documents(&guide);

    let mut counts = HashMap::new();
    for d in &docs {
        for t in document_text(d) {
            count_originals(t, &mut counts);
        }
    }
    // The guide's vocabulary (folded), by frequency, for the word → stem examples.
    let mut vocabulary: Vec<(String, usize)> = counts
        .iter()
        .map(|(w, o)| (w.clone(), o.values().sum()))
        .collect();
    vocabulary.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let originals = most_frequent(counts);

    let runs = [
        evaluate("ours (light)", light_stem, None, &guide, &docs, &cases),
        evaluate(
            "snowball, folded in",
            snowball_folded,
            None,
            &guide,
            &docs,
            &cases,
        ),
        evaluate(
            "snowball, original in",
            snowball_original,
            Some(&originals),
            &guide,
            &docs,
            &cases,
        ),
        evaluate("no stemmer", no_stem, None, &guide, &docs, &cases),
    ];

    let n = cases.len();
    // How many distinct stems the guide's vocabulary falls into (fewer: more words conflated).
    let stems_of = |f: fn(&str) -> &str| -> usize {
        let mut stems: Vec<&str> = vocabulary.iter().map(|(w, _)| f(w)).collect();
        stems.sort_unstable();
        stems.dedup();
        stems.len()
    };
    let distinct = [
        stems_of(light_stem),
        stems_of(snowball_folded),
        {
            ORIGINALS.set(originals.clone());
            let d = stems_of(snowball_original);
            ORIGINALS.set(HashMap::new());
            d
        },
        stems_of(no_stem),
    ];

    println!(
        "{} queries over {} questions; guide vocabulary {} folded words\n",
        n,
        guide.questions.len(),
        vocabulary.len()
    );
    println!(
        "{:<22} {:>7} {:>7} {:>7} {:>14} {:>15}",
        "stemmer", "top-1", "top-3", "MRR", "top-3 changed", "distinct stems"
    );
    for (run, stems) in runs.iter().zip(distinct) {
        let changed = run
            .tops
            .iter()
            .zip(&runs[0].tops)
            .filter(|(a, b)| a != b)
            .count();
        println!(
            "{:<22} {:>6.1}% {:>6.1}% {:>7.3} {:>14} {:>15}",
            run.name,
            100.0 * run.top1 as f64 / n as f64,
            100.0 * run.top3 as f64 / n as f64,
            run.mrr,
            changed,
            stems
        );
    }

    println!("\nQueries whose expected answer moved (rank against ours; - = not in the top 10):");
    let show = |r: Option<usize>| r.map_or("-".to_owned(), |r| r.to_string());
    for run in &runs[1..] {
        println!("  {}:", run.name);
        for (i, c) in cases.iter().enumerate() {
            if run.ranks[i] != runs[0].ranks[i] {
                println!(
                    "    {:<36} {:>2} → {:>2}",
                    format!("{:?}", c.query),
                    show(runs[0].ranks[i]),
                    show(run.ranks[i])
                );
            }
        }
    }

    println!("\nWord → stem where the stemmers differ (the guide's most frequent such words):");
    println!(
        "  {:<18} {:<18} {:<14} {:<18} {}",
        "folded word", "original", "ours", "snowball folded", "snowball orig."
    );
    let mut shown = 0;
    for (w, _) in &vocabulary {
        let ours = light_stem(w);
        let folded = snowball_folded(w);
        let original = originals.get(w).map_or(w.as_str(), String::as_str);
        let from_original = snowball(original);
        if ours != folded || ours != from_original {
            println!("  {w:<18} {original:<18} {ours:<14} {folded:<18} {from_original}");
            shown += 1;
            if shown == 12 {
                break;
            }
        }
    }
}
