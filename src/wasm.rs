//! The JavaScript binding: the only module that knows about wasm-bindgen.
//!
//! Options arrive as a plain JavaScript object and are read property by property, so a wrong type or value
//! becomes an `Error` that names the option. Results leave as plain objects (not class handles) through
//! serde-wasm-bindgen's JSON-compatible serializer.
//!
//! Why not JSON text and `JSON.parse` (CONVENTIONS: measure both, keep the faster)? The benchmark (`bench/`)
//! measured both on the 75 CNN/DailyMail dev articles, as CPU time per article over the summary alone: building
//! the object field by field cost 0.31 ms, serde_json text plus `JSON.parse` 0.42 ms (serializing 0.12 ms,
//! decoding and parsing 0.30 ms), against 1.27 ms for the summary itself (opt-level "s"; at "z" 0.34 against
//! 0.63 ms). Field by field is both faster and cheaper than the summary, so it stays; it also keeps serde_json
//! (and a float formatter) out of the .wasm.

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{OptionValue, Options};

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
    let summary = crate::summarize(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&summary)
}

/// Splits `text` into sentences after removing site chrome.
#[wasm_bindgen(js_name = split)]
pub fn split(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = read_text(&text)?;
    let options = read_options(&options)?;
    let segmentation = crate::split(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&segmentation)
}

/// The version of nutshell.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the result: {e}")))
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
