//! The binary encoding of the files: unsigned LEB128 numbers, strings as a length and UTF-8,
//! dictionary terms front-coded (the bytes shared with the previous term, then the rest), and
//! postings with their documents as gaps.

use super::{Entry, Loc};
use crate::search::index::{Posting, NO_ITEM};

pub(super) fn put(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_loc(out: &mut Vec<u8>, loc: Loc) {
    put(out, loc.file.into());
    put(out, loc.offset.into());
    put(out, loc.len.into());
}

/// Reads what `put` wrote; `None` at the end or on malformed bytes (a truncated or foreign file).
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    pub(super) fn number(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.pos)?;
            self.pos += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn small(&mut self) -> Option<u32> {
        u32::try_from(self.number()?).ok()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let out = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(out)
    }

    fn string(&mut self) -> Option<&'a str> {
        let n = self.small()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn loc(&mut self) -> Option<Loc> {
        Some(Loc {
            file: self.small()?,
            offset: self.small()?,
            len: self.small()?,
        })
    }
}

/// A dictionary file: the number of entries, then each entry.
pub(super) fn encode_entries(entries: &[&Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    put(&mut out, entries.len() as u64);
    let mut previous = "";
    for e in entries {
        encode_entry(&mut out, e, previous);
        previous = &e.term;
    }
    out
}

pub(super) fn encode_entry(out: &mut Vec<u8>, e: &Entry, previous: &str) {
    let shared = e
        .term
        .bytes()
        .zip(previous.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    // Never inside a character: the rest must be UTF-8 of its own.
    let shared = (0..=shared)
        .rev()
        .find(|&i| e.term.is_char_boundary(i))
        .unwrap_or(0);
    put(out, shared as u64);
    put_str(out, &e.term[shared..]);
    put(out, e.df.into());
    put(out, e.count.into());
    put_str(out, &e.surface);
    put_loc(out, e.list);
    match e.head {
        Some(head) => {
            put(out, 1);
            put_loc(out, head);
        }
        None => put(out, 0),
    }
}

pub(super) fn decode_entries(bytes: &[u8]) -> Option<Vec<Entry>> {
    let mut r = Reader::new(bytes);
    let out = read_entries(&mut r)?;
    r.at_end().then_some(out)
}

/// A stem file: the number of stems, then each stem and its terms (as a dictionary file).
pub(super) fn encode_stems(groups: &[(&str, Vec<&Entry>)]) -> Vec<u8> {
    let mut out = Vec::new();
    put(&mut out, groups.len() as u64);
    for (stem, entries) in groups {
        put_str(&mut out, stem);
        out.extend_from_slice(&encode_entries(entries));
    }
    out
}

pub(super) fn decode_stems(bytes: &[u8]) -> Option<Vec<(String, Vec<Entry>)>> {
    let mut r = Reader::new(bytes);
    let n = r.number()? as usize;
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let stem = r.string()?.to_owned();
        out.push((stem, read_entries(&mut r)?));
    }
    r.at_end().then_some(out)
}

fn read_entries(r: &mut Reader<'_>) -> Option<Vec<Entry>> {
    let n = r.number()? as usize;
    let mut out: Vec<Entry> = Vec::with_capacity(n.min(r.bytes.len()));
    for _ in 0..n {
        let shared = r.small()? as usize;
        let previous = out.last().map(|e| e.term.as_str()).unwrap_or("");
        let mut term = previous.get(..shared)?.to_owned();
        term.push_str(r.string()?);
        let df = r.small()?;
        let count = r.small()?;
        let surface = r.string()?.to_owned();
        let list = r.loc()?;
        let head = match r.number()? {
            0 => None,
            _ => Some(r.loc()?),
        };
        out.push(Entry {
            term,
            df,
            count,
            surface,
            list,
            head,
        });
    }
    Some(out)
}

impl Reader<'_> {
    fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
}

/// A list of postings: their number, then each as the gap from the previous document (shifted
/// left, the low bit saying whether a FAQ item follows), the item, and the weight.
pub(super) fn encode_postings(out: &mut Vec<u8>, list: &[Posting]) {
    put(out, list.len() as u64);
    let mut doc = 0u32;
    for p in list {
        let has_item = p.item != NO_ITEM;
        put(out, (u64::from(p.doc - doc) << 1) | u64::from(has_item));
        if has_item {
            put(out, p.item.into());
        }
        put(out, p.weight.into());
        doc = p.doc;
    }
}

/// `None` for bytes that are not a list of postings of documents below `documents` (a damaged or
/// foreign file: a document number out of range would be an index out of bounds later).
pub(super) fn decode_postings(bytes: &[u8], documents: u32, out: &mut Vec<Posting>) -> Option<()> {
    let mut r = Reader::new(bytes);
    let n = r.number()? as usize;
    out.reserve(n.min(bytes.len()));
    let mut doc = 0u32;
    for _ in 0..n {
        let gap = r.number()?;
        doc = doc.checked_add(u32::try_from(gap >> 1).ok()?)?;
        if doc >= documents {
            return None;
        }
        let item = if gap & 1 == 1 {
            u16::try_from(r.number()?).ok()?
        } else {
            NO_ITEM
        };
        let weight = u16::try_from(r.number()?).ok()?;
        out.push(Posting { doc, item, weight });
    }
    Some(())
}
