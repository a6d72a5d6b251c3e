//! `summarize` with arbitrary options set by name, the way JavaScript, JSON lines and the CLI set them
//! (`Options::set`): valid, out of range, NaN, infinite, wrongly typed, unknown. A refused option is an `Error`
//! that names it; an accepted set of options gives a result that keeps every invariant, with as many summary
//! sentences as the options ask for.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use nutshell::{summarize, Error, Features, OptionValue, Options};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

#[derive(Arbitrary, Debug)]
enum Name {
    Sentences,
    Ratio,
    Words,
    Quotes,
    MaxInputBytes,
    Weight(u8),
    Unknown(String),
}

#[derive(Arbitrary, Debug)]
enum Value {
    Null,
    /// A small whole number: the values most likely to be valid.
    Small(u8),
    /// A share from 0 to 1 in steps of 1/255 (valid ratios and their edges).
    Share(u8),
    Number(f64),
    QuoteWord(u8),
    Text(String),
    Bool(bool),
    Other,
}

#[derive(Arbitrary, Debug)]
struct Input {
    options: Vec<(Name, Value)>,
    text: String,
}

fuzz_target!(|input: Input| {
    let mut options = Options::default();
    for (name, value) in &input.options {
        let name = match name {
            Name::Sentences => "sentences".to_string(),
            Name::Ratio => "ratio".to_string(),
            Name::Words => "words".to_string(),
            Name::Quotes => "quotes".to_string(),
            Name::MaxInputBytes => "maxInputBytes".to_string(),
            Name::Weight(i) => format!("weights.{}", Features::NAMES[*i as usize % Features::NAMES.len()]),
            Name::Unknown(s) => s.clone(),
        };
        let value = match value {
            Value::Null => OptionValue::Null,
            Value::Small(n) => OptionValue::Number(*n as f64),
            Value::Share(n) => OptionValue::Number(*n as f64 / 255.0),
            Value::Number(n) => OptionValue::Number(*n),
            Value::QuoteWord(i) => OptionValue::Text(["prefer", "allow", "avoid", "Prefer", ""][*i as usize % 5].to_string()),
            Value::Text(t) => OptionValue::Text(t.clone()),
            Value::Bool(b) => OptionValue::Bool(*b),
            Value::Other => OptionValue::Other("object".to_string()),
        };
        if let Err(error) = options.set(&name, &value) {
            assert!(error.to_string().contains(&format!("`{name}`")), "the error for {name} = {value:?} does not name it: {error}");
            return;
        }
    }
    match summarize(&input.text, &options) {
        Ok(summary) => {
            assert!(options.validate().is_ok());
            assert!(input.text.len() <= options.max_input_bytes);
            invariants::check_summary(&input.text, &options, &summary);
        }
        Err(Error::InputTooLarge { bytes, limit }) => {
            assert_eq!((bytes, limit), (input.text.len(), options.max_input_bytes));
            assert!(bytes > limit);
        }
        Err(error) => {
            let message = error.to_string();
            assert!(options.validate().is_err(), "summarize failed with valid options: {message}");
            assert!(message.contains('`'), "the error does not name an option: {message}");
        }
    }
});
