//! The top of the article: which line is the headline, and where the header (standfirst, byline, date, share
//! buttons, lead photo caption and credit) ends and the article's first paragraph begins.

use std::collections::HashSet;

use super::chrome::ends_header;
use super::lines::{function_words, has_gaps, Line};
use super::weights::{HEADER_PROSE_WORDS, TITLE_DISTANCE_COST, TITLE_MIN_OVERLAP, TITLE_WINDOW};

/// Lines after the anchor whose words make up the lead the headline is compared with.
const LEAD_LINES: usize = 12;

/// The headline: among the lines shortly before the article's anchor, the headline-shaped one that shares
/// most of its content words with the article's lead, nearer lines preferred. A teaser headline shares few
/// words with this article's lead, and teaser lists sit after the article or far from its start.
pub(super) fn find_title(text: &str, lines: &[Line], anchor: usize) -> Option<usize> {
    let mut lead = HashSet::new();
    for line in lines.iter().skip(anchor).take(LEAD_LINES).filter(|l| l.prose) {
        lead.extend(content_words(line.span.slice(text)));
    }
    let mut best: Option<(f64, usize)> = None;
    for i in anchor.saturating_sub(TITLE_WINDOW)..anchor {
        let line = &lines[i];
        let content = line.span.slice(text);
        if line.chrome.is_some() || !(3..=30).contains(&line.words) || content.ends_with(['.', ':', ',']) {
            continue;
        }
        let words = content_words(content);
        if words.len() < 2 {
            continue;
        }
        let overlap = words.iter().filter(|w| lead.contains(*w)).count() as f64 / words.len() as f64;
        let score = overlap - TITLE_DISTANCE_COST * (anchor - i) as f64;
        if overlap >= TITLE_MIN_OVERLAP && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Lower-cased words with letters that are not function words: what a headline and its lead share.
fn content_words(line: &str) -> HashSet<String> {
    let function = function_words();
    line.split_whitespace()
        .map(|t| t.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>())
        .filter(|k| !k.is_empty() && !function.contains(k.as_str()) && !k.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// The first line of the article proper, scanning `from..=last`. A byline, date, share row or photo credit
/// ends the header: the article starts after the last of them, unless two paragraphs and enough prose have run
/// since (then it is inside the article). In a paste that keeps blank lines around paragraphs, the article
/// starts at a line set off by them; a standfirst or caption run on line by line is not.
pub(super) fn find_body_start(lines: &[Line], from: usize, last: usize) -> usize {
    let gaps = has_gaps(lines);
    let window = lines.get(from..=last).unwrap_or(&[]);
    let prose = window.iter().filter(|l| l.prose).count();
    let set_off = window.iter().filter(|l| l.prose && l.blank_before && l.blank_after).count();
    // Where most paragraphs stand between blank lines, the first paragraph does too.
    let both = gaps && set_off * 10 >= prose * 6;
    let (mut start, mut words, mut paragraphs) = (None, 0, 0);
    for (i, line) in window.iter().enumerate() {
        if line.chrome.is_some_and(ends_header) {
            (start, words, paragraphs) = (None, 0, 0);
            continue;
        }
        let spaced = if both { line.blank_before && line.blank_after } else { line.blank_before || line.blank_after };
        if start.is_none() && (!gaps || spaced) {
            start = Some(from + i);
        }
        if line.prose && start.is_some() {
            words += line.words;
            paragraphs += 1;
            if words >= HEADER_PROSE_WORDS && paragraphs >= 2 {
                break;
            }
        }
    }
    start.unwrap_or(from)
}
