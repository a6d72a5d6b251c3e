//! Finds the article in a pasted page: what is not article text (menus, teasers, share rows, bylines,
//! timestamps, captions, footers) goes to `removed` with its reason, the headline becomes the title, and the
//! rest is split into paragraphs for the sentence splitter.
//!
//! Plain text keeps few clues, so the cleanup reads what text does keep, in four steps:
//! 1. `lines` — each line's length, terminal punctuation, function-word and capital shares, whether it repeats
//!    elsewhere in the page, whether blank lines surround it; `chrome` names the lines that are chrome by
//!    their own content ("Advertisement", "By Jane Smith", "Nov. 19, 2019 8:03 am ET", "© 2019 …").
//! 2. `density` — the article's region: a logistic model turns each line's features and its neighbours' into
//!    the log-odds of being article text, and the region is the stretch with the largest sum (boilerpipe's
//!    densest block). The weights are fitted on real pasted pages by `eval/fit_cleanup.py`.
//! 3. `header` and `tail` — the headline (the headline-shaped line before the region that shares most words
//!    with the lead), the article's first paragraph (after the byline, date, share row and lead photo credit)
//!    and its last (before a comment section, a "Related stories" box or a teaser list).
//! 4. `inline` — chrome run into kept paragraphs: "(CNN) --" datelines, "Scroll down for video",
//!    "Read more: …", Daily Mail header debris, captions. Each removal splits its paragraph, so no sentence
//!    straddles removed chrome.
//!
//! Everything is linear in the input's length: one pass per step, hash look-ups, bounded windows.

mod chrome;
mod density;
mod header;
mod inline;
mod lines;
mod tail;
mod weights;

use crate::span::Span;
use lines::Line;

/// The article found in the input: spans into the original text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Article {
    /// The headline line, when there is one.
    pub title: Option<Span>,
    /// Names from the byline.
    pub authors: Vec<String>,
    /// The article's paragraphs, in order, excluding removed chrome.
    pub paragraphs: Vec<Span>,
    /// Spans that are not article text, in text order.
    pub removed: Vec<RemovedSpan>,
}

/// A span of chrome and why it was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RemovedSpan {
    pub span: Span,
    pub reason: &'static str,
}

/// Runs of at least this many short lines outside the article are reported as a menu.
const MENU_RUN: usize = 3;
/// Lines of at most this many words, without a terminator, can be menu items.
const MENU_ITEM_WORDS: usize = 4;

/// Splits `text` into article paragraphs, removed chrome and the title.
pub(crate) fn find_article(text: &str) -> Article {
    let lines = lines::split_lines(text);
    let logits = density::line_logits(&lines);
    let mut article = Article::default();
    let Some(region) = density::find_region(&lines, &logits) else {
        // No line reads as prose: keep everything that is not chrome by its own content.
        for line in &lines {
            match line.chrome {
                Some(reason) => article.removed.push(RemovedSpan { span: line.span, reason }),
                None => article.paragraphs.push(line.span),
            }
        }
        inline::strip_inline_chrome(text, &mut article);
        return article;
    };
    let anchor = density::find_anchor(&lines, &logits, region);
    let title = header::find_title(text, &lines, anchor);
    let from = title.map_or(region.0, |t| t + 1).max(region.0);
    let first = header::find_body_start(text, &lines, from, region.1);
    let last = tail::find_body_end(&lines, first, region.1);
    let menus = menu_lines(text, &lines);
    for (i, line) in lines.iter().enumerate() {
        if Some(i) == title {
            article.title = Some(line.span);
            continue;
        }
        if line.chrome == Some("byline") && i <= last {
            article.authors.extend(byline_names(line.span.slice(text)));
        }
        let inside = i >= first && i <= last;
        let reason = match line.chrome {
            Some(reason) => reason,
            None if inside => {
                article.paragraphs.push(line.span);
                continue;
            }
            None if i > last && i <= region.1 => "related",
            None if menus[i] => "menu",
            None if i < first => "header",
            None => "navigation",
        };
        article.removed.push(RemovedSpan { span: line.span, reason });
    }
    inline::strip_inline_chrome(text, &mut article);
    article
}

/// Lines that belong to a run of short unpunctuated lines (section names, "Home", "Contact us").
fn menu_lines(text: &str, lines: &[Line]) -> Vec<bool> {
    let short = |line: &Line| {
        line.words <= MENU_ITEM_WORDS && !line.terminal && !line.span.slice(text).chars().any(|c| c.is_ascii_digit())
    };
    let mut menus = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        while i < lines.len() && short(&lines[i]) {
            i += 1;
        }
        if i - start >= MENU_RUN {
            for flag in &mut menus[start..i] {
                *flag = true;
            }
        }
        if i == start {
            i += 1;
        }
    }
    menus
}

/// The names in a byline: "By Jane Smith and John Doe, Senior Reporter" → ["Jane Smith", "John Doe"].
fn byline_names(line: &str) -> Vec<String> {
    let rest = line.split_once(|c: char| c.is_whitespace()).map_or("", |(_, rest)| rest);
    let rest = rest.strip_prefix("by ").or_else(|| rest.strip_prefix("By ")).unwrap_or(rest);
    let rest = rest.trim_start_matches(['.', ' ', ':']);
    let names_part = rest.split([',', '|', '•', '-', '–', '—']).next().unwrap_or("");
    names_part
        .split(" and ")
        .flat_map(|part| part.split(" & "))
        .map(|name| name.trim().trim_end_matches('.').trim_end().to_string())
        .filter(|name| {
            let words: Vec<&str> = name.split_whitespace().collect();
            (1..=4).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_names_are_authors() {
        assert_eq!(byline_names("By Jane Smith and John Doe, Senior Reporters"), vec!["Jane Smith", "John Doe"]);
        assert_eq!(byline_names("Written by Regan"), vec!["Regan"]);
        assert_eq!(byline_names("By . Jane Smith ."), vec!["Jane Smith"]);
    }

    #[test]
    fn cnn_dateline_marker_is_removed_but_not_the_text() {
        let text = "(CNN)ESPN's Britt McHenry this week found herself in the news, rather than reporting on it.";
        let article = find_article(text);
        assert_eq!(article.removed[0].reason, "dateline");
        assert!(article.paragraphs[0].slice(text).starts_with("ESPN's"));
    }
}
