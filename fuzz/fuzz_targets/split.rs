//! The segmenter: `split` (chrome removal, then sentences) and `split_sentences` (sentences of the text as it
//! stands) on any text. No panic; sentences in order, never blank, never overlapping removed chrome, and every
//! span slicing the input back to its text in UTF-8 bytes and UTF-16 units.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutshell::{split, split_sentences, Options};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let segmentation = split(&text, &Options::default()).expect("default options never fail on a small input");
    invariants::check_segmentation(&text, &segmentation);
    invariants::check_plain_sentences(&text, &split_sentences(&text));
});
