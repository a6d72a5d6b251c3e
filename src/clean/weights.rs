//! The cleanup's fitted numbers. Written by `eval/fit_cleanup.py --write` from ../shared/data/pasted/dev.jsonl
//! (127 pasted pages with human-annotated bodies); edit the script, not this file.

/// Logistic weights of a line's features, in the order of `density::FEATURES`.
pub(super) const LINE_WEIGHTS: [f64; 13] =
    [-2.9153, -0.3335, -2.0091, 1.0929, 0.3888, -0.2952, -0.9309, 1.1617, 2.0994, 3.0765, -3.2937, 0.1196, -1.3709];
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
