//! One small stable sort for the stages' short lists (quotes, mentions, bracket pairs, people).
//!
//! The standard library's sorts are fast but large: every call site instantiates a whole driftsort or ipnsort
//! (3–5 KB of Wasm each), and the .wasm is what users download. This merge sort is compiled once: it orders
//! positions through a `dyn` comparison, and each element type only adds the few instructions that put its
//! items in that order. It keeps equal elements in order like `sort_by`, and is O(n log n) in time with two
//! lists of positions and one copy of the items in extra memory, so long inputs stay linear-logarithmic.

/// Sorts `items` stably: `less(a, b)` says whether `a` goes before `b`. Elements that are not `less` than each
/// other keep their order.
pub(crate) fn sort_by<T: Copy>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &mut |a, b| less(&items[a], &items[b]));
    let sorted: Vec<T> = order.iter().map(|&i| items[i]).collect();
    items.copy_from_slice(&sorted);
}

/// Sorts `items` stably by a key, like `slice::sort_by_key`.
pub(crate) fn sort_by_key<T: Copy, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a) < key(b));
}

/// `score` as a number that orders scores highest first, in `f64::total_cmp`'s order (signed zeros, infinities and
/// NaNs included): a sort key of one integer comparison, for the rankings that pack a score with a tie-breaker.
pub(crate) fn highest_first(score: f64) -> u64 {
    let bits = score.to_bits() as i64;
    // `total_cmp`'s own mapping to a signed number in the same order, then the sign bit flipped for an unsigned
    // one, then every bit for the reverse order.
    let ordered = (bits ^ (((bits >> 63) as u64) >> 1) as i64) as u64 ^ 1 << 63;
    !ordered
}

/// The positions `0..n` in stable sorted order: `less(a, b)` says whether the item at `a` goes before the item
/// at `b`.
fn sorted_positions(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut items: Vec<usize> = (0..n).collect();
    // Short runs by insertion first: most lists here are short, and many are already nearly in order.
    const RUN: usize = 8;
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(items[j], items[j - 1]) {
                items.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    if n <= RUN {
        return items;
    }
    let mut buffer = items.clone();
    let mut width = RUN;
    while width < n {
        merge_pass(&items, &mut buffer, width, less);
        std::mem::swap(&mut items, &mut buffer);
        width *= 2;
    }
    items
}

/// Merges each pair of sorted runs of `width` in `from` into `to`; on ties the earlier run goes first.
fn merge_pass(from: &[usize], to: &mut [usize], width: usize, less: &mut dyn FnMut(usize, usize) -> bool) {
    let n = from.len();
    let mut start = 0;
    while start < n {
        let middle = (start + width).min(n);
        let end = (start + 2 * width).min(n);
        let (mut left, mut right) = (start, middle);
        for slot in &mut to[start..end] {
            if right < end && (left >= middle || less(from[right], from[left])) {
                *slot = from[right];
                right += 1;
            } else {
                *slot = from[left];
                left += 1;
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length around the run and merge widths, with many ties: the result is sorted and ties keep their
    /// order, exactly as the standard stable sort leaves them.
    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut seed = 12345u32;
        for n in 0..100 {
            let mut items: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 7, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(key, _)| key);
            sort_by_key(&mut items, |&(key, _)| key);
            assert_eq!(items, expected, "length {n}");
        }
    }

    #[test]
    fn sorts_descending_with_a_comparison() {
        let mut items = [3, 9, 1, 7, 7, 2, 8, 0, 5, 6, 4, 11, 10];
        sort_by(&mut items, |a, b| a > b);
        assert_eq!(items, [11, 10, 9, 8, 7, 7, 6, 5, 4, 3, 2, 1, 0]);
    }
}
