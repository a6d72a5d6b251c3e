//! The word lists the stages consult, embedded from `data/*.txt` and parsed once.
//!
//! Each data file names its source, licence and build script in its `#` header. Entries are one per line;
//! files with a second column separate it with a tab. Look-ups are by lower-cased key unless a list says
//! otherwise.
//!
//! What is embedded is `build.rs`'s copy of each file in `OUT_DIR`: headers dropped (they are for people
//! reading `data/`, not for the .wasm users download), and every list looked up by lower-cased key
//! lower-cased, sorted and front-coded, which gzips smaller; [`list_text`] decodes them once, on first use.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A hash map keyed by short strings or numbers, hashed with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set of short strings or numbers, hashed with [`FxHasher`].
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// The Fx hash (Firefox's, as rustc uses it): one rotate, xor and multiply per 8 bytes. The keys are words from
/// the text and the lexicons, not chosen by an attacker who could gain from collisions, and the standard SipHash
/// was 16% of all the instructions spent on an article.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and a tag from the top 7: the multiply mixes upwards only,
        // so bring well-mixed high bits down.
        self.hash.rotate_left(26)
    }
}

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
    pub given_names: FastSet<String>,
    pub ambiguous_given_names: FastSet<String>,
    pub surnames: FastSet<String>,
    pub ambiguous_surnames: FastSet<String>,
    /// Titles by normalised key ([`normalize`]), multi-word ones included ("secretary of state").
    pub titles: FastMap<String, TitleKind>,
    pub abbreviations: FastMap<String, AbbreviationKind>,
    pub nationalities: FastSet<String>,
    /// Places by normalised key; the value says whether the name is also a person's ("Jackson") or a word.
    pub places: FastMap<String, Option<&'static str>>,
    pub organizations: FastSet<String>,
    pub speech_verbs: FastSet<String>,
    pub common_words: FastSet<String>,
    /// Month and day names: capitalised in running text but never people ("June", "Monday").
    pub calendar: FastSet<String>,
    /// Words that open sentences (`sentence_starters.txt`) → whether they also mark a caption run-in.
    pub sentence_starters: FastMap<String, bool>,
    pub chrome_phrases: Vec<(&'static str, &'static str)>,
}

/// The text of `data/<name>.txt` as `build.rs` embedded it, decoded when it is front-coded.
macro_rules! embedded {
    ($name:literal) => {
        list_text($name, include_str!(concat!(env!("OUT_DIR"), "/", $name, ".txt")))
    };
}

/// Lists `build.rs` embeds in their own order (`IN_ORDER` there); every other list is lower-cased, sorted and
/// front-coded: each line is `'0' + n`, where n is how many bytes it shares with the line before, then the rest
/// of the line.
const IN_ORDER: &[&str] = &["chrome_phrases"];

/// The lines of one embedded list: as embedded, or decoded from front coding into text that lives as long as
/// the program (each list is decoded once, inside [`lexicons`]'s one-time initialisation).
fn list_text(name: &str, embedded: &'static str) -> &'static str {
    if IN_ORDER.contains(&name) {
        return embedded;
    }
    let mut text: Vec<u8> = Vec::with_capacity(embedded.len() * 2);
    let mut previous_start = 0;
    for line in embedded.lines() {
        let Some((&shared, rest)) = line.as_bytes().split_first() else { continue };
        let shared = usize::from(shared.saturating_sub(b'0')).min(text.len() - previous_start);
        let start = text.len();
        text.extend_from_within(previous_start..previous_start + shared);
        text.extend_from_slice(rest);
        text.push(b'\n');
        previous_start = start;
    }
    // build.rs cuts shared prefixes at character boundaries, so the bytes are UTF-8; the fallback only guards.
    let text = String::from_utf8(text).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Box::leak(text.into_boxed_str())
}

/// The parsed lists, built on first use.
pub(crate) fn lexicons() -> &'static Lexicons {
    static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
    LEXICONS.get_or_init(|| Lexicons {
        given_names: words(embedded!("given_names")),
        ambiguous_given_names: words(embedded!("ambiguous_given_names")),
        surnames: words(embedded!("surnames")),
        ambiguous_surnames: words(embedded!("ambiguous_surnames")),
        titles: entries(embedded!("titles"))
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
        abbreviations: entries(embedded!("abbreviations"))
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
        nationalities: words(embedded!("nationalities")),
        places: entries(embedded!("places")).map(|(word, kind)| (normalize(word), kind)).collect(),
        organizations: words(embedded!("organizations")),
        speech_verbs: words(embedded!("speech_verbs")),
        common_words: words(embedded!("common_words")),
        calendar: words(embedded!("calendar")),
        sentence_starters: entries(embedded!("sentence_starters"))
            .map(|(word, column)| (word.to_lowercase(), column == Some("run-in")))
            .collect(),
        chrome_phrases: entries(embedded!("chrome_phrases"))
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
fn words(data: &'static str) -> FastSet<String> {
    // Sized up front (one entry a line): growing a set of thousands rehashes every entry several times, which was
    // most of the lexicons' start-up cost.
    let mut set = FastSet::with_capacity_and_hasher(data.lines().count(), Default::default());
    set.extend(entries(data).map(|(entry, _)| entry.to_lowercase()));
    set
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
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(word.chars().flat_map(char::to_lowercase));
    }
    buffer.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What build.rs embeds (headers dropped, lists lower-cased, sorted and front-coded) gives every look-up the
    /// same entries, with the same second column, as the files in `data/` themselves.
    #[test]
    fn embedded_lists_hold_the_entries_of_the_data_files() {
        let lists: [(&str, &str, &str); 14] = [
            ("given_names", embedded!("given_names"), include_str!("../data/given_names.txt")),
            ("ambiguous_given_names", embedded!("ambiguous_given_names"), include_str!("../data/ambiguous_given_names.txt")),
            ("surnames", embedded!("surnames"), include_str!("../data/surnames.txt")),
            ("ambiguous_surnames", embedded!("ambiguous_surnames"), include_str!("../data/ambiguous_surnames.txt")),
            ("titles", embedded!("titles"), include_str!("../data/titles.txt")),
            ("abbreviations", embedded!("abbreviations"), include_str!("../data/abbreviations.txt")),
            ("nationalities", embedded!("nationalities"), include_str!("../data/nationalities.txt")),
            ("places", embedded!("places"), include_str!("../data/places.txt")),
            ("organizations", embedded!("organizations"), include_str!("../data/organizations.txt")),
            ("speech_verbs", embedded!("speech_verbs"), include_str!("../data/speech_verbs.txt")),
            ("common_words", embedded!("common_words"), include_str!("../data/common_words.txt")),
            ("chrome_phrases", embedded!("chrome_phrases"), include_str!("../data/chrome_phrases.txt")),
            ("calendar", embedded!("calendar"), include_str!("../data/calendar.txt")),
            ("sentence_starters", embedded!("sentence_starters"), include_str!("../data/sentence_starters.txt")),
        ];
        for (name, embedded, original) in lists {
            assert!(!embedded.contains('#'), "{name} still has its header");
            if IN_ORDER.contains(&name) {
                assert_eq!(entries(embedded).collect::<Vec<_>>(), entries(original).collect::<Vec<_>>(), "{name}");
                continue;
            }
            // The key each list is looked up by; a repeated key keeps its last second column, as in a map.
            let key = |entry: &str| if name == "titles" || name == "places" { normalize(entry) } else { entry.to_lowercase() };
            let table = |text: &'static str| entries(text).map(|(entry, column)| (key(entry), column)).collect::<std::collections::BTreeMap<_, _>>();
            let want = table(original);
            assert!(!want.is_empty(), "{name} has entries");
            assert_eq!(table(embedded), want, "{name}");
        }
    }
}
