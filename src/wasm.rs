//! The JavaScript binding: the only module that knows about wasm-bindgen.
//!
//! Options arrive as a plain JavaScript object and are read property by property, so a wrong type or value
//! becomes an `Error` that names the option. Results leave as plain objects (not class handles), built field by
//! field with setters typed for numbers and strings ([`Fields`]): the same objects serde-wasm-bindgen's
//! JSON-compatible serializer made, with about 9 KB less of the .wasm (2.6 KB gzipped) and one call into
//! JavaScript per field instead of two (a number no longer becomes a JavaScript value before it is set).
//!
//! Why not JSON text and `JSON.parse` (CONVENTIONS: measure both, keep the faster)? Measured on the 75
//! CNN/DailyMail dev articles, best of 10 rounds in Node, over the summary alone (≈ 139 ms in all): building the
//! objects field by field costs ≈ 14 ms, a hand-written JSON writer ≈ 11 ms plus ≈ 11 ms to decode and parse its
//! text — the features make the JSON 6 times the size of the input. Field by field stays.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{Features, OptionValue, Options, Person, Quote, Removed, Segmentation, Sentence, Summary, TextSpan};

/// Installs the panic hook once, when the module is instantiated: a panic — which the core is built never to
/// raise — would then be reported on the console with its message instead of an opaque trap.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Summarizes `text`. `options` is an optional object: `{ sentences, ratio, words, quotes, maxInputBytes,
/// weights }`.
#[wasm_bindgen(js_name = summarize)]
pub fn summarize(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = read_text(&text)?;
    let options = read_options(&options)?;
    let fields = Fields::new();
    // Each sentence becomes a JavaScript object as soon as it is made: the whole list of them never sits in
    // linear memory (on a 10 MB text it would be 27 MB more at the peak).
    let sentences = List::new();
    let summary = crate::summarize_with(&text, &options, &mut |built| {
        for sentence in built {
            sentences.push(&fields.sentence(&sentence));
        }
    })
    .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(fields.summary(&summary, &sentences))
}

/// Splits `text` into sentences after removing site chrome.
#[wasm_bindgen(js_name = split)]
pub fn split(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = read_text(&text)?;
    let options = read_options(&options)?;
    let segmentation = crate::split(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Fields::new().segmentation(&segmentation))
}

/// The version of nutshell.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[wasm_bindgen]
extern "C" {
    // Objects and arrays filled with setters typed for each kind of value, so a number or a string crosses as
    // itself: no JavaScript value is made for it first.
    #[wasm_bindgen(js_name = Object)]
    type Record;
    #[wasm_bindgen(constructor, js_class = "Object")]
    fn new() -> Record;
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_number(this: &Record, key: &JsValue, value: f64);
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_string(this: &Record, key: &JsValue, value: &str);
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_value(this: &Record, key: &JsValue, value: &JsValue);
    #[wasm_bindgen(js_name = Array)]
    type List;
    #[wasm_bindgen(constructor, js_class = "Array")]
    fn new() -> List;
    #[wasm_bindgen(method, js_name = push)]
    fn push(this: &List, value: &JsValue);
    #[wasm_bindgen(method, js_name = push)]
    fn push_number(this: &List, value: f64);
    #[wasm_bindgen(method, js_name = push)]
    fn push_string(this: &List, value: &str);
}

/// The result's field names as JavaScript strings, made once per call rather than once per field.
struct Fields {
    text: JsValue,
    start: JsValue,
    end: JsValue,
    start16: JsValue,
    end16: JsValue,
    paragraph: JsValue,
    score: JsValue,
    features: JsValue,
    contributions: JsValue,
    feature_names: Vec<JsValue>,
    name: JsValue,
    aliases: JsValue,
    mentions: JsValue,
    role: JsValue,
    first: JsValue,
    first16: JsValue,
    spans: JsValue,
    quotes: JsValue,
    speaker: JsValue,
    sentence: JsValue,
    reason: JsValue,
    title: JsValue,
    authors: JsValue,
    sentences: JsValue,
    summary: JsValue,
    people: JsValue,
    removed: JsValue,
}

fn strings(items: &[String]) -> List {
    let array = List::new();
    for item in items {
        array.push_string(item);
    }
    array
}

fn objects<T>(items: &[T], mut object: impl FnMut(&T) -> Record) -> List {
    let array = List::new();
    for item in items {
        array.push(&object(item));
    }
    array
}

fn set_optional_string(target: &Record, key: &JsValue, value: Option<&str>) {
    match value {
        Some(value) => target.set_string(key, value),
        None => target.set_value(key, &JsValue::NULL),
    }
}

// The objects JavaScript receives: the fields of the result types in their declaration order (a span's fields
// first where a type carries one), as the CLI's JSON has them.
impl Fields {
    fn new() -> Self {
        let key = JsValue::from_str;
        Fields {
            text: key("text"),
            start: key("start"),
            end: key("end"),
            start16: key("start16"),
            end16: key("end16"),
            paragraph: key("paragraph"),
            score: key("score"),
            features: key("features"),
            contributions: key("contributions"),
            feature_names: Features::NAMES.iter().map(|name| key(name)).collect(),
            name: key("name"),
            aliases: key("aliases"),
            mentions: key("mentions"),
            role: key("role"),
            first: key("first"),
            first16: key("first16"),
            spans: key("spans"),
            quotes: key("quotes"),
            speaker: key("speaker"),
            sentence: key("sentence"),
            reason: key("reason"),
            title: key("title"),
            authors: key("authors"),
            sentences: key("sentences"),
            summary: key("summary"),
            people: key("people"),
            removed: key("removed"),
        }
    }

    fn span(&self, span: &TextSpan) -> Record {
        let object = Record::new();
        object.set_string(&self.text, &span.text);
        object.set_number(&self.start, span.start as f64);
        object.set_number(&self.end, span.end as f64);
        object.set_number(&self.start16, span.start16 as f64);
        object.set_number(&self.end16, span.end16 as f64);
        object
    }

    fn features(&self, features: &Features) -> Record {
        let object = Record::new();
        for (name, value) in self.feature_names.iter().zip(features.values()) {
            object.set_number(name, value);
        }
        object
    }

    fn sentence(&self, sentence: &Sentence) -> Record {
        let object = self.span(&sentence.span);
        object.set_number(&self.paragraph, sentence.paragraph as f64);
        object.set_number(&self.score, sentence.score);
        object.set_value(&self.features, &self.features(&sentence.features));
        object.set_value(&self.contributions, &self.features(&sentence.contributions));
        object
    }

    fn person(&self, person: &Person) -> Record {
        let object = Record::new();
        object.set_string(&self.name, &person.name);
        object.set_value(&self.aliases, &strings(&person.aliases));
        object.set_number(&self.mentions, person.mentions as f64);
        set_optional_string(&object, &self.role, person.role.as_deref());
        object.set_number(&self.first, person.first as f64);
        object.set_number(&self.first16, person.first16 as f64);
        object.set_value(&self.spans, &objects(&person.spans, |span| self.span(span)));
        object.set_value(&self.quotes, &objects(&person.quotes, |span| self.span(span)));
        object
    }

    fn quote(&self, quote: &Quote) -> Record {
        let object = self.span(&quote.span);
        match quote.speaker {
            Some(speaker) => object.set_number(&self.speaker, speaker as f64),
            None => object.set_value(&self.speaker, &JsValue::NULL),
        }
        object.set_number(&self.sentence, quote.sentence as f64);
        object
    }

    fn removed(&self, removed: &Removed) -> Record {
        let object = self.span(&removed.span);
        object.set_string(&self.reason, &removed.reason);
        object
    }

    /// The summary object; its sentences are already JavaScript objects, in `sentences`.
    fn summary(&self, summary: &Summary, sentences: &List) -> JsValue {
        let object = Record::new();
        set_optional_string(&object, &self.title, summary.title.as_deref());
        object.set_value(&self.authors, &strings(&summary.authors));
        object.set_value(&self.sentences, sentences);
        let chosen = List::new();
        for &index in &summary.summary {
            chosen.push_number(index as f64);
        }
        object.set_value(&self.summary, &chosen);
        object.set_value(&self.people, &objects(&summary.people, |p| self.person(p)));
        object.set_value(&self.quotes, &objects(&summary.quotes, |q| self.quote(q)));
        object.set_value(&self.removed, &objects(&summary.removed, |r| self.removed(r)));
        object.into()
    }

    fn segmentation(&self, segmentation: &Segmentation) -> JsValue {
        let object = Record::new();
        set_optional_string(&object, &self.title, segmentation.title.as_deref());
        object.set_value(&self.sentences, &objects(&segmentation.sentences, |s| self.span(s)));
        object.set_value(&self.removed, &objects(&segmentation.removed, |r| self.removed(r)));
        object.into()
    }
}

/// The text argument as Rust text. wasm-bindgen's `&str` glue assumes a string: given a number, a boolean or an
/// object it writes out of bounds and the module traps. Anything but a string is a clear error here. Lone
/// surrogates become U+FFFD, one UTF-16 unit for one, so UTF-16 offsets still index the caller's string.
fn read_text(text: &JsValue) -> Result<String, JsError> {
    text.as_string().ok_or_else(|| {
        let kind = if text.is_null() { "null".to_string() } else { text.js_typeof().as_string().unwrap_or_default() };
        JsError::new(&format!("the text must be a string, got {kind}"))
    })
}

#[wasm_bindgen]
extern "C" {
    // `Object.keys` and `Array.isArray` that return what they throw (a Proxy's trap, a revoked Proxy) instead of
    // letting it unwind through Wasm frames: that skips every destructor and the shadow-stack reset, so each
    // such call leaked (20,000 grew the memory from 2 MB to 1.2 GB) until the module read out of bounds.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(object: &JsValue) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

fn read_options(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    let unreadable = |_| JsError::new("invalid options: their keys cannot be read");
    if !value.is_object() || is_array(value).map_err(unreadable)? {
        return Err(JsError::new("invalid options: expected an object such as { sentences: 3 }"));
    }
    let object = Object::from(value.clone());
    for key in object_keys(&object).map_err(unreadable)?.iter() {
        let name = key.as_string().unwrap_or_default();
        let field = Reflect::get(&object, &key).unwrap_or(JsValue::UNDEFINED);
        if name == "weights" && field.is_object() {
            let weights = Object::from(field);
            for feature in object_keys(&weights).map_err(unreadable)?.iter() {
                let feature_name = feature.as_string().unwrap_or_default();
                let weight = Reflect::get(&weights, &feature).unwrap_or(JsValue::UNDEFINED);
                options.set(&format!("weights.{feature_name}"), &option_value(&weight)).map_err(|e| JsError::new(&e.to_string()))?;
            }
            continue;
        }
        options.set(&name, &option_value(&field)).map_err(|e| JsError::new(&e.to_string()))?;
    }
    options.validate().map_err(|e| JsError::new(&e.to_string()))?;
    Ok(options)
}

fn option_value(value: &JsValue) -> OptionValue {
    if value.is_undefined() || value.is_null() {
        OptionValue::Null
    } else if let Some(n) = value.as_f64() {
        OptionValue::Number(n)
    } else if let Some(s) = value.as_string() {
        OptionValue::Text(s)
    } else if let Some(b) = value.as_bool() {
        OptionValue::Bool(b)
    } else {
        OptionValue::Other(value.js_typeof().as_string().unwrap_or_else(|| "unknown".to_string()))
    }
}
