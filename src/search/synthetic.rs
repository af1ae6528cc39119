//! Synthetic Polish-like FAQ corpora for benchmarks (not used by the app): deterministic,
//! with inflected word forms, Polish letters, a Zipf-like mix of common and rare words, tags and
//! FAQ items; written as a data document of the contract, so the app itself can load it too.
//! Also the benchmark's queries: words of a question's title in another inflected form, some
//! without Polish letters, replayed keystroke by keystroke.

use crate::data::{Category, FaqDocument, FaqItem, PortalTexts, Question};

/// A small deterministic random generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Index in 0..n, small ones much more often (roughly Zipf).
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0).floor().min(n as f64 - 1.0) as usize
    }
}

const ONSETS: &[&str] = &[
    "b", "c", "d", "g", "k", "l", "ł", "m", "n", "p", "r", "s", "t", "w", "z", "sz", "cz", "rz",
    "ch", "dz", "ż", "ś", "pr", "kr", "st", "zw", "gł", "sk", "tr", "wy", "za", "po", "prz",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "y", "ą", "ę", "ó", "ie", "ia"];
const CODAS: &[&str] = &["", "", "", "n", "r", "k", "st", "ł", "ść", "ń", "sz", "m"];
/// Ending sets: nouns, verbs, adjectives.
const PARADIGMS: &[&[&str]] = &[
    &[
        "", "a", "u", "em", "ie", "y", "ów", "ami", "ach", "om", "owi",
    ],
    &[
        "ać", "am", "asz", "a", "ają", "ał", "ała", "anie", "ania", "aniu",
    ],
    &["y", "a", "e", "ego", "ej", "ym", "ymi", "ych", "emu"],
];
const FUNCTION_WORDS: &[&str] = &[
    "jak", "czy", "gdzie", "w", "na", "do", "z", "o", "dla", "się", "i", "to", "kiedy", "ile",
];

/// A vocabulary of stems, each with its paradigm.
pub struct Vocabulary {
    stems: Vec<(String, usize)>,
}

impl Vocabulary {
    pub fn new(size: usize, rng: &mut Rng) -> Vocabulary {
        let mut stems = Vec::with_capacity(size);
        let mut seen = std::collections::HashSet::new();
        while stems.len() < size {
            let syllables = 1 + rng.below(3);
            let mut s = String::new();
            for _ in 0..syllables {
                s.push_str(ONSETS[rng.below(ONSETS.len())]);
                s.push_str(VOWELS[rng.below(VOWELS.len())]);
            }
            s.push_str(CODAS[rng.below(CODAS.len())]);
            if s.chars().count() >= 3 && seen.insert(s.clone()) {
                stems.push((s, rng.below(PARADIGMS.len())));
            }
        }
        Vocabulary { stems }
    }

    /// A word form of a stem chosen Zipf-wise (common stems often, rare ones seldom).
    pub fn word(&self, rng: &mut Rng) -> String {
        let (stem, p) = &self.stems[rng.zipf(self.stems.len())];
        let endings = PARADIGMS[*p];
        format!("{stem}{}", endings[rng.below(endings.len())])
    }

    /// Another form of the same stem as `word`, if `word` came from this vocabulary.
    pub fn reinflect(&self, word: &str, rng: &mut Rng) -> String {
        for (stem, p) in &self.stems {
            if let Some(ending) = word.strip_prefix(stem.as_str()) {
                let endings = PARADIGMS[*p];
                if endings.contains(&ending) {
                    return format!("{stem}{}", endings[rng.below(endings.len())]);
                }
            }
        }
        word.to_owned()
    }
}

/// A sentence of `min` to `min + spread - 1` words.
fn sentence(v: &Vocabulary, rng: &mut Rng, min: usize, spread: usize) -> String {
    let words = min + rng.below(spread);
    let mut out = Vec::with_capacity(words);
    for _ in 0..words {
        if rng.below(4) == 0 {
            out.push(FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_owned());
        } else {
            out.push(v.word(rng));
        }
    }
    let mut s = out.join(" ");
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s
}

/// A corpus of `n` questions in 12 categories.
pub fn corpus(n: usize, seed: u64) -> FaqDocument {
    let mut rng = Rng::new(seed);
    let vocab = Vocabulary::new(4000 + n / 2, &mut rng);
    let categories: Vec<Category> = (0..12)
        .map(|i| Category {
            id: format!("kategoria-{i}"),
            name: format!("Kategoria {i}"),
            description: None,
        })
        .collect();
    let questions = (0..n)
        .map(|i| {
            let faq = (0..rng.below(5))
                .map(|j| FaqItem {
                    id: Some(format!("pozycja-{j}")),
                    question: sentence(&vocab, &mut rng, 5, 4) + "?",
                    answer_html: format!("<p>{}.</p>", sentence(&vocab, &mut rng, 15, 25)),
                })
                .collect();
            Question {
                id: format!("pytanie-{i}"),
                category: categories[i % categories.len()].id.clone(),
                title: sentence(&vocab, &mut rng, 5, 6) + "?",
                updated: Some("2026-01-15".into()),
                answer_html: format!(
                    "<p>{}.</p><ul><li>{}.</li><li>{}.</li></ul><p>{}.</p>",
                    sentence(&vocab, &mut rng, 20, 30),
                    sentence(&vocab, &mut rng, 6, 6),
                    sentence(&vocab, &mut rng, 6, 6),
                    sentence(&vocab, &mut rng, 15, 30)
                ),
                faq,
                institution: None,
                tags: (0..2 + rng.below(3))
                    .map(|_| vocab.word(&mut rng))
                    .collect(),
                related: Vec::new(),
                edit_url: None,
            }
        })
        .collect();
    FaqDocument {
        schema_version: 1,
        generated_at: Some("2026-11-27T00:00:00Z".into()),
        portal: PortalTexts {
            title: "Poradnik Mieszkańca".into(),
            notice: None,
            root: None,
            disclaimer: None,
        },
        categories,
        institutions: Vec::new(),
        questions,
    }
}

/// Benchmark queries for a corpus: `count` queries of 1–3 words from a question's title, each
/// word sometimes in another form and sometimes without Polish letters; with the index of the
/// question that should be found.
pub fn queries(
    doc: &FaqDocument,
    corpus_seed: u64,
    count: usize,
    seed: u64,
) -> Vec<(String, usize)> {
    let mut rng = Rng::new(seed);
    // The corpus's own vocabulary, rebuilt from its seed, to inflect words differently.
    let vocab = Vocabulary::new(4000 + doc.questions.len() / 2, &mut Rng::new(corpus_seed));
    (0..count)
        .map(|_| {
            let target = rng.below(doc.questions.len());
            let words: Vec<&str> = doc.questions[target]
                .title
                .trim_end_matches('?')
                .split(' ')
                .filter(|w| w.chars().count() >= 4)
                .collect();
            let take = (1 + rng.below(3)).min(words.len().max(1));
            let start = rng.below(words.len().saturating_sub(take) + 1);
            let mut q: Vec<String> = words
                .iter()
                .skip(start)
                .take(take)
                .map(|w| {
                    let w = w.to_lowercase();
                    if rng.below(2) == 0 {
                        vocab.reinflect(&w, &mut rng)
                    } else {
                        w
                    }
                })
                .collect();
            if rng.below(3) == 0 {
                q = q
                    .into_iter()
                    .map(|w| crate::text::fold::fold_lower(&w))
                    .collect();
            }
            (q.join(" "), target)
        })
        .filter(|(q, _)| !q.is_empty())
        .collect()
}

/// Every prefix of a query, as a resident's keystrokes produce it: "p", "po", "pod", …
pub fn keystrokes(query: &str) -> Vec<String> {
    query
        .char_indices()
        .map(|(i, c)| query[..i + c.len_utf8()].to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_document;

    #[test]
    fn corpora_are_deterministic_valid_documents() {
        let a = corpus(50, 7);
        let b = corpus(50, 7);
        assert_eq!(a, b);
        let guide = load_document(&serde_json::to_string(&a).unwrap()).unwrap();
        assert!(guide.problems.is_empty(), "{:?}", guide.problems);
        assert_eq!(guide.questions.len(), 50);
        let text = serde_json::to_string(&a).unwrap();
        assert!(text.contains('ł') || text.contains('ż') || text.contains('ś'));
    }

    #[test]
    fn keystrokes_are_every_prefix() {
        assert_eq!(keystrokes("żab"), vec!["ż", "ża", "żab"]);
    }

    #[test]
    fn queries_come_from_titles() {
        let doc = corpus(100, 1);
        let qs = queries(&doc, 1, 20, 2);
        assert!(qs.len() >= 15);
        for (q, target) in qs {
            let title = crate::text::fold::fold_lower(&doc.questions[target].title);
            for w in q.split(' ') {
                // The same stem, maybe another ending: the first three letters are the title's.
                let head: String = crate::text::fold::fold_lower(w).chars().take(3).collect();
                assert!(title.contains(&head), "{q} / {title}");
            }
        }
    }
}
