//! Prepares the word lists in `data/` for embedding, so the .wasm carries their entries and nothing else.
//!
//! The keyed lists (every list but [`IN_ORDER`] and [`NOT_IN_TABLE`]) become one file, `$OUT_DIR/lexicon.bin`,
//! which `src/lexicon.rs` embeds with `include_bytes!` and decodes into its table on first use:
//! - each entry is turned into its look-up key here (lower case; [`NORMALIZED`] lists also drop the periods that
//!   end a word), so the .wasm parses no case at start-up; a repeated key keeps its last second column (as a
//!   parser's map would), and multi-word entries of lists asked about one word at a time ([`ONE_WORD`]) are
//!   dropped;
//! - the lists are merged: each distinct key is written once, with its *entry code*, every list's answer about it
//!   at once ([`entry_code`]: one bit per list, the kind of a title or an abbreviation, the place flag, the
//!   run-in mark), so the table decodes, hashes and places each key exactly once and never looks for a key it
//!   holds already. The second columns the library never reads (why a name is ambiguous, a speech verb's
//!   lemma, a nationality's class) explain an entry to people reading `data/` and are not kept;
//! - the keys are grouped by entry code, a group written as a tab and its code in 3 bytes (little-endian)
//!   followed by its keys, sorted: the table learns each code once, and a key costs no byte for it. The merged
//!   list gzips 2 KB smaller than the sixteen lists it replaced. The groups go from the smallest up: the table
//!   places keys in the order it reads them, each in the first free slot from its own, and the small groups hold
//!   the words in several lists at once ("the", "but", "said"), most of those looked up, which so take their
//!   own slots before the thousands of names that are nothing else;
//! - the keys are front-coded: each starts with one control byte saying how many bytes it shares with the key
//!   before ([`count_byte`]), followed by the rest of the key (`aaron` after `aarav` is `\x03on`). Gzip alone
//!   finds these repeats too, but pays 2–3 bytes for each; front-coded lists gzip 18% smaller. The next count
//!   byte (or a group's tab) ends the key before, so there is no newline: no key holds a control byte.
//!
//! The list kept in order, `chrome_phrases` (the first matching phrase names the chrome), is written to
//! `$OUT_DIR/chrome_phrases.txt` in its order, without its `#` header lines and blank lines (they document the
//! list's source and licence for people reading the repository; the parser skips both anyway), and with each
//! second column written once, on a line of its own (a tab and the column), before the run of entries that have
//! it ([`columns_by_run`]): 0.2 KB less gzipped. The list outside the table, `function_words`, is written to
//! `$OUT_DIR/function_words.txt` as it is, only stripped; `src/clean/lines.rs` embeds it.
//!
//! It also writes `$OUT_DIR/lexicon_counts.rs`: the number of distinct keys, their bytes and the number of entry
//! codes, so `lexicon.rs` sizes its table once instead of counting keys or growing it at start-up, the shapes
//! of the speech verbs' keys, so it does not mark them key by key, and the marks of the words that open
//! multi-word places, nationalities and organisations ([`stretch_marks`]).
//!
//! `lexicon.rs`'s tests check that the table built from these files answers for every entry of every data file
//! as the file says, and holds no other key.

#[path = "src/entry_key.rs"]
mod entry_key;

use entry_key::{entry_hash, normalize, speech_verb_shape, stretch_mark, STRETCH_MARK_WORDS};
use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// Lists whose order matters (the first matching phrase names the chrome), embedded as they are, only stripped.
/// `src/lexicon.rs` reads these with `entries`.
const IN_ORDER: &[&str] = &["chrome_phrases"];

/// Keyed lists that `lexicon.rs` does not put in its table, embedded as they are, only stripped: the clean-up
/// stage reads its own copy (its header was 0.3 KB of the gzipped .wasm).
const NOT_IN_TABLE: &[&str] = &["function_words"];

/// The lists that are one bit of an entry code each, in the order of their bits: `lexicon.rs`'s list constants
/// (`GIVEN_NAMES` is bit 0, `ROLE_LINKS` bit 12). Keep in step with them; the test there checks every list.
const LIST_BITS: [&str; 13] = [
    "given_names",
    "ambiguous_given_names",
    "surnames",
    "ambiguous_surnames",
    "nationalities",
    "organizations",
    "speech_verbs",
    "common_words",
    "calendar",
    "sentence_starters",
    "non_person_heads",
    "sentence_openers",
    "role_links",
];

/// The lists whose second column is their answer ([`entry_code`] reads it), and which are not a list bit.
const KIND_LISTS: [&str; 3] = ["titles", "abbreviations", "places"];

/// Lists looked up by `normalize`d key (multi-word and dotted entries: "Secretary of State", "Lt. Gov."); the
/// others by lower-cased key.
const NORMALIZED: &[&str] = &["titles", "places"];

/// Lists the library asks about one word at a time (each word after a quote, say), so their multi-word entries
/// ("pointed out", "according to", which `quotes.rs` reads by itself) can never match and are dropped here.
/// Keep in step with the test in `src/lexicon.rs`.
const ONE_WORD: &[&str] = &["speech_verbs"];

/// Longest shared prefix one key may take from the key before: the 31 control bytes but the tab count 0 to 30.
const MAX_SHARED: usize = 30;

fn main() {
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/entry_key.rs");
    println!("cargo::rerun-if-changed=data");
    let mut files: Vec<PathBuf> = fs::read_dir("data")
        .expect("data/ is readable")
        .map(|entry| entry.expect("data/ entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    // Every key of the table, with its entry code.
    let mut codes: BTreeMap<String, u32> = BTreeMap::new();
    for path in files {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let entries = strip_comments(&text);
        if IN_ORDER.contains(&stem) {
            write_if_changed(&out_dir.join(path.file_name().expect("file name")), columns_by_run(&entries).as_bytes());
            continue;
        }
        if NOT_IN_TABLE.contains(&stem) {
            write_if_changed(&out_dir.join(path.file_name().expect("file name")), entries.as_bytes());
            continue;
        }
        assert!(
            LIST_BITS.contains(&stem) || KIND_LISTS.contains(&stem),
            "{}: a new list; say in build.rs how the table holds it",
            path.display()
        );
        for (key, column) in keyed(&entries, NORMALIZED.contains(&stem), ONE_WORD.contains(&stem)) {
            *codes.entry(key).or_default() |= entry_code(stem, &column);
        }
    }
    // What the encoding and the table rely on; the whole table is checked against data/ by src/lexicon.rs's tests.
    assert!(
        codes.keys().all(|key| key.len() <= usize::from(u8::MAX) && key.bytes().all(|b| b >= b' ')),
        "a key of over 255 bytes, or with a control byte: the table keeps a key's length in a byte, and the merged \
         list ends a key at the next control byte"
    );
    let encoded = encode(&codes);
    write_if_changed(&out_dir.join("lexicon.bin"), &encoded);
    let mut distinct_codes: Vec<u32> = codes.values().copied().collect();
    distinct_codes.sort_unstable();
    distinct_codes.dedup();
    let verb_shapes = verb_shapes(&codes);
    let counts = format!(
        "/// Distinct look-up keys across the keyed lists (written by build.rs): the capacity of the lexicon table.\n\
         const DISTINCT_KEYS: usize = {};\n\
         /// Bytes of those keys, back to back.\n\
         const KEY_BYTES: usize = {};\n\
         /// Distinct entry codes: the groups of the merged list.\n\
         const ENTRY_CODES: usize = {};\n\
         /// The shapes of the speech verbs' keys (`speech_verb_shape` places them).\n\
         const VERB_SHAPES: [u32; 64] = {:?};\n\
         /// The marks of the first and the second words of the multi-word places, nationalities and organisations \
         (`stretch_mark` places them).\n\
         static STRETCH_MARKS: [[u64; STRETCH_MARK_WORDS]; 2] = {:?};\n",
        codes.len(),
        codes.keys().map(String::len).sum::<usize>(),
        distinct_codes.len(),
        verb_shapes,
        stretch_marks(&codes)
    );
    write_if_changed(&out_dir.join("lexicon_counts.rs"), counts.as_bytes());
}

/// The shapes of the speech verbs' keys, which `lexicon.rs`'s `SpeechVerbs` tests before looking a word up: for
/// each first byte (its low 5 bits), a bit for each second byte (its low 5 bits), then for each length (up to
/// 31), a bit for each last byte (its low 5 bits), as `entry_key::speech_verb_shape` places them. Written here, so the table does not work them out at start-up.
fn verb_shapes(codes: &BTreeMap<String, u32>) -> [u32; 64] {
    let speech_verbs = LIST_BITS.iter().position(|&name| name == "speech_verbs").map_or(0, |bit| 1 << bit);
    let mut shapes = [0; 64];
    for (key, _) in codes.iter().filter(|(_, &code)| code & speech_verbs != 0) {
        if let (Some(&first), Some(&last)) = (key.as_bytes().first(), key.as_bytes().last()) {
            let second = key.as_bytes().get(1).copied().unwrap_or(0);
            let ((second_at, second_bit), (last_at, last_bit)) = speech_verb_shape(first, second, key.len(), last);
            shapes[second_at] |= second_bit;
            shapes[last_at] |= last_bit;
        }
    }
    shapes
}

/// The marks of the words that open the multi-word keys of places, nationalities and organisations, which
/// `lexicon.rs`'s `may_open_stretch` tests before a stretch of a run's words is looked up: in the first set each
/// key's first word, in the second its second word, each where `entry_key::stretch_mark` places the word's
/// `entry_hash`.
fn stretch_marks(codes: &BTreeMap<String, u32>) -> [[u64; STRETCH_MARK_WORDS]; 2] {
    let bit = |name: &str| LIST_BITS.iter().position(|&list| list == name).map_or(0, |bit| 1 << bit);
    // The place kind's bits of an entry code (`entry_code`), with the two lists.
    let wanted = bit("nationalities") | bit("organizations") | 3 << 19;
    let mut marks = [[0; STRETCH_MARK_WORDS]; 2];
    for (key, _) in codes.iter().filter(|(_, &code)| code & wanted != 0) {
        if let Some((first, rest)) = key.split_once(' ') {
            let second = rest.split(' ').next().unwrap_or(rest);
            for (set, word) in marks.iter_mut().zip([first, second]) {
                let (at, mark) = stretch_mark(entry_hash(word.as_bytes()).0);
                set[at] |= mark;
            }
        }
    }
    marks
}

/// The file without its `#` lines and blank lines, one entry per line, `\n`-separated, the entry and its second
/// column trimmed (an empty column dropped), so `lexicon.rs` splits lines at bytes and trims nothing.
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (entry, column) = line.split_once('\t').unwrap_or((line, ""));
        out.push_str(entry.trim());
        if !column.trim().is_empty() {
            out.push('\t');
            out.push_str(column.trim());
        }
        out.push('\n');
    }
    out
}

/// The entries as look-up keys with their second column (empty if none), each key once with the column of its
/// last line; multi-word entries are left out of lists looked up one word at a time.
fn keyed(text: &str, normalized: bool, one_word: bool) -> BTreeMap<String, String> {
    let mut entries = BTreeMap::new();
    for line in text.lines() {
        let (entry, column) = line.split_once('\t').unwrap_or((line, ""));
        let key = if normalized { normalize(entry) } else { entry.to_lowercase() };
        if one_word && key.contains(' ') {
            continue;
        }
        entries.insert(key, column.to_string());
    }
    entries
}

/// What list `list` says about a key whose second column there is `column`, as bits of an entry code, which
/// `lexicon.rs`'s `Entry::from_code` reads back:
/// - bits 0–12: the key is in the list [`LIST_BITS`] names;
/// - bits 13–15: its title kind (`titles.txt`): 1 honorific, 2 office (also any other column), 3 role, 4 abbr;
/// - bits 16–18: its abbreviation kind (`abbreviations.txt`): 1 title, 2 month, 3 corporate, 4 general (also
///   any other column);
/// - bits 19–20: 1 a place, 2 a place whose name is also a person's or a word (any second column, `places.txt`);
/// - bit 21: a sentence starter that also marks a caption run-in (`run-in`, `sentence_starters.txt`).
fn entry_code(list: &str, column: &str) -> u32 {
    let bit = LIST_BITS.iter().position(|&name| name == list).map_or(0, |bit| 1 << bit);
    bit | match list {
        "titles" => (match column {
            "honorific" => 1,
            "role" => 3,
            "abbr" => 4,
            _ => 2,
        }) << 13,
        "abbreviations" => (match column {
            "title" => 1,
            "month" => 2,
            "corporate" => 3,
            _ => 4,
        }) << 16,
        "places" => (if column.is_empty() { 1 } else { 2 }) << 19,
        "sentence_starters" if column == "run-in" => 1 << 21,
        _ => 0,
    }
}

/// The byte that says a key shares `shared` bytes with the one before: 0x00–0x1F, skipping the tab, which
/// starts a group. `src/lexicon.rs` reads it back.
fn count_byte(shared: usize) -> u8 {
    let byte = u8::try_from(shared).expect("shared prefixes are at most MAX_SHARED");
    if byte >= b'\t' {
        byte + 1
    } else {
        byte
    }
}

/// The keys grouped by entry code, each group a tab, its code in 3 bytes and its keys front-coded (each
/// [`count_byte`] and the rest of the key, the prefix shared with the key before, whichever group that was in).
/// The smallest group comes first (then by code, so two builds write the same bytes): with the largest first, a
/// look-up read 1.20 slots, with the smallest 1.12 (`Table::get_and_hash` 2.42M → 2.28M in V8's count a round,
/// 1.7K fewer mispredicts; and 130 B less gzipped).
fn encode(codes: &BTreeMap<String, u32>) -> Vec<u8> {
    let mut groups: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for (key, &code) in codes {
        assert!(code < 1 << 24, "an entry code takes 3 bytes");
        assert!(!key.bytes().any(|b| b < b' '), "a control byte in lexicon key {key:?}");
        groups.entry(code).or_default().push(key);
    }
    let mut groups: Vec<(u32, Vec<&str>)> = groups.into_iter().collect();
    groups.sort_by_key(|(code, keys)| (keys.len(), *code));
    let mut out = Vec::new();
    let mut previous = "";
    for (code, keys) in groups {
        out.push(b'\t');
        out.extend_from_slice(&code.to_le_bytes()[..3]);
        for key in keys {
            let mut shared = key.bytes().zip(previous.bytes()).take(MAX_SHARED).take_while(|(a, b)| a == b).count();
            while !key.is_char_boundary(shared) {
                shared -= 1;
            }
            out.push(count_byte(shared));
            out.extend_from_slice(&key.as_bytes()[shared..]);
            previous = key;
        }
    }
    out
}

/// `entries` (stripped: `entry` or `entry\tcolumn` lines) with each run of entries of one second column headed by
/// a line of a tab and that column (a bare tab for none), and the entries alone: `src/lexicon.rs`'s `entries`
/// reads it back. No entry starts with a tab (build.rs trims them) or is empty, so the two kinds of line differ.
fn columns_by_run(entries: &str) -> String {
    let mut out = String::with_capacity(entries.len());
    let mut current = None;
    for line in entries.lines() {
        let (entry, column) = line.split_once('\t').unwrap_or((line, ""));
        if current != Some(column) {
            out.push('\t');
            out.push_str(column);
            out.push('\n');
            current = Some(column);
        }
        out.push_str(entry);
        out.push('\n');
    }
    out
}

/// Writes only when the bytes differ, so an unchanged list does not make cargo rebuild the crate.
fn write_if_changed(path: &Path, contents: &[u8]) {
    if fs::read(path).is_ok_and(|old| old == contents) {
        return;
    }
    fs::write(path, contents).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
