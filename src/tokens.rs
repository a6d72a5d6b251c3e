//! Words of each sentence, with their case and offsets into the original text.

use crate::sentences::SentenceSpan;
use crate::span::Span;

/// One word: a run of letters and digits, with inner apostrophes, hyphens, periods and ampersands
/// ("Putin’s", "Louis-Dreyfus", "U.S", "AT&T").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub span: Span,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// Has two or more letters, all upper case ("NATO", "LONDON").
    pub all_caps: bool,
    /// Starts with a digit.
    pub numeric: bool,
}

/// The words of every sentence, in one list: sentence `i`'s are `words[ends[i - 1]..ends[i]]`. One allocation
/// for all of them, read in text order by every stage that reads words, where a list per sentence was an
/// allocation, a copy and a free for each sentence and scattered the words over the heap.
pub(crate) struct SentenceWords {
    words: Vec<Word>,
    /// Where each sentence's words end in `words`, shifted up a bit; the low bit says whether the sentence has a
    /// word in capitals that is not a number: most have none, and need not be read for a headline's capitals
    /// (`people::detect::is_headline`). In the same list, where a list of its own cost an allocation that kept
    /// the words' list from shrinking in place.
    ends: Vec<usize>,
}

impl SentenceWords {
    /// The words of sentence `i`, or `None` past the last sentence.
    ///
    /// In line in the Wasm, where the slice in its `Option` came back through memory, with a frame on the Wasm's own
    /// stack for each call (V8 a corpus round: the call 135K instructions, 169K of cost; in line, 34K more in
    /// `score::read_sentences`); natively the compiler inlines it already.
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    pub fn get(&self, i: usize) -> Option<&[Word]> {
        let start = match i.checked_sub(1) {
            Some(before) => *self.ends.get(before)? >> 1,
            None => 0,
        };
        self.words.get(start..*self.ends.get(i)? >> 1)
    }

    /// Each sentence's words, in order, with whether the sentence has a word in capitals that is not a number
    /// ("NATO", not "9AM"): read with the words, where a look-up by index checked its bounds for every sentence.
    pub fn iter_with_capitals(&self) -> impl Iterator<Item = (&[Word], bool)> {
        self.ends.iter().scan(0, |start, &end| {
            let capitals = end & 1 != 0;
            let end = end >> 1;
            let words = self.words.get(*start..end).unwrap_or(&[]);
            *start = end;
            Some((words, capitals))
        })
    }

    /// How many words all the sentences hold.
    pub fn total(&self) -> usize {
        self.words.len()
    }
}

/// The words of every sentence, sentence by sentence.
#[inline(never)]
pub(crate) fn tokenize_sentences(text: &str, sentences: &[SentenceSpan]) -> SentenceWords {
    // The words stay alive until the scorer has read them: the list is reserved for a word in every
    // BYTES_PER_WORD bytes of the sentences, grown by doubling only past that, and trimmed to its length after.
    let bytes: usize = sentences.iter().map(|s| s.span.len()).sum();
    let mut words = Vec::with_capacity(bytes / BYTES_PER_WORD);
    let ends = sentences
        .iter()
        .map(|s| {
            let capitals = push_words(text, s.span, &mut words);
            words.len() << 1 | usize::from(capitals)
        })
        .collect();
    words.shrink_to_fit();
    SentenceWords { words, ends }
}

/// Bytes of sentence text per word, at most: English news runs 5.8–6.0 on average and 5.0 in the densest document
/// (CNN/DailyMail dev and validation, BBC, pasted pages), so the reserved list is seldom outgrown, and the sixth or
/// so left over is trimmed in place.
const BYTES_PER_WORD: usize = 5;

/// The words inside `span` of `text`.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Word> {
    let mut words = Vec::new();
    push_words(text, span, &mut words);
    // Without the slack of the last doubling, the words take about a quarter less memory.
    words.shrink_to_fit();
    words
}

/// Appends the words inside `span` of `text` to `words`.
///
/// A word's run of ASCII letters and digits is read eight bytes at a time ([`chunk_at`]), to the first byte that
/// is neither, its lower-case letters noted as a mask on the way: a test a byte made the end of every word a
/// mispredicted branch, at a place no predictor learns. Only a joiner or a character beyond ASCII that ends a run
/// is read on its own ([`word_end`]).
///
/// A word is in capitals when it has two letters or more and none of them is a letter without case or in lower
/// case (every upper-case character a word holds is a letter: a test checks it for all of Unicode). The letters
/// are counted afterwards ([`has_two_letters`]), only in a word with no letter out of upper case (numbers, "I",
/// "NATO"). Returns whether one of the words is in capitals and not a number.
fn push_words(text: &str, span: Span, words: &mut Vec<Word>) -> bool {
    // The text up to the piece's end, read at the text's own offsets from the piece's start on: a word's span needs
    // no offset added.
    let Some(piece) = text.as_bytes().get(span.start..span.end) else { return false };
    // A period that ends the piece, as most sentences end, joins nothing (no letter or digit follows it inside the
    // piece): the piece is read without it, and its last word ends where the piece does, where the period was read
    // as a joiner that might go on (mispredicted at the end of most sentences).
    let end = span.end - usize::from(piece.last() == Some(&b'.'));
    let (Some(_), Some(upto)) = (text.get(span.start..end), text.get(..end)) else { return false };
    let bytes = upto.as_bytes();
    // Where the runs are read, eight bytes at a time: the whole text when the byte after the piece is no ASCII
    // letter or digit, so that every run ends at the piece's end or before it, as in the text cut there and padded
    // with zeros; else the text cut there. Read past the piece, a sentence's last run is read in one load like the
    // others, where the shorter read near the piece's end was a mispredicted branch in every sentence (2.2K a round
    // in V8).
    let source = match text.as_bytes().get(end) {
        Some(&after) if BYTE_CLASSES[usize::from(after)] & WORD == 0 => text.as_bytes(),
        _ => bytes,
    };
    let mut capitals = false;
    let mut at = span.start;
    while let Some(&byte) = bytes.get(at) {
        let start = at;
        // The first character: ASCII (most words) read from the byte's class, any other decoded and given the
        // class an ASCII letter would have. Its case and whether it is a letter are read from `class` once the
        // word ends: the rest of the word adds neither to it. An ASCII letter or digit, the common case, is told
        // by one test of the class, where a test of whether the byte is ASCII came first.
        let byte_class = BYTE_CLASSES[usize::from(byte)];
        let mut class = if byte_class & WORD != 0 {
            at += 1;
            byte_class
        } else if byte_class & BEYOND_ASCII == 0 {
            at += 1;
            continue;
        } else {
            let first = first_class_beyond_ascii(upto, at);
            if first == 0 {
                break;
            }
            at += first >> 8;
            if first & 0xff == 0 {
                continue;
            }
            first as u8
        };
        // The high bits of the lower-case ASCII letters of the word's runs.
        let mut lower = 0;
        let next = loop {
            let chunk = run_chunk(source, at);
            let letters = ascii_letters(chunk);
            // The run ends at the first byte that is not an ASCII letter or digit: the high bits below it are the
            // run's bytes, all eight when it goes on past them (and the count of trailing zeros is 64).
            let ends = !(letters | ascii_digits(chunk)) & HIGH_BITS;
            let run = (ends & ends.wrapping_neg()).wrapping_sub(1) & HIGH_BITS;
            // Bit 0x20, moved to the high bit, is what sets a lower-case ASCII letter apart from its capital.
            lower |= letters & chunk << 2 & run;
            at += (ends.trailing_zeros() / 8) as usize;
            if ends == 0 {
                continue;
            }
            // The byte that ended the run. White space or punctuation, what ends most words, is told by one test
            // of its class, and starts no word: the scan goes on after it, where it was read again once the word
            // was pushed.
            let Some(&ender) = bytes.get(at) else { break at };
            let ender_class = BYTE_CLASSES[usize::from(ender)];
            if ender_class & (JOINER | BEYOND_ASCII) == 0 {
                break at + 1;
            }
            let end = word_end(upto, source, at, ender_class);
            if end & WORD_ENDS != 0 {
                break at + (end >> STEP_SHIFT);
            }
            at += end >> STEP_SHIFT;
            class |= end as u8;
        };
        // Noted only past the test for a letter out of upper case, which most words fail: one test of the
        // first character's class and the lower-case ASCII letters together.
        let all_caps = lower | u64::from(class & NOT_UPPER) == 0 && {
            let two_letters = has_two_letters(upto, start..at, class);
            capitals |= two_letters && class & LETTER != 0;
            two_letters
        };
        words.push(Word { span: Span::new(start, at), capitalized: class & UPPER != 0, all_caps, numeric: class & LETTER == 0 });
        at = next;
    }
    capitals
}

/// The character at `at` of `piece`, beyond ASCII, as [`push_words`] reads a word's first character: its length in
/// bytes shifted up a byte (0 at the end or inside a character), with the class the word gets from it in the low
/// byte (0 when it starts no word). One number, which the Wasm returns as a value, where a pair was returned
/// through memory and gave `push_words` a frame on the Wasm's own stack (V8 +0.1M instructions a corpus round).
///
/// Out of line and cold, so that the compiler lays out the scan for the ASCII letters and digits that start most
/// words, and the decoding's calls leave the scan's values alone: `push_words` 4.92M → 4.70M instructions a corpus
/// round natively (fewer jumps and spills), 5.86M → 5.55M in V8.
#[cold]
#[inline(never)]
fn first_class_beyond_ascii(piece: &str, at: usize) -> usize {
    let Some(c) = char_at(piece, at) else { return 0 };
    let class = if is_alphanumeric_beyond_ascii(c) {
        // A digit of another script is no number here: it is classed as a letter.
        let upper = if c.is_uppercase() { UPPER } else { 0 };
        WORD | LETTER | upper | not_upper_letter(c) | BEYOND_ASCII
    } else {
        0
    };
    c.len_utf8() << 8 | usize::from(class)
}

/// What [`push_words`] does at the byte at `at` of `piece`, of class `byte_class`, a joiner or a byte beyond ASCII,
/// that ended a run of ASCII letters and digits, as one number. When the word ends there: [`WORD_ENDS`], and from
/// [`STEP_SHIFT`] on how many bytes the scan passes over before it goes on (1 for a joiner, which starts no word).
/// When the word goes on past the character (a joiner, or a curly apostrophe or hyphen, with a letter or digit after
/// it, or a letter, digit or combining mark beyond ASCII): its length in bytes from [`STEP_SHIFT`] on, and the
/// classes a letter beyond ASCII adds to the word's in the low byte. `source` is where [`push_words`] reads the
/// runs, the piece or the text past it.
///
/// Out of line and cold, as [`first_class_beyond_ascii`] (it says why), for the one word in twenty-five that ends at
/// such a byte: natively `push_words` 4.70M → 4.25M instructions a corpus round (0.05M in this function); in V8
/// the same cost, this function's included. Its answer is one number: out of line with the place and the word's
/// classes passed to it to change, V8 kept them in memory (+0.2M).
#[cold]
#[inline(never)]
fn word_end(piece: &str, source: &[u8], at: usize, byte_class: u8) -> usize {
    if byte_class & JOINER != 0 {
        // The byte after the joiner, read from `source`, past the piece's end too: there it is no ASCII letter or
        // digit ([`push_words`]), so an ASCII byte is told by its class without a test for the piece's end, which a
        // sentence's last period made a mispredicted branch (1.4K a round in V8, and a call for every joiner).
        let next = source.get(at + 1).copied().unwrap_or(0);
        let joins = if next.is_ascii() {
            BYTE_CLASSES[usize::from(next)] & WORD != 0
        } else {
            char_at(piece, at + 1).is_some_and(is_alphanumeric_beyond_ascii)
        };
        return if joins { 1 << STEP_SHIFT } else { WORD_ENDS | 1 << STEP_SHIFT };
    }
    let Some(next) = char_at(piece, at) else { return WORD_ENDS };
    let class = if is_alphanumeric_beyond_ascii(next) || ('\u{300}'..='\u{36f}').contains(&next) {
        not_upper_letter(next) | BEYOND_ASCII
    } else if matches!(next, '’' | '‐') && char_at(piece, at + next.len_utf8()).is_some_and(is_alphanumeric) {
        0
    } else {
        return WORD_ENDS;
    };
    next.len_utf8() << STEP_SHIFT | usize::from(class)
}

/// [`word_end`]'s mark of a word that ends at the character it was asked about, above the byte of classes.
const WORD_ENDS: usize = 1 << 8;
/// Where [`word_end`]'s count of bytes to move on by starts.
const STEP_SHIFT: u32 = 9;

/// The eight bytes of `bytes` from `at` as a little-endian number, with zeros past the end: a zero is neither a
/// letter nor a digit, so the scan of a word's run in [`push_words`] stops at the end as it stops at a space. Near
/// the end, the last eight bytes are read and shifted down, without copying the few left.
#[inline(always)]
pub(crate) fn chunk_at(bytes: &[u8], at: usize) -> u64 {
    if let Some(eight) = bytes.get(at..at + 8).and_then(|eight| eight.first_chunk::<8>()) {
        return u64::from_le_bytes(*eight);
    }
    match bytes.last_chunk::<8>() {
        Some(last) => {
            let past = (at + 8).saturating_sub(bytes.len());
            u64::from_le_bytes(*last).checked_shr(8 * past as u32).unwrap_or(0)
        }
        None => crate::entry_key::tail_word(bytes.get(at..).unwrap_or_default()),
    }
}

/// [`chunk_at`] for the runs of [`push_words`], without its test of whether `bytes` holds eight bytes at all: the
/// bytes left near the end are read by [`crate::entry_key::tail_word`]. Natively, that test, the same for every
/// word, had the run loop compiled twice, once for texts shorter than eight bytes, with a choice between them at
/// every word (`push_words` 0.18M instructions a corpus round less without it; in V8 0.18M less too).
#[inline(always)]
fn run_chunk(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8).and_then(|eight| eight.first_chunk::<8>()) {
        Some(eight) => u64::from_le_bytes(*eight),
        None => crate::entry_key::tail_word(bytes.get(at..).unwrap_or_default()),
    }
}

/// The high bit of each byte of `chunk` that is an ASCII letter: with 0x20 set, a capital reads as its lower-case
/// letter, and no other byte as a lower-case letter.
fn ascii_letters(chunk: u64) -> u64 {
    lower_case_bytes(chunk | (EACH_BYTE * 0x20))
}

/// The high bit of each byte of `chunk` that is an ASCII digit, exact in every byte as [`lower_case_bytes`] is.
fn ascii_digits(chunk: u64) -> u64 {
    let low = chunk & !HIGH_BITS;
    low.wrapping_add(EACH_BYTE * (0x80 - 0x30)) & (EACH_BYTE * (0x80 + 0x39)).wrapping_sub(low) & !chunk & HIGH_BITS
}

/// Whether the word at `range` of `piece`, of classes `class`, holds two letters or more: the count that settles
/// whether a word with no letter out of upper case is in capitals ([`push_words`]). A word of ASCII alone has
/// only capitals for letters, and they are counted; any other has its characters decoded.
///
/// A word of up to eight bytes (most of these: numbers, "I", "NATO") has its capitals counted in one 8-byte read,
/// where a loop a byte took 130 instructions a word in V8 and mispredicted its end.
///
/// Cold, for the one word in thirty it is asked about: natively the compiler then lays out `push_words` for the
/// others (0.04M instructions a corpus round fewer); the .wasm is the same.
#[cold]
#[inline(never)]
fn has_two_letters(piece: &str, range: std::ops::Range<usize>, class: u8) -> bool {
    if class & BEYOND_ASCII != 0 {
        return has_two_letters_decoded(piece, range);
    }
    let bytes = piece.as_bytes();
    let Some(word) = bytes.get(range.clone()) else { return false };
    match bytes.get(range.start..range.start + 8).and_then(<[u8]>::first_chunk::<8>) {
        Some(eight) if word.len() <= 8 => {
            // The word's bytes, the text after it cleared; a letter without bit 0x20 (moved up to the high bit)
            // is a capital.
            let chunk = u64::from_le_bytes(*eight) & u64::MAX.checked_shr(8 * (8 - word.len()) as u32).unwrap_or(0);
            (ascii_letters(chunk) & !(chunk << 2)).count_ones() >= 2
        }
        _ => {
            let mut capitals = 0;
            for &byte in word {
                capitals += usize::from(byte.is_ascii_uppercase());
            }
            capitals >= 2
        }
    }
}

/// [`has_two_letters`] for a word with a character beyond ASCII, its characters decoded. Out of line: the
/// iterator's room on the stack, taken at every call, was for these few words.
#[inline(never)]
fn has_two_letters_decoded(piece: &str, range: std::ops::Range<usize>) -> bool {
    piece.get(range).is_some_and(|word| word.chars().filter(|c| c.is_alphabetic()).nth(1).is_some())
}

/// [`NOT_UPPER`] for a letter that is not in upper case ("é", "東"), else 0.
fn not_upper_letter(c: char) -> u8 {
    if c.is_alphabetic() && !c.is_uppercase() {
        NOT_UPPER
    } else {
        0
    }
}

/// [`BYTE_CLASSES`] bits: an ASCII letter or digit, which a word is made of;
const WORD: u8 = 1;
/// an ASCII letter;
const LETTER: u8 = 2;
/// an upper-case ASCII letter;
const UPPER: u8 = 4;
/// an ASCII joiner, inside a word when a letter or digit follows ("AT&T", "U.S", "Louis-Dreyfus", "Putin's");
const JOINER: u8 = 8;
/// a letter that is not in upper case: the word it is in is not in capitals;
const NOT_UPPER: u8 = 16;
/// a letter or digit beyond ASCII (no ASCII byte has it): a word with one may have its letters counted. In
/// [`BYTE_CLASSES`], every byte beyond ASCII.
const BEYOND_ASCII: u8 = 32;

/// What the word scan needs to know of each byte, one look-up for the several tests: the classes of an ASCII
/// byte, [`BEYOND_ASCII`] for the bytes of other characters.
const BYTE_CLASSES: [u8; 256] = {
    let mut classes = [BEYOND_ASCII; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        classes[byte] = if b.is_ascii_uppercase() {
            WORD | LETTER | UPPER
        } else if b.is_ascii_lowercase() {
            WORD | LETTER | NOT_UPPER
        } else if b.is_ascii_digit() {
            WORD
        } else if matches!(b, b'\'' | b'-' | b'.' | b'&') {
            JOINER
        } else {
            0
        };
        byte += 1;
    }
    classes
};

/// The ASCII characters that [`char::is_whitespace`] accepts (`u8::is_ascii_whitespace` leaves out the vertical
/// tab, which it does not).
///
/// Told by one bit of a mask, without a branch: whether a byte is a space follows the text.
pub(crate) const fn is_ascii_space(byte: u8) -> bool {
    const SPACES: u64 = 1 << b' ' | 1 << b'\t' | 1 << b'\n' | 1 << 0x0B | 1 << 0x0C | 1 << b'\r';
    (byte < 64) & (SPACES >> (byte & 63) & 1 != 0)
}

/// One in each byte of a `u64`: `EACH_BYTE * b` is eight copies of the byte `b`, for tests of eight bytes at once.
pub(crate) const EACH_BYTE: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of a `u64`: set only in the bytes that are not ASCII, and where the eight-byte tests
/// leave their answers.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each zero byte of `x`, set exactly for the lowest one (a borrow runs on only past a zero byte, so
/// bytes above it may be marked too): nonzero just when `x` holds a zero byte, and its lowest set bit marks the
/// first. The bytes of a word equal to `b` are the zero bytes of `word ^ (EACH_BYTE * b)`.
#[inline(always)]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(EACH_BYTE) & !x & HIGH_BITS
}

/// Eight ASCII bytes (a little-endian `u64`) lower-cased at once: a byte from `A` to `Z` gains 0x20. Adding 0x3F to
/// a byte sets its high bit from `A` on, adding 0x25 from `[` on; an ASCII byte carries into none of its neighbours
/// (what is not ASCII is read another way, and its sums may wrap).
pub(crate) fn lower_ascii_word(word: u64) -> u64 {
    let capitals = word.wrapping_add(EACH_BYTE * 0x3F) & !word.wrapping_add(EACH_BYTE * 0x25) & HIGH_BITS;
    word | capitals >> 2
}

/// Eight bytes of a word as [`push_words`] makes words, ASCII (a little-endian `u64`, zeros past the word),
/// lower-cased at once: every byte but a zero gains 0x20. The ASCII bytes of a word are letters, digits and joiners
/// (' - . &), and all of them but the capitals have that bit already, so only the capitals change; the test is one
/// addition, where [`lower_ascii_word`], which takes any ASCII, makes two. Adding 0x7F to a byte sets its high bit
/// unless it is zero, and carries into no neighbour.
pub(crate) fn lower_word_chunk(word: u64) -> u64 {
    word | (word.wrapping_add(EACH_BYTE * 0x7F) & HIGH_BITS) >> 2
}

/// Whether `a` and `b` are the same text, in a `const fn` (for tables and checks made when compiling, where `==` on
/// strings cannot run).
pub(crate) const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// A table of the 256 byte values, `true` for those in `bytes`: one look-up a byte, for scans that stop only at
/// a few of them.
pub(crate) const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
}

/// The position of the first byte at or after `from` that is in `set` (a [`byte_set`]), or
/// `bytes.len()`. Sixteen bytes a step with one test for the sixteen: the scan for brackets and quotation marks
/// passes over long stretches of text that hold none, where a test a byte took three times the instructions. The sixteen look-ups are written out: a fold over the chunk left a loop in the Wasm (2%
/// more instructions per corpus round).
pub(crate) fn find_byte_in(bytes: &[u8], from: usize, set: &[bool; 256]) -> usize {
    let mut at = from;
    let mut rest = bytes.get(from..).unwrap_or_default();
    while let Some((chunk, after)) = rest.split_first_chunk::<16>() {
        let hit = |k: usize| set[usize::from(chunk[k])];
        if hit(0) | hit(1) | hit(2) | hit(3) | hit(4) | hit(5) | hit(6) | hit(7)
            | hit(8) | hit(9) | hit(10) | hit(11) | hit(12) | hit(13) | hit(14) | hit(15)
        {
            break;
        }
        at += 16;
        rest = after;
    }
    while let Some(&byte) = bytes.get(at) {
        if set[usize::from(byte)] {
            break;
        }
        at += 1;
    }
    at
}

/// The character that starts at byte `at` of `text`, without decoding when it is ASCII (most of the text);
/// `None` at the end or inside a character.
///
/// Inlined always: in the Wasm (opt-level "z") it was a call for every character asked about, most of them ASCII
/// bytes answered in place; the decoding of other characters stays out of line ([`decode_at`]).
#[inline(always)]
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        byte if byte.is_ascii() => Some(char::from(byte)),
        _ => decode_at(text, at),
    }
}

/// The character at byte offset `at` of `text`, decoded: [`char_at`] of a byte that is not ASCII.
fn decode_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// `char::is_alphanumeric`, with ASCII answered by a byte test. Inlined always, like [`char_at`]: the test of
/// an ASCII character is smaller than a call.
#[inline(always)]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alphanumeric_beyond_ascii(c)
    }
}

/// `char::is_alphanumeric` of a character that is not ASCII. General Punctuation (U+2000–U+206F: curly quotes,
/// dashes, ellipses, the most common characters beyond ASCII in news) holds no letter or digit: it is told so
/// without the two Unicode table look-ups.
pub(crate) fn is_alphanumeric_beyond_ascii(c: char) -> bool {
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// The white-space separated words of `text`, as [`str::split_whitespace`] gives them, with ASCII bytes
/// tested without decoding.
pub(crate) fn split_whitespace(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = skip_while_space(text, at, true);
        at = skip_while_space(text, start, false);
        text.get(start..at).filter(|word| !word.is_empty())
    })
}

/// The first offset from `from` whose character is not white space (`space`), or is (`!space`).
pub(crate) fn skip_while_space(text: &str, from: usize, space: bool) -> usize {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        let (is_space, len) = if byte.is_ascii() {
            (is_ascii_space(byte), 1)
        } else {
            let Some(c) = char_at(text, at) else { break };
            (c.is_whitespace(), c.len_utf8())
        };
        if is_space != space {
            break;
        }
        at += len;
    }
    at
}

/// `word` without a possessive ending: "Putin’s" → "Putin", "Jones'" stays.
pub(crate) fn strip_possessive(word: &str) -> &str {
    // The endings are whole characters, so the cut is on a boundary.
    word.get(..word.len() - possessive_ending_in_line(word.as_bytes())).unwrap_or(word)
}

/// The length in bytes of the possessive ending [`strip_possessive`] removes from `word` ("’" is E2 80 99); 0 when
/// it has none.
pub(crate) fn possessive_ending(word: &[u8]) -> usize {
    possessive_ending_in_line(word)
}

/// [`possessive_ending`], in line where it runs for every word (the scorer's reading of each word, and
/// [`strip_possessive`] for every name key): there its call took more instructions in the Wasm than its test.
/// Elsewhere one function serves, which is smaller.
///
/// The endings are told by comparing the last two bytes, and the two before them, as numbers, without a branch on
/// each byte: whether a word ends in "s", and in an apostrophe before it, follows the text.
#[inline(always)]
pub(crate) fn possessive_ending_in_line(word: &[u8]) -> usize {
    let [.., before_last, last] = *word else { return 0 };
    let end = u16::from_le_bytes([before_last, last]);
    // The two bytes before the last two, or, in a word of two or three bytes, its first two, which hold no "’"
    // before an "s" at its end.
    let from = word.len().saturating_sub(4);
    let before = word.get(from..).and_then(<[u8]>::first_chunk::<2>).map_or(0, |two| u16::from_le_bytes(*two));
    let ascii = end == u16::from_le_bytes([b'\'', b's']);
    // "s" or "S": 0x20 sets the case bit of the last byte only.
    let curly = (before == u16::from_le_bytes([0xE2, 0x80])) & (end | 0x2000 == u16::from_le_bytes([0x99, b's']));
    2 * usize::from(ascii) + 4 * usize::from(curly)
}

/// The look-up key of a name word: lower case, accents folded, a possessive ending and trailing periods
/// removed, written into `buffer` ("Zelenskyy’s" → "zelenskyy", "José" → "jose", "O’Neill" → "o'neill").
/// Two spellings of one name share it, so "Mr. Putin" and "Putin’s" find the same person.
///
/// A word already in lower-case ASCII, as most words that are not names are, is its own key once its endings are
/// cut: it is returned as a slice of itself, and `buffer` is left as it was. A word of lower-case ASCII letters
/// alone ("said", "the") has no ending to cut, nor has a capitalised one ("Smith"), written with its first letter
/// lowered: both are told first, by one test ([`capitalized_ascii_letters`]; a longer one, or none, is told so by
/// the tests that follow), without the calls that look for them. The case of the first letter then tells them
/// apart, where a test of the word in lower case ([`letters_in_lower_case`]) came first and a capitalised word
/// was read twice.
pub(crate) fn name_key<'b>(word: &'b str, buffer: &'b mut String) -> &'b str {
    if capitalized_ascii_letters(word.as_bytes()) {
        // An ASCII letter, in lower case when it has bit 0x20.
        if word.as_bytes().first().is_some_and(|&first| first & 0x20 != 0) {
            return word;
        }
        // Written at the buffer's start, where only the end of the letter is tested for a character boundary:
        // through [`push_first_lowered`], its start was tested too, and whether it was the buffer's start was
        // mispredicted as its two callers' calls came (1.7K times a corpus round in V8).
        buffer.clear();
        buffer.push_str(word);
        if let Some(first) = buffer.get_mut(..1) {
            first.make_ascii_lowercase();
        }
        return buffer.as_str();
    }
    let bare = without_endings(word);
    if bare.bytes().all(|byte| byte.is_ascii() && !byte.is_ascii_uppercase() && byte != b'`') {
        return bare;
    }
    buffer.clear();
    push_bare_key(bare, buffer);
    buffer.as_str()
}

/// `word` without the endings a key drops: a possessive ending, then periods.
#[inline]
fn without_endings(word: &str) -> &str {
    let word = strip_possessive(word);
    word.get(..word.bytes().rposition(|b| b != b'.').map_or(0, |last| last + 1)).unwrap_or(word)
}

/// Appends the [`name_key`] of `word` to `buffer`. A word of ASCII letters alone, as most name words are
/// ("Smith"), has no ending to cut: its endings are not looked for.
///
/// A word of up to sixteen bytes, an ASCII letter and then lower-case ones ("Smith"), most name words, is told by a
/// test of eight bytes at once ([`capitalized_ascii_letters`]) and written as it is with its first letter lowered,
/// without lowering the copy again byte by byte. A longer one is lowered whole, as other words of ASCII letters are.
pub(crate) fn push_name_key(word: &str, buffer: &mut String) {
    if capitalized_ascii_letters(word.as_bytes()) {
        return push_first_lowered(word, buffer);
    }
    if word.bytes().all(|byte| byte.is_ascii_alphabetic()) {
        return push_lowered(word, buffer);
    }
    push_bare_key(without_endings(word), buffer);
}

/// Appends `word`, whose first byte is an ASCII letter, to `buffer` with that letter in lower case.
fn push_first_lowered(word: &str, buffer: &mut String) {
    let start = buffer.len();
    buffer.push_str(word);
    // An ASCII letter: one byte, a character of its own.
    if let Some(first) = buffer.get_mut(start..start + 1) {
        first.make_ascii_lowercase();
    }
}

/// Whether `word` is one to sixteen bytes, an ASCII letter and then lower-case ASCII letters
/// ([`letters_in_lower_case`]).
///
/// In line, with [`letters_in_lower_case`], in its two callers, [`name_key`] and [`push_name_key`]: out of line in
/// the Wasm it was a call for every key, and its tests of the word's length, which go as the words do, saw both
/// callers' words. With [`name_key`]'s own copy of a capitalised word, which left [`push_first_lowered`] in line in
/// [`push_name_key`], the four functions took 2.15M → 1.76M of V8's cost a corpus round (1.39M → 1.09M
/// instructions, 11.7K → 10.3K mispredicts; +164 B gzipped); natively, where all of it was in line already, the
/// same.
#[inline(always)]
fn capitalized_ascii_letters(word: &[u8]) -> bool {
    letters_in_lower_case(word, 0x20)
}

/// Whether `word` is one to sixteen bytes, all lower-case ASCII letters, but for the first, which may be a capital
/// when `first` is 0x20: tested eight bytes at once, the first byte with `first` set, which makes an ASCII capital
/// its lower-case letter and leaves no other byte a lower-case letter. A word of nine bytes or more is read as its
/// first and its last eight bytes, which overlap. A byte at a time, the end of the test was a mispredicted branch
/// at the first byte that was not a lower-case letter, or at the word's end.
///
/// A word of four to eight bytes, the most common, is read as its first and last four bytes, which overlap, after
/// one test of its length: read whole when it had eight bytes, and as [`crate::entry_key::tail_word`] reads it
/// otherwise, it took three tests, mispredicted 8K times a corpus round in V8. In line in
/// [`capitalized_ascii_letters`]'s callers (it says why).
#[inline(always)]
fn letters_in_lower_case(word: &[u8], first: u64) -> bool {
    let len = word.len();
    let chunk = match (word.first_chunk::<4>(), word.last_chunk::<4>()) {
        (Some(head), Some(last)) if len <= 8 => u64::from(u32::from_le_bytes(*head)) | u64::from(u32::from_le_bytes(*last)) << (8 * (len - 4)),
        (Some(_), Some(_)) => {
            return match (word.first_chunk::<8>(), word.last_chunk::<8>()) {
                (Some(head), Some(last)) if len <= 16 => {
                    lower_case_bytes(u64::from_le_bytes(*head) | first) & lower_case_bytes(u64::from_le_bytes(*last)) == HIGH_BITS
                }
                _ => false,
            };
        }
        _ if len == 0 => return false,
        _ => crate::entry_key::tail_word(word),
    };
    let wanted = HIGH_BITS >> (8 * (8 - len));
    lower_case_bytes(chunk | first) & wanted == wanted
}

/// The high bit of each byte of `word` that is a lower-case ASCII letter. Exact in every byte: with the high bits
/// cleared, no sum or difference carries or borrows into the next byte.
pub(crate) fn lower_case_bytes(word: u64) -> u64 {
    let low = word & !HIGH_BITS;
    low.wrapping_add(EACH_BYTE * (0x80 - 0x61)) & (EACH_BYTE * (0x80 + 0x7A)).wrapping_sub(low) & !word & HIGH_BITS
}

/// Appends the [`name_key`] of a word whose endings are cut already ([`without_endings`]): [`name_key`] has cut
/// them to test the word, and does not cut them twice.
fn push_bare_key(word: &str, buffer: &mut String) {
    // Most words: no accents or quotes to fold, and lower case is one byte per byte ([`push_lowered`]).
    if word.bytes().all(|byte| byte.is_ascii() && byte != b'`') {
        return push_lowered(word, buffer);
    }
    for c in word.chars() {
        match c {
            '’' | '‘' | '`' => buffer.push('\''),
            '\u{300}'..='\u{36f}' => {}
            'ß' => buffer.push_str("ss"),
            'æ' | 'Æ' => buffer.push_str("ae"),
            'œ' | 'Œ' => buffer.push_str("oe"),
            _ => buffer.extend(c.to_lowercase().map(fold_accent)),
        }
    }
}

/// `word`, in ASCII, in lower case, written over `buffer` ([`push_lowered`]).
pub(crate) fn lowered_ascii<'b>(word: &str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    push_lowered(word, buffer);
    buffer.as_str()
}

/// Appends `word`, in ASCII, to `buffer` in lower case: copied whole, then lowered in place (in the Wasm,
/// `String::push` is a call a character).
fn push_lowered(word: &str, buffer: &mut String) {
    let start = buffer.len();
    buffer.push_str(word);
    if let Some(key) = buffer.get_mut(start..) {
        key.make_ascii_lowercase();
    }
}

/// The unaccented letter of a Latin letter with a diacritic ("é" → "e", "ł" → "l"); other characters unchanged.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// A list of words of at most 7 bytes, each as a [`short_code`], in order: a word is told one of them or not by a
/// search of the codes that takes a select, not a branch, at each of its steps ([`short_words_hold`]). For the short
/// word lists of the people stage and the scorer, where a comparison of strings with each word was a call in the
/// Wasm. A test of each code in turn, which `contains` on the codes made, stopped at a branch mispredicted three
/// times a search in V8, and took 400 instructions' cost a word; a test of the word's length and first letter
/// before it, which turned most words away, was two more branches that went as the words did.
pub(crate) struct ShortWords<const N: usize> {
    /// Each word's [`short_code`], from the least, then the greatest again up to 32: the codes as the search reads
    /// them, each place one it cannot read past.
    codes: [u64; 32],
    longest: usize,
}

impl<const N: usize> ShortWords<N> {
    /// The `N` words of `words`.
    pub const fn new(words: &[&str]) -> ShortWords<N> {
        let mut codes = [0; 32];
        let mut k = 0;
        while k < N && k < words.len() && k < 32 {
            assert!(!words[k].is_empty(), "no listed word is empty");
            // Insertion sort, in a `const fn`.
            let code = short_code(words[k]);
            let mut at = k;
            while at > 0 && codes[at - 1] > code {
                codes[at] = codes[at - 1];
                at -= 1;
            }
            codes[at] = code;
            k += 1;
        }
        let longest = crate::lexicon::longest(words);
        assert!(N == words.len() && N > 0 && N <= 32 && longest <= 7, "the list is N words of at most 7 bytes, at most 32");
        while k < 32 {
            codes[k] = codes[k - 1];
            k += 1;
        }
        ShortWords { codes, longest }
    }

    /// Whether `word` is one of the list.
    pub fn contains(&self, word: &str) -> bool {
        short_words_hold(&self.codes, self.longest, word.as_bytes(), false)
    }

    /// Whether `word`, its ASCII capitals lower-cased, is one of the list (of words in lower case).
    pub fn contains_ignoring_ascii_case(&self, word: &[u8]) -> bool {
        short_words_hold(&self.codes, self.longest, word, true)
    }
}

/// Whether `word`, its ASCII capitals lower-cased if `fold`, is one of the words whose [`short_code`]s are `codes`
/// (in order, the greatest repeated up to 32), the longest of them `longest` bytes long ([`ShortWords`]).
///
/// The last of the codes that are at most the word's is found in five halving steps, each a select, not a branch,
/// and compared with it. Written out: as a loop, its end was mispredicted at every search; with the codes not
/// repeated up to 32, each step tested its place with a branch. A word longer than the longest is searched for
/// too, and told none by its length after: one branch fewer. One function for every list and both cases, out of
/// line: written out in each caller, the steps made the Wasm 300 bytes larger (gzipped).
#[inline(never)]
fn short_words_hold(codes: &[u64; 32], longest: usize, word: &[u8], fold: bool) -> bool {
    // The first 7 bytes of the word, 0 bytes after a shorter word's: the bytes of its code when it has at most 7.
    let bytes = crate::entry_key::short_word(word.get(..word.len().min(7)).unwrap_or(word));
    // A byte beyond ASCII stays one, whatever the fold makes of it, and no listed word has one.
    let bytes = if fold { lower_ascii_word(bytes) } else { bytes };
    let code = (word.len() as u64) << 56 | bytes;
    let at = |k: usize| codes[k & 31];
    let step = |base: usize, half: usize| base + half * usize::from(at(base + half) <= code);
    let last = step(step(step(step(step(0, 16), 8), 4), 2), 1);
    (word.len() <= longest) & (at(last) == code)
}

/// A word of at most 7 bytes as one number, its bytes and its length: two such words are equal when their
/// codes are.
pub(crate) const fn short_code(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut code = (bytes.len() as u64) << 56;
    let mut i = 0;
    while i < bytes.len() && i < 7 {
        code |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ASCII byte, at every place of a word, is made lower case as `to_ascii_lowercase` does, whatever its
    /// neighbours.
    #[test]
    fn lower_ascii_word_is_to_ascii_lowercase() {
        for byte in 0..0x80u8 {
            for at in 0..8 {
                for fill in [0, b'A', b'Z', b'a', b'@', b'[', 0x7f] {
                    let mut word = [fill; 8];
                    word[at] = byte;
                    let lower = word.map(|b| b.to_ascii_lowercase());
                    assert_eq!(lower_ascii_word(u64::from_le_bytes(word)), u64::from_le_bytes(lower), "{word:?}");
                }
            }
        }
    }

    /// The runs' chunks are `chunk_at`'s, near the end of slices of every length too.
    #[test]
    fn run_chunks_are_chunks() {
        let bytes: Vec<u8> = (1..=20).collect();
        for len in 0..=bytes.len() {
            let slice = &bytes[..len];
            for at in 0..=len + 1 {
                assert_eq!(run_chunk(slice, at), chunk_at(slice, at), "{len} {at}");
            }
        }
    }

    /// Every byte, at every place of a chunk, is told a letter or a digit as `is_ascii_alphabetic` and
    /// `is_ascii_digit` tell it, whatever its neighbours.
    #[test]
    fn chunk_tests_are_the_byte_tests() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                for fill in [0, b'A', b'z', b'0', b'9', b'/', b':', 0x80, 0xFF] {
                    let mut chunk = [fill; 8];
                    chunk[at] = byte;
                    let mask = |test: fn(&u8) -> bool| chunk.iter().enumerate().fold(0, |mask, (k, b)| if test(b) { mask | 0x80 << (8 * k) } else { mask });
                    let word = u64::from_le_bytes(chunk);
                    assert_eq!(ascii_letters(word), mask(u8::is_ascii_alphabetic), "{chunk:?}");
                    assert_eq!(ascii_digits(word), mask(u8::is_ascii_digit), "{chunk:?}");
                }
            }
        }
    }

    /// A short word list holds exactly its words, in any ASCII case when asked so: every listed word, each with
    /// a byte changed, cut or lengthened, capitalised, with bytes beyond ASCII, and words longer than any.
    #[test]
    fn short_words_hold_exactly_their_words() {
        const WORDS: [&str; 9] = ["a", "an", "the", "of", "into", "via", "nor", "abcdefg", "z"];
        const LIST: ShortWords<9> = ShortWords::new(&WORDS);
        const ONE: ShortWords<1> = ShortWords::new(&["he"]);
        const MANY: [&str; 32] = [
            "he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "this", "that", "these", "those", "but", "however",
            "also", "still", "yet", "instead", "such", "both", "then", "there", "a", "an", "the", "of", "into", "via", "nor", "z",
        ];
        const LONG: ShortWords<32> = ShortWords::new(&MANY);
        let mut asked = vec![String::new(), "abcdefgh".into(), "abcdefg abcdefg".into(), "É".into(), "thé".into(), "ÀN".into()];
        for word in WORDS.iter().chain(&MANY).chain(&["hE", "sHe"]) {
            asked.push(word.to_string());
            asked.push(word.to_ascii_uppercase());
            asked.push(format!("{word}s"));
            asked.push(format!("{word}\u{e9}"));
            asked.push(word[1..].to_string());
            for at in 0..word.len() {
                for other in [b'b', b'\0', b'@', b'`', b'{', b'A' - 1] {
                    let mut changed = word.as_bytes().to_vec();
                    changed[at] = other;
                    asked.extend(String::from_utf8(changed).ok());
                }
            }
        }
        for word in &asked {
            assert_eq!(LIST.contains(word), WORDS.contains(&word.as_str()), "{word:?}");
            let lowered = word.to_ascii_lowercase();
            assert_eq!(LIST.contains_ignoring_ascii_case(word.as_bytes()), WORDS.contains(&lowered.as_str()), "{word:?}");
            assert_eq!(ONE.contains_ignoring_ascii_case(word.as_bytes()), lowered == "he", "{word:?}");
            assert_eq!(LONG.contains(word), MANY.contains(&word.as_str()), "{word:?}");
        }
    }

    #[test]
    fn lower_case_bytes_are_the_lower_case_letters() {
        for bytes in [*b"abcdefgh", *b"aZ`{z@\x7f\xe1", *b"\xffz\xfbaa a.", *b"\xe1\xe1zzzzzz", *b"{{{{{{{{", *b"said Smi"] {
            let expected = bytes.iter().enumerate().fold(0, |mask, (k, b)| if b.is_ascii_lowercase() { mask | 0x80 << (8 * k) } else { mask });
            assert_eq!(lower_case_bytes(u64::from_le_bytes(bytes)), expected, "{bytes:?}");
        }
    }

    /// Every word of up to seventeen bytes from a set of bytes around the letters' edges, and bytes outside ASCII, is told
    /// by `capitalized_ascii_letters` and `letters_in_lower_case` as the byte-by-byte tests tell it.
    #[test]
    fn capitalized_ascii_letters_is_a_letter_then_lower_case_letters() {
        assert!(!capitalized_ascii_letters(b""));
        let edges = [b'@', b'A', b'Z', b'[', b'`', b'a', b'z', b'{', b'0', b'\'', 0x7F, 0x80, 0xC3, 0xE9, 0xFF];
        for len in 1..18usize {
            let mut word = vec![b'a'; len];
            for at in 0..len {
                for &byte in &edges {
                    word[at] = byte;
                    for &first in &[b'S', b's', b'\'', 0xFF] {
                        let mut tested = word.clone();
                        if at > 0 {
                            tested[0] = first;
                        }
                        let expected = (1..=16).contains(&len)
                            && tested[0].is_ascii_alphabetic()
                            && tested[1..].iter().all(u8::is_ascii_lowercase);
                        assert_eq!(capitalized_ascii_letters(&tested), expected, "{tested:?}");
                        let lower = (1..=16).contains(&len) && tested.iter().all(u8::is_ascii_lowercase);
                        assert_eq!(letters_in_lower_case(&tested, 0), lower, "{tested:?}");
                    }
                }
                word[at] = b'a';
            }
        }
    }

    /// Every ASCII byte a word may hold (a letter, a digit or a joiner: [`BYTE_CLASSES`]), and the zeros past a
    /// word, at every place, is made lower case by `lower_word_chunk` as `to_ascii_lowercase` does.
    #[test]
    fn lower_word_chunk_is_to_ascii_lowercase_for_word_bytes() {
        let word_bytes: Vec<u8> = (0..0x80u8).filter(|&b| BYTE_CLASSES[usize::from(b)] & (WORD | JOINER) != 0).chain([0]).collect();
        assert_eq!(word_bytes.len(), 26 * 2 + 10 + 4 + 1);
        for &byte in &word_bytes {
            for at in 0..8 {
                for fill in [0, b'A', b'Z', b'a', b'z', b'0', b'9', b'\'', b'&'] {
                    let mut word = [fill; 8];
                    word[at] = byte;
                    let lower = word.map(|b| b.to_ascii_lowercase());
                    assert_eq!(lower_word_chunk(u64::from_le_bytes(word)), u64::from_le_bytes(lower), "{word:?}");
                }
            }
        }
    }

    #[test]
    fn each_sentence_gets_the_words_tokenize_finds_in_it() {
        // A sentence without words ("— …") in the middle, one of a single word, and words in other scripts.
        // One in capitals ("NATO"), and one whose only word in capitals is a number ("9AM").
        let text = "Mr. Smith went to Washington. — … Hi NATO! Déjà vu, said O'Neill at 9AM. 東京 2019.";
        let sentences: Vec<SentenceSpan> = ["Mr. Smith went to Washington.", "— …", "Hi NATO!", "Déjà vu, said O'Neill at 9AM.", "東京 2019."]
            .iter()
            .enumerate()
            .filter_map(|(i, piece)| {
                let start = text.find(piece)?;
                Some(SentenceSpan { span: Span::new(start, start + piece.len()), paragraph: 0, in_paragraph: i })
            })
            .collect();
        assert_eq!(sentences.len(), 5);
        let words = tokenize_sentences(text, &sentences);
        let texts = |ws: &[Word]| ws.iter().map(|w| w.span.slice(text)).collect::<Vec<_>>();
        assert!(sentences.iter().any(|s| tokenize(text, s.span).is_empty()), "{sentences:?}");
        assert_eq!(words.iter_with_capitals().count(), sentences.len());
        for (i, (s, (listed, capitals))) in sentences.iter().zip(words.iter_with_capitals()).enumerate() {
            assert_eq!(listed, tokenize(text, s.span).as_slice(), "sentence {i}");
            assert_eq!(words.get(i), Some(listed));
            assert_eq!(capitals, i == 2, "sentence {i}");
        }
        assert_eq!(words.get(sentences.len()), None);
        assert_eq!(words.total(), sentences.iter().map(|s| tokenize(text, s.span).len()).sum::<usize>());
        // Worked out by hand: the words of the first and last sentences.
        assert_eq!(words.get(0).map(texts), Some(vec!["Mr", "Smith", "went", "to", "Washington"]));
        assert_eq!(words.get(sentences.len() - 1).map(texts), Some(vec!["東京", "2019"]));
    }

    #[test]
    fn byte_scans_stop_where_a_byte_by_byte_scan_does() {
        let set = byte_set(b"()\n");
        let text = b"A sentence (with an aside) that runs on\nand on for more than eight bytes (or so)";
        for from in 0..=text.len() + 1 {
            let expected = text.iter().enumerate().skip(from).find(|&(_, &b)| set[usize::from(b)]).map_or(text.len().max(from), |(at, _)| at);
            assert_eq!(find_byte_in(text, from, &set), expected, "from {from}");
        }
        assert_eq!(find_byte_in(b"no brackets here at all", 0, &set), 23);
    }

    #[test]
    fn a_byte_set_holds_exactly_its_bytes() {
        let set = byte_set(b"()\n\xE3");
        for byte in 0..=255u8 {
            assert_eq!(set[usize::from(byte)], matches!(byte, b'(' | b')' | b'\n' | 0xE3), "{byte}");
        }
    }

    /// The words of any span of a text are the words of that span's text on its own: the scan, which reads past
    /// a span's end, finds no word longer, shorter or of other classes there, whatever follows the span (a letter,
    /// a joiner, a character beyond ASCII, the text's end).
    #[test]
    fn a_span_has_the_words_of_its_text_alone() {
        let text = "Mr. O'Neill met NATO's U.S. chief, Jose\u{301}-Ńowak (AT&T), at 9AM. Straße 東京 25.6M x’s É1 done";
        let bounds: Vec<usize> = (0..=text.len()).filter(|&at| text.is_char_boundary(at)).collect();
        for &start in &bounds {
            for &end in bounds.iter().filter(|&&end| end >= start) {
                let alone = &text[start..end];
                let expected: Vec<Word> = tokenize(alone, Span::new(0, alone.len()))
                    .into_iter()
                    .map(|w| Word { span: Span::new(w.span.start + start, w.span.end + start), ..w })
                    .collect();
                assert_eq!(tokenize(text, Span::new(start, end)), expected, "{alone:?}");
            }
        }
    }

    #[test]
    fn words_keep_inner_joiners() {
        let text = "Putin’s U.S. visit (Louis-Dreyfus) cost $25.6M.";
        let words: Vec<&str> = tokenize(text, Span::new(0, text.len())).iter().map(|w| w.span.slice(text)).collect();
        assert_eq!(words, vec!["Putin’s", "U.S", "visit", "Louis-Dreyfus", "cost", "25.6M"]);
    }

    #[test]
    fn words_of_other_scripts_and_accents() {
        let text = "«José Ńowak» said: Straße-Nord, Jose\u{301}’s and 東京.";
        let words: Vec<&str> = tokenize(text, Span::new(0, text.len())).iter().map(|w| w.span.slice(text)).collect();
        assert_eq!(words, vec!["José", "Ńowak", "said", "Straße-Nord", "Jose\u{301}’s", "and", "東京"]);
    }

    /// The capitals of an ASCII word are counted as a byte-by-byte count would, whatever follows the word in the
    /// text (letters that are not counted, the text's end) and at every length, up to eight bytes and past.
    #[test]
    fn two_letters_are_counted_as_bytes_are() {
        let words = ["", "I", "A1", "AB", "U.S", "9AM", "NATO", "2019", "25.6M", "AT&T", "X-RAY-ZZ", "ABCDEFGHI", "1234567A", "12345678B"];
        for word in words {
            let expected = word.bytes().filter(u8::is_ascii_uppercase).count() >= 2;
            for after in ["", " ", "Zz", " NATO is here", "ABCDEFGHIJ"] {
                let text = format!("{word}{after}");
                assert_eq!(has_two_letters(&text, 0..word.len(), WORD), expected, "{text:?}");
                let text = format!("x {text}");
                assert_eq!(has_two_letters(&text, 2..2 + word.len(), WORD), expected, "{text:?}");
            }
        }
    }

    /// A word is in capitals when it has two letters or more and as many upper-case characters as letters, as
    /// counting them would say; the scan, which does not count, relies on every upper-case character a word can
    /// hold being a letter.
    #[test]
    fn words_in_capitals_have_two_letters_all_upper_case() {
        let word_char = |c: char| c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c);
        assert!((0..=0x10FFFF).filter_map(char::from_u32).all(|c| !(word_char(c) && c.is_uppercase()) || c.is_alphabetic()));
        let text = "NATO, U.S. and AT&T; I A1 2019 25.6M McCAIN ÉCOLE ÉcOLE É1 ΣΟΦΙΑ 東京 X東 İSTANBUL Jose\u{301} JOSE\u{301} \
            O’NEILL O’neill X-RAY x-RAY AB’s ⅫⅠ Ⅻ ǅA ǅ A\u{345}B";
        for word in tokenize(text, Span::new(0, text.len())) {
            let chars = || word.span.slice(text).chars();
            let letters = chars().filter(|c| c.is_alphabetic()).count();
            let upper = chars().filter(|c| c.is_uppercase()).count();
            assert_eq!(word.all_caps, letters >= 2 && upper == letters, "{}", word.span.slice(text));
        }
    }

    #[test]
    fn ascii_spaces_are_the_white_space_characters() {
        for byte in 0..=255u8 {
            assert_eq!(is_ascii_space(byte), byte.is_ascii() && char::from(byte).is_whitespace(), "{byte}");
        }
    }

    #[test]
    fn white_space_splits_as_the_standard_library_does() {
        for text in ["", "  ", "one two", " a\tb\nc\r\nd\u{b}e\u{c}f ", "x\u{a0}y\u{2003}z\u{85}w", "“quoted” word’s  "] {
            assert_eq!(split_whitespace(text).collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn possessives_are_stripped_by_their_ending() {
        assert_eq!(strip_possessive("Putin’s"), "Putin");
        assert_eq!(strip_possessive("PUTIN’S"), "PUTIN");
        assert_eq!(strip_possessive("Obama's"), "Obama");
        assert_eq!(strip_possessive("OBAMA'S"), "OBAMA'S");
        assert_eq!(strip_possessive("Jones'"), "Jones'");
        assert_eq!(strip_possessive("’s"), "");
        for (word, ending) in [("Putin’s", 4), ("PUTIN’S", 4), ("Obama's", 2), ("OBAMA'S", 0), ("Jones'", 0), ("’s", 4), ("s", 0), ("", 0), ("’", 0), ("as", 0), ("a's", 2), ("’S", 4), ("x’s", 4), ("’x’s", 4), ("\u{2019}\u{2019}", 0)] {
            assert_eq!(possessive_ending(word.as_bytes()), ending, "{word}");
            assert_eq!(possessive_ending_in_line(word.as_bytes()), ending, "{word}");
        }
    }

    #[test]
    fn name_keys_fold_case_accents_and_possessives() {
        let mut buffer = String::new();
        assert_eq!(name_key("Zelenskyy’s", &mut buffer), "zelenskyy");
        assert_eq!(name_key("José", &mut buffer), "jose");
        assert_eq!(name_key("Jose\u{301}", &mut buffer), "jose");
        assert_eq!(name_key("O’Neill", &mut buffer), "o'neill");
        assert_eq!(name_key("Mr.", &mut buffer), "mr");
        assert_eq!(name_key("Łukasz", &mut buffer), "lukasz");
        // A word in lower-case ASCII is its own key, endings cut.
        assert_eq!(name_key("according", &mut buffer), "according");
        assert_eq!(name_key("minister's", &mut buffer), "minister");
        assert_eq!(name_key("co.", &mut buffer), "co");
        // ASCII with capitals, and a backtick, which folds to an apostrophe like a curly quote.
        assert_eq!(name_key("McCAIN", &mut buffer), "mccain");
        assert_eq!(name_key("O`Neill", &mut buffer), "o'neill");
        // A possessive before a period stays: the endings are cut once ("McCain's." → "mccain's").
        assert_eq!(name_key("McCain's.", &mut buffer), "mccain's");
        // Words of ASCII letters alone, which skip the search for endings: their keys by hand.
        assert_eq!(name_key("said", &mut buffer), "said");
        let mut written = String::from("key ");
        push_name_key("SMITH", &mut written);
        assert_eq!(written, "key smith");
        for word in [
            "according", "minister's", "co.", "o`neill", "u.s", "x", "", "'s", "McCain's.", "Putin’s", "José’s.", "said", "Smith",
            "SMITH", "s", "A", "Jr.", "U.S.", "Straße", "co-founder", "2015",
        ] {
            let mut written = String::new();
            push_name_key(word, &mut written);
            assert_eq!(name_key(word, &mut buffer), written, "{word:?}");
        }
    }
}
