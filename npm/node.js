// nutshell-summarizer for Node.js (18 and later): the same functions as the browser entry (./index.js), with the
// .wasm read from disk. wasm-bindgen's web glue would `fetch` the .wasm, and Node's `fetch` refuses `file:` URLs,
// so this entry reads the bytes and instantiates them synchronously, on first use — `init()` is optional here and
// resolves at once, so code written for the browser runs unchanged.

import { readFileSync } from "node:fs";
import { bindFunctions, glue } from "./api.js";

const wasmUrl = new URL("../pkg/nutshell_bg.wasm", import.meta.url);
let loaded = false;

function ensureLoaded() {
  if (!loaded) initSync(readFileSync(wasmUrl));
}

/**
 * Loads the .wasm now rather than on first use. `input` overrides where it comes from: a path or `file:` URL,
 * a `Response`, bytes, or a compiled `WebAssembly.Module`.
 */
export async function init(input) {
  if (loaded) return;
  let source = await input;
  if (source === undefined || source === null) return ensureLoaded();
  if (typeof source === "string" && source.startsWith("file:")) source = new URL(source);
  if (typeof source === "string" || source instanceof URL) source = readFileSync(source);
  else if (typeof source.arrayBuffer === "function") source = await source.arrayBuffer();
  initSync(source);
}

export default init;

/** Loads the .wasm from bytes or a compiled `WebAssembly.Module`, synchronously. */
export function initSync(module) {
  glue.initSync({ module });
  loaded = true;
}

export const { summarize, split, version } = bindFunctions(ensureLoaded);
