// Loads the real, optimised .wasm that scripts/build.sh wrote to pkg/, the way Node users load it: read the
// bytes and instantiate synchronously (wasm-bindgen's web glue would `fetch` a file: URL, which Node refuses).

import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const wasmPath = `${repoRoot}pkg/nutshell_bg.wasm`;

if (!existsSync(wasmPath)) {
  throw new Error(`${wasmPath} is missing: build it first (bash scripts/build.sh, or npm run build)`);
}

const nutshell = await import(`${repoRoot}pkg/nutshell.js`);

/** The module's exports, with `memory` (the Wasm linear memory) among them. */
export const exports = nutshell.initSync({ module: readFileSync(wasmPath) });
export const { summarize, split, version } = nutshell;

/** A fixture's input text and (when present) its expected.json. */
export function fixture(name) {
  const dir = `${repoRoot}tests/fixtures/${name}/`;
  const text = readFileSync(`${dir}input.txt`, "utf8");
  const expected = existsSync(`${dir}expected.json`) ? JSON.parse(readFileSync(`${dir}expected.json`, "utf8")) : null;
  return { text, expected };
}

/**
 * Every span in a result, with a label saying where it came from: sentences, quotes, removed chrome, and each
 * person's quotes. Spans carry `text`, `start`/`end` (UTF-8 bytes) and `start16`/`end16` (UTF-16 units).
 */
export function spansOf(result) {
  const spans = [];
  result.sentences.forEach((s, i) => spans.push([`sentences[${i}]`, s]));
  result.quotes.forEach((q, i) => spans.push([`quotes[${i}]`, q]));
  result.removed.forEach((r, i) => spans.push([`removed[${i}]`, r]));
  result.people.forEach((p, i) => p.quotes.forEach((q, j) => spans.push([`people[${i}].quotes[${j}]`, q])));
  return spans;
}
