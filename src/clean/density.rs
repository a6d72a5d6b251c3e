//! Where the article lies in the page: each line gets the log-odds that it is article text (a logistic model
//! over the line's features and its neighbours', fitted by `eval/fit_cleanup.py`), and the article is the
//! stretch of lines with the largest sum — boilerpipe's idea that the article is the densest block of text,
//! with menus, teaser lists and footers around it pulling the sum down.

use super::lines::{has_gaps, Line};
use super::weights::{ANCHOR_LOGIT, LINE_WEIGHTS, REGION_OFFSET};

/// The features the model weighs, in the order of `LINE_WEIGHTS`; `eval/fit_cleanup.py` computes the same.
pub(super) const FEATURES: [&str; 13] = [
    "bias",
    "log_words",
    "terminal",
    "terminal_x_log_words",
    "function_share",
    "capital_share",
    "repeated",
    "gap",
    "prose_neighbours",
    "prose_near",
    "chrome",
    "log_short_run",
    "tiny",
];
const _: () = assert!(FEATURES.len() == LINE_WEIGHTS.len());

/// The log-odds of every line being article text.
pub(super) fn line_logits(lines: &[Line]) -> Vec<f64> {
    let gaps = has_gaps(lines);
    let mut runs = ShortRuns::default();
    let prose = |i: Option<usize>| -> f64 {
        match i.and_then(|i| lines.get(i)) {
            Some(line) if line.prose => 1.0,
            _ => 0.0,
        }
    };
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let log_words = (line.words as f64).ln_1p();
            let terminal = f64::from(u8::from(line.terminal));
            let neighbours = (prose(i.checked_sub(1)) + prose(Some(i + 1))) / 2.0;
            let near = (prose(i.checked_sub(2)) + prose(Some(i + 2)) + prose(i.checked_sub(3)) + prose(Some(i + 3))) / 4.0;
            let features = [
                1.0,
                log_words,
                terminal,
                terminal * log_words,
                line.function_share,
                line.capital_share,
                f64::from(u8::from(line.repeated)),
                line.gap(gaps),
                neighbours,
                near,
                f64::from(u8::from(line.chrome.is_some())),
                (runs.length_at(lines, i) as f64).ln_1p(),
                f64::from(u8::from(line.words <= 3)),
            ];
            features.iter().zip(LINE_WEIGHTS.iter()).map(|(x, w)| x * w).sum()
        })
        .collect()
}

/// For each line, the length of the run of consecutive non-prose lines it belongs to (0 for prose): menus
/// come in long runs, subheadings alone. Asked line by line in order, each run measured once, as its first line is
/// asked: no list of the lengths is made.
#[derive(Default)]
struct ShortRuns {
    /// The line after the run last measured.
    end: usize,
    /// Its length (0 for a prose line).
    length: usize,
}

impl ShortRuns {
    /// The length of the run of non-prose lines that holds line `i` of `lines`; `i` is the line after the one asked
    /// last, or one in the same run.
    fn length_at(&mut self, lines: &[Line], i: usize) -> usize {
        if i >= self.end {
            let prose = lines.get(i).is_some_and(|line| line.prose);
            self.end = if prose { i + 1 } else { lines.iter().skip(i).position(|line| line.prose).map_or(lines.len(), |run| i + run) };
            self.length = if prose { 0 } else { self.end - i };
        }
        self.length
    }
}

/// The article's region: the stretch `first..=last` of lines with the largest sum of
/// `(logit + REGION_OFFSET) × ln(1 + words)`, or `None` when no stretch is positive. Long lines weigh more,
/// so a paragraph outweighs a menu item.
pub(super) fn find_region(lines: &[Line], logits: &[f64]) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let mut current = 0.0;
    let mut start = 0;
    for (i, (line, logit)) in lines.iter().zip(logits).enumerate() {
        if current <= 0.0 {
            current = 0.0;
            start = i;
        }
        current += (logit + REGION_OFFSET) * (line.words as f64).ln_1p();
        if current > 0.0 && best.is_none_or(|(score, _, _)| current > score) {
            best = Some((current, start, i));
        }
    }
    let (_, first, last) = best?;
    lines[first..=last].iter().any(|l| l.prose).then_some((first, last))
}

/// The first sure paragraph of the region: a prose line the model is confident about, else its first prose
/// line.
pub(super) fn find_anchor(lines: &[Line], logits: &[f64], region: (usize, usize)) -> usize {
    let mut prose = (region.0..=region.1).filter(|&i| lines[i].prose);
    let first = prose.next().unwrap_or(region.0);
    std::iter::once(first).chain(prose).find(|&i| logits[i] > ANCHOR_LOGIT).unwrap_or(first)
}
