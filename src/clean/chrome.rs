//! Lines that are chrome by their own content, whatever surrounds them: known phrases ("Advertisement",
//! "Share this story", "Read more:"), timestamps, bylines, photo credits, counters, copyright and cookie
//! lines, teaser times ("4 weeks ago").
//!
//! Each recogniser is precise rather than eager: a line it names is dropped even inside the article, so
//! ordinary article sentences must never match. "Published in 1998, the book sold…" is prose, not a
//! timestamp, because most of its words are not date words.

use std::sync::OnceLock;

use super::lines::ends_with_terminal;
use crate::lexicon::{lexicons, lower, FastMap};
use crate::tokens::{chunk_at, split_whitespace, zero_bytes, EACH_BYTE};

/// Why a line is chrome, or `None` when its content alone does not say.
///
/// Not inlined into its one caller, [`super::lines::measure`]: that is a hot loop over every byte, which V8
/// recompiles with its optimising tier during the first summary, and these tests (once a line) made it three
/// times as large to recompile.
#[inline(never)]
pub(super) fn chrome_reason(line: &str, words: usize) -> Option<&'static str> {
    // Most lines open with an ASCII letter or digit, told by their first byte without decoding characters.
    if !line.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) && !line.chars().any(char::is_alphanumeric) {
        return Some("separator");
    }
    // Each test is asked only of the lines it can name (by length, or by the line's first byte), here rather than
    // inside it: V8 compiles a function whole on its first call, and a page of long lines (an article pasted as one
    // paragraph) does not compile these.
    if line.len() <= PHRASE_BYTES {
        if let Some(reason) = phrase_reason(line) {
            return Some(reason);
        }
    }
    if matches!(line.trim_start().as_bytes().first(), Some(b'0'..=b'9' | b'[' | b'(' | b',' | b'.')) && is_counter(line) {
        return Some("counter");
    }
    if words <= 16 && is_timestamp(line, words) {
        return Some("timestamp");
    }
    if words <= 14 && is_byline(line, words) {
        return Some("byline");
    }
    if words <= 14 && is_credit(line, words) {
        return Some("credit");
    }
    if words <= 40 && is_footer(line) {
        return Some("footer");
    }
    if words <= 60 && is_cookie_notice(line) {
        return Some("cookie");
    }
    if words <= 14 && has_relative_time(line) {
        return Some("teaser");
    }
    if words <= 5 && (line.ends_with(" says:") || line.ends_with(" wrote:")) {
        return Some("comments");
    }
    None
}

/// "… on Aug. 31, 2019. (AP)", "… (AP Photo/Gene J. Puskar) less", "… the country [File: Reuters]",
/// "… deep space travel. Credit: 20th Century Fox": a caption that carries its photo credit at its end.
pub(super) fn ends_with_credit(line: &str) -> bool {
    let mut tail = line.trim_end();
    for more in [" less", " more"] {
        tail = tail.strip_suffix(more).unwrap_or(tail).trim_end();
    }
    if tail.ends_with([')', ']']) && bracketed_credit(tail) {
        return true;
    }
    rfind_bytes(tail, " Credit: ").is_some_and(|at| {
        tail[..at].trim_end().ends_with(['.', '!', '?']) && tail[at..].split_whitespace().count() <= 8
    })
}

/// Whether `tail`, which ends with a closing bracket, ends with a bracketed credit: "(AP Photo/Gene J. Puskar)",
/// "[File: Reuters]". Out of line, as few lines end with a bracket: V8 compiles a function whole on its first call.
#[inline(never)]
fn bracketed_credit(tail: &str) -> bool {
    const OPENERS: [&str; 13] =
        ["ap", "ap photo", "reuters", "afp", "getty", "image:", "image credit", "photo:", "photo by", "file", "epa", "shutterstock", "credit"];
    let open = tail.rfind('(').max(tail.rfind('['));
    let Some(open) = open.filter(|&o| o > 0) else { return false };
    let inner = lowercase(tail[open + 1..tail.len() - 1].trim());
    let credit = OPENERS.iter().any(|o| {
        inner == *o || inner.strip_prefix(o).is_some_and(|rest| rest.starts_with([' ', '/', ':']) || o.ends_with(':'))
    });
    inner.split_whitespace().count() <= 8 && credit
}

/// Reasons that mark the end of a page's header: what comes after them is the article, not the header's
/// standfirst or caption.
pub(super) fn ends_header(reason: &str) -> bool {
    matches!(reason, "timestamp" | "byline" | "credit" | "share" | "counter" | "caption" | "footer" | "video")
}

/// The reason of the chrome phrase (data/chrome_phrases.txt) the line matches: the whole line ("Share this
/// story"; case, surrounding white space, a final ":" and trailing punctuation ignored), its opening for
/// `phrase*` entries ("read more:*" — "Read more: How the…"), anywhere for `*phrase*` entries. Only short
/// lines can match: a paragraph that mentions "all rights reserved" is still a paragraph.
#[inline(never)]
pub(super) fn phrase_reason(line: &str) -> Option<&'static str> {
    if line.len() > PHRASE_BYTES {
        return None;
    }
    let mut normalized = String::with_capacity(line.len());
    for word in split_whitespace(line) {
        if !normalized.is_empty() {
            normalized.push(' ');
        }
        normalized.push_str(word);
    }
    let normalized = if normalized.is_ascii() {
        normalized.make_ascii_lowercase();
        normalized
    } else {
        lowercase(&normalized)
    };
    let phrases = phrases();
    let whole = normalized.trim_end_matches(['.', '!', '?', '…', ',', ';', '|', '•', '·', '-', '–', '—', '»', '>', ':', ' ']);
    if let Some(&reason) = phrases.whole.get(whole).or_else(|| phrases.whole.get(normalized.trim_end_matches(':'))) {
        return Some(reason);
    }
    // An opening's first byte is compared in line before the call that compares it whole (54 openings a short line).
    let opens = normalized.as_bytes().first();
    phrases
        .prefixes
        .iter()
        .find(|(p, _)| p.as_bytes().first() == opens && normalized.starts_with(p.as_str()))
        .or_else(|| phrases.anywhere.iter().find(|(p, _)| find_bytes(&normalized, p).is_some()))
        .map(|&(_, reason)| reason)
}

/// The longest line (in bytes) that can be a chrome phrase.
const PHRASE_BYTES: usize = 100;

/// The chrome phrases by kind of match, built once from the lexicon.
struct Phrases {
    whole: FastMap<String, &'static str>,
    prefixes: Vec<(String, &'static str)>,
    anywhere: Vec<(String, &'static str)>,
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut phrases = Phrases { whole: FastMap::default(), prefixes: Vec::new(), anywhere: Vec::new() };
        for &(phrase, reason) in &lexicons().chrome_phrases {
            let phrase = lowercase(phrase.trim());
            if let Some(inner) = phrase.strip_prefix('*').and_then(|p| p.strip_suffix('*')) {
                phrases.anywhere.push((inner.to_string(), reason));
            } else if let Some(prefix) = phrase.strip_suffix('*') {
                phrases.prefixes.push((prefix.to_string(), reason));
            } else {
                phrases.whole.entry(phrase.trim_end_matches(':').to_string()).or_insert(reason);
            }
        }
        phrases
    })
}

/// ASCII case-insensitive prefix test that never slices inside a character.
pub(super) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len() && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// "0", "1 comment", "[ 167 comments ]", "4553", "5 Min Read", "12 SHARES": counts shown beside links.
#[inline(never)]
fn is_counter(line: &str) -> bool {
    let inner = line.trim().trim_start_matches(['[', '(', ' ']).trim_end_matches([']', ')', ' ']);
    let number_end = inner.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(inner.len());
    if number_end == 0 || !inner[..number_end].chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let rest = lowercase(inner[number_end..].trim_start_matches(['k', 'K', 'm', 'M']).trim());
    const UNITS: [&str; 18] = [
        "", "comment", "comments", "share", "shares", "view", "views", "like", "likes", "reply", "replies", "vote",
        "votes", "min read", "minute read", "mins read", "photos", "images",
    ];
    UNITS.contains(&rest.as_str())
}

const MONTHS: [&str; 25] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "noon",
];
const DAYS: [&str; 20] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "today", "yesterday", "midnight",
];
/// Words that sit between the numbers of a date line: "Published", "Updated", time zones, "at", "|".
const DATE_LINE_WORDS: [&str; 38] = [
    "am", "pm", "a.m", "p.m", "et", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "gmt", "bst", "utc",
    "ist", "cet", "cest", "aest", "published", "updated", "posted", "last", "modified", "on", "at", "by", "first",
    "min", "read", "minutes", "hours", "ago", "|", "•", "-", "/",
];

/// A line made of a date or time and the words around dates: "Nov. 19, 2019 8:03 am ET",
/// "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: …", "Updated 10:01 pm PST, Tuesday, November 19, 2019".
/// Asked of lines of at most 16 words.
#[inline(never)]
fn is_timestamp(line: &str, words: usize) -> bool {
    if words == 0 || !line.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut date_words = 0;
    let mut has_date = false;
    for token in line.split_whitespace() {
        match date_token(token) {
            DateToken::Date => {
                date_words += 1;
                has_date = true;
            }
            DateToken::Filler => date_words += 1,
            DateToken::Other => {}
        }
    }
    has_date && date_words * 10 >= words * 6
}

/// What a token is to a date line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateToken {
    /// A month, a weekday, a clock time or a numeric date: "Nov.", "Tuesday", "8:03am", "21/06/2014".
    Date,
    /// A word that sits between dates: a day or year number, "at", "Updated", "EST", "|".
    Filler,
    /// Anything else.
    Other,
}

/// Classifies one white-space separated token of a possible date line.
pub(super) fn date_token(token: &str) -> DateToken {
    let key = lowercase(token.trim_matches([',', '.', ':', ';', '|', '•', '(', ')', '[', ']']));
    if MONTHS.contains(&key.as_str()) || DAYS.contains(&key.as_str()) || is_clock_or_date(&key) {
        DateToken::Date
    } else if key.is_empty() || DATE_LINE_WORDS.contains(&key.as_str()) || is_day_number(&key) {
        DateToken::Filler
    } else {
        DateToken::Other
    }
}

/// "19", "2019", "20th".
fn is_day_number(key: &str) -> bool {
    let digits = key.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &key[digits.len()..];
    !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) && ["", "st", "nd", "rd", "th"].contains(&suffix)
}

/// `text` without every copy of `suffix` at its end, as `str::trim_end_matches` with a `&str` leaves it (these
/// suffixes cannot overlap themselves), without the two-way searcher that compiles at start-up.
fn trim_suffix<'t>(text: &'t str, suffix: &str) -> &'t str {
    let mut text = text;
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}

/// "8:03", "8:03am", "11.06am", "9pm", "21/06/2014", "2019-11-19", "18.11.2019".
fn is_clock_or_date(key: &str) -> bool {
    let body = ["am", "pm", "a.m", "p.m"].into_iter().fold(key, trim_suffix);
    if body.is_empty() {
        return false;
    }
    let had_meridiem = body.len() < key.len();
    let mut groups = 0;
    let mut separators = 0;
    let mut digits_in_group = 0;
    for c in body.chars() {
        if c.is_ascii_digit() {
            if digits_in_group == 0 {
                groups += 1;
            }
            digits_in_group += 1;
            if digits_in_group > 4 {
                return false;
            }
        } else if matches!(c, ':' | '.' | '/' | '-') {
            if digits_in_group == 0 {
                return false;
            }
            separators += 1;
            digits_in_group = 0;
        } else {
            return false;
        }
    }
    digits_in_group > 0 && ((groups >= 2 && separators == groups - 1) || (had_meridiem && groups == 1))
}

/// "By Jane Smith", "by Bryan DeArdo", "By . Jane Smith .", "Written by Regan": a short line that opens with
/// "by" and a capitalised name and does not read as a sentence. Asked of lines of at most 14 words.
#[inline(never)]
fn is_byline(line: &str, words: usize) -> bool {
    const OPENERS: [&str; 6] = ["by ", "written by ", "posted by ", "words by ", "story by ", "reporting by "];
    let Some(opener) = OPENERS.iter().find(|o| starts_with_ignore_case(line, o)) else {
        return false;
    };
    let rest = line[opener.len()..].trim_start_matches(['.', ' ', ':']);
    let sentence_like = line.trim_end().ends_with(['!', '?']) || (line.trim_end().ends_with('.') && words > 8);
    rest.chars().next().is_some_and(char::is_uppercase) && !sentence_like
}

/// "© 2019 Hearst", "Copyright 2019 …", "… All rights reserved." Asked of lines of at most 40 words; "©" is
/// found by its bytes (a `char` pattern would compile a searcher of its own).
#[inline(never)]
fn is_footer(line: &str) -> bool {
    find_bytes(line, "©").is_some() || contains_ignore_case(line, "all rights reserved") || starts_with_ignore_case(line, "copyright ")
}

/// "We use cookies to improve your experience…", "Accept all cookies".
#[inline(never)]
fn is_cookie_notice(line: &str) -> bool {
    contains_ignore_case(line, "cookie")
        && ["use", "accept", "consent", "policy", "settings", "agree"].iter().any(|w| contains_ignore_case(line, w))
}

/// Photo credits: "Photo: Damian Dovarganes, AP", "Natalie Naccache | Bloomberg | Getty Images",
/// "(Reed Saxon / Associated Press)", "Image credit: …". Asked of lines of at most 14 words.
#[inline(never)]
fn is_credit(line: &str, words: usize) -> bool {
    const MARKERS: [&str; 22] = [
        "getty images", "shutterstock", "ap photo", "photo:", "photograph:", "image:", "image credit", "credit:",
        "credit…", "credit...", "photo by", "photo credit", "photos:", "pictured:", "[file:", "/ reuters", "/reuters",
        "/ afp", "| afp", "| reuters", "image source:", "associated press",
    ];
    MARKERS.iter().any(|m| contains_ignore_case(line, m)) || is_slash_credit(line, words)
}

/// "Doug Mills/The New York Times", "Amy K. Dragoo/AIMMEDIA": a name, a slash, an agency, every word
/// capitalised, no digits, no sentence.
fn is_slash_credit(line: &str, words: usize) -> bool {
    if words > 8 || ends_with_terminal(line) || line.chars().any(|c| c.is_ascii_digit()) || find_bytes(line, "//").is_some() || line.contains(':') {
        return false;
    }
    let parts: Vec<&str> = line.split('/').map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().all(|p| !p.is_empty())
        && (2..=4).contains(&parts[0].split_whitespace().count())
        && parts.iter().flat_map(|p| p.split_whitespace()).all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "4 weeks ago", "2 hours ago", "Science4 weeks agoUniversity…", "an hour ago": the counters of teaser lists.
#[inline(never)]
pub(super) fn has_relative_time(line: &str) -> bool {
    // No character beyond ASCII lower-cases to text holding an ASCII "a", "g" or "o" (only 'İ' and the Kelvin sign
    // lower-case to ASCII letters: "i̇", "k"), so a line whose lower case holds "ago" holds it in ASCII, in either
    // case: most lines do not, and are not lower-cased into a new string.
    if !contains_ignore_case(line, "ago") {
        return false;
    }
    let lower = lowercase(line);
    const UNITS: [&str; 16] =
        ["second", "sec", "minute", "min", "m", "hour", "hr", "h", "day", "d", "week", "w", "month", "year", "yr", "y"];
    // "ago" cannot overlap itself: its matches one after another are all of them.
    let mut from = 0;
    std::iter::from_fn(|| {
        let at = from + find_bytes(lower.get(from..)?, "ago")?;
        from = at + 3;
        Some(at)
    })
    .any(|at| {
        let before = lower[..at].trim_end();
        let before = before.strip_suffix('s').unwrap_or(before);
        UNITS.iter().any(|unit| {
            before.strip_suffix(unit).is_some_and(|rest| {
                let rest = rest.trim_end();
                rest.ends_with(|c: char| c.is_ascii_digit()) || rest.ends_with(" an") || rest.ends_with(" a") || rest == "an" || rest == "a"
            })
        })
    })
}

/// `text` lower-cased character by character ([`lower`]: ASCII text byte by byte): the same as `str::to_lowercase`
/// but for a capital sigma at a word's end, "σ" here and "ς" there, which no test of these lines tells apart (no
/// phrase, unit, month or marker holds a sigma: `lexicon.rs`'s tests hold the lists to it). The lines these tests
/// read are nearly all ASCII, and `str::to_lowercase` is 4 KB of Wasm that V8 compiled at start-up for any pasted
/// page with a non-ASCII short line (and recompiled with its optimising tier, 10–14 ms single-threaded, when it ran
/// once per short line); its final-sigma rule's tables, 2 KB of the gzipped .wasm with it, are left out.
pub(super) fn lowercase(text: &str) -> String {
    let mut lowered = String::with_capacity(text.len());
    lower(text, &mut lowered);
    lowered
}

/// Where `needle` first occurs in `text`: its first byte found by a scan, then the rest compared. The same as
/// `str::find` for these short needles and lines, without the two-way searcher's set-up per call, which V8
/// recompiled with its optimising tier at start-up for these once-a-line tests.
pub(super) fn find_bytes(text: &str, needle: &str) -> Option<usize> {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else { return Some(0) };
    (0..(text.len() + 1).saturating_sub(needle.len()))
        .find(|&at| text[at] == first && text.get(at + 1..at + needle.len()) == Some(rest))
}

/// Where `needle` last occurs in `text`, as `str::rfind` says ([`find_bytes`] from the end).
fn rfind_bytes(text: &str, needle: &str) -> Option<usize> {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else { return Some(text.len()) };
    (0..(text.len() + 1).saturating_sub(needle.len()))
        .rev()
        .find(|&at| text[at] == first && text.get(at + 1..at + needle.len()) == Some(rest))
}

/// ASCII case-insensitive substring test. The places where the needle may start are found eight bytes at a time:
/// a byte whose bit 0x20 set gives the needle's first byte with that bit set (both cases of a letter, and a few other
/// bytes) is a candidate, where the whole needle is compared. A scan of every byte ran 22 times over each line of 14
/// words or fewer for the credit markers alone.
pub(super) fn contains_ignore_case(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else { return true };
    let pattern = EACH_BYTE * u64::from(first | 0x20);
    let mut at = 0;
    while at + needle.len() <= text.len() {
        // The eight bytes from `at`, zeros past the text's end (a candidate there fails the comparison).
        let folded = (chunk_at(text, at) | (EACH_BYTE * 0x20)) ^ pattern;
        // A zero byte of `folded` is a candidate; a borrow may mark bytes after one too, which the comparison rejects.
        let mut candidates = zero_bytes(folded);
        while candidates != 0 {
            let start = at + (candidates.trailing_zeros() / 8) as usize;
            if text.get(start..start + needle.len()).is_some_and(|window| window.eq_ignore_ascii_case(needle)) {
                return true;
            }
            candidates &= candidates - 1;
        }
        at += 8;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &str) -> Option<&'static str> {
        chrome_reason(line, line.split_whitespace().count())
    }

    #[test]
    fn timestamps_are_lines_of_dates() {
        for line in [
            "Nov. 19, 2019 8:03 am ET",
            "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm",
            "Updated 10:01 pm PST, Tuesday, November 19, 2019",
            "20 Nov 2019 08:00 GMT",
            "21/06/2014",
            "5:50 PM",
        ] {
            assert!(is_timestamp(line, line.split_whitespace().count()), "{line}");
        }
        assert_eq!(reason("Published in 1998, the book sold two million copies in its first year."), None);
        assert_eq!(reason("The meeting is on Monday, November 19."), None);
    }

    #[test]
    fn bylines_credits_counters_and_teasers() {
        assert_eq!(reason("By Sarah E. Needleman"), Some("byline"));
        assert_eq!(reason("by Bryan DeArdo"), Some("byline"));
        assert_eq!(reason("By the end of the day, nobody had left."), None);
        assert_eq!(reason("Natalie Naccache | Bloomberg | Getty Images"), Some("credit"));
        assert_eq!(reason("Photo: Damian Dovarganes, AP"), Some("credit"));
        assert_eq!(reason("Doug Mills/The New York Times"), Some("credit"));
        assert_eq!(reason("[ 167 comments ]"), Some("counter"));
        assert!(is_counter("5 Min Read") && is_counter("4553"));
        assert_eq!(reason("Science4 weeks agoUniversity of Hawaii Joins $25.6M AI Initiative"), Some("teaser"));
        assert_eq!(reason("32M ago"), Some("teaser"));
        assert_eq!(reason("© 2019 Hearst Communications, Inc."), Some("footer"));
        assert_eq!(reason("___"), Some("separator"));
        assert_eq!(reason("grumpysal says:"), Some("comments"));
        assert!(!has_relative_time("The war began long ago in the east."));
    }

    #[test]
    fn captions_that_carry_their_credit() {
        assert!(ends_with_credit("An MSC cargo ship leaves PortMiami, on Aug. 31, 2019. (AP)"));
        assert!(ends_with_credit("The Islanders won 5-4. (AP Photo/Gene J. Puskar) less"));
        assert!(ends_with_credit("WeWork chairman Marcelo Claure (Credit: Getty Images)"));
        assert!(ends_with_credit("Roughly 13,000 US troops remain in Afghanistan [File: Reuters]"));
        assert!(ends_with_credit("Hibernation may one day enable deep space travel. Credit: 20th Century Fox"));
        assert!(!ends_with_credit("The company said profits rose (see chart)."));
        assert!(!ends_with_credit("Shares of Apple (AAPL) rose."));
    }

    #[test]
    fn byte_searches_agree_with_str_searches() {
        let texts = ["", "a", "ago", "2 hours ago and 3 days ago", "Credit: x. Credit: y", "é//ü // ago", "aaa"];
        let needles = ["", "a", "aa", "ago", "//", " Credit: ", "ü", "xyz"];
        for text in texts {
            for needle in needles {
                assert_eq!(find_bytes(text, needle), text.find(needle), "{text:?} {needle:?}");
                assert_eq!(rfind_bytes(text, needle), text.rfind(needle), "{text:?} {needle:?}");
            }
        }
        for text in ["ÉTÉ Σ AGO", "ΟΔΟΣ ΣΑΣ", "Read MORE — İSTANBUL", "ΣΑΣ.", "KELVIN \u{212A}"] {
            let by_char: String = text.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(lowercase(text), by_char, "{text}");
            assert_eq!(lowercase(text), text.to_lowercase().replace('ς', "σ"), "{text}");
        }
        assert_eq!(lowercase("Read MORE"), "read more");
        for key in ["", "am", "8am", "8amam", "9pmam", "10a.m", "11p.mpm", "pm8", "a.ma.m", "ma"] {
            let by_str = key.trim_end_matches("am").trim_end_matches("pm").trim_end_matches("a.m").trim_end_matches("p.m");
            assert_eq!(["am", "pm", "a.m", "p.m"].into_iter().fold(key, trim_suffix), by_str, "{key:?}");
        }
    }

    #[test]
    fn case_blind_searches_agree_with_lowered_searches() {
        // has_relative_time's test before lower-casing: no other character lower-cases to text holding ASCII.
        let beyond: Vec<char> = ('\u{80}'..=char::MAX).filter(|c| c.to_lowercase().any(|l| l.is_ascii())).collect();
        assert_eq!(beyond, ['\u{130}', '\u{212A}']);
        let texts = [
            "", "a", "AGO", "2 Hours AgO", "Ago", "ag", "xago", "ÄGO ago", "\u{212A}now", "seven b eight bytes then AGO",
            "0123456[FILE: x", "{file: and `ago and @go", "Photo by Jane Doe/ REUTERS", "All Rights Reserved.", "ééééééééa",
        ];
        for text in texts {
            for needle in ["", "a", "ago", "all rights reserved", "know", "ägo", "[file:", "/ reuters", "@go", "`ago", "é"] {
                assert_eq!(contains_ignore_case(text, needle), text.to_ascii_lowercase().contains(&needle.to_ascii_lowercase()), "{text:?} {needle:?}");
            }
        }
    }

    #[test]
    fn phrases_match_whole_lines_openings_and_run_ins() {
        assert_eq!(phrase_reason("Advertisement"), Some("ad"));
        assert_eq!(phrase_reason("  Share this article "), Some("share"));
        assert_eq!(phrase_reason("Read more: How the bridge was built"), Some("related"));
        assert_eq!(phrase_reason("Share prices rose sharply on Monday."), None);
    }
}
