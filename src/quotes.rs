//! Direct quotes and their speakers.
//!
//! Quotation marks are paired within a paragraph: curly and straight, double and single (a `’` followed by a
//! letter is an apostrophe, not a closing mark). A paragraph that opens a quote without closing it continues
//! into the next paragraph when that one opens with a quotation mark again, as news style writes long quotes.
//! A quote's speaker is read from its tag: "…,” Umerov said", "said Umerov", "according to Umerov", "Umerov
//! said: “…”", a pronoun ("he remarked") resolved to the most recent person named outside quotes, or the
//! subject of the sentence that frames the quote ("Umerov described the meeting as “…”"). A quote without a
//! tag continues the speaker of the quote right before it; otherwise it stays unattributed.

use crate::lexicon::{lexicons, lower};
use crate::people::{Mention, People};
use crate::sentences::SentenceSpan;
use crate::span::Span;
use crate::tokens::Word;

/// A direct quote: the words inside the marks, the marks included in `outer`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct QuoteFound {
    pub span: Span,
    pub outer: Span,
    /// The speaker's [`crate::people::PersonFound::id`].
    pub speaker: Option<usize>,
    /// Index of the sentence where the quote opens.
    pub sentence: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    CurlyDouble,
    StraightDouble,
    CurlySingle,
    StraightSingle,
}

/// Finds the quotes of the article and attributes them.
pub(crate) fn find_quotes(text: &str, sentences: &[SentenceSpan], words: &[Vec<Word>], people: &People) -> Vec<QuoteFound> {
    let paragraphs = paragraph_spans(sentences);
    let mut quotes = Vec::new();
    for (k, paragraph) in paragraphs.iter().enumerate() {
        let continues = paragraphs.get(k + 1).is_some_and(|next| opens_with_quote(next.slice(text)));
        pair_marks(text, *paragraph, continues, &mut quotes);
    }
    for quote in &mut quotes {
        quote.sentence = sentences.partition_point(|s| s.span.end <= quote.outer.start).min(sentences.len().saturating_sub(1));
    }
    let free_mentions: Vec<Mention> = people
        .mentions
        .iter()
        .filter(|m| !quotes.iter().any(|q| q.outer.contains(m.span)))
        .copied()
        .collect();
    let mut previous: Option<(usize, Option<usize>)> = None;
    for quote in &mut quotes {
        quote.speaker = attribute(text, quote, sentences, words, &free_mentions);
        if quote.speaker.is_none() {
            if let Some((sentence, speaker)) = previous {
                // An untagged quote right after a tagged one continues it (a new paragraph of the same speech).
                if quote.sentence <= sentence + 1 && is_whole_sentence(text, quote, sentences) {
                    quote.speaker = speaker;
                }
            }
        }
        previous = Some((quote.sentence, quote.speaker));
    }
    quotes
}

fn paragraph_spans(sentences: &[SentenceSpan]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut current: Option<(usize, Span)> = None;
    for s in sentences {
        match current {
            Some((p, span)) if p == s.paragraph => current = Some((p, Span::new(span.start, s.span.end))),
            _ => {
                if let Some((_, span)) = current {
                    spans.push(span);
                }
                current = Some((s.paragraph, s.span));
            }
        }
    }
    if let Some((_, span)) = current {
        spans.push(span);
    }
    spans
}

fn opens_with_quote(paragraph: &str) -> bool {
    paragraph.starts_with(['“', '"', '‘'])
}

/// Pairs the quotation marks of one paragraph; an unclosed double quote runs to the paragraph's end when the
/// next paragraph continues it.
fn pair_marks(text: &str, paragraph: Span, continues: bool, out: &mut Vec<QuoteFound>) {
    let body = paragraph.slice(text);
    let mut open: Option<(Mark, usize)> = None;
    let mut previous = ' ';
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let closing = |mark: Mark| matches!(open, Some((m, _)) if m == mark);
        let mut close_at = None;
        match c {
            '“' if open.is_none() || matches!(open, Some((Mark::CurlySingle | Mark::StraightSingle, _))) => open = Some((Mark::CurlyDouble, i)),
            '”' if closing(Mark::CurlyDouble) => close_at = Some(i),
            '"' if closing(Mark::StraightDouble) => close_at = Some(i),
            '"' if open.is_none() && !next.is_whitespace() => open = Some((Mark::StraightDouble, i)),
            '‘' if open.is_none() => open = Some((Mark::CurlySingle, i)),
            '’' if closing(Mark::CurlySingle) && !next.is_alphanumeric() => close_at = Some(i),
            '\'' if closing(Mark::StraightSingle) && !next.is_alphanumeric() && !previous.is_whitespace() => close_at = Some(i),
            '\'' if open.is_none() && (previous.is_whitespace() || matches!(previous, '(' | '—' | '-' | ':')) && next.is_alphanumeric() => {
                open = Some((Mark::StraightSingle, i))
            }
            _ => {}
        }
        if let (Some(end), Some((mark, start))) = (close_at, open) {
            let width = if matches!(mark, Mark::StraightDouble | Mark::StraightSingle) { 1 } else { 3 };
            push_quote(text, paragraph.start + start, paragraph.start + start + width, paragraph.start + end, paragraph.start + end + width, out);
            open = None;
        }
        previous = c;
    }
    if let Some((mark, start)) = open {
        if continues && matches!(mark, Mark::CurlyDouble | Mark::StraightDouble) {
            let width = if mark == Mark::StraightDouble { 1 } else { 3 };
            push_quote(text, paragraph.start + start, paragraph.start + start + width, paragraph.end, paragraph.end, out);
        }
    }
}

fn push_quote(text: &str, outer_start: usize, inner_start: usize, inner_end: usize, outer_end: usize, out: &mut Vec<QuoteFound>) {
    let inner = Span::new(inner_start, inner_end);
    let content = inner.slice(text);
    let lead = content.len() - content.trim_start().len();
    let trimmed = content.trim();
    if trimmed.is_empty() || !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let span = Span::new(inner_start + lead, inner_start + lead + trimmed.len());
    out.push(QuoteFound { span, outer: Span::new(outer_start, outer_end), speaker: None, sentence: 0 });
}

fn is_whole_sentence(text: &str, quote: &QuoteFound, sentences: &[SentenceSpan]) -> bool {
    sentences.get(quote.sentence).is_some_and(|s| {
        let before = text.get(s.span.start..quote.outer.start).unwrap_or("x");
        before.trim().is_empty()
    })
}

/// The speaker of `quote`, from its tag.
fn attribute(text: &str, quote: &QuoteFound, sentences: &[SentenceSpan], words: &[Vec<Word>], mentions: &[Mention]) -> Option<usize> {
    let sentence = sentences.get(quote.sentence)?;
    let sentence_words = words.get(quote.sentence)?;
    let mut buffer = String::new();
    let lex = lexicons();
    // After the quote: ",” Umerov said", ",” said Umerov", ",” he remarked", ",” according to Umerov".
    let after: Vec<&Word> = sentence_words.iter().filter(|w| w.span.start >= quote.outer.end).take(6).collect();
    if let Some(first) = after.first() {
        let gap = text.get(quote.outer.end..first.span.start).unwrap_or("");
        if gap.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-')) && gap.len() <= 4 {
            if let Some(person) = mention_at(mentions, first.span.start) {
                let next = after.get(1 + mention_words(mentions, first.span.start, &after));
                if next.is_none_or(|w| lex.speech_verbs.contains(lower(w.span.slice(text), &mut buffer))) || gap.contains(',') {
                    return Some(person);
                }
            }
            let first_word = lower(first.span.slice(text), &mut buffer).to_string();
            if lex.speech_verbs.contains(&first_word) {
                if let Some(person) = after.iter().skip(1).take(4).find_map(|w| mention_at(mentions, w.span.start)) {
                    return Some(person);
                }
                if let Some(pronoun) = after.get(1) {
                    if is_pronoun(lower(pronoun.span.slice(text), &mut buffer)) {
                        return most_recent(mentions, quote.outer.start);
                    }
                }
            }
            if is_pronoun(&first_word) && after.get(1).is_some_and(|w| lex.speech_verbs.contains(lower(w.span.slice(text), &mut buffer))) {
                return most_recent(mentions, quote.outer.start);
            }
            if first_word == "according" {
                if let Some(person) = after.iter().skip(2).take(3).find_map(|w| mention_at(mentions, w.span.start)) {
                    return Some(person);
                }
            }
        }
    }
    // Before the quote, in its sentence: "Umerov said: “…”", "He stated, “…”", "Umerov described … as “…”".
    let before: Vec<&Word> = sentence_words.iter().filter(|w| w.span.end <= quote.outer.start).collect();
    if let Some(first) = before.first() {
        if let Some(person) = mention_at(mentions, first.span.start).or_else(|| {
            before.iter().take(3).find_map(|w| mention_at(mentions, w.span.start)).filter(|_| {
                before.first().is_some_and(|w| matches!(lower(w.span.slice(text), &mut String::new()), "but" | "and" | "then" | "later" | "president" | "mr" | "mrs" | "ms" | "dr"))
            })
        }) {
            return Some(person);
        }
        if is_pronoun(lower(first.span.slice(text), &mut buffer)) {
            let has_verb = before.iter().skip(1).take(3).any(|w| lex.speech_verbs.contains(lower(w.span.slice(text), &mut buffer)));
            if has_verb {
                return most_recent(mentions, sentence.span.start);
            }
        }
        let lead_in = text.get(before.last().map_or(quote.outer.start, |w| w.span.end)..quote.outer.start).unwrap_or("");
        if lead_in.contains([':', ',']) {
            let verb_near = before.iter().rev().take(3).any(|w| lex.speech_verbs.contains(lower(w.span.slice(text), &mut buffer)));
            if verb_near {
                if let Some(person) = before.iter().rev().find_map(|w| mention_at(mentions, w.span.start)) {
                    return Some(person);
                }
            }
        }
    }
    None
}

/// The person mentioned by the mention that starts at `start`, if any.
fn mention_at(mentions: &[Mention], start: usize) -> Option<usize> {
    let i = mentions.partition_point(|m| m.span.start < start);
    mentions.get(i).filter(|m| m.span.start == start).map(|m| m.person)
}

/// How many of `words` the mention starting at `start` covers.
fn mention_words(mentions: &[Mention], start: usize, words: &[&Word]) -> usize {
    let i = mentions.partition_point(|m| m.span.start < start);
    let Some(m) = mentions.get(i) else { return 0 };
    words.iter().filter(|w| w.span.start >= m.span.start && w.span.end <= m.span.end + 3).count().saturating_sub(1)
}

/// The person named last before `at`.
fn most_recent(mentions: &[Mention], at: usize) -> Option<usize> {
    let i = mentions.partition_point(|m| m.span.start < at);
    i.checked_sub(1).and_then(|k| mentions.get(k)).map(|m| m.person)
}

fn is_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she")
}
