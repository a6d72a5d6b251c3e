//! The word lists the stages consult, embedded from `data/*.txt` and parsed once.
//!
//! Each data file names its source, licence and build script in its `#` header. Entries are one per line;
//! files with a second column separate it with a tab. Look-ups are by lower-cased key unless a list says
//! otherwise.
//!
//! What is embedded is what `build.rs` writes to `OUT_DIR`: headers dropped (they are for people reading
//! `data/`, not for the .wasm users download), and the keyed lists merged into one, each key once (lower-cased
//! or normalised as its lists are looked up) with every list's answer about it, grouped by answer, sorted and
//! front-coded, which gzips smaller. On first use, [`Table::add_merged`] decodes it key by key straight into one
//! table of every key.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A hash map keyed by short strings or numbers, hashed with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// `words` sorted, each once: the distinct words of a list that is counted and searched (`binary_search`) and
/// never changed, as the headline's and the lead's words and a table's known surnames are, once a text. A
/// `HashSet<String>` for them compiled a hash table of its own, 1 KB of the gzipped .wasm. Sorted by
/// [`crate::order::sort_by`] over positions, as the standard library's sort compiles a sort of its own per type.
pub(crate) fn sorted_distinct(mut words: Vec<String>) -> Vec<String> {
    let mut order: Vec<usize> = (0..words.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| words[a] < words[b]);
    let mut sorted: Vec<String> = Vec::with_capacity(words.len());
    for i in order {
        let word = std::mem::take(&mut words[i]);
        if sorted.last() != Some(&word) {
            sorted.push(word);
        }
    }
    sorted
}

/// The Fx hash (Firefox's, as rustc uses it): one rotate, xor and multiply per 8 bytes. The keys are words from
/// the text and the lexicons, not chosen by an attacker who could gain from collisions, and the standard SipHash
/// was 16% of all the instructions spent on an article.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = fx_add(self.hash, word);
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
            // The same number as the bytes copied into a zeroed word, without the copy (a call to `memcpy` in the Wasm).
            self.add(tail_word(rest) ^ ((rest.len() as u64) << 59));
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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

/// The entry of a key no list holds ([`Entry::default`]), which [`Table::get_ignoring_ascii_case`] answers for a key
/// it does not find.
static NO_ENTRY: Entry = Entry { lists: 0, title: None, abbreviation: None, place: 0, run_in: false };

impl Entry {
    /// The entry an entry code of build.rs's merged list stands for (`entry_code` there writes it): the list bits
    /// in bits 0–12, the title kind in 13–15 and the abbreviation kind in 16–18 (0 none, then in the order the
    /// enums declare them), the place in 19–20, the run-in mark in bit 21.
    fn from_code(code: u32) -> Entry {
        const TITLES: [Option<TitleKind>; 5] =
            [None, Some(TitleKind::Honorific), Some(TitleKind::Office), Some(TitleKind::Role), Some(TitleKind::Abbreviation)];
        const ABBREVIATIONS: [Option<AbbreviationKind>; 5] = [
            None,
            Some(AbbreviationKind::Title),
            Some(AbbreviationKind::Month),
            Some(AbbreviationKind::Corporate),
            Some(AbbreviationKind::General),
        ];
        Entry {
            lists: (code & 0x1fff) as u16,
            title: TITLES.get((code >> 13 & 7) as usize).copied().flatten(),
            abbreviation: ABBREVIATIONS.get((code >> 16 & 7) as usize).copied().flatten(),
            place: (code >> 19 & 3) as u8,
            run_in: code >> 21 & 1 != 0,
        }
    }
}

/// The one table of every list, by look-up key: open addressing over the keys stored back to back.
///
/// A `HashMap<&str, Entry>` of the same keys took 24 bytes a bucket and twice as many buckets as keys, and its
/// inserts were most of the start-up cost; here a slot is 8 bytes, and a key is placed as it is decoded.
///
/// The slots, the records and the entries are arrays of sizes known when compiling, and a slot's place in the
/// records is a number of [`Self::OFFSET_BITS`] bits: every place a look-up reads is inside them by its type, so the
/// Wasm tests none of them: three tests a look-up fewer, each a branch that V8's code took, and that the simulated
/// predictor, which keys its counters by the last branches taken, mispredicted as the words before it went.
struct Table {
    /// Every key as a record, back to back in the order added: the index of its entry in `entries`, its length,
    /// then its bytes. A look-up reads the record of a key of 9 bytes or more only (the slot of a shorter key
    /// holds all a look-up needs), its length, first word and the rest in one place, where separate lists of
    /// keys, key ends and entry indices took four reads, each a likely cache miss in a table of 200 KB.
    ///
    /// Every place a slot can point to has [`Self::WINDOW`] bytes after it, so that a key is written and read 8
    /// bytes at a time: a word at a key's last bytes stays inside, and the bytes after a key are the next
    /// record's (or spare ones), overwritten when the next key is decoded.
    records: Box<[u8; RECORD_BYTES]>,
    /// How many bytes of `records` the keys added take.
    used: usize,
    /// Where the bytes of the last key added start in `records` (the next key may share a prefix with it).
    last_key: usize,
    /// The length of the last key added.
    last_len: usize,
    /// How many keys the table holds.
    keys: usize,
    /// How many keys it may hold (at most a quarter of its slots).
    capacity: usize,
    /// How many groups of build.rs's merged list have been read: the entries in use, the last one the entry of
    /// the keys added now.
    groups: usize,
    /// The entries the keys have, one for each group of build.rs's merged list (at most 256: `ENTRY_CODES`).
    entries: Box<[Entry; 256]>,
    /// Open addressing with linear probing, a fifth full (at two fifths, 256 KB, a look-up read 1.57 slots where
    /// it read 1.21 and the simulated predictor mispredicted half as often again, for no fewer simulated cache
    /// misses: +0.5% in the count, though 0.5% faster when timed; 1.12 since build.rs puts the smallest groups,
    /// the words looked up most, first, so they take their own slots), each key at most
    /// [`WALK`]` - 1` slots after its own (its hash's low bits), with no wrapping round: 0 for an empty slot, else
    /// the key itself for a key of 1–8 bytes ([`Self::short_slot`]), most of those looked up, which a look-up
    /// compares without reading its record, or its tag and where its record starts for any other
    /// ([`Self::long_slot`]); the low byte is the index of the key's entry in `entries` and the next 4 bits how
    /// far the key is from its own slot.
    slots: Box<[u64; SLOTS + WALK - 1]>,
}

/// The slots of the lexicon's table from which a key's walk may start: four or more a key, a power of two, and at
/// least 2^16, so that its own slot holds the hash's low 16 bits, which [`Table::short_slot`] leaves out.
const SLOTS: usize = if DISTINCT_KEYS <= 1 << 14 { 1 << 16 } else { (DISTINCT_KEYS * 4).next_power_of_two() };

/// The slots of the lexicon's table a look-up reads at most: a key is placed within them, counted from its own
/// slot (the distance, 0–15, is 4 bits of the slot's). No key of the lists is 8 slots from its own.
const WALK: usize = 16;

/// The bytes of the lexicon table's records: every place a slot can point to, and a window after the last.
const RECORD_BYTES: usize = Table::OFFSET_MASK as usize + 1 + Table::WINDOW;

impl Table {
    /// The bits of a slot that say where a key's record starts in `records`; build.rs's counts are checked
    /// against them when compiling.
    const OFFSET_BITS: u32 = 17;
    /// The slot bits of a key's place in `records`.
    const OFFSET_MASK: u32 = (1 << Self::OFFSET_BITS) - 1;

    /// The bytes from where a record starts that [`Self::add_key`] may write and read back: its entry index and
    /// length, a key of at most 255 bytes and the rest of the word written last (its hash reads that word whole
    /// and masks the bytes past the key). `records` has that many bytes after every place a slot can point to.
    const WINDOW: usize = 280;

    /// An empty table for `keys` keys (or a quarter of [`SLOTS`] if fewer): build.rs counts them, so the table
    /// never grows.
    fn with_capacity(keys: usize) -> Table {
        Table {
            records: Box::new([0; RECORD_BYTES]),
            used: 0,
            last_key: 0,
            last_len: 0,
            keys: 0,
            capacity: keys.min(SLOTS / 4),
            groups: 0,
            entries: Box::new([Entry::default(); 256]),
            slots: Box::new([0; SLOTS + WALK - 1]),
        }
    }

    /// How many keys the table holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.keys
    }

    /// Every key with its entry, in the order added.
    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = (&[u8], Entry)> + '_ {
        let mut at = 0;
        let records = &self.records[..self.used];
        std::iter::from_fn(move || {
            let (&entry, &len) = (records.get(at)?, records.get(at + 1)?);
            let key = records.get(at + 2..at + 2 + usize::from(len))?;
            at += 2 + key.len();
            Some((key, self.entries[usize::from(entry)]))
        })
    }

    /// The bits of a slot that hold the index of the key's entry in `entries`.
    const ENTRY_MASK: u64 = 0xff;
    /// One step further from a key's own slot in the 4 bits of a slot above its entry's index.
    const STEP: u64 = 1 << 8;
    /// The 4 bits of a slot that hold the length of a key of 1–8 bytes, 0 for any other key.
    const LENGTH_BITS: u64 = 0xf << 12;
    /// The bits of a slot that hold a longer (or empty) key's tag: its hash's top 31 bits, the top one set.
    const TAG_BITS: u64 = !0 << 33;
    /// Where a longer key's slot holds where its record starts in `records`.
    const OFFSET_SHIFT: u32 = 16;

    /// Whether a key of `len` bytes is held in its slot ([`Self::short_slot`]).
    fn is_short(len: usize) -> bool {
        len.wrapping_sub(1) < 8
    }

    /// The slot of a key of 1–8 bytes, `len` of them, hashed to `hash`, at its own slot and with its entry's index
    /// left 0: the hash but its low 16 bits, and the key's length. The hash is, for a given length, one to one
    /// with the key's first word ([`entry_hash_of`]: a constant xor-ed in, a multiply by an odd number, a
    /// rotate), which is the key, and its low 16 bits are those of the slot where the key's walk starts, the
    /// slot's place less its distance from there: a slot that agrees with the key in these bits, and in its
    /// distance, is the key. So a look-up of such a key reads its slot and no record. With a slot of 4 bytes
    /// that pointed to a record, a look-up read two places one after the other, each a likely cache miss in a
    /// table of 370 KB read at random, and took 6.3% of the Wasm's time where the count puts 2.3% of its
    /// cost; in the cache simulated, 0.58 misses of a 1 MB cache a look-up.
    fn short_slot(hash: u64, len: usize) -> u64 {
        hash & !0xffff | (len as u64) << 12
    }

    /// The slot of a key of any other length hashed to `hash`, at its own slot and with its entry's index and
    /// record left 0: its tag, never 0, with 0 for the length, which no key of 1–8 bytes has.
    fn long_slot(hash: u64) -> u64 {
        hash & Self::TAG_BITS | 1 << 63
    }

    /// What the lists say about `key`: its record found from its slot, read once (entry index, length, bytes).
    fn get(&self, key: &str) -> Option<&Entry> {
        self.get_and_hash(key.as_bytes()).0
    }

    /// [`Self::get`] of `key`, with the key's hash ([`entry_hash`]). A key of 1–8 bytes, most of those looked up,
    /// is found by its slot alone ([`Self::probe_short`]), in line; any other by [`Self::get_long`], out of line.
    /// With one walk for both, each key's form picked by masks rather than a branch on its length, V8 held the
    /// values of both forms across the walk, most of them spilled: 123 instructions a look-up, where the branch,
    /// mispredicted for most long keys (2.2K a corpus round), costs less. Each branch hashes the key as
    /// [`entry_hash`] does, the short key's first word read by [`short_word`] without first cutting the key to 8
    /// bytes, the long key's by one 8-byte read. By V8's count a corpus round, 2.30M → 1.97M with `get_long`.
    ///
    /// In line in the Wasm, in [`Self::get`] and [`Lexicons::entry_and_hash`]: there a pair is returned through
    /// memory, with a frame on the Wasm's own stack for each call (as a call, 1.68M of V8's cost a corpus round;
    /// in line, 0.79M in `get` and 0.52M more in the people stage's `push_run`). Natively the pair comes back in
    /// registers, and the compiler keeps one copy.
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    fn get_and_hash(&self, key: &[u8]) -> (Option<&Entry>, u64) {
        let len = key.len();
        if Self::is_short(len) {
            let hash = entry_hash_of(len, short_word(key));
            (self.probe_short(hash, len), hash)
        } else {
            let first = read_u64(key);
            let hash = entry_hash_of(len, first);
            (self.get_long(key, hash, first, false), hash)
        }
    }

    /// Whether the key whose bytes start at `start` in `records`, as long as `key` (8 bytes or more), has the bytes
    /// of `key` past the eighth (the first 8 are compared by the caller), with its ASCII capitals made lower case if
    /// `fold` (for a key of ASCII alone): 8 bytes at a time, the last word the key's last 8 bytes, which may overlap
    /// the word before (lower case, too, is made byte by byte). A key of 9–16 bytes, most of the longer keys, is one
    /// comparison, with no branch on its length (a test for each class of length, 1–3, 4–8 and more bytes, was
    /// three branches for each such key found).
    fn same_rest(&self, start: usize, key: &[u8], fold: bool) -> bool {
        let Some(stored) = self.records.get(start..start + key.len()) else {
            return false;
        };
        let (Some(stored_last), Some(last)) = (stored.last_chunk::<8>(), key.last_chunk::<8>()) else {
            return false;
        };
        let folded = |word: u64| if fold { crate::tokens::lower_ascii_word(word) } else { word };
        let mut at = 8;
        while at + 8 < key.len() {
            if read_u64_at(stored, at) != folded(read_u64_at(key, at)) {
                return false;
            }
            at += 8;
        }
        u64::from_le_bytes(*stored_last) == folded(u64::from_le_bytes(*last))
    }

    /// The entry of the key of 1–8 bytes, `len` of them, hashed to `hash` ([`entry_hash`]): the slots are walked
    /// from the hash's own to the first empty one, or [`WALK`] of them, and a slot is compared with the key as one
    /// number, masked to the bits that say which key it holds: the key itself ([`Self::short_slot`]) and its
    /// distance from the key's own slot. Inlined into [`Self::get_and_hash`] and [`Self::get_ignoring_ascii_case`].
    ///
    /// Neither test can be learnt (whether a word is in the lists goes as the text does), so they are made in the
    /// order that splits the look-ups least evenly: a key's own slot is empty for one look-up in four, and a slot
    /// holding a key holds another key about as often. The key's test first, with the empty slot's made to fail
    /// it (a 60/40 split), was mispredicted 9.3K times a round against 7.5K; testing two slots at once cut that to
    /// 5.5K but took 28 instructions more a look-up in V8; the key's own slot tested before the loop, 1.95M
    /// instructions against 1.75M.
    #[inline(always)]
    fn probe_short(&self, hash: u64, len: usize) -> Option<&Entry> {
        let mut want = Self::short_slot(hash, len);
        let walk = self.slots.get(hash as usize % SLOTS..)?.first_chunk::<WALK>()?;
        for &value in walk {
            if value == 0 {
                return None;
            }
            if (value ^ want) & !Self::ENTRY_MASK == 0 {
                return Some(&self.entries[(value & Self::ENTRY_MASK) as usize]);
            }
            want += Self::STEP;
        }
        None
    }

    /// The entry of `key`, of 0 or more than 8 bytes, hashed to `hash`, its first word `first`, its ASCII capitals
    /// made lower case if `fold` ([`Self::same_rest`]): the slots are walked as [`Self::probe_short`] walks them,
    /// and a slot whose tag and length ([`Self::long_slot`]) are the key's has its record compared
    /// ([`Self::record_matches`], then the bytes past the eighth). One walk, out of line, for both look-ups.
    #[inline(never)]
    fn get_long(&self, key: &[u8], hash: u64, first: u64, fold: bool) -> Option<&Entry> {
        let want = Self::long_slot(hash);
        let walk = self.slots.get(hash as usize % SLOTS..)?.first_chunk::<WALK>()?;
        for &value in walk {
            if value == 0 {
                return None;
            }
            let record = (value >> Self::OFFSET_SHIFT) as usize & Self::OFFSET_MASK as usize;
            if (value ^ want) & (Self::TAG_BITS | Self::LENGTH_BITS) == 0
                && self.record_matches(record, key.len(), first)
                && self.same_rest(record + 2, key, fold)
            {
                return Some(&self.entries[(value & Self::ENTRY_MASK) as usize]);
            }
        }
        None
    }

    /// Whether the record at `record` holds a key of `len` bytes, 0 or more than 8 ([`Self::get_long`]), whose
    /// first 8 bytes are `first` (the bytes past the eighth are the caller's to compare). Its first word is read
    /// whole: no record holds a key of 0 bytes, and a longer one's first 8 bytes are its own.
    fn record_matches(&self, record: usize, len: usize, first: u64) -> bool {
        let Some(&[_, stored_len, ref word @ ..]) = self.records.get(record..).and_then(<[u8]>::first_chunk::<10>) else {
            return false;
        };
        usize::from(stored_len) == len && u64::from_le_bytes(*word) == first
    }

    /// [`Self::get`] of `key` with its ASCII capitals made lower case, for a key of ASCII bytes (`None` for any
    /// other: the caller lower-cases it as its lists need). The capitals are folded 8 bytes at a time as the key is
    /// hashed and compared ([`crate::tokens::lower_ascii_word`]), so a capitalised word ("Mr", "The") is looked up without a
    /// lower-case copy; a longer key's record is compared as [`Self::get_long`] compares it, each word folded.
    ///
    /// A key no list holds is answered with [`NO_ENTRY`], which every caller reads as it read "not found": one
    /// reference comes back in a register in the Wasm, where an `Option` of an `Option` came back through memory,
    /// with a frame on the Wasm's own stack for each call (the callers `lower_case_entry` and `tag_before` 9.9K
    /// instructions fewer a corpus round in V8, 6.7K natively; this function 0.7K and 4.1K more).
    #[inline(never)]
    fn get_ignoring_ascii_case(&self, key: &[u8]) -> Option<&Entry> {
        let len = key.len();
        // The first word as the table's hash reads it ([`entry_hash`]), without a call: most keys are that word.
        let mut bytes = short_word(key.get(..len.min(8)).unwrap_or(key));
        let first = crate::tokens::lower_ascii_word(bytes);
        let mut at = 8;
        while at < len {
            bytes |= read_padded_u64(key, at);
            at += 8;
        }
        if bytes & crate::tokens::HIGH_BITS != 0 {
            return None;
        }
        let hash = entry_hash_of(len, first);
        let found = if Self::is_short(len) { self.probe_short(hash, len) } else { self.get_long(key, hash, first, true) };
        Some(found.unwrap_or(&NO_ENTRY))
    }

    /// Adds the keys of build.rs's merged list (`lexicon.bin`): groups of keys that share an entry, each a tab, the
    /// group's entry code in 3 bytes (little-endian, [`Entry::from_code`]) and its keys. Each key is one control
    /// byte, the count n of bytes it shares with the key before (0x00–0x1F, the tab skipped: n + 1 from the tab
    /// on), then the rest of the key; nothing else ends a key: the next count byte or tab does.
    ///
    /// One pass over the bytes, each key decoded in place after the one before (its shared prefix copied from
    /// there) and placed at once: build.rs writes every key once, with every list's answer about it, so a key
    /// needs no look-up before it is placed. Sixteen lists decoded one by one, each key looked up to merge the
    /// lists that share it, took half as long again.
    ///
    /// A key is one call of [`Self::add_key`], and this loop does nothing else: V8 runs the Wasm in baseline code
    /// first and recompiles a function that runs hot with its optimising compiler, but a call already running goes
    /// on in baseline code. With every key in this one call, V8 spent 6M instructions compiling a loop it never
    /// ran again, and ran all 12,930 keys in baseline code; `add_key`, small, is recompiled early and runs most of
    /// them optimised (start-up 72M → 67–69M instructions in V8).
    #[inline(never)]
    fn add_merged(&mut self, merged: &[u8]) {
        let mut at = 0;
        while let Some(&count) = merged.get(at) {
            at = if count == b'\t' { self.add_group(merged, at) } else { self.add_key(merged, at, count) };
        }
    }

    /// Reads the group header at `at` (a tab and an entry code in 3 bytes): the keys after it have its entry.
    /// Returns where the group's first key starts (the end of the list if the header is cut short, or a 257th
    /// group begins).
    #[inline(never)]
    fn add_group(&mut self, merged: &[u8], at: usize) -> usize {
        let (Some(&[_, low, middle, high]), Some(place)) =
            (merged.get(at..at + 4).and_then(|header| header.first_chunk()), self.entries.get_mut(self.groups))
        else {
            return merged.len();
        };
        *place = Entry::from_code(u32::from_le_bytes([low, middle, high, 0]));
        self.groups += 1;
        at + 4
    }

    /// Decodes the key at `at` (its count byte, `count`) after the key before and puts it in the first empty slot
    /// from its hash on; returns where the next key or group starts. When the table is full (the keys build.rs
    /// counted, or the bytes a slot can point to), or no group has begun, the key is dropped and the end of the
    /// list returned.
    ///
    /// The record is written 8 bytes at a time into the [`Self::WINDOW`] bytes from where it starts, taken once:
    /// the shared prefix word by word from the key before (its last word may hold bytes past the prefix; the rest
    /// of the key overwrites them), then the rest from the list, word by word until one holds a control byte
    /// ([`first_control_byte`]), which ends the key; the key is hashed from the first word written ([`entry_hash`] reads
    /// the same words). Pushing the bytes one by one onto a `Vec` took 196 instructions a key, this 132 (natively,
    /// hash included); `extend_from_slice` and the like are calls ending in `memory.copy` in the Wasm, which V8
    /// runs as a call out to C, for keys of 7 bytes on average. Copying the prefix as 4 words whatever its length
    /// took 5 fewer instructions natively, but 1.1M more in V8 at start-up, where most keys run in baseline code.
    ///
    /// Out of line in the Wasm only, for V8's tiers ([`Self::add_merged`]). Natively, where nothing runs in a
    /// baseline tier first, the compiler inlines it into that loop, which saved and restored six registers for the
    /// call and read the table's counts and boxes again at every key: 145 → 132 instructions a key with the loop's
    /// own (the lexicons are read once a process, 1.96M → 1.71M instructions natively).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn add_key(&mut self, merged: &[u8], at: usize, count: u8) -> usize {
        if self.keys >= self.capacity || self.used > Self::OFFSET_MASK as usize || self.groups == 0 {
            return merged.len();
        }
        let shared = usize::from(if count > b'\t' { count - 1 } else { count }).min(self.last_len);
        let Some(prefix) = self.records.get(self.last_key..).and_then(<[u8]>::first_chunk::<32>) else {
            return merged.len();
        };
        let prefix = *prefix;
        let record = self.used;
        let Some(window) = self.records.get_mut(record..).and_then(<[u8]>::first_chunk_mut::<{ Self::WINDOW }>) else {
            return merged.len();
        };
        let mut copied = 0;
        while copied < shared {
            write_u64_at(window, 2 + copied, read_u64_at(&prefix, copied));
            copied += 8;
        }
        let (mut from, mut to) = (at + 1, 2 + shared);
        loop {
            let word = read_padded_u64(merged, from);
            if !write_u64_at(window, to, word) {
                return merged.len();
            }
            if let Some(end) = first_control_byte(word) {
                from += end;
                to += end;
                break;
            }
            from += 8;
            to += 8;
        }
        let Ok(len) = u8::try_from(to - 2) else {
            return merged.len();
        };
        let entry = (self.groups - 1) as u8;
        window[0] = entry;
        window[1] = len;
        let len = usize::from(len);
        let hash = entry_hash_of(len, read_u64_at(window, 2) & first_word_mask(len));
        // Either key's form picked by a mask, as in the look-ups of old, a branch here went as the keys' lengths do.
        let pick = u64::from(Self::is_short(len)).wrapping_neg();
        let key = Self::short_slot(hash, len) & pick | (Self::long_slot(hash) | (record as u64) << Self::OFFSET_SHIFT) & !pick;
        let Some(walk) = self.slots.get_mut(hash as usize % SLOTS..).and_then(<[u64]>::first_chunk_mut::<WALK>) else {
            return merged.len();
        };
        let Some((distance, slot)) = walk.iter_mut().enumerate().find(|(_, slot)| **slot == 0) else {
            return merged.len();
        };
        *slot = key | (distance as u64 * Self::STEP) | u64::from(entry);
        self.used = record + to;
        self.last_key = record + 2;
        self.last_len = len;
        self.keys += 1;
        from
    }
}

/// The bytes of a key's first word that are the key's (all 8 for a longer key), as the bits of a mask.
fn first_word_mask(len: usize) -> u64 {
    u64::MAX.checked_shr(8 * (8 - len.min(8)) as u32).unwrap_or(0)
}

/// Where the first byte below a space is in `word` (8 bytes, little-endian), if there is one: the end of a key in
/// the merged list. The borrow out of such a byte may mark bytes after it, never one before.
fn first_control_byte(word: u64) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let below = word.wrapping_sub(ONES * u64::from(b' ')) & !word & (ONES * 0x80);
    (below != 0).then_some(below.trailing_zeros() as usize / 8)
}

/// The 8 bytes of `bytes` from `at` as a little-endian number, 0 bytes after its end if it is shorter (the last
/// 0–7 bytes read as [`tail_word`] reads them: a loop over them into a zeroed word put a loop and a stack frame in
/// `Table::add_key`).
fn read_padded_u64(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..) {
        Some(rest) => rest.first_chunk().map_or_else(|| tail_word(rest), |word| u64::from_le_bytes(*word)),
        None => 0,
    }
}

/// The 8 bytes of `bytes` from `at` as a little-endian number (0 if there are fewer).
fn read_u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at..).and_then(<[u8]>::first_chunk).map_or(0, |word| u64::from_le_bytes(*word))
}

/// Writes `word` little-endian at `at` in `bytes`; false if it does not fit.
fn write_u64_at(bytes: &mut [u8], at: usize, word: u64) -> bool {
    let Some(place) = bytes.get_mut(at..).and_then(<[u8]>::first_chunk_mut) else {
        return false;
    };
    *place = word.to_le_bytes();
    true
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

/// `speech_verbs.txt`: a [`WordSet`] whose look-up is skipped for a key no speech verb's shape fits. Most words
/// before and after a quote are looked up as possible verbs ("said", "told"), and two in a hundred are; a look-up
/// was the top function of the Wasm, a table of 200 KB read where the key hashes. The shapes are 256 bytes.
#[derive(Clone, Copy)]
pub(crate) struct SpeechVerbs(WordSet);

impl SpeechVerbs {
    /// Whether `key` (lower-cased) is a speech verb.
    pub fn contains(&self, key: &str) -> bool {
        let bytes = key.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        has_verb_shape(first, bytes.get(1).copied().unwrap_or(0), bytes.len(), last) && self.0.contains(key)
    }

    /// Whether `word` in lower case ([`lower`]) is a speech verb. An ASCII word is tested as it stands: the shapes
    /// read the low 5 bits of its first, second and last bytes, the same in either case, and the look-up folds its
    /// capitals ([`Table::get_ignoring_ascii_case`]); only a word beyond ASCII, whose length lower case may change,
    /// is lower-cased into `buffer`.
    pub fn contains_lower_case(&self, word: &str, buffer: &mut String) -> bool {
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        if !has_verb_shape(first, bytes.get(1).copied().unwrap_or(0), bytes.len(), last) {
            return has_non_ascii(bytes) && self.contains(lower(word, buffer));
        }
        match self.0.table.get_ignoring_ascii_case(bytes) {
            Some(entry) => self.holds(entry),
            None => self.contains(lower(word, buffer)),
        }
    }

    /// Whether the key `entry` was found for is a speech verb ([`WordSet::holds`]).
    pub fn holds(&self, entry: &Entry) -> bool {
        self.0.holds(entry)
    }
}

/// Whether `word` has a byte beyond ASCII: a word of up to sixteen bytes, most, read as one or two words of eight
/// bytes (as [`tail_word`] reads fewer), without the call `<[u8]>::is_ascii` is in the Wasm (110 cost units a
/// call, asked of every word before a quote that no speech verb's shape fits, and of four in five words before a
/// period, [`Abbreviations::may_hold`]). Inlined in both: a call of it cost more than the one of `is_ascii`.
#[inline(always)]
fn has_non_ascii(word: &[u8]) -> bool {
    let bytes = match (word.first_chunk::<8>(), word.last_chunk::<8>()) {
        (Some(head), Some(last)) if word.len() <= 16 => u64::from_le_bytes(*head) | u64::from_le_bytes(*last),
        (Some(_), Some(_)) => return !word.is_ascii(),
        _ => tail_word(word),
    };
    bytes & crate::tokens::HIGH_BITS != 0
}

/// Whether a word from byte `first` to `last`, `len` bytes long, its second byte `second`, has both marks of a
/// speech verb's shape in `VERB_SHAPES` ([`speech_verb_shape`]), as one test: the two marks shifted down to bit 0
/// and and-ed. Two tests of their bits, one after the other, were mispredicted as each word's letters went.
fn has_verb_shape(first: u8, second: u8, len: usize, last: u8) -> bool {
    let ((second_at, second_bit), (last_at, last_bit)) = speech_verb_shape(first, second, len, last);
    let second_mark = VERB_SHAPES.get(second_at).map_or(0, |marks| marks >> second_bit.trailing_zeros());
    let last_mark = VERB_SHAPES.get(last_at).map_or(0, |marks| marks >> last_bit.trailing_zeros());
    second_mark & last_mark & 1 != 0
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

    /// Whether `word` in lower case may be an abbreviation, by its shape alone ([`ABBREVIATION_SHAPES`]): false only
    /// for an ASCII word (whose lower case has its length, and its first and last bytes in either case) that no
    /// abbreviation's shape fits, as four in five words before a period are ("said", "year"), which then need no
    /// look-up in the table.
    pub fn may_hold(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return true;
        };
        let ((length_at, length_bit), (last_at, last_bit)) = key_shape(first, bytes.len(), last);
        let shapes = &ABBREVIATION_SHAPES;
        // Both marks shifted down to bit 0 and and-ed, one test (as two, each went as the words' letters do).
        let length_mark = shapes.get(length_at).map_or(0, |s| s >> length_bit.trailing_zeros());
        let last_mark = shapes.get(last_at).map_or(0, |s| s >> last_bit.trailing_zeros());
        length_mark & last_mark & 1 != 0 || has_non_ascii(bytes)
    }
}

/// Where a key of `len` bytes from `first` to `last` is marked in a table of key shapes (the abbreviations' keys are
/// marked so, when compiling): the place and the bit for its first byte and length, and for its first and last
/// bytes. A `const fn` for that.
const fn key_shape(first: u8, len: usize, last: u8) -> ((usize, u32), (usize, u32)) {
    let first = (first & 31) as usize;
    let len = if len < 31 { len } else { 31 };
    ((first, 1 << len), (32 | first, 1 << (last & 31)))
}

/// The shapes of the keys of `abbreviations.txt` ([`key_shape`]), worked out when compiling from the list's
/// entries (lower case, before a tab; `#` lines are comments): the file is not embedded for them.
static ABBREVIATION_SHAPES: [u32; 64] = key_shapes(include_str!("../data/abbreviations.txt").as_bytes());

/// The shapes ([`key_shape`]) of the first column of every line of `list` that is no comment, in lower case.
const fn key_shapes(list: &[u8]) -> [u32; 64] {
    let mut shapes = [0; 64];
    let mut start = 0;
    while start < list.len() {
        let mut end = start;
        while end < list.len() && list[end] != b'\n' {
            end += 1;
        }
        let mut key_end = start;
        while key_end < end && list[key_end] != b'\t' && list[key_end] != b'\r' {
            key_end += 1;
        }
        if key_end > start && list[start] != b'#' {
            let (first, last) = (list[start].to_ascii_lowercase(), list[key_end - 1].to_ascii_lowercase());
            let ((length_at, length_bit), (last_at, last_bit)) = key_shape(first, key_end - start, last);
            shapes[length_at] |= length_bit;
            shapes[last_at] |= last_bit;
        }
        start = end + 1;
    }
    shapes
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
    pub speech_verbs: SpeechVerbs,
    pub common_words: WordSet,
    /// Month and day names: capitalised in running text but never people ("June", "Monday").
    pub calendar: WordSet,
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

    /// [`Self::entry`] of `key` with the key's hash ([`entry_hash`]), for [`may_open_stretch`] to read.
    pub fn entry_and_hash(&self, key: &str) -> (Entry, u64) {
        let (entry, hash) = self.table.get_and_hash(key.as_bytes());
        (entry.copied().unwrap_or_default(), hash)
    }

    /// [`Self::entry`] of `word` in lower case when `word` is ASCII, found without a lower-case copy
    /// ([`Table::get_ignoring_ascii_case`]); `None` for a word with other characters, which the caller lower-cases
    /// as its lists need.
    pub fn entry_ignoring_ascii_case(&self, word: &str) -> Option<Entry> {
        self.table.get_ignoring_ascii_case(word.as_bytes()).copied()
    }
}

impl Entry {
    /// How the word behaves at a period, if it is an abbreviation (`abbreviations.txt`).
    pub fn abbreviation_kind(&self) -> Option<AbbreviationKind> {
        self.abbreviation
    }

    /// `None` when the word is not a sentence starter (`sentence_starters.txt`), else whether it also marks a
    /// caption run-in.
    pub fn sentence_starter(&self) -> Option<bool> {
        (self.lists & SENTENCE_STARTERS != 0).then_some(self.run_in)
    }

    /// How strongly the word is known as a given name: 2 known, 1 known but also a common word ("Will").
    pub fn given_name_strength(&self) -> u8 {
        name_strength(self.lists & GIVEN_NAMES != 0, self.lists & AMBIGUOUS_GIVEN_NAMES != 0)
    }

    /// How strongly the word is known as a surname: 2 known, 1 known but also a common word ("Brown").
    pub fn surname_strength(&self) -> u8 {
        name_strength(self.lists & SURNAMES != 0, self.lists & AMBIGUOUS_SURNAMES != 0)
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
        // One test of both: as two, the compiler tested them one after the other, each as the words go.
        (u16::from(self.place) | self.lists & NATIONALITIES) != 0
    }
}

/// How strongly a word is known as a name of one kind, from whether a list of such names holds it (`known`) and
/// whether the list of those that are also common words does (`ambiguous`): 1 if ambiguous, else 2 if known, else
/// 0. Worked out as numbers, not tested: as tests, each went as the words looked up do.
fn name_strength(known: bool, ambiguous: bool) -> u8 {
    let known = u8::from(known) << 1;
    let ambiguous = u8::from(ambiguous);
    // An ambiguous word's 1 clears the known one's 2.
    (known & !(ambiguous << 1)) | ambiguous
}

/// build.rs's merged list of every keyed list: each key once, with every list's answer about it.
const MERGED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// `data/chrome_phrases.txt` without its header, as build.rs embeds it (the first matching phrase names the chrome,
/// so the list keeps its order).
const CHROME_PHRASES: &str = include_str!(concat!(env!("OUT_DIR"), "/chrome_phrases.txt"));

// `DISTINCT_KEYS`, `KEY_BYTES` and `ENTRY_CODES`, counted by build.rs, `VERB_SHAPES` and `STRETCH_MARKS`.
include!(concat!(env!("OUT_DIR"), "/lexicon_counts.rs"));
const _: () = assert!(
    KEY_BYTES + 2 * DISTINCT_KEYS <= Table::OFFSET_MASK as usize,
    "a table slot points into the keys' records with Table::OFFSET_BITS bits"
);
const _: () = assert!(ENTRY_CODES <= 256, "a key holds its entry's index in a byte");

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
            speech_verbs: SpeechVerbs(set(SPEECH_VERBS)),
            common_words: set(COMMON_WORDS),
            calendar: set(CALENDAR),
            non_person_heads: set(NON_PERSON_HEADS),
            sentence_openers: set(SENTENCE_OPENERS),
            role_links: set(ROLE_LINKS),
            chrome_phrases: entries(CHROME_PHRASES).map(|(phrase, reason)| (phrase, reason.unwrap_or("boilerplate"))).collect(),
        }
    })
}

/// Every keyed list in one table. build.rs has turned each entry into its look-up key already (lower case, and
/// [`normalize`]d for titles and places), merged the lists into one with each key once and counted the keys, so
/// each key is decoded and placed once ([`Table::add_merged`]), into a table allocated once.
fn table() -> Table {
    let mut table = Table::with_capacity(DISTINCT_KEYS);
    table.add_merged(MERGED);
    table
}

/// The entries of a list `build.rs` embeds in order (`IN_ORDER` there): `(entry, second column)`. build.rs has
/// dropped comments and blank lines, trimmed both columns, and written each second column once, on a line of a
/// tab and the column (a bare tab for none) before the entries that have it (`columns_by_run` there).
fn entries(text: &'static str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    let mut column = None;
    text.lines().filter_map(move |line| match line.strip_prefix('\t') {
        Some(next) => {
            column = Some(next).filter(|c| !c.is_empty());
            None
        }
        None => Some((line, column)),
    })
}

/// Whether two words, their keys hashed to `first` and `second` ([`entry_hash`]), may open a multi-word place,
/// nationality or organisation ("new york", "united nations"): false only when no such entry has a first word
/// marked as `first` is and a second word marked as `second` is, so most stretches of a name ("Bill Clinton",
/// "Mr Smith") are not looked up. A stretch of two or three words was looked up 4,400 times a round, and one in
/// fourteen is a place or organisation; about three in four are turned away here.
pub(crate) fn may_open_stretch(first: u64, second: u64) -> bool {
    let ((first_at, first_bit), (second_at, second_bit)) = (stretch_mark(first), stretch_mark(second));
    // Both marks shifted down to bit 0 and and-ed, one test (as two, each went as the words do).
    let first_mark = STRETCH_MARKS[0].get(first_at).map_or(0, |word| word >> first_bit.trailing_zeros());
    let second_mark = STRETCH_MARKS[1].get(second_at).map_or(0, |word| word >> second_bit.trailing_zeros());
    first_mark & second_mark & 1 != 0
}

pub(crate) use crate::entry_key::normalize;
use crate::entry_key::{entry_hash_of, fx_add, read_u64, short_word, speech_verb_shape, stretch_mark, tail_word, STRETCH_MARK_WORDS};

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

/// Whether `word` in any ASCII case is one of `list`'s words, which are in lower case and hold no `k` and no
/// apostrophe: no other character lower-cases to one of their bytes (the Kelvin sign becomes `k`), so the word is
/// compared in place, not copied in lower case first.
///
/// A word is compared with a candidate of its length only when its first byte in lower case is the candidate's:
/// the comparison is a call in the Wasm, and was made for two candidates of the word's length a word.
pub(crate) fn one_of_ignoring_ascii_case(word: &str, list: &[&str]) -> bool {
    let Some(first) = word.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return list.contains(&"");
    };
    list.iter().any(|candidate| {
        candidate.len() == word.len() && candidate.as_bytes().first() == Some(&first) && candidate.eq_ignore_ascii_case(word)
    })
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
        for c in word.chars() {
            // ASCII and the General Punctuation block (’ “ ” — …), which has no case, as they are; only other
            // characters ask the Unicode tables, whose code V8 then compiles.
            if c.is_ascii() {
                buffer.push(c.to_ascii_lowercase());
            } else if ('\u{2000}'..='\u{206F}').contains(&c) {
                buffer.push(c);
            } else {
                buffer.extend(c.to_lowercase());
            }
        }
    }
    buffer.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry_key::{entry_hash, key_hash};
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

    /// `lower` lower-cases every character as `char::to_lowercase` does, the General Punctuation block it passes
    /// through included, after an ASCII and after a non-ASCII letter (character by character: a capital sigma is
    /// always σ, where `str::to_lowercase` makes a final one ς).
    #[test]
    fn lower_is_to_lowercase_for_every_character() {
        let mut buffer = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for word in [format!("A{c}B"), format!("É{c}")] {
                let expected: String = word.chars().flat_map(char::to_lowercase).collect();
                assert_eq!(lower(&word, &mut buffer), expected, "{c:?}");
            }
        }
    }

    /// A speech verb is found in any case, a word beyond ASCII as [`lower`] makes it (the Kelvin sign "K" is a "k";
    /// "İ" lower-cases to two characters), and a word no verb's shape fits is not one.
    #[test]
    fn speech_verbs_in_any_case_are_the_lower_case_ones() {
        let verbs = lexicons().speech_verbs;
        let mut buffer = String::new();
        for word in ["said", "SAID", "Said", "sAiD", "as\u{212A}ed", "ASKED", "İnsisted", "Noted", "the", "The", "", "é", "Saïd", "s", "SAIDX"] {
            let expected = verbs.contains(lower(word, &mut String::new()));
            assert_eq!(verbs.contains_lower_case(word, &mut buffer), expected, "{word:?}");
        }
        assert!(verbs.contains_lower_case("SAID", &mut buffer) && verbs.contains_lower_case("as\u{212A}ed", &mut buffer));
    }

    /// A name's strength is 1 for an ambiguous one, else 2 for a known one, else 0, as the lists say.
    #[test]
    fn name_strength_is_ambiguous_then_known() {
        assert_eq!([name_strength(false, false), name_strength(true, false), name_strength(false, true), name_strength(true, true)], [0, 2, 1, 1]);
    }

    /// The key hash, which hashes a key's last word whole or empty too, is the Fx hash over the whole words and
    /// a tail of 1–7 bytes, at every length up to 40; the table's hash is one step of it over the key's length and
    /// its first 8 bytes, 0 bytes after a shorter key's, with those bytes as its first word.
    #[test]
    fn key_hash_is_the_hash_of_whole_words_and_a_tail() {
        let bytes: Vec<u8> = (0..40u8).map(|i| i.wrapping_mul(37) ^ 0xa5).collect();
        for n in 0..=bytes.len() {
            let key = &bytes[..n];
            let mut hash = n as u64;
            let mut chunks = key.chunks_exact(8);
            for word in &mut chunks {
                hash = fx_add(hash, read_u64(word));
            }
            let mut padded = [0; 8];
            padded[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
            if !chunks.remainder().is_empty() {
                hash = fx_add(hash, u64::from_le_bytes(padded));
            }
            assert_eq!(key_hash(key), hash.rotate_left(26), "{n}");
            let mut first = [0; 8];
            first[..n.min(8)].copy_from_slice(&key[..n.min(8)]);
            let first = u64::from_le_bytes(first);
            assert_eq!(entry_hash(key), (fx_add(n as u64, first).rotate_left(26), first), "{n}");
        }
    }

    /// The table tells apart keys of every length up to 40 that are prefixes of one another, and turns away each
    /// with any one byte changed: the slot's key and length for 1–8 bytes, the record's first word, then the words
    /// past it ([`Table::same_rest`]) for longer keys; and hashes each as [`entry_hash`] does.
    #[test]
    fn table_compares_keys_of_every_length() {
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789ABCD";
        let mut merged = b"\t\x01\x00\x00".to_vec();
        for n in 1..=text.len() {
            merged.push(0);
            merged.extend(&text[..n]);
        }
        let mut table = Table::with_capacity(text.len());
        table.add_merged(&merged);
        assert_eq!(table.len(), text.len());
        assert_eq!(table.get_and_hash(b"").1, entry_hash(b"").0, "the empty key's hash");
        for n in 1..=text.len() {
            let key = &text[..n];
            assert!(table.get_and_hash(key).0.is_some(), "{n} bytes");
            assert_eq!(table.get_and_hash(key).1, entry_hash(key).0, "{n} bytes hash as entry_hash does");
            for at in 0..n {
                let mut other = key.to_vec();
                other[at] ^= 1;
                assert!(table.get_and_hash(&other).0.is_none(), "{n} bytes, byte {at} differs");
            }
        }
    }

    /// Every multi-word key of a place, a nationality or an organisation passes [`may_open_stretch`] by the hashes
    /// of its first two words, as a run's words are hashed when looked up alone, so no stretch the lexicon holds is
    /// skipped; and the marks are few enough to turn most stretches away.
    #[test]
    fn every_multi_word_place_or_organization_may_open_a_stretch() {
        let table = table();
        let mut multi_word = 0;
        for (key, entry) in table.iter() {
            let key = std::str::from_utf8(key).expect("keys are UTF-8");
            let Some((first, rest)) = key.split_once(' ') else { continue };
            if !(entry.is_place_or_nationality() || entry.lists & ORGANIZATIONS != 0) {
                continue;
            }
            multi_word += 1;
            let second = rest.split(' ').next().unwrap_or(rest);
            let (first_entry, first_hash) = lexicons().entry_and_hash(first);
            assert_eq!(first_entry, lexicons().entry(first), "{first:?} is looked up by its hash");
            let (_, second_hash) = lexicons().entry_and_hash(second);
            assert!(may_open_stretch(first_hash, second_hash), "{key:?} may open a stretch");
        }
        assert!(multi_word > 400, "the multi-word places and organisations are checked: {multi_word}");
        for set in STRETCH_MARKS {
            let marked: u32 = set.iter().map(|word| word.count_ones()).sum();
            assert!(marked * 2 < (STRETCH_MARK_WORDS * 64) as u32, "{marked} marks: too many to turn stretches away");
        }
    }

    /// What build.rs embeds (headers dropped, entries turned into their look-up keys, the lists merged, grouped by
    /// entry and front-coded) gives the table exactly the keys of the files in `data/`, each with every list's
    /// answer as the files say it: the table is compared, key by key, with one built here from the files
    /// themselves, as a person reads them. The ordered list, `chrome_phrases`, keeps every entry in order.
    #[test]
    fn embedded_lists_hold_the_entries_of_the_data_files() {
        let lists: [(&str, &str); 16] = [
            ("given_names", include_str!("../data/given_names.txt")),
            ("ambiguous_given_names", include_str!("../data/ambiguous_given_names.txt")),
            ("surnames", include_str!("../data/surnames.txt")),
            ("ambiguous_surnames", include_str!("../data/ambiguous_surnames.txt")),
            ("titles", include_str!("../data/titles.txt")),
            ("abbreviations", include_str!("../data/abbreviations.txt")),
            ("nationalities", include_str!("../data/nationalities.txt")),
            ("places", include_str!("../data/places.txt")),
            ("organizations", include_str!("../data/organizations.txt")),
            ("speech_verbs", include_str!("../data/speech_verbs.txt")),
            ("common_words", include_str!("../data/common_words.txt")),
            ("calendar", include_str!("../data/calendar.txt")),
            ("sentence_starters", include_str!("../data/sentence_starters.txt")),
            ("non_person_heads", include_str!("../data/non_person_heads.txt")),
            ("sentence_openers", include_str!("../data/sentence_openers.txt")),
            ("role_links", include_str!("../data/role_links.txt")),
        ];
        let list_bit = |name: &str| match name {
            "given_names" => GIVEN_NAMES,
            "ambiguous_given_names" => AMBIGUOUS_GIVEN_NAMES,
            "surnames" => SURNAMES,
            "ambiguous_surnames" => AMBIGUOUS_SURNAMES,
            "nationalities" => NATIONALITIES,
            "organizations" => ORGANIZATIONS,
            "speech_verbs" => SPEECH_VERBS,
            "common_words" => COMMON_WORDS,
            "calendar" => CALENDAR,
            "sentence_starters" => SENTENCE_STARTERS,
            "non_person_heads" => NON_PERSON_HEADS,
            "sentence_openers" => SENTENCE_OPENERS,
            "role_links" => ROLE_LINKS,
            _ => 0,
        };
        // Every key with what each list says about it. The key each list is looked up by: normalised for titles
        // and places, else lower case; a list asked about one word at a time keeps its one-word entries
        // (`ONE_WORD` in build.rs); a repeated key keeps its last second column, as in a map.
        let mut want: BTreeMap<String, Entry> = BTreeMap::new();
        for (name, original) in lists {
            let mut entries = 0;
            for (entry, column) in data_file_entries(original) {
                let key = if name == "titles" || name == "places" { normalize(entry) } else { entry.to_lowercase() };
                if name == "speech_verbs" && key.contains(' ') {
                    continue;
                }
                entries += 1;
                let entry = want.entry(key).or_default();
                entry.lists |= list_bit(name);
                match name {
                    "titles" => {
                        entry.title = Some(match column {
                            Some("honorific") => TitleKind::Honorific,
                            Some("role") => TitleKind::Role,
                            Some("abbr") => TitleKind::Abbreviation,
                            _ => TitleKind::Office,
                        });
                    }
                    "abbreviations" => {
                        entry.abbreviation = Some(match column {
                            Some("title") => AbbreviationKind::Title,
                            Some("month") => AbbreviationKind::Month,
                            Some("corporate") => AbbreviationKind::Corporate,
                            _ => AbbreviationKind::General,
                        });
                    }
                    "places" => entry.place = if column.is_some() { 2 } else { 1 },
                    "sentence_starters" => entry.run_in = column == Some("run-in"),
                    _ => {}
                }
            }
            assert!(entries > 0, "{name} has entries");
        }
        let table = table();
        let got: BTreeMap<String, Entry> =
            table.iter().map(|(key, entry)| (String::from_utf8_lossy(key).into_owned(), entry)).collect();
        assert_eq!(got.len(), table.len(), "the table holds each key once");
        let verbs = lexicons().speech_verbs;
        for (key, entry) in &want {
            assert_eq!(got.get(key), Some(entry), "the table's entry for {key:?}");
            assert_eq!(table.get(key), Some(entry), "the table finds {key:?}");
            if key.is_ascii() {
                let capitals = key.to_ascii_uppercase();
                assert_eq!(table.get_ignoring_ascii_case(capitals.as_bytes()), Some(entry), "the table finds {capitals:?}");
            }
            assert_eq!(verbs.contains(key), entry.lists & SPEECH_VERBS != 0, "the speech verbs' shapes let {key:?} through");
            if entry.abbreviation.is_some() {
                let abbreviations = lexicons().abbreviations;
                let capitals = key.to_uppercase();
                assert!(abbreviations.may_hold(key) && abbreviations.may_hold(&capitals), "the abbreviations' shapes let {key:?} through");
            }
            let mut buffer = String::new();
            for word in [key.to_uppercase(), key.chars().take(1).flat_map(char::to_uppercase).chain(key.chars().skip(1)).collect()] {
                assert_eq!(verbs.contains_lower_case(&word, &mut buffer), verbs.contains(lower(&word, &mut String::new())), "{word:?}");
            }
        }
        assert_eq!(got.len(), want.len(), "the table holds no key the files do not");
        assert_eq!(DISTINCT_KEYS, want.len(), "build.rs counts the keys the table holds");
        assert_eq!(KEY_BYTES, want.keys().map(String::len).sum::<usize>(), "build.rs counts the bytes of the keys");
        // Every kind of answer is read from the files somewhere, so every field of an entry code is checked.
        let answers: Vec<&Entry> = want.values().collect();
        for kind in [TitleKind::Honorific, TitleKind::Office, TitleKind::Role, TitleKind::Abbreviation] {
            assert!(answers.iter().any(|entry| entry.title == Some(kind)), "a title of kind {kind:?}");
        }
        for kind in [AbbreviationKind::Title, AbbreviationKind::Month, AbbreviationKind::Corporate, AbbreviationKind::General] {
            assert!(answers.iter().any(|entry| entry.abbreviation == Some(kind)), "an abbreviation of kind {kind:?}");
        }
        assert!(answers.iter().any(|entry| entry.place == 2) && answers.iter().any(|entry| entry.run_in));

        let original = include_str!("../data/chrome_phrases.txt");
        assert!(!CHROME_PHRASES.contains('#'), "chrome_phrases still has its header");
        assert_eq!(entries(CHROME_PHRASES).collect::<Vec<_>>(), data_file_entries(original).collect::<Vec<_>>());
    }

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
            ("ΟΔΟΣ. ΣΑΣ", "οδοσ σασ"),
        ] {
            assert_eq!(normalize(entry), key, "{entry:?}");
        }
    }

    /// `sorted_distinct` is the words of a `BTreeSet`, in its order.
    #[test]
    fn sorted_distinct_is_a_sorted_set() {
        for words in [vec![], vec!["b", "a", "b", "", "ab", "a", "é", "B"], vec!["x"; 5]] {
            let words: Vec<String> = words.into_iter().map(String::from).collect();
            let set: Vec<String> = words.iter().cloned().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            assert_eq!(sorted_distinct(words), set);
        }
    }

    /// No entry of any data file holds a sigma: `normalize` and chrome's `lowercase` lower-case a capital sigma
    /// to "σ" where `str::to_lowercase` makes a word's last one "ς", and with no sigma in any key or phrase the two
    /// forms find the same entries (none).
    #[test]
    fn no_entry_holds_a_sigma() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut files = 0;
        for file in std::fs::read_dir(data).into_iter().flatten().flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(!text.is_empty(), "{path:?}");
                for (entry, _) in data_file_entries(&text) {
                    assert!(!entry.contains(['Σ', 'σ', 'ς']), "{path:?}: {entry:?}");
                }
                files += 1;
            }
        }
        assert!(files >= 18, "{files} data files");
    }

    /// The first-byte test of [`one_of_ignoring_ascii_case`] turns away no word `eq_ignore_ascii_case` matches:
    /// words in any case, of other lengths, beyond ASCII, empty, against an empty candidate and one beyond ASCII.
    #[test]
    fn one_of_ignoring_ascii_case_agrees_with_eq_ignore_ascii_case() {
        let list = ["mr", "sen", "president", "a", "", "é"];
        for word in ["mr", "MR", "Mr", "mR", "ms", "m", "", "SEN", "Sen.", "President", "PRESIDENTS", "A", "b", "É", "é", "@r"] {
            let expected = list.iter().any(|candidate| candidate.eq_ignore_ascii_case(word));
            assert_eq!(one_of_ignoring_ascii_case(word, &list), expected, "{word:?}");
        }
        assert!(!one_of_ignoring_ascii_case("", &["a"]));
    }

    #[test]
    fn one_of_agrees_with_contains() {
        let list = ["van", "de", "del", "y", ""];
        for word in ["van", "va", "vans", "de", "d", "del", "dem", "y", "x", "", "Van"] {
            assert_eq!(one_of(word, &list), list.contains(&word), "{word:?}");
        }
        assert!(!one_of("", &["a"]));
    }

    /// The words the table reads keys by: a key ends at the first control byte of a word, whatever the bytes
    /// after it (UTF-8 bytes of 0x80 and more are not control bytes); a key's last 1–7 bytes are the word they
    /// start with 0 bytes after them, as `add_key` masks the word it wrote; a list's last word reads 0 bytes
    /// past its end.
    #[test]
    fn words_end_keys_and_pad_tails() {
        for end in 0..8 {
            for control in [0, b'\t', 0x1f] {
                let mut word = [b'a', 0xc3, 0xa9, b' ', 0x7f, 0xff, b'z', 0x80];
                word[end] = control;
                for after in word.iter_mut().skip(end + 1) {
                    *after = 0;
                }
                assert_eq!(first_control_byte(u64::from_le_bytes(word)), Some(end), "{word:?}");
            }
        }
        assert_eq!(first_control_byte(u64::from_le_bytes([b' ', 0x7f, 0x80, 0xff, b'a', b'~', 0xc3, 0xa9])), None);
        let bytes = *b"abcdefgh";
        for n in 1..8 {
            let mut padded = [0; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(padded), "{n}");
            assert_eq!(read_padded_u64(&bytes[..n], 0), u64::from_le_bytes(padded), "{n}");
            assert_eq!(read_u64(&bytes) & u64::MAX >> (8 * (8 - n)), u64::from_le_bytes(padded), "{n}");
        }
        assert_eq!(read_padded_u64(&bytes, 8), 0);
        let mut long = vec![b'\t', 1, 0, 0, 0];
        long.extend([b'x'; 256]);
        long.extend(b"\x00y");
        let mut table = Table::with_capacity(2);
        table.add_merged(&long);
        assert_eq!(table.len(), 0, "a key of over 255 bytes ends the list");
    }

    /// The table decodes a merged list (groups of a tab and an entry code, then front-coded keys: a count of
    /// shared bytes, the rest), gives each key its group's entry, tells apart keys that share a prefix or differ
    /// only in length, finds no key it was not given, and stops adding keys, without panicking, when full.
    #[test]
    fn table_decodes_and_finds_exactly_its_keys() {
        // a, al, alan, alana: lists bit 0; b, ba: bit 1 (the prefix shared across groups); zz: a honorific title
        // (1 << 13) and a corporate abbreviation (3 << 16); then counts from 9 on, one more past the tab: 9 is
        // 0x0a, 10 is 0x0b; a place that is also a word (2 << 19), a run-in (1 << 21).
        let merged = b"\t\x01\x00\x00\x00a\x01l\x02an\x04a\t\x02\x00\x00\x00b\x01a\t\x00\x20\x03\x00zz\
                       \t\x00\x00\x30\x00abcdefghi\x0az\x0bq";
        let mut table = Table::with_capacity(10);
        table.add_merged(merged);
        let keys: Vec<String> = table.iter().map(|(key, _)| String::from_utf8_lossy(key).into_owned()).collect();
        assert_eq!(keys, ["a", "al", "alan", "alana", "b", "ba", "zz", "abcdefghi", "abcdefghiz", "abcdefghizq"]);
        let first = Entry { lists: 1, ..Entry::default() };
        let second = Entry { lists: 2, ..Entry::default() };
        let title = Entry { title: Some(TitleKind::Honorific), abbreviation: Some(AbbreviationKind::Corporate), ..Entry::default() };
        let place = Entry { place: 2, run_in: true, ..Entry::default() };
        for (key, entry) in keys.iter().zip([first, first, first, first, second, second, title, place, place, place]) {
            assert_eq!(table.get(key), Some(&entry), "{key}");
        }
        assert_eq!(NO_ENTRY, Entry::default(), "a key no list holds is in no list, no title, no place");
        for missing in ["", "ala", "alans", "z", "zzz", "c", "alanb", "abcdefghizqq", "abcdefgh"] {
            assert!(table.get(missing).is_none(), "{missing}");
            assert_eq!(table.get_ignoring_ascii_case(missing.as_bytes()), Some(&NO_ENTRY), "{missing}");
        }
        for (key, entry) in [("ALANA", first), ("Zz", title), ("ABCDEFGHIZq", place), ("B", second)] {
            assert_eq!(table.get_ignoring_ascii_case(key.as_bytes()), Some(&entry), "{key}");
        }
        assert_eq!(table.get_ignoring_ascii_case("Ála".as_bytes()), None, "a key beyond ASCII is left to the caller");
        assert_eq!(table.get_ignoring_ascii_case(b"ab@defghi"), Some(&NO_ENTRY), "only letters are folded");
        let mut full = Table::with_capacity(2);
        full.add_merged(merged);
        assert_eq!(full.len(), 2, "a table made for two keys holds two");
        assert_eq!(full.get("al"), Some(&first));
        assert!(full.get("alan").is_none());
        let mut ungrouped = Table::with_capacity(1);
        ungrouped.add_merged(b"\x00a\t\x01\x00\x00\x00b");
        assert!(ungrouped.get("a").is_none() && ungrouped.get("b").is_none(), "a key before any group ends the list");
        let mut truncated = Table::with_capacity(1);
        truncated.add_merged(b"\t\x01\x00\x00\x00a\t\x01\x00");
        assert_eq!(truncated.get("a"), Some(&first));
        assert_eq!(truncated.len(), 1, "a group cut short ends the list");
        // 256 groups, "a" in the last, then a 257th group with "b".
        let mut many_groups = b"\t\x01\x00\x00".repeat(256);
        many_groups.extend(b"\x00a\t\x02\x00\x00\x00b");
        let mut full_groups = Table::with_capacity(2);
        full_groups.add_merged(&many_groups);
        assert_eq!(full_groups.get("a"), Some(&first));
        assert!(full_groups.get("b").is_none(), "a 257th group ends the list");
    }

    /// [`has_non_ascii`] is `!is_ascii()` for every length, with one byte beyond ASCII at every place or none.
    #[test]
    fn has_non_ascii_is_not_is_ascii() {
        for len in 0..40 {
            let ascii = vec![b'a'; len];
            assert!(!has_non_ascii(&ascii), "{len}");
            for at in 0..len {
                let mut word = ascii.clone();
                word[at] = 0xC3;
                assert!(has_non_ascii(&word), "{len} {at}");
            }
        }
    }
}
