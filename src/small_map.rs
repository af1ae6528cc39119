//! A map kept as a vector of pairs, looked up by scanning: for the few dozen to few thousand
//! entries the app keeps per page (pages read, search files fetched). Each `HashMap` or
//! `BTreeMap` of another type is its own copy of the hash table's or tree's code in the
//! WebAssembly (several KB each); this is a few hundred bytes.

use std::borrow::Borrow;

#[derive(Debug, Clone, PartialEq)]
pub struct SmallMap<K, V> {
    pairs: Vec<(K, V)>,
}

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        SmallMap { pairs: Vec::new() }
    }
}

impl<K: PartialEq, V> SmallMap<K, V> {
    pub fn get<Q: PartialEq + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.pairs
            .iter()
            .find(|(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }

    pub fn get_mut<Q: PartialEq + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.pairs
            .iter_mut()
            .find(|(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }

    pub fn contains_key<Q: PartialEq + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.get(key).is_some()
    }

    /// Sets `key` to `value` (replacing what it had).
    pub fn insert(&mut self, key: K, value: V) {
        match self.pairs.iter_mut().find(|(k, _)| *k == key) {
            Some(pair) => pair.1 = value,
            None => self.pairs.push((key, value)),
        }
    }

    /// Removes `key`, if it is there.
    pub fn remove<Q: PartialEq + ?Sized>(&mut self, key: &Q)
    where
        K: Borrow<Q>,
    {
        self.pairs.retain(|(k, _)| k.borrow() != key);
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.pairs.iter().map(|(_, v)| v)
    }

    pub fn clear(&mut self) {
        self.pairs.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_one_value_per_key() {
        let mut m: SmallMap<String, u32> = SmallMap::default();
        m.insert("a".into(), 1);
        m.insert("b".into(), 2);
        m.insert("a".into(), 3);
        assert_eq!(m.get("a"), Some(&3));
        assert!(m.contains_key("b") && !m.contains_key("c"));
        assert_eq!(m.values().count(), 2);
    }
}
