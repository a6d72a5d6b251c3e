//! The word lists the stages consult, embedded from `data/*.txt` and parsed once.
//!
//! Each data file names its source, licence and build script in its `#` header. Entries are one per line;
//! files with a second column separate it with a tab. Look-ups are by lower-cased key unless a list says
//! otherwise.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How an abbreviation behaves at a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbreviationKind {
    /// Precedes a name ("Mr.", "Dr.", "Sen."): never ends a sentence before a capitalised word.
    Title,
    /// A month ("Jan."), usually followed by a day number.
    Month,
    /// A company suffix ("Co.", "Inc."): ends the sentence when a sentence-opening word follows.
    Corporate,
    /// Anything else ("approx.", "e.g."): ends the sentence when a sentence-opening word follows.
    General,
}

/// What a title word is, from the second column of `titles.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleKind {
    /// Courtesy titles: "Mr", "Mrs", "Dr", "Sir" — not a role.
    Honorific,
    /// Offices and ranks capitalised before a name: "President", "Secretary of State", "Coach".
    Office,
    /// Lower-case role nouns before a name: "spokesman", "striker", "negotiator".
    Role,
    /// Abbreviated titles: "Sen.", "Gov.", "Lt. Gen.".
    Abbreviation,
}

/// All word lists, parsed.
pub(crate) struct Lexicons {
    pub given_names: HashSet<String>,
    pub ambiguous_given_names: HashSet<String>,
    pub surnames: HashSet<String>,
    pub ambiguous_surnames: HashSet<String>,
    /// Titles by normalised key ([`normalize`]), multi-word ones included ("secretary of state").
    pub titles: HashMap<String, TitleKind>,
    pub abbreviations: HashMap<String, AbbreviationKind>,
    pub nationalities: HashSet<String>,
    /// Places by normalised key; the value says whether the name is also a person's ("Jackson") or a word.
    pub places: HashMap<String, Option<&'static str>>,
    pub organizations: HashSet<String>,
    pub speech_verbs: HashSet<String>,
    pub common_words: HashSet<String>,
    pub chrome_phrases: Vec<(&'static str, &'static str)>,
}

/// The parsed lists, built on first use.
pub(crate) fn lexicons() -> &'static Lexicons {
    static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
    LEXICONS.get_or_init(|| Lexicons {
        given_names: words(include_str!("../data/given_names.txt")),
        ambiguous_given_names: words(include_str!("../data/ambiguous_given_names.txt")),
        surnames: words(include_str!("../data/surnames.txt")),
        ambiguous_surnames: words(include_str!("../data/ambiguous_surnames.txt")),
        titles: entries(include_str!("../data/titles.txt"))
            .map(|(word, kind)| {
                let kind = match kind {
                    Some("honorific") => TitleKind::Honorific,
                    Some("role") => TitleKind::Role,
                    Some("abbr") => TitleKind::Abbreviation,
                    _ => TitleKind::Office,
                };
                (normalize(word), kind)
            })
            .collect(),
        abbreviations: entries(include_str!("../data/abbreviations.txt"))
            .map(|(word, kind)| {
                let kind = match kind {
                    Some("title") => AbbreviationKind::Title,
                    Some("month") => AbbreviationKind::Month,
                    Some("corporate") => AbbreviationKind::Corporate,
                    _ => AbbreviationKind::General,
                };
                (word.to_lowercase(), kind)
            })
            .collect(),
        nationalities: words(include_str!("../data/nationalities.txt")),
        places: entries(include_str!("../data/places.txt")).map(|(word, kind)| (normalize(word), kind)).collect(),
        organizations: words(include_str!("../data/organizations.txt")),
        speech_verbs: words(include_str!("../data/speech_verbs.txt")),
        common_words: words(include_str!("../data/common_words.txt")),
        chrome_phrases: entries(include_str!("../data/chrome_phrases.txt"))
            .map(|(phrase, reason)| (phrase, reason.unwrap_or("boilerplate")))
            .collect(),
    })
}

/// The entries of a data file: `(entry, second column)`, comments and blank lines skipped.
fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    data.lines().filter_map(|line| {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut columns = line.splitn(2, '\t');
        let entry = columns.next()?.trim();
        let extra = columns.next().map(str::trim).filter(|c| !c.is_empty());
        (!entry.is_empty()).then_some((entry, extra))
    })
}

/// The entries of a data file, lower-cased.
fn words(data: &'static str) -> HashSet<String> {
    entries(data).map(|(entry, _)| entry.to_lowercase()).collect()
}

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

/// Lower-cases `word` into `buffer` and returns it, for look-ups without a fresh allocation per word.
pub(crate) fn lower<'b>(word: &str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    buffer.extend(word.chars().flat_map(char::to_lowercase));
    buffer.as_str()
}
