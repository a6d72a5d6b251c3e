//! Name candidates in one sentence and the evidence for each.
//!
//! A candidate is a run of capitalised words ("Joost van der Westhuizen", "P. Simmons", "Mr. Putin") with the
//! words that are not the name peeled off its left: titles ("President"), nationalities ("Russian"), places
//! ("England"), role words ("Secretary of State") and a sentence-opening common word ("Recalled fly-half Henry
//! Honiball"). Its evidence adds what its own words say (a known given name, a known surname, an initial) to
//! what its context says (a title, a speech verb, an apposition, a results-table shape), less what speaks
//! against it (a place, an organisation word, a month, a common word).


use super::role::{role_after, role_before, role_in_apposition_before, role_words, AfterComma};
use super::Gender;
use crate::entry_key::normalize_into;
use crate::lexicon::{lexicons, may_open_stretch, normalize, Entry, Lexicons, TitleKind};
use crate::span::Span;
use crate::tokens::{lower_case_bytes, name_key, possessive_ending, possessive_ending_in_line, push_name_key, strip_possessive, zero_bytes, ShortWords, Word, EACH_BYTE, HIGH_BITS};
use std::borrow::Cow;
use std::ops::Range;

/// A name candidate: the name's words (titles peeled off) in one sentence.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub sentence: usize,
    /// The name as written, without a possessive ending.
    pub span: Span,
    /// Where the name lies in [`Candidates::names`]: its words as written (the last without its possessive
    /// ending, an initial with its period), joined by spaces; no word holds white space, so `split(' ')` gives
    /// them back.
    pub name: Range<usize>,
    /// How many words `name` has.
    pub parts: usize,
    /// A name of one word that is no connector or suffix ("van", "Jr"), as the run's keys tell: its form is its key,
    /// without the key tested again. False when not known (a headline's word).
    pub plain_word: bool,
    /// Where the look-up keys of `name`'s words lie in [`Candidates::keys`]: one key a word, in order, joined by
    /// spaces (a key holds none).
    pub keys: Range<usize>,
    /// All evidence for the name: its words and its context.
    pub evidence: f64,
    /// The part of `evidence` that comes from the context (a title, a speech verb, an apposition…).
    pub context: f64,
    /// Where the role the text gives the name lies in [`Candidates::roles`], if it gives one.
    pub role: Option<Range<usize>>,
    /// From a headline in capitals or Title Case: only a mention of a person named elsewhere.
    pub headline: bool,
    /// The first word of its sentence, where capitals say nothing.
    pub opens_sentence: bool,
    /// A courtesy title before the name: "Mr." or "Mrs.".
    pub gender: Option<Gender>,
}

/// The candidates of a document, their names in one buffer and the look-up keys of their words in another: each
/// word is keyed once, when its run is, not again for every step that reads its candidate, and a name is written
/// without an allocation of its own.
#[derive(Default)]
pub(super) struct Candidates {
    pub list: Vec<Candidate>,
    /// Every candidate's name ([`Candidate::name`]), one candidate after another.
    names: String,
    /// Every candidate's keys ([`Candidate::keys`]), one candidate after another.
    keys: String,
    /// The candidates' roles ([`Candidate::role`]): written once here, not each in a `String` of its own, and shared
    /// by the names a plural role goes with.
    roles: String,
}

impl Candidates {
    /// Room for the candidates of a text of `len` bytes, so that the buffers are made once rather than grown by
    /// doubling, a copy each time: in news copy there is a candidate in every 85 to 100 bytes, and their names take
    /// about a tenth of the text (a fifth to a half in the shortest pieces), their keys as much, their roles less.
    /// A sixth of the text for the names and for the keys leaves fewer pieces to grow them than an eighth did.
    pub fn for_text(len: usize) -> Candidates {
        Candidates { list: Vec::with_capacity(len / 64), names: String::with_capacity(len / 6), keys: String::with_capacity(len / 6), roles: String::with_capacity(len / 16) }
    }

    /// The role the text gives `candidate`, if any.
    pub fn role(&self, candidate: &Candidate) -> Option<&str> {
        self.roles.get(candidate.role.clone()?)
    }

    /// The name of `candidate`. Sliced in line (`text_slice`): asked 2.7K times a corpus round, where the call of
    /// the slice by a `Range` took more (in V8, 85K instructions fewer a round, +25 B gzip).
    pub fn name(&self, candidate: &Candidate) -> &str {
        text_slice(&self.names, candidate.name.start, candidate.name.end)
    }

    /// The look-up keys of the words of `candidate`'s name joined by spaces, as [`Candidates::keys_of`] gives them.
    pub fn joined_keys(&self, candidate: &Candidate) -> &str {
        self.keys.get(candidate.keys.clone()).unwrap_or("")
    }

    /// The look-up keys of the words of `candidate`'s name, in order: [`name_key`] of each word of its `name`.
    pub fn keys_of<'a>(&'a self, candidate: &Candidate) -> impl Iterator<Item = &'a str> {
        let mut rest = self.keys.get(candidate.keys.clone());
        std::iter::from_fn(move || {
            let keys = rest?;
            match keys.bytes().position(|b| b == b' ') {
                Some(space) => {
                    rest = keys.get(space + 1..);
                    keys.get(..space)
                }
                None => rest.take(),
            }
        })
    }
}

/// Connecting words inside names: "Ludwig van Beethoven", "Osama bin Laden", "Joaquin del Olmo".
const NAME_CONNECTORS: &[&str] =
    &["van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "des", "la", "le", "bin", "al", "ibn", "ter", "dos", "das", "do", "y", "zu", "el"];

/// Name suffixes that are not the surname: "Martin Luther King Jr.", "Elizabeth II".
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Country abbreviations that modify roles and are never names: "U.S. negotiators", "UN envoy".
pub(super) const COUNTRY_ABBREVIATIONS: &[&str] = &["u.s", "us", "u.k", "uk", "un", "u.n", "eu", "e.u", "u.s.a", "usa", "uae", "u.a.e"];

/// First words of place names: "East Stirling", "New Brunswick", "Port Elizabeth".
const PLACE_PREFIXES: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new", "san", "santa",
    "santo", "sao", "st", "saint", "port", "fort", "mount", "mt", "lake", "cape", "upper", "lower", "great", "greater",
    "los", "las", "el", "le", "la",
];

/// Lower-case nouns that make the name before them part of a place or institution: "Charles de Gaulle
/// airport", "Lincoln memorial".
const EPONYM_HEADS: &[&str] = &[
    "airport", "street", "avenue", "road", "boulevard", "square", "bridge", "stadium", "arena", "university", "college",
    "school", "hospital", "foundation", "institute", "center", "centre", "museum", "prize", "award", "trophy", "cup",
    "memorial", "park", "hall", "building", "tower", "station", "library", "theatre", "theater", "doctrine", "index",
];

/// Kinship nouns: "his wife Hillary", "Trump's son Eric", "Clinton's daughter".
const KINSHIP: &[&str] = &[
    "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "widower", "uncle", "aunt",
    "nephew", "niece", "cousin", "grandson", "granddaughter", "grandfather", "grandmother", "girlfriend", "boyfriend",
    "fiancee", "fiancé", "fiancée", "fiance", "stepfather", "stepmother", "stepson", "stepdaughter", "mom", "dad",
];

/// Short words that stay in lower case in a Title Case headline: "Head to Russia After Productive Talks".
const TITLE_CASE_FUNCTION_WORDS: &[&str] =
    &["a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "as", "vs", "v", "but", "nor", "into", "over", "via"];

/// Words that open sentences ("The…", "He said…", "In 2019…"), the most frequent first, which, alone, [`peel`] takes
/// off as common words, leaving no name. None is longer than three letters, so that a longer word (most names) is
/// told none of them by its length alone.
const OPENING_WORDS: &[&str] = &["the", "he", "a", "we", "in", "it", "but", "she", "and", "if", "as", "one", "you", "his", "no", "for", "to", "an", "on", "by", "at"];

/// How strongly a word is known as a given name: 2 known, 1 known but also a common word ("Will", "Mark").
pub(super) fn given_name_strength(key: &str) -> u8 {
    lexicons().entry(key).given_name_strength()
}

/// The title a word is, if any: "President", "Mr", "Sen" (abbreviations included).
pub(super) fn title_kind(key: &str) -> Option<TitleKind> {
    lexicons().entry(key).title_kind()
}

/// A title written capitalised before a name: an office, honorific or abbreviation (role nouns like
/// "striker" count only in lower case, where they cannot be part of a name).
fn is_capital_title(entry: &Entry) -> bool {
    matches!(entry.title_kind(), Some(TitleKind::Office | TitleKind::Honorific | TitleKind::Abbreviation))
}

/// Places, nationalities and country abbreviations: never a person's name on their own.
pub(super) fn is_place_like(key: &str) -> bool {
    is_place_like_entry(key, &lexicons().entry(key))
}

/// [`is_place_like`] for a key already looked up.
pub(super) fn is_place_like_entry(key: &str, entry: &Entry) -> bool {
    entry.is_place_or_nationality() || is_country_abbreviation(key)
}

/// A common English word ("Will", "Mark", "Brown" are, as well as names).
pub(super) fn is_common_word(key: &str) -> bool {
    lexicons().common_words.contains(key)
}

/// A word that ends organisations, places, events or works, by what the lists say of it: one look-up.
fn ends_non_person(lex: &Lexicons, entry: &Entry) -> bool {
    lex.non_person_heads.holds(entry) | lex.organizations.holds(entry)
}

/// Whether a word has a letter: `letters(s) > 0`, answered at the first letter.
fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// Letters of a word, for telling initials ("P") and short capitals ("UN") apart from words.
pub(super) fn letters(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphabetic).count();
    }
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// A word that can be part of a name: capitalised, not a number, not an acronym in capitals ("NATO").
#[inline(always)]
fn is_name_word(text: &str, word: &Word) -> bool {
    // Asked of every word: most are not capitalised, and are answered without a call (in the Wasm too, where a
    // mere `#[inline]` left a call a word).
    word.capitalized && !word.numeric && has_name_shape(text, word)
}

/// [`is_name_word`] for a capitalised word that is not a number.
#[inline(never)]
fn has_name_shape(text: &str, word: &Word) -> bool {
    // Read as bytes: a word's span lies on character boundaries, and the tests below look for ASCII bytes.
    let bytes = text.as_bytes().get(word.span.start..word.span.end).unwrap_or(b"");
    // More than two letters, told at once when the first three bytes are ASCII letters ("NATO", "CNN").
    let three_letters = |bytes: &[u8]| matches!(bytes, [a, b, c, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic());
    if word.all_caps && (three_letters(bytes) || letters(word.span.slice(text)) > 2) {
        return false;
    }
    // "Hong Kong-based", "Tory-led": a lower-case part after the last hyphen makes an adjective. Most words have
    // no hyphen, nor the last byte of "‐" (E2 80 90): those skip the search.
    if has_hyphen_byte(text.as_bytes(), word.span.start, bytes) && is_hyphenated_adjective(word.span.slice(text)) {
        return false;
    }
    // The pronoun "I" is a capital letter without the period of an initial.
    !(bytes == b"I" && text.as_bytes().get(word.span.end) != Some(&b'.'))
}

/// Whether `word`, the bytes of `text` from `start`, holds a hyphen ("-") or the last byte of "‐" (E2 80 90). A word
/// of at most eight bytes, as most are, is read from the text as one number, its bytes tested together rather than
/// one by one (the bytes after it masked off: a zero byte is neither); a word of nine to sixteen bytes as its first
/// and its last eight bytes, which overlap (one by one, such a word's bytes took 5.5 turns of a loop whose end was
/// mispredicted).
fn has_hyphen_byte(text: &[u8], start: usize, word: &[u8]) -> bool {
    let hyphens = |bytes: u64| zero_bytes(bytes ^ (u64::from(b'-') * EACH_BYTE)) | zero_bytes(bytes ^ (0x90 * EACH_BYTE));
    if let (9..=16, Some(first), Some(last)) = (word.len(), word.first_chunk::<8>(), word.last_chunk::<8>()) {
        return hyphens(u64::from_le_bytes(*first)) | hyphens(u64::from_le_bytes(*last)) != 0;
    }
    let eight = text.get(start..start.saturating_add(8)).filter(|_| word.len() <= 8).and_then(|eight| <[u8; 8]>::try_from(eight).ok());
    let Some(eight) = eight else { return word.iter().any(|&b| b == b'-' || b == 0x90) };
    // The word's bytes, the first the least significant; `word.len() * 8` is at most 64.
    let bytes = u64::from_le_bytes(eight) & u64::MAX.checked_shr(64 - word.len() as u32 * 8).unwrap_or(0);
    hyphens(bytes) != 0
}

/// Whether the part of `word` after its last hyphen ("-" or "‐") starts in lower case: "Hong Kong-based",
/// "Tory-led". Out of line: few words have a hyphen, and [`has_name_shape`], asked of every capitalised word,
/// keeps fewer registers to save without the split.
#[inline(never)]
fn is_hyphenated_adjective(word: &str) -> bool {
    word.rsplit(['-', '‐']).next().is_some_and(|part| part.len() < word.len() && part.chars().next().is_some_and(char::is_lowercase))
}

/// An initial: one capital letter followed by a period ("P. Simmons") or a dotted pair ("J.R").
fn is_initial(text: &str, word: &Word) -> bool {
    // A longer word is neither one letter (at most 4 bytes) nor a dotted pair: told by its span, before it is
    // sliced out.
    if word.span.end.saturating_sub(word.span.start) > 5 {
        return false;
    }
    let s = word.span.slice(text);
    // One letter: one ASCII byte, or one character of more (a lead byte first); decoded only then.
    let one_letter = match s.as_bytes() {
        [byte] => byte.is_ascii_alphabetic(),
        [lead, ..] if *lead >= 0x80 => {
            let mut chars = s.chars();
            chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
        }
        _ => false,
    };
    let followed_by_period = text.as_bytes().get(word.span.end) == Some(&b'.');
    (one_letter && followed_by_period)
        || (s.bytes().any(|b| b == b'.') && s.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase)))
}

/// Whether the word `span` of `text` has a possessive ending ("Putin’s", "Obama's", "Jones'", "Jones’"), told by its
/// last bytes ("’" is E2 80 99): [`strip_possessive`] would shorten it, or it ends in "s" and an apostrophe.
#[inline(always)]
fn is_possessive(text: &[u8], span: Span) -> bool {
    // The four bytes of the text that end the word as one number, the last the least significant, and those before
    // a shorter word masked off (a zero byte is none of the marks): compared with each ending at once, without a
    // branch on the word's letters or its length. Where a word of fewer than four bytes was folded byte by byte,
    // the branch on its length mispredicted about 4K times a corpus round natively.
    let four = span.end.checked_sub(4).and_then(|from| text.get(from..span.end)).and_then(<[u8]>::first_chunk::<4>);
    let tail = match four {
        Some(four) => u32::from_be_bytes(*four),
        None => leading_tail(text.get(span.start..span.end).unwrap_or_default()),
    };
    // The word's last `len` bytes kept, all four from four on: the low 32 bits of 2 to the `8 * len` less one, or
    // of 2 to more than 32 less one (`8 * (len % 4) + 32`). By arithmetic alone, where `len.min(4)` was a branch
    // natively, mispredicted 1.9K times a corpus round in `run_end`.
    let len = span.len();
    let tail = tail & ((1u64 << (8 * (len & 3) + 32 * usize::from(len >= 4))) - 1) as u32;
    let two = tail & 0xFFFF;
    // "'s", "s'", "s’", and "’s" or "’S" (0x20 makes "S" "s" and leaves "s" as it is).
    (two == u32::from_be_bytes([0, 0, b'\'', b's'])) | (two == u32::from_be_bytes([0, 0, b's', b'\'']))
        | (tail == u32::from_be_bytes([b's', 0xE2, 0x80, 0x99]))
        | (tail | 0x20 == u32::from_be_bytes([0xE2, 0x80, 0x99, b's']))
}

/// The bytes of `word`, a word within four bytes of the text's start, as one number, the last the least
/// significant. Out of line: [`is_possessive`], in line where it is asked, reads all other words' bytes from the
/// text.
#[inline(never)]
fn leading_tail(word: &[u8]) -> u32 {
    word.iter().fold(0, |tail, &b| tail << 8 | u32::from(b))
}

/// The length of a name's last word as the name writes it: without a possessive ending ([`strip_possessive`]) and
/// the apostrophes after it ("Jones’" → "Jones"). Counted on the bytes ("’" is E2 80 99), which cut on character
/// boundaries: no character ends in E2 80 99 but "’", nor in "'" but "'".
fn bare_len(word: &[u8]) -> usize {
    let mut len = word.len() - possessive_ending(word);
    loop {
        match word.get(..len) {
            Some([.., b'\'']) => len -= 1,
            Some([.., 0xE2, 0x80, 0x99]) => len -= 3,
            _ => return len,
        }
    }
}

/// [`bare_len`] of a name's last word, told without the call for a word whose last byte ends neither a possessive
/// ending nor an apostrophe ("s", "S", "'", or the last byte of "’"), as most names' last words: such a word is
/// written whole. Other bytes that the test lets through too (with 0x20 set, it takes "\x07" for "'" and 0xB9 for
/// 0x99) are only measured by the call, which is exact. In line in `push_run`: `bare_len` 183K → 69K a corpus round
/// in V8, for 47K more instructions in `push_run`.
#[inline(always)]
fn written_len(word: &[u8]) -> usize {
    let last = word.last().map_or(b's', |&byte| byte | 0x20);
    if (last == b's') | (last == b'\'') | (last == 0xB9) {
        return bare_len(word);
    }
    word.len()
}

/// The bytes `start..end` of `text` as a `str`, or "" where `text.get(start..end)` is `None`: read as the text up
/// to `end`, then that from `start`, two one-sided slices the compiler keeps in line, where a slice by a `Range` was
/// a call in the Wasm. Asked of every word a run keys ([`RunKeys::fill`]), of the neighbours of a name the run does
/// not key ([`Neighbour`]), of every name written ([`push_name`]) and read ([`Candidates::name`]). In V8, a corpus
/// round: for `fill`, the calls' cost 269K went and `push_run` took 143K more; for the others, 368K went and the
/// callers took 250K more (251K instructions fewer in all; the rest, mispredicts of the copies' tests). Up to `end`
/// first: no length to work out, 92 B less gzip for four copies than the slice from `start` first, and 58K fewer
/// instructions. In a function of its own, the call cost more than the slice.
#[inline(always)]
fn text_slice(text: &str, start: usize, end: usize) -> &str {
    text.get(..end).and_then(|head| head.get(start..)).unwrap_or("")
}

/// The bytes between two words of a sentence, `a` before `b`: compared with a few ASCII shapes, they need no
/// check of character boundaries, which words' ends have.
fn gap_bytes<'t>(text: &'t str, a: &Word, b: &Word) -> Option<&'t [u8]> {
    text.as_bytes().get(a.span.end..b.span.start)
}

/// Whether two name words separated by `gap` belong to one name: one space (a line break inside a sentence
/// too, as wire copy wraps lines), or a period and a space after an initial or a title abbreviation ("J. R. R.
/// Tolkien", "Mr. Putin").
fn joins(text: &str, gap: &[u8], current: &Word) -> bool {
    // "\u{a0}" is C2 A0.
    if matches!(gap, b" " | b"\xC2\xA0" | b"\n" | b"\r\n") {
        return true;
    }
    if matches!(gap, b". " | b"." | b".\xC2\xA0") {
        let mut buffer = String::new();
        return is_initial(text, current) || matches!(title_kind(name_key(current.span.slice(text), &mut buffer)), Some(TitleKind::Abbreviation | TitleKind::Honorific));
    }
    false
}

/// A headline rather than prose: mostly capitals ("SHEARER NAMED AS ENGLAND CAPTAIN"), or Title Case with
/// capitalised common words and no lower-case word but short function words ("U.S. Negotiators Head to Russia
/// After Productive Ukraine Talks"). Names in headlines are taken only when the text names them elsewhere.
#[inline(never)]
fn is_headline(text: &str, words: &[Word], has_capitals: bool, buffer: &mut String) -> bool {
    let alphabetic = || words.iter().filter(|w| !w.numeric && has_letter(w.span.slice(text)));
    // Most sentences have no word in capitals, and need no counting; in most others, the words in capitals are
    // outnumbered by the words that start with an ASCII letter (each has a letter), which is quicker to count.
    // The tokenizer has noted the sentences with none (`has_capitals` false), and these are not read for one.
    let first_in_capitals = if has_capitals { words.iter().position(|w| w.all_caps && !w.numeric) } else { None };
    let mostly_capitals = match first_in_capitals {
        None => false,
        Some(first_in_capitals) => {
            // Twice the words in capitals exceed the lettered words when 2 a word, less 2 for one in capitals, plus 1
            // for a lettered one, comes to less than twice the number of words. No word takes anything off the sum,
            // so the count stops once it is reached: in most sentences, well before their end. The words before the
            // first in capitals, already passed, count 2 each at first; their lettered ones are added only if the sum
            // stays short of the limit.
            let limit = 2 * words.len();
            let mut spent = 2 * first_in_capitals;
            let lettered = |word: &Word| match word.numeric {
                true => 0,
                false => usize::from(text.as_bytes().get(word.span.start).is_some_and(u8::is_ascii_alphabetic)),
            };
            for word in words.get(first_in_capitals..).unwrap_or_default() {
                spent += 2 + lettered(word) - 2 * usize::from(word.all_caps && !word.numeric);
                if spent >= limit {
                    break;
                }
            }
            if spent < limit {
                spent += words.get(..first_in_capitals).unwrap_or_default().iter().map(lettered).sum::<usize>();
            }
            spent < limit
        }
    };
    if mostly_capitals {
        let (mut count, mut capitals) = (0, 0);
        for word in alphabetic() {
            count += 1;
            capitals += usize::from(word.all_caps && letters(word.span.slice(text)) > 1);
        }
        if count >= 2 && capitals * 2 > count {
            return true;
        }
    }
    // A lower-case word that is not a short function word ends it, and most sentences have one early: the
    // capitalised words are looked up only when none has. The words that open the sentence and are passed over are
    // told at once ([`passed_over`]).
    for word in words.get(passed_over(words)..).unwrap_or_default().iter().filter(|w| !w.capitalized && !w.numeric) {
        // A word of lower-case ASCII letters, as most are, is its own key (and the same with capitals folded): told
        // without decoding characters, nor slicing it out as a `str` (a call in the Wasm, which checks character
        // boundaries).
        let bytes = text.as_bytes().get(word.span.start..word.span.end).unwrap_or_default();
        let is_function_word = match bytes {
            [] => continue,
            bytes if is_lower_case_ascii(text.as_bytes(), word.span, bytes) => FUNCTION_WORDS.contains_ignoring_ascii_case(bytes),
            _ => {
                let s = word.span.slice(text);
                if !has_letter(s) {
                    continue;
                }
                keys_to_function_word(s, buffer)
            }
        };
        if !is_function_word {
            return false;
        }
    }
    let lex = lexicons();
    let mut capitalised_common = 0;
    for (k, word) in alphabetic().enumerate() {
        if word.capitalized && k > 0 {
            let key = name_key(word.span.slice(text), buffer);
            let entry = lex.entry(key);
            if lex.common_words.holds(&entry)
                && entry.given_name_strength() == 0
                && entry.surname_strength() == 0
                && !is_place_like_entry(key, &entry)
            {
                capitalised_common += 1;
            }
        }
    }
    capitalised_common >= 2
}

/// How many of the first four words of `words` [`is_headline`]'s search for a lower-case word passes over before
/// its first (each capitalised or a number), told from their flags at once: one by one, the search's test was
/// mispredicted 2.7K times a corpus round in V8, as sentences open with one, two or three capitalised words. 0 for
/// fewer than four words, which the search reads whole.
fn passed_over(words: &[Word]) -> usize {
    let Some(four) = words.first_chunk::<4>() else { return 0 };
    let passed = |k: usize| four.get(k).map_or(0u32, |w| u32::from(w.capitalized | w.numeric) << k);
    (passed(0) | passed(1) | passed(2) | passed(3)).trailing_ones() as usize
}

/// Whether `word`, the bytes of the word `span` of `text`, are all lower-case ASCII letters. A word of one to
/// sixteen bytes is read as the text's eight bytes from its start and the eight that end it, or from its start again
/// when it is shorter (those after it masked off), its bytes tested together: a byte at a time, the test ended at the
/// word's end, a branch the predictor could not learn (`is_headline` in V8, a corpus round: 9.8K → 5.3K mispredicts
/// for 76K more instructions).
fn is_lower_case_ascii(text: &[u8], span: Span, word: &[u8]) -> bool {
    let len = word.len();
    let eight = |at: usize| text.get(at..at.saturating_add(8)).and_then(<[u8]>::first_chunk::<8>).map(|eight| u64::from_le_bytes(*eight));
    match (eight(span.start), eight(span.start + len.max(8) - 8)) {
        (Some(head), Some(tail)) if (1..=16).contains(&len) => {
            let wanted = HIGH_BITS >> (8 * (8 - len.min(8)));
            lower_case_bytes(head) & lower_case_bytes(tail) & wanted == wanted
        }
        _ => word.iter().all(u8::is_ascii_lowercase),
    }
}

/// One of [`TITLE_CASE_FUNCTION_WORDS`].
fn is_title_case_function_word(key: &str) -> bool {
    FUNCTION_WORDS.contains(key)
}

/// Whether the [`name_key`] of `word` is one of [`TITLE_CASE_FUNCTION_WORDS`]. An ASCII word's key is the word in
/// lower case without a possessive ending or periods at its end: it is told without writing the key, and a word
/// longer than any function word ("president", "said") at once. Most lower-case words are ASCII.
fn keys_to_function_word(word: &str, buffer: &mut String) -> bool {
    if !word.is_ascii() {
        return is_title_case_function_word(name_key(word, buffer));
    }
    let bare = strip_possessive(word).trim_end_matches('.');
    FUNCTION_WORDS.contains_ignoring_ascii_case(bare.as_bytes())
}

const FUNCTION_WORDS: ShortWords<{ TITLE_CASE_FUNCTION_WORDS.len() }> = ShortWords::new(TITLE_CASE_FUNCTION_WORDS);

/// Whether a run of the one word `word` holds no name whatever its context, told by its bytes alone: one of
/// [`OPENING_WORDS`], in any case of ASCII letters ("The", "He", "IN"). Most runs of one word that hold no name are
/// a capitalised word opening its sentence: [`push_run`] would key each, look it up and peel it off, to find nothing.
/// `alone`: whether the run is that one word; a longer run is told none, by a code with its top bit set, which no
/// listed word's has (its length, at most seven, is its top byte), and the answer is one comparison
/// ([`ShortLists::has`]): where `alone & …` was tested, then the slot's bit, then its code, each a branch (in V8, a
/// corpus round: 3.5K mispredicts there → 0.9K, `find_candidates` 81K instructions more).
fn is_never_a_name(text: &str, word: &Word, alone: bool) -> bool {
    // 0x20 makes an ASCII capital its lower-case letter, and no byte but the two cases of a letter that letter.
    let code = word_code(text.as_bytes(), word, 0x2020_2020_2020_2020) | u64::from(!alone) << 63;
    SHORT_LISTS.has(code, OPENER)
}

/// The [`short_code`](crate::tokens::short_code) of `word`, a word of `text`, its bytes ORed with those of `fold`; 0, no listed word's code,
/// when it is longer than seven bytes. Read as eight bytes of the text from the word's start and masked to its
/// length: no loop over its bytes, nor a branch on its length. In line: asked of every run, and of the word after
/// most, where the call took about as many instructions in the Wasm as the code.
#[inline(always)]
fn word_code(text: &[u8], word: &Word, fold: u64) -> u64 {
    let len = word.span.end.saturating_sub(word.span.start);
    let at = word.span.start;
    let eight = match text.get(at..at.saturating_add(8)).and_then(<[u8]>::first_chunk::<8>) {
        Some(eight) => u64::from_le_bytes(*eight),
        None => chunk_near_end(text, at),
    };
    short_code_of(eight | fold, len)
}

/// [`crate::tokens::chunk_at`] for a word within eight bytes of the text's end. Out of line: few words are, and
/// [`word_code`] is in line where it is asked.
#[inline(never)]
fn chunk_near_end(text: &[u8], at: usize) -> u64 {
    crate::tokens::chunk_at(text, at)
}

/// The [`ShortLists`] bits of `word` as written: 0 for a word in none of the lists.
fn short_lists_of(word: &str) -> u8 {
    // Its first eight bytes read at once, or fewer as overlapping words, where [`short_code`](crate::tokens::short_code)
    // took them one by one, its loop ending at a length the predictor could not learn: asked of the keys the roles
    // and the merge read, it was 1% of the Wasm's cost.
    let bytes = word.as_bytes();
    let eight = bytes.first_chunk::<8>().map_or_else(|| crate::entry_key::tail_word(bytes), |eight| u64::from_le_bytes(*eight));
    SHORT_LISTS.lists(short_code_of(eight, bytes.len()))
}

/// The [`short_code`](crate::tokens::short_code) of a word of `len` bytes whose first eight bytes (fewer are padded with anything) are
/// `eight`, the first the least significant; 0 when `len` is more than seven.
fn short_code_of(eight: u64, len: usize) -> u64 {
    // A longer word's code is 0 whatever these are: its length needs no `min`, which was a branch natively
    // (mispredicted 1.2K times a corpus round in `run_end`).
    let kept = (1u64 << (8 * (len & 7))) - 1;
    let code = (eight & kept) | (len as u64) << 56;
    if len <= 7 { code } else { 0 }
}

/// [`ShortLists`] bit: one of [`NAME_CONNECTORS`].
const CONNECTOR: u8 = 1;
/// [`ShortLists`] bit: one of [`SUFFIXES`].
const SUFFIX: u8 = 2;
/// [`ShortLists`] bit: one of [`COUNTRY_ABBREVIATIONS`].
const COUNTRY: u8 = 4;
/// [`ShortLists`] bit: one of [`OPENING_WORDS`].
const OPENER: u8 = 8;

/// The words of the short lists a run's words are told in or out of, each at the slot a perfect hash of its
/// [`short_code`](crate::tokens::short_code) gives: a word is told by one comparison with the one word at its slot,
/// where a test of its length and first letter, then a search of a list, were branches on its letters.
struct ShortLists {
    codes: [u64; 128],
    /// The lists the word at each slot is in, as bits ([`CONNECTOR`], [`SUFFIX`], [`COUNTRY`], [`OPENER`]).
    lists: [u8; 128],
}

/// The short lists, by their codes.
const SHORT_LISTS: ShortLists =
    ShortLists::new(&[(NAME_CONNECTORS, CONNECTOR), (SUFFIXES, SUFFIX), (COUNTRY_ABBREVIATIONS, COUNTRY), (OPENING_WORDS, OPENER)]);

impl ShortLists {
    /// A multiplier that sends each listed word's code to a slot of its own (found by trying odd numbers at random;
    /// [`ShortLists::new`] checks it when the crate is built).
    const MULTIPLIER: u64 = 0x7d97_1b32_edb1_85ff;

    /// The slot of the word whose code is `code`: the top seven bits of its product with the multiplier.
    const fn slot(code: u64) -> usize {
        (code.wrapping_mul(Self::MULTIPLIER) >> 57) as usize
    }

    /// The words of `lists`, each list with its bit.
    const fn new(lists: &[(&[&str], u8)]) -> ShortLists {
        let (mut codes, mut bits) = ([0; 128], [0; 128]);
        let mut l = 0;
        while l < lists.len() {
            let (words, bit) = lists[l];
            let mut k = 0;
            while k < words.len() {
                let code = crate::tokens::short_code(words[k]);
                assert!(words[k].len() <= 7, "a listed word is at most seven bytes");
                let slot = Self::slot(code);
                assert!(bits[slot] == 0 || codes[slot] == code, "no two listed words share a slot");
                codes[slot] = code;
                bits[slot] |= bit;
                k += 1;
            }
            l += 1;
        }
        ShortLists { codes, lists: bits }
    }

    /// Whether the word whose code is `code` is in the list whose bit is `bit`: its code and the slot's, and the
    /// slot's bits without `bit`, compared with 0 at once, where `lists(code) & bit != 0` was two branches (LLVM
    /// tests the slot's bit first, then its code).
    fn has(&self, code: u64, bit: u8) -> bool {
        let slot = Self::slot(code);
        let (Some(&listed), Some(&lists)) = (self.codes.get(slot), self.lists.get(slot)) else { return false };
        (listed ^ code) | u64::from(!lists & bit) == 0
    }

    /// The lists the word whose code is `code` (0 for none) is in, as bits.
    fn lists(&self, code: u64) -> u8 {
        let slot = Self::slot(code);
        let (Some(&listed), Some(&lists)) = (self.codes.get(slot), self.lists.get(slot)) else { return 0 };
        if listed == code { lists } else { 0 }
    }
}

/// A list of words each at a slot of its own, by a hash of its length and its first, middle and last bytes (its
/// [`word_shape`]): a word is told none by one comparison of eight more bits of the hash with those of the word at
/// its slot, as most are, and compared with that word only if they are the same. A test of the word's first
/// letter, then a walk from its slot to the next empty one comparing the words there, were branches that went as
/// the words did: 1.3 mispredicts a look-up in V8, where now 0.2 are (the look-ups' cost in V8, 640K a corpus
/// round → 345K).
pub(super) struct WordTable {
    words: &'static [&'static str],
    /// 0 for an empty slot, else the index + 1 of the word placed there.
    slots: [u8; WordTable::SLOTS],
    /// The tag ([`WordTable::place`]) of the word placed at each slot, 0 at an empty one.
    tags: [u8; WordTable::SLOTS],
    /// The odd number whose product with a word's [`word_shape`] places it. Found for each list by trying odd
    /// numbers at random (`data/build/word_table_multiplier.py LIST`); [`WordTable::new`] checks it when the crate
    /// is built.
    multiplier: u64,
}

/// What places a word in a [`WordTable`]: its length and its first, middle and last bytes, as one number; 0 for an
/// empty word.
const fn word_shape(word: &[u8]) -> u64 {
    let (_, back) = word.split_at(word.len() / 2);
    match (word.first(), back.first(), word.last()) {
        (Some(&first), Some(&middle), Some(&last)) => word.len() as u64 | (first as u64) << 8 | (middle as u64) << 16 | (last as u64) << 24,
        _ => 0,
    }
}

impl WordTable {
    /// How many slots a table has: about twice as many as its words, so that a multiplier that gives each word its
    /// own is found in a few thousand tries.
    const SLOTS: usize = 64;

    /// The slot and the tag of `word`: the top six bits of its shape times the multiplier, and the eight below them.
    const fn place(word: &[u8], multiplier: u64) -> (usize, u8) {
        let hash = word_shape(word).wrapping_mul(multiplier);
        ((hash >> 58) as usize, (hash >> 50) as u8)
    }

    /// The table of `words`, placed by `multiplier`.
    pub(super) const fn new(words: &'static [&'static str], multiplier: u64) -> WordTable {
        assert!(words.len() < Self::SLOTS, "fewer words than slots");
        let (mut slots, mut tags) = ([0; Self::SLOTS], [0; Self::SLOTS]);
        let mut k = 0;
        while k < words.len() {
            assert!(!words[k].is_empty(), "no listed word is empty");
            let (slot, tag) = Self::place(words[k].as_bytes(), multiplier);
            assert!(slots[slot] == 0, "two listed words share a slot: find the list a multiplier with data/build/word_table_multiplier.py");
            slots[slot] = k as u8 + 1;
            tags[slot] = tag;
            k += 1;
        }
        WordTable { words, slots, tags, multiplier }
    }

    /// Whether `word` is one of the list.
    pub(super) fn contains(&self, word: &str) -> bool {
        let (slot, tag) = Self::place(word.as_bytes(), self.multiplier);
        if self.tags.get(slot) != Some(&tag) {
            return false;
        }
        // An empty slot (its tag 0, as some words' are) holds no word.
        let listed = self.slots.get(slot).and_then(|&index| usize::from(index).checked_sub(1)).and_then(|k| self.words.get(k));
        listed.is_some_and(|listed| listed.as_bytes() == word.as_bytes())
    }
}

const KINSHIP_WORDS: WordTable = WordTable::new(KINSHIP, 0x7159_9816_b74a_7c19);
const EPONYM_WORDS: WordTable = WordTable::new(EPONYM_HEADS, 0x719f_59ae_de37_cc09);
const PLACE_PREFIX_WORDS: WordTable = WordTable::new(PLACE_PREFIXES, 0x2814_c574_6fa3_72a7);

/// One of [`COUNTRY_ABBREVIATIONS`]. Asked of the words before most names ([`is_place_like_entry`]), few of which
/// start with "u" or "e", as every abbreviation does: the others are told none by their first byte, without their
/// code read ([`short_lists_of`], whose branches on the word's length were mispredicted 1.4 times a word in V8).
fn is_country_abbreviation(key: &str) -> bool {
    matches!(key.as_bytes().first(), Some(b'u' | b'e')) && short_lists_of(key) & COUNTRY != 0
}

/// Every country abbreviation starts with "u" or "e" ([`is_country_abbreviation`]).
const _: () = {
    let mut k = 0;
    while k < COUNTRY_ABBREVIATIONS.len() {
        assert!(matches!(COUNTRY_ABBREVIATIONS[k].as_bytes().first(), Some(b'u' | b'e')), "a country abbreviation starts with u or e");
        k += 1;
    }
};

/// Buffers [`find_candidates`] reuses from sentence to sentence.
pub(super) struct Scratch {
    buffer: String,
    before_key: String,
    after_key: String,
    keys: RunKeys,
}

impl Default for Scratch {
    /// Buffers with room for the keys of most words and runs, made once rather than grown by doubling over the
    /// first sentences, a copy each time.
    fn default() -> Scratch {
        let key = || String::with_capacity(32);
        let keys = RunKeys { joined: String::with_capacity(64), words: Vec::with_capacity(8), ascii: false };
        Scratch { buffer: key(), before_key: key(), after_key: key(), keys }
    }
}

/// The sentence [`find_candidates`] reads.
struct Sentence<'t> {
    text: &'t str,
    /// Its index among the document's sentences.
    index: usize,
    span: Span,
    words: &'t [Word],
    /// Whether a word is in capitals and not a number ([`find_candidates`]' `has_capitals`): a name has a word in
    /// capitals only in a sentence that does.
    has_capitals: bool,
}

/// A name peeled off its run, where it lies in its sentence, and the words next to it.
struct Located<'a> {
    /// The name's words.
    words: &'a [Word],
    /// The index in the sentence of its first word.
    first: usize,
    /// The index in the sentence of its last word.
    last: usize,
    before: Option<Neighbour<'a>>,
    after: Option<Neighbour<'a>>,
}

/// Appends the name candidates of one sentence to `out`: a headline's capitalised words one by one
/// ([`push_headline_words`]), in prose the name each run of name words holds ([`push_run`]). Each step is a
/// function of its own, `#[inline(never)]`: in the Wasm, V8 recompiles a hot function whole, in time that grows
/// faster than its size (`summarize_with` in lib.rs). `has_capitals` is false only when no word is in capitals
/// and not a number (`SentenceWords::iter_with_capitals`).
pub(super) fn find_candidates(
    text: &str,
    sentence: usize,
    sentence_span: Span,
    words: &[Word],
    has_capitals: bool,
    scratch: &mut Scratch,
    out: &mut Candidates,
) {
    let headline = is_headline(text, words, has_capitals, &mut scratch.buffer);
    let at = Sentence { text, index: sentence, span: sentence_span, words, has_capitals };
    // The plural role of the last name, with the index of its last word (see [`find_role`]).
    let mut shared_role: Option<(Range<usize>, usize)> = None;
    let mut i = 0;
    while i < words.len() {
        let Some(word) = words.get(i) else { break };
        let capitals_in_headline = headline && word.all_caps && !word.numeric;
        if !is_name_word(text, word) && !capitals_in_headline {
            i += 1;
            continue;
        }
        let (j, next_is_no_part) = run_end(text, words, i, headline);
        let Some(run) = words.get(i..=j) else { break };
        if headline {
            push_headline_words(text, sentence, run, out);
        } else if !is_never_a_name(text, word, j == i) {
            push_run(&at, i, run, scratch, &mut shared_role, out);
        }
        // The word after the run, when known to start none, is passed over too.
        i = j + 1 + usize::from(next_is_no_part);
    }
}

/// Appends the candidate of the run of name words `run`, word `i` onwards of a prose sentence, if a name is left
/// once the words that are not the name are peeled off it ([`peel`]): its name written ([`push_name`]), its
/// evidence weighed ([`name_evidence`], [`shape_evidence`], [`context_evidence`]), its role read ([`find_role`]).
/// `shared_role` is the plural role of the sentence's last candidate, which the next may share.
#[inline(never)]
fn push_run(
    at: &Sentence,
    i: usize,
    run: &[Word],
    scratch: &mut Scratch,
    shared_role: &mut Option<(Range<usize>, usize)>,
    out: &mut Candidates,
) {
    let Scratch { buffer, before_key, after_key, keys } = scratch;
    let text = at.text;
    // The lexicons read once a run, and handed to each step that looks a word up: each call of `lexicons()` tests
    // whether they are built (in V8, a corpus round: `push_run`, `peel` and `name_evidence` 37K fewer, 7 B less).
    let lex = lexicons();
    keys.fill(lex, text, run);
    // Both tests together, without a branch on `i == 0` (mispredicted 1.1K times a corpus round in V8).
    let starts_sentence = (i == 0) & run.first().is_some_and(|word| word.span.start <= at.span.start + 3);
    let Some(peeled) = peel(lex, text, run, keys, starts_sentence) else { return };
    let (core, end) = (peeled.core, peeled.end);
    let Some(name_words) = run.get(core..end) else { return };
    let (Some(first_word), Some(last_word)) = (name_words.first(), name_words.last()) else { return };
    let (first, last) = (i + core, i + end - 1);
    let last_len = written_len(text.as_bytes().get(last_word.span.start..last_word.span.end).unwrap_or(b""));
    let (name, name_keys, plain_word) = push_name(text, name_words, keys, core, last_len, out);
    let span = Span::new(first_word.span.start, last_word.span.start + last_len);
    let opens_sentence = first == 0 && first_word.span.start <= at.span.start + 3;
    // A word peeled off the run ("President Bill Clinton", "Smith Friday") was keyed with it.
    let located = Located {
        words: name_words,
        first,
        last,
        before: Neighbour::before(lex, text, at.words, first, keys.known(core.checked_sub(1)), before_key),
        after: Neighbour::after(lex, text, at.words, last, keys.known(Some(end)), after_key),
    };
    // An initial counts only before another word: a name of one word is not asked.
    let initial_first = name_words.len() > 1 && is_initial(text, first_word);
    let evidence = name_evidence(lex, keys, core..end, initial_first, peeled.looked_up) + shape_evidence(text, &located, at.has_capitals, opens_sentence);
    let titled = peeled.title || title_precedes(located.before.as_ref());
    // What apposition_evidence read after ", ", if it read anything: role_after would read the same.
    let mut after_comma = None;
    let context = context_evidence(at, &located, titled, &mut after_comma, buffer);
    let (role, plural_role, role_context) = find_role(at, &located, titled, shared_role.as_ref(), after_comma.as_ref(), buffer, &mut out.roles);
    let context = context + role_context;
    *shared_role = match (&role, plural_role) {
        (Some(r), true) => Some((r.clone(), last)),
        _ => None,
    };
    out.list.push(Candidate {
        sentence: at.index,
        span,
        name,
        parts: name_words.len(),
        plain_word,
        keys: name_keys,
        evidence: evidence + context,
        context,
        role,
        headline: false,
        opens_sentence,
        gender: peeled.gender,
    });
}

/// Appends the name `name_words`, words `core..` of the run whose keys `keys` holds, to the candidates' names
/// and the keys of its words to their keys; returns where each lies, and whether the name is known to be one
/// word that is no connector or suffix ([`Candidate::plain_word`]). The last word is written `last_len` bytes
/// long ([`bare_len`]: without its possessive ending), an initial with its period.
///
/// Written in stretches, not word by word: the name is the text itself wherever its words lie one space apart,
/// as most do, and the keys of the words before the last are a slice of the run's keys.
#[inline(never)]
fn push_name(text: &str, name_words: &[Word], keys: &RunKeys, core: usize, last_len: usize, out: &mut Candidates) -> (Range<usize>, Range<usize>, bool) {
    let (name_start, keys_start) = (out.names.len(), out.keys.len());
    let Some((last, leading)) = name_words.split_last() else { return (name_start..name_start, keys_start..keys_start, false) };
    // Where the stretch of text not yet copied starts.
    let mut from = leading.first().unwrap_or(last).span.start;
    for (w, next) in leading.iter().zip(name_words.iter().skip(1)) {
        // Read as bytes: the tests below look for ASCII bytes.
        let s = text.as_bytes().get(w.span.start..w.span.end).unwrap_or(b"");
        let gap = gap_bytes(text, w, next).unwrap_or(b"");
        // An initial keeps its period: "M. Butcher", "J.R. Smith". A word with no period before one space is none
        // that lacks it (an initial of one letter is followed by its period).
        let period = match gap {
            b" " if !has_period(s) => false,
            _ => s.last() != Some(&b'.') && is_initial(text, w),
        };
        // The name writes the gap as the text does: one space, or a period and a space after an initial.
        let as_written = match gap {
            b" " => !period,
            b". " => period,
            _ => false,
        };
        if !as_written {
            out.names.push_str(text.get(from..w.span.end).unwrap_or(""));
            if period {
                out.names.push('.');
            }
            out.names.push(' ');
            from = next.span.start;
        }
    }
    out.names.push_str(text_slice(text, from, last.span.start + last_len));
    // Only the last word can be possessive: a key drops nothing else from a word but its periods, so the run's
    // keys of the others are their keys in the name. The run's key of the last word is its key in the name too,
    // unless the name trims more off the word than a key does: then the name's keys are one slice of the run's.
    let s = text.as_bytes().get(last.span.start..last.span.end).unwrap_or(b"");
    let bare = s.get(..last_len).unwrap_or(b"");
    // The run's keys are the name's: what the run knows of them holds for the name.
    let mut plain_word = false;
    // In line: asked of every candidate, where the call took more instructions in the Wasm than the test. A last
    // word written whole, as most are, has no possessive ending ([`bare_len`]) and is told so without the test
    // (`push_name` 1.12M → 0.93M a corpus round in V8: 80 instructions fewer a candidate).
    if last_len == s.len() || (last_len + possessive_ending_in_line(s) == s.len() && possessive_ending_in_line(bare) == 0) {
        out.keys.push_str(keys.joined(core..core + name_words.len()).unwrap_or(""));
        // Both cheap: tested together, not the name's length first.
        plain_word = leading.is_empty() & !keys.is_particle(core);
    } else {
        if !leading.is_empty() {
            out.keys.push_str(keys.joined(core..core + leading.len()).unwrap_or(""));
            out.keys.push(' ');
        }
        push_name_key(text.get(last.span.start..last.span.start + last_len).unwrap_or(""), &mut out.keys);
    }
    (name_start..out.names.len(), keys_start..out.keys.len(), plain_word)
}

/// Whether `bytes` holds a period: read in line without stopping at it, where `contains` was a call to `memchr`
/// for a word of the name in the Wasm.
#[inline(always)]
fn has_period(bytes: &[u8]) -> bool {
    let mut found = false;
    for &byte in bytes {
        found |= byte == b'.';
    }
    found
}

/// Evidence against a name from its shape and the word after it: a lower-case eponym head ("Charles de Gaulle
/// airport"), company letters ("LM Ericsson AB"), a lone word opening its sentence. `has_capitals`: whether the
/// sentence has a word in capitals that is not a number (no word of a name is a number).
fn shape_evidence(text: &str, name: &Located, has_capitals: bool, opens_sentence: bool) -> f64 {
    let mut evidence = 0.0;
    if name.after.as_ref().is_some_and(|a| !a.word.capitalized && EPONYM_WORDS.contains(a.key)) {
        evidence -= 3.0;
    }
    // Most sentences have no word in capitals: their names' words are not read.
    if has_capitals && name.words.len() > 1 && name.words.iter().any(|w| w.all_caps && !is_initial(text, w) && letters(w.span.slice(text)) == 2) {
        // "LM Ericsson AB", "PT Timor": company letters, not initials.
        evidence -= 2.0;
    }
    // A lone capitalised word opening a sentence is weak evidence of anything: 0.5 less, times 1 or 0 (exact),
    // where a branch on it was mispredicted about 1K times a corpus round natively.
    evidence - 0.5 * f64::from(u8::from(opens_sentence & (name.words.len() == 1)))
}

/// Evidence from a name's context: a title (`titled`: peeled off its run or right before it), a speech verb
/// next to it, an apposition ([`apposition_evidence`], which sets `after_comma` as it says), a results-table
/// shape ([`table_evidence`]), a kinship noun before it or after its possessive.
#[inline(never)]
fn context_evidence<'t>(
    at: &Sentence<'t>,
    name: &Located,
    titled: bool,
    after_comma: &mut Option<AfterComma<'t>>,
    buffer: &mut String,
) -> f64 {
    let (text, words) = (at.text, at.words);
    let (before, after) = (name.before.as_ref(), name.after.as_ref());
    let mut context = 0.0;
    if titled {
        context += 3.0;
    }
    if speech_verb_after(after) || speech_verb_before(text, words, name.first, before, buffer) {
        context += 2.0;
    }
    // Most names have a word one space after them, where apposition_evidence finds nothing (no word starts with a
    // bracket): not called for those.
    if after.is_none() {
        context += apposition_evidence(text, words, name.last, at.span.end, after_comma, buffer);
    }
    // A results table has a figure before the name, or after it a figure, a dismissal's word or a bracket: a name
    // with none of these, as most, finds nothing there (with a word one space after it, no bracket follows it: no
    // word starts with one).
    let figure_before = name.first.checked_sub(1).and_then(|k| words.get(k)).is_some_and(|w| w.numeric);
    if figure_before || after.is_none_or(|a| a.word.numeric || may_be_dismissal(a.key)) {
        context += table_evidence(text, words, name.first, name.last, at.span.end, name.words.len(), after, buffer);
    }
    // An empty span for no word: no possessive.
    let possessive = is_possessive(text.as_bytes(), name.words.last().map_or(Span::default(), |w| w.span));
    if is_kinship(before) {
        context += 3.0;
    } else if possessive && is_kinship(after) {
        context += 2.0;
    }
    context
}

/// The role the text gives a name, whether it is plural, and the context evidence finding it adds: a role before
/// the name (3, unless `titled` said as much), the plural role `shared_role` of the name before it shared
/// ("U.S. negotiators Steve Witkoff and Jared Kushner", 2), a role in an apposition after it, or one in an
/// apposition before it (2). `after_comma` is what [`apposition_evidence`] read. The role is written to `roles`
/// (a shared one is not written again), and where it lies there returned.
#[inline(never)]
fn find_role(
    at: &Sentence,
    name: &Located,
    titled: bool,
    shared_role: Option<&(Range<usize>, usize)>,
    after_comma: Option<&AfterComma>,
    buffer: &mut String,
    roles: &mut String,
) -> (Option<Range<usize>>, bool, f64) {
    let (text, words, first) = (at.text, at.words, name.first);
    let start = roles.len();
    let (before, plural) = role_before(text, words, first, name.before.as_ref().map(|b| (b.key, b.entry, b.singular_title)), buffer);
    if let Some(role) = before {
        roles.push_str(role);
        return (Some(start..roles.len()), plural, if titled { 0.0 } else { 3.0 });
    }
    if let Some((shared, shared_end)) = shared_role {
        if *shared_end + 2 == first && words.get(first.wrapping_sub(1)).is_some_and(|w| w.span.slice(text) == "and") {
            return (Some(shared.clone()), false, 2.0);
        }
    }
    let (role, context) = match role_after(text, words, name.last, at.span.end, after_comma, buffer) {
        Some(role) => (Some(role), 0.0),
        None => match role_in_apposition_before(text, words, first, at.span.start, buffer) {
            Some(role) => (Some(role), 2.0),
            None => (None, 0.0),
        },
    };
    let Some(role) = role else { return (None, false, context) };
    role.push_to(roles);
    (Some(start..roles.len()), false, context)
}

/// The index of the last word of the name run starting at `i`: name words joined by spaces, initials'
/// periods and connectors ("van der"); a possessive ends the run ("Shearer's Newcastle team-mate"). With it,
/// whether the word after the run was found to be no part of one: [`find_candidates`] then does not ask again.
#[inline(never)]
fn run_end(text: &str, words: &[Word], i: usize, headline: bool) -> (usize, bool) {
    let mut j = i;
    let is_part = |w: &Word| is_name_word(text, w) || (headline && w.all_caps && !w.numeric);
    loop {
        let Some(current) = words.get(j) else { return (j.saturating_sub(1).max(i), false) };
        if is_possessive(text.as_bytes(), current.span) {
            return (j, false);
        }
        let Some(next) = words.get(j + 1) else { return (j, false) };
        let gap = gap_bytes(text, current, next).unwrap_or(b"");
        let next_is_part = is_part(next);
        if next_is_part && joins(text, gap, current) {
            j += 1;
            continue;
        }
        // Up to two lower-case connectors, then a name word: "Joost van der Westhuizen". The first is `next`, after
        // `gap`, read already. The two tests joined by `&`: whether one space follows the run goes as the text does,
        // and was mispredicted 2.2K times a corpus round natively as the first of `&&`; a connector after it is rare
        // (natively 1.0K mispredicts there now, the connector test in line without a branch).
        if (gap == b" ") & is_connector_word(text, next) {
            let mut k = j + 2;
            if let (Some(before), Some(word)) = (words.get(k - 1), words.get(k)) {
                if matches!(gap_bytes(text, before, word), Some(b" ")) && is_connector_word(text, word) {
                    k += 1;
                }
            }
            if let (Some(before), Some(word)) = (words.get(k - 1), words.get(k)) {
                if matches!(gap_bytes(text, before, word), Some(b" ")) && is_name_word(text, word) {
                    j = k;
                    continue;
                }
            }
        }
        return (j, !next_is_part);
    }
}

/// A headline's capitalised words, each a possible mention of a person named elsewhere in the text.
#[inline(never)]
fn push_headline_words(text: &str, sentence: usize, run: &[Word], out: &mut Candidates) {
    for (k, word) in run.iter().enumerate() {
        let s = word.span.slice(text);
        let bare = s.get(..bare_len(s.as_bytes())).unwrap_or("");
        if letters(bare) < 2 {
            continue;
        }
        let (name_start, keys_start) = (out.names.len(), out.keys.len());
        out.names.push_str(bare);
        push_name_key(bare, &mut out.keys);
        out.list.push(Candidate {
            sentence,
            span: Span::new(word.span.start, word.span.start + bare.len()),
            name: name_start..out.names.len(),
            parts: 1,
            plain_word: false,
            keys: keys_start..out.keys.len(),
            evidence: 0.0,
            context: 0.0,
            role: None,
            headline: true,
            opens_sentence: k == 0,
            gender: None,
        });
    }
}

/// What is left of a run once the words that are not the name are peeled off its left and right.
struct Peeled {
    /// First name word (index into the run).
    core: usize,
    /// One past the last name word.
    end: usize,
    /// A title was peeled: "President", "Mr.", "Coach".
    title: bool,
    gender: Option<Gender>,
    /// The name's words together (two or three) were looked up as a place or organisation while peeling, and are
    /// none ("Marco Rubio"): [`name_evidence`] need not look them up again.
    looked_up: bool,
}

#[inline(never)]
fn peel(lex: &Lexicons, text: &str, run: &[Word], keys: &RunKeys, starts_sentence: bool) -> Option<Peeled> {
    let n = run.len();
    let mut core = 0;
    let mut title = false;
    let mut gender = None;
    while core < n {
        // A place or organisation of two or three words: "New York Yankees", "San Diego Padres". Only the widths
        // the run has left are tried (none for the last word). A key of words has a space, and so is none of the
        // country abbreviations, which [`is_place_like_entry`] would look for too.
        let width = if keys.may_open_stretch(core) {
            (2..=(n - core).min(3)).rev().find(|&w| {
                keys.stretch(core..core + w).is_some_and(|joined| {
                    let entry = lex.entry(&joined);
                    entry.is_place_or_nationality() || lex.organizations.holds(&entry)
                })
            })
        } else {
            None
        };
        if let Some(width) = width {
            core += width;
            continue;
        }
        // The word read once from the run's list, its key sliced out only for a title.
        let Some(word) = keys.words.get(core) else { break };
        let entry = word.entry;
        let given = entry.given_name_strength() > 0;
        let remaining = n - core - 1;
        let is_title = is_capital_title(&entry) && !(given && remaining == 1 && core == 0 && !is_abbreviated(text, run, core));
        if is_title {
            title = true;
            gender = title_gender(keys.joined.get(word.key.clone()).unwrap_or("")).or(gender);
        }
        let surname = entry.surname_strength() > 0;
        let common = lex.common_words.holds(&entry);
        let peel_it = is_title
            || (word.is_place_like() && !given && !(entry.is_ambiguous_place() && remaining == 0 && core > 0))
            || (common && !given && !surname)
            || word.the
            || (core == 0 && starts_sentence && lex.sentence_openers.holds(&entry) && n > 1)
            || (core == 0 && starts_sentence && common && !given && n > 1 && keys.entry(1).given_name_strength() == 2);
        if !peel_it {
            break;
        }
        core += 1;
    }
    if core >= n {
        return None;
    }
    // The stretches of two and three words from here were looked up above and are no place or organisation.
    let stretches_from = core;
    // A title inside the run ends everything before it: "Celtics Coach Joe Mazzulla".
    if n - core > 2 {
        for t in (core + 1..n - 1).rev() {
            let entry = keys.entry(t);
            if is_capital_title(&entry) && entry.given_name_strength() == 0 {
                core = t + 1;
                title = true;
                break;
            }
        }
    }
    // "Fullback Andre Joubert": an unknown word before a known given name is not part of the name.
    if n - core >= 3 {
        let (word, next) = (keys.entry(core), keys.entry(core + 1));
        if word.given_name_strength() == 0 && next.given_name_strength() == 2 && word.surname_strength() == 0 {
            core += 1;
        }
    }
    let mut end = n;
    // Trailing calendar words and nationalities: "Smith Friday" in wire copy.
    while end - core > 1 {
        let entry = keys.entry(end - 1);
        // Three bit tests, combined without a branch each.
        if lex.calendar.holds(&entry) | lex.nationalities.holds(&entry) | keys.is_country_abbreviation(end - 1) {
            end -= 1;
        } else {
            break;
        }
    }
    // A name does not start with a connector word in capitals ("De" alone) nor end with one.
    if (end - core == 1) & keys.is_particle(core) {
        return None;
    }
    let looked_up = core == stretches_from && end == n && (2..=3).contains(&(n - core));
    Some(Peeled { core, end, title, gender, looked_up })
}

/// The gender a title gives ("Mr", "Queen"), if any. Out of line: most runs have no title.
#[inline(never)]
fn title_gender(key: &str) -> Option<Gender> {
    match key {
        "mr" | "sir" | "lord" | "monsieur" | "herr" | "senor" | "señor" | "signor" | "king" | "prince" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "madam" | "madame" | "mme" | "mlle" | "frau" | "senora" | "señora" | "signora" | "queen" | "princess" => Some(Gender::Female),
        _ => None,
    }
}

/// The word is written with a period after it: "Dr. Smith" (an abbreviated title, not a given name).
fn is_abbreviated(text: &str, run: &[Word], k: usize) -> bool {
    run.get(k).is_some_and(|w| text.as_bytes().get(w.span.end) == Some(&b'.'))
}

/// A name suffix ([`SUFFIXES`]): "jr", "iii".
pub(super) fn is_suffix(key: &str) -> bool {
    short_lists_of(key) & SUFFIX != 0
}

/// A connector inside a name ([`NAME_CONNECTORS`]), as written.
pub(super) fn is_connector(word: &str) -> bool {
    short_lists_of(word) & CONNECTOR != 0
}

/// [`is_connector`] of a word of `text`, told by its length and first byte before it is sliced out as a `str`:
/// most words after a name are no connector. In line: asked of the word after every run, where the call took about
/// as many instructions in the Wasm as the test.
#[inline(always)]
fn is_connector_word(text: &str, word: &Word) -> bool {
    SHORT_LISTS.lists(word_code(text.as_bytes(), word, 0)) & CONNECTOR != 0
}

/// Evidence from the name's own words (`name`, a stretch of the run): given names, surnames, initials, and words
/// that are rarely names. `initial_first`: the name's first word is an initial, which counts only in a name of
/// more than one word (a name of one word is not asked). `looked_up`: [`peel`] found the words of `name` together
/// no place or organisation.
#[inline(never)]
fn name_evidence(lex: &Lexicons, keys: &RunKeys, name: Range<usize>, initial_first: bool, looked_up: bool) -> f64 {
    // The words that are neither connectors nor suffixes, read from the run's list as a slice: no bounds check a
    // word.
    let words = || keys.words.get(name.clone()).unwrap_or_default().iter().filter(|w| !w.particle);
    let n = words().count();
    // The evidence in quarters: every weight is a whole number of them, so that the sum is exact and each test adds
    // its weight times 0 or 1, without a branch on the word's lists, which the predictor could not learn.
    let mut quarters: i32 = 0;
    if n == 0 {
        return -5.0;
    }
    if n > 1 {
        let whole = if looked_up { Entry::default() } else { keys.stretch(name.clone()).map(|joined| lex.entry(&joined)).unwrap_or_default() };
        if whole.is_place_or_nationality() || lex.organizations.holds(&whole) {
            return -5.0;
        }
        if words().next().and_then(|w| keys.joined.get(w.key.clone())).is_some_and(|key| PLACE_PREFIX_WORDS.contains(key)) {
            quarters -= 8;
        }
    }
    let several = n > 1;
    let weight = |test: bool, quarters: i32| i32::from(test) * quarters;
    for (k, word) in words().enumerate() {
        let entry = word.entry;
        let given = entry.given_name_strength();
        let surname = entry.surname_strength();
        // Neither a known given name nor a known surname.
        let unnamed = (given == 0) & (surname == 0);
        let place_like = word.is_place_like();
        let common = lex.common_words.holds(&entry);
        let (first, last) = (k == 0, k + 1 == n);
        // "N. Korea", "S. Africa".
        quarters += weight(initial_first & last & several & place_like & unnamed, -12);
        // An initial first counts 1.5; else a given name its strength (1 when it is a common word too, else 2).
        quarters += weight(first & several, if initial_first { 6 } else { i32::from(given) * 4 });
        quarters += weight(!several & (given == 2), 4);
        quarters += weight(last, i32::from(surname) * 2);
        quarters += weight(last & several & ends_non_person(lex, &entry) & (given == 0), -16);
        quarters += weight((k > 0) & !last & unnamed & common, -4);
        quarters += weight(place_like & unnamed, if entry.is_ambiguous_place() { -3 } else { -6 });
        quarters += weight(lex.calendar.holds(&entry), -12);
        quarters += weight(lex.organizations.holds(&entry), -8);
        quarters += weight(common & unnamed, -6);
        quarters += weight(entry.title_kind().is_some() & unnamed, -4);
    }
    quarters += weight(n > 4, -8) + weight(several, 2);
    f64::from(quarters) / 4.0
}

/// The look-up keys of a run's words, each written and looked up once however many checks ask about it: joined
/// by spaces in one buffer, a space before each, so the key of a stretch of words ("new york yankees") is a slice
/// of it.
#[derive(Default)]
struct RunKeys {
    /// The keys, after [`KEYS_PADDING`] (from the first run on: empty before it).
    joined: String,
    /// What is known of each word.
    words: Vec<RunWord>,
    /// Every key is ASCII, so a stretch of them is its own look-up key (see [`RunKeys::stretch`]); not asked of a
    /// run of one word, which has no stretch.
    ascii: bool,
}

/// What [`RunKeys::joined`] starts with: eight bytes, so that the last eight bytes of the buffer hold its last key
/// however short ([`RunKeys::short_code`]), then the space before the first key.
const KEYS_PADDING: &str = "         ";

/// The [`short_code`](crate::tokens::short_code) of "the" ([`RunWord::the`]).
const THE: u64 = crate::tokens::short_code("the");

/// One word of a run, as [`RunKeys`] holds it.
struct RunWord {
    /// Where the word's key lies in [`RunKeys::joined`].
    key: Range<usize>,
    /// The word's entry in the lexicons.
    entry: Entry,
    /// The hash its key was looked up by, for [`RunKeys::may_open_stretch`].
    hash: u64,
    /// A connector or suffix ([`is_particle`]).
    particle: bool,
    /// One of [`COUNTRY_ABBREVIATIONS`]: with `entry`, whether the word is place-like ([`is_place_like_entry`])
    /// without its key read again.
    country_abbreviation: bool,
    /// The key is "the", which [`peel`] takes off a run: told by the key's code as the run is keyed, where comparing
    /// the key's bytes in `peel` branched on its length, mispredicted 2.5K times a corpus round in V8.
    the: bool,
}

impl RunWord {
    /// Whether the word is a place, a nationality or a country abbreviation ([`is_place_like_entry`]).
    fn is_place_like(&self) -> bool {
        // Joined without a branch: asked of every word [`peel`] and [`name_evidence`] read.
        self.entry.is_place_or_nationality() | self.country_abbreviation
    }
}

impl RunKeys {
    /// Keys and entries for the words of `run`, replacing the last run's.
    fn fill(&mut self, lex: &Lexicons, text: &str, run: &[Word]) {
        // The padding is written once, and kept from run to run.
        if self.joined.len() < KEYS_PADDING.len() {
            self.joined.clear();
            self.joined.push_str(KEYS_PADDING);
        }
        self.joined.truncate(KEYS_PADDING.len());
        self.words.clear();
        for (k, word) in run.iter().enumerate() {
            // A space before every key, the first too: no key starts the buffer, and a slice from a key's start is
            // never one from 0, which the check of character boundaries answers apart (a branch that followed the
            // run's shape, which no predictor learns). The first key's is the padding's last byte: one call of
            // `String::push` fewer a run, where most runs are one word.
            if k > 0 {
                self.joined.push(' ');
            }
            let start = self.joined.len();
            push_name_key(text_slice(text, word.span.start, word.span.end), &mut self.joined);
            let end = self.joined.len();
            let code = self.short_code(start);
            let key = self.joined.get(start..).unwrap_or("");
            let (entry, hash) = lex.entry_and_hash(key);
            let lists = SHORT_LISTS.lists(code);
            self.words.push(RunWord {
                entry,
                hash,
                particle: lists & (CONNECTOR | SUFFIX) != 0,
                country_abbreviation: lists & COUNTRY != 0,
                the: code == THE,
                key: start..end,
            });
        }
        self.ascii = run.len() > 1 && self.keys_are_ascii();
    }

    /// Whether the buffer is ASCII. Up to forty bytes long, as most runs' are, it is read as four chunks of eight
    /// bytes, the last one its last eight bytes, which the others may overlap, after the padding, which is ASCII: in
    /// line, where `is_ascii` was a call in the Wasm that mispredicted at its end (2.7K times a corpus round).
    fn keys_are_ascii(&self) -> bool {
        let bytes = self.joined.as_bytes();
        let Some(last) = bytes.len().checked_sub(8).filter(|_| bytes.len() <= 40) else { return bytes.is_ascii() };
        let chunk = |at: usize| bytes.get(at..at + 8).and_then(<[u8]>::first_chunk::<8>).map_or(0, |eight| u64::from_le_bytes(*eight));
        (chunk(last.min(8)) | chunk(last.min(16)) | chunk(last.min(24)) | chunk(last)) & HIGH_BITS == 0
    }

    /// The [`short_code`](crate::tokens::short_code) of the last key, written from `start` (0 when it is longer than
    /// seven bytes): read as eight bytes, not byte by byte. The key ends the buffer, which the padding makes at
    /// least eight bytes long: the last eight bytes hold it, shifted down, without the branch on whether eight
    /// bytes follow its start ([`crate::tokens::chunk_at`]), which a key shorter than eight bytes took the other way
    /// (5K mispredicts a corpus round in the Wasm).
    fn short_code(&self, start: usize) -> u64 {
        let len = self.joined.len() - start;
        let eight = match self.joined.as_bytes().last_chunk::<8>() {
            // A shift by 64 (an empty key) keeps nothing.
            Some(last) => u64::from_le_bytes(*last).checked_shr(8 * (8 - len.min(8)) as u32).unwrap_or(0),
            // Not once the padding is written.
            None => crate::tokens::short_code(self.joined.get(start..).unwrap_or_default()),
        };
        short_code_of(eight, len)
    }

    /// Whether the `k`th word is a connector or suffix (not past the run).
    fn is_particle(&self, k: usize) -> bool {
        self.words.get(k).is_some_and(|w| w.particle)
    }

    /// Whether the `k`th word is one of [`COUNTRY_ABBREVIATIONS`] (not past the run).
    fn is_country_abbreviation(&self, k: usize) -> bool {
        self.words.get(k).is_some_and(|w| w.country_abbreviation)
    }

    /// The key and entry of the `k`th word, if the run has one. In line: asked twice a candidate, where the call
    /// took more instructions in the Wasm than the look-up.
    #[inline(always)]
    fn known(&self, k: Option<usize>) -> Option<(&str, Entry)> {
        let word = self.words.get(k?)?;
        Some((self.joined.get(word.key.clone())?, word.entry))
    }

    /// The entry of the `k`th word (empty past the run).
    fn entry(&self, k: usize) -> Entry {
        self.words.get(k).map(|w| w.entry).unwrap_or_default()
    }

    /// Whether the words from the `k`th on may be a multi-word place, nationality or organisation, as far as their
    /// first two words tell ([`may_open_stretch`]); false when the run has no word after the `k`th. A run with a
    /// word beyond ASCII is always looked up: its stretches are [`normalize`]d, which its keys are not.
    fn may_open_stretch(&self, k: usize) -> bool {
        match (self.words.get(k), self.words.get(k + 1)) {
            (Some(first), Some(second)) => !self.ascii || may_open_stretch(first.hash, second.hash),
            _ => false,
        }
    }

    /// The look-up key of the words `words` together, as a multi-word entry is keyed: their keys joined by
    /// spaces and [`normalize`]d. An ASCII key is lower case with no period at its end, so the ASCII join is
    /// already normal.
    fn stretch(&self, words: Range<usize>) -> Option<Cow<'_, str>> {
        let joined = self.joined(words)?;
        Some(if self.ascii { Cow::Borrowed(joined) } else { Cow::Owned(normalize(joined)) })
    }

    /// The keys of the words `words` (not empty), joined by spaces as the run holds them. In line: asked of every
    /// candidate, where the call took more instructions in the Wasm than the look-up. Sliced up to the end, then
    /// from the start, as [`text_slice`] is, where the slice by a `Range` was a call (in V8, a corpus round: the
    /// calls' cost 386K went, `push_name` and `stretch` took 68K more; 103K instructions fewer; +51 B gzip).
    #[inline(always)]
    fn joined(&self, words: Range<usize>) -> Option<&str> {
        let (first, last) = (self.words.get(words.start)?, self.words.get(words.end.checked_sub(1)?)?);
        self.joined.get(..last.key.end)?.get(first.key.start..)
    }
}

/// A word next to the name, keyed and looked up once for every check that reads it ("president Bill Clinton",
/// "said Smith", "Smith told", "his wife Hillary"). Only a word one space from the name is one.
struct Neighbour<'a> {
    word: &'a Word,
    key: &'a str,
    /// Before the name, the word's entry in the lexicons. After it, empty: there only whether the word is a speech
    /// verb is asked ("Smith told"), which `speech_verb` answers with a cheaper query than a look-up.
    entry: Entry,
    /// A speech verb ("said", "told"; [`SpeechVerbs`](crate::lexicon::SpeechVerbs)).
    speech_verb: bool,
    /// Before the name, a word that is no title but ends in "s": the title its singular is, if any ("negotiators
    /// Steve Witkoff and Jared Kushner"). [`title_precedes`] and [`role_before`] both ask; it is looked up once.
    singular_title: Option<TitleKind>,
}

impl<'a> Neighbour<'a> {
    /// The word before the name's first word, at `first`, if one space parts them; `known` is its key and entry
    /// when the run has them.
    fn before(lex: &Lexicons, text: &'a str, words: &'a [Word], first: usize, known: Option<(&'a str, Entry)>, buffer: &'a mut String) -> Option<Neighbour<'a>> {
        let (word, name) = (words.get(first.checked_sub(1)?)?, words.get(first)?);
        if !gap_bytes(text, word, name).is_some_and(is_space_gap) {
            return None;
        }
        let (key, entry) = match known {
            Some(known) => known,
            None => {
                let key = name_key(text_slice(text, word.span.start, word.span.end), buffer);
                (key, lex.entry(key))
            }
        };
        let singular_title = singular_title(key, &entry);
        Some(Neighbour { word, key, entry, speech_verb: lex.speech_verbs.holds(&entry), singular_title })
    }

    /// The word after the name's last word, at `last`, if one space parts them; `known` is its key and entry when
    /// the run has them. Only whether it is a speech verb is asked about: most words are told none by their shape.
    fn after(lex: &Lexicons, text: &'a str, words: &'a [Word], last: usize, known: Option<(&'a str, Entry)>, buffer: &'a mut String) -> Option<Neighbour<'a>> {
        let (name, word) = (words.get(last)?, words.get(last + 1)?);
        if !gap_bytes(text, name, word).is_some_and(is_space_gap) {
            return None;
        }
        let (key, speech_verb) = match known {
            Some((key, entry)) => (key, lex.speech_verbs.holds(&entry)),
            None => {
                let key = name_key(text_slice(text, word.span.start, word.span.end), buffer);
                (key, lex.speech_verbs.contains(key))
            }
        };
        Some(Neighbour { word, key, entry: Entry::default(), speech_verb, singular_title: None })
    }
}

/// Whether the bytes between two words are one space: a space, a no-break space (C2 A0) or a line break.
fn is_space_gap(gap: &[u8]) -> bool {
    matches!(gap, b" " | b"\xC2\xA0" | b"\n")
}

/// The title a word that is no title itself (`entry` is its entry) is in the singular, if it ends in "s":
/// "negotiators" → a role. Told by its last byte first: most words need no second look-up.
pub(super) fn singular_title(key: &str, entry: &Entry) -> Option<TitleKind> {
    if entry.title_kind().is_some() || key.as_bytes().last() != Some(&b's') {
        return None;
    }
    key.get(..key.len() - 1).and_then(title_kind)
}

/// A lower-case title right before the name: "president Bill Clinton", "coach Aime Jacquet".
fn title_precedes(before: Option<&Neighbour>) -> bool {
    let Some(before) = before else { return false };
    before.entry.title_kind().is_some() || before.singular_title == Some(TitleKind::Role)
}

/// "Smith said", "Smith, who told…" is not this; "Smith told reporters".
fn speech_verb_after(after: Option<&Neighbour>) -> bool {
    after.is_some_and(|a| a.speech_verb && !a.key.ends_with("ing"))
}

/// "said Smith", "according to Smith".
fn speech_verb_before(text: &str, words: &[Word], first: usize, before: Option<&Neighbour>, buffer: &mut String) -> bool {
    let Some(before) = before else { return false };
    let key = before.key;
    (key == "to" && key_of(text, first.checked_sub(2).and_then(|p| words.get(p)), buffer) == "according")
        || (before.speech_verb && !key.ends_with("ing") && key != "read" && key != "write")
}

/// The key of `word`, or "" when there is none.
fn key_of<'b>(text: &'b str, word: Option<&Word>, buffer: &'b mut String) -> &'b str {
    match word {
        Some(w) => name_key(w.span.slice(text), buffer),
        None => "",
    }
}

/// ", 31," (an age), ", who …", or ", the head of …" right after the name.
/// `after_comma`: set to what it read in the text after ", " when it looked for a role phrase there.
#[inline(never)]
fn apposition_evidence<'t>(
    text: &'t str,
    words: &[Word],
    last: usize,
    sentence_end: usize,
    after_comma: &mut Option<AfterComma<'t>>,
    buffer: &mut String,
) -> f64 {
    let Some(word) = words.get(last) else { return 0.0 };
    // The marks looked for are ASCII, or "’" (E2 80 99): read as bytes, without decoding characters, and the text
    // after ", " sliced out as a `str` only when there is one. The words looked at are slices of the text, not
    // copies.
    let after = text.as_bytes().get(word.span.end..sentence_end).unwrap_or(b"");
    let possessive = match after {
        [b'\'', b's', ..] => 2,
        [0xE2, 0x80, 0x99, b's', ..] => 4,
        [b'\'', ..] => 1,
        [0xE2, 0x80, 0x99, ..] => 3,
        _ => 0,
    };
    let after = after.get(possessive..).unwrap_or(after);
    if let [b' ', b'(', inside @ ..] = after {
        // "John Smith (42)": an age in brackets.
        let digits = inside.iter().take_while(|b| b.is_ascii_digit()).count();
        if (1..=3).contains(&digits) && inside.get(digits) == Some(&b')') {
            return 2.0;
        }
    }
    // Most names have no ", " after them.
    if !matches!(after, [b',', b' ', ..]) {
        return 0.0;
    }
    let from = word.span.end + possessive + 2;
    let Some(rest) = text.get(from..sentence_end) else { return 0.0 };
    // The next word, up to the first character that is not alphanumeric: an age of one or two digits, or "who".
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && matches!(rest.as_bytes().get(digits), Some(b',' | b' ')) {
        return 3.0;
    }
    let word_ends = |len: usize| !rest.get(len..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric);
    if let [b'w', b'h', b'o', more @ ..] = rest.as_bytes() {
        if word_ends(3) || matches!(more, [b's', b'e', ..]) && word_ends(5) {
            return 2.0;
        }
    }
    let role = role_words(text, from, sentence_end, buffer);
    let evidence = if role.is_some() { 1.5 } else { 0.0 };
    *after_comma = Some(AfterComma { len: rest.len(), role });
    evidence
}

/// Whether `key`, the key of the word after a name, may be one of a scorecard's dismissal words that
/// [`table_evidence`] looks for ("c", "b", "st", "lbw", "not", "run"): three bytes or fewer, starting with one of
/// their first letters. The short words after most names ("and", "of", "in", "the", "was", "to") are told none by
/// their length and first byte (one bit test), where [`table_evidence`] was called for each (V8, a corpus round:
/// `table_evidence` 400K → 181K, `context_evidence` +83K; matching the six words in line mispredicted 2.5K times).
fn may_be_dismissal(key: &str) -> bool {
    key.len() <= 3 && matches!(key.as_bytes().first(), Some(b'b' | b'c' | b'l' | b'n' | b'r' | b's'))
}

/// Results tables: "Michelle Freeman (Jamaica) 12.71", "62 Nolan Henke", "P. Simmons 4-38", and scorecards'
/// dismissals ("M. Waugh c and b Jayasuriya 50", "R. Irani not out 45").
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn table_evidence(
    text: &str,
    words: &[Word],
    first: usize,
    last: usize,
    sentence_end: usize,
    name_len: usize,
    after: Option<&Neighbour>,
    buffer: &mut String,
) -> f64 {
    let Some(word) = words.get(last) else { return 0.0 };
    let mut evidence = 0.0;
    let before = first.checked_sub(1).and_then(|k| words.get(k));
    // A figure before the name, then one space, ". " or " - ".
    let gap = before.filter(|w| w.numeric).zip(words.get(first)).and_then(|(b, f)| gap_bytes(text, b, f));
    if gap.is_some_and(|gap| is_space_gap(gap) || matches!(gap, b". " | b" - ")) {
        evidence += 1.0;
    }
    if let Some(after) = after {
        if after.word.numeric {
            evidence += 1.0;
        } else if matches!(after.key, "c" | "b" | "st" | "lbw")
            || (matches!(after.key, "not" | "run") && key_of(text, words.get(last + 2), buffer) == "out")
        {
            evidence += 2.0;
        }
    }
    // Halved for a name of one word: times 1 or 0.5, both exact, without a branch.
    evidence *= 1.0 - 0.5 * f64::from(u8::from((evidence > 0.0) & (name_len == 1)));
    // Told by its bytes first: most names have no " (" after them.
    if matches!(text.as_bytes().get(word.span.end..sentence_end), Some([b' ', b'(', ..])) && bracketed_place(text, word.span.end + 2, sentence_end, buffer) {
        evidence += if name_len > 1 { 2.0 } else { 1.0 };
    }
    evidence
}

/// Whether the bracket opened before `from` holds a place ("Michelle Freeman (Jamaica)"): what lies before the
/// first ")" of the sentence (all of it when it has none) is a place, less than 30 bytes long; its key is written
/// over `buffer`. Out of line: few names have a bracket after them, and V8 compiles a function whole on its first
/// call.
#[inline(never)]
fn bracketed_place(text: &str, from: usize, sentence_end: usize, buffer: &mut String) -> bool {
    /// The longest inside a place is read from, plus one.
    const LONGEST: usize = 30;
    let rest = text.as_bytes().get(from..sentence_end).unwrap_or(b"");
    // An inside as long as `LONGEST` is none: the ")" is looked for in the first `LONGEST` bytes only, not through
    // the rest of the sentence.
    let len = match rest.iter().take(LONGEST).position(|&b| b == b')') {
        Some(close) => close,
        None if rest.len() < LONGEST => rest.len(),
        None => return false,
    };
    // ")" is ASCII and the sentence ends on a character boundary: the inside is one.
    let inside = text.get(from..from + len).unwrap_or("").trim();
    // No place, nationality or country abbreviation starts with a digit (a test holds the lists to it), so an
    // inside that does ("(42)", "(2012)") is none, and is not looked up; nor is an empty one.
    if inside.as_bytes().first().is_none_or(u8::is_ascii_digit) {
        return false;
    }
    normalize_into(inside, buffer);
    is_place_like(buffer)
}

/// A kinship noun next to the name: "his wife Hillary", "Trump's son Eric", "Clinton's daughter".
fn is_kinship(neighbour: Option<&Neighbour>) -> bool {
    neighbour.is_some_and(|n| KINSHIP_WORDS.contains(n.key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::one_of;

    /// [`text_slice`] gives what `text.get(start..end)` does, "" for `None`: at every pair of places, out of bounds,
    /// backwards and inside a character included.
    #[test]
    fn text_slice_is_the_checked_slice() {
        for text in ["", "Zoë Ångström, 王 ok", "a\u{301}"] {
            for start in 0..text.len() + 3 {
                for end in 0..text.len() + 3 {
                    assert_eq!(text_slice(text, start, end), text.get(start..end).unwrap_or(""), "{text:?} {start}..{end}");
                }
            }
        }
    }

    /// [`bracketed_place`] turns away an inside that starts with a digit without looking it up: it may only while
    /// no place, nationality or country abbreviation starts with one.
    #[test]
    fn no_place_starts_with_a_digit() {
        let lists = [include_str!("../../data/places.txt"), include_str!("../../data/nationalities.txt")];
        let entries = lists.iter().flat_map(|list| list.lines()).filter(|line| !line.trim_start().starts_with('#'));
        for entry in entries.chain(COUNTRY_ABBREVIATIONS.iter().copied()) {
            assert!(!entry.trim_start().starts_with(|c: char| c.is_ascii_digit()), "{entry:?}");
        }
        let mut buffer = String::new();
        assert!(bracketed_place("Ann Lee (Jamaica) won", 9, 21, &mut buffer));
        assert!(!bracketed_place("Ann Lee (42) won", 9, 16, &mut buffer));
        assert!(!bracketed_place("Ann Lee ( ) won", 9, 15, &mut buffer));
    }

    #[test]
    fn short_codes_hold_exactly_the_listed_words() {
        let probes = [
            "", "v", "y", "van", "Van", "vanx", "va", "del", "dell", "della", "dellas", "bin", "al", "el", "jr", "jrs", "ii",
            "iii", "iiii", "iv", "the", "with", "without", "from", "fro", "o", "a", "an", "ana", "vs", "tö", "Ön", "Of",
        ];
        for word in probes.iter().chain(NAME_CONNECTORS).chain(SUFFIXES).chain(TITLE_CASE_FUNCTION_WORDS) {
            assert_eq!(is_connector(word), one_of(word, NAME_CONNECTORS), "{word:?}");
            let padded = word.bytes().chain([0; 8]).take(8).collect::<Vec<_>>();
            assert_eq!(SHORT_LISTS.lists(short_code_of(u64::from_le_bytes(padded.try_into().unwrap()), word.len())) & (CONNECTOR | SUFFIX) != 0, one_of(word, NAME_CONNECTORS) || one_of(word, SUFFIXES), "{word:?}");
            assert_eq!(is_suffix(word), one_of(word, SUFFIXES), "{word:?}");
            let code = crate::tokens::short_code(word);
            for bit in [CONNECTOR, SUFFIX, COUNTRY, OPENER] {
                assert_eq!(SHORT_LISTS.has(code, bit), SHORT_LISTS.lists(code) & bit != 0, "{word:?}");
                assert!(!SHORT_LISTS.has(code | 1 << 63, bit), "{word:?}");
            }
            assert_eq!(is_title_case_function_word(word), one_of(word, TITLE_CASE_FUNCTION_WORDS), "{word:?}");
            let mut buffer = String::new();
            for written in [word.to_string(), word.to_uppercase(), format!("{word}'s"), format!("{word}’s"), format!("{word}.")] {
                let expected = is_title_case_function_word(name_key(&written, &mut buffer));
                assert_eq!(keys_to_function_word(&written, &mut buffer), expected, "{written:?}");
            }
        }
        assert!(is_connector("van") && !is_connector("jr") && is_title_case_function_word("via"));
        let text = "Ludwig van Beethoven, Van der Merwe, vanity and della Robbia’s del";
        for word in crate::tokens::tokenize(text, Span::new(0, text.len())) {
            assert_eq!(is_connector_word(text, &word), is_connector(word.span.slice(text)), "{:?}", word.span.slice(text));
        }
    }

    #[test]
    fn a_lone_word_told_never_a_name_is_peeled_off_whole() {
        let mut keys = RunKeys::default();
        for word in OPENING_WORDS {
            let title_case = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
            for text in [word.to_string(), title_case, word.to_uppercase()] {
                let words = crate::tokens::tokenize(&text, Span::new(0, text.len()));
                let [only] = words.as_slice() else { panic!("{text:?} is one word") };
                assert!(is_never_a_name(&text, only, true) && !is_never_a_name(&text, only, false), "{text:?}");
                keys.fill(lexicons(), &text, &words);
                for starts_sentence in [true, false] {
                    assert!(peel(lexicons(), &text, &words, &keys, starts_sentence).is_none(), "{text:?}");
                }
            }
        }
        let text = "Smith Hers Thee Vs Via";
        assert!(crate::tokens::tokenize(text, Span::new(0, text.len())).iter().all(|word| !is_never_a_name(text, word, true)));
    }

    #[test]
    fn hyphens_are_found_eight_bytes_at_a_time_as_one_by_one() {
        let text = "Hong Kong-based Tory‐led Jean-Pierre X-ray-proof A- -B Smith-Jones-Brown Oxford Kay-";
        for start in 0..text.len() {
            for end in start..=(start + 18).min(text.len()) {
                let word = &text.as_bytes()[start..end];
                let one_by_one = word.iter().any(|&b| b == b'-' || b == 0x90);
                assert_eq!(has_hyphen_byte(text.as_bytes(), start, word), one_by_one, "{start}..{end}");
            }
        }
    }

    /// [`short_code_of`] gives a word of up to seven bytes its [`short_code`](crate::tokens::short_code), whatever
    /// bytes follow it in its eight, and a longer word 0.
    #[test]
    fn short_codes_of_eight_bytes_are_the_words_codes() {
        let text = "abcdefghijklmnop";
        for len in 0..=text.len() {
            let word = &text[..len];
            let eight = u64::from_le_bytes(*text.as_bytes().first_chunk::<8>().unwrap());
            let expected = if len <= 7 { crate::tokens::short_code(word) } else { 0 };
            assert_eq!(short_code_of(eight, len), expected, "{word:?}");
        }
    }

    #[test]
    fn possessives_are_told_by_their_last_bytes() {
        for word in ["Putin’s", "PUTIN’S", "Obama's", "OBAMA'S", "Jones'", "Jones’", "Putin", "Bass", "s", "'s", "’s", "s’", "’"] {
            let by_characters = strip_possessive(word).len() != word.len() || word.ends_with("s'") || word.ends_with("s’");
            assert_eq!(is_possessive(word.as_bytes(), Span::new(0, word.len())), by_characters, "{word:?}");
            // The bytes before the word are not read as its own, nor past its end.
            for before in ["", "'", "s", "’", "’s ", "Xs’"] {
                let text = format!("{before}{word}’s");
                let span = Span::new(before.len(), before.len() + word.len());
                assert_eq!(is_possessive(text.as_bytes(), span), by_characters, "{text:?}");
            }
        }
        for word in ["Putin’s", "Jones'", "Jones’", "Jones’’", "Jones'’s", "O’Neill", "’", "'", "’s", "Smith", "", "Ross", "ROSS", "Jones’S", "Smith¹", "José", "Ann\u{7}"] {
            assert_eq!(bare_len(word.as_bytes()), strip_possessive(word).trim_end_matches(['\'', '’']).len(), "{word:?}");
            assert_eq!(written_len(word.as_bytes()), bare_len(word.as_bytes()), "{word:?}");
        }
    }

    #[test]
    fn word_tables_hold_exactly_the_listed_words() {
        let probes = [
            "", "a", "s", "son", "sons", "so", "wif", "wife", "wifes", "u", "u.s", "u.s.", "us", "usa", "new", "news", "cup", "hall", "halls", "mom",
            "stepfathers", "stepmather", "fiancè", "Wife", "\0", "said", "president",
        ];
        let lists = [KINSHIP, EPONYM_HEADS, COUNTRY_ABBREVIATIONS, PLACE_PREFIXES];
        for word in probes.iter().chain(lists.iter().flat_map(|list| list.iter())) {
            assert_eq!(KINSHIP_WORDS.contains(word), one_of(word, KINSHIP), "{word:?}");
            assert_eq!(EPONYM_WORDS.contains(word), one_of(word, EPONYM_HEADS), "{word:?}");
            assert_eq!(is_country_abbreviation(word), one_of(word, COUNTRY_ABBREVIATIONS), "{word:?}");
            assert_eq!(PLACE_PREFIX_WORDS.contains(word), one_of(word, PLACE_PREFIXES), "{word:?}");
        }
        assert!(KINSHIP_WORDS.contains("fiancée") && EPONYM_WORDS.contains("airport") && !KINSHIP_WORDS.contains("wif"));
        // peel does not look for a key of several words (which has a space) among the country abbreviations.
        assert!(COUNTRY_ABBREVIATIONS.iter().all(|abbreviation| !abbreviation.contains(' ')));
    }

    /// [`context_evidence`] asks [`table_evidence`] about a name followed by a word that is no figure only when
    /// [`may_be_dismissal`] lets the word's key through: every key `table_evidence` looks for after a name must pass.
    #[test]
    fn every_dismissal_word_may_be_one() {
        for key in ["c", "b", "st", "lbw", "not", "run"] {
            assert!(may_be_dismissal(key), "{key:?}");
        }
        for key in ["", "and", "of", "in", "the", "was", "to", "who", "said", "stumped", "é"] {
            assert!(!may_be_dismissal(key), "{key:?}");
        }
    }

    #[test]
    fn initials_are_one_letter_and_a_period_or_dotted_capitals() {
        let text = "P. Simmons, É. Zola, J.R Smith, I saw 5. Al. A.b and AB.";
        let words = crate::tokens::tokenize(text, Span::new(0, text.len()));
        let initials: Vec<&str> = words.iter().filter(|w| is_initial(text, w)).map(|w| w.span.slice(text)).collect();
        assert_eq!(initials, ["P", "É", "J.R"]);
    }

    #[test]
    fn a_name_is_written_with_one_space_between_words_and_initials_with_their_periods() {
        // With whether the name is known to be one word that is no connector or suffix.
        let cases = [
            ("P. Simmons", "P. Simmons", "p simmons", false),
            ("J.R Smith", "J.R. Smith", "j.r smith", false),
            ("John\nSmith’s", "John Smith", "john smith", false),
            ("Mr. Putin", "Mr Putin", "mr putin", false),
            ("Ludwig van Beethoven", "Ludwig van Beethoven", "ludwig van beethoven", false),
            ("Jones'", "Jones", "jones", true),
            ("Putin’s", "Putin", "putin", true),
            ("Smith", "Smith", "smith", true),
            ("Van", "Van", "van", false),
            ("Jr.", "Jr", "jr", false),
        ];
        let mut keys = RunKeys::default();
        let mut out = Candidates::default();
        for (text, name, name_keys, plain_word) in cases {
            let words = crate::tokens::tokenize(text, Span::new(0, text.len()));
            keys.fill(lexicons(), text, &words);
            let last = words.last().map_or(b"".as_slice(), |w| w.span.slice(text).as_bytes());
            let (name_at, keys_at, plain) = push_name(text, &words, &keys, 0, bare_len(last), &mut out);
            assert_eq!((&out.names[name_at], &out.keys[keys_at], plain), (name, name_keys, plain_word), "{text:?}");
        }
    }

    #[test]
    fn a_plural_word_has_the_title_of_its_singular() {
        let title = |key: &str| singular_title(key, &lexicons().entry(key));
        assert_eq!(title("negotiators"), Some(TitleKind::Role));
        assert_eq!(title("presidents"), Some(TitleKind::Office));
        // A title itself, a word not ending in "s", and a word whose singular is no title have none.
        assert_eq!(title("president"), None);
        assert_eq!(title("spokesman"), None);
        assert_eq!(title("his"), None);
        assert_eq!(title("s"), None);
        assert_eq!(title(""), None);
    }

    /// `is_lower_case_ascii` tells every word of up to eighteen bytes, anywhere in a text and up to its end, as a test
    /// of its bytes one by one does.
    #[test]
    fn lower_case_words_are_told_as_byte_by_byte() {
        let edges = [b'a', b'z', b'`', b'{', b'A', b'Z', b'.', b'\'', 0x7F, 0x80, 0xC3, 0xFF];
        for len in 0..19usize {
            for at in 0..len.max(1) {
                for &byte in &edges {
                    let mut word = vec![b'a'; len];
                    if let Some(b) = word.get_mut(at) {
                        *b = byte;
                    }
                    for (before, after) in [(0, 0), (3, 0), (0, 5), (2, 9)] {
                        let mut text = vec![b'A'; before];
                        text.extend_from_slice(&word);
                        text.extend(std::iter::repeat_n(b'q', after));
                        let span = Span::new(before, before + len);
                        let expected = word.iter().all(u8::is_ascii_lowercase);
                        assert_eq!(is_lower_case_ascii(&text, span, &word), expected, "{word:?} {before} {after}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_run_is_keyed_once_and_stretches_are_its_slices() {
        let text = "New York Yankees’ José";
        let words = crate::tokens::tokenize(text, Span::new(0, text.len()));
        let mut keys = RunKeys::default();
        keys.fill(lexicons(), text, &words);
        let key = |k: usize| keys.known(Some(k)).map(|(key, _)| key);
        assert_eq!((key(0), key(2), key(3), key(4)), (Some("new"), Some("yankees"), Some("jose"), None));
        assert_eq!(keys.stretch(0..2).as_deref(), Some("new york"));
        assert_eq!(keys.stretch(1..4).as_deref(), Some("york yankees jose"));
        assert_eq!(keys.stretch(2..5), None);
        // Only the key "the" is told as one, in any case.
        let text = "The Theo Them THE";
        let words = crate::tokens::tokenize(text, Span::new(0, text.len()));
        keys.fill(lexicons(), text, &words);
        assert_eq!(keys.words.iter().map(|w| w.the).collect::<Vec<_>>(), [true, false, false, true]);
        let text = "New York Yankees’ José";
        let words = crate::tokens::tokenize(text, Span::new(0, text.len()));
        keys.fill(lexicons(), text, &words);
        // Each word's entry is the one its key has.
        assert_eq!(keys.entry(3).given_name_strength(), lexicons().entry("jose").given_name_strength());
        assert_eq!(keys.entry(2).title_kind(), lexicons().entry("yankees").title_kind());
        assert_eq!(keys.entry(4).given_name_strength(), 0);
        // What is known of each word besides.
        let text = "UN envoy Paris Smith";
        let words = crate::tokens::tokenize(text, Span::new(0, text.len()));
        keys.fill(lexicons(), text, &words);
        assert_eq!((0..5).map(|k| keys.is_country_abbreviation(k)).collect::<Vec<_>>(), [true, false, false, false, false]);
        assert_eq!((0..5).map(|k| keys.words.get(k).is_some_and(RunWord::is_place_like)).collect::<Vec<_>>(), [true, false, true, false, false]);
    }
}
