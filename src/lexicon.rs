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

/// What one look-up key is in every list at once: the lists share one table, so a word is hashed and found
/// once however many lists a stage asks about.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Entry {
    /// One bit per word list ([`WordSet::bit`]).
    lists: u16,
    title: Option<TitleKind>,
    abbreviation: Option<AbbreviationKind>,
    /// 0 not a place, 1 a place, 2 a place whose name is also a person's ("Jackson") or a word ("Nice").
    place: u8,
    /// A sentence starter that also marks a caption run-in.
    run_in: bool,
}

/// The one table of every list, by look-up key.
type Table = FastMap<&'static str, Entry>;

/// One word list: a bit of the shared table's entries.
#[derive(Clone, Copy)]
pub(crate) struct WordSet {
    table: &'static Table,
    bit: u16,
}

impl WordSet {
    /// Whether the list holds `key` (lower-cased as the list says).
    pub fn contains(&self, key: &str) -> bool {
        self.table.get(key).is_some_and(|entry| entry.lists & self.bit != 0)
    }
}

/// `abbreviations.txt`, by lower-cased key without the final period.
#[derive(Clone, Copy)]
pub(crate) struct Abbreviations(&'static Table);

impl Abbreviations {
    /// How the abbreviation `key` behaves at a period, if it is one.
    pub fn get(&self, key: &str) -> Option<&'static AbbreviationKind> {
        self.0.get(key).and_then(|entry| entry.abbreviation.as_ref())
    }

    /// Whether `key` is an abbreviation.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// `places.txt`, by normalised key.
#[derive(Clone, Copy)]
pub(crate) struct Places(&'static Table);

impl Places {
    /// Whether `key` names a place.
    pub fn contains_key(&self, key: &str) -> bool {
        self.0.get(key).is_some_and(|entry| entry.place > 0)
    }

    /// Whether `key` names a place that is also a frequent name ("Jackson", "Victoria") or word ("Nice").
    pub fn is_ambiguous(&self, key: &str) -> bool {
        self.0.get(key).is_some_and(|entry| entry.place > 1)
    }
}

/// `sentence_starters.txt`, by lower-cased key.
#[derive(Clone, Copy)]
pub(crate) struct SentenceStarters(&'static Table);

impl SentenceStarters {
    /// `None` when `key` is not a starter, else whether it also marks a caption run-in.
    pub fn get(&self, key: &str) -> Option<bool> {
        self.0.get(key).and_then(|entry| (entry.lists & SENTENCE_STARTERS != 0).then_some(entry.run_in))
    }
}

const GIVEN_NAMES: u16 = 1;
const AMBIGUOUS_GIVEN_NAMES: u16 = 1 << 1;
const SURNAMES: u16 = 1 << 2;
const AMBIGUOUS_SURNAMES: u16 = 1 << 3;
const NATIONALITIES: u16 = 1 << 4;
const ORGANIZATIONS: u16 = 1 << 5;
const SPEECH_VERBS: u16 = 1 << 6;
const COMMON_WORDS: u16 = 1 << 7;
const CALENDAR: u16 = 1 << 8;
const SENTENCE_STARTERS: u16 = 1 << 9;

/// All word lists, parsed into one table. Names and titles are asked through [`Lexicons::entry`].
pub(crate) struct Lexicons {
    table: &'static Table,
    pub abbreviations: Abbreviations,
    pub nationalities: WordSet,
    pub places: Places,
    pub organizations: WordSet,
    pub speech_verbs: WordSet,
    pub common_words: WordSet,
    /// Month and day names: capitalised in running text but never people ("June", "Monday").
    pub calendar: WordSet,
    /// Words that open sentences (`sentence_starters.txt`).
    pub sentence_starters: SentenceStarters,
    pub chrome_phrases: Vec<(&'static str, &'static str)>,
}

impl Lexicons {
    /// Everything the lists say about `key`, found once (the key lower-cased, or normalised for titles and
    /// places).
    pub fn entry(&self, key: &str) -> Entry {
        self.table.get(key).copied().unwrap_or_default()
    }
}

impl Entry {
    /// How strongly the word is known as a given name: 2 known, 1 known but also a common word ("Will").
    pub fn given_name_strength(&self) -> u8 {
        if self.lists & AMBIGUOUS_GIVEN_NAMES != 0 {
            1
        } else if self.lists & GIVEN_NAMES != 0 {
            2
        } else {
            0
        }
    }

    /// How strongly the word is known as a surname: 2 known, 1 known but also a common word ("Brown").
    pub fn surname_strength(&self) -> u8 {
        if self.lists & AMBIGUOUS_SURNAMES != 0 {
            1
        } else if self.lists & SURNAMES != 0 {
            2
        } else {
            0
        }
    }

    /// The title the word is, abbreviated titles ("Sen") included.
    pub fn title_kind(&self) -> Option<TitleKind> {
        self.title.or(matches!(self.abbreviation, Some(AbbreviationKind::Title)).then_some(TitleKind::Abbreviation))
    }

    /// A place or a nationality.
    pub fn is_place_or_nationality(&self) -> bool {
        self.place > 0 || self.lists & NATIONALITIES != 0
    }
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
    LEXICONS.get_or_init(|| {
        let table: &'static Table = Box::leak(Box::new(table()));
        let set = |bit| WordSet { table, bit };
        Lexicons {
            table,
            abbreviations: Abbreviations(table),
            nationalities: set(NATIONALITIES),
            places: Places(table),
            organizations: set(ORGANIZATIONS),
            speech_verbs: set(SPEECH_VERBS),
            common_words: set(COMMON_WORDS),
            calendar: set(CALENDAR),
            sentence_starters: SentenceStarters(table),
            chrome_phrases: entries(embedded!("chrome_phrases"))
                .map(|(phrase, reason)| (phrase, reason.unwrap_or("boilerplate")))
                .collect(),
        }
    })
}

/// Every keyed list in one table. build.rs has turned each entry into its look-up key already (lower case, and
/// [`normalize`]d for titles and places) and kept one line per key, so the table borrows the keys from the
/// embedded text: no allocation per entry at start-up.
fn table() -> Table {
    let lists: [(&'static str, u16); 10] = [
        (embedded!("given_names"), GIVEN_NAMES),
        (embedded!("ambiguous_given_names"), AMBIGUOUS_GIVEN_NAMES),
        (embedded!("surnames"), SURNAMES),
        (embedded!("ambiguous_surnames"), AMBIGUOUS_SURNAMES),
        (embedded!("nationalities"), NATIONALITIES),
        (embedded!("organizations"), ORGANIZATIONS),
        (embedded!("speech_verbs"), SPEECH_VERBS),
        (embedded!("common_words"), COMMON_WORDS),
        (embedded!("calendar"), CALENDAR),
        (embedded!("sentence_starters"), SENTENCE_STARTERS),
    ];
    let titles = embedded!("titles");
    let abbreviations = embedded!("abbreviations");
    let places = embedded!("places");
    // Sized up front (one entry a line, most keys in one list only): growing a table of thousands rehashes every
    // entry several times, which was most of the lexicons' start-up cost.
    let lines: usize = lists.iter().map(|(text, _)| text).chain([&titles, &abbreviations, &places]).map(|text| text.lines().count()).sum();
    let mut table = Table::with_capacity_and_hasher(lines, Default::default());
    for (text, bit) in lists {
        for (word, column) in entries(text) {
            let entry = table.entry(word).or_default();
            entry.lists |= bit;
            if bit == SENTENCE_STARTERS {
                entry.run_in = column == Some("run-in");
            }
        }
    }
    for (word, kind) in entries(titles) {
        table.entry(word).or_default().title = Some(match kind {
            Some("honorific") => TitleKind::Honorific,
            Some("role") => TitleKind::Role,
            Some("abbr") => TitleKind::Abbreviation,
            _ => TitleKind::Office,
        });
    }
    for (word, kind) in entries(abbreviations) {
        table.entry(word).or_default().abbreviation = Some(match kind {
            Some("title") => AbbreviationKind::Title,
            Some("month") => AbbreviationKind::Month,
            Some("corporate") => AbbreviationKind::Corporate,
            _ => AbbreviationKind::General,
        });
    }
    for (word, kind) in entries(places) {
        table.entry(word).or_default().place = if kind.is_some() { 2 } else { 1 };
    }
    table
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

pub(crate) use crate::entry_key::normalize;

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
    use std::collections::BTreeMap;

    /// What build.rs embeds (headers dropped, entries turned into their look-up keys, sorted and front-coded)
    /// gives every look-up the same keys, with the same second column, as the files in `data/` themselves.
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
            // The embedded entries are the keys themselves.
            let key = |entry: &str| if name == "titles" || name == "places" { normalize(entry) } else { entry.to_lowercase() };
            let want: BTreeMap<String, Option<&str>> = entries(original).map(|(entry, column)| (key(entry), column)).collect();
            let got: BTreeMap<String, Option<&str>> = entries(embedded).map(|(entry, column)| (entry.to_string(), column)).collect();
            assert!(!want.is_empty(), "{name} has entries");
            assert_eq!(got, want, "{name}");
        }
    }
}
