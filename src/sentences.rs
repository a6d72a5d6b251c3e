//! Sentence segmentation: splits each article paragraph into sentence spans of the original text.
//!
//! A boundary is a terminator (`.`, `!`, `?`, `…`, `。`, `।`, `؟`…) with any closing quotes and brackets after
//! it, followed by white space and a word that can open a sentence. A period is then judged by the word it
//! ends: titles ("Mr.", "Dr.") never end a sentence before a name; other abbreviations, initials and dotted
//! acronyms ("Co.", "J.", "U.S.") end it only when a typical sentence opener follows ("…Briggs & Co. It
//! closed…", "…in the U.S. How about you?"). Numbers, versions, money, e-mail addresses and URLs have no white
//! space after their periods and are never split. A lower-case word after a quote's terminator is its speaker
//! tag ("…great." she said.) and keeps the sentence going.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lexicon::{lexicons, AbbreviationKind};
use crate::span::Span;

/// One sentence: its span in the original text and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SentenceSpan {
    pub span: Span,
    pub paragraph: usize,
    /// Position of the sentence within its paragraph (0 for the paragraph's first sentence).
    pub in_paragraph: usize,
}

/// Sentences longer than this many bytes without a boundary are cut at white space: text with no punctuation
/// at all becomes bounded chunks instead of one giant sentence.
const MAX_SENTENCE_BYTES: usize = 600;

/// Splits every paragraph into sentences.
pub(crate) fn split_sentences(text: &str, paragraphs: &[Span]) -> Vec<SentenceSpan> {
    let mut sentences = Vec::new();
    for (paragraph, &span) in paragraphs.iter().enumerate() {
        let first = sentences.len();
        for piece in split_paragraph(span.slice(text)) {
            sentences.push(SentenceSpan {
                span: Span::new(span.start + piece.start, span.start + piece.end),
                paragraph,
                in_paragraph: sentences.len() - first,
            });
        }
    }
    sentences
}

/// Splits one paragraph; the spans are relative to it and trimmed of white space.
fn split_paragraph(paragraph: &str) -> Vec<Span> {
    let bytes = paragraph.as_bytes();
    let mut out = Vec::new();
    let mut start = skip_space(paragraph, 0);
    let mut depth = 0usize;
    let mut depth_opened = 0usize;
    let mut i = start;
    while i < bytes.len() {
        let Some(c) = paragraph[i..].chars().next() else { break };
        let next = i + c.len_utf8();
        match c {
            '(' | '[' => {
                if depth == 0 {
                    depth_opened = i;
                }
                depth = (depth + 1).min(8);
            }
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        // An unclosed bracket stops protecting its sentence after a while.
        if depth > 0 && i - depth_opened > MAX_SENTENCE_BYTES / 2 {
            depth = 0;
        }
        let boundary = if is_terminator(c) {
            boundary_after(paragraph, start, i, &mut depth)
        } else if i - start >= MAX_SENTENCE_BYTES && c.is_whitespace() {
            Some(i)
        } else if i - start >= MAX_SENTENCE_BYTES * 2 {
            Some(i)
        } else {
            None
        };
        match boundary {
            Some(end) => {
                push_piece(paragraph, start, end, &mut out);
                start = skip_space(paragraph, end);
                i = start;
                depth = 0;
            }
            None => i = next,
        }
    }
    push_piece(paragraph, start, bytes.len(), &mut out);
    out
}

fn push_piece(paragraph: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = paragraph.get(start..end).unwrap_or("");
    let trimmed = piece.trim_end();
    if !trimmed.is_empty() {
        out.push(Span::new(start, start + trimmed.len()));
    }
}

fn skip_space(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start().len())
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽' | '。' | '！' | '？' | '｡' | '।' | '॥' | '؟' | '۔')
}

/// Ends of CJK-style sentences: no white space follows them.
fn is_unspaced_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』' | '）' | '】')
}

/// Decides whether the terminator at `at` ends the sentence that began at `start`; returns the end of the
/// sentence (after closing quotes and brackets) when it does.
fn boundary_after(paragraph: &str, start: usize, at: usize, depth: &mut usize) -> Option<usize> {
    let first = paragraph[at..].chars().next()?;
    // The run of terminators: "?!", "!!", "...", ". . .".
    let mut end = at;
    let mut run = 0;
    loop {
        let rest = &paragraph[end..];
        if let Some(c) = rest.chars().next().filter(|&c| is_terminator(c)) {
            end += c.len_utf8();
            run += 1;
        } else if run > 0 && rest.starts_with(" .") && first == '.' && run < 6 {
            end += 2;
            run += 1;
        } else {
            break;
        }
    }
    let unspaced = is_unspaced_terminator(first);
    // Closing quotes and brackets belong to the sentence they close.
    let mut closed_bracket = false;
    while let Some(c) = paragraph[end..].chars().next().filter(|&c| is_closer(c)) {
        if matches!(c, ')' | ']' | '）' | '】') {
            *depth = depth.saturating_sub(1);
            closed_bracket = true;
        }
        end += c.len_utf8();
    }
    if end >= paragraph.len() {
        return Some(paragraph.len());
    }
    let after = paragraph[end..].chars().next()?;
    if !after.is_whitespace() && !unspaced {
        return None;
    }
    if *depth > 0 && !closed_bracket {
        return None;
    }
    let next_start = skip_space(paragraph, end);
    let next_word = next_word(paragraph, next_start);
    let Some(opening) = next_word.chars().find(|c| c.is_alphanumeric()) else {
        // Followed by punctuation only ("— …", a dash): a boundary unless it is a lone symbol.
        return Some(end);
    };
    if unspaced {
        return Some(end);
    }
    if opening.is_lowercase() {
        // "…great." she said. / "Yahoo! is…" / "e.g. the": the sentence goes on.
        return None;
    }
    if first != '.' || run > 1 {
        // "?", "!", "…", "...": end the sentence before anything that is not lower case.
        return Some(end);
    }
    let word = word_before(paragraph, start, at);
    if continues_after_period(word, next_word, at == start + word.len() || is_first_word(paragraph, start, at)) {
        None
    } else {
        Some(end)
    }
}

/// The word ending at the period `at` (without the period), stripped of opening punctuation.
fn word_before(paragraph: &str, start: usize, at: usize) -> &str {
    let head = &paragraph[start..at];
    let from = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !c.is_whitespace() && !matches!(c, '(' | '[' | '"' | '“' | '‘' | '\''))
        .last()
        .map_or(head.len(), |(i, _)| i);
    &head[from..]
}

fn is_first_word(paragraph: &str, start: usize, at: usize) -> bool {
    !paragraph[start..at].trim().contains(char::is_whitespace)
}

/// The word starting at `from`, with leading opening quotes and brackets.
fn next_word(paragraph: &str, from: usize) -> &str {
    let rest = &paragraph[from..];
    let mut limit = rest.len().min(64);
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &rest[..limit];
    let end = window.find(char::is_whitespace).unwrap_or(window.len());
    window[..end].trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// True when the period after `word` does not end the sentence, given the capitalised `next` word.
fn continues_after_period(word: &str, next: &str, first_in_sentence: bool) -> bool {
    if word.is_empty() {
        return false;
    }
    let opener = is_sentence_opener(next);
    // List markers: "1. First", "a. item", "iv. …".
    if first_in_sentence && word.len() <= 3 && (word.chars().all(|c| c.is_ascii_digit()) || word.chars().all(|c| c.is_ascii_lowercase())) {
        return true;
    }
    let bare = word.trim_end_matches('.');
    let lower = bare.to_lowercase();
    if let Some(kind) = lexicons().abbreviations.get(lower.as_str()) {
        return match kind {
            AbbreviationKind::Title => true,
            AbbreviationKind::Month => next.starts_with(|c: char| c.is_ascii_digit()) || !opener,
            AbbreviationKind::Corporate | AbbreviationKind::General => !opener,
        };
    }
    let letters: Vec<char> = bare.chars().collect();
    // An initial: "J. R. R. Tolkien", "Albert I. Jones".
    if letters.len() == 1 && letters[0].is_uppercase() {
        return !opener;
    }
    // A dotted acronym: "U.S.", "U.S.A.", "E.U.", "a.m.", "Ph.D.".
    if bare.contains('.') && letters.iter().filter(|c| c.is_alphabetic()).count() <= 6 && !bare.contains("..") {
        return !opener;
    }
    false
}

/// A capitalised word that typically opens a sentence ("The", "It", "However").
fn is_sentence_opener(word: &str) -> bool {
    static OPENERS: OnceLock<HashSet<String>> = OnceLock::new();
    let openers = OPENERS.get_or_init(|| {
        include_str!("../data/sentence_starters.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    });
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    openers.contains(&bare.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_paragraph(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(split("One here. Two there! Three?"), vec!["One here.", "Two there!", "Three?"]);
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(split("Mr. Smith met Dr. Jones. They talked."), vec!["Mr. Smith met Dr. Jones.", "They talked."]);
    }
}
