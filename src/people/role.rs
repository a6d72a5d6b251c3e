//! The role the text gives a name: before it ("U.S. Secretary of State Marco Rubio", "Reds manager Ray Knight"),
//! or in an apposition after it ("Rustem Umerov, head of the Ukrainian delegation,") or before it ("The head of
//! the Ukrainian delegation, Rustem Umerov,").

use super::detect::{is_place_like_entry, singular_title, title_kind, WordTable};
use crate::lexicon::{lexicons, one_of_ignoring_ascii_case, Entry, TitleKind};
use crate::tokens::{chunk_at, is_ascii_space, lower_case_bytes, lowered_ascii, name_key, skip_while_space, Word, HIGH_BITS};

/// Nouns that head a role in an apposition though they are no title before a name: "head of the Ukrainian
/// delegation", "a member of parliament", "his wife".
const APPOSITION_HEADS: &[&str] = &[
    "head", "member", "leader", "founder", "co-founder", "owner", "chief", "boss", "wife", "husband", "son", "daughter",
    "father", "mother", "brother", "sister", "widow", "partner", "friend", "colleague", "deputy", "successor",
    "predecessor", "architect", "author", "creator", "winner", "runner-up", "holder", "veteran",
];

const APPOSITION_HEAD_WORDS: WordTable = WordTable::new(APPOSITION_HEADS, 0x93a4_62e8_fe7a_d2f1);

/// A role written before the name: "U.S. Secretary of State", "Russian President", "U.S. negotiators"
/// (reported in the singular). Returns the role, a slice of the text, and whether it was plural.
/// `before` is the key and entry of the word before the name, and the title its singular is when it is no title
/// and ends in "s", when the caller has them.
pub(super) fn role_before<'t>(
    text: &'t str,
    words: &[Word],
    first: usize,
    before: Option<(&str, Entry, Option<TitleKind>)>,
    buffer: &mut String,
) -> (Option<&'t str>, bool) {
    let lex = lexicons();
    let mut start = first;
    let mut has_title = false;
    let mut title_end = first;
    // The entry of the title word (at `title_end - 1`).
    let mut title_entry = Entry::default();
    let mut plural = false;
    let mut capitalised_modifiers = 0;
    // The word before the name, when the caller has its entry, is taken before the walk. Most words before a name
    // are none of what a role before it is made of ("in", "said"): the role is told missing by that entry, without
    // walking back. Taken in the walk, whether a word's entry was known was a branch V8 mispredicted 970 times a
    // corpus round, every other word.
    if let Some((key, entry, singular_title)) = before {
        let role_word = entry.title_kind().is_some()
            || singular_title.is_some()
            || lex.role_links.holds(&entry)
            || is_place_like_entry(key, &entry);
        if !role_word || spaced_before(text, words, first).is_none() {
            return (None, false);
        }
        if entry.title_kind().is_some() || singular_title.is_some() {
            has_title = true;
            plural = entry.title_kind().is_none();
            title_entry = entry;
        }
        start -= 1;
    }
    while let Some(candidate) = spaced_before(text, words, start) {
        // name_key tells a word of ASCII letters, as most are, by one test of eight bytes: a key read here byte by
        // byte had its loop's end mispredicted 1,300 times a corpus round in V8.
        let key = name_key(candidate.span.slice(text), buffer);
        let entry = lex.entry(key);
        let singular_title = singular_title(key, &entry);
        let title = entry.title_kind().is_some();
        let plural_title = !title && singular_title.is_some();
        // A nationality or country abbreviation is place-like too.
        let modifier = is_place_like_entry(key, &entry) || lex.role_links.holds(&entry);
        // An organisation's name before a title: "Reds manager Ray Knight", "White House press secretary".
        let organisation = has_title && candidate.capitalized && !candidate.numeric && capitalised_modifiers < 3;
        if !(title || plural_title || modifier || organisation) {
            break;
        }
        if organisation && !title && !modifier {
            capitalised_modifiers += 1;
        }
        if (title || plural_title) && !has_title {
            has_title = true;
            title_end = start;
            plural = plural_title;
            title_entry = entry;
        }
        start -= 1;
    }
    if !has_title {
        return (None, false);
    }
    let is_link = |k: usize, buffer: &mut String| words.get(k).is_some_and(|w| is_link_word(w.span.slice(text), buffer));
    let mut end = first;
    while start < title_end && is_link(start, buffer) {
        start += 1;
    }
    while end > title_end && is_link(end - 1, buffer) {
        end -= 1;
    }
    let (Some(from), Some(to)) = (words.get(start), end.checked_sub(1).and_then(|e| words.get(e))) else { return (None, false) };
    let Some(slice) = text.get(from.span.start..to.span.end) else { return (None, false) };
    let singular = plural && end == title_end && slice.as_bytes().last() == Some(&b's');
    // Without its final "s" (ASCII, so the cut is on a character boundary) when read in the singular.
    let role = if singular { slice.get(..slice.len() - 1).unwrap_or(slice) } else { slice };
    // An honorific alone is not a role: "Mr. Putin". A role that is the title word as written has its entry.
    let key = name_key(role, buffer);
    let kind = if start + 1 == title_end && end == title_end && !singular { title_entry.title_kind() } else { title_kind(key) };
    if matches!(kind, Some(TitleKind::Honorific)) || matches!(key, "mr" | "mrs" | "ms" | "miss" | "mx" | "dr") {
        return (None, false);
    }
    (Some(role), plural)
}

/// The word before word `i`, if one space, ". " or a no-break space (C2 A0) stands between them: the gaps a role
/// before a name is walked back over.
#[inline(always)]
fn spaced_before<'w>(text: &str, words: &'w [Word], i: usize) -> Option<&'w Word> {
    let (Some(candidate), Some(next)) = (i.checked_sub(1).and_then(|k| words.get(k)), words.get(i)) else { return None };
    matches!(text.as_bytes().get(candidate.span.end..next.span.start), Some(b" " | b". " | b"\xC2\xA0")).then_some(candidate)
}

/// Whether `word` links the words of a role before a name but does not start or end it ("of", "the", "former").
/// A word of ASCII letters alone, as most are, is its own key lower-cased: it is compared as it is written.
fn is_link_word(word: &str, buffer: &mut String) -> bool {
    const LINKS: [&str; 8] = ["of", "the", "and", "for", "new", "then", "former", "late"];
    if word.bytes().all(|byte| byte.is_ascii_alphabetic()) {
        // Compared only with links of its length and first letter: `eq_ignore_ascii_case` is a call in the Wasm.
        return one_of_ignoring_ascii_case(word, &LINKS);
    }
    LINKS.contains(&name_key(word, buffer))
}

/// What the evidence step read in the text after a name's ", " ("Umerov, head of the Ukrainian delegation"): the
/// text's length, which tells it apart (it ends at the sentence's end), and the role phrase it starts with, if
/// any; so [`role_after`] does not read it again.
pub(super) struct AfterComma<'a> {
    /// The length of the text after ", ", to the sentence's end.
    pub len: usize,
    /// The role phrase that text starts with, if it does.
    pub role: Option<RoleWords<'a>>,
}

/// "Rustem Umerov, head of the Ukrainian delegation, …": the apposition after the name. `known` is what was read
/// already in a text after ", " that ends at `sentence_end`, when the caller read one.
pub(super) fn role_after<'t>(
    text: &'t str,
    words: &[Word],
    last: usize,
    sentence_end: usize,
    known: Option<&AfterComma<'t>>,
    buffer: &mut String,
) -> Option<RoleWords<'t>> {
    let word = words.get(last)?;
    // Told by its bytes first: most names have no ", " after them.
    if !matches!(text.as_bytes().get(word.span.end..sentence_end), Some([b',', b' ', ..])) {
        return None;
    }
    let from = word.span.end + 2;
    if let Some(known) = known.filter(|known| known.len == sentence_end.saturating_sub(from)) {
        return known.role;
    }
    role_words(text, from, sentence_end, buffer)
}

/// "The head of the Ukrainian delegation, Rustem Umerov": the apposition before the name.
pub(super) fn role_in_apposition_before<'t>(
    text: &'t str,
    words: &[Word],
    first: usize,
    sentence_start: usize,
    buffer: &mut String,
) -> Option<RoleWords<'t>> {
    let word = words.get(first)?;
    // Told by its bytes first: most names have no ", " before them.
    if !matches!(text.as_bytes().get(sentence_start..word.span.start), Some([.., b',', b' '])) {
        return None;
    }
    let before = text.as_bytes().get(sentence_start..word.span.start - 2)?;
    // The marks are ASCII: found byte by byte, backwards, without decoding characters.
    let clause_start = sentence_start + before.iter().rposition(|b| matches!(b, b',' | b';' | b':' | b'(')).map_or(0, |i| i + 1);
    // Where the clause lies in the text once trimmed: it is read from the text, not from a slice of its own.
    let untrimmed = text.get(clause_start..word.span.start - 2)?;
    let from = clause_start + (untrimmed.len() - untrimmed.trim_start().len());
    let len = untrimmed.trim().len();
    role_words(text, from, from + len, buffer).filter(|r| len.saturating_sub(r.written_len()) <= 4)
}

/// A role phrase has its title word among its first this many words (after its article).
const TITLE_WITHIN: usize = 4;

/// A role phrase has at most this many words, an article included.
const MAX_ROLE_WORDS: usize = 10;

/// The words of a role phrase ([`role_words`]), not yet written out as the role: where they lie in the text, from
/// the start of the first (after the article) to the end of the last. Where each word was kept as a slice, in an
/// array of [`MAX_ROLE_WORDS`], every phrase read filled the array first: a loop whose end V8 mispredicted 1,000
/// times a corpus round, for phrases most of which are no role.
#[derive(Clone, Copy)]
pub(super) struct RoleWords<'a> {
    /// The text from the start of the role's first word to the end of its last.
    words: &'a str,
    /// Whether one ASCII space stands between each two words, as it nearly always does: then `words` is the role
    /// as written out, with no need to split it.
    single_spaced: bool,
}

impl<'a> RoleWords<'a> {
    /// The role's words, in order: [`next_phrase_word`] ends a word only at white space but for the last, which
    /// ends the text, so they are its runs of characters other than white space.
    fn words(&self) -> std::str::SplitWhitespace<'a> {
        self.words.split_whitespace()
    }

    /// The length of the role written out: its words joined by single spaces.
    pub fn written_len(&self) -> usize {
        if self.single_spaced {
            return self.words.len();
        }
        let (mut len, mut words) = (0, 0);
        for word in self.words() {
            len += word.len();
            words += 1;
        }
        len + words - usize::from(words > 0)
    }

    /// Appends the role to `out`: its words joined by single spaces.
    pub fn push_to(&self, out: &mut String) {
        if self.single_spaced {
            out.push_str(self.words);
            return;
        }
        for (k, word) in self.words().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
}

/// The words of the role phrase at `from` of `text`, up to the next comma or period or `to`: "the head of the
/// Ukrainian delegation", "a spokesman for the ministry". It must hold a title word and start like a noun phrase.
/// Each word is keyed and looked up once.
///
/// The words are sliced out of the whole text, where a slice of the phrase alone had its first word start at 0,
/// which the check of character boundaries answers apart: a branch that followed the word's place in the phrase.
pub(super) fn role_words<'a>(text: &'a str, from: usize, to: usize, buffer: &mut String) -> Option<RoleWords<'a>> {
    let lex = lexicons();
    // Each word is judged as it is split off, so a phrase that fails early ("the man who…") is not split further,
    // nor searched for its end: the first word that holds the end ([`next_phrase_word`]) is cut there and is the
    // last.
    let (mut n, mut skip, mut has_title) = (0, 0, false);
    // Where the role's first word (after the article) starts and its last ends.
    let (mut start, mut end) = (from, from);
    // How many bytes the gaps between the role's words hold past one space each, and whether a space (" ") ended
    // the last word: each gap holds the space that ended the word before it, if one did, so it is one space
    // exactly when it adds nothing. Counted without a branch on whether a word is the role's first: told by
    // `if`, that was mispredicted 700 times a corpus round natively.
    let (mut excess, mut spaced) = (0, 0);
    let mut at = from;
    let mut ended = false;
    while !ended {
        let Some(next) = next_phrase_word(text, &mut at, to) else { break };
        ended = next.ended;
        let word = next.word;
        if word.is_empty() {
            break;
        }
        if n == MAX_ROLE_WORDS {
            return None;
        }
        let first = n == skip;
        start = if first { next.start } else { start };
        excess = if first { 0 } else { excess + (next.start - end - spaced) };
        end = next.start + word.len();
        spaced = next.past;
        n += 1;
        // A word of lower-case ASCII letters is its own key: it is not scanned again. One of ASCII letters with
        // capitals has no ending to cut: its key is the word lower-cased, written without [`name_key`]'s scans.
        let key = match (next.lower, next.letters) {
            (true, _) => word,
            (false, true) => lowered_ascii(word, buffer),
            (false, false) => name_key(word, buffer),
        };
        // Compared as bytes: `==` on a `str` of three bytes was a call to `memcmp`.
        if n == 1 && matches!(key.as_bytes(), b"the" | b"a" | b"an") {
            skip = 1;
            continue;
        }
        if has_title {
            // Past the title word only a speech verb is asked about, which its shape tells most words are not,
            // without a look-up.
            if lex.speech_verbs.contains(key) {
                return None;
            }
            continue;
        }
        // The word's place in the role, after its article.
        let k = n - 1 - skip;
        let entry = lex.entry(key);
        if k == 0
            && !next.lower
            && starts_upper_case(word)
            && entry.title_kind().is_none()
            // Nationalities and country abbreviations included.
            && !is_place_like_entry(key, &entry)
        {
            return None;
        }
        if lex.speech_verbs.holds(&entry) {
            return None;
        }
        if k < TITLE_WITHIN {
            has_title = entry.title_kind().is_some()
                || singular_title(key, &entry).is_some()
                || APPOSITION_HEAD_WORDS.contains(key);
            if !has_title && k + 1 == TITLE_WITHIN {
                // No title word early enough: not a role, whatever follows.
                return None;
            }
        }
    }
    if !has_title || skip == n {
        return None;
    }
    Some(RoleWords { words: text.get(start..end)?, single_spaced: excess == 0 })
}

/// Whether `word` starts with an upper-case letter: an ASCII one told in place, another decoded (a call in the
/// Wasm).
fn starts_upper_case(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// A word of a role phrase, split off by [`next_phrase_word`].
struct PhraseWord<'a> {
    /// The word, cut at the phrase's end if it holds it (empty when the end starts it).
    word: &'a str,
    /// Where the word starts in the text.
    start: usize,
    /// 1 when a space (" ") ends the word, else 0.
    past: usize,
    /// Whether the phrase ends in (or right after) this word.
    ended: bool,
    /// Whether the word is lower-case ASCII letters alone (and not empty), so its own key.
    lower: bool,
    /// Whether the word is ASCII letters alone, of either case.
    letters: bool,
}

/// The ASCII marks that end a role phrase, a bit each: comma, semicolon, period, brackets, double quote.
const PHRASE_END_MARKS: u64 = 1 << b',' | 1 << b';' | 1 << b'.' | 1 << b'(' | 1 << b')' | 1 << b'"';

/// The bytes [`is_ascii_space`] holds white space, a bit each (all of them below 64).
const ASCII_SPACES: u64 = {
    let (mut mask, mut byte) = (0, 0);
    while byte < 64 {
        if is_ascii_space(byte) {
            mask |= 1 << byte;
        }
        byte += 1;
    }
    mask
};

/// The next word of `text` from `*at`, before `to`, white space skipped, up to white space or the phrase's end (the first
/// comma, semicolon, period, bracket or double quote, straight or curly: "“" and "”" are E2 80 9C and E2 80 9D),
/// read in one pass over its bytes; `*at` moves past it, and past the space (" ") that ends it if one does. `None`
/// when only white space is left.
fn next_phrase_word<'a>(text: &'a str, at: &mut usize, to: usize) -> Option<PhraseWord<'a>> {
    let bytes = text.as_bytes().get(..to).unwrap_or_default();
    // Most words start where the last ended or one ASCII space after it, told here without a call.
    let start = match bytes.get(*at..) {
        Some([first, ..]) if first.is_ascii() && !is_ascii_space(*first) => *at,
        Some([b' ', second, ..]) if second.is_ascii() && !is_ascii_space(*second) => *at + 1,
        _ => skip_while_space(text, *at, true),
    };
    if start >= bytes.len() {
        return None;
    }
    let mut end = start;
    let mut lower = true;
    let mut letters = true;
    let mut ended = false;
    // 1 when the word ends at a space (" "): `*at` is moved past it, so that the next word's start is told by the
    // first of its tests (a word that started at a space and one that did not took turns, a branch mispredicted
    // 700 times a corpus round).
    let mut past = 0;
    loop {
        // Most bytes are lower-case letters: neither an end nor white space, and the word stays lower case. They are
        // passed over eight at a time ([`lower_case_bytes`], zeros past the end being none), where a test a byte
        // made the end of every word a mispredicted branch.
        let lower_case = (!lower_case_bytes(chunk_at(bytes, end)) & HIGH_BITS).trailing_zeros() / 8;
        end += lower_case as usize;
        if lower_case == 8 {
            continue;
        }
        let Some(&byte) = bytes.get(end) else { break };
        if byte.is_ascii() {
            // Whether the word ends here, at a mark or white space, told by one test of the byte's bit among the
            // bytes below 64, where they all lie: a test for a mark and one for white space were each mispredicted
            // (1,700 times a corpus round together).
            let bit = 1u64.checked_shl(u32::from(byte)).unwrap_or(0);
            if bit & (PHRASE_END_MARKS | ASCII_SPACES) != 0 {
                ended = bit & PHRASE_END_MARKS != 0;
                past = usize::from(byte == b' ');
                break;
            }
            lower = false;
            letters &= byte.is_ascii_uppercase();
            end += 1;
        } else {
            if byte == 0xE2 && matches!(bytes.get(end + 1..end + 3), Some([0x80, 0x9C | 0x9D])) {
                ended = true;
                break;
            }
            let Some(c) = text.get(end..).and_then(|r| r.chars().next()) else { break };
            if c.is_whitespace() {
                break;
            }
            lower = false;
            letters = false;
            end += c.len_utf8();
        }
    }
    *at = end + past;
    let word = text.get(start..end)?;
    Some(PhraseWord { word, start, past, ended, lower: lower && !word.is_empty(), letters })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the phrase at the start of `rest` ends, as [`next_phrase_word`] finds it word by word.
    fn phrase_end(rest: &str) -> usize {
        let mut at = 0;
        while let Some(word) = next_phrase_word(rest, &mut at, rest.len()) {
            if word.ended {
                break;
            }
        }
        at
    }

    #[test]
    fn a_phrase_ends_at_the_first_comma_period_bracket_or_quote() {
        assert_eq!(phrase_end("head of the delegation, said"), 22);
        assert_eq!(phrase_end("a spokesman (for now)"), 12);
        assert_eq!(phrase_end("the “chief” of staff"), 4);
        assert_eq!(phrase_end("the chief” of staff"), 9);
        assert_eq!(phrase_end("no end at all"), 13);
        // "‘" and "’" (E2 80 98, E2 80 99) do not end it.
        assert_eq!(phrase_end("the ‘chief’."), "the ‘chief’".len());
    }

    #[test]
    fn link_words_are_told_by_their_keys() {
        let mut buffer = String::new();
        for (word, link) in [("of", true), ("The", true), ("FORMER", true), ("then.", true), ("late’s", true), ("off", false), ("", false), ("Secretary", false)] {
            assert_eq!(is_link_word(word, &mut buffer), link, "{word:?}");
        }
    }

    /// The role phrase at the start of `rest`, written out.
    fn role_phrase(rest: &str, buffer: &mut String) -> Option<String> {
        role_words(rest, 0, rest.len(), buffer).map(|role| {
            let mut phrase = String::new();
            role.push_to(&mut phrase);
            assert_eq!(phrase.len(), role.written_len(), "{phrase:?}");
            phrase
        })
    }

    #[test]
    fn role_phrases_need_a_title_early_and_no_speech_verb() {
        let mut buffer = String::new();
        assert_eq!(role_phrase("the head of the Ukrainian delegation, who", &mut buffer).as_deref(), Some("head of the Ukrainian delegation"));
        assert_eq!(role_phrase("a   spokesman for the ministry.", &mut buffer).as_deref(), Some("spokesman for the ministry"));
        assert_eq!(role_phrase("the man who sat at the back", &mut buffer), None);
        assert_eq!(role_phrase("the head said nothing", &mut buffer), None);
        assert_eq!(role_phrase("one two three four five six seven eight nine ten eleven head", &mut buffer), None);
        let rest = "head of the party, said";
        assert!(role_words(rest, 0, rest.len(), &mut buffer).is_some());
        // The phrase ends inside the word that holds its end, or before a word that starts with it.
        assert_eq!(role_phrase("head of the party.Then he", &mut buffer).as_deref(), Some("head of the party"));
        assert_eq!(role_phrase("a spokesman (for now)", &mut buffer).as_deref(), Some("spokesman"));
        assert_eq!(role_phrase("the, head of it", &mut buffer), None);
        // Words apart by other white space than one ASCII space are written out joined by one.
        assert_eq!(role_phrase("the head  of\tthe\u{a0}party, who", &mut buffer).as_deref(), Some("head of the party"));
        assert_eq!(role_phrase("head \u{2003}of the party", &mut buffer).as_deref(), Some("head of the party"));
    }

    #[test]
    fn the_apposition_heads_are_exactly_the_listed_words() {
        for word in APPOSITION_HEADS.iter().chain(&["", "a", "heads", "hea", "wife", "wifey", "co-founders", "veteran"]) {
            assert_eq!(APPOSITION_HEAD_WORDS.contains(word), crate::lexicon::one_of(word, APPOSITION_HEADS), "{word:?}");
        }
    }
}
