//! The look-up form of a lexicon entry, shared by the library and `build.rs` (which includes this file by path),
//! so the keys written at build time and the keys looked up at run time are cut the same way.

/// The look-up form of a multi-word entry: lower case, periods that end a word dropped ("U.S." → "u.s",
/// "Lt. Gov." → "lt gov"), so entries match words as the tokenizer cuts them.
pub(crate) fn normalize(entry: &str) -> String {
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
