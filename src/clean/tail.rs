//! The end of the article: the density region often runs on into what follows an article — a comment
//! section, a "Related stories" or newsletter box, a teaser list with its times ("2H ago") — when that
//! material is written in sentences too. Each of these ends the article before it.

use super::header::paragraphs_set_off;
use super::lines::Line;
use super::weights::TAIL_PROSE_SHARE;

/// Comment marks ("jane says:", "Reply", "Comments") inside the region: three or more end the article before
/// the first of them.
const COMMENT_MARKS: usize = 3;
/// Chrome that heads what follows an article.
const TAIL_HEADINGS: [&str; 6] = ["related", "newsletter", "comments", "navigation", "sign-in", "share"];
/// Teaser lists repeat a time mark at least every this many lines.
const TEASER_PERIOD: usize = 4;

/// The article's last line, `first..=last` being the region after its header.
pub(super) fn find_body_end(lines: &[Line], first: usize, last: usize) -> usize {
    if first >= last || last >= lines.len() {
        return last;
    }
    end_before_tail(lines, first, last)
}

/// [`find_body_end`] for a region of two lines or more: out of line, so that an article of one line (pasted as one
/// paragraph) does not compile it at start-up.
#[inline(never)]
fn end_before_tail(lines: &[Line], first: usize, last: usize) -> usize {
    let last = end_before_comments(lines, first, last);
    let last = end_before_heading(lines, first, last);
    end_before_teasers(lines, first, last)
}

fn end_before_comments(lines: &[Line], first: usize, last: usize) -> usize {
    let mut marks = (first..=last).filter(|&i| lines[i].chrome == Some("comments"));
    match marks.next() {
        Some(mark) if mark > first && marks.count() + 1 >= COMMENT_MARKS => mark - 1,
        _ => last,
    }
}

/// A "Related stories" / "Most read" / newsletter heading after the article's first paragraph ends it when
/// less than `TAIL_PROSE_SHARE` of the prose follows (teaser headlines and blurbs, not more article) — unless,
/// where paragraphs stand between blank lines, a paragraph laid out so follows it. Where they do, only prose so
/// laid out counts as following: a teaser list's blurbs run on line by line.
fn end_before_heading(lines: &[Line], first: usize, last: usize) -> usize {
    let window = &lines[first..=last];
    let total: usize = window.iter().filter(|l| l.prose).map(|l| l.words).sum();
    let set_off = paragraphs_set_off(lines, window);
    let article_like = |l: &Line| l.prose && (!set_off || l.set_off());
    // Prose words from each line to the window's end, counting only article-like prose.
    let mut after = vec![0usize; window.len() + 1];
    for (i, line) in window.iter().enumerate().rev() {
        after[i] = after[i + 1] + if article_like(line) { line.words } else { 0 };
    }
    // The last paragraph laid out between blank lines: a heading before it has article after it.
    let last_set_off = window.iter().rposition(|l| l.prose && l.set_off());
    let mut before = 0;
    for (i, line) in window.iter().enumerate() {
        let heading = line.chrome.is_some_and(|r| TAIL_HEADINGS.contains(&r));
        if heading && before > 0 && (after[i] as f64) < TAIL_PROSE_SHARE * total as f64 {
            let paragraph_follows = last_set_off.is_some_and(|p| p > i);
            if !(set_off && paragraph_follows) {
                return (first + i).saturating_sub(1).max(first);
            }
        }
        if line.prose {
            before += line.words;
        }
    }
    last
}

/// A teaser list — headline, blurb, "2H ago", headline, blurb, "5H ago"… — ends the article where its first
/// item starts: three time marks each at most `TEASER_PERIOD` lines after the previous, after the article's
/// first paragraph, with no paragraph set off by blank lines among them (a live blog's timed entries are).
fn end_before_teasers(lines: &[Line], first: usize, last: usize) -> usize {
    let set_off = paragraphs_set_off(lines, &lines[first..=last]);
    let marks: Vec<usize> =
        (first..=last).filter(|&i| matches!(lines[i].chrome, Some("teaser" | "timestamp"))).collect();
    let first_prose = (first..=last).find(|&i| lines[i].prose);
    for triple in marks.windows(3) {
        let (a, b, c) = (triple[0], triple[1], triple[2]);
        if b - a > TEASER_PERIOD || c - b > TEASER_PERIOD || first_prose.is_none_or(|p| p >= a) {
            continue;
        }
        if set_off && lines[a..=c].iter().any(|l| l.prose && l.set_off()) {
            continue;
        }
        return a.saturating_sub(b - a).max(first);
    }
    last
}
