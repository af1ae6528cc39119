//! Building the index: [`IndexBuilder`] reads the documents one at a time, interns their words
//! (an open-addressing table over the terms' text in one string) and records each term's count in
//! each place (field and FAQ item) of each document; `finish` sorts the dictionary, lays every
//! term's postings out in document order in one flat array, each with its BM25 term weight (term
//! frequency saturation, field length and field weight; the idf is applied per query), and groups
//! the terms by stem.

use super::{DocText, Field, Posting, SearchIndex, Strings, FIELDS, NO_ITEM, WEIGHT_SCALE};
use crate::search::normalize::normalize_into;
use crate::search::order::sort_by;
use crate::search::stem::stem;
use crate::search::tokenize::{for_each_word, forms, is_compound};

/// The weight of each [`Field`], in its order.
const FIELD_WEIGHTS: [f32; 5] = [3.0, 2.4, 1.8, 1.0, 0.7];

// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;

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
        let (stem_keys, stem_starts, stem_terms) = stem_table(&terms);
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
            counts: Vec::new(),
        }
    }
}

/// The terms grouped by stem: each distinct stem once (sorted), where its terms start in the
/// third list, and the terms of every stem.
pub(super) fn stem_table(terms: &Strings) -> (Strings, Vec<u32>, Vec<u32>) {
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
    (stem_keys, stem_starts, stem_terms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::corpus;

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
}
