//! Typo tolerance: how many edits a word may have and still match (scaled to its length), the
//! edit distance (optimal string alignment, counted in letters, not bytes), and the terms of the
//! index within that distance of a word.

use super::SearchIndex;

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

impl SearchIndex {
    /// Terms within `max` edits (insertions, deletions, substitutions, transpositions) of `word`
    /// that start with the same letter: typos rarely hit the first letter, and this keeps the scan
    /// to one slice of the dictionary.
    pub(super) fn similar_terms(&self, word: &str, max: usize) -> Vec<u32> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::{corpus, doc, top};

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
    fn typos_in_cyrillic_count_letters_not_bytes() {
        let docs = vec![doc("Довідка для мешканців", &[], "Текст.", &[])];
        let i = SearchIndex::build(&docs);
        assert_eq!(top(&i, "довдка "), vec![0]);
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
