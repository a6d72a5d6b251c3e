// The functions every entry point exports, over wasm-bindgen's glue (../pkg/nutshell.js).
//
// The glue's own functions fail with an unhelpful TypeError when they run before the .wasm is instantiated, and
// pass anything that is not a string on to Rust as an empty or mangled text. These wrappers say what went wrong
// in words: "call `await init()` first", "text must be a string, got a number".

import * as glue from "../pkg/nutshell.js";

/**
 * The public functions, each calling `ensureLoaded()` first: the browser entry throws there until `init()` has
 * resolved; the Node entry loads the .wasm synchronously on first use.
 */
export function bindFunctions(ensureLoaded) {
  return {
    summarize(text, options) {
      ensureLoaded();
      return glue.summarize(checkText(text), options);
    },
    split(text, options) {
      ensureLoaded();
      return glue.split(checkText(text), options);
    },
    version() {
      ensureLoaded();
      return glue.version();
    },
  };
}

export { glue };

function checkText(text) {
  if (typeof text === "string") return text;
  const kind = text === null ? "null" : Array.isArray(text) ? "an array" : `a value of type ${typeof text}`;
  throw new TypeError(`nutshell: the text to summarize must be a string, got ${kind}`);
}
