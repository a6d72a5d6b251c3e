//! Sentence scoring: named features, each from 0 to 1, and their weights — all in this one place.
//!
//! The score of a sentence is `Σ weight × feature`. Every feature is computed in one pass over the words (no
//! sentence-by-sentence similarity matrix), and each earned its place by the ROUGE it adds on CNN/DailyMail and
//! BBC News (`eval/fit_weights.py`, which also fitted the default weights):
//! - `position`: the lead carries the news — 1 for the first sentence, falling with the index — in a short
//!   summary; it fades to 0 as the summary grows to 40% of the text (see `long_summary`);
//! - `budget`: the position measured in summary lengths — exp(−index / summary sentences) — fading likewise;
//! - `paragraph`: the first sentence of a paragraph;
//! - `quotes`: the share of the sentence inside direct quotes;
//! - `entities`: how salient the people it names are;
//! - `centrality`: how much of the document's vocabulary it shares (a linear-time stand-in for LexRank);
//! - `coverage`: centrality again, in a long summary only (the mirror of `position`). A 3-sentence summary of
//!   a 30-sentence story is its lead; a 7-sentence extract of 17 sentences (BBC's) is the story's core,
//!   wherever it stands;
//! - `lead`: how much it shares with the first sentence (0 for the first sentence itself);
//! - `title`: overlap with the headline;
//! - `length`: long enough to say something; `long`: longer than a summary sentence should be;
//! - `numbers`: figures and dates;
//! - `heading`: no terminal punctuation (subheadings, list items);
//! - `caption`: reads like a photo caption — a label and a colon ("Critical: A guard at…") or a caption run
//!   into the next sentence without punctuation ("…on Friday The club…");
//! - `reference`: opens with a dangling reference ("He added…", "But that…", "The 45-year-old…");
//! - `question`: a question or an exclamation;
//! - `speech`: first-person words ("I", "we", "my") — speech, even when no quotation marks mark it.


use serde::Serialize;

use crate::clean::Article;
use crate::lexicon::{lower, one_of};
use crate::options::Error;
use crate::people::People;
use crate::quotes::QuoteFound;
use crate::select::{expected_sentences, Length};
use crate::sentences::SentenceSpan;
use crate::span::Span;
use crate::tokens::{SentenceWords, ShortWords, Word, HIGH_BITS};

macro_rules! features {
    ($($(#[doc = $doc:literal])* $name:ident = $default:expr;)*) => {
        /// Per-sentence feature values (or their weighted contributions), each named after what it measures.
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        pub struct Features {
            $($(#[doc = $doc])* pub $name: f64,)*
        }

        /// The weight of each feature in a sentence's score. The defaults are fitted on CNN/DailyMail validation
        /// articles and BBC News extracts by `eval/fit_weights.py`; any weight may be overridden by name.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Weights {
            $($(#[doc = $doc])* #[doc = concat!("Default: ", stringify!($default), ".")] pub $name: f64,)*
        }

        impl Default for Weights {
            fn default() -> Self {
                Weights { $($name: $default,)* }
            }
        }

        impl Features {
            /// The feature names, in the order the result lists them.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// Each feature times its weight: the contributions, made only when they are read
            /// ([`Contributions::sum`], [`Features::rounded`]), without a whole `Features` of products in between.
            pub(crate) fn dot<'a>(&'a self, w: &'a Weights) -> Contributions<'a> {
                Contributions { features: self, weights: w }
            }

            /// Every value and its contribution, each rounded as [`crate::result::round`] rounds it
            /// ([`round_each`]): the features first, the contributions second.
            pub(crate) fn rounded(self, weights: &RoundingWeights) -> (Features, Features) {
                let mut values = [$(self.$name),*];
                let mut contributions = [0.0; Features::NAMES.len()];
                round_each(&mut values, &mut contributions, weights);
                let [$($name),*] = values;
                let features = Features { $($name,)* };
                let [$($name),*] = contributions;
                (features, Features { $($name,)* })
            }

            /// Writes into `numbers` what [`Features::rounded`] makes, as numbers: every value, then every
            /// contribution, in the order of [`Features::NAMES`]. For the Wasm binding, which hands the numbers to
            /// JavaScript: rounded where they are to be read, without two `Features` and a `Sentence` made and
            /// copied on the way. Each value is written in its place, then rounded there: the values appended to a
            /// list as a whole and copied once more for their contributions took two `memory.copy` calls a sentence.
            #[cfg(any(target_arch = "wasm32", test))]
            pub(crate) fn write_rounded(&self, numbers: &mut [f64; 2 * Features::NAMES.len()], weights: &RoundingWeights) {
                let (values, contributions) = numbers.split_at_mut(Features::NAMES.len());
                if let (Ok(values), Ok(contributions)) = (values.try_into(), contributions.try_into()) {
                    let values: &mut [f64; Features::NAMES.len()] = values;
                    let [$($name),*] = &mut *values;
                    $(*$name = self.$name;)*
                    round_each(values, contributions, weights);
                }
            }
        }

        impl Contributions<'_> {
            /// The score: the contributions added in the order of the features, the sum a `Features` of them gave.
            fn sum(&self) -> f64 {
                0.0 $(+ self.features.$name * self.weights.$name)*
            }
        }

        impl Weights {
            /// Sets the weight of the feature called `feature`.
            pub fn set(&mut self, feature: &str, weight: f64) -> Result<(), Error> {
                let slots = [$(&mut self.$name),*];
                match Features::NAMES.iter().zip(slots).find(|(name, _)| **name == feature) {
                    Some((_, slot)) => *slot = weight,
                    None => {
                        // The message from static pieces, not `format!`s and a `join` (smaller in the .wasm).
                        const KNOWN: &str = concat!($(stringify!($name), ", ",)*);
                        let known = KNOWN.strip_suffix(", ").unwrap_or(KNOWN);
                        return Err(Error::invalid(&["weights.", feature].concat(), ["is not a feature (known: ", known, ")"].concat()));
                    }
                }
                Ok(())
            }

            /// The weights, in the order of [`Features::NAMES`].
            fn values(&self) -> [f64; Features::NAMES.len()] {
                [$(self.$name),*]
            }
        }
    };
}

/// A sentence's features and the weights, whose products are its contributions ([`Features::dot`]).
pub(crate) struct Contributions<'a> {
    features: &'a Features,
    weights: &'a Weights,
}

/// The weights as [`Features::rounded`] reads them: those of the [`FLAGS`] rounded, as a flag's contribution is 0
/// or its weight ([`round_each`]).
pub(crate) struct RoundingWeights {
    weights: [f64; Features::NAMES.len()],
}

impl RoundingWeights {
    /// The weights, those of the flags rounded.
    pub(crate) fn new(weights: &Weights) -> Self {
        let mut rounding = RoundingWeights { weights: weights.values() };
        for weight in &mut rounding.weights[FLAGS] {
            *weight = crate::result::round(*weight);
        }
        rounding
    }
}

/// The features that are flags, each 0 or 1 (made by [`one_if`], and 0 in a default `Features`), from `numbers` to
/// `speech`: where they stand in [`Features::NAMES`], together. A flag rounds to itself, and its product with a
/// weight is 0 times the weight (a zero of the weight's sign) or the weight, so its contribution rounded is the flag
/// times the weight rounded, once a document ([`round_each`]). The seventh flag, `paragraph`, is rounded with the
/// features that are no flags.
const FLAGS: std::ops::Range<usize> = position("numbers")..position("speech") + 1;

/// Where the feature called `name` stands in [`Features::NAMES`], when compiling.
const fn position(name: &str) -> usize {
    let mut i = 0;
    while !crate::tokens::same_text(Features::NAMES[i], name) {
        i += 1;
    }
    i
}

/// Rounds every value and its product with its weight as [`crate::result::round`] does, for [`Features::rounded`].
/// Each is rounded without a test of what it is: most features are zero or one, whose rounding changes nothing, but
/// which of them are changes from sentence to sentence, and the tests that skipped their rounding were
/// mispredicted more than a rounding costs. A zero rounds to itself (its sign kept), and so does its product, a
/// zero; a one's product is the weight, rounded.
///
/// Two features a step: the loop's own test and stack check (V8 checks the stack at every step of a loop) were
/// about a fifth of its instructions (by the per-function count in V8, 1.97M -> 1.90M a corpus round). The
/// features before the [`FLAGS`] are rounded two by two, the last of them with the one after the flags; the flags,
/// always 0 or 1, are not rounded: their values stay, and their contributions are the flags times their weights
/// rounded ([`RoundingWeights`]) — the same numbers, a multiplication each where they took half a rounding of four
/// (`round_each` 1.20M -> 0.96M a corpus round).
fn round_each(values: &mut [f64; Features::NAMES.len()], contributions: &mut [f64; Features::NAMES.len()], weights: &RoundingWeights) {
    const { assert!(FLAGS.start % 2 == 1 && FLAGS.end + 1 == Features::NAMES.len(), "one feature before the flags, paired with the one after them") };
    let weights = &weights.weights;
    let mut i = 0;
    while i < FLAGS.start {
        let j = if i + 1 == FLAGS.start { FLAGS.end } else { i + 1 };
        let (first, second) = (values[i], values[j]);
        [values[i], values[j], contributions[i], contributions[j]] =
            crate::result::round_four([first, second, first * weights[i], second * weights[j]]);
        i += 2;
    }
    // In line, not a loop: a loop over the six took 60 instructions more a sentence (its exit and V8's stack check).
    const { assert!(FLAGS.end - FLAGS.start == 6, "six flags") };
    const AT: [usize; 6] = { let s = FLAGS.start; [s, s + 1, s + 2, s + 3, s + 4, s + 5] };
    let [a, b, c, d, e, f] = AT;
    [contributions[a], contributions[b], contributions[c]] = [values[a] * weights[a], values[b] * weights[b], values[c] * weights[c]];
    [contributions[d], contributions[e], contributions[f]] = [values[d] * weights[d], values[e] * weights[e], values[f] * weights[f]];
}

impl Weights {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        for (name, weight) in Features::NAMES.iter().zip(self.values()) {
            if !weight.is_finite() || weight.abs() > 1000.0 {
                let number = crate::options::describe_number(weight);
                return Err(Error::invalid(&["weights.", name].concat(), ["must be a finite number from -1000 to 1000, got ", &number].concat()));
            }
        }
        Ok(())
    }
}

// The defaults: `eval/fit_weights.py` on the feature dumps of cnndm/validation.jsonl (1,917 articles, 3
// sentences) and bbc/dev.jsonl (1,407, k = reference sentences): coordinate ascent from a logistic fit to oracle
// sentences, maximising per outlet (CNN, Daily Mail) the gain over Lead-3 on each of and R-Lsum — a
// shortfall below +0.5 counting double — plus 0.1 × BBC's mean ROUGE and 0.2 × the purity of pasted/dev.jsonl's
// summaries (127 whole pages, 3 sentences), less 2 × its shortfall below 95%. `title` is a prior, not a fit: those
// corpora have no headlines. `lead` (similarity to the first sentence) and `question` (questions and
// exclamations) were tried and are kept at weight 0 — their fitted weights stayed near zero and changed sign
// between folds — so the page still shows them and any caller may weigh them in.
features! {
    /// Early sentences score higher: 1 for the first, 1 / (1 + index / 2) after it; fading in long summaries.
    position = 0.48;
    /// Position in summary lengths: exp(−index / expected summary sentences); fading in long summaries.
    budget = 1.41;
    /// First sentence of its paragraph.
    paragraph = -0.71;
    /// Share of the sentence inside direct quotes.
    quotes = -0.65;
    /// Salience of the people it names.
    entities = -0.17;
    /// Shared vocabulary with the whole document.
    centrality = 1.03;
    /// Centrality in a long summary (one keeping 40% of the sentences or more), fading in below.
    coverage = 5.75;
    /// Shared vocabulary with the first sentence (0 for the first sentence).
    lead = 0.0;
    /// Overlap with the headline.
    title = 0.5;
    /// Long enough to be informative (20 words or more give 1).
    length = 0.35;
    /// Longer than a summary sentence should be (from 25 words; 50 or more give 1).
    long = -0.08;
    /// Holds figures or dates.
    numbers = 0.17;
    /// Looks like a heading or list item (no terminal punctuation).
    heading = -0.5;
    /// Reads like a photo caption: a label and a colon, or a caption run into the next sentence.
    caption = -0.15;
    /// Opens with a dangling reference ("He added…", "But that…").
    reference = -0.36;
    /// A question or an exclamation.
    question = 0.0;
    /// First-person words: speech, quoted or not.
    speech = -0.34;
    /// Stands on a line the article finder's line model reads as site chrome (1 − its article probability).
    chrome = -2.35;
}

/// Feature values and totals of every sentence, and what selection needs to know of each. A sentence's
/// contributions are not kept beside its features (on a 10 MB text that would be 12 MB more at the peak): they
/// are `features.dot(&weights)` again, the same products the totals summed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scores {
    pub features: Vec<Features>,
    /// The weights the features were scored with.
    pub weights: Weights,
    pub totals: Vec<f64>,
    /// Content words (numbered, no repeats), for redundancy checks.
    pub keys: KeySets,
    /// What selection reads of each sentence beside its keys and total.
    pub sentences: Vec<SentenceReading>,
}

impl Scores {
    /// The features and totals, for the result; the rest (keys, counts) is freed here, before the result is
    /// built.
    pub(crate) fn into_results(self) -> (Vec<Features>, Vec<f64>, Weights) {
        (self.features, self.totals, self.weights)
    }
}

/// One set of word numbers per sentence, all in one list: no allocation (and no list header) per sentence.
/// A content word's number stands for its hash ([`content_key`]), one for one, in half the bytes. A set is in no
/// particular order (as the sentence's words first come): what reads them counts, and sorting every sentence's set
/// was a sixth of the scoring in the Wasm.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeySets {
    keys: Vec<u32>,
    /// Where each sentence's keys end in `keys`.
    ends: Vec<usize>,
    /// How many distinct keys there are: every key is below it.
    vocabulary: usize,
}

impl KeySets {
    fn with_capacity(sentences: usize, keys: usize) -> Self {
        KeySets { keys: Vec::with_capacity(keys), ends: Vec::with_capacity(sentences), vocabulary: 0 }
    }

    /// How many distinct keys there are: every key is below it.
    pub(crate) fn vocabulary(&self) -> usize {
        self.vocabulary
    }

    /// Adds the next sentence's keys (for tests: [`number_words`] writes them in place).
    #[cfg(test)]
    pub(crate) fn push(&mut self, keys: &[u32]) {
        self.keys.extend_from_slice(keys);
        self.ends.push(self.keys.len());
        self.vocabulary = self.vocabulary.max(keys.iter().max().map_or(0, |&key| key as usize + 1));
    }

    /// The keys of sentence `i` (none past the last sentence).
    pub(crate) fn get(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(self.keys.len()) };
        let end = self.ends.get(i).copied().unwrap_or(self.keys.len());
        self.keys.get(start..end).unwrap_or(&[])
    }
}

/// A sentence at least this much inside quotes counts as quoted for the `quotes` option.
pub(crate) const QUOTED_SHARE: f64 = 0.25;

/// What the scorer reads from a sentence's words, beside its keys: the words are freed before the features are
/// made (on a 10 MB text, 21 MB of words and 12 MB of features in Wasm).
#[derive(Clone, Copy, Debug, Default)]
struct WordMarks {
    first_person: bool,
    numbers: bool,
    caption: bool,
}

/// What is read of one sentence beside its keys, for its features and for selection: one list of them, where four
/// lists (its words, its opening, its marks and whether it is quoted) were four allocations a document.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SentenceReading {
    /// How many words it has, for word budgets.
    pub words: usize,
    /// Opens with a dangling reference.
    pub dangling: bool,
    /// At least a quarter of the sentence is inside direct quotes (set as its features are made).
    pub quoted: bool,
    /// What its words tell.
    marks: WordMarks,
}

impl SentenceReading {
    /// A sentence of `words` words, as selection reads it (for selection's tests).
    #[cfg(test)]
    pub(crate) fn new(words: usize, dangling: bool, quoted: bool) -> Self {
        SentenceReading { words, dangling, quoted, marks: WordMarks::default() }
    }
}

/// Scores every sentence. `length` is the summary length requested: budget-aware features use it. The words
/// are dropped as soon as they are read. Each step is a function of its own, kept out of line: V8's optimising
/// compiler takes longer than linearly over a large function, and this one runs hot from the first summary. The
/// per-sentence tests ([`opens_with_reference`], [`labelled_caption`]) stay out of line too, for V8's sake
/// (`summarize_with` in lib.rs).
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub(crate) fn score_sentences(
    text: &str,
    sentences: &[SentenceSpan],
    words: SentenceWords,
    people: &People,
    quotes: &[QuoteFound],
    article: &Article,
    weights: &Weights,
    length: Length,
) -> Scores {
    let mut buffer = String::new();
    let mut reading = read_sentences(text, sentences, &words, &mut buffer);
    drop(words);
    reading.keys.keys.shrink_to_fit();
    let title = number_title(text, article, std::mem::take(&mut reading.numbers), &mut buffer);
    let mut facts = centralities(&reading.keys, &reading.frequency, sentences.len());
    add_entity_sums(people, &mut facts);
    add_quoted_bytes(sentences, quotes, &mut facts);
    let document = Document { text, article, title, facts };
    score_each(sentences, reading, &document, weights, length)
}

/// `n` zeros (or default values). Natively allocated and then written: `vec![0; n]` asks the allocator for zeroed
/// memory, and glibc's `calloc` bypasses its per-thread cache, about 1,000 instructions a call where `malloc` takes
/// about 100 (by callgrind). In the Wasm as `vec!` makes them, from memory the allocator zeroes: written by
/// `Vec::resize`, they took 68K instructions more a corpus round in V8.
pub(crate) fn zeroed<T: Default + Clone>(n: usize) -> Vec<T> {
    if cfg!(target_arch = "wasm32") {
        return vec![T::default(); n];
    }
    let mut list = Vec::with_capacity(n);
    list.resize(n, T::default());
    list
}

/// Word numbers: each distinct content word's key, numbered in order of first appearance.
///
/// Open addressing with linear probing, at most half full, over the keys (which are hashes already). A
/// `HashMap`'s entry was a call a word in the Wasm (hashbrown's probing is not inlined at opt-level "z");
/// this probe is a short loop where the words are numbered.
#[derive(Default)]
struct Numbers {
    /// The slots, each empty or holding a key and its number. A key is kept beside its number, not in a list by
    /// number: on a long text, whose vocabulary outgrows the caches, a look-up reads one place in memory, not two.
    slots: Vec<Slot>,
    /// How many keys are numbered.
    len: u32,
    /// How far a key's product is shifted down to give its first slot: 64 less the bits of a slot's index.
    shift: u32,
    /// How many sentences hold each number, counted by [`number_words`] as it writes a sentence's set: room for as
    /// many numbers as the slots take before they grow, half of them.
    frequency: Vec<u32>,
}

/// One slot of [`Numbers`].
#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    /// The key's number + 1; 0 in an empty slot.
    number: u32,
    /// The last sentence that read the key (its stamp, [`Numbers::number`]): a repeat within a sentence is told
    /// here, in what was the slot's padding, instead of by sorting the sentence's numbers.
    sentence: u32,
}

impl Slot {
    /// An empty slot. Its stamp is no sentence's, and not zero: slots of zeros alone were written by `memset`, a
    /// byte at a time natively (`rep stosb`), where these are written by a loop a slot at a time.
    const EMPTY: Slot = Slot { key: 0, number: 0, sentence: u32::MAX };
}

impl Numbers {
    /// A map sized for `keys` keys without growing.
    fn with_capacity(keys: usize) -> Numbers {
        let slots = (keys.max(8) * 2).next_power_of_two();
        Numbers { slots: vec![Slot::EMPTY; slots], len: 0, shift: 64 - slots.trailing_zeros(), frequency: zeroed(slots / 2) }
    }

    /// How many keys are numbered.
    fn len(&self) -> u32 {
        self.len
    }

    /// The number of `key`, read in the sentence stamped `sentence`: its own if it has one, else the next; `None`
    /// when that sentence has read it already. Inlined in the Wasm, where it was a call for every content word
    /// (natively the compiler inlines it already, and forced, the title's copy cost more than it saved).
    ///
    /// The probe stops at the key's slot or at an empty one on one test: the smaller of the slot's number and its
    /// difference from the key is zero. Whether the key is new is then not branched on (a word is new or found in no
    /// order a predictor learns, and that branch was mispredicted two times in five): the slot is written either
    /// way, with the key, its number and the stamp. Whether the sentence read the key already is the one branch
    /// left, and seldom taken.
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    fn number(&mut self, key: u64, sentence: u32) -> Option<u32> {
        // Room for one more key is made before the probe, where only the key is kept across the call, not after a
        // key is added, with its number and whether it repeats kept across it, and not in the probe's loop for a
        // table without slots (V8 spilled what those calls keep for every word: `number_words` −98K instructions a
        // corpus round). A default table (no slots, none numbered) grows here too.
        if self.len as usize * 2 >= self.slots.len() {
            self.grow();
        }
        let mut at = self.first_slot(key);
        loop {
            // Always a slot: `at` is below their count, and one of them is empty.
            let slot = self.slots.get_mut(at)?;
            if (slot.key ^ key).min(u64::from(slot.number)) == 0 {
                let new = slot.number == 0;
                let number = if new { self.len } else { slot.number.wrapping_sub(1) };
                // An empty slot's stamp is no sentence's: a new key is no repeat, without a test of `new` (which the
                // compiler made a branch again).
                let repeat = slot.sentence == sentence;
                *slot = Slot { key, number: number + 1, sentence };
                self.len += u32::from(new);
                return (!repeat).then_some(number);
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }

    /// Where the probe for `key` starts: the top bits of its product with 2^64 over the golden ratio, which
    /// spreads keys that differ only in their high bits.
    fn first_slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Doubles the slots and places every key again.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let slots = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![Slot::EMPTY; slots]);
        self.shift = 64 - slots.trailing_zeros();
        self.frequency.resize(slots / 2, 0);
        for slot in old.into_iter().filter(|slot| slot.number != 0) {
            let mut at = self.first_slot(slot.key);
            while self.slots[at].number != 0 {
                at = (at + 1) & (slots - 1);
            }
            self.slots[at] = slot;
        }
    }
}

/// What one pass over every sentence's words tells: content words numbered, their document frequencies (by
/// number), each sentence's keys, word count, dangling opening and marks.
struct Reading {
    numbers: Numbers,
    frequency: Vec<u32>,
    keys: KeySets,
    sentences: Vec<SentenceReading>,
}

/// Reads every sentence's words once: numbers their content words, counts in how many sentences each occurs,
/// and keeps what the features need of the words ([`WordMarks`], the opening), so the words can be freed.
#[inline(never)]
fn read_sentences(text: &str, sentences: &[SentenceSpan], words: &SentenceWords, buffer: &mut String) -> Reading {
    let n = sentences.len();
    // Reserved for one distinct content word in two words (cnndm/dev's articles have 0.28 to 0.52 per word, 0.40
    // on average): the map is not rehashed as it grows from nothing. At most 4,096: a long text's vocabulary grows
    // more slowly than its words.
    let word_total = words.total();
    let vocabulary = (word_total / 2).min(4096);
    let mut numbers = Numbers::with_capacity(vocabulary);
    // Each sentence's distinct content words: about half its words, trimmed when all are in. Natively room for one a
    // word, as many as there can be: reserved for half, the list grew in 74 of 75 articles of cnndm/dev (0.56 keys
    // a word), a growth of ~2,000 instructions a document by callgrind (and the same memory at the peak as the list
    // grown). The Wasm reserves half: there, room for 5/8 made a 10 MB text 25% slower (bench/README.md, stop 35).
    let reserved = if cfg!(target_arch = "wasm32") { word_total / 2 } else { word_total };
    let mut keys = KeySets::with_capacity(n, reserved);
    let mut read = Vec::with_capacity(n);
    for (i, s) in sentences.iter().enumerate() {
        let sentence_words: &[Word] = words.get(i).unwrap_or(&[]);
        let mut marks = number_words(text, sentence_words, &mut numbers, i as u32, &mut keys, buffer);
        let dangling = opens_with_reference(text, s, sentence_words);
        // A caption: one run into the next sentence, told as the words were numbered, or a label.
        marks.caption = marks.caption || labelled_caption(text, sentence_words, buffer);
        read.push(SentenceReading { words: sentence_words.len(), dangling, quoted: false, marks });
    }
    keys.vocabulary = numbers.len() as usize;
    let frequency = std::mem::take(&mut numbers.frequency);
    Reading { numbers, frequency, keys, sentences: read }
}

/// Numbers the content words of one sentence, stamped `sentence`, as its set in `keys` (no repeats: each number
/// the first time the sentence reads it); whether a word is first-person, whether one is numeric, and whether a
/// caption runs into the sentence before one of its words ([`caption_opener_shape`]), read in the same pass over
/// the words.
#[inline(never)]
fn number_words(text: &str, words: &[Word], numbers: &mut Numbers, sentence: u32, keys: &mut KeySets, buffer: &mut String) -> WordMarks {
    let (mut first_person, mut numeric, mut caption) = (false, false, false);
    // Walked as a slice that shrinks from the front, not counted: a word's place is needed only for the rare word
    // of an opener's shape, and is the words less those left.
    let mut rest = words;
    while let [w, after @ ..] = rest {
        numeric |= w.numeric;
        // The caption's shape test in this loop, not in a loop of its own over the same words: a second walk cost
        // 1.2M instructions a corpus round in V8, its test alone a sixth of that.
        if w.capitalized & caption_opener_shape(text.as_bytes(), w.span) {
            caption |= caption_runs_in(text, words, words.len() - rest.len());
        }
        rest = after;
        let (first_person_word, key) = read_word(text, w.span, buffer);
        first_person |= first_person_word;
        if let Some(number) = key.and_then(|key| numbers.number(key, sentence)) {
            // Written straight into the list of every sentence's keys, not into a list of the sentence's own and
            // copied; and counted here, where a loop over every key when all were read counted them again.
            keys.keys.push(number);
            if let Some(count) = numbers.frequency.get_mut(number as usize) {
                *count += 1;
            }
        }
    }
    keys.ends.push(keys.keys.len());
    WordMarks { first_person, numbers: numeric, caption }
}

/// The stamp the title's words are read with ([`Numbers::number`]): below [`Slot::EMPTY`]'s, above any sentence's
/// (a text of four billion sentences is 8 GB).
const TITLE: u32 = u32::MAX - 1;

/// The title's content words, for the `title` feature: how many distinct ones there are, and which of the
/// sentences' words they are.
#[derive(Default)]
struct TitleWords {
    count: usize,
    /// Whether each word number (below the sentences' vocabulary) is a title word.
    holds: Vec<bool>,
}

impl TitleWords {
    /// The share of the title's words among the keys of sentence `i`, read only when there is a title word.
    fn share(&self, keys: &KeySets, i: usize) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        let shared = keys.get(i).iter().filter(|&&key| self.holds.get(key as usize) == Some(&true)).count();
        shared as f64 / self.count as f64
    }
}

/// The title's content words, numbered as the sentences' words are. A title word no sentence holds gets a number
/// of its own: it counts among the title's words, and matches none.
#[inline(never)]
fn number_title(text: &str, article: &Article, mut numbers: Numbers, buffer: &mut String) -> TitleWords {
    let Some(title) = article.title else { return TitleWords::default() };
    let vocabulary = numbers.len() as usize;
    let mut words = TitleWords { count: 0, holds: zeroed(vocabulary) };
    // Stamped with none of the sentences' stamps: the title's own repeats are told apart, as a sentence's are.
    for w in crate::tokens::tokenize(text, title).iter() {
        let key = content_key(lower(crate::tokens::strip_possessive(w.span.slice(text)), buffer));
        if let Some(number) = key.and_then(|key| numbers.number(key, TITLE)) {
            words.count += 1;
            if let Some(holds) = words.holds.get_mut(number as usize) {
                *holds = true;
            }
        }
    }
    words
}

/// What the document-level passes find of each sentence, which [`push_sentence_features`] reads: one list of them,
/// made by [`centralities`] and added to, where four lists were four allocations a document.
#[derive(Clone, Copy, Default)]
struct SentenceFacts {
    /// Its centrality ([`centralities`]).
    centrality: f64,
    /// Its [`lead_cosine`] ([`centralities`]).
    lead: f64,
    /// The salience of the people it names ([`add_entity_sums`]).
    entities: f64,
    /// How many of its bytes lie inside direct quotes ([`add_quoted_bytes`]).
    quoted_bytes: usize,
}

/// Adds the salience of the people each sentence names to its `facts`: each mention adds its person's mentions over
/// the most mentioned person's.
#[inline(never)]
fn add_entity_sums(people: &People, facts: &mut [SentenceFacts]) {
    let max_person = people.persons.iter().map(|p| p.mentions.len()).max().unwrap_or(0).max(1) as f64;
    for m in &people.mentions {
        let mentions = people.persons.get(m.person).map_or(0, |p| p.mentions.len());
        if let Some(fact) = facts.get_mut(m.sentence) {
            fact.entities += mentions as f64 / max_person;
        }
    }
}

/// Adds to each sentence's `facts` how many of its bytes lie inside direct quotes.
#[inline(never)]
fn add_quoted_bytes(sentences: &[SentenceSpan], quotes: &[QuoteFound], facts: &mut [SentenceFacts]) {
    for q in quotes {
        for (s, fact) in sentences.iter().zip(facts.iter_mut()).skip(q.sentence) {
            if s.span.start >= q.outer.end {
                break;
            }
            fact.quoted_bytes += s.span.end.min(q.outer.end).saturating_sub(s.span.start.max(q.outer.start));
        }
    }
}

/// The facts of each of `n` sentences, with its centrality: how often its content words recur in the other
/// sentences, over the square root of how many it has, scaled so the most central sentence gets 1 — but never scaled
/// up: in a short text where a single word recurs once, the sentence holding it is not "central" the way a news
/// story's core is. Beside it, each sentence's [`lead_cosine`] (0 for the first sentence), its shared keys counted in
/// the same loop over the sentence's keys: a loop of their own, when the features were made, walked them again, and
/// its exit was mispredicted about once a sentence (by the per-function count in V8, a corpus round:
/// `push_sentence_features` 1.68M → 1.22M, the two `Map::fold` calls the sums were, 0.57M → 0, this loop 0.13M →
/// 0.89M). The other facts are 0, to be added to.
#[inline(never)]
fn centralities(keys: &KeySets, frequency: &[u32], n: usize) -> Vec<SentenceFacts> {
    let lead_keys = keys.get(0).len();
    let mut facts = Vec::with_capacity(n);
    // Each set from where the one before ends, as `KeySets::get` reads it, without its call a sentence (which, with
    // the title's, was 0.24M of `KeySets::get`'s 0.29M a corpus round).
    let mut start = 0;
    for i in 0..n {
        let end = keys.ends.get(i).copied().unwrap_or(keys.keys.len());
        let k = keys.keys.get(start..end).unwrap_or(&[]);
        start = end;
        // The other sentences holding each word: a whole number below n (a word counts once a sentence), so the sum
        // is made in integers, exactly the sum in floats, without a conversion per word. Each word's count holds this
        // sentence too: taken out once for all its words, not word by word.
        let (mut held, mut lead) = (0i64, 0);
        for &key in k {
            held += i64::from(frequency.get(key as usize).copied().unwrap_or(1));
            lead += usize::from((key as usize) < lead_keys);
        }
        let shared = held - k.len() as i64;
        facts.push(SentenceFacts {
            centrality: if k.is_empty() { 0.0 } else { shared as f64 / (k.len() as f64).sqrt() },
            lead: if i == 0 { 0.0 } else { lead_cosine(lead, k.len(), lead_keys) },
            ..SentenceFacts::default()
        });
    }
    let max_centrality = facts.iter().map(|fact| fact.centrality).fold(CENTRALITY_FLOOR, larger);
    facts.iter_mut().for_each(|fact| fact.centrality /= max_centrality);
    facts
}

/// What the document-level passes found, which [`score_each`] reads per sentence.
struct Document<'a> {
    text: &'a str,
    article: &'a Article,
    title: TitleWords,
    /// What they found of each sentence.
    facts: Vec<SentenceFacts>,
}

/// Makes every sentence's features and total, and hands the keys and counts on to selection.
#[inline(never)]
fn score_each(sentences: &[SentenceSpan], reading: Reading, document: &Document, weights: &Weights, length: Length) -> Scores {
    let n = sentences.len();
    let total_words: usize = reading.sentences.iter().map(|read| read.words).sum();
    let expected = expected_sentences(length, total_words, n) as f64;
    let long_summary = if n <= BRIEF_TEXT { 0.0 } else { long_summary(expected / n.max(1) as f64) };
    let budget = Budget { expected, long_summary };
    let mut scores = Scores {
        features: Vec::with_capacity(n),
        weights: weights.clone(),
        totals: Vec::with_capacity(n),
        keys: reading.keys,
        sentences: reading.sentences,
    };
    for (i, s) in sentences.iter().enumerate() {
        push_sentence_features(i, s, document, budget, &mut scores);
    }
    scores
}

/// How many sentences the summary is expected to keep, and how far that makes it a long summary (0 to 1).
#[derive(Clone, Copy)]
struct Budget {
    expected: f64,
    long_summary: f64,
}

/// Appends the features of sentence `i`, `s`, and its total to `scores`, and marks whether it is quoted there. The
/// features are pushed where they are made: returned from a function out of line, they went through a copy on the
/// stack, a `memory.copy` call of 144 bytes a sentence in the Wasm.
#[inline(never)]
fn push_sentence_features(i: usize, s: &SentenceSpan, document: &Document, budget: Budget, scores: &mut Scores) {
    let Budget { expected, long_summary } = budget;
    // Sliced as bytes, not as a `str` (a call in the Wasm that checks character boundaries): only its last bytes
    // are read.
    let ending = before_closers(document.text.as_bytes().get(s.span.start..s.span.end).unwrap_or(&[]));
    // Read once for both the `question` and the `heading` features (a call in the Wasm).
    let asks = asks_or_exclaims(ending);
    let read = scores.sentences[i];
    let (word_count, marks) = (read.words, read.marks);
    let facts = document.facts[i];
    let centrality = facts.centrality;
    let features = Features {
        position: (1.0 - long_summary) / (1.0 + i as f64 * 0.5),
        budget: (1.0 - long_summary) * (-(i as f64) / expected.max(1.0)).exp(),
        paragraph: one_if(s.in_paragraph == 0),
        quotes: ratio_up_to_one(facts.quoted_bytes, s.span.len().max(1)),
        entities: at_most_one(facts.entities),
        centrality,
        coverage: centrality * long_summary,
        lead: facts.lead,
        title: document.title.share(&scores.keys, i),
        length: ratio_up_to_one(word_count, 20),
        long: ratio_up_to_one(word_count.saturating_sub(25), 25),
        numbers: one_if(marks.numbers),
        heading: one_if(!ends_sentence(ending, asks)),
        caption: one_if(marks.caption),
        reference: one_if(read.dangling),
        question: one_if(asks),
        speech: one_if(marks.first_person),
        chrome: document.article.chrome_at(s.span.start),
    };
    scores.totals.push(features.dot(&scores.weights).sum());
    scores.sentences[i].quoted = features.quotes >= QUOTED_SHARE;
    scores.features.push(features);
}

/// Raw centralities are divided by the largest of them, or by this when every one is smaller.
const CENTRALITY_FLOOR: f64 = 1.0;
/// A text of this many sentences or fewer is a brief (a notice, a news in brief): any summary keeps a large share
/// of it, yet its first sentences still carry the news, so its summary stays a short one (lead-scored).
const BRIEF_TEXT: usize = 5;
/// The summary keeps this share of the sentences or less: a short summary, whose sentences come from the lead.
const SHORT_SHARE: f64 = 0.2;
/// The summary keeps this share or more: a long summary, which covers the story's core wherever it stands.
const LONG_SHARE: f64 = 0.4;

/// How far a summary keeping `share` of the sentences is from short (0) to long (1), linearly in between.
/// News summaries of 3 sentences keep about a tenth of a story (CNN/DailyMail: 90% keep under 23%); BBC's
/// extracts keep 40% or more. Position rules the first kind (Lead-3 is hard to beat), centrality the second
/// (Lead-k is 13 points of ROUGE-1 below the best there): one scorer, which notices the budget.
fn long_summary(share: f64) -> f64 {
    ((share - SHORT_SHARE) / (LONG_SHARE - SHORT_SHARE)).clamp(0.0, 1.0)
}

/// A word's key: its bytes eight at a time (little-endian, the last eight padded with zeros), each eight mixed
/// into the word's length by [`mix_chunk`]. Stable on every platform, unlike `HashMap`'s default; a word of up to
/// eight bytes has a key of its own (the multiply and the shift lose nothing of them), and a longer word takes
/// one multiply per eight bytes where a byte-at-a-time hash took one per byte.
const fn hash(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut key = bytes.len() as u64;
    let mut i = 0;
    while i < bytes.len() {
        let mut chunk = 0;
        let mut j = 0;
        while j < 8 && i + j < bytes.len() {
            chunk |= (bytes[i + j] as u64) << (8 * j);
            j += 1;
        }
        key = mix_chunk(key, chunk);
        i += 8;
    }
    key
}

/// Mixes eight bytes of a word into its key: an odd multiplier (one for one on 64 bits) and a shift that brings
/// the high bits, which every byte reaches, down to the low ones the hash table indexes by.
const fn mix_chunk(key: u64, chunk: u64) -> u64 {
    let mixed = (key ^ chunk).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    mixed ^ mixed >> 29
}

/// Up to eight bytes as [`hash`] reads them: little-endian, padded with zeros.
fn chunk_value(chunk: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(chunk) {
        Ok(eight) => u64::from_le_bytes(eight),
        Err(_) => chunk.iter().rev().fold(0, |value, &byte| value << 8 | u64::from(byte)),
    }
}

/// Words too common to say what a sentence is about.
const STOPWORDS: [&str; 45] = [
    "the", "and", "for", "that", "with", "was", "were", "this", "from", "have", "has", "had", "are", "but", "not", "his", "her", "they", "their",
    "been", "will", "would", "said", "says", "which", "who", "after", "about", "more", "also", "into", "than", "when", "what", "there", "over",
    "its", "it's", "she", "him", "one", "out", "all", "can", "could",
];

/// The keys of [`STOPWORDS`] and then of [`FIRST_PERSON`], computed when compiling: a word's key is compared with
/// them, not its text.
const SHORT_WORD_KEYS: [u64; STOPWORDS.len() + FIRST_PERSON.len()] = {
    let mut keys = [0; STOPWORDS.len() + FIRST_PERSON.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = if i < STOPWORDS.len() { hash(STOPWORDS[i]) } else { hash(FIRST_PERSON[i - STOPWORDS.len()]) };
        i += 1;
    }
    keys
};

/// The length of the longest ASCII word of [`STOPWORDS`] and [`FIRST_PERSON`]: an ASCII word longer than this is
/// none of them, and [`read_any_word`] does not look it up (the key of a word of more than eight bytes may be any
/// number).
const LONGEST_SHORT_WORD: usize = {
    let mut longest = crate::lexicon::longest(&STOPWORDS);
    let mut i = 0;
    while i < FIRST_PERSON.len() {
        if FIRST_PERSON[i].is_ascii() && FIRST_PERSON[i].len() > longest {
            longest = FIRST_PERSON[i].len();
        }
        i += 1;
    }
    longest
};

/// The key of a content word (already lower-cased, without a possessive "’s"); `None` for short and function
/// words.
fn content_key(lower: &str) -> Option<u64> {
    // At most two characters: up to 2 bytes always, from 3 to 8 bytes when they are not ASCII. Characters are
    // counted as the bytes that open one (all but continuation bytes), in place: `chars().count()` is a call in the
    // Wasm.
    let short = lower.len() <= 2 || (lower.len() <= 8 && lower.bytes().filter(|&b| b & 0xC0 != 0x80).count() <= 2);
    if short {
        return None;
    }
    let key = hash(lower);
    (short_word(key) != ShortWord::Stopword).then_some(key)
}

/// What [`short_word`] tells of a word by its key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ShortWord {
    /// One of [`STOPWORDS`].
    Stopword,
    /// One of [`FIRST_PERSON`].
    FirstPerson,
    /// Neither.
    Other,
}

/// Where [`short_word`] looks for a key: slot `(key × multiplier) >> 56` of 256 holds the index in
/// [`SHORT_WORD_KEYS`] of the one word placed there. The multiplier is searched for when compiling, until no two
/// words share a slot: one look-up a word tells both whether it is a stopword and whether it is first-person, where
/// a scan of the lists compares it with all of them (the Wasm build scans; natively the compiler makes the scan a
/// search tree).
const SHORT_WORD_SLOTS: ([u8; 256], u64) = {
    let multiplier = parting_multiplier(&SHORT_WORD_KEYS, 56);
    let mut slots = [0u8; 256];
    let mut i = 0;
    while i < SHORT_WORD_KEYS.len() {
        slots[(SHORT_WORD_KEYS[i].wrapping_mul(multiplier) >> 56) as usize] = i as u8;
        i += 1;
    }
    (slots, multiplier)
};

/// The first odd multiplier, counting up from the golden ratio's, for which `(key × multiplier) >> shift` gives each
/// of `keys` a slot of its own (`shift` 56 or more: 256 slots at most); searched for when compiling.
const fn parting_multiplier(keys: &[u64], shift: u32) -> u64 {
    let mut multiplier: u64 = 0x9E37_79B9_7F4A_7C15;
    'search: loop {
        let mut taken = [false; 256];
        let mut i = 0;
        while i < keys.len() {
            let slot = (keys[i].wrapping_mul(multiplier) >> shift) as usize;
            if taken[slot] {
                multiplier = multiplier.wrapping_add(2);
                continue 'search;
            }
            taken[slot] = true;
            i += 1;
        }
        return multiplier;
    }
}

/// Whether `key` is the key of one of [`STOPWORDS`], of one of [`FIRST_PERSON`], or of neither. A word's slot
/// points to it; any other slot points to a word whose key is placed elsewhere, so it matches no key that lands
/// there.
fn short_word(key: u64) -> ShortWord {
    let (slots, multiplier) = &SHORT_WORD_SLOTS;
    let index = usize::from(slots[(key.wrapping_mul(*multiplier) >> 56) as usize]);
    match SHORT_WORD_KEYS.get(index) {
        Some(&known) if known == key && index < STOPWORDS.len() => ShortWord::Stopword,
        Some(&known) if known == key => ShortWord::FirstPerson,
        _ => ShortWord::Other,
    }
}

/// What the scorer reads from the word at `span` of `text`, without its possessive "’s": whether it is a
/// first-person word, and its content key ([`content_key`]), both of the word lower-cased. An ASCII word of up to
/// sixteen bytes (nearly every word of a text) is read with one or two loads ([`ascii_word`]); any other word out
/// of line ([`read_any_word`]), so that the loop over a sentence's words keeps what it needs in registers. The same
/// answers.
#[inline(always)]
fn read_word(text: &str, span: Span, buffer: &mut String) -> (bool, Option<u64>) {
    match ascii_word(text.as_bytes(), span) {
        Some(AsciiWord::Short(chunk, len)) => read_short_ascii_word(chunk, len),
        Some(AsciiWord::Long(first, second, len)) => (false, Some(long_ascii_key(first, second, len))),
        None => read_any_word(text, span, buffer),
    }
}

/// An ASCII word as [`ascii_word`] reads it, of up to eight bytes or of nine to sixteen: which of the two is told
/// once. Read as one triple of both chunks and the length, a word's length was tested again for its key after the
/// test that read it, and natively that second test was mispredicted as often as the first (4.2K times a corpus
/// round).
enum AsciiWord {
    /// A word of up to eight bytes: its bytes as [`hash`] reads them (little-endian, padded with zeros), and how many.
    Short(u64, usize),
    /// A word of nine to sixteen bytes: its first and second eight bytes (the second padded with zeros), and how many.
    Long(u64, u64, usize),
}

/// The eight bytes of `text` from `at`, little-endian, when the text goes on that far. The range's end wraps
/// rather than being checked for overflow: a range that wrapped ends before it starts, and `get` refuses it (one
/// test a word, not two).
#[inline(always)]
fn eight_bytes(text: &[u8], at: usize) -> Option<u64> {
    let eight = text.get(at..at.wrapping_add(8))?;
    Some(u64::from_le_bytes(<[u8; 8]>::try_from(eight).ok()?))
}

/// The word at `span` of `text` when it is one to sixteen ASCII bytes, without a possessive "'s": its eight bytes or
/// two times eight as [`hash`] reads them, and how many bytes it has ([`AsciiWord`]). Each eight is read as the
/// eight bytes of the text where it starts, with the bytes past the word masked off: one load, not one a byte.
/// `None` for any other word, and for a word whose chunks' eight bytes run past the end of the text.
#[inline(always)]
fn ascii_word(text: &[u8], span: Span) -> Option<AsciiWord> {
    let len = span.end.wrapping_sub(span.start);
    let first = eight_bytes(text, span.start)?;
    if len.wrapping_sub(1) < 8 {
        let chunk = first & u64::MAX >> (64 - 8 * len);
        if chunk & HIGH_BITS != 0 {
            return None;
        }
        // "'s" as the last two bytes (the bytes past the word are zeros): cut, as `possessive_ending_in_line` cuts it.
        // A word of one byte is not tested apart: its shift wraps to the eighth byte, a zero past the word.
        if chunk.wrapping_shr((len as u32).wrapping_sub(2).wrapping_mul(8)) as u16 == u16::from_le_bytes(*b"'s") {
            return Some(without_possessive(chunk, len));
        }
        return Some(AsciiWord::Short(chunk, len));
    }
    if len.wrapping_sub(9) < 8 {
        let second = eight_bytes(text, span.start + 8)? & u64::MAX >> (128 - 8 * len);
        if (first | second) & HIGH_BITS != 0 {
            return None;
        }
        if text.get(span.end - 2..span.end) == Some(b"'s".as_slice()) {
            // Seven bytes or more are left: the eight-byte path's answers for a word of seven or eight bytes.
            let len = len - 2;
            return Some(match len {
                7 | 8 => AsciiWord::Short(first & u64::MAX >> (64 - 8 * len), len),
                _ => AsciiWord::Long(first, second & u64::MAX >> (128 - 8 * len), len),
            });
        }
        return Some(AsciiWord::Long(first, second, len));
    }
    None
}

/// A word of `len` bytes, up to eight, read as `chunk` ([`ascii_word`]), without the "'s" it ends in. Natively out
/// of line and cold: few words end so, and in line the cut was made for every word and then dropped (a conditional
/// move instead of a branch). In the Wasm, where the cut stays a branch, in line: out of line it cost 0.2% more
/// instructions in V8.
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn without_possessive(chunk: u64, len: usize) -> AsciiWord {
    let len = len.saturating_sub(2);
    AsciiWord::Short(chunk & !(0xFFFF_u64.checked_shl(8 * len as u32).unwrap_or(0)), len)
}

/// [`read_word`] of a word of `len` ASCII bytes, up to eight, read as `chunk` ([`AsciiWord::Short`]): lower-cased
/// eight bytes at once and hashed with one mix. A word of up to eight bytes has a key of its own: its key is one of
/// the short words' only if it is that word. The words are the tokenizer's, whose ASCII bytes are letters, digits
/// and joiners alone: they are lower-cased by [`crate::tokens::lower_word_chunk`], which counts on that.
///
/// A word of up to two bytes (a fifth of a text's words: "a", "of", "I") is no content word, and is only looked for
/// among the first-person words that short, as a number ([`SHORT_FIRST_PERSON_SLOTS`]): it is not hashed. Every
/// other word is looked up ([`short_word`]), those longer than any short word too: a test of the length that spared
/// them the look-up went one way or the other in no order a predictor learns (12K mispredicts a corpus round
/// natively; Wasm cost 131.18M → 130.61M without it).
#[inline(always)]
fn read_short_ascii_word(chunk: u64, len: usize) -> (bool, Option<u64>) {
    let lowered = crate::tokens::lower_word_chunk(chunk);
    if len <= 2 {
        // Looked up in a table of eight slots, one compare without a branch (which short word comes follows no order
        // a predictor learns), where four compares joined took 16 instructions in V8's code.
        let (slots, multiplier) = SHORT_FIRST_PERSON_SLOTS;
        return (u64::from(slots[(lowered.wrapping_mul(multiplier) >> 61) as usize]) == lowered, None);
    }
    let key = mix_chunk(len as u64, lowered);
    match short_word(key) {
        ShortWord::Stopword => (false, None),
        ShortWord::FirstPerson => (true, Some(key)),
        ShortWord::Other => (false, Some(key)),
    }
}

/// The content key of a word of `len` ASCII bytes, nine to sixteen, read as `first` and `second`
/// ([`AsciiWord::Long`]): longer than any stopword or first-person word, it is one of neither.
#[inline(always)]
fn long_ascii_key(first: u64, second: u64, len: usize) -> u64 {
    let key = mix_chunk(len as u64, crate::tokens::lower_word_chunk(first));
    mix_chunk(key, crate::tokens::lower_word_chunk(second))
}

/// The words of [`FIRST_PERSON`] of up to two bytes ("i", "me", "my", "we"), each as [`hash`] reads its bytes
/// (little-endian, padded with zeros), for [`read_short_ascii_word`].
const SHORT_FIRST_PERSON: [u64; 4] = {
    let mut chunks = [0; 4];
    let (mut i, mut k) = (0, 0);
    while i < FIRST_PERSON.len() {
        let bytes = FIRST_PERSON[i].as_bytes();
        if bytes.len() <= 2 {
            chunks[k] = if bytes.len() == 2 { bytes[0] as u64 | (bytes[1] as u64) << 8 } else { bytes[0] as u64 };
            k += 1;
        }
        i += 1;
    }
    assert!(k == chunks.len(), "four first-person words of up to two bytes");
    chunks
};

/// Where [`read_short_ascii_word`] looks for a word of up to two bytes: slot `(chunk × multiplier) >> 61` of eight holds
/// the one of [`SHORT_FIRST_PERSON`] placed there (the multiplier is searched for when compiling, until no two share a
/// slot). An empty slot holds the first of them, whose own slot is another, so it matches no chunk that lands there.
const SHORT_FIRST_PERSON_SLOTS: ([u16; 8], u64) = {
    let multiplier = parting_multiplier(&SHORT_FIRST_PERSON, 61);
    let mut slots = [SHORT_FIRST_PERSON[0] as u16; 8];
    let mut i = 0;
    while i < SHORT_FIRST_PERSON.len() {
        slots[(SHORT_FIRST_PERSON[i].wrapping_mul(multiplier) >> 61) as usize] = SHORT_FIRST_PERSON[i] as u16;
        i += 1;
    }
    (slots, multiplier)
};

/// [`read_word`] of any other word: seventeen bytes or more, not ASCII, or too near the text's end for
/// [`ascii_word`]'s loads. An ASCII word is read as bytes, eight at a time, lower-cased in the pass that hashes it
/// and finds it is ASCII; any other word is lowered as characters.
#[cold]
#[inline(never)]
fn read_any_word(text: &str, span: Span, buffer: &mut String) -> (bool, Option<u64>) {
    let bytes = text.as_bytes().get(span.start..span.end).unwrap_or(&[]);
    let bytes = bytes.get(..bytes.len() - crate::tokens::possessive_ending_in_line(bytes)).unwrap_or(bytes);
    let (mut key, mut any) = (bytes.len() as u64, 0);
    for (offset, chunk) in (0..).step_by(8).zip(bytes.chunks(8)) {
        // A word's last bytes are read as eight from the text and the bytes past the word masked off, when the
        // text goes on that far: one load, not one a byte.
        let at = span.start + offset;
        let chunk = match text.as_bytes().get(at..at + 8).and_then(|eight| <[u8; 8]>::try_from(eight).ok()) {
            Some(eight) => u64::from_le_bytes(eight) & u64::MAX >> (64 - 8 * chunk.len()),
            None => chunk_value(chunk),
        };
        any |= chunk;
        key = mix_chunk(key, crate::tokens::lower_ascii_word(chunk));
    }
    if any & HIGH_BITS != 0 {
        let lowered = lower(crate::tokens::strip_possessive(span.slice(text)), buffer);
        return (lowered.len() <= 7 && is_first_person(lowered), content_key(lowered));
    }
    if bytes.len() > LONGEST_SHORT_WORD {
        return (false, Some(key));
    }
    // A word of up to eight bytes has a key of its own: its key is one of the short words' only if it is that word.
    let content = (bytes.len() > 2).then_some(key);
    match short_word(key) {
        ShortWord::Stopword => (false, None),
        ShortWord::FirstPerson => (true, content),
        ShortWord::Other => (false, content),
    }
}

/// `part / whole`, at most 1 (`whole` is not 0): the smaller of the two whole numbers, not of the two floats, is
/// divided by `whole`, the same number exactly (below 2^53 both are exact as floats). The floats' `min` (and
/// `clamp`) was a branch in V8's code, mispredicted for a third of the sentences, the integers' a conditional move
/// (`push_sentence_features` −1.9K mispredicts a corpus round for the `quotes`, `length` and `long` features).
fn ratio_up_to_one(part: usize, whole: usize) -> f64 {
    part.min(whole) as f64 / whole as f64
}

/// The smaller of `x` and 1, for an `x` of +0 or more ([`add_entity_sums`] adds quotients of counts to +0): floats of
/// that sign are in the order of their bits, so the smaller bits are the smaller number, a conditional move in V8's
/// code where `f64::min` was a branch mispredicted for a third of the sentences.
fn at_most_one(x: f64) -> f64 {
    f64::from_bits(x.to_bits().min(1.0f64.to_bits()))
}

/// The larger of `a` and `b`, both +0 or more and no NaN (a centrality: a sum of counts of 0 or more over a square
/// root of 1 or more, or +0), compared by their bits, which for floats of that sign are in their order: the
/// floats' `max` was two tests in V8's code (the larger, and a NaN), one mispredicted about once in eight sentences.
fn larger(a: f64, b: f64) -> f64 {
    f64::from_bits(a.to_bits().max(b.to_bits()))
}

/// 1 when `flag` holds, else 0: converted from the flag, not chosen by a branch on it (a sentence's flags change
/// from sentence to sentence in no order a predictor learns).
fn one_if(flag: bool) -> f64 {
    f64::from(u8::from(flag))
}

/// The cosine of a sentence's keys, `keys` of them, with the first sentence's, `lead_keys` of them, when they share
/// `shared`. Words are numbered in order of first appearance, so the first sentence's keys are the numbers below
/// `lead_keys`, all of them: the keys they share are those below it, counted, not matched ([`centralities`]).
fn lead_cosine(shared: usize, keys: usize, lead_keys: usize) -> f64 {
    if keys == 0 || lead_keys == 0 {
        return 0.0;
    }
    shared as f64 / ((keys * lead_keys) as f64).sqrt()
}

/// The sentence's bytes without what may close it after its last mark: quotation marks, brackets and spaces
/// (" ” ’ ' ) ] » and the space). Read as bytes from the end, a call for none of them: a character's encoding at the
/// end of the text is that character's alone (UTF-8 marks where a character starts).
fn before_closers(sentence: &[u8]) -> &[u8] {
    let mut bytes = sentence;
    loop {
        bytes = match bytes {
            [rest @ .., b'"' | b'\'' | b')' | b']' | b' '] => rest,
            // ” and ’
            [rest @ .., 0xE2, 0x80, 0x9D | 0x99] => rest,
            // »
            [rest @ .., 0xC2, 0xBB] => rest,
            _ => return bytes,
        }
    }
}

/// Whether a sentence, without its closers ([`before_closers`]), ends in a full stop, a question or exclamation
/// mark or an ellipsis, in Latin, CJK, Devanagari or Arabic script (. ! ? … 。 ！ ？ । ؟). `asks` is whether it
/// ends in a question or exclamation mark ([`asks_or_exclaims`]), read once for this and the `question` feature.
fn ends_sentence(bytes: &[u8], asks: bool) -> bool {
    asks || matches!(bytes, [.., b'.'] | [.., 0xE2, 0x80, 0xA6] | [.., 0xE3, 0x80, 0x82] | [.., 0xE0, 0xA5, 0xA4])
}

/// Whether a sentence, without its closers ([`before_closers`]), ends in a question or exclamation mark
/// (! ? ！ ？ ؟).
fn asks_or_exclaims(bytes: &[u8]) -> bool {
    matches!(bytes, [.., b'!' | b'?'] | [.., 0xEF, 0xBC, 0x81 | 0x9F] | [.., 0xD8, 0x9F])
}

/// True when sentence `s` opens by pointing back to something before it: a pronoun or demonstrative ("He
/// added…", "That was…"), a connective that needs its other half ("But…", "However…", "Meanwhile…"), or a
/// description standing in for a name ("The 45-year-old…", "The pair…"). A sentence opening with a quotation
/// mark is speech, whose "I" and "we" point at the speaker, not back: it is judged by its own sentence.
///
/// The words are compared as numbers ([`ShortWords`]): a comparison of strings with each word of the lists was a
/// call in the Wasm.
#[inline(never)]
pub(crate) fn opens_with_reference(text: &str, s: &SentenceSpan, words: &[Word]) -> bool {
    let Some(first) = words.first() else { return false };
    let bytes = text.as_bytes();
    let opening = bytes.get(s.span.start..first.span.start).unwrap_or(&[]);
    // " ' “ ‘ (E2 80 9C, E2 80 98): a character's encoding is found in the text only where that character is.
    let quoted = opening.iter().enumerate().any(|(at, &byte)| {
        matches!(byte, b'"' | b'\'') || (byte == 0xE2 && matches!(opening.get(at + 1..at + 3), Some([0x80, 0x9C | 0x98])))
    });
    if quoted {
        return false;
    }
    // Sliced as bytes, not as a `str` (a call in the Wasm that checks character boundaries): every word compared
    // here is ASCII.
    let word = bytes.get(first.span.start..first.span.end).unwrap_or(&[]);
    let second = words.get(1).and_then(|w| bytes.get(w.span.start..w.span.end)).unwrap_or(&[]);
    if REFERENCES.contains_ignoring_ascii_case(word) || word.eq_ignore_ascii_case(b"meanwhile") {
        // "There is…" introduces; "There, he…" points back. "It is" / "It was" + adjective often introduce too,
        // but as often point back ("It was the third attack…"): they count as references.
        return !(word.eq_ignore_ascii_case(b"there") && INTRODUCING_VERBS.contains_ignoring_ascii_case(second));
    }
    if word.eq_ignore_ascii_case(b"the") {
        // "The 45-year-old", "The pair", "The former…": a description standing for someone named before.
        let age = second.contains(&b'-') && second.first().is_some_and(u8::is_ascii_digit);
        return age || DESCRIPTIONS.contains_ignoring_ascii_case(second);
    }
    false
}

/// Words that open a sentence pointing back ([`opens_with_reference`]); and "meanwhile", too long to be one.
const REFERENCES: ShortWords<24> = ShortWords::new(&[
    "he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "this", "that", "these", "those", "but", "however", "also",
    "still", "yet", "instead", "such", "both", "then", "there",
]);
/// "There" and one of these introduces ("There is…").
const INTRODUCING_VERBS: ShortWords<8> = ShortWords::new(&["is", "are", "was", "were", "will", "have", "has", "had"]);
/// "The" and one of these stands for someone named before ("The pair…").
const DESCRIPTIONS: ShortWords<11> = ShortWords::new(&["two", "pair", "couple", "former", "latter", "man", "woman", "boy", "girl", "trio", "duo"]);

/// Whether the word at `span` of `bytes` has the first letter and the length of one of [`OPENERS`]
/// ([`OPENER_SHAPES`]): with the word's capital flag, it rules out nearly every word as one before which a caption
/// runs in ([`caption_runs_in`]), without a branch each (the flag alone splits the words unpredictably). The
/// length is taken modulo 32: a longer word may pass for a shorter one, and is then ruled out by the list.
#[inline(always)]
fn caption_opener_shape(bytes: &[u8], span: Span) -> bool {
    let first = bytes.get(span.start).copied().unwrap_or(0);
    let lengths = OPENER_SHAPES.get(usize::from(first & 63)).copied().unwrap_or(0);
    lengths.wrapping_shr(span.end.wrapping_sub(span.start) as u32) & 1 == 1
}

/// A caption without a full stop run into the next sentence before word `i` of `words`, a capitalised word of an
/// opener's shape ([`caption_opener_shape`]): a lower-case word followed, one space after it, by a capitalised
/// word that only opens sentences ("…on Friday The club…"). The other caption is a label ([`labelled_caption`]).
///
/// The gap is tested first (one space, an ASCII byte: both its ends are character boundaries), then the opener,
/// which few words are; the last letter's case (a Unicode table) is a function of its own.
#[inline(never)]
fn caption_runs_in(text: &str, words: &[Word], i: usize) -> bool {
    let bytes = text.as_bytes();
    let (Some(before), Some(word)) = (words.get(i.wrapping_sub(1)), words.get(i)) else { return false };
    word.span.start.wrapping_sub(before.span.end) == 1
        && bytes.get(before.span.end) == Some(&b' ')
        && opens_sentences_only(bytes.get(word.span.start..word.span.end).unwrap_or(&[]))
        && ends_lower_or_digit(text, before.span)
}

/// A caption's label: one to four words, then a colon, then a capital or a number ("Pictured: The…"), and no
/// speech verb among the words ("He said: 'We…'" introduces speech, not a picture). A function of its own, out of
/// the loop over the words, for V8's sake ([`score_sentences`]).
#[inline(never)]
fn labelled_caption(text: &str, words: &[Word], buffer: &mut String) -> bool {
    let bytes = text.as_bytes();
    // Most sentences have no colon after any of their first four words: told by four reads joined without a branch
    // each, where the search below stopped at each word on whether to go on, mispredicted about once a sentence.
    let colon_after = |i: usize| match words.get(i) {
        Some(w) => bytes.get(w.span.end) == Some(&b':'),
        None => false,
    };
    if !(colon_after(0) | colon_after(1) | colon_after(2) | colon_after(3)) {
        return false;
    }
    // ": " read as two bytes: a slice comparison is a call in the Wasm, for each of the first words of every sentence.
    let Some(label_end) = words.iter().take(4).position(|w| bytes.get(w.span.end) == Some(&b':') && bytes.get(w.span.end + 1) == Some(&b' ')) else {
        return false;
    };
    let after = words.get(label_end + 1);
    let speech_verbs = &crate::lexicon::lexicons().speech_verbs;
    let speech = words[..=label_end].iter().any(|w| speech_verbs.contains(lower(w.span.slice(text), buffer)));
    words[0].capitalized && !speech && after.is_some_and(|w| w.capitalized || w.numeric)
}

/// Whether the word at `span` of `text` ends in a lower-case letter or a digit. A last byte that is ASCII is the
/// whole last character and answers in place; only a word ending in another character is sliced (a call in the
/// Wasm) and its last character decoded.
#[inline(never)]
fn ends_lower_or_digit(text: &str, span: Span) -> bool {
    match text.as_bytes().get(span.end.wrapping_sub(1)) {
        Some(&last) if last.is_ascii() && span.start < span.end => last.is_ascii_lowercase() || last.is_ascii_digit(),
        _ => span.slice(text).ends_with(|c: char| c.is_lowercase() || c.is_ascii_digit()),
    }
}

/// Capitalised words that open sentences and are no names ([`opens_sentences_only`]).
const OPENERS: [&[u8]; 23] = [
    b"The", b"A", b"An", b"He", b"She", b"It", b"They", b"We", b"His", b"Her", b"Their", b"This", b"These", b"But", b"As", b"After",
    b"When", b"While", b"There", b"Its", b"Our", b"Police", b"Pictured",
];

/// For each first byte's low six bits (which tell an ASCII capital from its small letter), the lengths (as bits, all below 32) of the [`OPENERS`] starting with it: a
/// word whose bit is clear opens no sentence only, whatever its other letters. Read without a branch, it tells
/// [`number_words`]'s loop which few capitalised words to look at ([`caption_opener_shape`]).
const OPENER_SHAPES: [u32; 64] = {
    let mut shapes = [0u32; 64];
    let mut k = 0;
    while k < OPENERS.len() {
        let word = OPENERS[k];
        shapes[(word[0] & 63) as usize] |= 1 << word.len();
        k += 1;
    }
    shapes
};

/// A capitalised word that opens sentences and is no name, one of [`OPENERS`]: a caption run into the next
/// sentence shows before it. Compared as bytes (the word's, not sliced as a `str`: all of these are ASCII). Not
/// inlined into [`caption_runs_in`], which reaches it only for a word of an opener's first letter and length
/// ([`OPENER_SHAPES`]), capitalised, one space after the last.
#[inline(never)]
fn opens_sentences_only(word: &[u8]) -> bool {
    OPENERS.contains(&word)
}

/// First-person words (lower-case): the sentence is speech. Not "us", which is also "US".
fn is_first_person(lower: &str) -> bool {
    one_of(lower, &FIRST_PERSON)
}

/// The words [`is_first_person`] knows.
const FIRST_PERSON: [&str; 13] = ["i", "me", "my", "we", "our", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "we're", "we’re"];


#[cfg(test)]
mod tests {
    use super::*;
    use crate::{summarize, Options};

    /// Keys are numbered 0, 1, 2… in order of first appearance, a repeat in another sentence gets its first number
    /// back, a repeat in the same sentence none, and the numbers and stamps survive the map growing, whether it
    /// starts empty or sized.
    #[test]
    fn numbers_follow_first_appearance() {
        for mut numbers in [Numbers::default(), Numbers::with_capacity(4)] {
            assert_eq!([7, 0, 7, u64::MAX, 0].map(|key| numbers.number(key, 1)), [Some(0), Some(1), None, Some(2), None]);
            assert_eq!([0, 7, 0].map(|key| numbers.number(key, 2)), [Some(1), Some(0), None]);
            // A thousand more keys: the map grows several times.
            let keys: Vec<u64> = (0..1000).map(|i| 1000 + i).collect();
            let first: Vec<Option<u32>> = keys.iter().map(|&key| numbers.number(key, 3)).collect();
            assert_eq!(first, (3..1003).map(Some).collect::<Vec<_>>());
            assert!(keys.iter().all(|&key| numbers.number(key, 3).is_none()));
            assert_eq!(keys.iter().rev().map(|&key| numbers.number(key, 4)).collect::<Vec<_>>(), (3..1003).rev().map(Some).collect::<Vec<_>>());
            assert_eq!((numbers.number(7, 5), numbers.number(u64::MAX, 5), numbers.number(7, 2), numbers.len()), (Some(0), Some(2), Some(0), 1003));
        }
    }

    /// The first sentence's keys are the numbers below their count, so counting a sentence's keys below it gives
    /// the cosine of the shared keys; no sentence holds a key twice.
    #[test]
    fn the_lead_cosine_is_the_cosine_of_a_merge() {
        let text = "Markets rallied on Friday as oil prices fell. Oil traders said prices would rally again. \
                    Nothing here matches. Friday markets: oil, prices, traders, rallied.";
        let sentences = crate::sentences::split_sentences(text, &[Span::new(0, text.len())]);
        let words = crate::tokens::tokenize_sentences(text, &sentences);
        let reading = read_sentences(text, &sentences, &words, &mut String::new());
        let lead = reading.keys.get(0);
        assert_eq!(lead, (0..lead.len() as u32).collect::<Vec<u32>>());
        let facts = centralities(&reading.keys, &reading.frequency, sentences.len());
        let leads: Vec<f64> = facts.iter().map(|fact| fact.lead).collect();
        assert_eq!((leads.len(), leads[0]), (sentences.len(), 0.0));
        for (i, &cosine) in leads.iter().enumerate().skip(1) {
            let keys = reading.keys.get(i);
            let mut distinct = keys.to_vec();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), keys.len(), "{i}");
            let shared = keys.iter().filter(|key| lead.contains(key)).count();
            let merged = if keys.is_empty() { 0.0 } else { shared as f64 / ((keys.len() * lead.len()) as f64).sqrt() };
            assert_eq!(cosine, merged, "{i}");
        }
        assert!(leads[1] > 0.0);
        assert_eq!(lead_cosine(0, 0, lead.len()), 0.0);
        assert_eq!(lead_cosine(0, 2, 0), 0.0);
    }

    /// The flags skip their rounding: every value and contribution is still the one `round` gives, for flags of 0
    /// and 1 and weights of either sign, zeros, halves and what rounds to zero; and the features made of a text hold
    /// flags of 0 and 1 alone.
    #[test]
    fn flags_are_rounded_as_every_feature_is() {
        let samples = [0.0, -0.0, 1.0, 0.5, 0.123_456_78, 0.000_05, -0.000_05, 0.000_049_9, -2.35, 1e-9, -1e-9, 999.999_95, -1000.0, 0.333_35];
        for (n, &w) in samples.iter().enumerate() {
            let mut values = [0.0; Features::NAMES.len()];
            let mut weights = [0.0; Features::NAMES.len()];
            for i in 0..values.len() {
                values[i] = if FLAGS.contains(&i) { ((i + n) % 2) as f64 } else { samples[(i + n) % samples.len()] };
                weights[i] = if i % 3 == 0 { w } else { samples[(i * 7 + n) % samples.len()] };
            }
            let mut named = Weights::default();
            for (name, &weight) in Features::NAMES.iter().zip(&weights) {
                named.set(name, weight).unwrap();
            }
            let (mut rounded, mut contributions) = (values, [0.0; Features::NAMES.len()]);
            round_each(&mut rounded, &mut contributions, &RoundingWeights::new(&named));
            for i in 0..values.len() {
                let round = crate::result::round;
                assert_eq!(rounded[i].to_bits(), round(values[i]).to_bits(), "{n} {i}");
                assert_eq!(contributions[i].to_bits(), round(values[i] * weights[i]).to_bits(), "{n} {i} {} {}", values[i], weights[i]);
            }
        }
        let text = "Police said: The 45-year-old was seen at 10pm. We were there! Was he? A heading\n\nHe left in 2015.";
        let summary = summarize(text, &Options::default()).unwrap();
        for s in &summary.sentences {
            let values = [s.features.numbers, s.features.heading, s.features.caption, s.features.reference, s.features.question, s.features.speech];
            assert!(values.iter().all(|&v| v == 0.0 || v == 1.0), "{values:?}");
        }
        assert_eq!(Features::NAMES[FLAGS], ["numbers", "heading", "caption", "reference", "question", "speech"]);
    }

    /// The ratios made of whole numbers are the floats' ratios clamped to 1 (and, for `long`, to 0); a float of 0 or
    /// more clamped to 1 by its bits is the float's `min`.
    #[test]
    fn ratios_up_to_one_are_the_clamped_float_ratios() {
        for whole in 1..60 {
            for part in 0..200 {
                assert_eq!(ratio_up_to_one(part, whole), (part as f64 / whole as f64).min(1.0), "{part} {whole}");
            }
        }
        for words in 0..100 {
            assert_eq!(ratio_up_to_one(words, 20), (words as f64 / 20.0).min(1.0));
            let long = ratio_up_to_one(words.saturating_sub(25), 25);
            assert_eq!(long.to_bits(), ((words as f64 - 25.0) / 25.0).clamp(0.0, 1.0).to_bits(), "{words}");
        }
        let samples = [0.0, f64::MIN_POSITIVE / 2.0, 1e-300, 0.25, 0.999_999_999, 1.0, 1.000_000_1, 7.5, 1e300, f64::INFINITY];
        for x in samples {
            assert_eq!(at_most_one(x).to_bits(), x.min(1.0).to_bits(), "{x}");
            for y in samples {
                assert_eq!(larger(x, y).to_bits(), x.max(y).to_bits(), "{x} {y}");
            }
        }
    }

    #[test]
    fn content_keys_skip_short_words_and_stopwords() {
        for word in ["the", "could", "it's", "said", "ab", "né", "日本"] {
            assert_eq!(content_key(word), None, "{word}");
        }
        for word in ["minister", "née", "theme", "coulda", "日本語"] {
            assert_eq!(content_key(word), Some(hash(word)), "{word}");
        }
        assert!(STOPWORDS.iter().all(|w| content_key(w).is_none()));
    }

    #[test]
    fn the_short_word_table_finds_exactly_the_stopwords_and_first_person_words() {
        assert!(STOPWORDS.iter().all(|w| short_word(hash(w)) == ShortWord::Stopword));
        assert!(FIRST_PERSON.iter().all(|w| short_word(hash(w)) == ShortWord::FirstPerson));
        for word in ["them", "these", "minister", "it", "she's", "hers", "coulda", "theirs", "us", "mine", "", "日本語"] {
            assert!(short_word(hash(word)) == ShortWord::Other, "{word}");
        }
        // An empty slot points to a word placed in another slot, so it matches no key.
        let (slots, multiplier) = SHORT_WORD_SLOTS;
        let slot_of = |key: u64| (key.wrapping_mul(multiplier) >> 56) as usize;
        for (slot, &index) in slots.iter().enumerate() {
            let placed = slot_of(SHORT_WORD_KEYS[usize::from(index)]);
            assert!(placed == slot || !SHORT_WORD_KEYS.iter().any(|&k| slot_of(k) == slot), "{slot}");
        }
        assert_eq!(LONGEST_SHORT_WORD, 5);
    }

    /// The slots of the first-person words of up to two bytes find them, and no other chunk of one or two ASCII
    /// bytes.
    #[test]
    fn short_first_person_words_are_found_in_their_slots() {
        let (slots, multiplier) = SHORT_FIRST_PERSON_SLOTS;
        for chunk in (1..0x8000u64).filter(|c| c & 0x80 == 0) {
            let found = u64::from(slots[(chunk.wrapping_mul(multiplier) >> 61) as usize]) == chunk;
            assert_eq!(found, SHORT_FIRST_PERSON.contains(&chunk), "{chunk:#x}");
        }
    }

    #[test]
    fn words_read_in_place_answer_as_the_lower_cased_words_do() {
        let mut buffer = String::new();
        let words = [
            "I", "We", "WE", "i'm", "I'M", "I’m", "We’re", "we're", "I'd", "i've", "Our", "OUR", "ours", "Me", "my", "mY", "i'", "Minister",
            "THE", "Said", "It's", "ab", "AB", "x", "", "Tromsø", "NASA", "2,400", "Wearing", "'s", "x's", "Its's", "Seven's", "Sevens's",
            "Eightish's", "Ninetimes's", "Government", "GOVERNMENT's", "Sixteen-letters", "Sixteen-lettered", "Seventeen-letters",
            "Seventeen-lettered's", "Governments’s", "naïveté's", "O'Neill", "Mr.", "S", "Xs",
        ];
        for word in words {
            let lowered: String = word.chars().flat_map(char::to_lowercase).collect();
            let lowered = lowered.strip_suffix("'s").or_else(|| lowered.strip_suffix("’s")).unwrap_or(&lowered);
            let expected = (lowered.len() <= 7 && is_first_person(lowered), content_key(lowered));
            // Alone (the loads run past the text's end) and with text after it (the loads read the word in place),
            // at the text's start and further in.
            for (text, start) in [(word.to_string(), 0), (format!("{word} and then some more words"), 0), (format!("So {word} did"), 3)] {
                let span = Span::new(start, start + word.len());
                assert_eq!(read_word(&text, span, &mut buffer), expected, "{text}");
                assert_eq!(read_any_word(&text, span, &mut buffer), expected, "{text}");
            }
        }
        assert!(FIRST_PERSON.iter().filter(|w| w.is_ascii()).all(|w| w.len() <= 5));
        let read = |word: &str, buffer: &mut String| read_word(word, Span::new(0, word.len()), buffer);
        assert!(read("We", &mut buffer).0);
        assert_eq!(read("Minister", &mut buffer).1, Some(hash("minister")));
        assert_eq!(read("Said", &mut buffer).1, None);
        assert_eq!(read("Minister’s", &mut buffer).1, Some(hash("minister")));
        assert_eq!(read("Minister's", &mut buffer).1, Some(hash("minister")));
    }

    /// Every mark followed by every run of closers: the byte tests answer as the character tests on the trimmed
    /// sentence do.
    #[test]
    fn sentence_endings_read_as_bytes_are_those_read_as_characters() {
        let closers = ['"', '\'', '”', '’', ')', ']', '»', ' '];
        for mark in ["", ".", "!", "?", "…", "。", "！", "？", "।", "؟", ":", "é", "x", "“", "‘", "«", "\u{9D}", "\u{2019}\u{2019}"] {
            for closing in ["", "\"", "”", " ", "’)", "» ", "']", "“", "”’ \"", "."] {
                let sentence = format!("It rained{mark}{closing}");
                let trimmed = sentence.trim_end_matches(closers);
                let ending = before_closers(sentence.as_bytes());
                assert_eq!(ending, trimmed.as_bytes(), "{sentence}");
                assert_eq!(ends_sentence(ending, asks_or_exclaims(ending)), trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', '।', '؟']), "{sentence}");
                assert_eq!(asks_or_exclaims(ending), trimmed.ends_with(['!', '?', '！', '？', '؟']), "{sentence}");
            }
        }
        assert!(!ends_sentence(before_closers("\"”".as_bytes()), false) && !asks_or_exclaims(before_closers(b"")));
    }

    /// The byte-string matches answer as comparisons with each word of the lists (`eq_ignore_ascii_case`) do, for
    /// every opening, first and second word here, in any case.
    #[test]
    fn references_matched_as_byte_strings_are_those_the_word_lists_find() {
        let reference = |text: &str, s: &SentenceSpan, words: &[Word]| -> bool {
            let Some(first) = words.first() else { return false };
            if text.get(s.span.start..first.span.start).unwrap_or("").contains(['“', '"', '‘', '\'']) {
                return false;
            }
            let (word, second) = (first.span.slice(text), words.get(1).map_or("", |w| w.span.slice(text)));
            let is = |candidates: &[&str], w: &str| candidates.iter().any(|c| c.eq_ignore_ascii_case(w));
            if is(&["he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "this", "that", "these", "those", "but", "however", "also", "meanwhile", "still", "yet", "instead", "such", "both", "then", "there"], word) {
                return !(word.eq_ignore_ascii_case("there") && is(&["is", "are", "was", "were", "will", "have", "has", "had"], second));
            }
            if word.eq_ignore_ascii_case("the") {
                let age = second.contains('-') && second.starts_with(|c: char| c.is_ascii_digit());
                return age || is(&["two", "pair", "couple", "former", "latter", "man", "woman", "boy", "girl", "trio", "duo"], second);
            }
            false
        };
        let firsts = ["He", "she", "THEY", "It", "Its", "Meanwhile", "MEANWHILE", "Meanwhilé", "MEANWHILEs", "However", "There", "the", "The", "Thé", "Then", "A", "Mr", "Instead", "Wearing", "tHoSe", "x"];
        let seconds = ["", "is", "WAS", "Had", "pair", "Former", "45-year-old", "4-3", "two-thirds", "-5", "trio", "duos", "man", "Étienne", "said", "Couples", "formerly"];
        let mut cases = 0;
        for opening in ["", "\"", "“", "‘", "'", "(", "— ", "’"] {
            for first in firsts {
                for second in seconds {
                    let text = format!("{opening}{first} {second} went home.");
                    let s = SentenceSpan { span: Span::new(0, text.len()), paragraph: 0, in_paragraph: 0 };
                    let words = crate::tokens::tokenize(&text, s.span);
                    assert_eq!(opens_with_reference(&text, &s, &words), reference(&text, &s, &words), "{text}");
                    cases += usize::from(reference(&text, &s, &words));
                }
            }
        }
        assert!(cases > 100, "{cases}");
    }

    #[test]
    fn every_opener_has_its_shape_and_is_known() {
        for word in OPENERS {
            let shapes = OPENER_SHAPES[usize::from(word[0] & 63)];
            assert_eq!(shapes >> word.len() & 1, 1);
            assert!(opens_sentences_only(word));
        }
        // The shape lets through words that are no openers; the list then rules them out.
        for word in [&b"the"[..], b"Thy", b"Tha", b"Smith", b"Pictures", b"ASA"] {
            assert!(!opens_sentences_only(word), "{word:?}");
        }
    }

    #[test]
    fn lowering_ascii_words_byte_by_byte_gives_what_char_lowering_gives() {
        let mut buffer = String::new();
        for word in ["Washington", "NASA", "o'Neill", "x-RAY", "2,400", "", "Tromsø", "ÉCOLE", "İstanbul", "ΣΟΦΙΑ"] {
            let by_char: String = word.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(lower(word, &mut buffer), by_char, "{word}");
        }
    }

    #[test]
    fn the_summary_share_turns_position_into_coverage_between_a_fifth_and_two_fifths() {
        assert_eq!(long_summary(0.1), 0.0);
        assert_eq!(long_summary(0.2), 0.0);
        assert!((long_summary(0.3) - 0.5).abs() < 1e-9);
        assert_eq!(long_summary(0.4), 1.0);
        assert_eq!(long_summary(0.9), 1.0);
    }

    /// Four sentences, two kept: half the text, yet a brief — its lead stays first (the npm README's example).
    #[test]
    fn a_brief_text_is_summarized_from_its_lead() {
        let text = "Scientists in Tromsø have counted the town's reindeer for the first time in ten years. \
            They found 2,400 animals, twice as many as in 2015. Dr Ingrid Solberg, who led the count, said mild \
            winters were the likely reason. The count used drones and took four days.";
        let summary = summarize(text, &Options { sentences: Some(2), ..Options::default() }).unwrap();
        assert_eq!(summary.summary.first(), Some(&0));
        for s in &summary.sentences {
            assert_eq!(s.features.coverage, 0.0, "no coverage in a brief: {}", s.span.text);
            assert!(s.features.position > 0.0);
        }
        // "count" recurs once: the sentences sharing it are not scaled up to full centrality.
        assert!(summary.sentences.iter().all(|s| s.features.centrality < 0.5), "centrality floor");
    }

    /// Twelve sentences, six kept: half the text, so the scorer covers the story instead of reading its lead.
    #[test]
    fn a_long_summary_of_a_longer_text_weighs_coverage_not_position() {
        let text = "The harbour opened on Monday. Fishing boats came in early. The market sold cod and herring. \
            Tourists watched from the pier. A band played near the harbour market. Children fed the gulls. \
            Rain fell in the afternoon. The harbour market closed at six. Boats left the harbour at night. \
            The mayor thanked the harbour staff. Traffic was light. The market opens again next week.";
        let summary = summarize(text, &Options { sentences: Some(6), ..Options::default() }).unwrap();
        assert_eq!(summary.sentences.len(), 12);
        for s in &summary.sentences {
            assert_eq!(s.features.position, 0.0, "{}", s.span.text);
            assert_eq!(s.features.budget, 0.0, "{}", s.span.text);
            assert_eq!(s.features.coverage, s.features.centrality, "{}", s.span.text);
        }
    }

    /// The messages put together from pieces read as the `format!`s they were.
    #[test]
    fn weight_messages_read_as_formatted() {
        let unknown = Weights::default().set("bogus", 1.0).unwrap_err().to_string();
        let known = Features::NAMES.join(", ");
        assert_eq!(unknown, Error::invalid("weights.bogus", format!("is not a feature (known: {known})")).to_string());
        let out_of_range = Weights { chrome: f64::NAN, ..Weights::default() }.validate().unwrap_err().to_string();
        assert_eq!(out_of_range, Error::invalid("weights.chrome", "must be a finite number from -1000 to 1000, got NaN".to_string()).to_string());
    }

    #[test]
    fn a_weight_out_of_range_is_named_with_its_value_in_short() {
        let weights = Weights { coverage: 1e300, ..Weights::default() };
        let message = weights.validate().unwrap_err().to_string();
        // Not the 301 digits `{}` prints for 1e300.
        assert!(message.contains("weights.coverage") && message.ends_with("got 1e+300"), "{message}");
    }
}
