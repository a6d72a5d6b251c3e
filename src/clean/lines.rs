//! The paste as lines, each with what plain text keeps of its layout: length, terminal punctuation,
//! function-word and capital shares, whether it repeats elsewhere in the page, and whether blank lines
//! surround it (a browser's copy puts blank lines around paragraphs, single line breaks between menu items).

use std::sync::OnceLock;

use super::chrome::{chrome_reason, ends_with_credit};
use crate::lexicon::{FastMap, FastSet};
use crate::span::Span;
use crate::tokens::split_whitespace;

/// One non-blank line of the input and its features.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    /// The line without its surrounding white space.
    pub span: Span,
    /// White-space separated tokens.
    pub words: usize,
    /// Share of the tokens with letters that are English function words ("the", "of", "was"): prose has many,
    /// menus and headlines few (jusText's stop-word density).
    pub function_share: f64,
    /// Share of the tokens with letters whose first letter is a capital: menus and headlines are title case.
    pub capital_share: f64,
    /// Ends in a sentence terminator, closing quotes and brackets aside.
    pub terminal: bool,
    /// The same text (letters and digits, ignoring case) occurs on another line of the page.
    pub repeated: bool,
    /// A blank line comes before it (or it opens the text).
    pub blank_before: bool,
    /// A blank line comes after it (or it ends the text).
    pub blank_after: bool,
    /// The chrome recognised from the line's own content.
    pub chrome: Option<&'static str>,
    /// Reads as article prose: at least [`PROSE_WORDS`] words, a terminator, no chrome.
    pub prose: bool,
}

impl Line {
    /// Blank lines on both sides: how a browser's copy lays out a paragraph.
    pub fn set_off(&self) -> bool {
        self.blank_before && self.blank_after
    }
    /// Paragraph layout: blank lines on both sides. Neutral (0.5) in a text that has no blank lines at all.
    pub fn gap(&self, text_has_gaps: bool) -> f64 {
        if !text_has_gaps {
            0.5
        } else if self.blank_before && self.blank_after {
            1.0
        } else {
            0.0
        }
    }
}

/// Lines of at least this many words that end in a terminator are prose.
pub(super) const PROSE_WORDS: usize = 7;

/// Splits `text` into its non-blank lines with their features. Linear in the text's length.
pub(super) fn split_lines(text: &str) -> Vec<Line> {
    let mut raws = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        raws.push((offset, raw));
        offset += raw.len();
    }
    let mut lines = Vec::new();
    let mut blank_before = true;
    let mut drop_capital: Option<usize> = None;
    for (index, &(start, raw)) in raws.iter().enumerate() {
        let content = raw.trim();
        if content.is_empty() {
            blank_before = true;
            if let Some(last) = lines.last_mut() {
                let last: &mut Line = last;
                last.blank_after = true;
            }
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let next = raws.get(index + 1).map_or("", |&(_, r)| r);
        if drop_capital.is_none() && is_drop_capital(content, next) {
            drop_capital = Some(start + lead);
            continue;
        }
        let span = Span::new(drop_capital.take().unwrap_or(start + lead), start + lead + content.len());
        lines.push(measure(span.slice(text), span, blank_before));
        blank_before = false;
    }
    if let Some(last) = lines.last_mut() {
        last.blank_after = true;
    }
    // Every line's key, written into one buffer: no allocation per line.
    let mut buffer = String::with_capacity(text.len());
    let mut ends = Vec::with_capacity(lines.len());
    for line in &lines {
        push_key(line.span.slice(text), &mut buffer);
        ends.push(buffer.len());
    }
    let keys: Vec<&str> = ends.iter().scan(0, |start, &end| Some(&buffer[std::mem::replace(start, end)..end])).collect();
    mark_repeated(&keys, &mut lines);
    mark_captions(text, &keys, &mut lines);
    lines
}

/// "H" on its own line before "ong Kong is burning.": a drop capital that the copy split from its word. It
/// joins the line it belongs to.
fn is_drop_capital(content: &str, next: &str) -> bool {
    let mut chars = content.chars();
    let single = chars.next().is_some_and(|c| c.is_alphabetic() && c.is_uppercase()) && chars.next().is_none();
    single && next.trim_start().chars().next().is_some_and(char::is_lowercase)
}

fn measure(content: &str, span: Span, blank_before: bool) -> Line {
    let (mut words, mut alphabetic, mut function, mut capitals) = (0usize, 0usize, 0usize, 0usize);
    let mut key = String::new();
    for token in split_whitespace(content) {
        words += 1;
        let Some(first_letter) = token.chars().find(|c| c.is_alphabetic()) else { continue };
        alphabetic += 1;
        capitals += usize::from(first_letter.is_uppercase());
        function += usize::from(is_function_token(token, &mut key));
    }
    let share = |n: usize| if alphabetic == 0 { 0.0 } else { n as f64 / alphabetic as f64 };
    let terminal = ends_with_terminal(content);
    let chrome = chrome_reason(content, words);
    Line {
        span,
        words,
        function_share: share(function),
        capital_share: share(capitals),
        terminal,
        repeated: false,
        blank_before,
        blank_after: false,
        chrome,
        prose: terminal && words >= PROSE_WORDS && chrome.is_none(),
    }
}

/// Marks lines whose text (letters and digits, lower-cased) occurs more than once: menus repeated in header
/// and footer, a headline shown again in a share box, "Advertisement" between paragraphs.
fn mark_repeated(keys: &[&str], lines: &mut [Line]) {
    let mut counts: FastMap<&str, usize> = FastMap::with_capacity_and_hasher(keys.len(), Default::default());
    for &key in keys {
        *counts.entry(key).or_insert(0) += 1;
    }
    for (line, key) in lines.iter_mut().zip(keys) {
        line.repeated = !key.is_empty() && counts.get(key).is_some_and(|&n| n > 1);
    }
}

/// Captions have at most this many words.
const CAPTION_WORDS: usize = 60;

/// Marks photo captions: a line that ends in its credit ("… in Pittsburgh. (AP Photo/Gene J. Puskar)"), a
/// line that a photo credit follows ("Photo: Damian Dovarganes, AP"; copies of the caption aside), and a
/// sentence repeated on the next line (galleries print each caption twice). A paragraph that blank lines set
/// off is article layout and stays, whatever follows it, unless it carries its own credit.
fn mark_captions(text: &str, keys: &[&str], lines: &mut [Line]) {
    let gaps = has_gaps(lines);
    for i in 0..lines.len() {
        let line = lines[i];
        if line.chrome.is_none() && line.words <= CAPTION_WORDS && ends_with_credit(line.span.slice(text)) {
            lines[i].chrome = Some("caption");
            lines[i].prose = false;
            continue;
        }
        if line.chrome.is_some() || line.words > CAPTION_WORDS || (gaps && line.blank_before && line.blank_after) {
            continue;
        }
        let mut next = i + 1;
        while next < lines.len() && keys[next] == keys[i] {
            next += 1;
        }
        let credited = lines.get(next).is_some_and(|l| l.chrome == Some("credit"));
        let doubled = line.words >= 4 && line.terminal && ((i > 0 && keys[i - 1] == keys[i]) || next > i + 1);
        if credited || doubled {
            lines[i].chrome = Some("caption");
            lines[i].prose = false;
        }
    }
}

/// Appends the line's letters and digits, lower-cased, to `key`: what makes two lines "the same" text. Runs of
/// ASCII letters and digits are copied as they stand and lower-cased in place, without decoding.
pub(super) fn push_key(line: &str, key: &mut String) {
    let start = key.len();
    let bytes = line.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii_alphanumeric() {
            let run = at;
            while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                at += 1;
            }
            key.push_str(line.get(run..at).unwrap_or(""));
        } else if byte.is_ascii() {
            at += 1;
        } else {
            let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else { break };
            let letter = line.get(at..at + c.len_utf8()).filter(|_| c.is_alphanumeric()).unwrap_or("");
            key.extend(letter.chars().flat_map(char::to_lowercase));
            at += c.len_utf8();
        }
    }
    // What `to_lowercase` wrote is lower case already: this only lowers the ASCII runs.
    if let Some(appended) = key.get_mut(start..) {
        appended.make_ascii_lowercase();
    }
}

/// Ends in a sentence terminator, closing quotes and brackets aside.
pub(super) fn ends_with_terminal(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ', '\u{a0}']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', '।', '؟'])
}

/// True when at least a tenth of the lines open after a blank line: the paste keeps paragraph layout.
pub(super) fn has_gaps(lines: &[Line]) -> bool {
    // The text's start counts as a blank line for the first line's layout, but says nothing about whether the
    // paste keeps blank lines between paragraphs: a short article without them is not a gappy paste.
    let gaps = lines.iter().skip(1).filter(|l| l.blank_before).count();
    gaps > 0 && gaps * 10 >= lines.len()
}

/// English function words (data/function_words.txt), parsed once, with the length of the longest.
fn function_words() -> &'static (FastSet<&'static str>, usize) {
    static WORDS: OnceLock<(FastSet<&'static str>, usize)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let words: FastSet<&'static str> = include_str!("../../data/function_words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        (words, longest)
    })
}

/// `token`'s key ([`push_key`], written into `buffer`) is an English function word ("the", "of", "was"). An
/// ASCII token's key is built only as far as it can still be one: most words are longer than any function word.
pub(super) fn is_function_token(token: &str, buffer: &mut String) -> bool {
    let (words, longest) = function_words();
    buffer.clear();
    if token.is_ascii() {
        for &byte in token.as_bytes() {
            if byte.is_ascii_alphanumeric() {
                if buffer.len() == *longest {
                    return false;
                }
                buffer.push(char::from(byte.to_ascii_lowercase()));
            }
        }
    } else {
        push_key(token, buffer);
    }
    buffer.len() <= *longest && words.contains(buffer.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_tokens_agree_with_their_whole_key() {
        let (words, _) = function_words();
        let mut buffer = String::new();
        for (token, function) in [("the", true), ("The,", true), ("(of)", true), ("“was”", true), ("theory", false), ("Washington", false), ("", false)] {
            assert_eq!(is_function_token(token, &mut buffer), function, "{token:?}");
        }
        for token in ["THE", "o-f", "thé", "İt", "because", "nevertheless", "2019", "a.m.", "—", "東京"] {
            let mut key = String::new();
            push_key(token, &mut key);
            assert_eq!(is_function_token(token, &mut buffer), words.contains(key.as_str()), "{token:?}");
        }
    }

    #[test]
    fn line_keys_are_lower_case_letters_and_digits() {
        for (line, expected) in [
            ("Share this story!", "sharethisstory"),
            ("ADVERTISEMENT", "advertisement"),
            ("Photo: AP, 2019", "photoap2019"),
            ("“Déjà vu” — Ünïcode’s 東京 İ", "déjàvuünïcodes東京i\u{307}"),
        ] {
            let mut key = String::from("prefix:");
            push_key(line, &mut key);
            assert_eq!(key, format!("prefix:{expected}"), "{line:?}");
        }
    }
}
