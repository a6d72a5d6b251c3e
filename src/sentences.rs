//! Sentence segmentation: splits each article paragraph into sentence spans of the original text.
//!
//! One left-to-right pass over each paragraph. A sentence ends at:
//! - a terminator run (`.`, `!`, `?`, `…`, `?!`, `...`, `. . .`, `。`, `।`, `؟`…) with the closing quotes and
//!   brackets after it ("…he said.)" ends after the bracket), when white space and a word that can open a
//!   sentence follow — straight away after the CJK terminators, which take no space, and also when a sentence
//!   opener is glued to the run ("…than Angels...I wonder", "…Joy Division.Those guys…");
//! - a line break after a line without final punctuation (a headline, a caption, a list item), unless the next
//!   line carries on in lower case;
//! - a bullet ("•") inside a line;
//! - a caption run into the text with no punctuation (Daily Mail pages): a lower-case word followed by a
//!   capitalised "He", "The", "They"… and a lower-case word ("…in charge of the club He has impressed…"), or
//!   by a caption label ("…in stable condition Loved up: The couple…");
//! - and, failing all that, after [`MAX_SENTENCE_BYTES`], at the last comma or space: text without
//!   punctuation becomes bounded chunks.
//!
//! A period is judged by the word before it and the word after it. Titles ("Mr.", "Dr.") never end a
//! sentence before a capitalised word; other abbreviations ("Co.", "Jan."), initials ("J.") and dotted
//! acronyms ("U.S.", "a.m.") end it only when the next word is a typical sentence opener
//! (`data/sentence_starters.txt`): "…Briggs & Co. It closed…" and "…in the U.S. How about you?" end, "J. R. R.
//! Tolkien" and "the U.S. Army" go on. An abbreviation that is also a word ("no.") or a unit after a number
//! ("10.2 secs.") continues only before a number. A lower-case word after any terminator continues the
//! sentence: a speaker tag ("…great." she said.), "Yahoo! is…", "p.m. on Monday"; so does a capitalised name
//! and a speech verb after a quote ("Why?" Smith asked.). Periods inside numbers, versions, money, e-mail
//! addresses and URLs have no space after them and never split. Terminators inside a bracket pair that closes
//! nearby stay inside: a parenthesised sentence does not end the one around it.
//!
//! Every decision looks at a bounded window around its position and the scan never goes back, so the cost
//! is linear in the input; every slice is taken at a character boundary, so no input makes it panic.


use crate::lexicon::{lexicons, AbbreviationKind, Entry};
use crate::span::Span;
use crate::tokens::{char_at, is_ascii_space, lower_case_bytes, zero_bytes, EACH_BYTE, HIGH_BITS};

/// One sentence: its span in the original text and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SentenceSpan {
    pub span: Span,
    pub paragraph: usize,
    /// Position of the sentence within its paragraph (0 for the paragraph's first sentence).
    pub in_paragraph: usize,
}

/// Text this long without a boundary is cut at the last comma or space: no giant sentences from text without
/// punctuation. Real sentences stay far below it (the longest of the BBC reference sentences is ~500 bytes).
pub(crate) const MAX_SENTENCE_BYTES: usize = 800;

/// A bracket pair shields the terminators inside it only when it closes within this many bytes; an unclosed
/// or far-closing bracket shields nothing.
const BRACKET_REACH: usize = 400;

/// How far a decision looks at the words around a terminator, in bytes.
const WORD_WINDOW: usize = 64;

/// The most terminators and closing marks judged as one run ("?!", "...", ".”)").
const RUN_LIMIT: usize = 64;

/// Splits every paragraph into sentences. Paragraphs that are consecutive lines of one hard-wrapped sentence
/// ("The deal was signed" + "in London on Monday.") are split together, under the first one's index.
pub(crate) fn split_sentences(text: &str, paragraphs: &[Span]) -> Vec<SentenceSpan> {
    split_sentences_and_marks(text, paragraphs, &bracket_stops(text)).0
}

/// The offsets of the bytes of `text` that [`bracket_pairs`] stops at ([`BRACKET_BREAK_OR_MARK`]), in text order:
/// what the clean stage notes as it measures the lines, found here for a text that is not cleaned.
pub(crate) fn bracket_stops(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut stops = Vec::new();
    let mut at = crate::tokens::find_byte_in(bytes, 0, &BRACKET_BREAK_OR_MARK);
    while at < bytes.len() {
        stops.push(at);
        at = crate::tokens::find_byte_in(bytes, at + 1, &BRACKET_BREAK_OR_MARK);
    }
    stops
}

/// [`split_sentences`], with the offsets of the bytes that may start a quotation mark ([`is_mark_start`]) in the
/// paragraphs, in text order. `stops` are the offsets of every byte of `text` that [`bracket_pairs`] stops at
/// ([`bracket_stops`]), in text order: the clean stage notes them as it reads every byte of the text, so the
/// paragraphs are not read through again for their brackets and marks.
#[inline(never)]
pub(crate) fn split_sentences_and_marks(text: &str, paragraphs: &[Span], stops: &[usize]) -> (Vec<SentenceSpan>, Vec<usize>) {
    // Reserved for a sentence in every BYTES_PER_SENTENCE bytes, so that the list is seldom grown (and copied) as
    // it fills: grown by doubling from empty, it was copied four times an article.
    let bytes: usize = paragraphs.iter().map(|p| p.len()).sum();
    let mut sentences = Vec::with_capacity(bytes / BYTES_PER_SENTENCE);
    let mut marks = Vec::with_capacity(bytes / BYTES_PER_MARK);
    let mut index = 0;
    while let Some(&first) = paragraphs.get(index) {
        let paragraph = index;
        let mut block = first;
        while let Some(&next) = paragraphs.get(index + 1).filter(|&&next| line_carries_on(text, block, next)) {
            block = Span::new(block.start, next.end);
            index += 1;
        }
        // The stops inside the block: the paragraphs leave out chrome, and the lines and cuts around it.
        let first_stop = stops.partition_point(|&at| at < block.start);
        let last_stop = stops.partition_point(|&at| at < block.end);
        let block_stops = stops.get(first_stop..last_stop).unwrap_or_default();
        split_block(text, block, paragraph, block_stops, &mut sentences, &mut marks);
        index += 1;
    }
    (sentences, marks)
}

/// Bytes of paragraph text reserved for a sentence: fewer than news has (100 to 150 bytes a sentence on average), so
/// that a list reserved for its text's sentences is seldom outgrown.
const BYTES_PER_SENTENCE: usize = 64;

/// Bytes of paragraph text reserved for a byte that may start a quotation mark: half as many as news has (one in
/// 128 bytes in CNN/DailyMail dev), so that the list is seldom grown and copied as it fills, where grown by
/// doubling from empty it was copied three times an article.
const BYTES_PER_MARK: usize = 64;

/// True when `next` is the very next line after `block` and continues its sentence ([`line_break_continues`]).
fn line_carries_on(text: &str, block: Span, next: Span) -> bool {
    let gap = text.get(block.end..next.start).unwrap_or("");
    if !gap.trim().is_empty() || gap.matches('\n').count() != 1 {
        return false;
    }
    let line = block.slice(text);
    let last_line = line.rsplit('\n').next().unwrap_or(line);
    line_break_continues(last_line.trim(), next.slice(text))
}

/// True when the sentence goes on across the line break after `line` (trimmed) into `next`: the line has no
/// final punctuation, and either ends with a comma or a dash, or is wrapped prose — six words or more — before
/// a line that goes on with an ordinary lower-case word ("…after the results were" + "published on Monday.").
/// Menus and lists in pasted pages ("Rating: 25 Votes" + "fmcshan", "Apple" + "iOS") stay apart.
fn line_break_continues(line: &str, next: &str) -> bool {
    if ends_with_terminal(line) || starts_with_list_marker(next) {
        return false;
    }
    if line.ends_with([',', ';', '-', '–', '—']) {
        return true;
    }
    let next_line = next.lines().next().unwrap_or("");
    let first_word = next_line.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    line.split_whitespace().count() >= 6
        && next_line.contains(' ')
        && !first_word.is_empty()
        && first_word.chars().all(char::is_lowercase)
        && next_line[first_word.len()..].starts_with([' ', ',', ';'])
        && lexicons().common_words.contains(first_word)
}

/// Splits a whole text as it stands, without removing chrome: blank lines separate paragraphs, and line breaks
/// inside a paragraph are judged like the rest.
pub(crate) fn split_text(text: &str) -> Vec<SentenceSpan> {
    split_sentences(text, &blocks(text))
}

/// The paragraphs of `text`: runs of non-blank lines, trimmed.
#[inline(never)]
fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut block: Option<Span> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let content = line.trim();
        if content.is_empty() {
            out.extend(block.take());
        } else {
            let start = offset + lead;
            let end = start + content.len();
            block = Some(block.map_or(Span::new(start, end), |b| Span::new(b.start, end)));
        }
        offset += line.len();
    }
    out.extend(block);
    out
}

/// Bytes that neither end nor start anything: ASCII letters, digits and punctuation other than a terminator and the
/// colon, which may end a caption label ([`Scanner::label_before_colon`]).
static PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_graphic() && !matches!(b, b'.' | b'!' | b'?' | b':');
        byte += 1;
    }
    table
};

/// The high bit of each byte of `word` (eight bytes, the first the least significant) where [`Scanner::run`]'s
/// tight loop stops: a byte that is neither [`PLAIN`] nor a space, other than 0x7F (which the loop passes: the
/// character is judged as nothing), or one of `*+/;>` (where the loop stops for nothing, as tested with ".", ":" and
/// "?"), or a space before "H", "I" or "S" to "W" (`next` is `word`'s eight bytes from its second), which hold the
/// capitals that open the run-in openers ([`RUN_IN_PAIRS`]). Exact up to the first such byte (bytes after it may be
/// marked whatever they are): a sum carries into the next byte only from a byte beyond ASCII, marked itself, and a
/// difference borrows from the next byte only at a zero (an equal byte), marked itself.
#[inline(always)]
fn scan_stops(word: u64, next: u64) -> u64 {
    // Outside 0x20..=0x7F: a byte's high bit, set (beyond ASCII) or clear after adding 0x60 (below 0x20); 0x7F, which
    // took a test of its own, stopped the loop for nothing. "*+./:;>?" (0x2A, 0x2B, 0x2E, 0x2F, 0x3A, 0x3B, 0x3E,
    // 0x3F), one test with bits 0, 2 and 4 cleared, where "." and ":;>?" were two (the other three are 28 stops a
    // corpus round). " " and "!", one test with bit 0 cleared, then "!" by that bit, or a space before "H", "I" or "S"
    // to "W": the bytes that 0x18 turns into 0x4B..0x52 ("K" to "Q"), one range, a byte's high bit set after adding
    // 0x80 less its start and clear after adding 0x80 less its end (the two ranges 0x48..0x4A and 0x53..0x58 took four
    // sums: 4.4 instructions more a step in V8, `Scanner::run` 151K a corpus round). Of the 5,000 capitals a corpus
    // round after a lower-case word, where each stopped the loop, 1,360 are left ("H", "I", "S", "T", "W") and 210 more
    // ("U", "V"), which one range test less would leave too, with "J" to "R" (1,630) and "A" to "G", "X" to "Z"
    // (1,860). No byte tested for zero is 1 after the masks, so a borrow goes on only through a zero byte.
    let outside = word | !word.wrapping_add(0x60 * EACH_BYTE);
    let zero_byte = |x: u64| x.wrapping_sub(EACH_BYTE) & !x;
    let punctuation = zero_byte((word & (0xEA * EACH_BYTE)) ^ (0x2A * EACH_BYTE));
    let space_or_bang = zero_byte((word & (0xFE * EACH_BYTE)) ^ (u64::from(b' ') * EACH_BYTE));
    let flipped = next ^ (0x18 * EACH_BYTE);
    let before_capital = flipped.wrapping_add((0x80 - 0x4B) * EACH_BYTE) & !flipped.wrapping_add((0x80 - 0x52) * EACH_BYTE);
    (outside | punctuation | (space_or_bang & ((word << 7) | before_capital))) & HIGH_BITS
}

/// [`scan_stops`] of the eight bytes of `chunk` from `from`, with the byte after them. Both are read by a length test
/// that folds away: a chunk taken as a reference was tested for null.
#[inline(always)]
fn stops_in<const N: usize>(chunk: &[u8; N], from: usize) -> u64 {
    let read = |at: usize| chunk.get(at..at + 8).and_then(|eight| eight.try_into().ok()).map_or(0, u64::from_le_bytes);
    scan_stops(read(from), read(from + 1))
}

/// The run-in prefixes ([`is_run_in_pair`]: "He", "Hi", "It", "Sh", "Th", "We") by their bytes: a capital's low four
/// bits are the second letters it opens a prefix with, and a letter's high four bits its own, in either case (a bit
/// each, in the order found: four at most). Where [`Scanner::asks_caption`] asks whether a caption runs in, a pair is
/// looked up without a branch: the comparisons of [`is_run_in_pair`] are branches in the Wasm, and a test of the five
/// capitals by a range and a bit took two more, each going as the text does. Found from the prefixes themselves when
/// compiled, so that a prefix added cannot go unasked.
static RUN_IN_PAIRS: [u8; 256] = {
    let mut table = [0; 256];
    let mut found = 0;
    let mut second = b'a';
    while second <= b'z' {
        let mut bit = 0;
        let mut first = b'A';
        while first <= b'Z' {
            if is_run_in_pair([first, second]) {
                if bit == 0 {
                    assert!(found < 4, "the run-in prefixes have four second letters at most");
                    bit = 1 << found;
                    found += 1;
                }
                table[first as usize] |= bit;
            }
            first += 1;
        }
        table[second as usize] |= bit << 4;
        table[second.to_ascii_uppercase() as usize] |= bit << 4;
        second += 1;
    }
    table
};

/// [`is_run_in_pair`] of a capital `first` and any `second`, looked up in [`RUN_IN_PAIRS`] (a test checks every pair of
/// bytes).
#[inline(always)]
fn opens_run_in_pair(first: u8, second: u8) -> bool {
    RUN_IN_PAIRS[usize::from(first)] & (RUN_IN_PAIRS[usize::from(second)] >> 4) != 0
}

/// Splits the paragraph at `block` of `text` and appends its sentences to `sentences`, under `paragraph`'s index.
/// They go straight into the one list: a list of each paragraph's own, copied after, was an allocation and a
/// growth or two for each paragraph. The offsets in `text` of the bytes that may start a quotation mark are
/// appended to `marks`, from `stops`, the offsets of the block's bytes that [`bracket_pairs`] stops at.
#[inline(never)]
fn split_block(text: &str, block: Span, paragraph: usize, stops: &[usize], sentences: &mut Vec<SentenceSpan>, marks: &mut Vec<usize>) {
    let placement = Placement { offset: block.start, paragraph, opened: sentences.len() };
    let mut scanner = Scanner::new(block.slice(text), placement, stops, sentences, marks);
    scanner.run();
}

/// Where a paragraph's sentences go in the text and in the list of all of them.
struct Placement {
    /// Where the paragraph starts in the text: the scanner's offsets are relative to it.
    offset: usize,
    /// The paragraph's index.
    paragraph: usize,
    /// How many sentences the list held before the paragraph's first.
    opened: usize,
}

/// How the word before a period reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodWord {
    /// "Mr", "Dr", "Sen": never ends a sentence before a capitalised word.
    Title,
    /// "Co", "Inc", "Jan", "approx", an initial "J", an acronym "U.S": ends it before a sentence opener.
    Ambiguous,
    /// An abbreviation that is also a word written in lower case ("no", "fig"), or a unit after a number
    /// ("10.2 secs"): an abbreviation only before a number.
    BeforeNumber,
    /// "1", "a", "iv" opening a paragraph or sentence: a list marker.
    ListMarker,
    /// Any other word, number, URL: the period ends the sentence.
    Ordinary,
}

/// What follows a terminator run.
#[derive(Debug, Clone, Copy, Default)]
struct Following<'a> {
    /// The next word, from its first letter or digit, letters, digits and inner periods/apostrophes only.
    word: &'a str,
    /// The next word is a single letter with a period: another initial ("J. R. R.").
    is_initial: bool,
    /// An opening bracket comes before the next word.
    bracketed: bool,
    /// Offset in the text just after the word.
    end: usize,
}

struct Scanner<'a, 'o> {
    text: &'a str,
    /// The list the paragraph's sentences are appended to, and where they go.
    out: &'o mut Vec<SentenceSpan>,
    placement: Placement,
    /// Start of the current sentence.
    start: usize,
    /// Bracket pairs `(open, close_end)` that shield their terminators, by opening position.
    brackets: Vec<(usize, usize)>,
    next_bracket: usize,
    /// Terminators before this position are inside a shielding bracket pair.
    shielded_until: usize,
    /// Start of the current line.
    line_start: usize,
    /// Last position after a comma, semicolon, colon or dash and white space, for cutting long text.
    soft_break: usize,
    /// Last white space, for cutting long text.
    last_space: usize,
}

impl<'a, 'o> Scanner<'a, 'o> {
    /// The scanner of the paragraph `text`, with its bracket pairs found; the offsets (in the whole text) of the
    /// bytes in it that may start a quotation mark are appended to `marks` on the way, from `stops` (those of its
    /// bytes that [`bracket_pairs`] stops at, by their offsets in the whole text).
    fn new(text: &'a str, placement: Placement, stops: &[usize], out: &'o mut Vec<SentenceSpan>, marks: &mut Vec<usize>) -> Self {
        let start = skip_space(text, 0);
        let brackets = bracket_pairs(text, placement.offset, stops, marks);
        Scanner {
            text,
            out,
            placement,
            start,
            brackets,
            next_bracket: 0,
            shielded_until: 0,
            line_start: 0,
            soft_break: 0,
            last_space: 0,
        }
    }

    #[inline(never)]
    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = self.start;
        'scan: while i < bytes.len() {
            // Letters, digits and ASCII punctuation other than a terminator neither end nor start anything, and a
            // space ends a sentence only before a run-in caption: up to the next bracket opening and the
            // sentence's length limit, they take a tight loop (most of a text is these). Anything else is decoded
            // and judged below.
            let limit = (self.start + MAX_SENTENCE_BYTES)
                .min(self.brackets.get(self.next_bracket).map_or(usize::MAX, |&(open, _)| open))
                .min(bytes.len());
            let run_start = i;
            // Eight bytes a step, read with the byte after them, while eight remain before the limit and nine before the
            // end, and while the step's spaces come before the last `WORD_WINDOW + 1` bytes before the sentence's length
            // limit, where every capital is asked about ([`Self::asks_caption`]): while nine bytes are left in `steps`.
            let steps_end = (limit + 1).min(bytes.len()).min(self.start + MAX_SENTENCE_BYTES - WORD_WINDOW);
            let steps = bytes.get(..steps_end).unwrap_or_default();
            loop {
                // Eight bytes at a time to the next byte that is not plain or is a space before a capital that may open
                // a caption. The other spaces are passed over and noted after (`note_passed_spaces`): most spaces are
                // between two lower-case words. The step is tested first, before the limit, which it implies: V8 takes
                // the end of `steps` out of the loop only when its test comes before every way out of the loop.
                if let Some(seventeen) = steps.get(i..).and_then(|rest| rest.first_chunk::<17>()) {
                    // Two steps a pass while seventeen bytes are left: V8 tests the stack and the bound once for both
                    // (140K instructions less a corpus round, for 48 B of the .wasm gzipped).
                    let stops = match stops_in(seventeen, 0) {
                        0 => {
                            i += 8;
                            stops_in(seventeen, 8)
                        }
                        first => first,
                    };
                    if stops == 0 {
                        i += 8;
                        continue;
                    }
                    i += stops.trailing_zeros() as usize / 8;
                } else if let Some(nine) = steps.get(i..).and_then(|rest| rest.first_chunk::<9>()) {
                    let stops = stops_in(nine, 0);
                    if stops == 0 {
                        i += 8;
                        continue;
                    }
                    i += stops.trailing_zeros() as usize / 8;
                } else if i >= limit {
                    break;
                } else if PLAIN[usize::from(bytes[i])] {
                    i += 1;
                    continue;
                }
                let byte = bytes[i];
                if byte != b' ' {
                    break;
                }
                // A space where a caption may run in, told by one test ([`Self::asks_caption`]); it is noted as a
                // place to cut long text with the spaces passed over (where each test of the byte before it, for a
                // soft break, went as the text does: 2,300 mispredicted a corpus round).
                if self.asks_caption(i) && self.caption_runs_in(i) {
                    i = self.cut(i);
                    continue 'scan;
                }
                i += 1;
            }
            self.note_passed_spaces(run_start, i);
            let Some(next) = self.judge_char(i) else { break };
            i = next;
        }
        self.push(self.start, self.text.len());
    }

    /// Notes the spaces in `from..to`, which [`Self::run`]'s tight loop passed over or stopped at, as
    /// [`Self::note_space`] notes white space: the last one as the last space, the last one after a comma, semicolon,
    /// colon or dash as a soft break. Only
    /// the spaces [`Self::cut_long`] can take are looked for (far enough into the sentence), so this reads the
    /// bytes of long sentences only.
    fn note_passed_spaces(&mut self, from: usize, to: usize) {
        let bytes = self.text.as_bytes();
        let after_break = |p: usize| matches!(bytes.get(..p), Some([.., b',' | b';' | b':'] | [.., 0xE2, 0x80, 0x93 | 0x94]));
        let mut at = to;
        let mut last_space_found = false;
        while at > from.max(self.start + MAX_SENTENCE_BYTES / 4 + 1) {
            at -= 1;
            if bytes.get(at) != Some(&b' ') {
                continue;
            }
            if !last_space_found {
                self.last_space = at;
                last_space_found = true;
            }
            if at <= self.start + MAX_SENTENCE_BYTES / 2 {
                break;
            }
            if after_break(at) {
                self.soft_break = at;
                break;
            }
        }
    }

    /// Judges the character at `i` that [`Self::run`]'s tight loop stopped at (a terminator, a line break, a
    /// bracket, a bullet, other white space, a colon, or any character outside ASCII) and returns where the scan goes
    /// on, or `None` at the text's end. Not inlined: `run`'s loop is what runs hot, and V8 recompiles it with its
    /// optimising tier during the first summary; these rarer cases made it half as large again.
    #[inline(never)]
    fn judge_char(&mut self, i: usize) -> Option<usize> {
        let c = char_at(self.text, i)?;
        if self.brackets.get(self.next_bracket).is_some_and(|&(open, _)| open <= i) {
            self.update_shield(i);
        }
        let mut next = i + c.len_utf8();
        // Curly quotes, most of the characters beyond ASCII in English news, end nothing and start nothing: told before
        // the tests below, which are calls in the Wasm for a character beyond ASCII (`is_wide_terminator`, `is_bullet`,
        // `char::is_whitespace`; with this function 483K instructions and 6.6K mispredicts a corpus round in V8 ->
        // 456K and 5.8K). Only after a byte beyond ASCII: natively the test cost every character judged 22K more.
        if !c.is_ascii() && matches!(c, '‘' | '’' | '“' | '”') && next - self.start <= MAX_SENTENCE_BYTES {
            return Some(next);
        }
        if is_terminator(c) {
            let (resume, end) = self.judge_terminator(i);
            if let Some(end) = end {
                return Some(self.cut(end));
            }
            next = resume.max(next);
        } else if c == '\n' {
            let line_start = self.line_start;
            self.line_start = next;
            if self.line_break_ends_sentence(line_start, i) {
                return Some(self.cut(i));
            }
        } else if (is_bullet(c) && i > self.start && self.space_before(i) && self.space_after(next))
            || (c == ' ' && self.caption_runs_in(i))
        {
            return Some(self.cut(i));
        } else if let Some(space) = Some(i).filter(|_| c == ':').and_then(|colon| self.label_before_colon(colon)) {
            return Some(self.cut(space));
        }
        if is_space_char(c) {
            self.note_space(i);
        }
        if next - self.start > MAX_SENTENCE_BYTES {
            return Some(self.cut_long(i, next));
        }
        Some(next)
    }

    /// Records the white space at `at` as a place to cut long text: after a comma, semicolon, colon or dash,
    /// a soft break.
    fn note_space(&mut self, at: usize) {
        self.last_space = at;
        // "–" and "—" are E2 80 93 and E2 80 94: their last byte is tested first.
        if matches!(self.text.as_bytes().get(..at), Some([.., b',' | b';' | b':'] | [.., 0xE2, 0x80, 0x93 | 0x94])) {
            self.soft_break = at;
        }
    }

    /// Ends the current sentence at `end` and starts the next one after the white space; returns where the
    /// scan resumes.
    fn cut(&mut self, end: usize) -> usize {
        self.push(self.start, end);
        self.start = skip_space(self.text, end).max(self.start);
        if let Some(newline) = self.text.as_bytes().get(end..self.start).and_then(|gap| gap.iter().rposition(|&b| b == b'\n')) {
            self.line_start = end + newline + 1;
        }
        if self.line_start > self.start {
            // A long-text cut went back before a line break already scanned past: that break is scanned again,
            // so its line must start before it (the start of the line the cut is in). Only a line break within
            // the last MAX_SENTENCE_BYTES does this, so each line is searched back a bounded number of times.
            self.line_start = self.text.get(..self.start).and_then(|head| head.rfind('\n')).map_or(0, |p| p + 1);
        }
        self.start
    }

    /// Cuts text that would run past [`MAX_SENTENCE_BYTES`] with the character (or terminator run) at
    /// `here..next`: at the last comma or dash in its second half, else at the last space in its last three
    /// quarters, else before `here` — or after `next` when nothing precedes it.
    #[inline(never)]
    fn cut_long(&mut self, here: usize, next: usize) -> usize {
        let at = if self.soft_break > self.start + MAX_SENTENCE_BYTES / 2 {
            self.soft_break
        } else if self.last_space > self.start + MAX_SENTENCE_BYTES / 4 {
            self.last_space
        } else if here > self.start {
            here
        } else {
            next
        };
        self.cut(at)
    }

    /// Adds the sentence `start..end` without the white space it ends with, unless nothing else is left. ASCII white
    /// space is dropped byte by byte ([`is_ascii_space`]); `trim_end`, which decodes, runs only from a byte beyond
    /// ASCII (in the Wasm, decoding and testing a character are calls, made for every sentence). The sentence is read
    /// as bytes, as slicing a `str` is a call there too: a piece that ends inside a character ends in a byte beyond
    /// ASCII, sliced as a `str` then, and one that starts inside a character is no sentence.
    fn push(&mut self, start: usize, end: usize) {
        if !self.text.is_char_boundary(start) {
            return;
        }
        let piece = self.text.as_bytes().get(start..end).unwrap_or_default();
        let mut len = piece.len();
        while let Some(&byte) = len.checked_sub(1).and_then(|last| piece.get(last)) {
            if !byte.is_ascii() {
                len = self.text.get(start..start + len).map_or(0, |head| head.trim_end().len());
                break;
            }
            if !is_ascii_space(byte) {
                break;
            }
            len -= 1;
        }
        if len > 0 {
            let Placement { offset, paragraph, opened } = self.placement;
            let span = Span::new(offset + start, offset + start + len);
            self.out.push(SentenceSpan { span, paragraph, in_paragraph: self.out.len() - opened });
        }
    }

    fn update_shield(&mut self, at: usize) {
        while let Some(&(open, close)) = self.brackets.get(self.next_bracket) {
            if open > at {
                break;
            }
            if close > at {
                self.shielded_until = self.shielded_until.max(close);
            }
            self.next_bracket += 1;
        }
    }

    fn space_before(&self, at: usize) -> bool {
        self.text[..at].chars().next_back().is_none_or(char::is_whitespace)
    }

    fn space_after(&self, at: usize) -> bool {
        char_at(self.text, at).is_none_or(char::is_whitespace)
    }

    /// Decides the terminator run that starts at `at`. Returns where the scan resumes when the sentence goes
    /// on, and the sentence's end (after closing quotes and brackets) when it ends.
    #[inline(never)]
    fn judge_terminator(&self, at: usize) -> (usize, Option<usize>) {
        let text = self.text;
        let bytes = text.as_bytes();
        // A period, one space and a capital, as at most sentence ends, settled as the run below settles it (a run of
        // the period alone, no quote, no line break), without its loop over the characters and its tests of each:
        // by the shield and the word before the period. The three bytes are told by one comparison, the period's and
        // the space's differences above the capital's distance from "A" (each byte by a branch of its own, they were
        // mispredicted 1,500 times a corpus round in V8).
        let byte = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
        let shape = u32::from((byte(0) ^ b'.') | (byte(1) ^ b' ')) << 8 | u32::from(byte(2).wrapping_sub(b'A'));
        if shape < 26 {
            let end = at + 1;
            if self.shielded_until > at && end < self.shielded_until {
                return (end, None);
            }
            return (end, self.period_ends(at, at + 2, false).then_some(end));
        }
        // The run: "?!", "!!", "...", "…", ". . .", then closing quotes and brackets, then maybe more
        // terminators ("?".).
        let mut end = at;
        let mut dots = 0;
        let mut strong = false;
        let mut ellipsis = false;
        let mut unspaced = false;
        let mut quote_closed = false;
        // The spaced dots matched as bytes, in place, their third byte first (which most terminators fail): a prefix
        // comparison is a call in the Wasm, made for every terminator.
        if bytes.get(at + 2) == Some(&b'.') && matches!(bytes.get(at..at + 5), Some(b". . .")) {
            end += 5;
            dots = 3;
            ellipsis = true;
            while matches!(bytes.get(end..end + 2), Some(b" .")) && end - at < RUN_LIMIT {
                end += 2;
            }
        }
        // Bounded: a run of thousands of periods is judged in pieces.
        for _ in 0..RUN_LIMIT {
            let Some(c) = char_at(self.text, end) else { break };
            if is_terminator(c) {
                match c {
                    '.' => dots += 1,
                    '…' => ellipsis = true,
                    _ => strong = true,
                }
                unspaced |= is_unspaced_terminator(c);
                end += c.len_utf8();
            } else if is_closer(c) && self.closes(end, c) {
                quote_closed |= is_quote(c);
                end += c.len_utf8();
            } else {
                break;
            }
        }
        ellipsis |= dots >= 2;
        // A straight closing quote that lost its place: glued to the next sentence ('…challenge."Earlier in
        // December…') or set off by a space ('…the football world. " England's players…'). It closes the
        // quotation the sentence opened, when it opened one.
        if bytes.get(end) == Some(&b'"') && bytes.get(end + 1).is_some_and(u8::is_ascii_uppercase) && self.quote_open(at) {
            return (end + 1, Some(end + 1));
        }
        if bytes.get(end) == Some(&b' ')
            && bytes.get(end + 1) == Some(&b'"')
            && bytes.get(end + 2).is_none_or(|b| matches!(b, b' ' | b'\n' | b'\r'))
            && self.quote_open(at)
        {
            end += 2;
            quote_closed = true;
        }
        let Some(after) = char_at(self.text, end) else {
            return (end, Some(end));
        };
        let shielded = self.shielded_until > at && end < self.shielded_until;
        if shielded {
            return (end, None);
        }
        if unspaced {
            return (end, Some(end));
        }
        if !is_space_char(after) {
            // "3.5", "U.S.A", "e.g.,", "Yahoo!'s", "www.example.com": not an end — unless a sentence opener
            // is glued to it ("…than Angels...I wonder", "…Joy Division.Those guys…").
            let glued = after.is_uppercase() && self.glued_opener(at, end, ellipsis);
            return (end, glued.then_some(end));
        }
        // The gap's line breaks counted once, as bytes: a blank line ends the sentence, a single break before a list item.
        // One space before a printable ASCII byte, as after most terminators, is told in place, with no line break (as
        // `skip_space` tells it first): its call and the count were 40 instructions a terminator in the Wasm.
        let (next_start, breaks) = if after == ' ' && bytes.get(end + 1).is_some_and(|&b| b > b' ' && b.is_ascii()) {
            (end + 1, 0)
        } else {
            let next_start = skip_space(text, end);
            (next_start, line_breaks(bytes.get(end..next_start).unwrap_or_default()))
        };
        if breaks >= 2 || next_start >= text.len() {
            return (end, Some(end));
        }
        if breaks > 0 && starts_with_list_marker(&text[next_start..]) {
            return (end, Some(end));
        }
        if !strong && !ellipsis && bytes.get(next_start).is_some_and(u8::is_ascii_uppercase) {
            // A capital after a period, the most common end, is settled by the word before the period (and a speaker
            // tag after a quote): the word after it is read only after an abbreviation, where the tests below read it
            // for every terminator.
            if quote_closed && speaker_tag_follows(text, next_start) {
                return (end, None);
            }
            return (end, self.period_ends(at, next_start, false).then_some(end));
        }
        let following = following_word(text, next_start);
        // The word's first character, an ASCII byte read in place (decoding is a call in the Wasm).
        let first = match following.word.as_bytes().first() {
            Some(&byte) if byte.is_ascii() => Some(char::from(byte)),
            _ => following.word.chars().next(),
        };
        let Some(first) = first else {
            // A dash, a symbol or an emoji follows: an end, unless a title asks for its name.
            let ends = strong || ellipsis || self.before_period(at) != PeriodWord::Title;
            return (end, ends.then_some(end));
        };
        if first.is_lowercase() {
            // "…great." she said. / "Yahoo! is…" / "p.m. on Monday": the sentence goes on — unless the next
            // word is a brand written "iPhone", which opens sentences in lower case, or an aside in brackets
            // follows a plain sentence end ("…said nothing. (btw i'm…)").
            let camel = following.word.chars().skip(1).any(char::is_uppercase);
            let ends = (camel || following.bracketed)
                && !ellipsis
                && (strong || (dots == 1 && self.before_period(at) == PeriodWord::Ordinary));
            return (end, ends.then_some(end));
        }
        if quote_closed && speaker_tag_follows(text, next_start) {
            // "Why?" Smith asked. — the quote and its speaker are one sentence.
            return (end, None);
        }
        if first.is_ascii_digit() {
            let ends = strong
                || ellipsis
                || !matches!(self.before_period(at), PeriodWord::Title | PeriodWord::Ambiguous | PeriodWord::BeforeNumber | PeriodWord::ListMarker);
            return (end, ends.then_some(end));
        }
        if strong {
            // "Yahoo! Japan" goes on; "Yahoo! The company…" ends.
            let ends = !self.exclamation_name(at) || is_sentence_starter(following.word);
            return (end, ends.then_some(end));
        }
        if ellipsis {
            return (end, Some(end));
        }
        (end, self.period_ends(at, next_start, !first.is_uppercase()).then_some(end))
    }

    /// Whether the period at `at` ends its sentence before the word at `next_start`, a letter or a mark before one
    /// (`uncased` when the letter has no case): by the word before the period, and after an abbreviation by the word
    /// after it.
    fn period_ends(&self, at: usize, next_start: usize, uncased: bool) -> bool {
        match self.before_period(at) {
            PeriodWord::Title | PeriodWord::ListMarker => false,
            PeriodWord::Ambiguous => uncased || {
                let following = following_word(self.text, next_start);
                is_sentence_starter(following.word) && !following.is_initial
            },
            PeriodWord::BeforeNumber | PeriodWord::Ordinary => true,
        }
    }

    /// True when the sentence so far holds an odd number of straight double quotes: one is open at `at`.
    fn quote_open(&self, at: usize) -> bool {
        self.text.as_bytes().get(self.start..at).is_some_and(|head| head.iter().filter(|&&b| b == b'"').count() % 2 == 1)
    }

    /// True when the closer `c` at `at` closes something: brackets always, a straight quote or apostrophe
    /// only when no letter follows it ("U.S.'s" keeps its apostrophe as part of the word).
    fn closes(&self, at: usize, c: char) -> bool {
        if matches!(c, '\'' | '’' | '"') {
            return !char_at(self.text, at + c.len_utf8()).is_some_and(char::is_alphanumeric);
        }
        true
    }

    /// How the word that ends at the period `at` reads.
    fn before_period(&self, at: usize) -> PeriodWord {
        let word = word_before(self.text, self.start, at);
        if word.is_empty() {
            return PeriodWord::Ordinary;
        }
        let lexicons = lexicons();
        // "MS", "SEC", "FT" in capitals are acronyms, not "Ms.", "sec." or "Ft." (asked of abbreviations only).
        let capitals = || word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.contains('.') && !word.chars().any(char::is_lowercase);
        // Most words before a period are no abbreviation by their shape alone, and are not looked up.
        let kind = if lexicons.abbreviations.may_hold(word) { lower_case_entry(word).abbreviation_kind() } else { None };
        if let Some(kind) = kind.filter(|_| !capitals()) {
            // An abbreviation that is also a word, written in lower case ("no", "fig"), or a unit after a
            // number ("21.7 secs.", "10 mins.") is an abbreviation before a number only: before a capital it
            // ends the sentence ("He said no. Smith left.").
            let plain = !word.contains('.');
            let lower = word.starts_with(char::is_lowercase);
            return match kind {
                AbbreviationKind::Title => PeriodWord::Title,
                _ if plain && lower && (lexicons.common_words.contains(word) || number_before(self.text, self.start, word)) => {
                    PeriodWord::BeforeNumber
                }
                _ => PeriodWord::Ambiguous,
            };
        }
        // Four bytes or more from an ASCII byte, as four in five words before a period are ("said", "year"): no single
        // capital, and no list label but "viii" (a test checks both). Told by one test, where the tests below branch on
        // the word's length three times, each going as the words' lengths do (V8: `before_period` and `is_list_label`
        // 266K instructions and 3.7K mispredicts a corpus round -> 227K and 3.0K; native cost 447K -> 300K).
        let bytes = word.as_bytes();
        let last_four = bytes.last_chunk::<4>().map_or(0, |four| u32::from_le_bytes(*four));
        let opens_ascii = bytes.first().copied().unwrap_or(0x80) < 0x80;
        let long = opens_ascii & (bytes.len() >= 4) & ((bytes.len() > 4) | (last_four != u32::from_le_bytes(*b"viii")));
        if long {
            let acronym = may_end_dotted_acronym(last_four >> 8) && has_dotted_groups(word);
            return if acronym { PeriodWord::Ambiguous } else { PeriodWord::Ordinary };
        }
        // A word that opens with an ASCII byte is one character only if it is one byte: the others are not decoded.
        let single_capital = match word.as_bytes() {
            [byte] => byte.is_ascii_uppercase(),
            [first, ..] if first.is_ascii() => false,
            _ => {
                let mut chars = word.chars();
                chars.next().filter(|_| chars.next().is_none()).is_some_and(char::is_uppercase)
            }
        };
        // Whether the word opens the sentence is asked of list labels only: the test reads the sentence so far.
        if is_list_label(word) && self.text.get(self.start..at).is_some_and(|head| !head.contains(char::is_whitespace)) {
            return PeriodWord::ListMarker;
        }
        if single_capital || is_dotted_acronym(word) {
            return PeriodWord::Ambiguous;
        }
        PeriodWord::Ordinary
    }

    /// True when the terminator run `at..end` is glued to a capitalised sentence opener that a space follows:
    /// after an ellipsis ("…than Angels...I wonder"), or after a period or "!"/"?" that ends a lower-case word
    /// of three letters or more that is no part of an address ("Division.Those guys", not "example.com/It").
    #[inline(never)]
    fn glued_opener(&self, at: usize, end: usize, ellipsis: bool) -> bool {
        let following = following_word(self.text, end);
        let spaced = char_at(self.text, following.end).is_some_and(|c| c.is_whitespace() || c == ',');
        if following.bracketed || !spaced || !is_sentence_starter(following.word) {
            return false;
        }
        if ellipsis {
            return true;
        }
        let before = word_before(self.text, self.start, at);
        let letters = before.chars().rev().take_while(|c| c.is_alphabetic()).count();
        letters >= 3
            && before.chars().next_back().is_some_and(char::is_lowercase)
            && !before.contains(['.', '/', '@', ':', '_', '='])
    }

    /// True when the word before the "!" at `at` is a name written with it ("Yahoo!").
    #[inline(never)]
    fn exclamation_name(&self, at: usize) -> bool {
        let word = word_before(self.text, self.start, at);
        let mut key = String::with_capacity(word.len() + 1);
        crate::lexicon::lower(word, &mut key);
        key.push('!');
        lexicons().abbreviations.contains_key(&key)
    }

    /// Decides the line break at `at` (the line began at `line_start`): a line without final punctuation is
    /// its own unit unless the next line carries on in lower case; a list item or bullet always starts one.
    #[inline(never)]
    fn line_break_ends_sentence(&self, line_start: usize, at: usize) -> bool {
        if at <= self.start {
            return false;
        }
        let line = self.text[line_start.max(self.start)..at].trim();
        let next_start = skip_space(self.text, at);
        let rest = &self.text[next_start..];
        if line_breaks(self.text.as_bytes().get(at..next_start).unwrap_or_default()) >= 2 {
            // A blank line.
            return true;
        }
        if line.is_empty() || rest.is_empty() {
            return false;
        }
        if starts_with_list_marker(rest) {
            return true;
        }
        if ends_with_terminal(line) {
            // The terminator was judged already: it did not end the sentence ("Mr.\nSmith").
            return false;
        }
        !line_break_continues(self.text[line_start..at].trim(), rest)
    }

    /// True when the space at `at` separates a caption run into the text from the next sentence: a lower-case
    /// word, no punctuation, then either a capitalised run-in opener ("He", "The", "They") and a lower-case
    /// word, or a caption label ([`caption_label_follows`]). Captions in Daily Mail pages lose their line
    /// breaks: "…in charge of the club He has impressed Mann…", "…in stable condition Loved up: The couple…".
    #[inline(never)]
    fn caption_runs_in(&self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        let (Some(&before), Some(&after)) = (at.checked_sub(1).and_then(|b| bytes.get(b)), bytes.get(at + 1)) else {
            return false;
        };
        if !before.is_ascii_lowercase() || !after.is_ascii_uppercase() || at < self.start + 2 {
            return false;
        }
        if self.shielded_until > at {
            return false;
        }
        // The opener first, which rejects most capitals after a lower-case word ("said Smith", "in New York") in a
        // few bytes: a capital and lower-case ASCII letters, then one space and a lower-case letter.
        let rest = bytes.get(at + 1..).unwrap_or_default();
        let letters = rest.get(1..).unwrap_or_default();
        // Most words are shorter than eight letters: their end is found in one step, eight bytes at once.
        let others = letters.first_chunk::<8>().map_or(0, |chunk| !lower_case_bytes(u64::from_le_bytes(*chunk)) & HIGH_BITS);
        let opener_len = 1 + match others {
            0 => letters.iter().position(|b| !b.is_ascii_lowercase()).unwrap_or(letters.len()),
            _ => others.trailing_zeros() as usize / 8,
        };
        let shaped = rest.get(opener_len) == Some(&b' ') && rest.get(opener_len + 1).is_some_and(u8::is_ascii_lowercase);
        if !shaped {
            return false;
        }
        // Then what the opener needs to open a caption, in its bytes: the first two letters of a run-in opener, or
        // the lower-case words and the colon of a caption label. Of about 2,000 shaped capitals a corpus round, 110
        // pass, where the word before was read and judged for each (Wasm cost -0.36M a round, -0.3%).
        let run_in = opener_len <= 5 && is_run_in_prefix(rest);
        (run_in || colon_ends_lower_words(rest, opener_len)) && self.caption_follows_word(at, opener_len)
    }

    /// Whether [`Self::run`]'s tight loop asks [`Self::caption_runs_in`] about the space at `at`: after a lower-case
    /// letter, before a capital and a letter that open a run-in opener ("He", "It", "She", "The", "We";
    /// [`is_run_in_pair`]), and, in the last [`WORD_WINDOW`] bytes before the sentence's length limit, before any
    /// capital. A caption label, which may open with any capital, is found from its colon ([`Self::label_before_colon`]),
    /// which comes before the limit when the space is not so near it, and [`Self::caption_runs_in`] cuts at a space
    /// before a capital that opens no run-in opener only for a label. Of about 5,000 capitals a corpus round after a
    /// lower-case word, where the test was called for each (Wasm cost 281 a call), 1,400 were left by their capital
    /// alone, and about 300 by the capital and the letter after it (`caption_runs_in` 0.46M -> 0.12M a corpus round).
    /// The tests are joined without a branch: each went as the text does.
    #[inline(always)]
    fn asks_caption(&self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        let before = at.checked_sub(1).and_then(|p| bytes.get(p)).copied().unwrap_or(0);
        let after = bytes.get(at + 1).copied().unwrap_or(0);
        let second = bytes.get(at + 2).copied().unwrap_or(0);
        let near_limit = at >= self.start + MAX_SENTENCE_BYTES - WORD_WINDOW - 1;
        before.is_ascii_lowercase() & (opens_run_in_pair(after, second) | (after.is_ascii_uppercase() & near_limit))
    }

    /// The space before the caption label that the colon at `colon` ends ("…in stable condition Loved up: The
    /// couple…"), if [`Self::caption_runs_in`] cuts there: the label is a capital and lower-case ASCII words within
    /// [`WORD_WINDOW`] bytes of the space, so the space is the one before the last capital before the colon, with only
    /// lower-case letters and spaces between. [`Self::run`]'s tight loop does not ask about the spaces before most
    /// capitals ([`Self::asks_caption`]): such a space is asked about here, before anything after it is judged, as
    /// nothing from the label to its colon stops the loop. A space asked about already is not cut at here either.
    #[inline(never)]
    fn label_before_colon(&self, colon: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let from = colon.saturating_sub(WORD_WINDOW + 1).max(self.start);
        let head = bytes.get(from..colon)?;
        let capital = head.iter().rposition(|&b| !b.is_ascii_lowercase() && b != b' ')?;
        let space = (from + capital).checked_sub(1)?;
        let shaped = head.get(capital).is_some_and(u8::is_ascii_uppercase) && bytes.get(space) == Some(&b' ');
        (shaped && self.caption_runs_in(space)).then_some(space)
    }

    /// [`Self::caption_runs_in`] once the capital after the space at `at` opens a word of `opener_len` bytes with the
    /// shape of an opener: whether the word before the space can end a sentence, and the opener opens one. A function
    /// of its own: the shape alone rejects most capitals after a lower-case word, and its test saves few registers.
    #[inline(never)]
    fn caption_follows_word(&self, at: usize, opener_len: usize) -> bool {
        let text = self.text;
        let bytes = text.as_bytes();
        // The word before: lower-case letters only, after white space, and not one that cannot end a sentence.
        // Read byte by byte: the word is ASCII, and so is the byte before it unless a longer character ends there.
        let head = bytes.get(self.start..at).unwrap_or_default();
        // Its start is found eight bytes at once when it is shorter (most are): a loop over its letters ended after a
        // number of them that follows no pattern the branch predictor can learn.
        let others = head.last_chunk::<8>().map_or(0, |chunk| !lower_case_bytes(u64::from_le_bytes(*chunk)) & HIGH_BITS);
        let word_start = match others {
            0 => head.iter().rposition(|b| !b.is_ascii_lowercase()).map_or(0, |p| p + 1),
            _ => head.len() - 8 + (64 - others.leading_zeros() as usize) / 8,
        };
        let boundary_before = match word_start.checked_sub(1).and_then(|p| head.get(p)) {
            None => true,
            Some(&b) if b.is_ascii() => matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'-'),
            Some(_) => text.get(self.start..self.start + word_start).and_then(|h| h.chars().next_back()).is_none_or(|c| c.is_whitespace() || c == '-'),
        };
        // Sliced from its end and then its start, two tests of a byte each.
        let previous = text.get(..at).and_then(|h| h.get(self.start + word_start..)).unwrap_or_default();
        if previous.len() < 2 || !boundary_before || is_continuing_word(previous) {
            return false;
        }
        // The opener is ASCII, and so is the space before it: both slices are on character boundaries.
        let Some((opener, rest)) = text.get(at + 1..).and_then(|rest| Some((rest.get(..opener_len)?, rest))) else {
            return false;
        };
        if opener.len() <= 5 && is_run_in_opener(opener) {
            return true;
        }
        // A caption label opens the same way, with a word of two letters or more.
        opener.len() >= 2 && caption_label_follows(previous, rest)
    }
}

/// Whether the first byte from `from` on in `rest` that is neither a lower-case ASCII letter nor a space may be a
/// colon in `rest`'s first [`WORD_WINDOW`] bytes: what a caption label needs after its first word
/// ([`caption_label_follows`]), found eight bytes at a time. True too when fewer than eight bytes are left to read
/// (the full test decides).
fn colon_ends_lower_words(rest: &[u8], from: usize) -> bool {
    let mut at = from;
    while at < WORD_WINDOW {
        let Some(chunk) = rest.get(at..).and_then(|tail| tail.first_chunk::<8>()) else { return true };
        // A space is told with the high bits cleared, where no sum carries into the next byte.
        let word = u64::from_le_bytes(*chunk);
        let low = word & !HIGH_BITS;
        let spaces = !((low ^ (EACH_BYTE * u64::from(b' '))).wrapping_add(EACH_BYTE * 0x7F)) & !word;
        let others = !(lower_case_bytes(word) | spaces) & HIGH_BITS;
        if others != 0 {
            return rest.get(at + others.trailing_zeros() as usize / 8) == Some(&b':');
        }
        at += 8;
    }
    false
}

/// A caption label at the start of `rest`: a capitalised common word and one to four lower-case words, a colon,
/// a space and a capital or an opening quote ("Loved up: The couple…", "Not a bad egg: Mila Kunis…"), after a
/// `previous` word that can end a sentence. Labels that hold a speech verb ("Brandon wrote: …") or open with a
/// name or a day ("…held Sunday evening: …") are prose.
fn caption_label_follows(previous: &str, rest: &str) -> bool {
    let clause_word = matches!(
        previous,
        "before" | "after" | "when" | "while" | "if" | "because" | "until" | "since" | "where" | "whether" | "who" | "which"
            | "said" | "says" | "told"
    );
    if clause_word {
        return false;
    }
    let mut limit = rest.len().min(WORD_WINDOW);
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &rest[..limit];
    let Some((label, after)) = window.split_once(':') else { return false };
    is_caption_label(label, after)
}

/// [`caption_label_follows`] once a colon closes the window's `label`, `after` following it. Out of line: most
/// windows hold no colon, and V8 compiles a function whole on its first call.
#[inline(never)]
fn is_caption_label(label: &str, after: &str) -> bool {
    let opens = after.strip_prefix(' ').is_some_and(|a| a.starts_with(|c: char| c.is_uppercase() || matches!(c, '\'' | '"' | '‘' | '“')));
    let mut words = label.split(' ');
    let Some(first) = words.next() else { return false };
    let others = words;
    let shape = first.len() >= 2
        && first.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        && (1..=4).contains(&others.clone().count())
        && others.clone().all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()));
    if !opens || !shape {
        return false;
    }
    let lexicons = lexicons();
    let entry = lower_case_entry(first);
    lexicons.common_words.holds(&entry)
        && !lexicons.calendar.holds(&entry)
        && !std::iter::once(first).chain(others).any(|w| with_lower_case(w, |key| lexicons.speech_verbs.contains(key)))
}

/// Words after which a sentence cannot end: articles, prepositions, conjunctions, auxiliaries. A capitalised
/// "The" after them is a title ("…starred in The…").
fn is_continuing_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "of" | "to" | "in" | "on" | "at" | "by" | "for" | "with" | "from" | "and" | "or" | "but" | "as"
            | "than" | "that" | "into" | "onto" | "about" | "like" | "is" | "are" | "was" | "were" | "be" | "been" | "his"
            | "her" | "their" | "its" | "my" | "our" | "your" | "called" | "named" | "titled" | "dubbed" | "film"
            | "movie" | "show" | "song" | "album" | "book" | "novel" | "series" | "play" | "musical" | "magazine"
            | "newspaper" | "programme" | "program"
    )
}

/// The bytes that [`bracket_pairs`] stops at: ASCII brackets, the line break, and the first bytes of "（）【】", which
/// it decodes, and those that may start a quotation mark ([`is_mark_start`]), which it notes.
static BRACKET_BREAK_OR_MARK: [bool; 256] = crate::tokens::byte_set(b"()[]{}\n\xE3\xEF\"'\xE2");

/// The bytes that may start a quotation mark ([`is_mark_start`]).
static MARK_START: [bool; 256] = crate::tokens::byte_set(b"\"'\xE2");

/// Whether `byte` may start a quotation mark: an ASCII quote, or 0xE2, which starts the curly ones (and other
/// punctuation: dashes, ellipses). Looked up in [`MARK_START`]: [`bracket_pairs`] tells the marks (five in six of its
/// stops) from the brackets and line breaks by one branch, where three comparisons were three in the Wasm, each going
/// as the text does (730 mispredicted a corpus round in V8).
#[inline(always)]
fn is_mark_start(byte: u8) -> bool {
    MARK_START[usize::from(byte)]
}

/// The bracket pairs of `text` as `(open, end of close)`, sorted by opening position, for the pairs that close
/// within [`BRACKET_REACH`] bytes. One pass with a bounded stack: unmatched closers are ignored, and openers
/// left on the stack never close. Only the bytes at `stops` are read: the offsets, in the whole text, of the bytes of
/// `text` in [`BRACKET_BREAK_OR_MARK`], where `text` starts at `offset`. Those that may start a quotation mark are
/// appended to `marks` in the same pass.
fn bracket_pairs(text: &str, offset: usize, stops: &[usize], marks: &mut Vec<usize>) -> Vec<(usize, usize)> {
    const DEPTH: usize = 16;
    // The open brackets, the first `depth` of a fixed array: a list of its own was an allocation in each paragraph
    // with a bracket.
    let mut stack = [('\0', 0); DEPTH];
    let mut depth = 0;
    let mut pairs = Vec::new();
    // Only bytes that can start a bracket or a line break are decoded ("（】" start with 0xEF and 0xE3).
    let bytes = text.as_bytes();
    for &stop in stops {
        let at = stop.wrapping_sub(offset);
        let Some(&byte) = bytes.get(at) else { continue };
        if is_mark_start(byte) {
            marks.push(stop);
            continue;
        }
        // Brackets and the line break are ASCII, read in place: a `str` slice is a call in the Wasm.
        let Some(c) = crate::tokens::char_at(text, at) else { continue };
        match c {
            '(' | '[' | '{' | '（' | '【' => {
                if depth == DEPTH {
                    stack.copy_within(1.., 0);
                    depth -= 1;
                }
                if let Some(slot) = stack.get_mut(depth) {
                    *slot = (c, at);
                    depth += 1;
                }
            }
            ')' | ']' | '}' | '）' | '】' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    '}' => '{',
                    '）' => '（',
                    _ => '【',
                };
                let open_brackets = stack.get(..depth).unwrap_or_default();
                if let Some((closed, &(_, start))) = open_brackets.iter().enumerate().rfind(|(_, &(o, _))| o == open) {
                    depth = closed;
                    let end = at + c.len_utf8();
                    if end - start <= BRACKET_REACH {
                        pairs.push((start, end));
                    }
                }
            }
            '\n' => depth = 0,
            _ => {}
        }
    }
    // Pairs close in the order they open unless they nest: sorted only then, as a sort takes three lists of its own.
    if !pairs.is_sorted() {
        crate::order::sort_by(&mut pairs, |a, b| a < b);
    }
    pairs
}

/// The end of the white space that starts at `from`: what follows a sentence is mostly one space, tested as a byte
/// ([`is_ascii_space`]); a character beyond ASCII is decoded.
fn skip_space(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    // One space before a printable ASCII byte, as after most sentences, is told from the two bytes.
    if bytes.get(from) == Some(&b' ') && bytes.get(from + 1).is_some_and(|&b| b > b' ' && b.is_ascii()) {
        return from + 1;
    }
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            if !is_ascii_space(byte) {
                break;
            }
            at += 1;
        } else {
            match text.get(at..).and_then(|rest| rest.chars().next()).filter(|c| c.is_whitespace()) {
                Some(c) => at += c.len_utf8(),
                None => break,
            }
        }
    }
    at
}

/// [`char::is_whitespace`], with an ASCII character told in place by [`is_ascii_space`]: the method is a call in the
/// Wasm, made for every character judged.
#[inline(always)]
fn is_space_char(c: char) -> bool {
    if c.is_ascii() {
        return is_ascii_space(c as u8);
    }
    c.is_whitespace()
}

/// How many line breaks `text` holds.
fn line_breaks(text: &[u8]) -> usize {
    text.iter().filter(|&&b| b == b'\n').count()
}

/// A character that ends a sentence: ".", "!", "?" tested in place (in the Wasm a call is made only for a character
/// beyond ASCII), the others by [`is_wide_terminator`].
#[inline(always)]
fn is_terminator(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '.' | '!' | '?');
    }
    is_wide_terminator(c)
}

/// The terminators beyond ASCII: "…", "‽", "。", "।", "؟"…
fn is_wide_terminator(c: char) -> bool {
    matches!(c, '…' | '‽' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '｡' | '।' | '॥' | '؟' | '۔' | '։' | '።' | '፧')
}

/// Ends of CJK sentences: no white space follows them.
fn is_unspaced_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// A closing quote or bracket: the ASCII ones tested in place, as [`is_terminator`] tests its own.
#[inline(always)]
fn is_closer(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '"' | '\'' | ')' | ']' | '}');
    }
    is_quote(c) || matches!(c, '）' | '】')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』' | '〉' | '》')
}

fn is_bullet(c: char) -> bool {
    !c.is_ascii() && matches!(c, '•' | '▪' | '◦' | '‣' | '●' | '■' | '►' | '▶')
}

/// True when a line ends in terminal punctuation (before closing quotes and brackets).
fn ends_with_terminal(line: &str) -> bool {
    line.trim_end_matches(|c: char| is_closer(c) || c.is_whitespace()).chars().next_back().is_some_and(is_terminator)
}

/// True when `rest` opens with a list marker: "1. ", "1) ", "1.) ", "(1) ", "a. ", "a) ", "iv. ", "A) ",
/// "• ", "- ", "* ".
fn starts_with_list_marker(rest: &str) -> bool {
    let mut chars = rest.chars();
    let Some(first) = chars.next() else { return false };
    if is_bullet(first) || matches!(first, '-' | '*' | '–' | '—') {
        return chars.next().is_some_and(char::is_whitespace);
    }
    let (parenthesised, body) = match rest.strip_prefix('(') {
        Some(body) => (true, body),
        None => (false, rest),
    };
    let label_len = body.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(body.len());
    let (label, tail) = body.split_at(label_len);
    let capital = label.len() == 1 && label.bytes().all(|b| b.is_ascii_uppercase());
    let after = if parenthesised {
        tail.strip_prefix(')')
    } else if let Some(after) = tail.strip_prefix(".)").or_else(|| tail.strip_prefix(')')) {
        Some(after)
    } else {
        tail.strip_prefix('.').filter(|_| !capital)
    };
    (is_list_label(label) || capital) && after.is_some_and(|a| a.starts_with(char::is_whitespace))
}

/// A list label: one to three digits, one lower-case letter, or a small lower-case Roman numeral ("i" to "xii").
/// Told by the word's length and then its bytes, in place: this is asked of the word before every period, and in the
/// Wasm a test of all the bytes was a call through the iterator, and a comparison of strings a call to `memcmp`.
fn is_list_label(word: &str) -> bool {
    match *word.as_bytes() {
        [a] => a.is_ascii_digit() || a.is_ascii_lowercase(),
        [a, b] => (a.is_ascii_digit() && b.is_ascii_digit()) || matches!([a, b], [b'i', b'i' | b'v' | b'x'] | [b'v' | b'x', b'i']),
        [a, b, c] => (a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit()) || matches!([a, b, c], [b'i' | b'v' | b'x', b'i', b'i']),
        [a, b, c, d] => [a, b, c, d] == *b"viii",
        _ => false,
    }
}

/// "U.S", "U.S.A", "a.m", "Ph.D", "e.g", "i.e": letters in groups of one or two, joined by periods (the final
/// period is the terminator being judged). In line: the words that may be one are searched by [`has_dotted_groups`].
#[inline(always)]
fn is_dotted_acronym(word: &str) -> bool {
    // The last group is one or two letters after a period: a word whose last three bytes hold neither a period nor a
    // byte beyond ASCII ends in a longer group, as most words before a period do, and is not searched.
    let [a, b, c] = match *word.as_bytes() {
        [.., a, b, c] => [a, b, c],
        [b, c] => [b'a', b, c],
        [c] => [b'a', b'a', c],
        [] => return false,
    };
    may_end_dotted_acronym(u32::from_le_bytes([a, b, c, 0])) && has_dotted_groups(word)
}

/// [`is_dotted_acronym`] of a word whose last three bytes may end one ([`may_end_dotted_acronym`]).
#[inline(never)]
fn has_dotted_groups(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic))
}

/// Whether a word whose last three bytes are the low three of `last_three` (the first the least significant; the
/// fourth zero) may be a dotted acronym ([`is_dotted_acronym`]): one of them is a period or a byte beyond ASCII. The
/// three are tested at once, as one number: a loop over them mispredicted 2,900 times a corpus round in V8, and tests
/// of each joined by `|` were a branch each there.
#[inline(always)]
fn may_end_dotted_acronym(last_three: u32) -> bool {
    // A period is a zero byte after the xor: its high bit is set after taking 1 from each byte, and a borrow goes on
    // only past a zero byte, so the test is exact for the first and errs only where one is found anyway.
    let periods = last_three ^ 0x002E_2E2E;
    ((periods.wrapping_sub(0x0001_0101) & !periods) | last_three) & 0x0080_8080 != 0
}

/// The word that ends at the period `at` (without it), from the sentence start at most, stripped of opening
/// quotes and brackets; empty when a space precedes the period or the word is longer than [`WORD_WINDOW`].
fn word_before(text: &str, start: usize, at: usize) -> &str {
    let mut from = at.saturating_sub(WORD_WINDOW).max(start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let begin = match after_last_space(text, from, at) {
        Some(begin) => begin,
        None if from > start => return "",
        None => 0,
    };
    // Sliced as a `str` once, at the word: a slice of a `str` is a call in the Wasm.
    let Some(word) = text.get(from + begin..at) else { return "" };
    // Most words open with a letter or a digit: nothing to strip.
    if word.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
        return word;
    }
    word.trim_start_matches(['(', '[', '"', '“', '‘', '\'', '«', '¿', '¡', '—', '–'])
}

/// The offset just after the last white space in `text`'s bytes `from..at`, from `from`, if any: found by a byte test
/// while the bytes from the end are ASCII (most words are), by decoding the characters once one is not.
fn after_last_space(text: &str, from: usize, at: usize) -> Option<usize> {
    let bytes = text.as_bytes().get(from..at)?;
    // The last eight bytes first, at once: the last that is no printable ASCII byte (0x21 to 0x7F) is most often the
    // space before a word shorter than eight bytes, where a loop over the word's bytes ended after a number of them
    // that follows no pattern the branch predictor can learn. Anything else is read by the loop.
    if let Some(chunk) = bytes.last_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        // Without their high bits no byte carries into the next: a byte's high bit is left clear below 0x21.
        let others = !((word & !HIGH_BITS).wrapping_add(EACH_BYTE * (0x80 - 0x21)) & !word) & HIGH_BITS;
        let last = (bytes.len() + (64 - others.leading_zeros() as usize) / 8).checked_sub(9);
        if let Some(p) = last.filter(|&p| bytes.get(p).is_some_and(|&b| is_ascii_space(b))) {
            return Some(p + 1);
        }
    }
    for (p, &b) in bytes.iter().enumerate().rev() {
        // A printable ASCII byte other than the space, which most bytes of a word are, passes on one test.
        if (0x21..0x80).contains(&b) {
            continue;
        }
        if !b.is_ascii() {
            return text.get(from..at)?.char_indices().rev().find(|&(_, c)| c.is_whitespace()).map(|(p, c)| p + c.len_utf8());
        }
        if is_ascii_space(b) {
            return Some(p + 1);
        }
    }
    None
}

/// True when a number stands right before `word` (a slice of `text`): "21.7 secs", "10 mins".
fn number_before(text: &str, start: usize, word: &str) -> bool {
    let word_start = (word.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let head = text.get(start..word_start).unwrap_or("");
    let head = head.strip_suffix(' ').unwrap_or(head);
    head.ends_with(|c: char| c.is_ascii_digit())
}

/// The word after a terminator, skipping opening quotes, brackets, dashes and currency signs.
fn following_word(text: &str, from: usize) -> Following<'_> {
    let rest = text.get(from..).unwrap_or("");
    let mut skipped = 0;
    let bracketed = matches!(rest.as_bytes().first(), Some(b'(' | b'['));
    // Most words follow with nothing to skip: their first letter is not decoded.
    let opens_word = rest.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric);
    for c in rest.chars().take(if opens_word { 0 } else { 8 }) {
        if crate::tokens::is_alphanumeric(c) {
            break;
        }
        if !matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '{' | '«' | '‹' | '¿' | '¡' | '„' | '—' | '–' | '-' | '$' | '£' | '€' | '¥') {
            return Following::default();
        }
        skipped += c.len_utf8();
    }
    let word_area = &rest[skipped..];
    let mut end = 0;
    // ASCII letters and digits, most of a word, by a byte test; other characters decoded.
    while end < WORD_WINDOW {
        match word_area.as_bytes().get(end).map(|&b| WORD_BYTE[usize::from(b)]) {
            Some(IN_WORD) => end += 1,
            // Other ASCII ends the word, but for a period or an apostrophe before a letter ("U.S", "O'Neill").
            Some(ENDS_WORD) => break,
            _ => {
                let Some(c) = char_at(word_area, end) else { break };
                let next = end + c.len_utf8();
                let inner = matches!(c, '.' | '\'' | '’') && word_area[next..].starts_with(char::is_alphanumeric);
                if crate::tokens::is_alphanumeric(c) || is_combining_mark(c) || inner {
                    end = next;
                } else {
                    break;
                }
            }
        }
    }
    let word = &word_area[..end];
    // A word that opens with an ASCII byte is one letter only if it is one byte: the others are not decoded.
    let single_letter = match word.as_bytes() {
        [byte] => byte.is_ascii_alphabetic(),
        [first, ..] if first.is_ascii() => false,
        _ => {
            let mut letters = word.chars();
            letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none()
        }
    };
    let is_initial = single_letter && word_area.as_bytes().get(end) == Some(&b'.');
    Following { word, is_initial, bracketed, end: from + skipped + end }
}

/// [`WORD_BYTE`]'s class of an ASCII letter or digit: part of the word.
const IN_WORD: u8 = 1;
/// [`WORD_BYTE`]'s class of other ASCII but a period and an apostrophe: the word's end.
const ENDS_WORD: u8 = 2;

/// How [`following_word`] reads a byte of the word by one look-up: [`IN_WORD`], [`ENDS_WORD`], or 0 for a period, an
/// apostrophe or a byte beyond ASCII, which are decoded and judged with the character after them.
static WORD_BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_alphanumeric() {
            IN_WORD
        } else if matches!(b, b'.' | b'\'') {
            0
        } else {
            ENDS_WORD
        };
        byte += 1;
    }
    table
};

/// Combining marks (accents written as separate code points, Devanagari and Arabic vowel signs) stay inside
/// words.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0610..=0x061A | 0x064B..=0x065F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// After a closing quote: one to three capitalised words and a speech verb, then punctuation — `"Why?" Smith
/// asked.` — is the quote's speaker tag.
///
/// The verb is looked for first, as the second, third or fourth word ending in punctuation: few windows hold one,
/// and the names before it are then tested (a sentence-starter look-up each) only when one does.
#[inline(never)]
fn speaker_tag_follows(text: &str, from: usize) -> bool {
    let rest = text.get(from..).unwrap_or("");
    let mut limit = rest.len().min(WORD_WINDOW * 2);
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = rest.get(..limit).unwrap_or_default();
    let bytes = window.as_bytes();
    let mut word_start = 0;
    for index in 0..4 {
        let word_end = next_space(bytes, word_start);
        let tagged = index > 0
            && bytes.get(..word_end).and_then(|head| head.last()).is_some_and(|b| matches!(b, b'.' | b',' | b';' | b'!' | b'?'))
            && window.get(word_start..word_end).is_some_and(|verb| {
                let bare = verb.trim_end_matches(['.', ',', ';', '!', '?']);
                lexicons().speech_verbs.contains(bare)
            });
        if tagged {
            // The words before the verb must all be names: when one is not, no later verb can follow names only.
            let names = window.get(..word_start - 1).unwrap_or_default();
            return names.split(' ').all(is_name_word);
        }
        if word_end >= bytes.len() {
            return false;
        }
        word_start = word_end + 1;
    }
    false
}

/// The offset of the first space in `bytes` at or after `from`, or the length of `bytes`. The first eight bytes are
/// read at once, as most words are shorter: a loop over a word's bytes ended after a number of them that follows no
/// pattern, and mispredicted about 1,500 times a corpus round in V8 in [`speaker_tag_follows`].
fn next_space(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    if let Some(chunk) = bytes.get(from..).and_then(|tail| tail.first_chunk::<8>()) {
        // The first zero byte's high bit is exact: a borrow runs on only past a zero byte.
        let word = u64::from_le_bytes(*chunk) ^ (EACH_BYTE * u64::from(b' '));
        let spaces = zero_bytes(word);
        if spaces != 0 {
            return from + spaces.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    bytes.get(at..).and_then(|tail| tail.iter().position(|&b| b == b' ')).map_or(bytes.len(), |p| at + p)
}

/// A word of a speaker's name in [`speaker_tag_follows`]: capitalised, letters and name punctuation only, and no
/// sentence starter ("The", "However").
fn is_name_word(name: &str) -> bool {
    name.starts_with(char::is_uppercase)
        && name.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        && !is_sentence_starter(name)
}

/// A capitalised word that typically opens a sentence ("The", "It", "However", "Officials").
fn is_sentence_starter(word: &str) -> bool {
    lower_case_entry(word).sentence_starter().is_some()
}

/// "He", "She", "The"…: opens a sentence even straight after a lower-case word. A word that opens with two letters
/// none of them opens with (in either case) is not looked up: most capitals after a lower-case word start names
/// ("Obama", "London").
fn is_run_in_opener(word: &str) -> bool {
    is_run_in_prefix(word.as_bytes()) && lower_case_entry(word).sentence_starter().unwrap_or(false)
}

/// Whether `word` opens with the first two letters, in either case, of one of the run-in openers of
/// `sentence_starters.txt` (a test checks the list against it).
#[inline(always)]
fn is_run_in_prefix(word: &[u8]) -> bool {
    let Some(&pair) = word.first_chunk::<2>() else { return false };
    is_run_in_pair(pair)
}

/// [`is_run_in_prefix`] of the first two bytes of a word, the one list of the run-in prefixes ([`RUN_IN_PAIRS`] is
/// made from it). A byte with 0x20 set is a lower-case letter only when it was that letter in either case: both bytes
/// are compared at once, as one number.
#[inline(always)]
const fn is_run_in_pair(pair: [u8; 2]) -> bool {
    let key = u16::from_le_bytes(pair) | 0x2020;
    (key == u16::from_le_bytes(*b"he"))
        | (key == u16::from_le_bytes(*b"hi"))
        | (key == u16::from_le_bytes(*b"it"))
        | (key == u16::from_le_bytes(*b"sh"))
        | (key == u16::from_le_bytes(*b"th"))
        | (key == u16::from_le_bytes(*b"we"))
}

/// What the lists say about `word` in lower case ([`with_lower_case`]): an ASCII word (almost every one) is looked up
/// with its capitals folded as it is hashed, not copied.
fn lower_case_entry(word: &str) -> Entry {
    let lexicons = lexicons();
    lexicons.entry_ignoring_ascii_case(word).unwrap_or_else(|| with_lower_case(word, |key| lexicons.entry(key)))
}

/// Calls `look_up` with `word` in lower case (curly apostrophes made straight), without allocating for the
/// short ASCII words that make up almost every look-up.
fn with_lower_case<R>(word: &str, look_up: impl FnOnce(&str) -> R) -> R {
    // Most words are in lower case already ("said", "no", "inc").
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return look_up(word);
    }
    let mut buffer = [0u8; 32];
    if word.len() <= buffer.len() && word.is_ascii() {
        for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
            *slot = byte.to_ascii_lowercase();
        }
        if let Ok(key) = std::str::from_utf8(&buffer[..word.len()]) {
            return look_up(key);
        }
    }
    let key: String = word.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }).collect();
    look_up(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every run-in opener of the list starts with two letters [`is_run_in_prefix`] knows, so the test of the prefix
    /// turns none of them away.
    #[test]
    fn every_run_in_opener_has_a_run_in_prefix() {
        let list = include_str!("../data/sentence_starters.txt");
        let openers: Vec<&str> = list.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.strip_suffix("\trun-in")).collect();
        assert!(openers.len() > 5, "{openers:?}");
        for opener in openers {
            assert!(is_run_in_prefix(opener.as_bytes()), "{opener}");
            assert!(is_run_in_opener(opener) && is_run_in_opener(&opener.to_ascii_uppercase()), "{opener}");
        }
    }

    /// [`opens_run_in_pair`] holds exactly for a capital and a byte that open a prefix [`is_run_in_prefix`] accepts, and
    /// each such capital is one the eight-byte step stops before ([`scan_stops`], "H", "I", "S" to "W"): the scan asks
    /// about a run-in caption only before them, so a prefix whose capital is not among them would go unasked.
    #[test]
    fn run_in_pairs_are_the_run_in_prefixes() {
        for first in 0..=255u8 {
            for second in 0..=255u8 {
                let opens_prefix = first.is_ascii_uppercase() && is_run_in_prefix(&[first, second]);
                assert_eq!(opens_run_in_pair(first, second), opens_prefix, "{first} {second}");
                assert!(!opens_prefix || matches!(first, b'H'..=b'I' | b'S'..=b'W'), "{}", char::from(first));
            }
        }
    }

    /// Wherever a caption label follows, its lower-case words and colon pass [`colon_ends_lower_words`], the test in
    /// bytes that [`Scanner::caption_runs_in`] makes first: labels of one to thirty words, each cut at every length (the
    /// text's end), with and without a byte beyond ASCII.
    #[test]
    fn caption_labels_pass_the_colon_test() {
        let mut labels = 0;
        for opener in ["Loved", "Not", "Mr"] {
            for words in 1..30 {
                for word in [" up", " a", " bad egg", " x\u{e9}"] {
                    let full = format!("{opener}{}: The couple are seen", word.repeat(words));
                    for end in (0..=full.len()).filter(|&end| full.is_char_boundary(end)) {
                        let rest = &full[..end];
                        let opener_len = 1 + rest.bytes().skip(1).take_while(u8::is_ascii_lowercase).count();
                        if caption_label_follows("held", rest) {
                            labels += 1;
                            assert!(colon_ends_lower_words(rest.as_bytes(), opener_len), "{rest:?}");
                        }
                    }
                }
            }
        }
        assert!(labels > 20, "{labels}");
    }

    /// The list labels are one to three digits, one lower-case letter, and the Roman numerals "i" to "xii".
    #[test]
    fn list_labels_are_short_numbers_letters_and_numerals() {
        let numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
        let alphabet = ["", "0", "9", "a", "z", "A", "i", "v", "x", "I", ".", "é"];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    for d in ["", "i", "v", "x", "1"] {
                        let word = format!("{a}{b}{c}{d}");
                        let digits = (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
                        let letter = word.len() == 1 && word.bytes().all(|b| b.is_ascii_lowercase());
                        let expected = digits || letter || numerals.contains(&word.as_str());
                        assert_eq!(is_list_label(&word), expected, "{word:?}");
                    }
                }
            }
        }
        for numeral in numerals.into_iter().chain(["viii", "1234", "xiii", "iiii"]) {
            assert_eq!(is_list_label(numeral), numeral != "1234" && numeral != "xiii" && numeral != "iiii", "{numeral}");
        }
    }

    /// The marks noted are the bytes of the paragraphs that may start a quotation mark, in text order, each once:
    /// those of a hard-wrapped line split with the line before it too, and none from the blank lines between.
    #[test]
    fn the_marks_noted_are_every_quote_byte_of_the_paragraphs() {
        let text = "He said \"yes\" (and 'no') to the deal that was\nsigned in “London” [x] on Monday,\n'ok'\n\n\" \n\nNext: ‘one’ — it’s two.";
        let paragraphs = blocks(text);
        let (_, marks) = split_sentences_and_marks(text, &paragraphs, &bracket_stops(text));
        let expected: Vec<usize> = paragraphs.iter().flat_map(|p| p.start..p.end).filter(|&at| is_mark_start(text.as_bytes()[at])).collect();
        assert_eq!(marks, expected);
    }

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, &[Span::new(0, text.len())]).iter().map(|s| s.span.slice(text)).collect()
    }

    /// The first byte that [`scan_stops`] marks is the first that is neither plain nor a space nor 0x7F, or is one of `*+/;>`, or
    /// a space before "H", "I" or "S" to "W", whatever follows it.
    #[test]
    fn eight_byte_scans_stop_where_plain_bytes_and_spaces_end() {
        let stops_at = |bytes: &[u8; 9], k: usize| match bytes[k] {
            b' ' => matches!(bytes[k + 1], b'H'..=b'I' | b'S'..=b'W'),
            byte => (!PLAIN[usize::from(byte)] && byte != 0x7F) || matches!(byte, b';' | b'>' | b'*' | b'+' | b'/'),
        };
        for position in 0..8 {
            for byte in 0..=255u8 {
                for after in 0..=255u8 {
                    let mut bytes = [b'x'; 9];
                    bytes[position] = byte;
                    bytes[position + 1..].fill(after);
                    let first = (0..8).find(|&k| stops_at(&bytes, k)).unwrap_or(8);
                    let (word, next) = (bytes[..8].try_into().unwrap_or([0; 8]), bytes[1..].try_into().unwrap_or([0; 8]));
                    let stops = scan_stops(u64::from_le_bytes(word), u64::from_le_bytes(next));
                    let found = if stops == 0 { 8 } else { stops.trailing_zeros() as usize / 8 };
                    assert_eq!(found, first, "{bytes:?}");
                }
            }
        }
    }

    /// A caption runs in before a run-in opener ("…the club He has…") and before a caption label ("…condition Loved up:
    /// The couple…"), which the scan finds from its colon: a label whose space comes before the sentence's length limit
    /// is cut at wherever the limit falls, also when its colon comes after the limit.
    #[test]
    fn captions_run_in_before_openers_and_labels_up_to_the_length_limit() {
        assert_eq!(split("He was in charge of the club He has impressed everyone."), vec!["He was in charge of the club", "He has impressed everyone."]);
        for label in ["Loved up:", "Sweet dreams for all:", "Big day:"] {
            // Up to 156 words the space before the label comes before the limit (5 × 156 + 19 < 800 bytes).
            for words in 0..=156 {
                let head = "word ".repeat(words) + "in stable condition";
                let text = format!("{head} {label} The couple were seen.");
                let sentences = split(&text);
                assert!(sentences.iter().any(|s| s.starts_with(label)), "{words} {label}: {sentences:?}");
            }
        }
    }

    /// [`next_space`] finds the first space from any offset, in words of every length, with bytes beyond ASCII.
    #[test]
    fn next_space_is_the_first_space() {
        let text = "a bb ccc dddddddd eeeeeeeeeeeeee f\u{e9}\u{2019}g  h!\u{80} \x7f  ";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() + 2 {
            let expected = bytes.get(from..).and_then(|tail| tail.iter().position(|&b| b == b' ')).map_or(bytes.len(), |p| from + p);
            assert_eq!(next_space(bytes, from), expected, "{from}");
        }
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(split("One here. Two there! Three?"), vec!["One here.", "Two there!", "Three?"]);
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(split("Mr. Smith met Dr. Jones. They talked."), vec!["Mr. Smith met Dr. Jones.", "They talked."]);
    }

    /// A period, a space and a capital, settled without the terminator run's loop: inside a bracket that shields it,
    /// after an initial or an acronym, and at the text's end.
    #[test]
    fn periods_before_a_space_and_a_capital() {
        let text = "He left (for good. Or not) at once. J. R. R. Tolkien wrote it. The U.S. Army came. It ended. A";
        let expected = ["He left (for good. Or not) at once.", "J. R. R. Tolkien wrote it.", "The U.S. Army came.", "It ended.", "A"];
        assert_eq!(split(text), expected);
        assert_eq!(split("No. 5. B"), vec!["No. 5.", "B"]);
    }

    #[test]
    fn list_markers_are_recognised() {
        assert!(starts_with_list_marker("1. First"));
        assert!(starts_with_list_marker("1) First"));
        assert!(starts_with_list_marker("1.) First"));
        assert!(starts_with_list_marker("(2) Second"));
        assert!(starts_with_list_marker("a. item"));
        assert!(starts_with_list_marker("• item"));
        assert!(starts_with_list_marker("- item"));
        assert!(!starts_with_list_marker("1.5 million"));
        assert!(!starts_with_list_marker("2014 was"));
        assert!(!starts_with_list_marker("-5 degrees"));
    }

    #[test]
    fn dotted_acronyms_are_short_letter_groups() {
        assert!(is_dotted_acronym("U.S"));
        assert!(is_dotted_acronym("Ph.D"));
        assert!(!is_dotted_acronym("example.com"));
        assert!(!is_dotted_acronym("3.5"));
        // The pre-test on the last three bytes agrees with the groups themselves.
        for word in ["", ".", "a.", "U.S.", "U.S.A", "e.g", "Ph.Dr", "Ph.Drs", "a.bc", "said", "É.U", "É.Ü", "ab.Üx", "x.yz"] {
            let groups = word.contains('.') && word.split('.').all(|part| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic));
            assert_eq!(is_dotted_acronym(word), groups, "{word:?}");
        }
        // The three bytes tested at once, as each is tested alone.
        let bytes = [0, 1, b'-', b'.', b'/', b'a', 0x7F, 0x80, 0xAE, 0xC3, 0xFF];
        for a in bytes {
            for b in bytes {
                for c in bytes {
                    let marked = [a, b, c].iter().any(|&byte| byte == b'.' || !byte.is_ascii());
                    assert_eq!(may_end_dotted_acronym(u32::from_le_bytes([a, b, c, 0])), marked, "{a} {b} {c}");
                }
            }
        }
    }

    /// What `before_period` skips for a word of four bytes or more from an ASCII byte: no such word is a list label but
    /// "viii", and none is a single character.
    #[test]
    fn long_words_before_periods_are_no_list_labels() {
        let letters = ["i", "v", "x", "l", "1", "0", "a", "A", "é"];
        let mut words: Vec<String> = letters.iter().map(|l| l.to_string()).collect();
        for _ in 0..4 {
            let mut longer = Vec::new();
            for word in &words {
                longer.extend(letters.iter().map(|letter| format!("{word}{letter}")));
            }
            words = longer;
            for word in words.iter().filter(|w| w.len() >= 4 && w.as_bytes()[0].is_ascii()) {
                assert_eq!(is_list_label(word), word == "viii", "{word}");
                assert!(word.chars().nth(1).is_some(), "{word}");
            }
        }
    }

    /// The word before a period starts after the last white space of any kind (a no-break space, a vertical
    /// tab), without its opening quotes and brackets; white space after a sentence is skipped whatever its kind.
    #[test]
    fn words_before_periods_and_space_after_sentences() {
        for (text, word) in [
            ("met Mr", "Mr"),
            ("met\u{a0}Mr", "Mr"),
            ("met\u{2003}Mr", "Mr"),
            ("met\x0bMr", "Mr"),
            ("caf\u{e9} Co", "Co"),
            ("said (\u{201c}Dr", "Dr"),
            ("M\u{fc}ller", "M\u{fc}ller"),
        ] {
            assert_eq!(word_before(text, 0, text.len()), word, "{text:?}");
        }
        assert_eq!(skip_space("a. \u{a0}\x0b\n B", 2), 8);
        assert_eq!(skip_space("a.", 2), 2);
        assert_eq!(skip_space("\u{e9}", 1), 1);
    }

    #[test]
    fn word_windows_stay_on_character_boundaries() {
        let text = "é".repeat(100) + ". Next";
        let at = text.find('.').unwrap_or(0);
        assert_eq!(word_before(&text, 0, at), "");
        assert_eq!(split(&text).len(), 2);
    }
}
