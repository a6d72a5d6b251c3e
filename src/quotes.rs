//! Direct quotes and their speakers.
//!
//! Quotation marks are paired within a paragraph: curly and straight, double and single (a `’` followed by a
//! letter is an apostrophe, not a closing mark). A paragraph that opens a quote without closing it continues
//! into the next paragraph when that one opens with a quotation mark again, as news style writes long quotes.
//! A quote's speaker is read from its tag: "…,” Umerov said", "said Umerov", "according to Umerov", "Umerov
//! said: “…”", a pronoun ("he remarked") resolved to the most recent person named outside quotes, or the
//! subject of the sentence that frames the quote ("Umerov described the meeting as “…”"). A quote without a
//! tag continues the speaker of the quote right before it; otherwise it stays unattributed.

use crate::lexicon::{lexicons, lower, one_of_ignoring_ascii_case};
use crate::people::{Mention, People};
use crate::sentences::SentenceSpan;
use crate::span::Span;
use crate::tokens::{char_at, SentenceWords, Word};

/// A direct quote: the words inside the marks, the marks included in `outer`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct QuoteFound {
    pub span: Span,
    pub outer: Span,
    /// The speaker's [`crate::people::PersonFound::id`].
    pub speaker: Option<usize>,
    /// Index of the sentence where the quote opens.
    pub sentence: usize,
    /// The quote runs on into the next paragraph, which opens with a quotation mark again.
    pub continued: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    CurlyDouble,
    StraightDouble,
    CurlySingle,
    StraightSingle,
}

/// Finds the quotes of the article and attributes them. `marks` holds the offsets, in text order, of the bytes in
/// the article's paragraphs that may start a quotation mark (an ASCII quote, or 0xE2, which starts the curly ones),
/// noted by the sentence stage as it read them.
#[inline(never)]
pub(crate) fn find_quotes(text: &str, sentences: &[SentenceSpan], marks: &[usize], words: &SentenceWords, people: &People) -> Vec<QuoteFound> {
    // Room for a quote in each two marks (an opening and a closing one), and one for a last mark that opens a quote
    // that runs on: grown by doubling from empty, the list was copied three times an article. None without marks,
    // as in most short texts (where room for one was an allocation and its free a call).
    let mut quotes = Vec::with_capacity(marks.len().div_ceil(2));
    // The paragraphs are in text order, as the marks are: each paragraph's marks are found by walking on from the
    // previous one's. Each paragraph is found as the one before it is read, with no list of them made.
    let mut first = 0;
    let mut next = paragraph_from(sentences, 0);
    while let Some((paragraph, after)) = next {
        next = paragraph_from(sentences, after);
        while marks.get(first).is_some_and(|&at| at < paragraph.start) {
            first += 1;
        }
        let mut end = first;
        while marks.get(end).is_some_and(|&at| at < paragraph.end) {
            end += 1;
        }
        let continues = next.is_some_and(|(next, _)| opens_with_quote(next.slice(text)));
        pair_marks(text, paragraph, marks.get(first..end).unwrap_or_default(), continues, &mut quotes);
        first = end;
    }
    if !quotes.is_empty() {
        attribute_all(text, sentences, words, people, &mut quotes);
    }
    quotes
}

/// Numbers each quote's sentence and finds its speaker. Out of line: a text without quotes does not compile it at
/// start-up (V8 compiles a function whole on its first call).
#[inline(never)]
fn attribute_all(text: &str, sentences: &[SentenceSpan], words: &SentenceWords, people: &People, quotes: &mut [QuoteFound]) {
    // [`pair_marks`] finds the quotes in text order, paragraph by paragraph, one quote closing before the next opens:
    // sorted only if some input breaks that, as a sort takes three lists of its own.
    if !quotes.is_sorted_by_key(|q| q.outer.start) {
        crate::order::sort_by_key(quotes, |q| q.outer.start);
    }
    let free_mentions = mentions_outside_quotes(&people.mentions, quotes);
    let mut previous: Option<(usize, Option<usize>)> = None;
    // Where the tags' words are written in lower case: one buffer for every quote, not one a quote.
    let mut buffer = String::new();
    // The quotes are in text order now: the first sentence ending after a quote's opening is found by walking on
    // from the previous quote's, and the one holding its last byte by walking on from there, not by two searches.
    let mut opening = 0;
    for quote in quotes.iter_mut() {
        opening = walk_to(sentences, opening, quote.outer.start);
        quote.sentence = opening.min(sentences.len().saturating_sub(1));
        let last_byte = quote.outer.end.saturating_sub(1);
        let closing = walk_to(sentences, opening, last_byte);
        let closing_sentence = sentences.get(closing).filter(|s| s.span.start <= last_byte).map_or(quote.sentence, |_| closing);
        quote.speaker = attribute(text, quote, closing_sentence, sentences, words, &free_mentions, &mut buffer);
        if quote.speaker.is_none() {
            if let Some((sentence, speaker)) = previous {
                // An untagged quote right after a tagged one continues it (a new paragraph of the same speech).
                if quote.sentence <= sentence + 1 && is_whole_sentence(text, quote, sentences) {
                    quote.speaker = speaker;
                }
            }
        }
        previous = Some((closing_sentence, quote.speaker));
    }
    // A quote that runs on into the next paragraph is the same speech as the quote that paragraph opens with,
    // whose tag usually comes at its end.
    for k in (0..quotes.len().saturating_sub(1)).rev() {
        let next_speaker = quotes.get(k + 1).and_then(|q| q.speaker);
        if let Some(quote) = quotes.get_mut(k) {
            if quote.continued && quote.speaker.is_none() {
                quote.speaker = next_speaker;
            }
        }
    }
}

/// The span of the paragraph whose first sentence is `sentences[from]` (its consecutive sentences of the same
/// paragraph together), and the index of the sentence after it; `None` past the last sentence.
fn paragraph_from(sentences: &[SentenceSpan], from: usize) -> Option<(Span, usize)> {
    let first = sentences.get(from)?;
    let mut after = from + 1;
    let mut end = first.span.end;
    while let Some(s) = sentences.get(after).filter(|s| s.paragraph == first.paragraph) {
        end = s.span.end;
        after += 1;
    }
    Some((Span::new(first.span.start, end), after))
}

/// Whether `paragraph` opens with "“", "\"" or "‘" (E2 80 9C and E2 80 98), told by its bytes.
fn opens_with_quote(paragraph: &str) -> bool {
    matches!(paragraph.as_bytes(), [b'"', ..] | [0xE2, 0x80, 0x98 | 0x9C, ..])
}

/// Pairs the quotation marks of one paragraph, read at `marks` (the offsets in `text` of the paragraph's bytes that
/// may start one: only they matter, with the characters either side); an unclosed double quote runs to the
/// paragraph's end when the next paragraph continues it.
fn pair_marks(text: &str, paragraph: Span, marks: &[usize], continues: bool, out: &mut Vec<QuoteFound>) {
    let body = paragraph.slice(text);
    let mut open: Option<(Mark, usize)> = None;
    for &at in marks {
        let i = at - paragraph.start;
        let Some(c) = char_at(body, i) else { break };
        let after = i + c.len_utf8();
        let next = char_at(body, after).unwrap_or(' ');
        let previous = char_before(body, i).unwrap_or(' ');
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
            // What comes before first: most straight single marks are apostrophes inside words, told so at once,
            // where whether a quote is open, tested first, was mispredicted for those inside double quotes (in V8,
            // `find_quotes` 3.9K -> 3.4K mispredicts a corpus round).
            '\'' if (previous.is_whitespace() || matches!(previous, '(' | '—' | '-' | ':')) && open.is_none() && next.is_alphanumeric() => {
                open = Some((Mark::StraightSingle, i))
            }
            _ => {}
        }
        if let (Some(end), Some((mark, start))) = (close_at, open) {
            let width = if matches!(mark, Mark::StraightDouble | Mark::StraightSingle) { 1 } else { 3 };
            push_quote(text, paragraph.start + start, paragraph.start + start + width, paragraph.start + end, paragraph.start + end + width, out);
            open = None;
        }
    }
    if let Some((mark, start)) = open {
        if continues && matches!(mark, Mark::CurlyDouble | Mark::StraightDouble) {
            push_continued(text, paragraph, mark, start, out);
        }
    }
}

/// The character that ends at byte `at` of `text`, if one does, an ASCII byte read in place (as [`char_at`] reads
/// the one that starts there): [`pair_marks`] reads the characters either side of each quotation mark, and in the
/// Wasm (opt-level z) decoding is a call.
#[inline(always)]
fn char_before(text: &str, at: usize) -> Option<char> {
    match at.checked_sub(1).and_then(|before| text.as_bytes().get(before)) {
        Some(&byte) if byte.is_ascii() => Some(char::from(byte)),
        _ => text.get(..at)?.chars().next_back(),
    }
}

/// The quote that `mark` opens at `start` (relative to `paragraph`) and that runs on into the next paragraph:
/// through the paragraph's end, marked `continued`. Out of line, as rare: V8 compiles a function whole on its first
/// call.
#[inline(never)]
fn push_continued(text: &str, paragraph: Span, mark: Mark, start: usize, out: &mut Vec<QuoteFound>) {
    let width = if mark == Mark::StraightDouble { 1 } else { 3 };
    push_quote(text, paragraph.start + start, paragraph.start + start + width, paragraph.end, paragraph.end, out);
    if let Some(last) = out.last_mut() {
        last.continued = true;
    }
}

/// Adds the quote whose marks span `outer_start..outer_end` and whose words `inner_start..inner_end` (white space
/// around them trimmed), when they hold a letter or a digit. ASCII white space and letters are told as bytes, and
/// characters decoded only beyond ASCII: `trim` and a search of the characters are calls in the Wasm, made for every
/// quote.
fn push_quote(text: &str, outer_start: usize, inner_start: usize, inner_end: usize, outer_end: usize, out: &mut Vec<QuoteFound>) {
    let start = crate::tokens::skip_while_space(text, inner_start, true).min(inner_end);
    let end = trimmed_end(text, start, inner_end);
    let words = text.as_bytes().get(start..end).unwrap_or_default();
    let alphanumeric = words.iter().any(u8::is_ascii_alphanumeric) || (!words.is_ascii() && text.get(start..end).is_some_and(|w| w.chars().any(char::is_alphanumeric)));
    if !alphanumeric {
        return;
    }
    let span = Span::new(start, end);
    out.push(QuoteFound { span, outer: Span::new(outer_start, outer_end), speaker: None, sentence: 0, continued: false });
}

/// Where the text from `start` to `end` ends without the white space it ends with (not before `start`): ASCII white
/// space told as bytes, the characters decoded only from a byte beyond ASCII.
fn trimmed_end(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = end;
    while at > start {
        match bytes.get(at - 1) {
            Some(&byte) if byte.is_ascii() && crate::tokens::is_ascii_space(byte) => at -= 1,
            Some(&byte) if !byte.is_ascii() => return text.get(start..at).map_or(start, |head| start + head.trim_end().len()),
            _ => break,
        }
    }
    at
}

fn is_whole_sentence(text: &str, quote: &QuoteFound, sentences: &[SentenceSpan]) -> bool {
    sentences.get(quote.sentence).is_some_and(|s| {
        let before = text.get(s.span.start..quote.outer.start).unwrap_or("x");
        before.trim().is_empty()
    })
}

/// Mentions that are not inside a quote (a name inside quotation marks is not who speaks). Both lists are in
/// text order, so one sweep does it.
fn mentions_outside_quotes(mentions: &[Mention], quotes: &[QuoteFound]) -> Vec<Mention> {
    let mut out = Vec::with_capacity(mentions.len());
    let mut q = 0;
    for mention in mentions {
        while quotes.get(q).is_some_and(|quote| quote.outer.end <= mention.span.start) {
            q += 1;
        }
        if !quotes.get(q).is_some_and(|quote| quote.outer.contains(mention.span)) {
            out.push(*mention);
        }
    }
    out
}

/// The index of the first sentence from `from` on that ends after byte `at` (`sentences.len()` when none does):
/// `sentences.partition_point(|s| s.span.end <= at)` when no sentence before `from` ends after `at`, found by a
/// walk from `from`.
fn walk_to(sentences: &[SentenceSpan], from: usize, at: usize) -> usize {
    let mut i = from;
    while sentences.get(i).is_some_and(|s| s.span.end <= at) {
        i += 1;
    }
    i
}

/// Characters that may stand between a closing quotation mark and its tag: ",” Umerov said", "” ― Jacklyn Ashley".
fn is_tag_gap(gap: &str) -> bool {
    // Four characters at most, counted in the same pass that tests them (a count of its own is a call in the Wasm).
    let mut count = 0;
    gap.chars().all(|c| {
        count += 1;
        count <= 4 && (c.is_whitespace() || matches!(c, ',' | '—' | '–' | '―' | '-'))
    })
}

/// The speaker of `quote`, from its tag: after the quote in the sentence where it closes (or in a short next
/// sentence: "… .” Obama said."), else before it in the sentence where it opens. `closing` is the index of the
/// sentence where it closes. `buffer` is where words are written in lower case.
fn attribute(
    text: &str,
    quote: &QuoteFound,
    closing: usize,
    sentences: &[SentenceSpan],
    words: &SentenceWords,
    mentions: &[Mention],
    buffer: &mut String,
) -> Option<usize> {
    // A sentence's words are in text order, all inside the sentence: those after the quote, and those before it,
    // are slices of them, not copies.
    let mut after = words.get(closing).map_or(&[][..], |ws| words_from(ws, quote.outer.end));
    after = after.get(..16).unwrap_or(after);
    if after.is_empty() {
        // The quote ended its sentence: a short next sentence may be the tag ("Obama said.").
        if let Some(next) = words.get(closing + 1) {
            // A blank line is found byte by byte: a `&str` pattern would compile the two-way searcher at start-up.
            let blank_line = |g: &str| g.as_bytes().windows(2).any(|pair| pair == b"\n\n");
            let gap_ok = next.first().is_some_and(|w| text.get(quote.outer.end..w.span.start).is_some_and(|g| g.trim().is_empty() && !blank_line(g)));
            if gap_ok && next.len() <= 8 {
                after = next;
            }
        }
    }
    if let Some(speaker) = tag_after(text, quote, after, mentions, buffer) {
        return Some(speaker);
    }
    let sentence = sentences.get(quote.sentence)?;
    let words_of_sentence = words.get(quote.sentence)?;
    let before = words_of_sentence.get(..words_of_sentence.partition_point(|w| w.span.end <= quote.outer.start)).unwrap_or(&[]);
    if let Some(speaker) = tag_before(text, sentence.span.start, before, mentions, buffer) {
        return Some(speaker);
    }
    // "Smith said on Tuesday:" closing the sentence before a quote that opens its own.
    if before.is_empty() {
        let previous = words.get(quote.sentence.checked_sub(1)?)?;
        let last = previous.last()?;
        let lead = text.get(last.span.end..quote.outer.start)?;
        if lead.trim_start().starts_with(':') {
            let start = sentences.get(quote.sentence - 1)?.span.start;
            return tag_before(text, start, previous, mentions, buffer);
        }
    }
    None
}

/// ",” Umerov said", ",” said Umerov", ",” Mr. Obama said", ",” he remarked", ",” according to Umerov", "” ―
/// Pamela Padilla", ",” Scott Pruitt, the attorney general of Oklahoma, said". `buffer` is where words are written in
/// lower case.
fn tag_after(text: &str, quote: &QuoteFound, after: &[Word], mentions: &[Mention], buffer: &mut String) -> Option<usize> {
    let lex = lexicons();
    let first = after.first()?;
    let gap = text.get(quote.outer.end..first.span.start)?;
    if !is_tag_gap(gap) && !gap.trim().is_empty() {
        return None;
    }
    let is_verb = |w: &Word, buffer: &mut String| {
        let key = lower_key(w.span.slice(text), buffer);
        lex.speech_verbs.contains(key) && !key.ends_with("ing")
    };
    // Titles before the name: "Mr. Obama said", "Sen. Warren told".
    let mut k = 0;
    while after.get(k).is_some_and(|w| is_courtesy_title(w.span.slice(text))) {
        k += 1;
    }
    if let Some(word) = after.get(k) {
        if let Some((person, end)) = mention_covering(mentions, word.span.start) {
            let rest = words_from(after.get(k..).unwrap_or(&[]), end);
            // "–", "—" or "―" (E2 80 93, 94, 95), found as bytes: the search for any of three characters was a
            // function of its own.
            let dash = gap.as_bytes().windows(3).any(|w| matches!(w, [0xE2, 0x80, 0x93..=0x95]));
            let verb_next = rest.first().is_some_and(|w| is_verb(w, buffer));
            // An apposition between the name and the verb: "Scott Pruitt, the Republican attorney general, said".
            let apposition = text.get(end..).is_some_and(|t| t.starts_with(',')) && rest.iter().take(14).any(|w| is_verb(w, buffer));
            if verb_next || apposition || dash || rest.is_empty() {
                return Some(person);
            }
        }
    }
    // Compared in place, ignoring ASCII case: no other character lower-cases to their letters.
    let first_word = first.span.slice(text);
    let (first_is_pronoun, first_is_according) = (is_pronoun(first_word), first_word.eq_ignore_ascii_case("according"));
    if is_verb(first, buffer) {
        let mut k = 1;
        while after.get(k).is_some_and(|w| is_courtesy_title(w.span.slice(text))) {
            k += 1;
        }
        if let Some(person) = after.get(k).and_then(|w| mention_covering(mentions, w.span.start)).map(|(p, _)| p) {
            return Some(person);
        }
        if after.get(1).is_some_and(|w| is_pronoun(w.span.slice(text))) {
            return most_recent(mentions, quote.outer.start);
        }
    }
    if first_is_pronoun && after.get(1).is_some_and(|w| is_verb(w, buffer)) {
        return most_recent(mentions, quote.outer.start);
    }
    if first_is_according {
        return after.iter().skip(2).take(4).find_map(|w| mention_covering(mentions, w.span.start)).map(|(p, _)| p);
    }
    None
}

/// Before the quote, in its sentence: "Umerov said: “…”", "He stated, “…”", "Umerov described the meeting as
/// “…”", "Spokeswoman Jessica Ditto said via email that, “…”". `buffer` is where words are written in lower case.
fn tag_before(text: &str, sentence_start: usize, before: &[Word], mentions: &[Mention], buffer: &mut String) -> Option<usize> {
    let lex = lexicons();
    let first = before.first()?;
    if !may_name_anyone(text, before, mentions) {
        return None;
    }
    let verb_at = before.iter().rposition(|w| lex.speech_verbs.contains_lower_case(w.span.slice(text), buffer));
    // The subject: the first person named before the verb.
    if let Some(v) = verb_at {
        if let Some(person) = first_person_named(mentions, before.get(..v).unwrap_or(&[])) {
            return Some(person);
        }
        if before.iter().take(v).any(|w| is_pronoun(w.span.slice(text))) {
            return most_recent(mentions, sentence_start);
        }
    }
    subject_frames(text, before, first, mentions, buffer)
}

/// Whether a mention starts within `words` (in text order), or one of them is "he" or "she": [`tag_before`] finds
/// a speaker only at a mention that starts where one of its words does, or for a pronoun, so without either it
/// finds nobody, and its search for a speech verb among the words, a look-up for most of them, is not made (a
/// third of the tags before a quote, a quarter of their words).
fn may_name_anyone(text: &str, words: &[Word], mentions: &[Mention]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    let i = mentions.partition_point(|m| m.span.start < first.span.start);
    // A pronoun is told as [`is_pronoun`] tells it, by the word's length and its first three bytes with their case
    // bits set (only "H" and "h" give "h" so, and so on), in line: no branch on the length, nor a slice of the text
    // or a call for each word (either cost as much as the search spared).
    let pronoun = |w: &Word| {
        let byte = |k: usize| text.as_bytes().get(w.span.start + k).map_or(0, |&b| b | 0x20);
        let (len, first, second, third) = (w.span.len(), byte(0), byte(1), byte(2));
        (len == 2) & (first == b'h') & (second == b'e') | (len == 3) & (first == b's') & (second == b'h') & (third == b'e')
    };
    mentions.get(i).is_some_and(|m| m.span.start <= last.span.start) || words.iter().any(pronoun)
}

/// "Umerov described the meeting as “…”": the sentence's subject frames the quote. [`tag_before`] when no person or
/// pronoun comes before a speech verb; out of line, as most tags are found before it.
#[inline(never)]
fn subject_frames(text: &str, before: &[Word], first: &Word, mentions: &[Mention], buffer: &mut String) -> Option<usize> {
    let lex = lexicons();
    let is_verb = |w: &Word, buffer: &mut String| lex.speech_verbs.contains(lower_key(w.span.slice(text), buffer));
    let mut k = 0;
    while before.get(k).is_some_and(|w| is_courtesy_title(w.span.slice(text)) || one_of_ignoring_ascii_case(w.span.slice(text), &["but", "and", "then", "later"])) {
        k += 1;
    }
    let subject = before.get(k).or(Some(first))?;
    if let Some((person, _)) = mention_covering(mentions, subject.span.start) {
        let verb_follows = before.iter().skip(k + 1).take(4).any(|w| is_verb(w, buffer) || ends_with_ed(w.span.slice(text)));
        if verb_follows {
            return Some(person);
        }
    }
    None
}

/// The words of `words` (in text order) that start at `at` or after.
fn words_from(words: &[Word], at: usize) -> &[Word] {
    words.get(words.partition_point(|w| w.span.start < at)..).unwrap_or(&[])
}

/// Whether `word` ends in "ed" in any case, read in place: no character but "E" and "D" lower-cases to those letters.
fn ends_with_ed(word: &str) -> bool {
    word.as_bytes().last_chunk::<2>().is_some_and(|end| end.eq_ignore_ascii_case(b"ed"))
}

/// A title or office before a name, in any case ([`one_of_ignoring_ascii_case`]).
fn is_courtesy_title(word: &str) -> bool {
    const TITLES: [&str; 15] = ["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator", "governor", "secretary", "former", "vice", "prof"];
    // Their lengths, and their first letters by their low five bits (those of "m" and "M" alike): most words are
    // told none of them by these two bits, without the search of the list, a call in the Wasm (400 cost units).
    const LENGTHS: u32 = 1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 9;
    const FIRSTS: u32 = 1 << (b'm' & 31) | 1 << (b'd' & 31) | 1 << (b's' & 31) | 1 << (b'r' & 31) | 1 << (b'g' & 31) | 1 << (b'p' & 31) | 1 << (b'f' & 31) | 1 << (b'v' & 31);
    let first = word.as_bytes().first().map_or(0, |&byte| byte & 31);
    LENGTHS >> word.len().min(31) & FIRSTS >> first & 1 != 0 && one_of_ignoring_ascii_case(word, &TITLES)
}

/// The person whose mention starts at `start`, and where that mention ends.
fn mention_covering(mentions: &[Mention], start: usize) -> Option<(usize, usize)> {
    let i = mentions.partition_point(|m| m.span.start < start);
    mentions.get(i).filter(|m| m.span.start == start).map(|m| (m.person, m.span.end))
}

/// The person of the first of `words` (in text order) that starts a mention: [`mention_covering`] of each word in
/// turn, found by one walk along the mentions from the first word's, not a search for each word.
fn first_person_named(mentions: &[Mention], words: &[Word]) -> Option<usize> {
    let first = words.first()?;
    let mut i = mentions.partition_point(|m| m.span.start < first.span.start);
    for w in words {
        while mentions.get(i).is_some_and(|m| m.span.start < w.span.start) {
            i += 1;
        }
        if let Some(m) = mentions.get(i).filter(|m| m.span.start == w.span.start) {
            return Some(m.person);
        }
    }
    None
}

/// The person named last before `at`.
fn most_recent(mentions: &[Mention], at: usize) -> Option<usize> {
    let i = mentions.partition_point(|m| m.span.start < at);
    i.checked_sub(1).and_then(|k| mentions.get(k)).map(|m| m.person)
}

/// `word` lower-cased as [`lower`] does it: an ASCII word in lower case already (most words) as it stands,
/// without a copy.
fn lower_key<'a>(word: &'a str, buffer: &'a mut String) -> &'a str {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return word;
    }
    lower(word, buffer)
}

/// "he" or "she" in any case, compared in place: no character but an ASCII letter lower-cases to one of theirs, so
/// the word needs no lower-case copy. Its bytes are read by their length, each with its case bit set (only "H" and
/// "h" give "h" so, and so on): `eq_ignore_ascii_case` was a call in the Wasm, two for most words.
fn is_pronoun(word: &str) -> bool {
    match word.as_bytes() {
        [h, e] => [h | 0x20, e | 0x20] == *b"he",
        [s, h, e] => [s | 0x20, h | 0x20, e | 0x20] == *b"she",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Courtesy titles are told as the search of the list tells them: the lengths and first letters let every
    /// title through.
    #[test]
    fn courtesy_titles_are_the_listed_words_in_any_case() {
        let titles = ["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator", "governor", "secretary", "former", "vice", "prof"];
        for title in titles {
            for word in [title.to_string(), title.to_uppercase(), format!("{}{}", title[..1].to_uppercase(), &title[1..])] {
                assert!(is_courtesy_title(&word), "{word:?}");
            }
        }
        for word in ["said", "Mr.", "m", "", "presidents", "Smith", "he", "Secretary-General", "\u{e9}", "mrs\u{e9}"] {
            assert_eq!(is_courtesy_title(word), one_of_ignoring_ascii_case(word, &titles), "{word:?}");
        }
    }

    /// Pronouns are told as `eq_ignore_ascii_case` tells them, whatever the bytes.
    #[test]
    fn pronouns_are_he_and_she_in_any_case() {
        for word in ["he", "He", "HE", "hE", "she", "She", "SHE", "sHe", "h", "hex", "shed", "", "ge", "HF", "sh", "ée", "h\u{e9}"] {
            assert_eq!(is_pronoun(word), word.eq_ignore_ascii_case("he") || word.eq_ignore_ascii_case("she"), "{word:?}");
        }
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                if let Ok(word) = std::str::from_utf8(&[a, b]) {
                    assert_eq!(is_pronoun(word), word.eq_ignore_ascii_case("he"), "{word:?}");
                }
            }
        }
    }

    /// Without mentions, a word names someone for [`may_name_anyone`] exactly when [`is_pronoun`] holds of it,
    /// wherever it lies in the text (bytes after it, or none); a mention that starts at a word names someone.
    #[test]
    fn words_name_someone_when_pronouns_or_mentioned() {
        for text in ["He said she, SHE'S the HEAD; he-man hex She\u{e9} sHe and hE", "he", "she", "sh", "x she", "héé s"] {
            let words = crate::tokens::tokenize(text, Span::new(0, text.len()));
            for w in &words {
                assert_eq!(may_name_anyone(text, std::slice::from_ref(w), &[]), is_pronoun(w.span.slice(text)), "{text:?} {w:?}");
            }
            let mentioned = |start: usize| [Mention { span: Span::new(start, start + 1), person: 0, sentence: 0 }];
            if let (Some(first), Some(last)) = (words.first(), words.last()) {
                assert!(may_name_anyone(text, &words, &mentioned(last.span.start)));
                assert_eq!(may_name_anyone(text, &words, &mentioned(last.span.start + 1)), words.iter().any(|w| is_pronoun(w.span.slice(text))));
                assert_eq!(may_name_anyone(text, std::slice::from_ref(last), &mentioned(first.span.start)), is_pronoun(last.span.slice(text)) || words.len() == 1);
            }
        }
        assert!(!may_name_anyone("", &[], &[]));
    }

    /// A paragraph opens with a quote exactly when it starts with one of the three marks.
    #[test]
    fn a_quote_opens_a_paragraph_as_its_first_character_says() {
        for paragraph in ["“Yes,” he said.", "\"Yes\"", "‘Yes’", "’Tis", "”No", "Yes", "", "—", "\u{2018}"] {
            assert_eq!(opens_with_quote(paragraph), paragraph.starts_with(['“', '"', '‘']), "{paragraph:?}");
        }
    }

    /// The walk along the mentions finds what a search for each word finds: the first word that starts a mention,
    /// past mentions that start between words or before the first word.
    #[test]
    fn the_first_person_named_is_the_one_a_search_per_word_finds() {
        let text = "Mr Jo Smith met Ann Lee and Bo Ek in Oslo";
        let words = crate::tokens::tokenize(text, Span::new(0, text.len()));
        let mention = |start: usize, end: usize, person: usize| Mention { span: Span::new(start, end), person, sentence: 0 };
        // "Smith" alone (a mention inside a word's span starts nowhere a word does), "Ann Lee", "Bo Ek".
        let mentions = [mention(1, 2, 9), mention(6, 11, 0), mention(16, 23, 1), mention(28, 33, 2)];
        for from in 0..words.len() {
            for to in from..=words.len() {
                let some = &words[from..to];
                let searched = some.iter().find_map(|w| mention_covering(&mentions, w.span.start)).map(|(p, _)| p);
                assert_eq!(first_person_named(&mentions, some), searched, "{from}..{to}");
            }
        }
        assert_eq!(first_person_named(&mentions, &words), Some(0));
        assert_eq!(first_person_named(&[], &words), None);
    }
}
