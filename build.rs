//! Prepares the word lists in `data/` for embedding, so the .wasm carries their entries and nothing else.
//!
//! For every `data/*.txt` this writes `$OUT_DIR/<name>.txt`, which `src/lexicon.rs` embeds with
//! `include_str!(concat!(env!("OUT_DIR"), …))`:
//! - the `#` header lines are dropped (they document the list's source and licence for people reading the
//!   repository; about 6 KB of the gzipped .wasm), and so are blank lines — the parser skips both anyway;
//! - every list but [`IN_ORDER`] is turned into its look-up keys here (lower case; [`NORMALIZED`] lists also
//!   drop the periods that end a word), so the .wasm parses no case at start-up and its table borrows the keys
//!   from the embedded text; a repeated key keeps its last second column (as the parser's map would), and the
//!   list is sorted: lower case and sorted order also compress better (1.3 KB less gzipped);
//! - second columns the library never reads ([`COLUMN_READ`]) are dropped, and so are the multi-word entries of
//!   lists asked about one word at a time ([`ONE_WORD`]): 1.7 KB less gzipped;
//! - the sorted lists are front-coded: each entry starts with one control byte saying how many bytes it shares
//!   with the entry before ([`count_byte`]), followed by the rest of the entry (`aaron` after `aarav` is
//!   `\x03on`). Gzip alone finds these repeats too, but pays 2–3 bytes for each; front-coded lists gzip 18%
//!   smaller. The count byte also ends the entry before, so there is no newline: no key or column holds a
//!   control byte but the tab before a column, and the lists gzip another 2.3 KB smaller than with a digit
//!   count and a newline. `lexicon.rs` decodes them once, on first use.
//!
//! It also writes `$OUT_DIR/lexicon_counts.rs`: the number of distinct keys across the keyed lists and their
//! bytes, so `lexicon.rs` sizes its table once instead of counting lines or growing it at start-up.
//!
//! `lexicon.rs`'s tests check that every list parses to the same look-up table as the file in `data/`.

#[path = "src/entry_key.rs"]
mod entry_key;

use entry_key::normalize;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// Lists whose order matters (the first matching phrase names the chrome), embedded as they are, only stripped.
/// `src/lexicon.rs` reads these with `entries`, the others with `Table::add_list`.
const IN_ORDER: &[&str] = &["chrome_phrases"];

/// Lists looked up by `normalize`d key (multi-word and dotted entries: "Secretary of State", "Lt. Gov."); the
/// others by lower-cased key.
const NORMALIZED: &[&str] = &["titles", "places"];

/// Lists whose second column `lexicon.rs` reads: the kind of a title or an abbreviation, whether a place is also
/// a name or a word, a sentence starter's `run-in` mark. The other lists' columns explain an entry to people
/// reading `data/` (why a name is ambiguous, a speech verb's lemma, a nationality's class) and are dropped here.
/// Keep in step with the test in `src/lexicon.rs`.
const COLUMN_READ: &[&str] = &["titles", "abbreviations", "places", "sentence_starters"];

/// Lists the library asks about one word at a time (each word after a quote, say), so their multi-word entries
/// ("pointed out", "according to", which `quotes.rs` reads by itself) can never match and are dropped here.
/// Keep in step with the test in `src/lexicon.rs`.
const ONE_WORD: &[&str] = &["speech_verbs"];

/// Keyed lists that `lexicon.rs` does not put in its table (the clean-up stage reads its own copy).
const NOT_IN_TABLE: &[&str] = &["function_words"];

/// Longest shared prefix one entry may take from the entry before: the 31 control bytes but the tab count 0 to 30.
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
    let mut keys = std::collections::BTreeSet::new();
    for path in files {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let entries = strip_comments(&text);
        let embedded = if IN_ORDER.contains(&stem) {
            entries
        } else {
            let sorted = keyed_sorted(&entries, NORMALIZED.contains(&stem), COLUMN_READ.contains(&stem), ONE_WORD.contains(&stem));
            if !NOT_IN_TABLE.contains(&stem) {
                keys.extend(sorted.lines().map(|line| line.split('\t').next().unwrap_or(line).to_string()));
            }
            let encoded = front_code(&sorted);
            assert_eq!(front_decode(&encoded), sorted, "front coding of {} does not round-trip", path.display());
            encoded
        };
        write_if_changed(&out_dir.join(path.file_name().expect("file name")), &embedded);
    }
    let counts = format!(
        "/// Distinct look-up keys across the keyed lists (written by build.rs): the capacity of the lexicon table.\n\
         const DISTINCT_KEYS: usize = {};\n\
         /// Bytes of those keys, back to back.\n\
         const KEY_BYTES: usize = {};\n",
        keys.len(),
        keys.iter().map(String::len).sum::<usize>()
    );
    write_if_changed(&out_dir.join("lexicon_counts.rs"), &counts);
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

/// The entries as look-up keys (the first column; a second column, after a tab, is kept as it is if the library
/// reads it, else dropped), each once with the second column of its last line, sorted; multi-word entries are
/// left out of lists looked up one word at a time.
fn keyed_sorted(text: &str, normalized: bool, column_read: bool, one_word: bool) -> String {
    let mut entries = std::collections::BTreeMap::new();
    for line in text.lines() {
        let (entry, column) = line.split_once('\t').unwrap_or((line, ""));
        let key = if normalized { normalize(entry.trim()) } else { entry.trim().to_lowercase() };
        if one_word && key.contains(' ') {
            continue;
        }
        entries.insert(key, if column_read { column.trim().to_string() } else { String::new() });
    }
    let mut out = String::with_capacity(text.len());
    for (entry, column) in entries {
        out.push_str(&entry);
        if !column.is_empty() {
            out.push('\t');
            out.push_str(&column);
        }
        out.push('\n');
    }
    out
}

/// The byte that says an entry shares `shared` bytes with the one before: 0x00–0x1F, skipping the tab, which
/// separates a second column. `src/lexicon.rs` reads it back.
fn count_byte(shared: usize) -> char {
    let byte = u8::try_from(shared).expect("shared prefixes are at most MAX_SHARED");
    char::from(if byte >= b'\t' { byte + 1 } else { byte })
}

/// The sorted lines front-coded: each one as [`count_byte`] and the rest of the line, back to back.
fn front_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = "";
    for line in text.lines() {
        assert!(!line.bytes().any(|b| b < b' ' && b != b'\t'), "a control byte in lexicon entry {line:?}");
        let mut shared = line.bytes().zip(previous.bytes()).take(MAX_SHARED).take_while(|(a, b)| a == b).count();
        while !line.is_char_boundary(shared) {
            shared -= 1;
        }
        out.push(count_byte(shared));
        out.push_str(&line[shared..]);
        previous = line;
    }
    out
}

/// The lines back from [`front_code`], to check every list round-trips at build time (`src/lexicon.rs` decodes
/// the same way, straight into its table).
fn front_decode(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len() * 2);
    let mut previous_start = 0;
    let mut rest = encoded;
    while let Some(count) = rest.bytes().next() {
        let shared = usize::from(if count > b'\t' { count - 1 } else { count });
        let end = rest[1..].find(|c: char| c < ' ' && c != '\t').map_or(rest.len(), |i| i + 1);
        let start = out.len();
        let prefix = out[previous_start..previous_start + shared].to_string();
        out.push_str(&prefix);
        out.push_str(&rest[1..end]);
        out.push('\n');
        previous_start = start;
        rest = &rest[end..];
    }
    out
}

/// Writes only when the bytes differ, so an unchanged list does not make cargo rebuild the crate.
fn write_if_changed(path: &Path, contents: &str) {
    if fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return;
    }
    fs::write(path, contents).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
