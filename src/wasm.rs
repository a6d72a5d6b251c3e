//! The JavaScript binding: the only module that knows about wasm-bindgen.
//!
//! Options arrive as a plain JavaScript object, which `src/records.js` flattens into one string for Rust to set
//! option by option, so a wrong type or value becomes an `Error` that names the option (reading the object from
//! Rust took a call out of the Wasm per property, and V8 compiled a wrapper per kind of call at instantiation).
//! Results leave as plain objects (not class handles). Sentences, spans, quotes and removed runs — nearly all of a
//! result — are made by `src/records.js`, their texts sliced from the caller's string instead of decoded from
//! UTF-8: spans and removed runs one call each, with their numbers as arguments; sentences and quotes many a
//! call, their numbers written into the Wasm memory, where `src/records.js` reads them (a sentence's 44 arguments
//! took the largest wrapper of all to compile at instantiation). So are the people and the summary itself, one
//! call each with their fields as arguments (setting them one by one took a call out of the Wasm a field), and a
//! person's aliases, mentions and quotes, one call each into the lists made with the person.
//! Against serde-wasm-bindgen's JSON-compatible serializer (the same objects) this is about 9 KB less of the
//! .wasm; against setting every field (46 calls out of the Wasm for a sentence), 10% less time per article.
//!
//! Why not JSON text and `JSON.parse` (CONVENTIONS: measure both, keep the faster)? Measured on the 75
//! CNN/DailyMail dev articles, best of 10 rounds in Node, over the summary alone (≈ 139 ms in all): building the
//! objects field by field costs ≈ 14 ms, a hand-written JSON writer ≈ 11 ms plus ≈ 11 ms to decode and parse its
//! text — the features make the JSON 6 times the size of the input. Objects stay.

use wasm_bindgen::prelude::*;

use crate::result::{SentenceBuilder, SENTENCE_NUMBERS};
use crate::small_blocks::SmallBlocks;
use crate::{Features, OptionValue, Options, Person, Quote, Removed, Segmentation, Summary, TextSpan};

/// The allocator: Talc instead of Rust's default for Wasm, dlmalloc, behind a front that keeps freed small blocks
/// for reuse ([`SmallBlocks`]).
#[global_allocator]
static ALLOCATOR: SmallBlocks<talc::wasm::WasmDynamicTalc> = SmallBlocks::new(talc::wasm::new_wasm_dynamic_allocator());

/// Installs the panic hook once, when the module is instantiated: a panic — which the core is built never to
/// raise — would then be reported on the console with its message instead of an opaque trap.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Summarizes `text`. `options` is an optional object: `{ sentences, ratio, words, quotes, maxInputBytes,
/// weights }`.
#[wasm_bindgen(js_name = summarize)]
pub fn summarize(#[wasm_bindgen(unchecked_param_type = "string")] input: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let units = text_units(&input)?;
    // The Wasm memory, through which the text and the numbers pass: one value for the summary, where each call
    // that passed it took it anew (a call out of the Wasm and a slot in wasm-bindgen's table of values).
    let memory = wasm_bindgen::memory();
    let options = read_options(&options, &memory)?;
    let text = read_text(&input, units, &options, &memory)?;
    // Each sentence becomes a JavaScript object as soon as it is made: the whole list of them never sits in
    // linear memory (on a 10 MB text it would be 27 MB more at the peak). The spans come without their texts,
    // which `src/records.js` slices out of `input`.
    // The result is begun only here, once the text and options have passed every check.
    let summary = crate::summarize_validated(&text, &options, crate::result::SpanTexts::Omitted, &mut |built| {
        begin_summary(&input);
        push_sentence_records(&memory, built);
    })?;
    Ok(summary_record(&memory, &summary))
}

/// Splits `text` into sentences after removing site chrome.
#[wasm_bindgen(js_name = split)]
pub fn split(#[wasm_bindgen(unchecked_param_type = "string")] input: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let units = text_units(&input)?;
    let memory = wasm_bindgen::memory();
    let options = read_options(&options, &memory)?;
    let text = read_text(&input, units, &options, &memory)?;
    let segmentation = crate::split(&text, &options)?;
    begin_segmentation(&input);
    Ok(segmentation_record(&segmentation))
}

/// The version of nutshell.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[wasm_bindgen]
extern "C" {
    /// An object made by `src/records.js`.
    #[wasm_bindgen(js_name = Object)]
    type Record;
}

/// The result's objects: one call each into `src/records.js`, which makes the result between `beginSummary` (or
/// `beginSegmentation`) and `finish`, its lists included, and slices each text out of the caller's own string. A sentence passes its features as numbers in [`Features::NAMES`]' order,
/// checked against the names given here when compiling, then its contributions in the same order (one call for
/// all: a second call per sentence cost more than its 18 arguments). Each feature comes with a second name, for
/// its contribution's argument.
macro_rules! sentence_records {
    ($($name:ident / $weighted:ident),*) => {
        #[wasm_bindgen(module = "/src/records.js")]
        extern "C" {
            #[wasm_bindgen(js_name = beginSummary)]
            fn begin_summary(input: &JsValue);
            #[wasm_bindgen(js_name = beginSegmentation)]
            fn begin_segmentation(input: &JsValue);
            #[wasm_bindgen(js_name = finish)]
            fn finish(title: Option<&str>) -> Record;
            #[wasm_bindgen(js_name = pushSegment)]
            fn push_segment(start: i32, end: i32, start16: i32, end16: i32);
            #[wasm_bindgen(js_name = pushQuotes)]
            fn push_quotes(memory: &JsValue, at: f64, count: f64);
            #[wasm_bindgen(js_name = pushRemoved)]
            fn push_removed(start: i32, end: i32, start16: i32, end16: i32, reason: &str);
            #[wasm_bindgen(js_name = pushAuthor)]
            fn push_author(name: &str);
            #[wasm_bindgen(js_name = pushChosen)]
            fn push_chosen(index: i32);
            #[wasm_bindgen(js_name = pushPerson)]
            fn push_person(name: &str, mentions: i32, role: Option<&str>, first: i32, first16: i32);
            #[wasm_bindgen(js_name = pushAlias)]
            fn push_alias(alias: &str);
            #[wasm_bindgen(js_name = pushMention)]
            fn push_mention(start: i32, end: i32, start16: i32, end16: i32);
            #[wasm_bindgen(js_name = pushPersonQuote)]
            fn push_person_quote(start: i32, end: i32, start16: i32, end16: i32);
            #[wasm_bindgen(js_name = encodeInto)]
            fn encode_into(input: &JsValue, memory: &JsValue, at: f64, capacity: f64) -> f64;
            #[wasm_bindgen(js_name = textUnits)]
            fn text_units_or_kind(input: &JsValue) -> f64;
            #[wasm_bindgen(js_name = flattenOptions)]
            fn flatten_options(options: &JsValue) -> JsValue;
            #[wasm_bindgen(js_name = utf8Length)]
            fn utf8_length(input: &JsValue) -> f64;
            #[wasm_bindgen(js_name = pushSentences)]
            fn push_sentences(memory: &JsValue, at: f64, count: f64);
        }

        const _: () = assert!(same_names(&[$(stringify!($name)),*], Features::NAMES), "one number per feature, in order");
    };
}

/// How many sentences' numbers are handed over at once.
const SENTENCES_AT_ONCE: usize = 64;

/// Appends each sentence's object to the summary's. Their numbers are handed over through the Wasm memory, where
/// `src/records.js` reads them, up to `SENTENCES_AT_ONCE` sentences a call: passed as arguments, a sentence's 42 (44
/// arguments in all) took a call whose wrapper V8 compiled at instantiation (about 1 ms, the largest of all). Each
/// sentence's numbers are written straight into its place in the batch handed over
/// ([`SentenceBuilder::write_numbers`]), not made into a `Sentence` and copied out of it, nor appended to a list
/// (three `memory.copy` calls a sentence; Wasm cost on cnndm/dev 0.4% more).
fn push_sentence_records(memory: &JsValue, mut sentences: SentenceBuilder) {
    let mut batch = vec![[0.0; SENTENCE_NUMBERS]; sentences.len().min(SENTENCES_AT_ONCE)];
    loop {
        let count = batch.iter_mut().map(|numbers| sentences.write_numbers(numbers)).take_while(|&written| written).count();
        if count == 0 {
            break;
        }
        push_sentences(memory, address(batch.as_flattened()), count as f64);
        if count < batch.len() {
            break;
        }
    }
}

sentence_records!(
    position / weighted_position, budget / weighted_budget, paragraph / weighted_paragraph,
    quotes / weighted_quotes, entities / weighted_entities, centrality / weighted_centrality,
    coverage / weighted_coverage, lead / weighted_lead, title / weighted_title, length / weighted_length,
    long / weighted_long, numbers / weighted_numbers, heading / weighted_heading, caption / weighted_caption,
    reference / weighted_reference, question / weighted_question, speech / weighted_speech,
    chrome / weighted_chrome
);

/// A span's UTF-8 and UTF-16 offsets as `i32`s, which JavaScript receives as small integers, stored in an object
/// as they are (an `f64` was tested for being whole and for -0 by V8 on the way in, on every offset). Each fits: an
/// offset is at most the text's length in bytes, which [`Options::MAX_MAX_INPUT_BYTES`] (1 GiB) bounds.
fn offsets(span: &TextSpan) -> (i32, i32, i32, i32) {
    (span.start as i32, span.end as i32, span.start16 as i32, span.end16 as i32)
}

/// Whether two lists of names are the same, in the same order (for a check when compiling).
const fn same_names(a: &[&str], b: &[&str]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !crate::tokens::same_text(a[i], b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

// The objects JavaScript receives: the fields of the result types in their declaration order (a span's fields
// first where a type carries one), as the CLI's JSON has them.

/// Where `numbers` start in the Wasm memory, for `src/records.js` to read them there.
fn address(numbers: &[f64]) -> f64 {
    numbers.as_ptr() as usize as f64
}

/// Appends `person`'s object to the summary's, then its aliases, mentions and quotes to the lists `src/records.js`
/// made in it: a list made here for each (three a person) was a call out of the Wasm, and a slot in wasm-bindgen's
/// table of JavaScript values, set and freed, for each.
fn person_record(person: &Person) {
    push_person(&person.name, person.mentions as i32, person.role.as_deref(), person.first as i32, person.first16 as i32);
    for alias in &person.aliases {
        push_alias(alias);
    }
    for span in &person.spans {
        let (start, end, start16, end16) = offsets(span);
        push_mention(start, end, start16, end16);
    }
    for span in &person.quotes {
        let (start, end, start16, end16) = offsets(span);
        push_person_quote(start, end, start16, end16);
    }
}

/// Appends the quotes' objects to the summary's, their numbers handed over through the Wasm memory in one call: a
/// span's offsets, the speaker's index in `people` (-1 for none) and the sentence's, written in place.
fn quote_records(memory: &JsValue, quotes: &[Quote]) {
    if !quotes.is_empty() {
        let mut numbers = vec![0.0; quotes.len() * 6];
        for (quote, slot) in quotes.iter().zip(numbers.chunks_exact_mut(6)) {
            if let [start, end, start16, end16, speaker, sentence] = slot {
                let (span, index) = (&quote.span, quote.speaker.map_or(-1.0, |index| index as f64));
                (*start, *end, *start16, *end16) = (span.start as f64, span.end as f64, span.start16 as f64, span.end16 as f64);
                (*speaker, *sentence) = (index, quote.sentence as f64);
            }
        }
        push_quotes(memory, address(&numbers), quotes.len() as f64);
    }
}

/// Appends the removed runs' objects to the result's.
fn removed_records(removed: &[Removed]) {
    for removed in removed {
        let (start, end, start16, end16) = offsets(&removed.span);
        push_removed(start, end, start16, end16, &removed.reason);
    }
}

/// The summary object, begun by `beginSummary` (its sentences are already in it).
fn summary_record(memory: &JsValue, summary: &Summary) -> JsValue {
    for author in &summary.authors {
        push_author(author);
    }
    for &index in &summary.summary {
        push_chosen(index as i32);
    }
    for person in &summary.people {
        person_record(person);
    }
    quote_records(memory, &summary.quotes);
    removed_records(&summary.removed);
    finish(summary.title.as_deref()).into()
}

/// What `split` returns, begun by `beginSegmentation`.
fn segmentation_record(segmentation: &Segmentation) -> JsValue {
    for span in &segmentation.sentences {
        let (start, end, start16, end16) = offsets(span);
        push_segment(start, end, start16, end16);
    }
    removed_records(&segmentation.removed);
    finish(segmentation.title.as_deref()).into()
}

/// What `typeof` says of a text that is not a string (`null` is "null"), in the order of `KINDS` in
/// `src/records.js`.
const TEXT_KINDS: [&str; 8] = ["null", "undefined", "number", "boolean", "bigint", "symbol", "object", "function"];

/// The length of `text` in UTF-16 units, or the error for a value that is not a string.
fn text_units(text: &JsValue) -> Result<usize, JsError> {
    let units = text_units_or_kind(text);
    if units >= 0.0 {
        return Ok(units as usize);
    }
    let kind = ((-units) as usize).checked_sub(2).and_then(|place| TEXT_KINDS.get(place)).copied().unwrap_or_default();
    Err(JsError::new(&format!("the text must be a string, got {kind}")))
}

/// The text argument as Rust text. wasm-bindgen's `&str` glue assumes a string: given a number, a boolean or an
/// object it writes out of bounds and the module traps. Anything but a string is a clear error here. Lone
/// surrogates become U+FFFD, one UTF-16 unit for one, so UTF-16 offsets still index the caller's string (and
/// the spans' texts, sliced from it, keep them).
///
/// The UTF-8 is written by `src/records.js` straight into a buffer with room for it ([`utf8`]): wasm-bindgen's glue
/// starts with a buffer of one byte a unit and grows it at the first character outside ASCII, which copied the whole
/// buffer (10 MB for a 10 MB text) to a new place.
///
/// A text of more UTF-16 units than `options` allow bytes is refused before anything is made for it (each unit is
/// at least a byte), with the core's message and its length in bytes, which `src/records.js` counts: a buffer of
/// three bytes a unit would otherwise grow the Wasm memory, which never shrinks, for a text it then refuses.
fn read_text(text: &JsValue, units: usize, options: &Options, memory: &JsValue) -> Result<String, JsError> {
    if units > options.max_input_bytes {
        let bytes = utf8_length(text) as usize;
        return Err(crate::Error::InputTooLarge { bytes, limit: options.max_input_bytes }.into());
    }
    utf8(text, units, memory)
}

/// The string `text`, of `units` UTF-16 units, as Rust text.
///
/// It is first written into room for a sixteenth more bytes than units, which news in Latin script does not fill
/// (the most on cnndm/dev is 2.7% more), and only when it does not fit into room for three bytes a unit, always
/// enough. The room is zeroed before it is written (a safe `Vec` holds no unwritten bytes): V8's `memory.fill` calls
/// the C library's `memset`, whose `rep stosb` the count takes for an instruction a byte. With three bytes a unit
/// from the start, the zeroing was 0.8M of the Wasm's cost a corpus round (Wasm cost -0.75%; in time far less, a
/// `memset` of a few KB being fast).
fn utf8(text: &JsValue, units: usize, memory: &JsValue) -> Result<String, JsError> {
    if units == 0 {
        return Ok(String::new());
    }
    let near = units.saturating_add(units / 16 + 16);
    let Some(mut bytes) = encoded(text, memory, near).or_else(|| encoded(text, memory, units.saturating_mul(3))) else {
        return Err(JsError::new("the text could not be read as UTF-8"));
    };
    // The unused room goes back to the allocator, in place, for the stages to use.
    bytes.shrink_to_fit();
    String::from_utf8(bytes).map_err(|_| JsError::new("the text could not be read as UTF-8"))
}

/// `text` written as UTF-8 into a buffer of `room` bytes, or `None` when it needs more.
fn encoded(text: &JsValue, memory: &JsValue, room: usize) -> Option<Vec<u8>> {
    let mut bytes = vec![0u8; room];
    let written = encode_into(text, memory, bytes.as_mut_ptr() as usize as f64, room as f64);
    // -1 when the text did not fit.
    if written < 0.0 {
        return None;
    }
    bytes.truncate(written as usize);
    Some(bytes)
}

/// The options, set by name in their order from the string `flattenOptions` (`src/records.js`) makes of them, so
/// the first wrong one is the one reported, then checked as a whole. Out of line: the first summary's path holds
/// only the call.
#[inline(never)]
fn read_options(value: &JsValue, memory: &JsValue) -> Result<Options, JsError> {
    // The string comes in as the text does (a string returned by value took glue of its own, compiled by V8 on
    // the first summary's path).
    let flat = flatten_options(value);
    let units = text_units(&flat)?;
    let mut options = Options::default();
    if units == 0 {
        // No option given: the defaults, which are valid (a test in `options.rs` checks them), are not checked
        // again, a look at every weight (`Options::validate` 73K of the Wasm's cost a corpus round in V8, with
        // 500 mispredicted branches: it runs once a summary, too seldom for the predictor to learn it).
        return Ok(options);
    }
    let flat = utf8(&flat, units, memory)?;
    let mut rest = flat.as_str();
    while !rest.is_empty() {
        if rest == "O" {
            return Err(JsError::new("invalid options: expected an object such as { sentences: 3 }"));
        }
        let Some((name, value)) = flat_option(&mut rest) else {
            return Err(JsError::new("invalid options: their keys cannot be read"));
        };
        options.set(name, &value)?;
    }
    options.validate()?;
    Ok(options)
}

/// The next option of a flattened string, its name and value; `None` where the keys could not be read ("U").
fn flat_option<'a>(rest: &mut &'a str) -> Option<(&'a str, OptionValue)> {
    let name = flat_text(rest)?;
    let tag = rest.as_bytes().first().copied()?;
    *rest = rest.get(1..)?;
    let value = match tag {
        b'n' => {
            let digits = rest.get(..16)?;
            *rest = rest.get(16..)?;
            OptionValue::Number(f64::from_bits(u64::from_str_radix(digits, 16).ok()?))
        }
        b's' => OptionValue::Text(flat_text(rest)?.to_string()),
        b't' => OptionValue::Bool(true),
        b'f' => OptionValue::Bool(false),
        b'o' => OptionValue::Other(flat_text(rest)?.to_string()),
        _ => return None,
    };
    Some((name, value))
}

/// A name or string of a flattened string: its length in UTF-16 units, ":", then itself.
fn flat_text<'a>(rest: &mut &'a str) -> Option<&'a str> {
    let (length, after) = rest.split_once(':')?;
    let mut units: usize = length.parse().ok()?;
    let mut end = 0;
    for c in after.chars() {
        if units == 0 {
            break;
        }
        units = units.checked_sub(c.len_utf16())?;
        end += c.len_utf8();
    }
    if units > 0 {
        return None;
    }
    let (text, after) = after.split_at(end);
    *rest = after;
    Some(text)
}
