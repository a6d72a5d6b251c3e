//! # nutshell
//!
//! Reads a news article and returns an extractive summary and the key people — who they are, how often they
//! appear, what role they hold and what they said. Pure Rust, no model, no network: the same core runs natively
//! (the `nutshell` CLI) and in the browser as WebAssembly.
//!
//! ```
//! let text = "Jane Smith, the mayor of Springfield, opened the new bridge on Monday. \
//!             \"It is a great day for the city,\" Smith said. The bridge cost $12 million.";
//! let summary = nutshell::summarize(text, &nutshell::Options::default()).unwrap();
//! assert_eq!(summary.sentences.len(), 3);
//! assert_eq!(summary.people[0].name, "Jane Smith");
//! assert_eq!(summary.people[0].mentions, 2);
//! ```
//!
//! The pipeline, one module per stage, in the order [`summarize`] calls them:
//! 1. `clean` — finds the article in a pasted page: drops site chrome (menus, teasers, share lines, bylines,
//!    footers) into `removed`, keeps the headline as the title.
//! 2. `sentences` — splits the article's paragraphs into sentences (abbreviations, initials, numbers,
//!    quotes, ellipses, lists, other scripts).
//! 3. `tokens` — words with their case and offsets.
//! 4. `people` — person names by evidence (titles, speech verbs, appositives, name lexicons), merged aliases,
//!    roles.
//! 5. `quotes` — direct quotes and their speakers.
//! 6. `score` — per-sentence features and their weighted sum.
//! 7. `select` — the summary: length control, redundancy, dangling references.

mod clean;
mod entry_key;
mod lexicon;
mod options;
mod order;
mod people;
mod quotes;
mod result;
mod score;
mod select;
mod sentences;
#[cfg(any(target_arch = "wasm32", test))]
mod small_blocks;
mod span;
mod tokens;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use options::{Error, OptionValue, Options, QuotePreference, Weights};
pub use result::{Person, Quote, Removed, Segmentation, Sentence, Summary};
pub use score::Features;
pub use span::{Span, TextSpan};

/// Summarizes `text`: its sentences with scores, the chosen summary, the people, their quotes, and the chrome
/// that was removed. Fails only on invalid options or an input longer than [`Options::max_input_bytes`].
pub fn summarize(text: &str, options: &Options) -> Result<Summary, Error> {
    let mut sentences = Vec::new();
    let mut summary = summarize_with(text, options, result::SpanTexts::Included, &mut |built| sentences = built.collect())?;
    summary.sentences = sentences;
    Ok(summary)
}

/// [`summarize`], with the result's sentences handed to `collect` to take one by one as they are made, and the
/// summary returned without them; `texts` says whether the result's spans carry their texts. The options are
/// validated, then [`summarize_validated`] runs the pipeline.
pub(crate) fn summarize_with(
    text: &str,
    options: &Options,
    texts: result::SpanTexts,
    collect: &mut dyn FnMut(result::SentenceBuilder<'_>),
) -> Result<Summary, Error> {
    options.validate()?;
    summarize_validated(text, options, texts, collect)
}

/// [`summarize_with`]'s pipeline, for `options` already validated: the Wasm binding validates them before it reads
/// the text, and a second validation, a look at every weight, cost about 570 instructions in V8 a summary.
///
/// Each intermediate list is freed once the stages that read it are done (the bracket stops once the sentences are
/// split, the words once the scorer has read them, the scores' keys before the result is built). Every stage it
/// calls is `#[inline(never)]`, and `scripts/build.sh` has wasm-opt keep functions with one caller apart: V8
/// recompiles a function that runs hot with its optimising tier, in time that grows faster than the function's
/// size, and the whole pipeline inlined into one function (23 KB of Wasm) made that recompilation most of the first
/// summary's cost (bench/README.md).
pub(crate) fn summarize_validated(
    text: &str,
    options: &Options,
    texts: result::SpanTexts,
    collect: &mut dyn FnMut(result::SentenceBuilder<'_>),
) -> Result<Summary, Error> {
    check_size(text, options)?;
    let mut article = clean::find_article(text);
    // The bracket stops are the sentence stage's alone: freed once it is done, before the larger lists are made.
    let stops = std::mem::take(&mut article.stops);
    let (sentences, marks) = sentences::split_sentences_and_marks(text, &article.paragraphs, &stops);
    drop(stops);
    let words = tokens::tokenize_sentences(text, &sentences);
    let people = people::find_people(text, &sentences, &words, &article);
    let quotes = quotes::find_quotes(text, &sentences, &marks, &words, &people);
    let length = select::requested_length(sentences.len(), options);
    let scores = score::score_sentences(text, &sentences, words, &people, &quotes, &article, &options.weights, length);
    let chosen = select::select_sentences(&scores, length, options.quotes);
    Ok(result::assemble(text, article, &sentences, scores, chosen, people, &quotes, texts, collect))
}

/// Splits `text` into sentences after removing site chrome, without scoring or finding people: what
/// `nutshell split` prints.
pub fn split(text: &str, options: &Options) -> Result<Segmentation, Error> {
    options.validate()?;
    check_size(text, options)?;
    let article = clean::find_article(text);
    let (sentences, _) = sentences::split_sentences_and_marks(text, &article.paragraphs, &article.stops);
    Ok(result::assemble_segmentation(text, &article, &sentences))
}

/// Splits `text` into sentences as it stands, without removing chrome: blank lines separate paragraphs, a
/// line without final punctuation (a headline, a list item) is its own unit, and every span slices the input
/// back to its sentence.
///
/// ```
/// let sentences = nutshell::split_sentences("Mr. Smith went to Washington. He arrived at 5 p.m. on Monday.");
/// assert_eq!(sentences[1].text, "He arrived at 5 p.m. on Monday.");
/// ```
pub fn split_sentences(text: &str) -> Vec<TextSpan> {
    let index = span::Utf16Index::new(text);
    sentences::split_text(text).iter().map(|s| index.text_span(text, s.span)).collect()
}

fn check_size(text: &str, options: &Options) -> Result<(), Error> {
    if text.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge { bytes: text.len(), limit: options.max_input_bytes });
    }
    Ok(())
}
