//! Sorting with one copy of the sorting code. The standard library's sorts are generic and
//! compiled again for every element type and comparison (each copy is a few KB of WebAssembly);
//! here a single merge sort orders indices through a `dyn` comparison, and small generic
//! wrappers apply the order.

use std::cmp::Ordering;

/// The indices `0..n` ordered by `cmp` (stable).
pub fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    let mut buf = idx.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if cmp(idx[j], idx[i]) == Ordering::Less {
                    buf[k] = idx[j];
                    j += 1;
                } else {
                    buf[k] = idx[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&idx[i..mid]);
            k += mid - i;
            buf[k..k + (end - j)].copy_from_slice(&idx[j..end]);
            start = end;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    idx
}

/// Sorts `v` by `cmp` (stable).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The `k` best of `items` by `better` (first = best), in order; one pass, at most `k` kept.
pub fn top_k<T>(
    items: impl IntoIterator<Item = T>,
    k: usize,
    better: &dyn Fn(&T, &T) -> bool,
) -> Vec<T> {
    let mut best: Vec<T> = Vec::with_capacity(k + 1);
    if k == 0 {
        return best;
    }
    for item in items {
        if best.len() == k && !better(&item, &best[k - 1]) {
            continue;
        }
        let at = best.partition_point(|b| !better(&item, b));
        best.insert(at, item);
        best.truncate(k);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![
            (3, 'a'),
            (1, 'b'),
            (2, 'c'),
            (1, 'd'),
            (3, 'e'),
            (0, 'f'),
            (2, 'g'),
        ];
        sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
        assert_eq!(
            v,
            vec![
                (0, 'f'),
                (1, 'b'),
                (1, 'd'),
                (2, 'c'),
                (2, 'g'),
                (3, 'a'),
                (3, 'e')
            ]
        );
        let mut big: Vec<u32> = (0..1000).map(|i| (i * 7919) % 1009).collect();
        let mut want = big.clone();
        want.sort();
        sort_by(&mut big, &|a, b| a.cmp(b));
        assert_eq!(big, want);
        let mut empty: Vec<u8> = vec![];
        sort_by(&mut empty, &|a, b| a.cmp(b));
    }

    #[test]
    fn keeps_the_k_best_in_order() {
        let best = top_k(vec![5, 1, 9, 3, 7, 9, 2], 3, &|a, b| a > b);
        assert_eq!(best, vec![9, 9, 7]);
        assert_eq!(top_k(vec![1, 2], 5, &|a, b| a > b), vec![2, 1]);
        assert!(top_k(vec![1, 2], 0, &|a, b| a > b).is_empty());
    }
}
