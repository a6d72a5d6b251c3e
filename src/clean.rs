//! Finds the article in a pasted page: what is not article text (menus, teasers, share lines, bylines,
//! timestamps, footers) goes to `removed` with its reason, the headline becomes the title, and the rest is
//! split into paragraphs for the sentence splitter.
//!
//! Plain text keeps few clues, so each line is judged by what text does keep: length, terminal punctuation,
//! known chrome phrases, timestamps ("4 weeks ago"), bylines. The article is then the densest run of prose
//! lines (boilerpipe's text-density idea): a maximum-sum stretch where prose lines count for their words and
//! short unpunctuated lines count against.

use crate::lexicon::lexicons;
use crate::span::Span;

/// The article found in the input: spans into the original text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Article {
    /// The headline line, when there is one.
    pub title: Option<Span>,
    /// Names from the byline.
    pub authors: Vec<String>,
    /// The article's paragraphs, in order, excluding removed chrome.
    pub paragraphs: Vec<Span>,
    /// Spans that are not article text.
    pub removed: Vec<RemovedSpan>,
}

/// A span of chrome and why it was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RemovedSpan {
    pub span: Span,
    pub reason: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum LineKind {
    /// Chrome recognised by its own content.
    Chrome(&'static str),
    /// "By Jane Smith": the author line.
    Byline,
    /// A line that reads as article prose: long enough and punctuated.
    Prose,
    /// A short unpunctuated line: headline, subheading, menu item or teaser.
    Short,
}

#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    words: usize,
    kind: LineKind,
}

/// Lines of at least this many words that end in terminal punctuation are prose.
const PROSE_WORDS: usize = 7;
/// Lines this long are prose even without terminal punctuation (a run-on paragraph, captions run in).
const LONG_LINE_WORDS: usize = 25;

/// Splits `text` into article paragraphs and removed chrome.
pub(crate) fn find_article(text: &str) -> Article {
    let lines = classify_lines(text);
    let mut article = Article::default();
    let Some((first, last)) = densest_stretch(&lines) else {
        for line in &lines {
            match line.kind {
                LineKind::Chrome(reason) => article.removed.push(RemovedSpan { span: line.span, reason }),
                _ => article.paragraphs.push(line.span),
            }
        }
        strip_inline_chrome(text, &mut article);
        return article;
    };
    let title_line = find_title(text, &lines, first);
    for (i, line) in lines.iter().enumerate() {
        let inside = i >= first && i <= last;
        match line.kind {
            _ if Some(i) == title_line => article.title = Some(line.span),
            LineKind::Byline if i <= last => {
                article.authors.extend(byline_names(line.span.slice(text)));
                article.removed.push(RemovedSpan { span: line.span, reason: "byline" });
            }
            LineKind::Chrome(reason) => article.removed.push(RemovedSpan { span: line.span, reason }),
            _ if inside => article.paragraphs.push(line.span),
            _ if i < first => article.removed.push(RemovedSpan { span: line.span, reason: "header" }),
            _ => article.removed.push(RemovedSpan { span: line.span, reason: "navigation" }),
        }
    }
    strip_inline_chrome(text, &mut article);
    article
}

fn classify_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let trimmed_start = raw.len() - raw.trim_start().len();
        let content = raw.trim();
        if content.is_empty() {
            continue;
        }
        let span = Span::new(start + trimmed_start, start + trimmed_start + content.len());
        let words = content.split_whitespace().count();
        lines.push(Line { span, words, kind: classify(content, words) });
    }
    lines
}

fn classify(line: &str, words: usize) -> LineKind {
    if !line.chars().any(char::is_alphanumeric) {
        return LineKind::Chrome("separator");
    }
    if let Some(reason) = chrome_phrase(line) {
        return LineKind::Chrome(reason);
    }
    if is_timestamp_line(line) {
        return LineKind::Chrome("timestamp");
    }
    if is_byline(line, words) {
        return LineKind::Byline;
    }
    if words <= 12 && has_relative_time(line) {
        return LineKind::Chrome("teaser");
    }
    if line.starts_with('©') || line.to_lowercase().contains("all rights reserved") {
        return LineKind::Chrome("footer");
    }
    let punctuated = ends_with_terminal(line);
    if (words >= PROSE_WORDS && punctuated) || words >= LONG_LINE_WORDS {
        LineKind::Prose
    } else {
        LineKind::Short
    }
}

/// The reason of a chrome phrase that makes up the whole line (ignoring case and trailing punctuation), or
/// that opens it when the phrase ends in a colon ("Read more: …").
fn chrome_phrase(line: &str) -> Option<&'static str> {
    if line.len() > 80 {
        return None;
    }
    let normalized = line.trim_end_matches(|c: char| c.is_ascii_punctuation() && c != ':').to_lowercase();
    lexicons().chrome_phrases.iter().find_map(|&(phrase, reason)| {
        let phrase_lower = phrase.to_lowercase();
        let matches = normalized == phrase_lower
            || (phrase_lower.ends_with(':') && normalized.starts_with(&phrase_lower));
        matches.then_some(reason)
    })
}

/// "PUBLISHED: 14:11 EST, 25 October 2013 | UPDATED: …", "Updated 3:04 PM ET, Mon March 2, 2015".
fn is_timestamp_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    let starts = ["published:", "updated:", "last updated", "updated ", "posted:", "posted on", "published on", "first published"];
    line.len() < 120 && starts.iter().any(|s| lower.starts_with(s)) && line.chars().any(|c| c.is_ascii_digit())
}

/// "By Jane Smith", "By Jane Smith and John Doe, Senior Reporter": a short line opening with "By" and a
/// capitalised name.
fn is_byline(line: &str, words: usize) -> bool {
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("by ")).or_else(|| line.strip_prefix("BY ")) else {
        return false;
    };
    words <= 12 && !ends_with_terminal(line.trim_end_matches('.')) && rest.trim_start_matches(['.', ' ']).chars().next().is_some_and(char::is_uppercase)
}

/// The names in a byline: "By Jane Smith and John Doe, Senior Reporter" → ["Jane Smith", "John Doe"].
fn byline_names(line: &str) -> Vec<String> {
    let rest = line.get(3..).unwrap_or("").trim_start_matches(['.', ' ']);
    let names_part = rest.split([',', '|', '•', '-', '–', '—']).next().unwrap_or("");
    names_part
        .split(" and ")
        .flat_map(|part| part.split(" & "))
        .map(|name| name.trim().trim_end_matches('.').to_string())
        .filter(|name| !name.is_empty() && name.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase)))
        .collect()
}

/// "4 weeks ago", "2 hours ago", "Science4 weeks agoUniversity…": the counters of teaser lists.
fn has_relative_time(line: &str) -> bool {
    let lower = line.to_lowercase();
    let units = ["second", "minute", "min", "hour", "hr", "day", "week", "month", "year"];
    lower.match_indices("ago").any(|(at, _)| {
        let before = lower[..at].trim_end();
        let before = before.trim_end_matches('s');
        units.iter().any(|unit| {
            before.strip_suffix(unit).is_some_and(|rest| rest.trim_end().chars().last().is_some_and(|c| c.is_ascii_digit()))
        })
    })
}

fn ends_with_terminal(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', '।', '؟', ':'])
}

/// The stretch of lines `first..=last` with the largest density score, or `None` when no line reads as
/// prose (then every line that is not chrome is kept).
fn densest_stretch(lines: &[Line]) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let mut current = 0.0;
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        let weight = match line.kind {
            LineKind::Prose => line.words as f64,
            LineKind::Short => -(2.0 + line.words as f64 * 0.5),
            LineKind::Chrome(_) | LineKind::Byline => -1.0,
        };
        if current <= 0.0 {
            current = 0.0;
            start = i;
        }
        current += weight;
        if current > 0.0 && best.map_or(true, |(score, _, _)| current > score) {
            best = Some((current, start, i));
        }
    }
    let (_, mut first, last) = best?;
    if !lines[first..=last].iter().any(|l| l.kind == LineKind::Prose) {
        return None;
    }
    // Short lines straight before the body that run into it (a lead paragraph's first line, a subtitle) stay
    // outside; the title is chosen from them separately.
    while first < last && lines[first].kind != LineKind::Prose {
        first += 1;
    }
    Some((first, last))
}

/// The headline: the nearest short line above the body with at least three words that is not chrome, or the
/// very first line when it is short and the body starts right after it.
fn find_title(text: &str, lines: &[Line], body_start: usize) -> Option<usize> {
    let window = body_start.saturating_sub(6)..body_start;
    window.rev().find(|&i| {
        let line = lines[i];
        line.kind == LineKind::Short && line.words >= 3 && line.words <= 25 && !line.span.slice(text).ends_with(['.', ':'])
    })
}

/// Markers inside kept paragraphs that are not article text: "(CNN) --" datelines, "Scroll down for video",
/// Daily Mail header debris ("By . Jane Smith . PUBLISHED: … | . UPDATED: … ."). Each splits its paragraph.
fn strip_inline_chrome(text: &str, article: &mut Article) {
    let mut paragraphs = Vec::with_capacity(article.paragraphs.len());
    for &paragraph in &article.paragraphs {
        let mut cuts: Vec<RemovedSpan> = Vec::new();
        let content = paragraph.slice(text);
        if let Some(len) = dateline_marker(content) {
            cuts.push(RemovedSpan { span: Span::new(paragraph.start, paragraph.start + len), reason: "dateline" });
        }
        for phrase in ["Scroll down for video", "Scroll down for videos"] {
            for (at, _) in content.match_indices(phrase) {
                let end = at + phrase.len();
                if content[end..].starts_with('s') {
                    continue;
                }
                cuts.push(RemovedSpan { span: Span::new(paragraph.start + at, paragraph.start + end), reason: "video" });
            }
        }
        cuts.sort_by_key(|c| c.span.start);
        let mut from = paragraph.start;
        for cut in cuts {
            if cut.span.start < from {
                continue;
            }
            push_trimmed(text, Span::new(from, cut.span.start), &mut paragraphs);
            article.removed.push(cut);
            from = cut.span.end;
        }
        push_trimmed(text, Span::new(from, paragraph.end), &mut paragraphs);
    }
    article.paragraphs = paragraphs;
    article.removed.sort_by_key(|r| r.span.start);
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let piece = span.slice(text);
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(Span::new(span.start + lead, span.start + lead + trimmed.len()));
    }
}

/// Length of a leading news-agency dateline marker: "(CNN) -- ", "(CNN)", "LONDON, England (Reuters) - ".
fn dateline_marker(paragraph: &str) -> Option<usize> {
    let open = paragraph.find('(')?;
    if open > 60 {
        return None;
    }
    let place = paragraph[..open].trim();
    // "LONDON, England (CNN)": the place opens in capitals; an empty place is the bare "(CNN)" form.
    let city = place.split(',').next().unwrap_or("");
    if !city.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.') {
        return None;
    }
    let close = open + paragraph[open..].find(')')?;
    let agency = &paragraph[open + 1..close];
    let agencies = ["CNN", "Reuters", "AP", "AFP", "EW.com", "CNN Student News", "Mashable", "The Hollywood Reporter"];
    if !agencies.contains(&agency) {
        return None;
    }
    let rest = &paragraph[close + 1..];
    let dash = rest.len() - rest.trim_start_matches([' ', '-', '—', '–']).len();
    Some(close + 1 + dash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teaser_counters_are_recognised() {
        assert!(has_relative_time("Science4 weeks agoUniversity of Hawaii Joins $25.6M AI Initiative"));
        assert!(has_relative_time("Top Stories1 month agoRandi Mahomes Launches"));
        assert!(!has_relative_time("The war began long ago in the east."));
    }

    #[test]
    fn cnn_dateline_marker_is_removed_but_not_the_text() {
        let text = "(CNN)ESPN's Britt McHenry this week found herself in the news, rather than reporting on it.";
        let article = find_article(text);
        assert_eq!(article.removed[0].reason, "dateline");
        assert!(article.paragraphs[0].slice(text).starts_with("ESPN's"));
    }

    #[test]
    fn byline_names_are_authors() {
        assert_eq!(byline_names("By Jane Smith and John Doe, Senior Reporters"), vec!["Jane Smith", "John Doe"]);
    }
}
