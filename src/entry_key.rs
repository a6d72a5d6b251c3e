//! The look-up form of a lexicon entry, shared by the library and `build.rs` (which includes this file by path),
//! so the keys written at build time and the keys looked up at run time are cut the same way.

/// The look-up form of a multi-word entry: lower case, periods that end a word dropped ("U.S." → "u.s",
/// "Lt. Gov." → "lt gov"), so entries match words as the tokenizer cuts them.
pub(crate) fn normalize(entry: &str) -> String {
    let mut out = String::with_capacity(entry.len());
    normalize_into(entry, &mut out);
    out
}

/// [`normalize`] of `entry`, written over `out`: a look-up that reuses one buffer makes no allocation of its own.
pub(crate) fn normalize_into(entry: &str, out: &mut String) {
    out.clear();
    if entry.is_ascii() {
        // The same, byte by byte: ASCII lower-cases one byte to one byte.
        let bytes = entry.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let ends_word = bytes.get(i + 1).is_none_or(|&n| matches!(n, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'));
            if b == b'.' && ends_word {
                continue;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return;
    }
    // Character by character: the same as `str::to_lowercase` but for a capital sigma at a word's end, which
    // becomes "σ" here and "ς" there. No entry holds a sigma (`lexicon.rs`'s tests hold the lists to it), so the
    // two keys find the same nothing; `str::to_lowercase` and the Unicode tables of its final-sigma rule are 2 KB
    // of the gzipped .wasm. No character lower-cases to or from white space or a period, so the period test may
    // read the entry's own characters.
    let mut chars = entry.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '.' && chars.peek().is_none_or(|n| n.is_whitespace()) {
            continue;
        }
        out.extend(c.to_lowercase());
    }
}

/// Where a speech verb's key is marked in `VERB_SHAPES`, which build.rs writes and `lexicon.rs` tests a word
/// against before looking it up: the place and the bit for its first and second bytes (the second 0 for a key of
/// one byte), and for its length (`len` bytes) and last byte. Of the pairs of these, the two that turn away the
/// most words of news text that are no verbs ("that", "this", "with"). A `const fn` for that.
pub(crate) const fn speech_verb_shape(first: u8, second: u8, len: usize, last: u8) -> ((usize, u32), (usize, u32)) {
    let len = if len < 31 { len } else { 31 };
    (((first & 31) as usize, 1 << (second & 31)), (32 | len, 1 << (last & 31)))
}

/// The multiplier of the Fx hash (Firefox's, as rustc uses it), which the lexicon's table hashes keys with.
pub(crate) const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// One step of the Fx hash: `hash` with the 8-byte `word` mixed in by one rotate, xor and multiply. Inlined, as
/// the step was when it was a method of the library's hasher: a call of its own in the Wasm for three instructions.
#[inline(always)]
pub(crate) const fn fx_add(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED)
}

/// The hash of a key as a whole: Fx's multiply over its 8-byte words, seeded with its length, the last 1–7 bytes
/// as one word with 0 bytes after them ([`tail_word`]). The people stage's map of name keys hashes its keys so.
///
/// The last word is hashed even when it is whole or empty, which gives the hash of the loop over whole words and
/// a tail of 1–7 bytes: a whole last word is the whole word the loop would add, and an empty key's word, 0, leaves
/// its hash of 0 as it is. So a key's length decides one branch here, not two. Inlined into the caller, as when
/// it was the lexicon table's own: a call of its own in the Wasm for every key hashed.
#[cfg_attr(not(test), allow(dead_code))]
#[inline(always)]
pub(crate) fn key_hash(key: &[u8]) -> u64 {
    let n = key.len();
    let mut hash = n as u64;
    let tail = match key.get(n.wrapping_sub(8)..) {
        // Longer than a word: the whole words, then the last 1–8 bytes, read as the key's last 8 bytes whose
        // first ones (those of the last whole word) are shifted out.
        Some(last) if n > 8 => {
            let mut rest = key;
            while rest.len() > 8 {
                hash = fx_add(hash, read_u64(rest));
                rest = &rest[8..];
            }
            read_u64(last) >> (8 * (8 - rest.len()))
        }
        _ => short_word(key),
    };
    // Taken from the low bits and the top ones: the multiply mixes upwards only, so bring well-mixed high bits
    // down.
    fx_add(hash, tail).rotate_left(26)
}

/// The lexicon table's hash of a key ([`entry_hash_of`] its length and its first word), with that first word:
/// its first 8 bytes, 0 bytes after a shorter key's ([`short_word`]), as the table compares a record with the
/// key. The bytes after the eighth are not hashed, so that a key's length decides no branch here: the table
/// compares them when a record's length and first word match, for the one key in twelve found that is longer.
/// Hashing every word made the length a branch of its own, mispredicted at 3 look-ups in 10 in V8. Here so that
/// build.rs marks the words that open the multi-word entries ([`stretch_mark`]) by the hash the library finds
/// their words with. The library's look-ups hash a key of 1–8 bytes and a longer one each in its own branch
/// (`Table::get_and_hash`), as this does; the tests check that they agree.
#[cfg_attr(not(test), allow(dead_code))]
#[inline(always)]
pub(crate) fn entry_hash(key: &[u8]) -> (u64, u64) {
    let first = short_word(key.get(..key.len().min(8)).unwrap_or(key));
    (entry_hash_of(key.len(), first), first)
}

/// The lexicon table's hash of a key of `len` bytes whose first word is `first` ([`entry_hash`]): one step of Fx,
/// its high bits, which the multiply mixes best, brought down to where the table takes a key's slot.
#[inline(always)]
pub(crate) const fn entry_hash_of(len: usize, first: u64) -> u64 {
    fx_add(len as u64, first).rotate_left(26)
}

/// The 0–8 bytes of `key` as a little-endian word with 0 bytes after them, like [`tail_word`], but for 2–8
/// bytes with no branch on how many: four 2-byte reads, at 0, 2, 4 and the last two bytes, each place held
/// inside the key (they overlap in a shorter one, and overlapping reads put the same bytes in the same places).
/// [`tail_word`]'s test of whether there are 4 bytes went as the lengths of the words looked up do, and was
/// mispredicted as often. The middle two pairs are those that end at the 4th and the 6th byte or the key's end,
/// which the compiler sees inside the key; read from `2.min(n - 2)` and `4.min(n - 2)`, each kept a bounds test
/// in the Wasm (two branches a look-up, 27K a round).
#[inline(always)]
pub(crate) fn short_word(key: &[u8]) -> u64 {
    let n = key.len();
    if n < 2 {
        return tail_word(key);
    }
    let pair = |at: usize| key.get(at..at + 2).map_or(0, |two| u64::from(u16::from_le_bytes([two[0], two[1]]))) << (8 * at);
    pair(0) | pair(n.min(4) - 2) | pair(n.min(6) - 2) | pair(n - 2)
}

/// The 0–8 bytes of `rest` as a little-endian word with 0 bytes after them, read as overlapping words (as wyhash
/// reads short keys) rather than copied into a zeroed one, which took a call to `memcpy` per key.
#[inline(always)]
pub(crate) fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        u64::from(read_u32(rest)) | u64::from(read_u32(&rest[n - 4..])) << (8 * (n - 4))
    } else if n > 0 {
        u64::from(rest[0]) | u64::from(rest[n / 2]) << (8 * (n / 2)) | u64::from(rest[n - 1]) << (8 * (n - 1))
    } else {
        0
    }
}

/// The first 8 bytes of `bytes` as a little-endian number (0 if there are fewer).
pub(crate) fn read_u64(bytes: &[u8]) -> u64 {
    bytes.get(..8).and_then(|b| b.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// The first 4 bytes of `bytes` as a little-endian number (0 if there are fewer).
pub(crate) fn read_u32(bytes: &[u8]) -> u32 {
    bytes.get(..4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes)
}

/// How many 64-bit words each of `STRETCH_MARKS`'s two sets of marks takes (build.rs writes them): 512 marks a
/// set, of which the 245 first words and 250 second words of the multi-word places, nationalities and
/// organisations take about a third. Twice as many turned away a third fewer stretches, for 90 bytes more of
/// gzipped Wasm.
pub(crate) const STRETCH_MARK_WORDS: usize = 8;

/// Where the word whose key hashes to `hash` ([`entry_hash`]) is marked in a set of `STRETCH_MARKS`: the 64-bit
/// word and the bit in it, from bits of the hash that the table's slot and tag do not use.
pub(crate) const fn stretch_mark(hash: u64) -> (usize, u64) {
    let mark = (hash >> 32) as usize % (STRETCH_MARK_WORDS * 64);
    (mark / 64, 1 << (mark % 64))
}
