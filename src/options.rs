//! Options with their defaults in one place, their validation in one function, and the error type.
//!
//! Rust callers fill [`Options`] directly; JavaScript, the CLI and JSON lines set them by name through
//! [`Options::set`], so every front end reports a bad option with the same message.

use std::fmt;

pub use crate::score::Weights;

/// How the summary treats sentences that carry direct quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuotePreference {
    /// Favour quoted sentences.
    Prefer,
    /// Score quoted sentences like any other (the default).
    #[default]
    Allow,
    /// Leave quoted sentences out unless nothing else is left.
    Avoid,
}

/// What to summarize and how long the summary should be.
///
/// At most one of `sentences`, `ratio` and `words` may be set; with none set the summary has
/// [`Options::DEFAULT_SENTENCES`] sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Number of summary sentences (1 to 10,000).
    pub sentences: Option<usize>,
    /// Share of the article's sentences to keep, above 0 and at most 1 (at least one sentence is kept).
    pub ratio: Option<f64>,
    /// Word budget: the best sentences that fit within this many words (at least one sentence is kept).
    pub words: Option<usize>,
    /// How quoted sentences are treated.
    pub quotes: QuotePreference,
    /// Weights of the sentence features (see [`Weights`]).
    pub weights: Weights,
    /// Inputs longer than this many UTF-8 bytes are refused with [`Error::InputTooLarge`]. Default 32 MiB.
    pub max_input_bytes: usize,
}

impl Options {
    /// Summary length when no length option is given.
    pub const DEFAULT_SENTENCES: usize = 3;
    /// Largest accepted `sentences`.
    pub const MAX_SENTENCES: usize = 10_000;
    /// Largest accepted `words`.
    pub const MAX_WORDS: usize = 10_000_000;
    /// Default of [`Options::max_input_bytes`].
    pub const DEFAULT_MAX_INPUT_BYTES: usize = 32 << 20;
    /// Largest accepted `max_input_bytes`: 1 GiB, beyond what a browser tab holds.
    pub const MAX_MAX_INPUT_BYTES: usize = 1 << 30;

    /// Checks every option's range and that at most one length option is set.
    pub fn validate(&self) -> Result<(), Error> {
        if let Some(n) = self.sentences {
            if n == 0 || n > Self::MAX_SENTENCES {
                return Err(refuse("sentences", &["must be a whole number from 1 to ", &decimal(Self::MAX_SENTENCES), ", got ", &decimal(n)]));
            }
        }
        if let Some(r) = self.ratio {
            if !(r > 0.0 && r <= 1.0) {
                return Err(refuse("ratio", &["must be a number above 0 and at most 1, got ", &describe_number(r)]));
            }
        }
        if let Some(w) = self.words {
            if w == 0 || w > Self::MAX_WORDS {
                return Err(refuse("words", &["must be a whole number from 1 to ", &decimal(Self::MAX_WORDS), ", got ", &decimal(w)]));
            }
        }
        // The second length option set is the one refused, named against the first.
        let (first, second) = match (self.sentences.is_some(), self.ratio.is_some(), self.words.is_some()) {
            (true, true, _) => ("sentences", "ratio"),
            (true, false, true) => ("sentences", "words"),
            (false, true, true) => ("ratio", "words"),
            _ => ("", ""),
        };
        if !first.is_empty() {
            return Err(refuse(second, &["cannot be combined with `", first, "`: give one summary length"]));
        }
        if self.max_input_bytes == 0 || self.max_input_bytes > Self::MAX_MAX_INPUT_BYTES {
            return Err(refuse("maxInputBytes", &["must be a whole number from 1 to ", &decimal(Self::MAX_MAX_INPUT_BYTES), ", got ", &decimal(self.max_input_bytes)]));
        }
        self.weights.validate()
    }

    /// Sets the option called `name` (the JavaScript spelling: `sentences`, `ratio`, `words`, `quotes`,
    /// `maxInputBytes`, or `weights.<feature>`) from a loosely typed value, as JavaScript and JSON give them.
    /// A null value leaves the option at its default.
    pub fn set(&mut self, name: &str, value: &OptionValue) -> Result<(), Error> {
        if matches!(value, OptionValue::Null) {
            return Ok(());
        }
        match name {
            "sentences" => self.sentences = Some(whole_number("sentences", value)?),
            "ratio" => self.ratio = Some(number("ratio", value)?),
            "words" => self.words = Some(whole_number("words", value)?),
            "maxInputBytes" | "max_input_bytes" => self.max_input_bytes = whole_number("maxInputBytes", value)?,
            // An object of weights arrives feature by feature (`weights.position`); anything else in its place
            // is a wrong type, not an unknown option.
            "weights" => return Err(refuse("weights", &["must be an object such as { position: 2 }, got ", &value.describe()])),
            "quotes" => {
                self.quotes = match value {
                    OptionValue::Text(t) if t == "prefer" => QuotePreference::Prefer,
                    OptionValue::Text(t) if t == "allow" => QuotePreference::Allow,
                    OptionValue::Text(t) if t == "avoid" => QuotePreference::Avoid,
                    other => return Err(refuse("quotes", &["must be \"prefer\", \"allow\" or \"avoid\", got ", &other.describe()])),
                }
            }
            _ => match name.strip_prefix("weights.") {
                Some(feature) => {
                    let weight = number(name, value)?;
                    self.weights.set(feature, weight)?;
                }
                None => return Err(refuse(name, &["is not an option of nutshell (known: sentences, ratio, words, quotes, maxInputBytes, weights)"])),
            },
        }
        Ok(())
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            sentences: None,
            ratio: None,
            words: None,
            quotes: QuotePreference::default(),
            weights: Weights::default(),
            max_input_bytes: Self::DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// A loosely typed option value, as JavaScript objects, JSON and command lines carry them.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// `null` or `undefined`: keep the default.
    Null,
    /// A number (JavaScript numbers are doubles; NaN and infinities included).
    Number(f64),
    /// A string.
    Text(String),
    /// `true` or `false`.
    Bool(bool),
    /// Anything else, named by its type ("object", "array", …).
    Other(String),
}

impl OptionValue {
    fn describe(&self) -> String {
        match self {
            OptionValue::Null => "null".to_string(),
            OptionValue::Number(n) => describe_number(*n),
            OptionValue::Text(t) => ["the string ", &quoted(t)].concat(),
            OptionValue::Bool(b) => b.to_string(),
            OptionValue::Other(kind) => ["a value of type ", kind].concat(),
        }
    }
}

fn number(name: &str, value: &OptionValue) -> Result<f64, Error> {
    match value {
        OptionValue::Number(n) if n.is_finite() => Ok(*n),
        OptionValue::Number(n) => Err(refuse(name, &["must be a finite number, got ", &describe_number(*n)])),
        other => Err(refuse(name, &["must be a number, got ", &other.describe()])),
    }
}

fn whole_number(name: &str, value: &OptionValue) -> Result<usize, Error> {
    let n = number(name, value)?;
    if n.fract() != 0.0 || n < 1.0 {
        return Err(refuse(name, &["must be a whole number of at least 1, got ", &describe_number(n)]));
    }
    if n > usize::MAX as f64 / 2.0 {
        return Err(refuse(name, &["is too large: ", &describe_number(n)]));
    }
    Ok(n as usize)
}

/// `text` in double quotes, escaped as `format!("{text:?}")` escapes it: each character as `char::escape_debug`
/// has it, but for the single quote, which a string's `Debug` leaves as it is. Written out because `str`'s `Debug`
/// was about 900 B of the .wasm, for nothing but this message.
fn quoted(text: &str) -> String {
    let mut quoted = String::from('"');
    for c in text.chars() {
        if c == '\'' {
            quoted.push(c);
        } else {
            quoted.extend(c.escape_debug());
        }
    }
    quoted.push('"');
    quoted
}

/// `n` in decimal digits, written as a `u64`: the one integer type the messages print, whose `to_string` the
/// .wasm carries anyway (a `usize`'s of its own was 71 B more gzipped).
fn decimal(n: usize) -> String {
    (n as u64).to_string()
}

/// A number as error messages show it: "2.5", "-1", "0.000001", "1.5e-9", "1e+300", "NaN", "inf".
///
/// Written by hand because Rust's own float formatting (`format!("{n}")`, core's shortest-digits machinery)
/// costs about 15 KB of the .wasm, for nothing but these messages. Six significant decimals are plenty to
/// recognise the value one typed; exact digits of every double are not the point here.
pub(crate) fn describe_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".to_string();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let magnitude = n.abs();
    if magnitude.is_infinite() {
        return [sign, "inf"].concat();
    }
    if magnitude == 0.0 || (1e-6..1e15).contains(&magnitude) {
        return [sign, &fixed_point(magnitude, 6)].concat();
    }
    // Scientific notation for the very large and the very small: a mantissa from 1 to 10 and a power of ten.
    let mut mantissa = magnitude;
    let mut exponent = 0i32;
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    while mantissa < 1.0 {
        mantissa *= 10.0;
        exponent -= 1;
    }
    let mut digits = fixed_point(mantissa, 5);
    if digits == "10" {
        digits = "1".to_string();
        exponent += 1;
    }
    let exponent_sign = if exponent < 0 { "-" } else { "+" };
    [sign, &digits, "e", exponent_sign, &u64::from(exponent.unsigned_abs()).to_string()].concat()
}

/// `value` (at least 0, below 1e15) with at most `decimals` digits after the point, trailing zeros dropped.
fn fixed_point(value: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let mut whole = value.trunc() as u64;
    let mut fraction = ((value - value.trunc()) * scale as f64).round() as u64;
    if fraction >= scale {
        whole += 1;
        fraction -= scale;
    }
    if fraction == 0 {
        return whole.to_string();
    }
    // Zero-padded to `decimals` digits (below `scale`, the fraction has at most that many).
    let digits = fraction.to_string();
    let mut text = whole.to_string();
    text.push('.');
    for _ in digits.len()..decimals as usize {
        text.push('0');
    }
    text.push_str(digits.trim_end_matches('0'));
    text
}

/// Everything that can go wrong: an option out of range or an input over the size limit. Nothing else fails —
/// any text, however strange, gets a result.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// An option has a wrong type or value; the message says which option and why.
    InvalidOption {
        /// The option's name as JavaScript spells it.
        option: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The input is longer than `maxInputBytes`.
    InputTooLarge {
        /// The input's length in UTF-8 bytes.
        bytes: usize,
        /// The limit in force.
        limit: usize,
    },
}

impl Error {
    pub(crate) fn invalid(option: &str, reason: String) -> Self {
        Error::InvalidOption { option: option.to_string(), reason }
    }
}

/// The error for `option`, its reason in pieces: one call where each `format!` of a message was code of its own
/// (the messages are cold, read once per call; this form is smaller in the .wasm).
fn refuse(option: &str, reason: &[&str]) -> Error {
    Error::invalid(option, reason.concat())
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidOption { option, reason } => write!(f, "invalid option `{option}`: {reason}"),
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "the text is too long: {bytes} bytes, over the limit of {limit} (raise the `maxInputBytes` option to allow it)"
            ),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_options_name_the_option() {
        let cases: Vec<(&str, OptionValue)> = vec![
            ("sentences", OptionValue::Number(-1.0)),
            ("sentences", OptionValue::Number(f64::NAN)),
            ("sentences", OptionValue::Number(2.5)),
            ("sentences", OptionValue::Text("x".into())),
            ("ratio", OptionValue::Number(2.0)),
            ("words", OptionValue::Bool(true)),
            ("quotes", OptionValue::Text("sometimes".into())),
        ];
        for (name, value) in cases {
            let mut options = Options::default();
            let error = options.set(name, &value).and_then(|_| options.validate()).unwrap_err();
            assert!(error.to_string().contains(&format!("`{name}`")), "{error}");
        }
    }

    #[test]
    fn numbers_in_messages_read_as_typed() {
        let cases = [
            (2.5, "2.5"),
            (-1.0, "-1"),
            (0.0, "0"),
            (3.0, "3"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.333333"),
            (0.999_999_9, "1"),
            (1e-6, "0.000001"),
            (1.5e-9, "1.5e-9"),
            (1e300, "1e+300"),
            (-2.5e20, "-2.5e+20"),
            (123_456_789.0, "123456789"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (n, want) in cases {
            assert_eq!(describe_number(n), want, "{n:?}");
        }
        let error = Options::default().set("ratio", &OptionValue::Number(2.5)).and_then(|_| Options { ratio: Some(2.5), ..Options::default() }.validate());
        assert!(error.unwrap_err().to_string().ends_with("got 2.5"));
    }

    #[test]
    fn strings_in_messages_are_quoted_as_debug_quotes_them() {
        for text in ["", "prefer", "it's", "say \"no\"", "a\\b", "tab\there\n", "\u{301}e\u{301}", "\u{200b}\u{7f}\u{0}", "日本 ☃ 🎉", "\u{e000}\u{10ffff}"] {
            assert_eq!(quoted(text), format!("{text:?}"));
        }
    }

    /// The defaults are valid: the Wasm binding does not check them when no option is given.
    #[test]
    fn the_defaults_are_valid() {
        assert!(Options::default().validate().is_ok());
    }

    #[test]
    fn combined_lengths_are_refused() {
        let options = Options { sentences: Some(3), ratio: Some(0.5), ..Options::default() };
        assert!(options.validate().unwrap_err().to_string().contains("`ratio`"));
    }

    #[test]
    fn unknown_options_are_refused() {
        let error = Options::default().set("sentence", &OptionValue::Number(3.0)).unwrap_err();
        assert!(error.to_string().contains("`sentence`"));
    }
}
