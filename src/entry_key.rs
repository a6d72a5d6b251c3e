//! The look-up form of a lexicon entry, shared by the library and `build.rs` (which includes this file by path),
//! so the keys written at build time and the keys looked up at run time are cut the same way.

/// The look-up form of a multi-word entry: lower case, periods that end a word dropped ("U.S." → "u.s",
/// "Lt. Gov." → "lt gov"), so entries match words as the tokenizer cuts them.
pub(crate) fn normalize(entry: &str) -> String {
    if entry.is_ascii() {
        // The same, byte by byte: ASCII lower-cases one byte to one byte.
        let bytes = entry.as_bytes();
        let mut out = String::with_capacity(bytes.len());
        for (i, &b) in bytes.iter().enumerate() {
            let ends_word = bytes.get(i + 1).is_none_or(|&n| matches!(n, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'));
            if b == b'.' && ends_word {
                continue;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return out;
    }
    let lowered = entry.to_lowercase();
    let mut out = String::with_capacity(lowered.len());
    let mut chars = lowered.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '.' && chars.peek().is_none_or(|n| n.is_whitespace()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Where a speech verb's key is marked in `VERB_SHAPES`, which build.rs writes and `lexicon.rs` tests a word
/// against before looking it up: the place and the bit for its first and second bytes (the second 0 for a key of
/// one byte), and for its length (`len` bytes) and last byte. Of the pairs of these, the two that turn away the
/// most words of news text that are no verbs ("that", "this", "with"). A `const fn` for that.
pub(crate) const fn speech_verb_shape(first: u8, second: u8, len: usize, last: u8) -> ((usize, u32), (usize, u32)) {
    let len = if len < 31 { len } else { 31 };
    (((first & 31) as usize, 1 << (second & 31)), (32 | len, 1 << (last & 31)))
}
