//! The top of the article: which line is the headline, and where the header (standfirst, byline, date, share
//! buttons, lead photo caption and credit) ends and the article's first paragraph begins.

use super::chrome::{ends_header, ends_with_credit};
use super::lines::{has_gaps, is_function_token, push_key, Line};
use super::weights::{HEADER_PROSE_WORDS, TITLE_DISTANCE_COST, TITLE_MARGIN, TITLE_MIN_OVERLAP, TITLE_WINDOW};
use crate::lexicon::sorted_distinct;
use crate::tokens::split_whitespace;

/// Lines after the anchor whose words make up the lead the headline is compared with.
const LEAD_LINES: usize = 12;
/// Pseudo-counts that smooth a candidate's share of words found in the lead: "Science & Health" sharing its
/// two words is weaker evidence than a headline sharing five of its eight.
const TITLE_PRIOR: f64 = 2.0;

/// The headline: among the lines shortly before the article's anchor, the headline-shaped one that shares
/// most of its content words with the article's lead, nearer lines preferred; of candidates that score about
/// as well, the first (a standfirst under the headline shares as many words with the lead). A teaser headline
/// shares few words with this article's lead, and teaser lists sit after the article or far from its start.
pub(super) fn find_title(text: &str, lines: &[Line], anchor: usize) -> Option<usize> {
    // No line before the anchor (an article pasted as one paragraph): no candidate, and the search, out of line,
    // is not compiled at start-up.
    if anchor == 0 {
        return None;
    }
    title_before(text, lines, anchor)
}

/// [`find_title`] when lines come before the anchor.
#[inline(never)]
fn title_before(text: &str, lines: &[Line], anchor: usize) -> Option<usize> {
    // The lead's words are gathered only once a candidate needs them: often no line comes before the anchor,
    // and the lead can be the whole text (an article pasted as one line).
    let mut lead: Option<Vec<String>> = None;
    let mut candidates: Vec<(f64, usize)> = Vec::new();
    for i in anchor.saturating_sub(TITLE_WINDOW)..anchor {
        let line = &lines[i];
        let content = line.span.slice(text);
        if line.chrome.is_some() || !(3..=30).contains(&line.words) || content.ends_with(['.', ':', ',']) {
            continue;
        }
        let words = content_words(content);
        if words.len() < 3 {
            continue;
        }
        let lead = lead.get_or_insert_with(|| lead_words(text, lines, anchor));
        let shared = words.iter().filter(|w| lead.binary_search(w).is_ok()).count();
        let overlap = (shared as f64 + TITLE_PRIOR) / (words.len() as f64 + 2.0 * TITLE_PRIOR);
        if shared >= 2 && overlap >= TITLE_MIN_OVERLAP {
            candidates.push((overlap - TITLE_DISTANCE_COST * (anchor - i) as f64, i));
        }
    }
    let best = candidates.iter().map(|&(score, _)| score).fold(f64::NEG_INFINITY, f64::max);
    candidates.iter().filter(|&&(score, _)| score >= best - TITLE_MARGIN).map(|&(_, i)| i).min()
}

/// The content words of the prose lines that open the article at `anchor`, sorted, each once.
fn lead_words(text: &str, lines: &[Line], anchor: usize) -> Vec<String> {
    let mut lead = Vec::new();
    for line in lines.iter().skip(anchor).take(LEAD_LINES).filter(|l| l.prose) {
        lead.extend(content_words(line.span.slice(text)));
    }
    sorted_distinct(lead)
}

/// True when most prose lines of `window` stand between blank lines, in a paste that keeps blank lines.
pub(super) fn paragraphs_set_off(lines: &[Line], window: &[Line]) -> bool {
    let prose = window.iter().filter(|l| l.prose).count();
    let set_off = window.iter().filter(|l| l.prose && l.set_off()).count();
    has_gaps(lines) && set_off * 10 >= prose * 6
}

/// The content words of a line as headline and lead share them: not function words, not bare numbers, keyed
/// by [`title_key`], sorted, each once.
fn content_words(line: &str) -> Vec<String> {
    let mut buffer = Vec::new();
    let mut words = Vec::new();
    for token in split_whitespace(line) {
        if is_function_token(token, &mut buffer) {
            continue;
        }
        let key = title_key(token);
        if !key.is_empty() && !key.bytes().all(|b| b.is_ascii_digit()) {
            words.push(key);
        }
    }
    sorted_distinct(words)
}

/// A word as headline and lead share it: letters and digits, lower case, without a possessive or plural s
/// ("Japan's" and "Japan", "figures" and "figure").
fn title_key(token: &str) -> String {
    // The marks as a `matches!`: a `str::contains` of a character outside ASCII compiles the two-way searcher.
    let token = token.trim_matches(|c: char| {
        matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '(' | ')' | '[' | ']' | '{' | '}' | '.' | ',' | ';' | ':' | '!' | '?' | '…' | '«' | '»' | '-' | '–' | '—')
    });
    // "'s", "'S", "’s", "’S", compared as bytes ("’" is E2 80 99).
    let ending = match token.as_bytes() {
        [.., b'\'', b's' | b'S'] => 2,
        [.., 0xE2, 0x80, 0x99, b's' | b'S'] => 4,
        _ => 0,
    };
    let token = token.get(..token.len() - ending).unwrap_or(token);
    let mut bytes = Vec::with_capacity(token.len());
    push_key(token, &mut bytes);
    // The key is whole characters, so the conversion never fails (and an empty key would match nothing).
    let mut key = String::from_utf8(bytes).unwrap_or_default();
    if key.chars().count() > 3 && key.ends_with('s') && !key.ends_with("ss") {
        key.pop();
    }
    key
}

/// The first line of the article proper, scanning `from..=last`. A byline, date, share row or photo credit
/// ends the header: the article starts after the last of them, unless two paragraphs and enough prose have run
/// since (then it is inside the article). In a paste that keeps blank lines around paragraphs, the article
/// starts at a line set off by them; a standfirst or caption run on line by line is not.
pub(super) fn find_body_start(text: &str, lines: &[Line], from: usize, last: usize) -> usize {
    let gaps = has_gaps(lines);
    let window = lines.get(from..=last).unwrap_or(&[]);
    // Where most paragraphs stand between blank lines, the first paragraph does too.
    let both = paragraphs_set_off(lines, window);
    let (mut start, mut words, mut paragraphs, mut set_off_seen) = (None, 0, 0, false);
    for (i, line) in window.iter().enumerate() {
        // A caption carrying its credit after a paragraph laid out as the article's are ("WeWork chairman
        // Marcelo Claure (Credit: Getty Images)") is inside the article.
        let inside_caption = matches!(line.chrome, Some("caption" | "credit"))
            && both
            && set_off_seen
            && ends_with_credit(line.span.slice(text));
        if line.chrome.is_some_and(ends_header) && !inside_caption {
            (start, words, paragraphs, set_off_seen) = (None, 0, 0, false);
            continue;
        }
        let spaced = if both { line.blank_before && line.blank_after } else { line.blank_before || line.blank_after };
        if start.is_none() && (!gaps || spaced) {
            start = Some(from + i);
        }
        if line.prose && start.is_some() {
            words += line.words;
            paragraphs += 1;
            set_off_seen |= line.set_off();
            if words >= HEADER_PROSE_WORDS && paragraphs >= 2 {
                break;
            }
        }
    }
    start.unwrap_or(from)
}
