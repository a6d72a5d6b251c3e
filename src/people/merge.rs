//! From candidates to people: full names accepted on their best evidence in the document, initials and lone
//! names resolved to the person they stand for, every mention counted.
//!
//! Name words are numbered once (one hash look-up each), what is known of them sits in lists by number, and a
//! word's list of owners is bounded, so the whole step is linear in the number of candidates.

use crate::entry_key::{fx_add, key_hash, tail_word};

use super::detect::{given_name_strength, is_common_word, is_connector, is_place_like_entry, is_suffix, letters, Candidate, Candidates};
use super::{Mention, People, PersonFound};
use crate::lexicon::lexicons;
use crate::tokens::{lower_case_bytes, EACH_BYTE, HIGH_BITS};

/// Evidence a full name needs somewhere in the document: a known given name alone gives 2.5.
const FULL_NAME_THRESHOLD: f64 = 2.0;
/// Evidence a lone word needs to be a person of its own ("Mr. Smith", "Smith told reporters").
const SINGLE_NAME_THRESHOLD: f64 = 3.0;
/// A word is looked up among at most this many owners: enough for any real article, and a bound on the work.
const MAX_OWNERS: usize = 16;

/// A name word's key, by number: each distinct key of the document is written once, and what is known of a key
/// sits in lists indexed by its number rather than in maps keyed by strings.
type Key = usize;

/// Numbers by hash: open addressing with linear probing over a power of two of slots, at least twice as many as
/// the things numbered; 0 for an empty slot, else a thing's number + 1. The things are kept by their owner, which
/// tells whether the thing of a number is the one looked for. Where hashbrown's maps took a tag per slot, a group
/// search and a table grown by its own rules, the document's few dozen keys and forms want one probe or two (Wasm
/// cost −0.4% with a lone word's form found by its key, [`FormNumbers`]). The slots are `u32`s, half the bytes of a
/// `usize` natively (the same in the Wasm), zeroed when made: natively `memset` 87K instructions fewer a corpus
/// round. A number always fits: there are fewer things than bytes of text, at most 1 GiB
/// ([`crate::Options::MAX_MAX_INPUT_BYTES`]).
struct Slots {
    slots: Vec<u32>,
}

impl Slots {
    /// No numbers, with room for `things` things.
    fn with_room(things: usize) -> Slots {
        Slots { slots: vec![0; (2 * things).max(1).next_power_of_two()] }
    }

    /// The number of the thing of hash `hash` for which `is` (given a number) holds, or else the empty slot where it
    /// goes.
    fn find(&self, hash: u64, mut is: impl FnMut(usize) -> bool) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        // The table is never full: the loop meets an empty slot.
        loop {
            match self.slots.get(at).map(|&slot| slot as usize) {
                Some(0) | None => return Err(at),
                Some(number) if is(number - 1) => return Ok(number - 1),
                Some(_) => at = (at + 1) & mask,
            }
        }
    }

    /// Puts `number`, the highest number yet (numbers are given from 0 up), at the empty slot `at`, and doubles the
    /// slots when more than half are full: `hash` gives the hash of each thing by number.
    fn insert(&mut self, at: usize, number: usize, hash: impl Fn(usize) -> u64) {
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = number as u32 + 1;
        }
        if 2 * (number + 1) > self.slots.len() {
            let mut grown = Slots { slots: vec![0; 2 * self.slots.len()] };
            for old in 0..=number {
                if let Err(at) = grown.find(hash(old), |_| false) {
                    if let Some(slot) = grown.slots.get_mut(at) {
                        *slot = old as u32 + 1;
                    }
                }
            }
            *self = grown;
        }
    }
}

/// The distinct keys of the document's name words, numbered in order of first use: slices of the candidates'
/// keys ([`Candidates`]), not copies.
struct Keys<'a> {
    numbers: Slots,
    /// Every key, in order of number.
    keys: Vec<&'a str>,
    /// The number of each key's [`Form::Single`] + 1, by key number; 0 when no candidate has that form.
    single_forms: Vec<usize>,
}

impl<'a> Keys<'a> {
    /// Room for about `words` distinct keys.
    fn with_capacity(words: usize) -> Keys<'a> {
        Keys { numbers: Slots::with_room(words), keys: Vec::with_capacity(words), single_forms: Vec::with_capacity(words) }
    }

    /// The number of `key`, given one if it has none yet.
    fn number(&mut self, key: &'a str) -> Key {
        let hash = hash_of_key(key);
        let keys = &self.keys;
        match self.numbers.find(hash, |number| matches!(keys.get(number), Some(&known) if same_text(known, key))) {
            Ok(number) => number,
            Err(at) => {
                let number = self.keys.len();
                self.keys.push(key);
                self.single_forms.push(0);
                let keys = &self.keys;
                self.numbers.insert(at, number, |old| hash_of_key(keys.get(old).copied().unwrap_or("")));
                number
            }
        }
    }

    /// The number of `key`, if any candidate has it: a key no candidate has is never looked up.
    fn get(&self, key: &str) -> Option<Key> {
        self.numbers.find(hash_of_key(key), |number| matches!(self.keys.get(number), Some(&known) if same_text(known, key))).ok()
    }

    /// The key numbered `number`.
    fn key(&self, number: Key) -> &'a str {
        self.keys.get(number).copied().unwrap_or("")
    }

    /// How many distinct keys there are.
    fn len(&self) -> usize {
        self.keys.len()
    }
}

/// Whether `a` and `b` are the same text, compared in line when they are of up to sixteen bytes (nearly every
/// key, and most names): as one word ([`tail_word`]) or two overlapping words of eight bytes. `==` on strings is a
/// call to `memcmp` in the Wasm, about 160 cost units a call with its mispredicts, made 3,000 times a corpus round
/// by the keys' look-ups and the mentions' spellings. Out of line: one copy for the four places that compare.
#[inline(never)]
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    match (a.first_chunk::<8>(), a.last_chunk::<8>(), b.first_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(a0), Some(a1), Some(b0), Some(b1)) if a.len() <= 16 => {
            (u64::from_le_bytes(*a0) ^ u64::from_le_bytes(*b0)) | (u64::from_le_bytes(*a1) ^ u64::from_le_bytes(*b1)) == 0
        }
        (Some(_), ..) => a == b,
        _ => tail_word(a) == tail_word(b),
    }
}

/// [`key_hash`] of a key (the lexicon's hash: its 8-byte words, the last read as overlapping words rather than
/// byte by byte), out of line: one copy for every look-up of the keys.
#[inline(never)]
fn hash_of_key(key: &str) -> u64 {
    key_hash(key.as_bytes())
}

/// What a candidate's words are, as keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A given name (or more) and a surname: ("vladimir", "putin").
    Full(Key, Key),
    /// An initial and a surname: ('m', "butcher").
    Initial(char, Key),
    /// One name word, or a surname with its particles ("van der Westhuizen"): "putin".
    Single(Key),
}

/// The form of `candidate`, named `name`, whose words' keys are `joined` (one a word, joined by single spaces, as
/// [`Candidates::joined_keys`] gives them).
///
/// Most names are read without splitting their keys: their first and last keys are found by [`outer_keys`], and
/// whether their first word is a given name by [`given_name_shaped`]. Split key by key, each key was a call of
/// the splitting iterator and one of [`is_suffix`], the first word's end was found by a loop over its bytes whose
/// end the predictor could not learn, and its period by a call to `memchr` (this function and the iterator
/// 0.92M a corpus round in V8, 0.30M now).
#[inline(never)]
fn form_of<'a>(all: &'a Candidates, candidate: &Candidate, name: &str, joined: &'a str, keys: &mut Keys<'a>) -> Option<Form> {
    let (first, last) = match outer_keys(joined) {
        Some(outer) => outer,
        None => {
            // The keys of the first and the last word that are not suffixes, and how many such words there are.
            let (mut first, mut last, mut meaningful) = ("", "", 0);
            for key in all.keys_of(candidate) {
                if is_suffix(key) {
                    continue;
                }
                if meaningful == 0 {
                    first = key;
                }
                last = key;
                meaningful += 1;
            }
            if meaningful == 0 {
                return None;
            }
            if meaningful == 1 {
                return Some(Form::Single(keys.number(last)));
            }
            (first, last)
        }
    };
    if is_connector(first) {
        return Some(Form::Single(keys.number(last)));
    }
    if !given_name_shaped(name) {
        let first_part = name.get(..name.bytes().position(|b| b == b' ').unwrap_or(name.len()))?;
        if initial_like(first_part) {
            let initial = first.chars().next()?;
            return Some(Form::Initial(initial, keys.number(last)));
        }
    }
    Some(Form::Full(keys.number(first), keys.number(last)))
}

/// The high bit of each byte of `word` that is `byte`, exactly: no byte's test borrows from or carries into
/// another's, so the flags above the lowest are right too.
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (EACH_BYTE * u64::from(byte));
    !((x & !HIGH_BITS).wrapping_add(EACH_BYTE * 0x7F) | x) & HIGH_BITS
}

/// The keys of the first and the last word of a name whose keys are `joined` (one a word, joined by single
/// spaces), when it has two words or more and neither of those is a suffix: then they are its first and last words
/// that are not suffixes, whatever lies between them. Its spaces are read eight bytes at a time from its start, its
/// ninth byte and its end, as one bit a byte: the reads see every space of keys of 8 to 24 bytes, and the first and
/// the last of keys of up to 56 bytes whose first and last keys are shorter than eight. The first and last spaces
/// are the lowest and highest bits, found without a branch on which read holds them (as branches, mispredicted 600
/// times a round). `None` for any other (under 8 bytes, one word, a suffix at either end, a key the reads leave
/// out), which [`form_of`] splits key by key.
fn outer_keys(joined: &str) -> Option<(&str, &str)> {
    let bytes = joined.as_bytes();
    let n = bytes.len();
    // Where the last read starts, and the middle one (the last, in keys of at most 16 bytes).
    let end_read = n.checked_sub(8)?;
    let middle_read = end_read.min(8);
    // The spaces among the eight bytes from `at`, a bit each, the first byte's lowest.
    let spaces_at = |at: usize| {
        let spaces = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>).map_or(0, |eight| bytes_equal(u64::from_le_bytes(*eight), b' '));
        (spaces >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
    };
    let (head, middle, tail) = (spaces_at(0), spaces_at(middle_read), spaces_at(end_read));
    let spaces = head | middle << middle_read | tail << end_read.min(56);
    let seen = (spaces != 0) & (n <= 56) & ((n <= 24) | (((head | middle) != 0) & (tail != 0)));
    if !seen {
        return None;
    }
    let (first, last) = (spaces.trailing_zeros() as usize, 63 - spaces.leading_zeros() as usize);
    let (first, last) = (joined.get(..first)?, joined.get(last + 1..)?);
    // Only a key of two or three letters may be a suffix ("jr", "iii"): longer ones are not asked.
    if (first.len() <= 3 || last.len() <= 3) && (is_suffix(first) || is_suffix(last)) {
        return None;
    }
    Some((first, last))
}

/// Whether the first word of `name` as written is shaped as a given name, and so is no initial ([`initial_like`]):
/// it starts with two ASCII letters, as most given names do ("Vladimir", "John"), and is longer than five bytes or
/// has no period (an initial has one letter, or a period and at most 3 letters in at most 5 bytes). Read from the
/// name's first eight bytes at once, 0 past its end: the word ends at the first space among them or at the name's
/// end, or is longer than that.
fn given_name_shaped(name: &str) -> bool {
    let bytes = name.as_bytes();
    let head = bytes.first_chunk::<8>().map_or_else(|| tail_word(bytes), |eight| u64::from_le_bytes(*eight));
    let ends = bytes_equal(head, b' ') | HIGH_BITS.checked_shl(8 * bytes.len().min(8) as u32).unwrap_or(0);
    // The bits of the bytes before the word's end (all of them when it ends past them).
    let before = ends.wrapping_sub(1) & !ends;
    // All ones when the word has at most five bytes (its sixth byte's high bit is not before its end), else 0.
    let short = (before >> 47 & 1).wrapping_sub(1);
    let letters = lower_case_bytes(head | (EACH_BYTE * 0x20));
    // What speaks against: a first or second byte that is no ASCII letter, a period in a word of five bytes at
    // most. One test, where and-ed tests were branches of their own, the length's mispredicted 400 times a round.
    (!letters & 0x8080) | (bytes_equal(head, b'.') & before & short) == 0
}

/// Whether the first word of a name, as written, is an initial ("M.", "J.R."): one letter, or a period and at most 3
/// letters in at most 5 bytes.
fn initial_like(word: &str) -> bool {
    let word_letters = letters(word);
    word_letters == 1 || (word.bytes().any(|b| b == b'.') && word_letters <= 3 && word.len() <= 5)
}

/// Words a person is found by, each a list by key number: the surname (and each part of a hyphenated one), the
/// given name.
///
/// Every list is a chain of cells in one buffer, each cell holding a person and the cell pushed to its list before
/// it: a document's lists take a few allocations, not one a list, and start as a zeroed table of heads rather than
/// as a list of empty lists built one by one. A list's order is not kept (its newest person comes first): what is
/// asked of one (empty, one person, holds a person, the person named most often) does not depend on it.
struct Owners {
    /// By key number, the head of its list of people who own it as a surname ([`List`]).
    by_surname: Vec<usize>,
    /// By key number, the head of its list of people who own it as a given name.
    by_given: Vec<usize>,
    /// By the number of an initial form ("M. Butcher"), the head of its list of people whose given name starts with
    /// the initial.
    by_initial: Vec<usize>,
    cells: Vec<Cell>,
}

/// One person of a list of [`Owners`].
struct Cell {
    id: usize,
    /// The cell pushed to the list before this one: its index + 1, 0 when there is none.
    next: usize,
}

/// The people of one list of [`Owners`], newest first: a walk along its cells from `head` (0 for an empty list,
/// else the index + 1 of its newest cell).
#[derive(Clone, Copy)]
struct List<'a> {
    cells: &'a [Cell],
    head: usize,
}

impl Iterator for List<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let cell = self.cells.get(self.head.checked_sub(1)?)?;
        self.head = cell.next;
        Some(cell.id)
    }
}

impl List<'_> {
    /// Whether nobody is in the list.
    fn is_empty(&self) -> bool {
        self.head == 0
    }

    /// Whether `id` is in the list.
    fn contains(mut self, id: usize) -> bool {
        self.any(|owner| owner == id)
    }

    /// The person of a list of exactly one.
    fn only(mut self) -> Option<usize> {
        let first = self.next()?;
        self.next().is_none().then_some(first)
    }
}

impl Owners {
    /// No owners, with room for `keys` keys and `forms` forms.
    fn new(keys: usize, forms: usize) -> Owners {
        Owners { by_surname: vec![0; keys], by_given: vec![0; keys], by_initial: vec![0; forms], cells: Vec::with_capacity(keys) }
    }

    fn add(&mut self, id: usize, first: Option<Key>, last: Key, keys: &Keys, numbers: &FormNumbers) {
        push_owner(&mut self.by_surname, &mut self.cells, last, id);
        let last_key = keys.key(last);
        if last_key.bytes().any(|b| b == b'-') {
            for part in last_key.split('-').filter(|p| p.chars().count() > 2) {
                if let Some(part) = keys.get(part) {
                    push_owner(&mut self.by_surname, &mut self.cells, part, id);
                }
            }
        }
        let Some(first) = first.filter(|&first| !keys.key(first).is_empty()) else { return };
        push_owner(&mut self.by_given, &mut self.cells, first, id);
        // Only initial forms the text uses are ever looked up.
        if let Some(number) = keys.key(first).chars().next().and_then(|initial| numbers.get(Form::Initial(initial, last))) {
            push_owner(&mut self.by_initial, &mut self.cells, number, id);
        }
    }

    /// Whether somebody owns the key numbered `key` as a surname or a given name.
    fn owns(&self, key: Key) -> bool {
        (self.by_surname.get(key).copied().unwrap_or(0) | self.by_given.get(key).copied().unwrap_or(0)) != 0
    }

    /// The list whose head `heads` holds at `number` (empty past its end).
    fn list<'a>(&'a self, heads: &[usize], number: usize) -> List<'a> {
        List { cells: &self.cells, head: heads.get(number).copied().unwrap_or(0) }
    }
}

/// Adds `id` to the list whose head `heads` holds at `number`, unless it is there already or full.
fn push_owner(heads: &mut [usize], cells: &mut Vec<Cell>, number: usize, id: usize) {
    let Some(head) = heads.get_mut(number) else { return };
    let mut len = 0;
    for owner in (List { cells, head: *head }) {
        if owner == id {
            return;
        }
        len += 1;
    }
    if len < MAX_OWNERS {
        cells.push(Cell { id, next: *head });
        *head = cells.len();
    }
}

/// Accepts candidates with enough evidence anywhere in the document, merges aliases, and counts mentions: full
/// names first, then initials, then lone words, then every mention. Each step is a function of its own,
/// `#[inline(never)]`: in the Wasm, V8 recompiles a hot function whole, in time that grows faster than its size
/// (`summarize_with` in lib.rs).
/// `lone_names`: whether a lone word may be a person of its own (not in results tables, where any capitalised
/// word next to a figure would qualify).
pub(super) fn merge_candidates(all: &Candidates, lone_names: bool) -> People {
    // Nobody without candidates, as in most short texts: the steps' tables (four allocations, each freed) are not
    // made for nothing.
    if all.list.is_empty() {
        return People::default();
    }
    let forms = Forms::of(all);
    let evidence = Evidence::of(&all.list, &forms);
    let mut found = Found::new(&forms);
    found.add_full_names(all, &forms, &evidence);
    found.add_initials(all, &forms, &evidence);
    if lone_names {
        found.add_lone_names(all, &forms, &evidence);
    }
    found.count_mentions(all, &forms)
}

/// The form of each candidate, and the distinct forms numbered, so that what is known of a form sits in lists
/// rather than in more hash maps.
struct Forms<'a> {
    /// The keys of the candidates' words.
    keys: Keys<'a>,
    /// Each candidate's form and the form's number, when it has one.
    of: Vec<Option<(Form, usize)>>,
    numbers: FormNumbers,
}

impl<'a> Forms<'a> {
    /// The forms of the candidates of `all`.
    #[inline(never)]
    fn of(all: &'a Candidates) -> Forms<'a> {
        let candidates = all.list.as_slice();
        // A candidate numbers at most two keys (its first and last words) and one form.
        let mut keys = Keys::with_capacity(2 * candidates.len());
        let mut numbers = FormNumbers::with_room(candidates.len());
        let of = candidates
            .iter()
            .map(|candidate| {
                // A name of one word that is no connector or suffix is that word ([`form_of`] would find as much).
                let joined = all.joined_keys(candidate);
                let form = match candidate.plain_word {
                    true => Form::Single(keys.number(joined)),
                    false => form_of(all, candidate, all.name(candidate), joined, &mut keys)?,
                };
                Some((form, numbers.number(form, &mut keys.single_forms)))
            })
            .collect();
        Forms { keys, of, numbers }
    }

    /// How many distinct forms there are.
    fn len(&self) -> usize {
        self.numbers.len
    }
}

/// The distinct forms of the candidates, numbered in order of first use: a lone word's form by its key
/// ([`Keys::single_forms`]), a list look-up; a full name's or an initial's by its hash ([`Slots`]).
struct FormNumbers {
    /// The full-name and initial forms, in order of first use, each with its number.
    pairs: Vec<(Form, usize)>,
    /// The indices of `pairs`, by hash.
    slots: Slots,
    /// How many forms have a number.
    len: usize,
}

impl FormNumbers {
    /// No forms, with room for `forms` forms.
    fn with_room(forms: usize) -> FormNumbers {
        FormNumbers { pairs: Vec::with_capacity(forms), slots: Slots::with_room(forms), len: 0 }
    }

    /// The number of `form`, given one if it has none yet; `single_forms` are the numbers of lone words' forms, by
    /// key ([`Keys::single_forms`]).
    fn number(&mut self, form: Form, single_forms: &mut [usize]) -> usize {
        let next = self.len;
        let number = match form {
            Form::Single(key) => match single_forms.get_mut(key) {
                Some(slot) => {
                    if *slot == 0 {
                        *slot = next + 1;
                    }
                    *slot - 1
                }
                None => next,
            },
            Form::Full(..) | Form::Initial(..) => {
                let pairs = &self.pairs;
                match self.slots.find(form_hash(form), |pair| matches!(pairs.get(pair), Some(&(known, _)) if known == form)) {
                    Ok(pair) => pairs.get(pair).map_or(next, |&(_, number)| number),
                    Err(at) => {
                        self.pairs.push((form, next));
                        let pairs = &self.pairs;
                        self.slots.insert(at, pairs.len() - 1, |old| pairs.get(old).map_or(0, |&(known, _)| form_hash(known)));
                        next
                    }
                }
            }
        };
        if number == next {
            self.len += 1;
        }
        number
    }

    /// The number of the full-name or initial form `form`, if a candidate has it.
    fn get(&self, form: Form) -> Option<usize> {
        let pairs = &self.pairs;
        let pair = self.slots.find(form_hash(form), |pair| matches!(pairs.get(pair), Some(&(known, _)) if known == form)).ok()?;
        pairs.get(pair).map(|&(_, number)| number)
    }
}

/// The hash of a full-name or initial form: its kind and its two parts, by the Fx hash's step, well-mixed high bits
/// brought down to the low ones that [`Slots`] takes.
fn form_hash(form: Form) -> u64 {
    let (kind, one, two) = match form {
        Form::Full(first, last) => (1, first as u64, last),
        Form::Initial(initial, last) => (2, u64::from(initial), last),
        Form::Single(key) => (0, 0, key),
    };
    fx_add(fx_add(kind, one), two as u64).rotate_left(26)
}

/// The evidence for each form over the whole document, headlines left out.
struct Evidence {
    /// The best evidence of each form, and its best context evidence, by number, as [`order_key`]s: one list,
    /// made and filled once.
    best: Vec<(i64, i64)>,
    /// The best context evidence of each lone word, by key, as an [`order_key`]: a surname said with a speech verb
    /// or a title elsewhere ("Umerov affirmed") supports its full name. One slot more than there are keys, which
    /// the other forms' context goes to and nothing reads.
    surname_context: Vec<i64>,
}

/// An evidence value as an integer in the same order: the bits of a positive `f64` grow with it, those of a
/// negative one are turned around, and [`from_order_key`] gives the value back. The best evidence is kept as keys
/// so that it is the greater of two integers, a `select` in the Wasm, where `f64::max` was a branch V8 took on the
/// values, mispredicted 1,500 times a round. Evidence is a sum of a few whole quarters (never NaN, where `max`
/// and the key's order would part), and the order it gives zero and negative zero does not show: the best values
/// are only compared with thresholds.
fn order_key(value: f64) -> i64 {
    let bits = value.to_bits() as i64;
    bits ^ ((bits >> 63) as u64 >> 1) as i64
}

/// The value whose [`order_key`] is `key`.
fn from_order_key(key: i64) -> f64 {
    f64::from_bits((key ^ ((key >> 63) as u64 >> 1) as i64) as u64)
}

impl Evidence {
    /// The evidence `candidates`, whose forms are `forms`, give.
    #[inline(never)]
    fn of(candidates: &[Candidate], forms: &Forms) -> Evidence {
        let least = order_key(f64::MIN);
        let mut best = vec![(least, least); forms.len()];
        let spare = forms.keys.len();
        let mut surname_context = vec![order_key(0.0); spare + 1];
        for (candidate, form) in candidates.iter().zip(&forms.of) {
            let (Some((form, number)), false) = (form, candidate.headline) else { continue };
            let context = order_key(candidate.context);
            if let Some((best_evidence, best_context)) = best.get_mut(*number) {
                *best_evidence = (*best_evidence).max(order_key(candidate.evidence));
                *best_context = (*best_context).max(context);
            }
            // A lone word's context goes to its key's slot, any other form's to the spare one: no branch on the
            // form, which was mispredicted 1,100 times a round. The key is read where a full name's first key lies
            // too, and the slot is chosen by a mask: chosen by a `match` or an `if`, it was that branch again
            // (`Evidence::of` 296K -> 224K a round in V8, mispredicts 1.7K -> 0.45K).
            let single = usize::from(matches!(form, Form::Single(_)));
            let key = match *form {
                Form::Single(key) | Form::Full(key, _) => key,
                Form::Initial(..) => 0,
            };
            let slot = spare.wrapping_add(key.wrapping_sub(spare) & single.wrapping_neg());
            if let Some(best_context) = surname_context.get_mut(slot) {
                *best_context = (*best_context).max(context);
            }
        }
        Evidence { best, surname_context }
    }

    /// Whether the full name or initial form `form`, numbered `number`, has enough evidence, its surname's
    /// support included.
    fn accepted(&self, form: &Form, number: usize) -> bool {
        let support = match form {
            Form::Full(_, last) | Form::Initial(_, last) => self.surname_context.get(*last).map_or(0.0, |&key| from_order_key(key)).min(3.0) * 0.5,
            Form::Single(_) => 0.0,
        };
        self.best.get(number).map_or(f64::MIN, |&(best, _)| from_order_key(best)) + support >= FULL_NAME_THRESHOLD
    }
}

/// The people found so far, and what they are found by.
struct Found<'c> {
    persons: Vec<PersonFound>,
    owners: Owners,
    /// The person each form stands for, by its number.
    person_of: Vec<Option<usize>>,
    /// How many times each person is named in full.
    full_counts: Vec<usize>,
    /// The candidate each person's name is written as, with the numbers of the keys of the first and last words of
    /// the name that are not suffixes, as its form has them (the first only for a full name): the same for every
    /// spelling of the form.
    named_by: Vec<(&'c Candidate, (Option<Key>, Key))>,
}

impl<'c> Found<'c> {
    /// Nobody yet, with room for the keys and forms of `forms`, and for as many people as half the forms: a
    /// person has a form or two besides the one that names them (a lone surname, an initial), and the lists made
    /// once are not grown by doubling, a copy each time.
    fn new(forms: &Forms) -> Found<'c> {
        let (keys, numbers) = (forms.keys.len(), forms.len());
        let people = numbers / 2;
        Found {
            persons: Vec::with_capacity(people),
            owners: Owners::new(keys, numbers),
            person_of: vec![None; numbers],
            full_counts: Vec::with_capacity(people),
            named_by: Vec::with_capacity(people),
        }
    }

    /// A new person, named as `candidate` (whose form is numbered `number`) and found by the given name `first`,
    /// if any, and the surname `last`.
    fn add(&mut self, all: &Candidates, candidate: &'c Candidate, number: usize, first: Option<Key>, last: Key, forms: &Forms) {
        let id = self.persons.len();
        self.persons.push(new_person(id, all.name(candidate).to_string()));
        self.named_by.push((candidate, (first, last)));
        self.full_counts.push(0);
        self.owners.add(id, first, last, &forms.keys, &forms.numbers);
        self.person_of[number] = Some(id);
    }

    /// Full names, in order of first appearance, each under its fullest spelling.
    #[inline(never)]
    fn add_full_names(&mut self, all: &'c Candidates, forms: &Forms, evidence: &Evidence) {
        for (candidate, form) in all.list.iter().zip(&forms.of) {
            let Some((form @ Form::Full(first, last), number)) = form else { continue };
            if candidate.headline || !evidence.accepted(form, *number) {
                continue;
            }
            match self.person_of[*number] {
                Some(id) => {
                    if let (Some(person), Some((named, _))) = (self.persons.get_mut(id), self.named_by.get_mut(id)) {
                        if candidate.parts > named.parts {
                            all.name(candidate).clone_into(&mut person.name);
                            *named = candidate;
                        }
                    }
                }
                None => self.add(all, candidate, *number, Some(*first), *last, forms),
            }
        }
    }

    /// Initials: the person whose given name starts with it ("M. Butcher" is "Mark Butcher"), or a person of their
    /// own when nobody does.
    #[inline(never)]
    fn add_initials(&mut self, all: &'c Candidates, forms: &Forms, evidence: &Evidence) {
        for (candidate, form) in all.list.iter().zip(&forms.of) {
            let Some((form @ Form::Initial(_, last), number)) = form else { continue };
            if candidate.headline || self.person_of[*number].is_some() {
                continue;
            }
            let owners_of_initial = self.owners.list(&self.owners.by_initial, *number);
            if let Some(id) = owners_of_initial.only() {
                self.person_of[*number] = Some(id);
            } else if owners_of_initial.is_empty() && evidence.accepted(form, *number) {
                self.add(all, candidate, *number, None, *last, forms);
            }
        }
    }

    /// Lone words nobody owns: people of their own on strong evidence ("Mr. Smith", "said Smith").
    #[inline(never)]
    fn add_lone_names(&mut self, all: &'c Candidates, forms: &Forms, evidence: &Evidence) {
        // The evidence and context evidence a lone word needs, as order keys: compared as integers.
        let (needed, context_needed) = (order_key(SINGLE_NAME_THRESHOLD), order_key(2.0));
        for (candidate, form) in all.list.iter().zip(&forms.of) {
            let Some((Form::Single(number_of_key), number)) = form else { continue };
            let (number_of_key, number) = (*number_of_key, *number);
            let (best, context) = evidence.best.get(number).copied().unwrap_or((i64::MIN, i64::MIN));
            // The tests that need no look-up, and-ed into one branch, which few lone words pass: each was a branch of
            // its own, mispredicted hundreds of times a round.
            let unowned = !candidate.headline
                & matches!(self.person_of.get(number), Some(None))
                & self.owners.list(&self.owners.by_surname, number_of_key).is_empty()
                & self.owners.list(&self.owners.by_given, number_of_key).is_empty()
                & (best >= needed)
                & (context >= context_needed);
            if !unowned {
                continue;
            }
            let key = forms.keys.key(number_of_key);
            if key.chars().count() < 2 || !may_stand_alone(key) {
                continue;
            }
            self.add(all, candidate, number, None, number_of_key, forms);
        }
    }

    /// Every mention, in text order, counted for the person it names: a full name or initial for the person its
    /// form stands for, a lone word for the one [`resolve_single`] finds; each person's mentions sorted.
    #[inline(never)]
    fn count_mentions(self, all: &Candidates, forms: &Forms) -> People {
        let Found { mut persons, owners, person_of, mut full_counts, named_by } = self;
        let keys = &forms.keys;
        // The keys of each person's name words, for the last owner of each: one list for all, person after person
        // (`name_key_ends[id]` is where person `id`'s start and `name_key_ends[id + 1]` where they end), not a list a
        // person. Its leading 0 spares a test of whether a person is the first (mispredicted 400 times a round).
        let mut name_keys: Vec<Key> = Vec::with_capacity(named_by.len() * 2);
        let mut name_key_ends = Vec::with_capacity(named_by.len() + 1);
        name_key_ends.push(0);
        // The numbers of the first and last words that are not suffixes are known from the form; only the other
        // words' keys (middle names, connectors, suffixes) are looked up. Their order does not matter.
        for &(named, (first, last)) in &named_by {
            match (named.parts, first) {
                // A name of one word has it as its form's key; a full name of two words has no suffix, and its
                // words are its form's first and last: most names, told without their keys read.
                (1, _) => name_keys.push(last),
                (2, Some(first)) => {
                    name_keys.push(first);
                    name_keys.push(last);
                }
                _ => push_name_keys(all.keys_of(named), first, last, keys, &mut name_keys),
            }
            name_key_ends.push(name_keys.len());
        }
        let mut mentions = Vec::with_capacity(all.list.len());
        let mut last_owner: Vec<Option<usize>> = vec![None; keys.len()];
        // Whether the mentions' starts strictly increase, and the least the next may be: the candidates come in text
        // order, one span each, so they almost always do, and then so do each person's.
        let (mut ordered, mut least) = (true, 0);
        for (candidate, form) in all.list.iter().zip(&forms.of) {
            let Some((form, number)) = form else { continue };
            // A lone word is resolved only when somebody owns its key ([`resolve_single`] finds nobody else), and a
            // full name or initial is the person its form stands for unless in a headline: one branch, taken by a
            // fifth of the mentions, where a branch on the form's kind was mispredicted 1,400 times a round (lone
            // words and full names come mixed), and [`resolve_single`] was called for every lone word. The key is
            // read where a full name's first key lies, so that reading it is no branch on the kind either.
            let single = matches!(form, Form::Single(_));
            let key = match *form {
                Form::Single(key) | Form::Full(key, _) => key,
                Form::Initial(..) => 0,
            };
            let id = if single & owners.owns(key) {
                resolve_single(candidate, key, keys, &owners, &last_owner, &full_counts)
            } else {
                person_of.get(*number).copied().flatten().filter(|_| !(single | candidate.headline))
            };
            let Some(id) = id else { continue };
            let Some(person) = persons.get_mut(id) else { continue };
            if let Some(count) = full_counts.get_mut(id) {
                *count += usize::from(matches!(form, Form::Full(..)));
            }
            ordered &= candidate.span.start >= least;
            least = candidate.span.start + 1;
            add_mention(all, candidate, person);
            mentions.push(Mention { span: candidate.span, person: id, sentence: candidate.sentence });
            let start = name_key_ends.get(id).copied().unwrap_or(0);
            let end = name_key_ends.get(id + 1).copied().unwrap_or(start);
            for &key in name_keys.get(start..end).unwrap_or_default() {
                if let Some(owner) = last_owner.get_mut(key) {
                    *owner = Some(id);
                }
            }
        }
        // Mentions in order need no sort, nor do each person's, and hold no two the same: each list is checked only
        // when they are not, where every person's was (its loop's end mispredicted 1,000 times a round).
        if !ordered {
            sort_out_of_order(&mut persons, &mut mentions);
        }
        People { persons, mentions }
    }
}

/// Appends the numbers of the keys `word_keys` of a name to `name_keys`, those that have one: `first` and `last`
/// are the numbers of its first and last words that are not suffixes, as its form has them (`first` only for a
/// full name).
fn push_name_keys<'a>(word_keys: impl Iterator<Item = &'a str>, first: Option<Key>, last: Key, keys: &Keys, name_keys: &mut Vec<Key>) {
    // The last word that is no suffix so far, and whether it is the first.
    let mut pending: Option<(&str, bool)> = None;
    for key in word_keys {
        if is_suffix(key) {
            name_keys.extend(keys.get(key));
            continue;
        }
        // A word that is no suffix follows the pending one, which is not the last.
        match pending {
            Some((_, true)) if first.is_some() => name_keys.extend(first),
            Some((previous, _)) => name_keys.extend(keys.get(previous)),
            None => {}
        }
        pending = Some((key, pending.is_none()));
    }
    if pending.is_some() {
        name_keys.push(last);
    }
}

/// Sorts the lists of `persons`' mentions that are out of order, and `mentions` if it is: a stable sort leaves a sorted
/// list as it is, and spans whose starts strictly increase hold no two the same, so only sorted ones are
/// deduplicated. Out of line, as rare.
#[inline(never)]
fn sort_out_of_order(persons: &mut [PersonFound], mentions: &mut [Mention]) {
    for person in persons {
        if !in_order(person.mentions.iter().map(|span| span.start)) {
            sort_spans(&mut person.mentions);
        }
    }
    if !in_order(mentions.iter().map(|m| m.span.start)) {
        sort_mentions(mentions);
    }
}

/// Sorts a person's mention spans, the rare time they are out of order (out of line, like [`sort_mentions`]), and
/// drops the repeats.
#[inline(never)]
fn sort_spans(spans: &mut Vec<crate::span::Span>) {
    crate::order::sort_by(spans, |a, b| a < b);
    spans.dedup();
}

/// Sorts the mentions by their start, the rare time they are out of order: out of line, so that the sort is not
/// compiled with [`Found::count_mentions`] at start-up (V8 compiles a function whole on its first call).
#[inline(never)]
fn sort_mentions(mentions: &mut [Mention]) {
    crate::order::sort_by_key(mentions, |m| m.span.start);
}

/// Whether the offsets `starts` strictly increase: then spans that start there are in order, and no two are
/// the same, whatever their ends.
fn in_order(starts: impl Iterator<Item = usize>) -> bool {
    // The least the next start may be.
    let mut least = 0;
    for start in starts {
        if start < least {
            return false;
        }
        least = start + 1;
    }
    true
}

/// Whether a lone word may be a person of its own: common words, places, organisations, months and titles are
/// not (one look-up).
fn may_stand_alone(key: &str) -> bool {
    let lex = lexicons();
    let entry = lex.entry(key);
    !(lex.common_words.holds(&entry)
        || is_place_like_entry(key, &entry)
        || lex.organizations.holds(&entry)
        || lex.non_person_heads.holds(&entry)
        || lex.calendar.holds(&entry)
        || entry.title_kind().is_some())
}

/// Counts `candidate` as a mention of `person`: its spelling an alias unless it is the name or a headline's
/// capitals, and the first role and gender any mention gives.
fn add_mention(all: &Candidates, candidate: &Candidate, person: &mut PersonFound) {
    let surface = all.name(candidate);
    let shouting = candidate.headline && surface.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if !same_text(surface, &person.name) && !shouting && !person.aliases.iter().any(|alias| same_text(alias, surface)) {
        person.aliases.push(surface.to_string());
    }
    // Most mentions give no role: asked first, as most people have none yet either (a mention without one gives
    // none).
    if candidate.role.is_some() && person.role.is_none() {
        person.role = all.role(candidate).map(str::to_string);
    }
    // Without a branch on whether a gender was known (mispredicted 280 times a round).
    person.gender = person.gender.or(candidate.gender);
    person.mentions.push(candidate.span);
}

/// A new person named `name`, with room for the mentions of most people (3 on average in news copy, more than 16
/// for few), where a list grown from empty took an allocation at 4, 8 and 16 (Wasm cost −0.1% for this room, half
/// as much for 8).
fn new_person(id: usize, name: String) -> PersonFound {
    PersonFound { id, name, aliases: Vec::new(), mentions: Vec::with_capacity(16), role: None, in_title: false, gender: None }
}

/// The person a lone name word stands for: the one owning it as a surname, else as a given name ("Alan"); when
/// several do, the one named last, else the one named most often in full.
#[inline(never)]
fn resolve_single(
    candidate: &Candidate,
    number: Key,
    keys: &Keys,
    owners: &Owners,
    last_owner: &[Option<usize>],
    full_counts: &[usize],
) -> Option<usize> {
    let by_surname = owners.list(&owners.by_surname, number);
    let ids = if !by_surname.is_empty() {
        by_surname
    } else {
        let ids = owners.list(&owners.by_given, number);
        if ids.is_empty() {
            return None;
        }
        // A common word opening a sentence ("Will", "Mark") is a given name only with more to go on. Asked only
        // here, of a word somebody owns as a given name and nobody as a surname: the look-ups are not made for
        // every lone word.
        let key = keys.key(number);
        let given_allowed = !(candidate.headline || candidate.opens_sentence && is_common_word(key)) && given_name_strength(key) > 0;
        if !given_allowed {
            return None;
        }
        ids
    };
    if let Some(only) = ids.only() {
        return Some(only);
    }
    if let Some(id) = last_owner.get(number).copied().flatten().filter(|&id| ids.contains(id)) {
        return Some(id);
    }
    ids.max_by_key(|&id| (full_counts.get(id).copied().unwrap_or(0), std::cmp::Reverse(id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owner_list_holds_each_person_once_and_at_most_max_owners() {
        let mut owners = Owners::new(3, 0);
        for id in [3, 5, 3] {
            push_owner(&mut owners.by_surname, &mut owners.cells, 0, id);
        }
        push_owner(&mut owners.by_surname, &mut owners.cells, 1, 7);
        let list = owners.list(&owners.by_surname, 0);
        assert!(list.contains(3) && list.contains(5) && !list.contains(7));
        assert_eq!((list.count(), list.only()), (2, None));
        assert_eq!(owners.list(&owners.by_surname, 1).only(), Some(7));
        for id in 0..40 {
            push_owner(&mut owners.by_given, &mut owners.cells, 2, id);
        }
        assert_eq!(owners.list(&owners.by_given, 2).count(), MAX_OWNERS);
        // An empty list, and a number past the end, hold nobody.
        assert!(owners.list(&owners.by_given, 0).is_empty() && owners.list(&owners.by_given, 9).next().is_none());
        push_owner(&mut owners.by_initial, &mut owners.cells, 0, 1);
        assert!(owners.list(&owners.by_initial, 0).is_empty());
    }

    /// Keys are numbered in order of first use and found again, past the room they were made with (the slots
    /// doubled, every key placed again).
    #[test]
    fn keys_keep_their_numbers_as_the_slots_grow() {
        let words: Vec<String> = (0..50).map(|n| format!("key{n}")).collect();
        let mut keys = Keys::with_capacity(1);
        for (n, word) in words.iter().enumerate() {
            assert_eq!(keys.number(word), n);
            assert_eq!(keys.number(word), n);
        }
        for (n, word) in words.iter().enumerate() {
            assert_eq!((keys.get(word), keys.key(n)), (Some(n), word.as_str()));
        }
        assert_eq!((keys.len(), keys.get("key50"), keys.get("")), (50, None, None));
    }

    /// Forms are numbered once each, lone words' by key and the others by hash, past the room they were made with.
    #[test]
    fn forms_keep_their_numbers_as_the_slots_grow() {
        let mut numbers = FormNumbers::with_room(1);
        let mut single_forms = vec![0; 4];
        let forms: Vec<Form> = (0..20)
            .flat_map(|n| [Form::Full(n, n + 1), Form::Initial('m', n), Form::Single(n % 4)])
            .collect();
        let first: Vec<usize> = forms.iter().map(|&form| numbers.number(form, &mut single_forms)).collect();
        let again: Vec<usize> = forms.iter().map(|&form| numbers.number(form, &mut single_forms)).collect();
        assert_eq!(first, again);
        assert_eq!(numbers.len, 44);
        let mut distinct = first.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct, (0..44).collect::<Vec<_>>());
        assert_eq!(numbers.get(Form::Initial('m', 3)), first.get(10).copied());
        assert_eq!((numbers.get(Form::Initial('j', 3)), numbers.get(Form::Full(1, 0))), (None, None));
    }

    /// Texts of every length up to 40 bytes are the same exactly when `==` says so: those that differ in one byte
    /// anywhere, or only in length, are not.
    #[test]
    fn same_text_is_equality() {
        let text = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
        for len in 0..=40 {
            let a = text.get(..len).unwrap_or("");
            let copy = a.to_owned();
            assert!(same_text(a, &copy));
            for at in 0..a.len() {
                let mut other = a.as_bytes().to_vec();
                other[at] ^= 1;
                let other = String::from_utf8(other).unwrap();
                assert!(!same_text(a, &other) && !same_text(&other, a), "{len} {at}");
            }
            for other_len in 0..=40 {
                let other = text.get(..other_len).unwrap_or("");
                assert_eq!(same_text(a, other), a == other, "{len} {other_len}");
            }
        }
    }

    /// Order keys give each value back, and order values as `f64::max` does, but for the two zeros (which the
    /// best evidence is only compared with thresholds, so that their order does not show).
    #[test]
    fn order_keys_order_as_the_values() {
        let values = [f64::MIN, -1e300, -3.0, -0.75, -f64::MIN_POSITIVE, -0.0, 0.0, 5e-324, 0.25, 2.0, 2.5, 1e300, f64::MAX, f64::INFINITY, f64::NEG_INFINITY];
        for &a in &values {
            assert_eq!(from_order_key(order_key(a)).to_bits(), a.to_bits(), "{a}");
            for &b in &values {
                let max = from_order_key(order_key(a).max(order_key(b)));
                assert!(max == a.max(b), "{a} {b}");
            }
        }
    }

    /// The first and last keys read eight bytes at a time are those a split finds, for keys of every length around
    /// the reads' edges, with and without words between them; what is not read so is left to the split (a text
    /// under 8 bytes, a key of 8 bytes or more at either end of one over 24, a suffix at either end).
    #[test]
    fn outer_keys_are_the_first_and_last_a_split_finds() {
        let words = ["", "a", "jr", "ab", "iii", "abc", "abcdefg", "abcdefgh", "abcdefghijk", "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz01234"];
        for a in words {
            for b in words {
                for between in ["", " iv", " mid", " a b", " abcdefghijk", " abcdefghijklmnopqrstuvwxyz"] {
                    let joined = format!("{a}{between} {b}");
                    let split: Vec<&str> = joined.split(' ').collect();
                    let (first, last) = (split[0], split[split.len() - 1]);
                    let expected = (!is_suffix(first) && !is_suffix(last)).then_some((first, last));
                    let read = outer_keys(&joined);
                    let unread = joined.len() < 8 || joined.len() > 24 && (first.len() >= 8 || last.len() >= 8 || joined.len() > 56);
                    assert!(read == expected || read.is_none() && unread, "{joined:?}");
                }
            }
            assert_eq!(outer_keys(&format!("{a}abcdefgh")), None);
        }
        assert_eq!(outer_keys("vladimir putin"), Some(("vladimir", "putin")));
        assert_eq!(outer_keys("christopher columbus"), Some(("christopher", "columbus")));
        assert_eq!(outer_keys("martin luther king jr"), None);
    }

    /// A name's first word is told shaped as a given name from its first eight bytes as the word itself tells it.
    #[test]
    fn given_names_are_told_by_their_first_eight_bytes() {
        for name in ["John Smith", "M. Butcher", "J.R. Smith", "Jo.Ann Lee", "Jo. Smith", "Vladimir Putin", "A Smithson", " Ab cdefgh", "Ab.cdefgh x", "Émile Zola", "St.John Rivers", "Abcde. Fghij", "Abcdef. Ghij", "Jo Lee", "Al", "A", "", "A. B", "Ab.c D"] {
            let first_part = name.split(' ').next().unwrap_or("");
            let bytes = first_part.as_bytes();
            let word_like = matches!(bytes, [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
                && (bytes.len() > 5 || !bytes.contains(&b'.'));
            assert_eq!(given_name_shaped(name), word_like, "{name:?}");
        }
        // Every first word of up to eight bytes of letters of either case, periods and digits.
        for len in 0..=8u32 {
            for code in 0..4usize.pow(len) {
                let word: String = (0..len).map(|k| ['a', 'B', '.', '1'][code / 4usize.pow(k) % 4]).collect();
                let name = format!("{word} Smithson");
                let bytes = word.as_bytes();
                let word_like = matches!(bytes, [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
                    && (bytes.len() > 5 || !bytes.contains(&b'.'));
                assert_eq!(given_name_shaped(&name), word_like, "{name:?}");
                assert_eq!(given_name_shaped(&word), word_like, "{word:?}");
            }
        }
    }

    #[test]
    fn offsets_are_in_order_only_when_they_strictly_increase() {
        assert!(in_order([].into_iter()));
        assert!(in_order([7].into_iter()));
        assert!(in_order([0, 3, 10].into_iter()));
        // A repeated start (a duplicate, or two spans with one start) and a step back are not.
        assert!(!in_order([0, 3, 3].into_iter()));
        assert!(!in_order([5, 2, 9].into_iter()));
    }
}
