// nutshell-summarizer for browsers and bundlers: `await init()` once, then call `summarize` as often as you like.
//
//   import init, { summarize } from "nutshell-summarizer";
//   await init();
//   const result = summarize(articleText, { sentences: 3 });
//
// `init()` fetches the .wasm that sits beside this package (pkg/nutshell_bg.wasm). The URL is written as
// `new URL("…", import.meta.url)` so that bundlers (Vite, webpack 5, Parcel, esbuild with a file loader) see the
// file, copy it into the build and rewrite the URL; unbundled `<script type="module">` pages resolve it against
// this file's own URL. Node takes ./node.js instead (package.json `exports`, condition "node").

import { bindFunctions, glue } from "./api.js";

let loaded = false;
let loading = null;

/**
 * Loads the .wasm. Resolves when `summarize`, `split` and `version` are ready; calling it again returns the same
 * promise. `input` overrides where the module comes from: a URL or path string, a `Response`, bytes, or a
 * compiled `WebAssembly.Module`.
 */
export function init(input) {
  if (!loading) {
    const source = input ?? new URL("../pkg/nutshell_bg.wasm", import.meta.url);
    loading = glue.default({ module_or_path: source }).then(
      () => {
        loaded = true;
      },
      (error) => {
        loading = null; // let a later call try again (say, after the network came back)
        throw new Error(`nutshell: could not load the .wasm: ${error?.message ?? error}`, { cause: error });
      },
    );
  }
  return loading;
}

export default init;

/** Loads the .wasm from bytes or a compiled `WebAssembly.Module`, synchronously. */
export function initSync(module) {
  glue.initSync({ module });
  loaded = true;
}

function ensureLoaded() {
  if (!loaded) {
    throw new Error("nutshell: the .wasm is not loaded yet: call `await init()` before `summarize`, `split` or `version`");
  }
}

export const { summarize, split, version } = bindFunctions(ensureLoaded);
