//! Writing a [`SearchIndex`] as the files of a split index (on the host, by the publish step).

use super::codec::{encode_entries, encode_entry, encode_postings, encode_stems};
use super::{
    chunk_file, has_top, list_file, stem_file, top_file, Entry, Loc, Manifest, SearchIndex,
    CHUNK_BYTES, GROUP_BYTES, HEAD, LAYOUT_VERSION, OWN_FILE_BYTES,
};
use crate::search::index::query::prefix_cap;
use crate::search::index::Posting;
use crate::search::order::{sort_by, top_k};

/// The files of a split index: the manifest, and the build's files by name.
pub struct SplitFiles {
    pub manifest: Manifest,
    pub files: Vec<(String, Vec<u8>)>,
}

/// The `HEAD` best postings of a long list (by weight, then document), in document order.
fn head_of(list: &[Posting]) -> Vec<Posting> {
    let mut head = top_k(list.iter().copied(), HEAD, &|a: &Posting, b: &Posting| {
        a.weight > b.weight || (a.weight == b.weight && a.doc < b.doc)
    });
    sort_by(&mut head, &|a, b| {
        a.doc.cmp(&b.doc).then(a.item.cmp(&b.item))
    });
    head
}

/// Lists laid out in files: long ones alone, short ones grouped in dictionary order.
#[derive(Default)]
struct Lists {
    files: Vec<Vec<u8>>,
    /// The file short lists are being added to.
    group: Option<u32>,
}

impl Lists {
    fn add(&mut self, encoded: &[u8]) -> Loc {
        let file = if encoded.len() >= OWN_FILE_BYTES {
            self.files.push(Vec::new());
            self.files.len() as u32 - 1
        } else {
            match self.group {
                Some(g) if self.files[g as usize].len() < GROUP_BYTES => g,
                _ => {
                    self.files.push(Vec::new());
                    let g = self.files.len() as u32 - 1;
                    self.group = Some(g);
                    g
                }
            }
        };
        let bytes = &mut self.files[file as usize];
        let loc = Loc {
            file,
            offset: bytes.len() as u32,
            len: encoded.len() as u32,
        };
        bytes.extend_from_slice(encoded);
        loc
    }
}

/// 64-bit FNV-1a, to name a build by its content.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

/// A name for content made of `parts` (16 hex digits of a 64-bit FNV-1a hash).
pub fn content_name<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for part in parts {
        fnv(&mut hash, &(part.len() as u64).to_le_bytes());
        fnv(&mut hash, part);
    }
    format!("{hash:016x}")
}

/// Splits `index` into its files (see the module's documentation).
pub fn split(index: &SearchIndex) -> SplitFiles {
    let n_terms = index.terms.len();
    let mut lists = Lists::default();
    let mut entries = Vec::with_capacity(n_terms);
    let mut encoded = Vec::new();
    for t in 0..n_terms {
        let list = index.list(t);
        encoded.clear();
        encode_postings(&mut encoded, list);
        let full = lists.add(&encoded);
        let head = (list.len() > HEAD).then(|| {
            encoded.clear();
            encode_postings(&mut encoded, &head_of(list));
            lists.add(&encoded)
        });
        entries.push(Entry {
            term: index.term(t).to_owned(),
            df: index.df[t],
            count: list.len() as u32,
            surface: index.surface.get(t).to_owned(),
            list: full,
            head,
        });
    }

    // The dictionary in chunks of about CHUNK_BYTES.
    let mut chunks: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut start, mut size, mut previous) = (0usize, 0usize, "");
    for (i, e) in entries.iter().enumerate() {
        encoded.clear();
        encode_entry(&mut encoded, e, previous);
        previous = &e.term;
        size += encoded.len();
        if size >= CHUNK_BYTES {
            chunks.push(start..i + 1);
            (start, size) = (i + 1, 0);
        }
    }
    if start < entries.len() || chunks.is_empty() {
        chunks.push(start..entries.len());
    }
    let firsts: Vec<String> = chunks
        .iter()
        .enumerate()
        .map(|(i, r)| match i {
            0 => String::new(),
            _ => entries[r.start].term.clone(),
        })
        .collect();
    let mut manifest = Manifest {
        layout: LAYOUT_VERSION,
        build: String::new(),
        documents: index.docs as u32,
        chunks: firsts,
        stems: Vec::new(),
    };

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (n, range) in chunks.iter().enumerate() {
        let chunk: Vec<&Entry> = entries[range.clone()].iter().collect();
        files.push((chunk_file(n), encode_entries(&chunk)));
    }
    // The top terms of every wide prefix: only a chunk's first term can start one (see
    // `Manifest::is_wide`), so the prefixes of those are all there is to try.
    let mut tops: Vec<String> = Vec::new();
    for first in manifest.chunks.iter().skip(1) {
        for (end, _) in first.char_indices().skip(1).chain([(first.len(), ' ')]) {
            let prefix = &first[..end];
            if manifest.is_wide(prefix) && has_top(prefix) && !tops.iter().any(|t| t == prefix) {
                tops.push(prefix.to_owned());
            }
        }
    }
    // The terms by stem, in files of about CHUNK_BYTES.
    let mut group: Vec<(&str, Vec<&Entry>)> = Vec::new();
    let mut size = 0;
    let mut stems_written = 0;
    for s in 0..index.stem_keys.len() {
        let terms =
            &index.stem_terms[index.stem_starts[s] as usize..index.stem_starts[s + 1] as usize];
        let members: Vec<&Entry> = terms.iter().map(|&t| &entries[t as usize]).collect();
        size += encode_entries(&members).len();
        group.push((index.stem_keys.get(s), members));
        if size >= CHUNK_BYTES || s + 1 == index.stem_keys.len() {
            manifest.stems.push(match stems_written {
                0 => String::new(),
                _ => group[0].0.to_owned(),
            });
            files.push((stem_file(stems_written), encode_stems(&group)));
            stems_written += 1;
            group.clear();
            size = 0;
        }
    }
    if manifest.stems.is_empty() {
        manifest.stems.push(String::new());
        files.push((stem_file(0), encode_stems(&[])));
    }
    for prefix in &tops {
        let range = index.prefix_range(prefix);
        let mut ids = top_k(range, prefix_cap(prefix), &|a: &usize, b: &usize| {
            index.df[*a] > index.df[*b]
        });
        sort_by(&mut ids, &|a, b| a.cmp(b));
        let chosen: Vec<&Entry> = ids.iter().map(|&t| &entries[t]).collect();
        files.push((top_file(prefix), encode_entries(&chosen)));
    }
    for (n, bytes) in lists.files.into_iter().enumerate() {
        files.push((list_file(n as u32), bytes));
    }

    let documents = manifest.documents.to_le_bytes();
    manifest.build = content_name(
        files
            .iter()
            .flat_map(|(name, bytes)| [name.as_bytes(), bytes.as_slice()])
            .chain([documents.as_slice()]),
    );
    SplitFiles { manifest, files }
}
