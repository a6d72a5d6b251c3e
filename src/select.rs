//! Selection: the summary's sentences, chosen by score within the requested length, without near-duplicates
//! and without dangling references, returned in article order.
//!
//! Candidates are taken best first. Each one is checked in constant time against a bounded number of sentences
//! already chosen, so selection stays O(n log n) however long the text and the summary are:
//! - **length**: a number of sentences (`sentences`, or `ratio` of the article's), or a word budget (`words`:
//!   the best sentences that fit; if none fits, the best one alone, so the summary is never empty);
//! - **redundancy**: a sentence sharing most of its words with a chosen one adds nothing and is skipped (Daily
//!   Mail pages repeat a photo caption as a sentence: "People who have never been divorced can expect…");
//! - **dangling references**: a sentence that opens by pointing back ("He added…", "But that…", "The
//!   45-year-old…") is unreadable alone (Zhang, Wan & Bansal, ACL 2023: incomplete coreference is the most
//!   common fault of extractive summaries). It brings the sentences it leans on — up to [`MAX_CHAIN`] of them,
//!   back to one that stands alone — when they fit in the requested length, or it yields to the next candidate;
//! - **quotes**: [`QuotePreference::Prefer`] lifts quoted sentences, [`QuotePreference::Avoid`] ranks them after
//!   every other sentence, so they appear only when nothing else is left.
//!
//! With a sentence count the summary has exactly that many sentences when the text has them: when yielding
//! leaves it short, the best remaining sentences fill it, first those that read on their own.

use crate::options::{Options, QuotePreference};
use crate::score::Scores;

/// A candidate sharing more than this share of its content words (of the shorter sentence's) with a chosen
/// sentence is a near-duplicate. Fitted with the weights (`eval/fit_weights.py`).
pub(crate) const MAX_OVERLAP: f64 = 0.6;
/// Redundancy is checked against at most this many chosen sentences (the best ones): it keeps selection linear
/// on long texts, and a summary that long is read for coverage, not for brevity.
const REDUNDANCY_CHECKS: usize = 64;
/// With [`QuotePreference::Prefer`], a quoted sentence's score rises by this share of the document's score
/// range (after its `quotes` penalty is taken back). On cnndm/validation a quarter puts a quote in 1,053 of 1,917
/// 3-sentence summaries (`allow`: 190) at Lead-3's ROUGE; a half put one in 1,358 but lost 1.1 ROUGE-1 to Lead-3.
const PREFER_LIFT: f64 = 0.25;
/// A dangling sentence brings at most this many sentences before it.
pub(crate) const MAX_CHAIN: usize = 2;

/// How long the summary should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Length {
    /// Exactly this many sentences (or all of them, when the text has fewer).
    Sentences(usize),
    /// The best sentences within this many words, at least one sentence.
    Words(usize),
}

/// The length `options` ask for, for a text of `n` sentences.
pub(crate) fn requested_length(n: usize, options: &Options) -> Length {
    match (options.sentences, options.ratio, options.words) {
        (Some(k), _, _) => Length::Sentences(k.min(n)),
        (_, Some(r), _) => Length::Sentences(((n as f64 * r).round() as usize).clamp(1, n.max(1)).min(n)),
        (_, _, Some(budget)) => Length::Words(budget),
        _ => Length::Sentences(Options::DEFAULT_SENTENCES.min(n)),
    }
}

/// How many sentences the summary will hold, roughly: exact for a sentence count, the budget over the mean
/// sentence length for a word budget. The scorer's budget-aware features use it.
pub(crate) fn expected_sentences(length: Length, total_words: usize, n: usize) -> usize {
    match length {
        Length::Sentences(k) => k,
        Length::Words(budget) => {
            let mean = total_words as f64 / n.max(1) as f64;
            ((budget as f64 / mean.max(1.0)).round() as usize).clamp(1, n.max(1))
        }
    }
}

/// Indices of the summary sentences, in article order.
#[inline(never)]
pub(crate) fn select_sentences(scores: &Scores, length: Length, quotes: QuotePreference) -> Vec<usize> {
    if scores.totals.is_empty() {
        return Vec::new();
    }
    let mut picked = select(scores, length, quotes).picked;
    crate::order::sort_by(&mut picked, |a, b| a < b);
    picked
}

fn select(scores: &Scores, length: Length, quotes: QuotePreference) -> Selection<'_> {
    let n = scores.totals.len();
    let mut ranking = Ranking::new(scores, quotes);
    let mut summary = Selection::new(scores, length);
    let check_redundancy = !matches!(length, Length::Sentences(k) if k >= n);
    for i in ranking.best_first() {
        if summary.is_full() {
            break;
        }
        if summary.chosen[i] || (check_redundancy && summary.repeats(i)) {
            continue;
        }
        if let Some(block) = summary.block_for(i) {
            summary.try_add(block);
        }
    }
    if let Length::Sentences(count) = length {
        if summary.picked.len() < count {
            fill(&mut ranking, &mut summary, count);
        }
    }
    if summary.picked.is_empty() {
        pick_alone(&mut ranking, &mut summary, scores);
    }
    summary
}

/// Yielding and redundancy can leave the summary short of `count` sentences: the best remaining sentences that read
/// on their own (or bring what they lean on) first, then any. Out of line, as rare: V8 compiles a function whole on
/// its first call.
#[inline(never)]
fn fill(ranking: &mut Ranking, summary: &mut Selection<'_>, count: usize) {
    for i in ranking.best_first() {
        if summary.picked.len() >= count {
            break;
        }
        if let Some(block) = summary.block_for(i) {
            summary.try_add(block);
        }
    }
    for i in ranking.best_first() {
        if summary.picked.len() >= count {
            break;
        }
        if !summary.chosen[i] {
            summary.try_add(i..=i);
        }
    }
}

/// A word budget smaller than every sentence: the best sentence that reads on its own, alone.
#[inline(never)]
fn pick_alone(ranking: &mut Ranking, summary: &mut Selection<'_>, scores: &Scores) {
    let alone = ranking.best_first().find(|&i| i == 0 || !scores.sentences[i].dangling);
    summary.picked.extend(alone.or(ranking.get(0)));
}

/// Sentence indices best first — by score (with the quote preference applied), ties to the earlier sentence —
/// ranked only as far as selection reads them.
///
/// Selection usually stops after a few candidates, so sorting every sentence was wasted on long texts (3.5% of a
/// 10 MB summary in the Wasm). The sentences wait in a binary heap, made in O(n), and each one read is taken off
/// it in O(log n). The order is total (the index breaks ties), so it is exactly what a stable sort gives.
struct Ranking {
    /// The sentences not ranked yet, as a binary heap of their [`rank_key`]s whose root (the smallest) goes first.
    heap: Vec<u128>,
    /// The sentences ranked so far, best first.
    ranked: Vec<usize>,
}

impl Ranking {
    fn new(scores: &Scores, quotes: QuotePreference) -> Ranking {
        let n = scores.totals.len();
        let lift = if quotes == QuotePreference::Prefer { score_range(&scores.totals) * PREFER_LIFT } else { 0.0 };
        let key = |i: usize| -> (bool, f64) {
            let total = scores.totals[i];
            let quoted = matches!(scores.sentences.get(i), Some(read) if read.quoted);
            match quotes {
                // The quotes feature's penalty taken back, then a lift of a quarter of the document's score
                // range: a quoted sentence outranks all but clearly better ones.
                QuotePreference::Prefer if quoted => (false, total - (scores.features[i].quotes * scores.weights.quotes).min(0.0) + lift),
                QuotePreference::Avoid => (quoted, total),
                _ => (false, total),
            }
        };
        let heap = (0..n).map(|i| {
            let (last, total) = key(i);
            rank_key(last, total, i)
        });
        let mut ranking = Ranking { heap: heap.collect(), ranked: Vec::new() };
        for parent in (0..n / 2).rev() {
            ranking.sift_down(parent);
        }
        ranking
    }

    /// Moves the heap's entry at `at` down until neither child goes before it. The earlier child is chosen as a
    /// value, not by a branch: which of two sentences ranks better is as good as random. A missing right child
    /// reads as the largest key, which no sentence has (its index would fill all 63 bits).
    fn sift_down(&mut self, mut at: usize) {
        loop {
            let left = 2 * at + 1;
            let (Some(&entry), Some(&left_key)) = (self.heap.get(at), self.heap.get(left)) else { return };
            let right_key = self.heap.get(left + 1).copied().unwrap_or(u128::MAX);
            let (child, child_key) = if right_key < left_key { (left + 1, right_key) } else { (left, left_key) };
            if entry < child_key {
                return;
            }
            self.heap.swap(at, child);
            at = child;
        }
    }

    /// The `k`th sentence best first (from 0), ranking more of them if needed; `None` past the last.
    fn get(&mut self, k: usize) -> Option<usize> {
        while self.ranked.len() <= k && !self.heap.is_empty() {
            let best = self.heap.swap_remove(0);
            self.sift_down(0);
            self.ranked.push((best & u128::from(RANK_INDEX)) as usize);
        }
        self.ranked.get(k).copied()
    }

    /// Every sentence, best first, ranked as the iterator is read.
    fn best_first(&mut self) -> impl Iterator<Item = usize> + '_ {
        (0..).map_while(move |k| self.get(k))
    }
}

/// The document's score range (1 when every score is the same), for [`QuotePreference::Prefer`]'s lift. Found only
/// when quotes are preferred: `f64::min` and `max` are a few branches each in V8's code, and this loop over every
/// sentence was ~850 mispredicts a round on cnndm/dev, where nothing reads the range.
fn score_range(totals: &[f64]) -> f64 {
    let (low, high) = totals.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &s| (l.min(s), h.max(s)));
    if high > low {
        high - low
    } else {
        1.0
    }
}

/// The low bits of a [`rank_key`]: the sentence's index.
const RANK_INDEX: u64 = u64::MAX >> 1;

/// Sentence `index`'s place in the ranking as one number, smaller first: sentences put `last` after the others, then
/// the higher `total` first (in `f64::total_cmp`'s order), then the earlier sentence first. One comparison of two
/// numbers, where comparing the three in turn took most of the ranking's time. The index takes the low 63 bits
/// (no text has more sentences), the total the 64 above, `last` the top one.
fn rank_key(last: bool, total: f64, index: usize) -> u128 {
    u128::from(last) << 127 | u128::from(crate::order::highest_first(total)) << 63 | u128::from(index as u64 & RANK_INDEX)
}

/// The summary being built.
struct Selection<'a> {
    scores: &'a Scores,
    length: Length,
    chosen: Vec<bool>,
    picked: Vec<usize>,
    words: usize,
    /// Sentence pairs compared for redundancy: the work counter that shows selection stays linear.
    comparisons: usize,
    /// For each word number, the last candidate whose words were marked, + 1 ([`Selection::repeats`]).
    marks: Vec<u32>,
    /// The number of candidates marked so far.
    stamp: u32,
}

impl<'a> Selection<'a> {
    fn new(scores: &'a Scores, length: Length) -> Self {
        Selection {
            scores,
            length,
            chosen: crate::score::zeroed(scores.totals.len()),
            picked: Vec::new(),
            words: 0,
            comparisons: 0,
            marks: Vec::new(),
            stamp: 0,
        }
    }

    fn is_full(&self) -> bool {
        match self.length {
            Length::Sentences(count) => self.picked.len() >= count,
            Length::Words(budget) => self.words >= budget,
        }
    }

    /// True when sentence `i` nearly repeats one of the best chosen sentences: one sharing more than
    /// [`MAX_OVERLAP`] of the shorter sentence's content words. The sets are in no order: the candidate's words are
    /// marked, and each chosen sentence's marked words counted.
    fn repeats(&mut self, i: usize) -> bool {
        let checked = self.picked.len().min(REDUNDANCY_CHECKS);
        if checked == 0 {
            return false;
        }
        self.comparisons += checked;
        let keys = self.scores.keys.get(i);
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // Wrapped: the old marks could match the new stamps.
            self.marks.fill(0);
            self.stamp = 1;
        }
        // A mark for every key of the document, made at the first candidate compared: every key finds its mark, where
        // marks made as far as each candidate's largest key grew about twice a document (natively ~1,300 instructions
        // a growth) after a search for that key.
        if self.marks.is_empty() {
            self.marks = crate::score::zeroed(self.scores.keys.vocabulary());
        }
        for &key in keys {
            if let Some(mark) = self.marks.get_mut(key as usize) {
                *mark = self.stamp;
            }
        }
        let (marks, stamp) = (&self.marks, self.stamp);
        self.picked[..checked].iter().any(|&c| {
            let chosen = self.scores.keys.get(c);
            let smaller = chosen.len().min(keys.len());
            let shared = chosen.iter().filter(|&&key| marks.get(key as usize) == Some(&stamp)).count();
            smaller > 0 && shared as f64 / smaller as f64 > MAX_OVERLAP
        })
    }

    /// The sentences `i` needs in the summary to be readable — itself, and the sentences before it that it
    /// leans on — or `None` when it leans on more than [`MAX_CHAIN`] sentences.
    fn block_for(&self, i: usize) -> Option<std::ops::RangeInclusive<usize>> {
        if self.chosen[i] {
            return None;
        }
        let mut start = i;
        while start > 0 && self.scores.sentences[start].dangling && !self.chosen[start - 1] {
            if i - start == MAX_CHAIN {
                return None;
            }
            start -= 1;
        }
        Some(start..=i)
    }

    /// Adds `block` when it fits the requested length; reports whether it did.
    fn try_add(&mut self, block: std::ops::RangeInclusive<usize>) -> bool {
        // The block's sentences not chosen yet, counted here and walked again below rather than collected: a list
        // allocated and freed each call. Counted without a branch a sentence.
        let chosen = self.chosen.get(block.clone()).unwrap_or_default();
        let sentences = self.scores.sentences.get(block.clone()).unwrap_or_default();
        let (new, extra) = chosen.iter().zip(sentences).fold((0, 0), |(new, extra), (&chosen, read)| {
            let unchosen = usize::from(!chosen);
            (new + unchosen, extra + unchosen * read.words)
        });
        let fits = match self.length {
            Length::Sentences(count) => self.picked.len() + new <= count,
            Length::Words(budget) => self.words + extra <= budget,
        };
        if !fits || new == 0 {
            return false;
        }
        // The sentence the block was built for goes first: the redundancy checks compare against the best.
        let start = *block.start();
        for (offset, chosen) in self.chosen.get_mut(block).unwrap_or_default().iter_mut().enumerate().rev() {
            if !*chosen {
                *chosen = true;
                self.picked.push(start + offset);
            }
        }
        self.words += extra;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::SentenceReading;

    /// `n` sentences sharing most of their words, so every candidate is compared with the summary so far.
    fn similar_sentences(n: usize) -> Scores {
        let mut keys = crate::score::KeySets::default();
        for i in 0..n {
            keys.push(&[1, 2, 3, 4, 5, i as u32 + 10]);
        }
        Scores {
            totals: (0..n).map(|i| (i % 97) as f64).collect(),
            keys,
            sentences: (0..n).map(|i| SentenceReading::new(6, i % 3 == 1, false)).collect(),
            ..Scores::default()
        }
    }

    #[test]
    fn redundancy_checks_are_bounded_per_candidate() {
        for n in [1_000, 20_000] {
            let scores = similar_sentences(n);
            let selection = select(&scores, Length::Sentences(n / 2), QuotePreference::Allow);
            assert_eq!(selection.picked.len(), n / 2);
            assert!(selection.comparisons <= REDUNDANCY_CHECKS * n, "{} comparisons for {n} sentences", selection.comparisons);
        }
    }

    /// Rank keys order sentences as comparing the three in turn does: `last`, then the total highest first in
    /// `total_cmp`'s order (signed zeros, infinities and NaNs included), then the index.
    #[test]
    fn rank_keys_order_as_the_comparisons_in_turn() {
        let totals = [f64::NEG_INFINITY, -2.5, -0.0, 0.0, 1e-300, 0.5, 0.5000000000000001, 3.0, f64::INFINITY, f64::NAN, -f64::NAN];
        let mut keys = Vec::new();
        for last in [false, true] {
            for &total in &totals {
                for index in [0, 1, 7, usize::MAX >> 1] {
                    keys.push((last, total, index));
                }
            }
        }
        for &(la, ta, ia) in &keys {
            for &(lb, tb, ib) in &keys {
                let expected = la.cmp(&lb).then(tb.total_cmp(&ta)).then(ia.cmp(&ib));
                assert_eq!(rank_key(la, ta, ia).cmp(&rank_key(lb, tb, ib)), expected, "{la} {ta} {ia} / {lb} {tb} {ib}");
            }
        }
    }

    /// The heap ranks exactly as a stable sort by score (highest first) does, ties to the earlier sentence, with
    /// avoided quotes after everything else: checked by hand on a small case, then against the standard sort on
    /// many sizes with many ties.
    #[test]
    fn ranking_is_the_stable_order_by_score() {
        let scores = |totals: Vec<f64>, quoted: Vec<bool>| Scores {
            totals,
            sentences: quoted.into_iter().map(|quoted| SentenceReading::new(1, false, quoted)).collect(),
            ..Scores::default()
        };
        let all = |ranking: &mut Ranking| ranking.best_first().collect::<Vec<_>>();
        let small = scores(vec![0.5, 2.0, 0.5, 3.0, 2.0], vec![false, true, false, false, false]);
        assert_eq!(all(&mut Ranking::new(&small, QuotePreference::Allow)), [3, 1, 4, 0, 2]);
        assert_eq!(all(&mut Ranking::new(&small, QuotePreference::Avoid)), [3, 4, 0, 2, 1]);
        let mut ranking = Ranking::new(&small, QuotePreference::Allow);
        assert_eq!((ranking.get(1), ranking.ranked.len(), ranking.get(5)), (Some(1), 2, None));

        let mut seed = 99u32;
        for n in 0..200 {
            let totals: Vec<f64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    f64::from((seed >> 16) % 9) - 4.0
                })
                .collect();
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by(|&a, &b| totals[b].total_cmp(&totals[a]));
            let quoted = vec![false; n];
            assert_eq!(all(&mut Ranking::new(&scores(totals, quoted), QuotePreference::Allow)), expected, "{n} sentences");
        }
    }

    #[test]
    fn lengths_follow_the_options() {
        let options = |sentences, ratio, words| Options { sentences, ratio, words, ..Options::default() };
        assert_eq!(requested_length(10, &options(None, None, None)), Length::Sentences(3));
        assert_eq!(requested_length(2, &options(None, None, None)), Length::Sentences(2));
        assert_eq!(requested_length(10, &options(Some(12), None, None)), Length::Sentences(10));
        assert_eq!(requested_length(10, &options(None, Some(0.25), None)), Length::Sentences(3));
        assert_eq!(requested_length(10, &options(None, Some(0.01), None)), Length::Sentences(1));
        assert_eq!(requested_length(10, &options(None, None, Some(50))), Length::Words(50));
        // 100 words over 10 sentences: a 25-word budget holds about 3 sentences.
        assert_eq!(expected_sentences(Length::Words(25), 100, 10), 3);
        assert_eq!(expected_sentences(Length::Words(1), 100, 10), 1);
        assert_eq!(expected_sentences(Length::Words(10_000), 100, 10), 10);
    }
}
