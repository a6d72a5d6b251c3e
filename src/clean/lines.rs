//! The paste as lines, each with what plain text keeps of its layout: length, terminal punctuation,
//! function-word and capital shares, whether it repeats elsewhere in the page, and whether blank lines
//! surround it (a browser's copy puts blank lines around paragraphs, single line breaks between menu items).

use std::collections::hash_map::Entry;
use std::sync::OnceLock;

use super::chrome::{chrome_reason, ends_with_credit};
use crate::lexicon::FastMap;
use crate::span::Span;
use crate::tokens::{char_at, is_ascii_space, EACH_BYTE, HIGH_BITS};

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
    /// The chrome recognised from the line's own content; [`super::find_article`] then makes it the reason the line is
    /// left out of the article (`None` when it is kept).
    pub chrome: Option<&'static str>,
    /// A period stands alone after a space (" ."), as the Daily Mail closes its run-in captions: the only lines whose
    /// paragraphs [`super::inline`] searches for them.
    pub spaced_period: bool,
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

/// Splits `text` into its non-blank lines with their features. Linear in the text's length. The offsets of the bytes
/// that the sentence stage's bracket pass stops at (quotation marks, brackets, line breaks, and the first bytes of
/// other characters that may be some: [`crate::sentences::bracket_stops`]) are appended to `stops`, in text order,
/// as the pass that measures the lines reads every byte.
#[inline(never)]
pub(super) fn split_lines(text: &str, stops: &mut Vec<usize>) -> Vec<Line> {
    let mut lines = Vec::new();
    let function_words = function_words();
    let mut blank_before = true;
    let mut drop_capital: Option<(usize, Tally)> = None;
    // Each line is measured from its start through its line break in one pass, which finds the break as it goes.
    let mut from = 0;
    while from < text.len() {
        let (tally, end) = measure(text, from, function_words, stops);
        if end < text.len() {
            stops.push(end);
        }
        let next = end + 1;
        let raw = text.get(from..end).unwrap_or("");
        from = next;
        if tally.words == 0 {
            blank_before = true;
            if let Some(last) = lines.last_mut() {
                let last: &mut Line = last;
                last.blank_after = true;
            }
            continue;
        }
        let content = raw.trim();
        let start = end - raw.trim_start().len();
        if drop_capital.is_none() && is_drop_capital(content, text.get(next..).unwrap_or("")) {
            drop_capital = Some((start, tally));
            continue;
        }
        let span_end = start + content.len();
        let (start, tally) = match drop_capital.take() {
            Some((capital, capital_tally)) => (capital, capital_tally.and(tally)),
            None => (start, tally),
        };
        let span = Span::new(start, span_end);
        lines.push(Line::new(text, span, tally, blank_before));
        blank_before = false;
    }
    if let Some(last) = lines.last_mut() {
        last.blank_after = true;
    }
    if lines.len() > 1 {
        // Every line's key, written into one buffer: no allocation per line.
        let mut buffer = Vec::with_capacity(text.len());
        let mut ends = Vec::with_capacity(lines.len());
        for line in &lines {
            push_key(line.span.slice(text), &mut buffer);
            ends.push(buffer.len());
        }
        let mut keys: Vec<&[u8]> = ends.iter().scan(0, |start, &end| buffer.get(std::mem::replace(start, end)..end)).collect();
        keys.resize(lines.len(), &[]);
        mark_repeated(&keys, &mut lines);
        mark_captions(text, &keys, &mut lines);
    } else {
        // A text of one line (an article pasted as one paragraph) has no other line to repeat it or to double it as
        // a caption: its key is not needed, and is left empty without a buffer or a list made for it (each
        // allocation costs the Wasm a few hundred instructions).
        let lone: [&[u8]; 1] = [&[]];
        mark_captions(text, lone.get(..lines.len()).unwrap_or_default(), &mut lines);
    }
    lines
}

/// "H" on its own line before "ong Kong is burning.": a drop capital that the copy split from its word. It
/// joins the line it belongs to, the first of `rest` (the text after its line break).
#[inline(never)]
fn is_drop_capital(content: &str, rest: &str) -> bool {
    let mut chars = content.chars();
    let single = chars.next().is_some_and(|c| c.is_alphabetic() && c.is_uppercase()) && chars.next().is_none();
    // The next line's first character that is no white space; its line break, when it is blank.
    single && rest.chars().find(|&c| c == '\n' || !c.is_whitespace()).is_some_and(char::is_lowercase)
}

/// [`ASCII_KEY`]'s class of a byte that is neither a letter nor a digit nor white space. The other classes are one bit
/// each, tested by a mask in [`read_token`]'s loop: as values compared for equality, LLVM made the tests a jump table,
/// whose target the branch predictor missed 3.4K times a corpus round natively.
const OTHER: u8 = 0;
/// [`ASCII_KEY`]'s class of ASCII white space (what `split_whitespace` splits at).
const WHITE_SPACE: u8 = 1;
/// [`ASCII_KEY`]'s class of a byte of a character beyond ASCII: it must be decoded.
const NOT_ASCII: u8 = 2;
/// [`ASCII_KEY`]'s class of the line break: white space that ends the line [`measure`] reads.
const LINE_BREAK: u8 = 4;
/// [`ASCII_KEY`]'s class of an ASCII quotation mark or bracket, a byte that [`read_token`] notes for the sentence
/// stage's bracket pass.
const BRACKET_OR_QUOTE: u8 = 8;

/// What each byte adds to a key: an ASCII letter or digit its lower-case self, any other byte its class
/// ([`OTHER`], [`WHITE_SPACE`], [`NOT_ASCII`], [`LINE_BREAK`], [`BRACKET_OR_QUOTE`], all below `b'0'`). One look-up
/// tells a token's bytes apart.
static ASCII_KEY: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_alphanumeric() {
            b.to_ascii_lowercase()
        } else if b == b'\n' {
            LINE_BREAK
        } else if matches!(b, b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}') {
            BRACKET_OR_QUOTE
        } else if is_ascii_space(b) {
            WHITE_SPACE
        } else if b.is_ascii() {
            OTHER
        } else {
            NOT_ASCII
        };
        byte += 1;
    }
    table
};

/// What [`measure`] passes after a token's letters, by the byte that follows them: a space (1), or a mark (a byte
/// that [`ASCII_KEY`] classes [`OTHER`]) if a space follows it (2, which [`measure`] keeps only when it is so); nothing
/// (0) after any other byte. One look-up where two comparisons and two selects took V8 six instructions more a token.
static PASSES: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = if byte == b' ' as usize {
            1
        } else if ASCII_KEY[byte] == OTHER {
            2
        } else {
            0
        };
        byte += 1;
    }
    table
};

/// What of [`PASSES`]' value the byte after a token's first non-letter keeps: both bits when it is a space (3), the
/// space's bit alone (1) otherwise. A look-up where a comparison and a select took V8 one instruction more a token
/// (`measure` 3.78M -> 3.74M instructions a corpus round).
static KEPT_BEFORE: [u8; 256] = {
    let mut table = [1; 256];
    table[b' ' as usize] = 3;
    table
};

/// A line's counts of tokens: what its function-word and capital shares are made of.
#[derive(Debug, Clone, Copy)]
struct Tally {
    /// White-space separated tokens.
    words: usize,
    /// Tokens with a letter.
    alphabetic: usize,
    /// Tokens with a letter whose key is a function word.
    function: usize,
    /// Tokens with a letter whose first letter is a capital.
    capitals: usize,
    /// A token is a period alone after a space ([`Line::spaced_period`]).
    spaced_period: bool,
}

impl Tally {
    /// The counts of two stretches of text together (a drop capital and the line it opens).
    fn and(self, other: Tally) -> Tally {
        Tally {
            words: self.words + other.words,
            alphabetic: self.alphabetic + other.alphabetic,
            function: self.function + other.function,
            capitals: self.capitals + other.capitals,
            spaced_period: self.spaced_period || other.spaced_period,
        }
    }
}

impl Line {
    /// The line of `text` at `span`, its tokens counted in `tally`.
    fn new(text: &str, span: Span, tally: Tally, blank_before: bool) -> Line {
        let content = span.slice(text);
        let share = |n: usize| if tally.alphabetic == 0 { 0.0 } else { n as f64 / tally.alphabetic as f64 };
        let terminal = ends_with_terminal(content);
        let chrome = chrome_reason(content, tally.words);
        Line {
            span,
            words: tally.words,
            function_share: share(tally.function),
            capital_share: share(tally.capitals),
            terminal,
            repeated: false,
            blank_before,
            blank_after: false,
            chrome,
            spaced_period: tally.spaced_period,
            prose: terminal && tally.words >= PROSE_WORDS && chrome.is_none(),
        }
    }
}

/// Counts the tokens of the line of `text` that opens at byte `from`, in one pass over its bytes, and finds its
/// end (its line break, or the text's end). ASCII bytes are classified by one look-up, only other characters are
/// decoded, and a token's key ([`push_key`]) is packed into a number as it is read, so the function-word test
/// neither writes nor hashes a string. The bytes the sentence stage's bracket pass stops at are appended to `stops`
/// ([`split_lines`]), the line break aside.
#[inline(never)]
fn measure(text: &str, from: usize, function_words: &FunctionWords, stops: &mut Vec<usize>) -> (Tally, usize) {
    // Tokens without a letter are counted rather than those with one: they are rare, and are read out of line.
    let (mut words, mut letterless, mut function, mut capitals) = (0usize, 0usize, 0usize, 0usize);
    let mut spaced_period = false;
    let bytes = text.as_bytes();
    let mut at = from;
    // The tokens the fast path takes are counted in one number, [`Taken`], emptied into the counters above before each
    // call of [`read_token`], and taken only from `window`, which ends [`Taken::SPAN`] bytes past where it was emptied
    // (or where the text ends).
    let mut taken = 0u64;
    let mut window = Taken::window(bytes, at);
    let end = loop {
        // `at` is where a token may start. Its leading ASCII letters are read sixteen bytes at a time ([`letter_run`]),
        // and most tokens of prose are one to fifteen letters and a space, or a mark and a space ("said," "ago."):
        // such a token is measured here without a branch on its bytes, one test deciding whether it is taken, and
        // [`read_token`] reads the others, out of line, so that this loop stays small. Which tokens are long or end in
        // a mark follows no pattern the branch predictor can learn: a branch on each cost more than the arithmetic (a
        // branch on whether the first eight bytes are all letters: -156K instructions, +7.1K mispredicts a round).
        let (mut packed, mut key_len) = (0, 0);
        if let Some(chunk) = window.get(at..).and_then(<[u8]>::first_chunk::<18>) {
            // The chunk's eight bytes from `offset` (at most eight) as a number, the first the least significant.
            let eight_from = |offset: usize| chunk.get(offset..).and_then(<[u8]>::first_chunk::<8>).map_or(0, |eight| u64::from_le_bytes(*eight));
            let word = eight_from(0);
            let (first_key, first_len) = letter_run(word);
            // Past eight letters the key is no function word: only its length counts. Sixteen letters and more are
            // left to [`read_token`], as the byte after them is then a letter, which passes nothing. The run goes on
            // in the eight bytes from the first that is no letter, which add none when it is among the first eight: no
            // test of whether all eight were letters, and no select (-46K instructions a corpus round in V8).
            (packed, key_len) = (first_key, first_len + letter_run(eight_from(first_len)).1);
            // Whether the token has a letter to open it is a test of its own: folded into the look-up below, one branch
            // mispredicted as often as the two, and the way to [`read_token`] asked it again (+100K cost a round).
            if key_len > 0 {
                let after = chunk.get(key_len).copied().unwrap_or(0);
                let then = chunk.get(key_len + 1).copied().unwrap_or(0);
                // What the token passes after its letters: a space (1), or a mark and a space (2), or nothing (0).
                let passed = usize::from(PASSES[usize::from(after)] & KEPT_BEFORE[usize::from(then)]);
                if passed > 0 {
                    // The first byte is a letter: bit 0x20 set makes it lower case. A key of eight letters or more
                    // packs its first eight, which no function word matches (none is longer than
                    // [`FunctionWords::LONGEST_WORD`]): its length needs no test. `at` moves only here, past the
                    // token, where moving it past the letters first made V8 store it for every token (with the count
                    // of lower-case tokens, -77K instructions a corpus round).
                    taken += Taken::token(word & 0x20 != 0, function_words.contains_packed(packed));
                    at += key_len + passed;
                    continue;
                }
            } else if ASCII_KEY[usize::from(chunk[0])] == BRACKET_OR_QUOTE && ASCII_KEY[usize::from(chunk[1])] >= b'0' {
                // A quotation mark or a bracket before a letter or a digit ("'We", "(left)"; one in seventy tokens of
                // cnndm's, a fifth of those [`read_token`] read) is noted and passed, and the token is read on from
                // the letter or digit as if it opened there: the mark adds nothing to its key, and its first letter
                // is the same. A call of [`read_token`] cost ten times as much as this test.
                stops.push(at);
                at += 1;
                continue;
            }
        }
        words += Taken::tokens(taken);
        capitals += Taken::capitals(taken);
        function += Taken::function_words(taken);
        taken = 0;
        match read_token(text, at, at + key_len, packed, key_len, function_words, stops) {
            Token::End { line_end } => break line_end,
            Token::Space { next } => at = next,
            Token::Word { next, letter } => {
                at = next;
                words += 1;
                match letter {
                    Some((capital, function_word)) => {
                        capitals += usize::from(capital);
                        function += usize::from(function_word);
                    }
                    None => letterless += 1,
                }
            }
            Token::SpacedPeriod { next } => {
                at = next;
                words += 1;
                letterless += 1;
                spaced_period = true;
            }
        }
        window = Taken::window(bytes, at);
    };
    (Tally { words, alphabetic: words - letterless, function, capitals, spaced_period }, end)
}

/// [`measure`]'s count of the tokens its fast path takes, with how many of them open with a lower-case letter (the
/// others with a capital: the lower case is bit 0x20 of the first byte, a capital the bit clear, one instruction more
/// a token) and how many are function words, packed into one number of three [`Taken::BITS`]-bit fields: V8 kept
/// three counters on the stack, each loaded, added to and stored again for every token.
struct Taken;

impl Taken {
    /// The bits of each field.
    const BITS: u32 = 21;
    /// A field's bits, in place for the lowest.
    const FIELD: u64 = (1 << Self::BITS) - 1;
    /// How many bytes the fast path reads from where the count was last emptied: it takes tokens of two bytes or more,
    /// so no field reaches past [`Self::FIELD`].
    const SPAN: usize = 1 << Self::BITS;

    /// What a token adds to the count.
    #[inline(always)]
    fn token(lower_case: bool, function_word: bool) -> u64 {
        1 | u64::from(lower_case) << Self::BITS | u64::from(function_word) << (2 * Self::BITS)
    }

    /// The tokens counted.
    fn tokens(count: u64) -> usize {
        (count & Self::FIELD) as usize
    }

    /// The tokens counted that open with a capital: those that do not open with a lower-case letter.
    fn capitals(count: u64) -> usize {
        Self::tokens(count) - (count >> Self::BITS & Self::FIELD) as usize
    }

    /// The tokens counted that are function words.
    fn function_words(count: u64) -> usize {
        (count >> (2 * Self::BITS)) as usize
    }

    /// The bytes from which tokens are taken into a count emptied at `at`.
    fn window(bytes: &[u8], at: usize) -> &[u8] {
        bytes.get(..at.saturating_add(Self::SPAN).min(bytes.len())).unwrap_or(bytes)
    }
}

const _: () = assert!(3 * Taken::BITS <= u64::BITS);

/// What [`read_token`] found where a token may start.
enum Token {
    /// The line's end, at `line_end` (its line break, or the text's end): only white space was left.
    End { line_end: usize },
    /// White space, up to `next`, where a token starts.
    Space { next: usize },
    /// A token, and where the next may start; with a letter, whether its first letter is a capital and whether its
    /// key is a function word.
    Word { next: usize, letter: Option<(bool, bool)> },
    /// A token that is a period alone after a space, and where the next may start ([`Line::spaced_period`]).
    SpacedPeriod { next: usize },
}

/// [`measure`] for what its loop does not take: white space, and tokens that open with no letter, hold
/// characters beyond ASCII or end in anything but a space. The token opens at `start` (unless white space does),
/// and its leading letters, through `at`, pack into `packed` (`key_len` bytes; past [`FunctionWords::LONGEST`]
/// the packing is garbage: such a key is no function word, and only the length says so).
#[inline(never)]
fn read_token(
    text: &str,
    start: usize,
    mut at: usize,
    mut packed: u64,
    mut key_len: usize,
    function_words: &FunctionWords,
    stops: &mut Vec<usize>,
) -> Token {
    let bytes = text.as_bytes();
    if key_len == 0 {
        // White space up to the next token (what `split_whitespace` skips): a token after it is read by
        // [`measure`], unless it opens here.
        while let Some(&byte) = bytes.get(at) {
            match ASCII_KEY[usize::from(byte)] {
                WHITE_SPACE => at += 1,
                LINE_BREAK => return Token::End { line_end: at },
                NOT_ASCII => match char_at(text, at) {
                    Some(c) if c.is_whitespace() => {
                        note_lead_byte(byte, at, stops);
                        at += c.len_utf8();
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        if at >= bytes.len() {
            return Token::End { line_end: bytes.len() };
        }
        if at > start {
            return Token::Space { next: at };
        }
    }
    // The token's first ASCII letter, 0 until one is read: its leading letters open it.
    let mut first_letter = if key_len > 0 { bytes.get(start).copied().unwrap_or(0) } else { 0 };
    // The rest of the token, its key packed as it goes: a run of ASCII letters and digits adds their keys, a character
    // beyond ASCII what [`push_key`] adds for it, the bytes of its lower case when it is a letter or a digit. Bytes
    // packed past [`FunctionWords::LONGEST`] leave garbage, which the key's length rules out.
    let add = |packed: &mut u64, key_len: &mut usize, keys: u64, len: usize| {
        *packed |= keys.wrapping_shl(8u32.wrapping_mul(*key_len as u32));
        *key_len += len;
    };
    let mut spaced = false;
    // Whether the token holds a character beyond ASCII (its first letter is then found by decoding).
    let mut beyond_ascii = false;
    while let Some(&byte) = bytes.get(at) {
        let key = ASCII_KEY[usize::from(byte)];
        if key >= b'0' {
            // A run of letters and digits, up to eight bytes at once ([`alphanumeric_run`]), where a branch on each
            // byte's class was mispredicted where the run ended ("2019,", "it's", "three-year"): natively read_token's
            // cost 1.234M -> 1.101M a corpus round (mispredicts -2.4K, instructions +22K); in V8 flat (instructions
            // +58K, mispredicts -0.9K). The run's first letter is read only while the token has none.
            if let Some(&eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
                let word = u64::from_le_bytes(eight);
                let (keys, len, letters) = alphanumeric_run(word);
                first_letter = if first_letter == 0 { first_letter_of(word, letters) } else { first_letter };
                add(&mut packed, &mut key_len, keys, len);
                at += len;
                continue;
            }
            // A letter's key is b'a' or more, a digit's less; kept without a branch.
            first_letter = if first_letter == 0 && key >= b'a' { byte } else { first_letter };
            add(&mut packed, &mut key_len, u64::from(key), 1);
        } else if key & WHITE_SPACE != 0 {
            spaced = true;
            break;
        } else if key & NOT_ASCII != 0 {
            match char_at(text, at) {
                Some(c) if !c.is_whitespace() => {
                    note_lead_byte(byte, at, stops);
                    beyond_ascii = true;
                    if crate::tokens::is_alphanumeric_beyond_ascii(c) {
                        let mut encoded = [0; 4];
                        for lower in c.to_lowercase() {
                            lower.encode_utf8(&mut encoded).bytes().for_each(|byte| add(&mut packed, &mut key_len, u64::from(byte), 1));
                        }
                    }
                    at += c.len_utf8();
                }
                _ => break,
            }
            continue;
        } else if key & LINE_BREAK != 0 {
            break;
        } else if key & BRACKET_OR_QUOTE != 0 {
            stops.push(at);
        }
        at += 1;
    }
    let end = at;
    // The ASCII white space that ended the token is passed here rather than read again.
    let next = at + usize::from(spaced);
    // The case of the token's first letter, noted as its bytes were read. The token as a string is needed only when it
    // holds characters beyond ASCII: an ASCII token ("2019", "(pictured)") is read as bytes, as decoding is a call in
    // the Wasm. Looking for the first letter again after the loop, from the token's first byte on, mispredicted 2.4K
    // times a corpus round in V8.
    let letter = if beyond_ascii {
        text.get(start..end).unwrap_or("").chars().find(|c| c.is_alphabetic()).map(char::is_uppercase)
    } else {
        (first_letter != 0).then_some(first_letter.is_ascii_uppercase())
    };
    let Some(capital) = letter else {
        if end == start + 1 && bytes.get(start) == Some(&b'.') && start.checked_sub(1).and_then(|b| bytes.get(b)) == Some(&b' ') {
            return Token::SpacedPeriod { next };
        }
        return Token::Word { next, letter: None };
    };
    // The slot is read whatever the key's length (a garbage key finds no panic, and its length rules it out), where a
    // branch on the length was mispredicted 0.9K times a corpus round natively (read_token's cost -54K natively, -8K
    // in V8).
    let function_word = (key_len <= FunctionWords::LONGEST) & function_words.contains_packed(packed);
    Token::Word { next, letter: Some((capital, function_word)) }
}

/// Notes in `stops` the character beyond ASCII at `at` whose first byte is `byte` when the sentence stage's bracket
/// pass stops at it: "（）【】" (0xEF, 0xE3) and the curly quotation marks (0xE2), with whatever else shares those bytes.
fn note_lead_byte(byte: u8, at: usize, stops: &mut Vec<usize>) {
    if matches!(byte, 0xE2 | 0xE3 | 0xEF) {
        stops.push(at);
    }
}

/// The ASCII letters that the eight bytes `word` (the first the least significant) open with: their key bytes
/// (lower-cased, packed as [`FunctionWords::pack`] does) and how many there are. Every byte is tested at once; a
/// carry or borrow runs only from a byte that is no letter towards later bytes, which the run leaves out.
#[inline(always)]
fn letter_run(word: u64) -> (u64, usize) {
    // With bit 0x20 set, both cases of a letter are in b'a'..=b'z'; a byte beyond ASCII is no letter.
    let lowered = word | (EACH_BYTE * 0x20);
    let letters = lowered.wrapping_add(EACH_BYTE * (0x80 - 0x61)) & (EACH_BYTE * (0x80 + 0x7A)).wrapping_sub(lowered) & !word;
    let other = !letters & HIGH_BITS;
    // The lowest bit of the byte after the run (0 when all eight are letters): less one, it masks the run.
    let after = (other.wrapping_neg() & other) >> 7;
    (lowered & after.wrapping_sub(1), (other.trailing_zeros() / 8) as usize)
}

/// The ASCII letters and digits that the eight bytes `word` (the first the least significant) open with: their key
/// bytes (as [`ASCII_KEY`] has them, packed as [`FunctionWords::pack`] does), how many there are, and the high bit of
/// each byte among them that is a letter. Every byte is tested at once: a letter or digit carries or
/// borrows into no other byte, so a carry or borrow runs only from one that ends the run towards later bytes.
#[inline(always)]
fn alphanumeric_run(word: u64) -> (u64, usize, u64) {
    // With bit 0x20 set, both cases of a letter are in b'a'..=b'z', and a digit is itself; a byte beyond ASCII is none.
    let lowered = word | (EACH_BYTE * 0x20);
    let letters = lowered.wrapping_add(EACH_BYTE * (0x80 - 0x61)) & (EACH_BYTE * (0x80 + 0x7A)).wrapping_sub(lowered) & !word;
    let digits = word.wrapping_add(EACH_BYTE * (0x80 - 0x30)) & (EACH_BYTE * (0x80 + 0x39)).wrapping_sub(word) & !word;
    let other = !(letters | digits) & HIGH_BITS;
    // The lowest bit of the byte after the run (0 when all eight are in it): less one, it masks the run.
    let run = ((other.wrapping_neg() & other) >> 7).wrapping_sub(1);
    (lowered & run, (other.trailing_zeros() / 8) as usize, letters & run & HIGH_BITS)
}

/// The byte of `word` that is the first whose high bit `letters` holds, as it is written; 0 when it holds none.
fn first_letter_of(word: u64, letters: u64) -> u8 {
    // With no letter the shift (64, which wraps to 0) keeps the first byte, which the mask then clears.
    (word.wrapping_shr(letters.trailing_zeros() & !7) as u8) & u8::from(letters != 0).wrapping_neg()
}

/// Marks lines whose text (letters and digits, lower-cased) occurs more than once: menus repeated in header
/// and footer, a headline shown again in a share box, "Advertisement" between paragraphs.
#[inline(never)]
fn mark_repeated(keys: &[&[u8]], lines: &mut [Line]) {
    // One look-up per key: the first line with a key is marked when a second one comes.
    let mut first: FastMap<&[u8], usize> = FastMap::with_capacity_and_hasher(keys.len(), Default::default());
    for (i, &key) in keys.iter().enumerate().filter(|(_, key)| !key.is_empty()) {
        match first.entry(key) {
            Entry::Occupied(seen) => {
                let seen = *seen.get();
                for index in [seen, i] {
                    if let Some(line) = lines.get_mut(index) {
                        line.repeated = true;
                    }
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
}

/// Captions have at most this many words.
const CAPTION_WORDS: usize = 60;

/// Marks photo captions: a line that ends in its credit ("… in Pittsburgh. (AP Photo/Gene J. Puskar)"), a
/// line that a photo credit follows ("Photo: Damian Dovarganes, AP"; copies of the caption aside), and a
/// sentence repeated on the next line (galleries print each caption twice). A paragraph that blank lines set
/// off is article layout and stays, whatever follows it, unless it carries its own credit.
#[inline(never)]
fn mark_captions(text: &str, keys: &[&[u8]], lines: &mut [Line]) {
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
/// ASCII go through [`push_ascii_key`]; only other characters are decoded.
pub(super) fn push_key(line: &str, key: &mut Vec<u8>) {
    let bytes = line.as_bytes();
    let mut at = 0;
    let mut encoded = [0; 4];
    while at < bytes.len() {
        let run = bytes.get(at..).unwrap_or(&[]);
        let ascii = ascii_prefix(run);
        if ascii > 0 {
            push_ascii_key(run.get(..ascii).unwrap_or(&[]), key);
            at += ascii;
            continue;
        }
        let Some(c) = char_at(line, at) else { break };
        if crate::tokens::is_alphanumeric_beyond_ascii(c) {
            for lower in c.to_lowercase() {
                key.extend_from_slice(lower.encode_utf8(&mut encoded).as_bytes());
            }
        }
        at += c.len_utf8();
    }
}

/// How many bytes `bytes` opens with that are ASCII, read eight at a time.
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut len = 0;
    for chunk in &mut chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else { break };
        let high = u64::from_le_bytes(word) & HIGH_BITS;
        if high != 0 {
            return len + high.trailing_zeros() as usize / 8;
        }
        len += 8;
    }
    let rest = chunks.remainder();
    len + rest.iter().position(|byte| !byte.is_ascii()).unwrap_or(rest.len())
}

/// [`push_key`] for ASCII bytes: each byte's [`ASCII_KEY`] is stored where the next kept byte goes and counted
/// when it is a letter or digit, one look-up and one store per byte and no branch on the byte.
fn push_ascii_key(ascii: &[u8], key: &mut Vec<u8>) {
    let start = key.len();
    key.resize(start + ascii.len(), 0);
    let Some(appended) = key.get_mut(start..) else { return };
    let mut kept = 0;
    for &byte in ascii {
        let class = ASCII_KEY[usize::from(byte)];
        if let Some(slot) = appended.get_mut(kept) {
            *slot = class;
        }
        kept += usize::from(class >= b'0');
    }
    key.truncate(start + kept);
}

/// Ends in a sentence terminator, closing quotes and brackets aside. Read as the bytes that encode those characters
/// (each encoding opens with a leading byte, so a match at the end is the whole last character): asked of every line,
/// and a search for a set of characters from the end is a call in the Wasm for each character.
pub(super) fn ends_with_terminal(line: &str) -> bool {
    let mut bytes = line.as_bytes();
    // Closing quotes and brackets, spaces and no-break spaces: '"', '\'', ')', ']', ' ', '”', '’', '»', U+00A0.
    while let [rest @ .., b'"' | b'\'' | b')' | b']' | b' '] | [rest @ .., 0xE2, 0x80, 0x9D | 0x99] | [rest @ .., 0xC2, 0xBB | 0xA0] = bytes {
        bytes = rest;
    }
    // '.', '!', '?', '…', '。', '！', '？', '।', '؟'.
    matches!(
        bytes,
        [.., b'.' | b'!' | b'?'] | [.., 0xE2, 0x80, 0xA6] | [.., 0xE3, 0x80, 0x82] | [.., 0xEF, 0xBC, 0x81 | 0x9F] | [.., 0xE0, 0xA5, 0xA4] | [.., 0xD8, 0x9F]
    )
}

/// True when at least a tenth of the lines open after a blank line: the paste keeps paragraph layout.
pub(super) fn has_gaps(lines: &[Line]) -> bool {
    // The text's start counts as a blank line for the first line's layout, but says nothing about whether the
    // paste keeps blank lines between paragraphs: a short article without them is not a gappy paste.
    let gaps = lines.iter().skip(1).filter(|l| l.blank_before).count();
    gaps > 0 && gaps * 10 >= lines.len()
}

/// English function words (data/function_words.txt), each key packed into a number: a look-up is a multiply,
/// a load and a comparison, where hashing the key as a string and comparing it took ten times as many instructions.
pub(super) struct FunctionWords {
    /// Each word in a slot of its own, where its product with [`FunctionWords::MULTIPLIER`] puts it (a test checks
    /// that each is found), and [`FunctionWords::EMPTY`] in the others: a look-up compares one slot. Three slots of
    /// linear probing, compared for nearly every token of the text, cost 0.4% more of the Wasm's instructions.
    slots: [u64; FunctionWords::SLOTS],
}

impl FunctionWords {
    /// The longest key that packs into a slot: keys hold no zero byte, so a packed key is the key.
    const LONGEST: usize = 8;
    /// The longest function word, shorter than [`Self::LONGEST`]: a key of eight letters packs whole and matches none,
    /// so [`measure`] looks up the first eight letters of any token without testing its length (a test checks that no
    /// word is longer).
    const LONGEST_WORD: usize = 7;
    /// The bits of a slot's index: 512 slots of eight bytes, 4 KB. Nearly every token reads a slot, and between two
    /// texts the rest of the summary evicts the table's cache lines: 2048 slots (16 KB) cost time that the counts do
    /// not show (callgrind's cache simulation of the Wasm in V8: `measure`'s L1 read misses 12.2K -> 5.1K a corpus
    /// round, `read_token`'s 0.76K -> 0.36K, the instructions the same).
    const SLOT_BITS: u32 = 9;
    /// How many slots there are.
    const SLOTS: usize = 1 << Self::SLOT_BITS;
    /// What an empty slot holds: no key, as no key holds a byte 0xFF (UTF-8 has none), and the empty key packs into 0.
    const EMPTY: u64 = u64::MAX;
    /// Fibonacci hashing's multiplier (2^64 / the golden ratio) times the first odd number, 910,467, with which no two
    /// function words share one of the 512 slots. A word added to the list may need another: the test that finds each
    /// word says so.
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15_u64.wrapping_mul(910_467);

    /// The key's bytes as a number, the first the least significant (as eight bytes read from memory in one
    /// go are), or `None` when it is empty or too long to pack.
    fn pack(key: &[u8]) -> Option<u64> {
        if key.is_empty() || key.len() > Self::LONGEST {
            return None;
        }
        Some(key.iter().rev().fold(0, |packed, &byte| packed << 8 | u64::from(byte)))
    }

    /// A packed key's slot: the product's top bits.
    fn slot(packed: u64) -> usize {
        (packed.wrapping_mul(Self::MULTIPLIER) >> (64 - Self::SLOT_BITS)) as usize
    }

    /// Whether `key` (a token's key, [`push_key`]) is a function word.
    pub(super) fn contains(&self, key: &[u8]) -> bool {
        Self::pack(key).is_some_and(|packed| self.contains_packed(packed))
    }

    /// Whether the key of at most [`Self::LONGEST`] bytes that packs into `packed` ([`Self::pack`]) is a function word.
    /// In line: [`measure`] asks it for nearly every token, and the call took as many instructions as the look-up.
    #[inline(always)]
    fn contains_packed(&self, packed: u64) -> bool {
        self.slots.get(Self::slot(packed)).copied().unwrap_or(Self::EMPTY) == packed
    }
}

const _: () = assert!(FunctionWords::LONGEST_WORD < FunctionWords::LONGEST);

/// The function words, parsed once. Every word in the file is a lower-case key of at most
/// [`FunctionWords::LONGEST`] bytes (a test checks that each is found).
pub(super) fn function_words() -> &'static FunctionWords {
    static WORDS: OnceLock<FunctionWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut table = FunctionWords { slots: [FunctionWords::EMPTY; FunctionWords::SLOTS] };
        // data/function_words.txt as build.rs embeds it: one word a line, without its header and blank lines.
        let words = include_str!(concat!(env!("OUT_DIR"), "/function_words.txt")).lines();
        for packed in words.filter_map(|word| FunctionWords::pack(word.as_bytes())) {
            if let Some(slot) = table.slots.get_mut(FunctionWords::slot(packed)) {
                *slot = packed;
            }
        }
        table
    })
}

/// `token`'s key ([`push_key`], written into `buffer`) is an English function word ("the", "of", "was").
pub(super) fn is_function_token(token: &str, buffer: &mut Vec<u8>) -> bool {
    buffer.clear();
    push_key(token, buffer);
    function_words().contains(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::split_whitespace;

    #[test]
    fn terminal_after_closers() {
        for line in ["He left.", "\"Go!\" ", "(Really?)\u{a0}", "“Wait…”", "She said。", "Why？’»", "भारत।", "لماذا؟"] {
            assert!(ends_with_terminal(line), "{line:?}");
        }
        for line in ["", "Headline", "\"Quoted\"", "Price: 5", "”’", "a.b ’x"] {
            assert!(!ends_with_terminal(line), "{line:?}");
        }
    }

    fn key(text: &str) -> String {
        let mut key = Vec::new();
        push_key(text, &mut key);
        String::from_utf8(key).unwrap_or_default()
    }

    #[test]
    fn function_tokens_agree_with_their_whole_key() {
        let words: Vec<&str> = include_str!("../../data/function_words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        for word in &words {
            assert!(function_words().contains(word.as_bytes()), "{word}: shares a slot, FunctionWords::MULTIPLIER needs another odd factor");
            assert!(word.len() <= FunctionWords::LONGEST_WORD, "{word}: measure takes eight letters for no function word");
        }
        let mut buffer = Vec::new();
        for (token, function) in [("the", true), ("The,", true), ("(of)", true), ("“was”", true), ("theory", false), ("Washington", false), ("", false)] {
            assert_eq!(is_function_token(token, &mut buffer), function, "{token:?}");
        }
        for token in ["THE", "o-f", "thé", "İt", "because", "nevertheless", "2019", "a.m.", "—", "東京", "\u{212A}now"] {
            assert_eq!(is_function_token(token, &mut buffer), words.contains(&key(token).as_str()), "{token:?}");
        }
    }

    #[test]
    fn line_keys_are_lower_case_letters_and_digits() {
        for (line, expected) in [
            ("Share this story!", "sharethisstory"),
            ("ADVERTISEMENT", "advertisement"),
            ("Photo: AP, 2019", "photoap2019"),
            ("“Déjà vu” — Ünïcode’s 東京 İ", "déjàvuünïcodes東京i\u{307}"),
            ("The long “quoted” line, past eight bytes — and Ünïcode’s", "thelongquotedlinepasteightbytesandünïcodes"),
        ] {
            let mut key = b"prefix:".to_vec();
            push_key(line, &mut key);
            assert_eq!(String::from_utf8(key).ok(), Some(format!("prefix:{expected}")), "{line:?}");
        }
    }

    #[test]
    fn letter_runs_are_the_leading_ascii_letters() {
        for (bytes, expected) in [
            (*b"The cat ", "the"),
            (*b"Kilmarno", "kilmarno"),
            (*b"said, it", "said"),
            (*b"a1bcdefg", "a"),
            (*b"@[`{zZaA", ""),
            (*b"ab\xc3\xa9cdef", "ab"),
            (*b"xy\xc1\xdaqqqq", "xy"),
        ] {
            let (key, len) = letter_run(u64::from_le_bytes(bytes));
            let expected = expected.as_bytes();
            assert_eq!(len, expected.len(), "{bytes:?}");
            assert_eq!(key.to_le_bytes().get(..len), Some(expected), "{bytes:?}");
            assert!(key.to_le_bytes().iter().skip(len).all(|&byte| byte == 0), "{bytes:?}");
        }
    }

    #[test]
    fn measured_counts_follow_the_tokens() {
        // Counted token by token, as the shares are defined: tokens with a letter, those whose first letter is a
        // capital, those whose key is a function word. Each line of a text is counted up to its line break.
        let text = [
            "The Mayor of London said it was over.",
            "HOME | NEWS | SPORT",
            "“Déjà vu,” she said\u{a0}to them — İt was 2019 and \u{212A}ING’s THE 東京 of a.m. Ölçek",
            "  (of)  2019 12:30 — the\u{2003}end\tof\u{85}it ",
            "U.S.-led talks: don't, won’t [it] {of} @the `an` of/for 12345678 9abcdefgh Nevertheless, in\u{1}to of",
            "the,, of... A-B-C-D-E-F-G-H-I it's x\u{7f}of \u{a0}ThE\u{a0}of\x0bAn\x0cWAS'\r",
            "it(",
            "\"We said 'I (left) [The, \"\" \" \"U.S. ('x \"2019 {of} \"Ünï \"a.\" (\u{a0}x 'it's \"(( \"Kilmarnocks, '\"of\t(\"\r",
            "\"of\" 'the' (a) 2019 1,000 10.5 3D 12345678 123456789 2019, 2019.\" 7: 8 $5 (12) \"A",
            "\"",
            "Kilmarno Kilmarnock abcdefghijklmnopqr abcdefghijklmnop The of I a\tThe  x Is tHe ThE,OF\u{a0}of Its",
            "the end\u{2028}of it, the\rcat sat; on the mat\r",
            "",
            "  \t ",
            "Kilmarnock\u{a0}",
            "its",
        ]
        .join("\n");
        let mut from = 0;
        for line in text.split('\n') {
            let (mut alphabetic, mut capitals, mut function) = (0, 0, 0);
            for token in split_whitespace(line) {
                let Some(first) = token.chars().find(|c| c.is_alphabetic()) else { continue };
                alphabetic += 1;
                capitals += usize::from(first.is_uppercase());
                function += usize::from(function_words().contains(key(token).as_bytes()));
            }
            let (tally, end) = measure(&text, from, function_words(), &mut Vec::new());
            assert_eq!(end, from + line.len(), "{line:?}");
            assert_eq!(tally.words, split_whitespace(line).count(), "{line:?}");
            assert_eq!((tally.alphabetic, tally.capitals, tally.function), (alphabetic, capitals, function), "{line:?}");
            from = end + 1;
        }
    }

    #[test]
    fn alphanumeric_runs_are_read_as_byte_by_byte() {
        // Every byte beside letters, digits and the bytes next to them in the table, at every place of eight.
        let pieces = [b'a', b'z', b'A', b'Z', b'0', b'9', b'@', b'[', b'`', b'{', b'/', b':', b' ', 0, 0x7F, 0x80, 0xC3, 0xE1, 0xFA, 0xFF];
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        for _ in 0..20_000 {
            let mut eight = [0u8; 8];
            for byte in &mut eight {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *byte = pieces[(state % pieces.len() as u64) as usize];
            }
            let len = eight.iter().take_while(|byte| byte.is_ascii_alphanumeric()).count();
            let keys = eight[..len].iter().rev().fold(0, |packed, &byte| packed << 8 | u64::from(byte.to_ascii_lowercase()));
            let first = eight[..len].iter().copied().find(u8::is_ascii_alphabetic).unwrap_or(0);
            let word = u64::from_le_bytes(eight);
            let (run_keys, run_len, letters) = alphanumeric_run(word);
            assert_eq!((run_keys, run_len, first_letter_of(word, letters)), (keys, len, first), "{eight:?}");
        }
    }

    #[test]
    fn long_lines_count_more_tokens_than_a_field_holds() {
        // 2^22 tokens on one line, half of them capitals and function words: each count is past what one field of
        // `Taken` holds, and the fast path takes nearly all.
        let text = "Of x ".repeat(1 << 21);
        let (tally, end) = measure(&text, 0, function_words(), &mut Vec::new());
        assert_eq!(end, text.len());
        assert_eq!((tally.words, tally.alphabetic, tally.capitals, tally.function), (1 << 22, 1 << 22, 1 << 21, 1 << 21));
    }

    #[test]
    fn spaced_periods_are_the_periods_alone_after_a_space() {
        // As `inline::find_captions` finds the " ." that closes a caption: a period after a space, before white space
        // or the end.
        for line in [
            "Racy: Irish actor Aidan Turner (left) went swimming . The show airs soon.",
            "It ended .",
            "It ended.",
            "  . at the start",
            "a .b",
            "a .\u{a0}b",
            "a .\u{b}b",
            "a\t. b",
            "a .. b",
            "a ... b",
            "U.S . Army",
            "“Quoted” . ‘again’ .\r",
        ] {
            let expected = line.char_indices().any(|(i, c)| {
                c == '.' && line.as_bytes().get(i.wrapping_sub(1)) == Some(&b' ') && line[i + 1..].chars().next().is_none_or(char::is_whitespace)
            });
            assert_eq!(split_lines(line, &mut Vec::new()).first().map(|l| l.spaced_period), Some(expected), "{line:?}");
        }
    }

    #[test]
    fn lines_are_the_trimmed_non_blank_lines() {
        let text = "  Menu \r\n\nH\nong Kong is burning.\n \u{a0}\n\tThe end of it\u{2003}\nB\n \t\nig\nA\n  b c\nlast";
        let spans: Vec<&str> = split_lines(text, &mut Vec::new()).iter().map(|line| line.span.slice(text)).collect();
        assert_eq!(spans, ["Menu", "H\nong Kong is burning.", "The end of it", "B", "ig", "A\n  b c", "last"]);
        let lines = split_lines(text, &mut Vec::new());
        assert_eq!(lines.iter().map(|line| line.words).collect::<Vec<_>>(), [1, 5, 4, 1, 1, 3, 1]);
        assert_eq!(lines.iter().map(|line| (line.blank_before, line.blank_after)).collect::<Vec<_>>(), [
            (true, true),
            (true, true),
            (true, false),
            (false, true),
            (true, false),
            (false, false),
            (false, true)
        ]);
    }
}
