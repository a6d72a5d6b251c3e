//! The cleanup's fitted numbers. Written by `eval/fit_cleanup.py --write` from ../shared/data/pasted/dev.jsonl
//! (127 pasted pages with human-annotated bodies); edit the script, not this file.

/// Logistic weights of a line's features, in the order of `density::FEATURES`.
pub(super) const LINE_WEIGHTS: [f64; 13] =
    [-2.8822, -0.3416, -1.9550, 1.0751, 0.3196, -0.3056, -1.0348, 1.1647, 2.1302, 3.0779, -3.2982, 0.1240, -1.3846];
/// Added to every line's log-odds before the maximum-sum stretch: how much chrome the article may enclose.
pub(super) const REGION_OFFSET: f64 = 5.00;
/// A line's log-odds above this makes it the anchor of the article's start (its first sure paragraph).
pub(super) const ANCHOR_LOGIT: f64 = -1.00;
/// Words of prose after which the header is over: later bylines or credits are inside the article.
pub(super) const HEADER_PROSE_WORDS: usize = 40;
/// How far before the anchor the headline may be, in lines.
pub(super) const TITLE_WINDOW: usize = 60;
/// Least share of a headline's content words found in the article's lead.
pub(super) const TITLE_MIN_OVERLAP: f64 = 0.34;
/// Score lost per line between a headline candidate and the anchor.
pub(super) const TITLE_DISTANCE_COST: f64 = 0.0040;
/// Headline candidates scoring within this of the best: the first of them is the headline (a standfirst under
/// it shares as many words with the lead).
pub(super) const TITLE_MARGIN: f64 = 0.15;
/// A "Related stories" or newsletter heading ends the article when less than this share of its prose follows.
pub(super) const TAIL_PROSE_SHARE: f64 = 0.15;
