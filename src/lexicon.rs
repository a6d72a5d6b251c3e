//! The word lists the stages consult, embedded from `data/*.txt` and parsed once.
//!
//! Each data file names its source, licence and build script in its `#` header. Entries are one per line;
//! files with a second column separate it with a tab. Look-ups are by lower-cased key unless a list says
//! otherwise.
//!
//! What is embedded is `build.rs`'s copy of each file in `OUT_DIR`: headers dropped (they are for people
//! reading `data/`, not for the .wasm users download), and every list looked up by lower-cased key
//! lower-cased, sorted and front-coded, which gzips smaller. On first use, [`Table::add_list`] decodes them
//! line by line straight into one table of every key.

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
        let mut rest = bytes;
        while rest.len() >= 8 {
            self.add(read_u64(rest));
            rest = &rest[8..];
        }
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

/// The one table of every list, by look-up key: open addressing over the keys stored back to back.
///
/// A `HashMap<&str, Entry>` of the same keys took 24 bytes a bucket and twice as many buckets as keys, and its
/// inserts were most of the start-up cost; here a slot is 4 bytes, and a key is inserted as it is decoded.
struct Table {
    /// Every key, back to back, in the order first inserted.
    keys: Vec<u8>,
    /// Where each key ends in `keys` (it starts where the one before ends).
    ends: Vec<u32>,
    /// Each key's entry.
    entries: Vec<Entry>,
    /// Open addressing with linear probing, at most half full: 0 for an empty slot, else the key's index + 1
    /// in the low 16 bits and the top 16 bits of its hash in the high ones, so a probe compares keys only when
    /// their hashes agree.
    slots: Box<[u32]>,
}

impl Table {
    /// Keys that fit the 16 bits a slot holds for a key's index.
    const MAX_KEYS: usize = u16::MAX as usize - 1;

    /// An empty table for `keys` keys of `bytes` bytes in all.
    fn with_capacity(keys: usize, bytes: usize) -> Table {
        Table {
            keys: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(keys),
            entries: Vec::with_capacity(keys),
            slots: vec![0; (keys * 2).next_power_of_two().max(2)].into_boxed_slice(),
        }
    }

    /// How many keys the table holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }

    /// Where the `index`th key lies in `keys`.
    #[inline(always)]
    fn key_range(&self, index: usize) -> std::ops::Range<usize> {
        let start = index.checked_sub(1).and_then(|before| self.ends.get(before)).map_or(0, |&end| end as usize);
        start..self.ends.get(index).map_or(start, |&end| end as usize)
    }

    /// The slot's value for a key: its index + 1 in the low half, its hash's top bits in the high half.
    fn slot_value(index: usize, hash: u64) -> u32 {
        ((hash >> 48) as u32) << 16 | (index as u32 + 1)
    }

    /// `Ok(index)` of `key`, or `Err(slot)`: the empty slot where it would go.
    fn find(&self, key: &[u8], hash: u64) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let tag = Self::slot_value(0, hash) & 0xffff_0000;
        let mut slot = hash as usize & mask;
        loop {
            let value = self.slots[slot];
            if value == 0 {
                return Err(slot);
            }
            if value & 0xffff_0000 == tag {
                let index = (value & 0xffff) as usize - 1;
                if self.keys.get(self.key_range(index)).is_some_and(|stored| same_bytes(stored, key)) {
                    return Ok(index);
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// What the lists say about `key`.
    fn get(&self, key: &str) -> Option<&Entry> {
        let key = key.as_bytes();
        self.find(key, hash(key)).ok().map(|index| &self.entries[index])
    }

    /// Adds the keys of a front-coded list and calls `each(key, entry, second column)` for every entry, with the
    /// key's entry in the table (new and empty if no list before had the key). build.rs writes each entry as one
    /// control byte, the count n of bytes its key shares with the key before (0x00–0x1F, the tab skipped: n + 1
    /// from the tab on), then the rest of its key, then a tab and its second column if it keeps one. Nothing
    /// else ends an entry: the next count byte does. build.rs has kept one entry per key, so shared bytes never
    /// reach into the second column; the column is empty when the entry has none.
    ///
    /// One pass over the bytes, the key decoded in a buffer that keeps the shared prefix in place: keys are
    /// short, and cutting lines with `str::lines` (its generic character searcher), then decoding every list into
    /// a text and inserting its lines into a `HashMap`, took three times as long. Not inlined into the start-up
    /// code that runs once: in the Wasm, V8 then recompiles only these loops as they run hot, not all of it.
    #[inline(never)]
    fn add_list(&mut self, embedded: &str, mut each: impl FnMut(&[u8], &mut Entry, &[u8])) {
        let mut key: Vec<u8> = Vec::with_capacity(64);
        let mut rest = embedded.as_bytes();
        while let Some((&count, after)) = rest.split_first() {
            key.truncate(usize::from(if count > b'\t' { count - 1 } else { count }));
            let key_end = after.iter().position(|&b| b < b' ').unwrap_or(after.len());
            key.extend_from_slice(&after[..key_end]);
            let (column, next) = match after[key_end..].split_first() {
                Some((b'\t', column_on)) => {
                    column_on.split_at(column_on.iter().position(|&b| b < b' ').unwrap_or(column_on.len()))
                }
                _ => (&after[..0], &after[key_end..]),
            };
            rest = next;
            if let Some(index) = self.add(&key) {
                each(&key, &mut self.entries[index], column);
            }
        }
    }

    /// The index of `key`, added with an empty entry if the table does not hold it yet. `None` when the table is
    /// full ([`Self::MAX_KEYS`], which build.rs's count rules out: `DISTINCT_KEYS` is checked when compiling).
    fn add(&mut self, key: &[u8]) -> Option<usize> {
        let hash = hash(key);
        match self.find(key, hash) {
            Ok(index) => Some(index),
            Err(_) if self.entries.len() >= Self::MAX_KEYS => None,
            Err(mut slot) => {
                if (self.entries.len() + 1) * 2 > self.slots.len() {
                    self.grow();
                    slot = self.find(key, hash).err()?;
                }
                let index = self.entries.len();
                self.keys.extend_from_slice(key);
                self.ends.push(self.keys.len() as u32);
                self.entries.push(Entry::default());
                self.slots[slot] = Self::slot_value(index, hash);
                Some(index)
            }
        }
    }

    /// Doubles the slots and places every key again (only if build.rs's count were short: the table is made for
    /// every key).
    fn grow(&mut self) {
        self.slots = vec![0; self.slots.len() * 2].into_boxed_slice();
        let mask = self.slots.len() - 1;
        for index in 0..self.entries.len() {
            let hash = hash(&self.keys[self.key_range(index)]);
            let mut slot = hash as usize & mask;
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = Self::slot_value(index, hash);
        }
    }
}

/// The table's hash of a key: Fx's multiply over 8-byte words, the last 1–7 bytes read as two overlapping
/// words (as wyhash reads short keys) rather than copied into a zeroed one, which took a call to `memcpy` per key.
fn hash(key: &[u8]) -> u64 {
    let mut hasher = FxHasher { hash: key.len() as u64 };
    let mut rest = key;
    while rest.len() >= 8 {
        hasher.add(read_u64(rest));
        rest = &rest[8..];
    }
    let word = match rest.len() {
        0 => return hasher.finish(),
        1..=3 => u64::from(rest[0]) << 16 | u64::from(rest[rest.len() / 2]) << 8 | u64::from(rest[rest.len() - 1]),
        _ => u64::from(read_u32(rest)) << 32 | u64::from(read_u32(&rest[rest.len() - 4..])),
    };
    hasher.add(word);
    hasher.finish()
}

/// Whether two keys are the same: 8 bytes at a time, the last 1–7 read as overlapping words (as [`hash`] reads
/// them). Slice equality calls `memcmp`, which in the Wasm is a loop over bytes: it was a quarter of the time
/// spent finding keys.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => (a[0], a[n / 2], a[n - 1]) == (b[0], b[n / 2], b[n - 1]),
        4..=8 => read_u32(a) == read_u32(b) && read_u32(&a[n - 4..]) == read_u32(&b[n - 4..]),
        _ => {
            let mut start = 0;
            while start + 8 < n {
                if read_u64(&a[start..]) != read_u64(&b[start..]) {
                    return false;
                }
                start += 8;
            }
            read_u64(&a[n - 8..]) == read_u64(&b[n - 8..])
        }
    }
}

/// The first 8 bytes of `bytes` as a little-endian number (0 if there are fewer).
fn read_u64(bytes: &[u8]) -> u64 {
    bytes.get(..8).and_then(|b| b.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// The first 4 bytes of `bytes` as a little-endian number (0 if there are fewer).
fn read_u32(bytes: &[u8]) -> u32 {
    bytes.get(..4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes)
}

/// One word list: a bit of the shared table's entries.
#[derive(Clone, Copy)]
pub(crate) struct WordSet {
    table: &'static Table,
    bit: u16,
}

impl WordSet {
    /// Whether the list holds `key` (lower-cased as the list says).
    pub fn contains(&self, key: &str) -> bool {
        self.table.get(key).is_some_and(|entry| self.holds(entry))
    }

    /// Whether the list holds the key `entry` was found for ([`Lexicons::entry`]): for asking several lists
    /// about one word with one look-up.
    pub fn holds(&self, entry: &Entry) -> bool {
        entry.lists & self.bit != 0
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
const NON_PERSON_HEADS: u16 = 1 << 10;
const SENTENCE_OPENERS: u16 = 1 << 11;
const ROLE_LINKS: u16 = 1 << 12;

/// All word lists, parsed into one table. Names and titles are asked through [`Lexicons::entry`].
pub(crate) struct Lexicons {
    table: &'static Table,
    pub abbreviations: Abbreviations,
    pub nationalities: WordSet,
    pub organizations: WordSet,
    pub speech_verbs: WordSet,
    pub common_words: WordSet,
    /// Month and day names: capitalised in running text but never people ("June", "Monday").
    pub calendar: WordSet,
    /// Words that open sentences (`sentence_starters.txt`).
    pub sentence_starters: SentenceStarters,
    /// Last words of organisations, places, events and works: never the end of a person's name.
    pub non_person_heads: WordSet,
    /// Words that open sentences in capitals and never start a name ("But", "When").
    pub sentence_openers: WordSet,
    /// Words that may sit inside a role before a name ("of", "former", "deputy").
    pub role_links: WordSet,
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

    /// A place (`places.txt`) that is also a frequent name ("Jackson", "Victoria") or word ("Nice").
    pub fn is_ambiguous_place(&self) -> bool {
        self.place > 1
    }

    /// A place or a nationality.
    pub fn is_place_or_nationality(&self) -> bool {
        self.place > 0 || self.lists & NATIONALITIES != 0
    }
}

/// The text of `data/<name>.txt` as `build.rs` embedded it.
macro_rules! embedded {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name, ".txt"))
    };
}

// `DISTINCT_KEYS` and `KEY_BYTES`, counted by build.rs.
include!(concat!(env!("OUT_DIR"), "/lexicon_counts.rs"));
const _: () = assert!(DISTINCT_KEYS <= Table::MAX_KEYS, "a table slot holds a 16-bit key index");

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
            organizations: set(ORGANIZATIONS),
            speech_verbs: set(SPEECH_VERBS),
            common_words: set(COMMON_WORDS),
            calendar: set(CALENDAR),
            sentence_starters: SentenceStarters(table),
            non_person_heads: set(NON_PERSON_HEADS),
            sentence_openers: set(SENTENCE_OPENERS),
            role_links: set(ROLE_LINKS),
            chrome_phrases: entries(embedded!("chrome_phrases"))
                .map(|(phrase, reason)| (phrase, reason.unwrap_or("boilerplate")))
                .collect(),
        }
    })
}

/// Every keyed list in one table. build.rs has turned each entry into its look-up key already (lower case, and
/// [`normalize`]d for titles and places), kept one line per key and counted the distinct keys, so each line is
/// decoded and inserted in one pass ([`Table::add_list`]), into a table allocated once.
fn table() -> Table {
    let mut table = Table::with_capacity(DISTINCT_KEYS, KEY_BYTES);
    let lists: [(&str, u16); 13] = [
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
        (embedded!("non_person_heads"), NON_PERSON_HEADS),
        (embedded!("sentence_openers"), SENTENCE_OPENERS),
        (embedded!("role_links"), ROLE_LINKS),
    ];
    for (text, bit) in lists {
        table.add_list(text, |_, entry, column| {
            entry.lists |= bit;
            if bit == SENTENCE_STARTERS {
                entry.run_in = column == b"run-in";
            }
        });
    }
    table.add_list(embedded!("titles"), |_, entry, kind| {
        entry.title = Some(match kind {
            b"honorific" => TitleKind::Honorific,
            b"role" => TitleKind::Role,
            b"abbr" => TitleKind::Abbreviation,
            _ => TitleKind::Office,
        });
    });
    table.add_list(embedded!("abbreviations"), |_, entry, kind| {
        entry.abbreviation = Some(match kind {
            b"title" => AbbreviationKind::Title,
            b"month" => AbbreviationKind::Month,
            b"corporate" => AbbreviationKind::Corporate,
            _ => AbbreviationKind::General,
        });
    });
    table.add_list(embedded!("places"), |_, entry, kind| entry.place = if kind.is_empty() { 1 } else { 2 });
    table
}

/// The entries of a list `build.rs` embeds in order (`IN_ORDER` there): `(entry, second column)`. build.rs has
/// dropped comments and blank lines and trimmed both columns.
fn entries(text: &'static str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    text.lines().map(|line| match line.split_once('\t') {
        Some((entry, column)) => (entry, Some(column)),
        None => (line, None),
    })
}

pub(crate) use crate::entry_key::normalize;

/// The length in bytes of the longest of `words`, for a quick length test before comparing.
pub(crate) const fn longest(words: &[&str]) -> usize {
    let mut longest = 0;
    let mut k = 0;
    while k < words.len() {
        if words[k].len() > longest {
            longest = words[k].len();
        }
        k += 1;
    }
    longest
}

/// Whether `word` is one of `list`'s words. A `matches!` on strings or `contains` on a list of them calls a
/// string comparison per candidate; this compares lengths first, and bytes only when they agree.
pub(crate) fn one_of(word: &str, list: &[&str]) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return list.contains(&"");
    };
    for candidate in list {
        if candidate.len() == word.len() && candidate.as_bytes().first() == Some(&first) && candidate.as_bytes() == word.as_bytes() {
            return true;
        }
    }
    false
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
    use std::collections::BTreeMap;

    /// The entries of a file in `data/` as a person reads it: `#` lines and blank lines skipped, both columns
    /// trimmed, an empty second column none.
    fn data_file_entries(data: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
        data.lines().filter_map(|line| {
            if line.trim().is_empty() || line.starts_with('#') {
                return None;
            }
            let (entry, column) = line.split_once('\t').unwrap_or((line, ""));
            Some((entry.trim(), Some(column.trim()).filter(|c| !c.is_empty())))
        })
    }

    /// What build.rs embeds (headers dropped, entries turned into their look-up keys, sorted and front-coded)
    /// gives every look-up the same keys, with the same second column, as the files in `data/` themselves.
    /// Key comparison agrees with slice equality at every length up to 24, whichever byte differs.
    #[test]
    fn same_bytes_is_slice_equality() {
        for n in 0..24 {
            let a: Vec<u8> = (0..n as u8).map(|i| b'a' + i).collect();
            assert!(same_bytes(&a, &a.clone()), "{n} bytes, equal");
            for at in 0..n {
                let mut b = a.clone();
                b[at] ^= 0x20;
                assert!(!same_bytes(&a, &b), "{n} bytes, byte {at} differs");
            }
            assert!(!same_bytes(&a, &a[..n.saturating_sub(1)]) || n == 0, "{n} bytes against one fewer");
        }
    }

    #[test]
    fn embedded_lists_hold_the_entries_of_the_data_files() {
        let lists: [(&str, &str, &str); 17] = [
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
            ("non_person_heads", embedded!("non_person_heads"), include_str!("../data/non_person_heads.txt")),
            ("sentence_openers", embedded!("sentence_openers"), include_str!("../data/sentence_openers.txt")),
            ("role_links", embedded!("role_links"), include_str!("../data/role_links.txt")),
        ];
        let table = table();
        let mut keys = std::collections::BTreeSet::new();
        for (name, embedded, original) in lists {
            assert!(!embedded.contains('#'), "{name} still has its header");
            if name == "chrome_phrases" {
                assert_eq!(entries(embedded).collect::<Vec<_>>(), data_file_entries(original).collect::<Vec<_>>(), "{name}");
                continue;
            }
            // The key each list is looked up by; a repeated key keeps its last second column, as in a map.
            // The embedded entries are the keys themselves. Only the columns the table reads are kept, and a
            // list asked about one word at a time keeps its one-word entries (`COLUMN_READ`, `ONE_WORD` in
            // build.rs).
            let key = |entry: &str| if name == "titles" || name == "places" { normalize(entry) } else { entry.to_lowercase() };
            let column_read = ["titles", "abbreviations", "places", "sentence_starters"].contains(&name);
            let one_word = name == "speech_verbs";
            let want: BTreeMap<String, Option<String>> = data_file_entries(original)
                .map(|(entry, column)| (key(entry), column.filter(|_| column_read).map(str::to_string)))
                .filter(|(key, _)| !(one_word && key.contains(' ')))
                .collect();
            let mut got: BTreeMap<String, Option<String>> = BTreeMap::new();
            Table::with_capacity(0, 0).add_list(embedded, |key, _, column| {
                let column = (!column.is_empty()).then(|| String::from_utf8_lossy(column).into_owned());
                got.insert(String::from_utf8_lossy(key).into_owned(), column);
            });
            assert!(!want.is_empty(), "{name} has entries");
            assert_eq!(got, want, "{name}");
            for key in want.into_keys() {
                assert!(table.get(&key).is_some(), "{name}: the table finds {key:?}");
                keys.insert(key);
            }
        }
        assert_eq!(table.len(), keys.len(), "the table holds each key once");
        assert_eq!(DISTINCT_KEYS, keys.len(), "build.rs counts the keys the table holds");
    }

    /// The table decodes front-coded entries (a count of shared bytes, the rest; a tab before the second column), tells
    /// apart keys that share a prefix or differ only in length, finds no key it was not given, keeps one entry
    /// for a key in two lists, and grows past the size it was made for.
    #[test]
    fn normalize_drops_periods_that_end_words_and_lowers_case() {
        for (entry, key) in [
            ("U.S.", "u.s"),
            ("Lt. Gov.", "lt gov"),
            ("A.B.C", "a.b.c"),
            ("St.\tJohn.", "st\tjohn"),
            ("Dr..", "dr."),
            ("Sec.\u{b}State", "sec\u{b}state"),
            ("", ""),
            ("Ü.S.", "ü.s"),
            ("São Tomé. And", "são tomé and"),
        ] {
            assert_eq!(normalize(entry), key, "{entry:?}");
        }
    }

    #[test]
    fn one_of_agrees_with_contains() {
        let list = ["van", "de", "del", "y", ""];
        for word in ["van", "va", "vans", "de", "d", "del", "dem", "y", "x", "", "Van"] {
            assert_eq!(one_of(word, &list), list.contains(&word), "{word:?}");
        }
        assert!(!one_of("", &["a"]));
    }

    #[test]
    fn table_decodes_and_finds_exactly_its_keys() {
        // a, al, alan, alana, b, ba, zz: each entry's column is the bit it sets.
        let list = "\x00a\t0\x01l\t1\x02an\t2\x04a\t3\x00b\t4\x01a\t5\x00zz\t6";
        let mut table = Table::with_capacity(2, 4);
        let mut keys = Vec::new();
        table.add_list(list, |key, entry, column| {
            keys.push(String::from_utf8_lossy(key).into_owned());
            entry.lists = 1 << (column[0] - b'0');
        });
        assert_eq!(keys, ["a", "al", "alan", "alana", "b", "ba", "zz"]);
        assert_eq!(table.len(), 7);
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(table.get(key).map(|entry| entry.lists), Some(1 << i), "{key}");
        }
        for missing in ["", "ala", "alans", "z", "zzz", "c", "alanb"] {
            assert!(table.get(missing).is_none(), "{missing}");
        }
        table.add_list("\x00al\x00c", |_, entry, _| entry.place = 2);
        assert_eq!(table.len(), 8, "a key already in the table keeps its entry");
        assert_eq!(table.get("al").map(|entry| (entry.lists, entry.place)), Some((1 << 1, 2)));
        assert_eq!(table.get("c").map(|entry| (entry.lists, entry.place)), Some((0, 2)));
        // Counts from 9 on are one more, past the tab: 9 is 0x0a, 10 is 0x0b.
        let mut keys = Vec::new();
        table.add_list("\x00abcdefghi\x0az\x0bq", |key, _, _| keys.push(String::from_utf8_lossy(key).into_owned()));
        assert_eq!(keys, ["abcdefghi", "abcdefghiz", "abcdefghizq"]);
    }
}
