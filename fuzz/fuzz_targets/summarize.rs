//! `summarize` on any text with the default options: no panic, every invariant of `tests/invariants` holds, and a
//! second call gives the same result. The input is the article itself (invalid UTF-8 replaced by U+FFFD), so the
//! seed corpus is plain articles (`fuzz/seeds/`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutshell::{summarize, Options};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = Options::default();
    let summary = summarize(&text, &options).expect("default options never fail on a small input");
    invariants::check_summary(&text, &options, &summary);
    assert_eq!(summarize(&text, &options).as_ref(), Ok(&summary), "a second call gave a different result");
});
