//! Byte spans into the original input and their UTF-16 equivalents.
//!
//! The core works in UTF-8 byte offsets (what Rust slices with); JavaScript strings are indexed in UTF-16 code
//! units. Every span the result reports carries both, so the page can highlight `text.slice(start16, end16)`
//! exactly, whatever emoji, combining marks or CRLF line ends the input holds.

use std::cell::Cell;

use serde::Serialize;

use crate::tokens::HIGH_BITS;

/// A half-open range `start..end` of UTF-8 byte offsets into the input, always on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text this span covers, or `""` when the span does not fit `text` on character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A span as reported to users: the covered text with its offsets in UTF-8 bytes and UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// The covered text, exactly as in the input.
    pub text: String,
    /// UTF-8 byte offset of the first character.
    pub start: usize,
    /// UTF-8 byte offset one past the last character.
    pub end: usize,
    /// UTF-16 code-unit offset of the first character (JavaScript string index).
    pub start16: usize,
    /// UTF-16 code-unit offset one past the last character.
    pub end16: usize,
}

impl TextSpan {
    /// Serializes the span's fields into an object being written, for the result types that carry a span's
    /// fields at their top level.
    pub(crate) fn serialize_fields<S: serde::ser::SerializeStruct>(&self, fields: &mut S) -> Result<(), S::Error> {
        fields.serialize_field("text", &self.text)?;
        fields.serialize_field("start", &self.start)?;
        fields.serialize_field("end", &self.end)?;
        fields.serialize_field("start16", &self.start16)?;
        fields.serialize_field("end16", &self.end16)
    }
}

/// Converts byte offsets of one text into UTF-16 offsets in near-constant time.
///
/// The number of UTF-16 units before byte `p` equals the number of bytes before `p` that start a character,
/// plus one more for every four-byte character (those become surrogate pairs). A checkpoint every
/// [`Utf16Index::BLOCK`] bytes bounds each look-up to one short scan, and costs 1/16 of the input in memory (1/8
/// natively). The result asks for offsets mostly in text order — a sentence's start just after the previous
/// one's end, a mention's end just after its start — so a look-up in the block of the one before counts on
/// from that one instead of from the checkpoint: a sentence's or a mention's offsets cost about one scan, not two.
/// Most blocks of a text that is not all ASCII still are (an English article with one curly quote or accent), and
/// a look-up in one of them needs no scan at all: its offset is the checkpoint's plus the bytes since.
pub struct Utf16Index<'a> {
    bytes: &'a [u8],
    /// For each block, twice the UTF-16 units before it, plus one when it is all ASCII (one list, not a second
    /// of flags); then twice the units of the whole text.
    checkpoints: Vec<usize>,
    ascii: bool,
    /// The last look-up: its byte offset and UTF-16 offset.
    last: Cell<(usize, usize)>,
}

impl<'a> Utf16Index<'a> {
    const BLOCK: usize = 64;

    /// Builds the index for `text` in one pass.
    ///
    /// The text is all ASCII when it has as many UTF-16 units as bytes (a character of two bytes or more is one
    /// unit, or two for four bytes), which the pass counts anyway: the standard test of the whole text first (a
    /// loop of 4-byte words in the Wasm, about 3 instructions a byte; to the first byte outside ASCII, or the
    /// whole text when there is none) was as costly as the pass (`is_ascii` 0.33M a corpus round in V8, the pass
    /// 0.29M).
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        // One a block, and one after the last.
        let mut checkpoints = Vec::with_capacity(bytes.len() / Self::BLOCK + 2);
        let mut units = 0usize;
        for block in bytes.chunks(Self::BLOCK) {
            // Natively the standard test reads sixteen bytes or more at a time.
            let ascii_block = if cfg!(target_arch = "wasm32") { is_ascii_block(block) } else { block.is_ascii() };
            checkpoints.push(units << 1 | usize::from(ascii_block));
            units += if ascii_block { block.len() } else { utf16_units(block, 0, block.len()) };
        }
        checkpoints.push(units << 1);
        let ascii = units == bytes.len();
        if ascii {
            // Not read: an offset in an ASCII text is its byte offset.
            checkpoints = Vec::new();
        }
        Utf16Index { bytes, checkpoints, ascii, last: Cell::new((0, 0)) }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's length).
    pub fn offset16(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.ascii {
            return byte;
        }
        let block = byte / Self::BLOCK;
        let entry = self.checkpoints.get(block).copied().unwrap_or(0);
        let checkpoint = entry >> 1;
        if entry & 1 == 1 {
            return checkpoint + byte % Self::BLOCK;
        }
        let (from, units) = match self.last.get() {
            (last, units) if last <= byte && last / Self::BLOCK == block => (last, units),
            _ => (block * Self::BLOCK, checkpoint),
        };
        let units = units + utf16_units(self.bytes, from, byte);
        self.last.set((byte, units));
        units
    }

    /// A reportable [`TextSpan`] for `span` of `text` (the text this index was built from), or with an empty
    /// text when `text` is `""` (as the binding asks: it slices the texts from the caller's own string), which is
    /// not sliced: slicing a `str` is a call in the Wasm, made for every span of the result.
    pub fn text_span(&self, text: &str, span: Span) -> TextSpan {
        TextSpan {
            text: if text.is_empty() { String::new() } else { span.slice(text).to_string() },
            start: span.start,
            end: span.end,
            start16: self.offset16(span.start),
            end16: self.offset16(span.end),
        }
    }
}

/// UTF-16 units of the UTF-8 bytes `bytes[from..to]` (none when that is not a range of `bytes`): eight bytes at a
/// time, counted by [`word_units`]. The last one to seven are read with the bytes before them, as the eight that
/// end at `to`, where there are eight: a loop a byte was a call (`Sum`) for most runs in the Wasm, 0.15M of its cost
/// a corpus round in V8.
fn utf16_units(bytes: &[u8], from: usize, to: usize) -> usize {
    let Some(run) = bytes.get(from..to) else { return 0 };
    let mut words = run.chunks_exact(8);
    let mut units = 0;
    for word in &mut words {
        units += word_units(word.try_into().map_or(0, u64::from_le_bytes), 8);
    }
    let tail = words.remainder();
    if tail.is_empty() {
        return units;
    }
    match to.checked_sub(8).and_then(|start| bytes.get(start..to)) {
        // The tail is the high bytes of these eight, shifted down (by 8 to 56 bits) with zeros above it.
        Some(last) => units + word_units(last.try_into().map_or(0, u64::from_le_bytes) >> (64 - 8 * tail.len()), tail.len()),
        None => tail.iter().fold(units, |units, &byte| units + utf16_weight(byte)),
    }
}

/// UTF-16 units of the `len` low bytes of `word` (the others zero), read as UTF-8, counted with bit masks: a byte's
/// high bit set and the next clear marks a continuation byte (no unit), its four high bits set a four-byte lead
/// (two units).
#[inline(always)]
fn word_units(word: u64, len: usize) -> usize {
    let continuation = word & !(word << 1) & HIGH_BITS;
    let four_byte_lead = word & (word << 1) & (word << 2) & (word << 3) & HIGH_BITS;
    len - continuation.count_ones() as usize + four_byte_lead.count_ones() as usize
}

/// Whether `block` is all ASCII, for the Wasm: its bytes eight at a time, or'ed together (the standard test, which
/// aligns its reads first, was a call there for every block; so was its test of the remainder, most often empty).
/// A whole block, all but the text's last, is read as eight words without a loop: the loop over them took V8 about
/// 140 instructions a block, most of them its bookkeeping (`Utf16Index::new` 0.46M a corpus round).
fn is_ascii_block(block: &[u8]) -> bool {
    if let Ok(whole) = <&[u8; Utf16Index::BLOCK]>::try_from(block) {
        let any = word_at(whole, 0) | word_at(whole, 8) | word_at(whole, 16) | word_at(whole, 24);
        return (any | word_at(whole, 32) | word_at(whole, 40) | word_at(whole, 48) | word_at(whole, 56)) & HIGH_BITS == 0;
    }
    let mut words = block.chunks_exact(8);
    let any = (&mut words).fold(0, |any, word| any | word.try_into().map_or(HIGH_BITS, u64::from_le_bytes));
    words.remainder().iter().fold(any, |any, &byte| any | u64::from(byte) << 56) & HIGH_BITS == 0
}

/// The eight bytes of `block` from `at` on, as one little-endian word (`at` is a constant where it is called, so the
/// read needs no bounds test).
#[inline(always)]
fn word_at(block: &[u8; Utf16Index::BLOCK], at: usize) -> u64 {
    block.get(at..at + 8).and_then(|word| word.try_into().ok()).map_or(HIGH_BITS, u64::from_le_bytes)
}

/// UTF-16 units contributed by one UTF-8 byte: 1 for a character's first byte, 2 for a four-byte lead byte.
#[inline(always)]
fn utf16_weight(byte: u8) -> usize {
    if byte & 0xC0 == 0x80 {
        0
    } else if byte >= 0xF0 {
        2
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_units_of_every_byte_run_count_as_encode_utf16_does() {
        let text = "a\u{e9}\u{1F600}b\r\n\u{a0}c\u{4e2d}\u{10348}z".repeat(3);
        for (start, _) in text.char_indices() {
            for (end, _) in text.char_indices().filter(|&(end, _)| end >= start) {
                assert_eq!(utf16_units(text.as_bytes(), start, end), text[start..end].encode_utf16().count(), "{start}..{end}");
            }
        }
    }

    /// Every block of up to 70 bytes with a byte outside ASCII at any place, or none.
    #[test]
    fn ascii_blocks_are_found_as_the_standard_test_finds_them() {
        for len in 0..70 {
            let mut block = vec![b'a'; len];
            assert!(is_ascii_block(&block), "{len}");
            for at in 0..len {
                block[at] = 0xC3;
                assert_eq!(is_ascii_block(&block), block.is_ascii(), "{len} {at}");
                block[at] = 0x7F;
                assert!(is_ascii_block(&block), "{len} {at}");
            }
        }
    }

    #[test]
    fn utf16_offsets_match_javascript_indices() {
        let text = "a\u{e9}\u{1F600}b\r\n\u{a0}c".repeat(100);
        let index = Utf16Index::new(&text);
        for (byte, _) in text.char_indices() {
            let expected = text[..byte].encode_utf16().count();
            assert_eq!(index.offset16(byte), expected, "at byte {byte}");
        }
        assert_eq!(index.offset16(text.len()), text.encode_utf16().count());
    }

    /// Look-ups in any order (backwards, within a block, across blocks, past the end) give the offsets that
    /// look-ups in text order give: the last look-up is only a shortcut.
    #[test]
    fn utf16_offsets_do_not_depend_on_the_order_of_look_ups() {
        let text = "\u{1F600}\u{1F600}\u{e9}a b".repeat(40) + "\u{4e2d}";
        let index = Utf16Index::new(&text);
        let expected = |byte: usize| text[..byte.min(text.len())].encode_utf16().count();
        let boundaries: Vec<usize> = text.char_indices().map(|(p, _)| p).chain([text.len(), text.len() + 9]).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..5_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let byte = boundaries[(seed % boundaries.len() as u64) as usize];
            assert_eq!(index.offset16(byte), expected(byte), "at byte {byte}");
        }
    }

    /// A text mostly ASCII with a few other characters, as English news is: its all-ASCII blocks are answered
    /// from their checkpoint, the others by counting, in text order and backwards, up to a length that is a
    /// whole number of blocks.
    #[test]
    fn utf16_offsets_in_ascii_blocks_of_a_mixed_text() {
        let text = format!("{}\u{e9}{}\u{1F600}{}\u{4e2d}{}", "a".repeat(130), "b".repeat(70), "c".repeat(64), "d".repeat(140));
        for text in [text.as_str(), &text[..256]] {
            let index = Utf16Index::new(text);
            let boundaries: Vec<usize> = text.char_indices().map(|(p, _)| p).chain([text.len()]).collect();
            for &byte in boundaries.iter().chain(boundaries.iter().rev()) {
                assert_eq!(index.offset16(byte), text[..byte].encode_utf16().count(), "at byte {byte} of {}", text.len());
            }
        }
    }

    /// Characters of two to four bytes split by a block's end, one per block, and a block that both opens inside a
    /// character and ends inside another: a block is all ASCII by its bytes, whatever its count of UTF-16 units.
    #[test]
    fn utf16_offsets_where_characters_cross_block_ends() {
        for (lead, tail) in [("\u{e9}", "\u{1F600}"), ("\u{4e2d}", "\u{1F600}"), ("\u{1F600}", "\u{e9}")] {
            for cut in 1..lead.len() {
                // `lead` crosses the end of the first block by `cut` bytes; `tail` ends inside the second block's end.
                let first = "a".repeat(64 - lead.len() + cut);
                let second = "b".repeat(64 - cut - 1);
                let text = format!("{first}{lead}{second}{tail}{}", "c".repeat(100));
                let index = Utf16Index::new(&text);
                let boundaries: Vec<usize> = text.char_indices().map(|(p, _)| p).chain([text.len()]).collect();
                for &byte in boundaries.iter().chain(boundaries.iter().rev()) {
                    assert_eq!(index.offset16(byte), text[..byte].encode_utf16().count(), "at byte {byte} of {text:?}");
                }
            }
        }
    }

    #[test]
    fn ascii_text_has_equal_offsets() {
        let index = Utf16Index::new("plain text");
        assert_eq!(index.offset16(5), 5);
        // Told ASCII or not by its count of units, at every length around a block's, with the one character
        // outside ASCII anywhere.
        for len in [0, 1, 63, 64, 65, 128, 200] {
            let text = "a".repeat(len);
            let index = Utf16Index::new(&text);
            assert!(index.ascii && index.checkpoints.is_empty(), "{len}");
            assert_eq!(index.offset16(len + 3), len);
            for at in 0..len {
                let text = format!("{}\u{e9}{}", &text[..at], &text[at + 1..]);
                let index = Utf16Index::new(&text);
                assert!(!index.ascii, "{len} {at}");
                assert_eq!(index.offset16(text.len()), len, "{len} {at}");
            }
        }
    }
}
