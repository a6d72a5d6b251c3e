// Bad input only JavaScript can send, through the real .wasm: strings that are not valid UTF-16 (lone
// surrogates), a text that is not a string, options of every wrong type, options that throw when read. Each
// gives a result or an Error that says what is wrong — never a trap, never a leak, and the module keeps working.

import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { exports, fixture, spansOf, split, summarize } from "./load.mjs";

const { text: seed } = fixture("seed");
const seedResult = JSON.stringify(summarize(seed));

/** `text` with every lone surrogate replaced by U+FFFD, as TextEncoder (and so the .wasm) sees it. */
const wellFormed = (text) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** The module still gives the seed's result, unchanged: no state was corrupted by what came before. */
function assertStillWorks() {
  assert.equal(JSON.stringify(summarize(seed)), seedResult, "the seed's result changed after bad input");
}

/** Calls `f` after a warm-up, `times` more times, and asserts that the Wasm memory did not grow. */
function assertFlatMemory(label, f, times = 2000) {
  for (let i = 0; i < 200; i++) f(i);
  const warm = exports.memory.buffer.byteLength;
  for (let i = 0; i < times; i++) f(i);
  const after = exports.memory.buffer.byteLength;
  assert.equal(after, warm, `${label}: linear memory grew from ${warm} to ${after} bytes over ${times} calls`);
}

const loneSurrogates = [
  "Mayor Anna Kowalska \uD800 opened the bridge. It cost \uDC00 $12m.",
  "\uD83D Anna Kowalska opened the bridge. \u201CIt is great,\u201D Kowalska said.\uDE00",
  "\uDC00\uD800 reversed pair. Anna Kowalska said so. The bridge opened \uD83D.",
  "\uD800\uD800\uD800. \uDFFF\uDFFF. Anna Kowalska spoke.\uD800",
  "\uD800",
  "\uDC00".repeat(1000),
];

test("lone surrogates: a result whose spans index the caller's own string", () => {
  for (const text of loneSurrogates) {
    const result = summarize(text);
    const clean = wellFormed(text);
    const bytes = Buffer.from(clean, "utf8"); // U+FFFD is what the .wasm saw: 3 bytes, 1 UTF-16 unit, like a surrogate
    const spans = spansOf(result);
    result.people.forEach((p, i) => p.spans.forEach((s, j) => spans.push([`people[${i}].spans[${j}]`, s])));
    for (const [where, span] of spans) {
      // The text is the caller's own slice, lone surrogates kept; the UTF-8 offsets index what the .wasm saw.
      assert.equal(text.slice(span.start16, span.end16), span.text, `${JSON.stringify(text)} ${where}: start16/end16`);
      assert.equal(bytes.subarray(span.start, span.end).toString("utf8"), wellFormed(span.text), `${JSON.stringify(text)} ${where}: start/end`);
    }
    assert.deepEqual(split(text).sentences.map((s) => s.text), result.sentences.map((s) => s.text));
  }
  assert.ok(summarize(loneSurrogates[0]).people.some((p) => p.name === "Anna Kowalska"), "names around a lone surrogate are found");
  assertStillWorks();
});

test("a text that is not a string throws an Error that says so (no trap), for summarize and split", () => {
  const notStrings = [123, 0, NaN, null, undefined, true, {}, [], ["a"], new String("Anna spoke."), Symbol("text"), 10n, () => "text", new Uint8Array([65, 66])];
  for (const value of notStrings) {
    for (const f of [summarize, split]) {
      assert.throws(() => f(value), (error) => {
        assert.ok(error instanceof Error, `${f.name}(${typeof value}) threw a non-Error: ${error}`);
        assert.doesNotMatch(error.message, /memory access|unreachable|out of bounds/, "a trap, not a clear error");
        assert.match(error.message, /text must be a string/, `${f.name}(${typeof value}): ${error.message}`);
        return true;
      });
    }
  }
  assertStillWorks();
});

test("wrong-typed and out-of-range options throw an Error that names the option", () => {
  const wrong = ["3", "", [3], {}, { valueOf: () => 3 }, new Number(3), true, false, NaN, Infinity, -Infinity, -1, 0, 2.5, 1e300, -1e300, 10n, Symbol("x"), () => 3];
  for (const name of ["sentences", "words", "maxInputBytes"]) {
    for (const value of wrong) assertNamed({ [name]: value }, name);
  }
  for (const value of ["0.5", [0.5], {}, true, NaN, Infinity, -0.5, 0, 1.5, 1e300, 1n, Symbol("r")]) assertNamed({ ratio: value }, "ratio");
  for (const value of [1, true, "PREFER", "sometimes", "", [], {}, NaN, 1n]) assertNamed({ quotes: value }, "quotes");
  for (const value of ["heavy", 2, true, NaN]) assertNamed({ weights: value }, "weights");
  for (const value of [NaN, Infinity, 1e300, -1e300, "1", true, [], 1n]) assertNamed({ weights: { position: value } }, "weights.position");
  assertNamed({ weights: { nothing: 1 } }, "weights.nothing");
  assertNamed({ weights: [1, 2] }, "weights.0");
  assertNamed({ sentences: 3, ratio: 0.5 }, "ratio");
  assertNamed({ sentence: 3 }, "sentence");
  // The options argument itself of the wrong type.
  for (const options of ["sentences", 3, true, [1], 3n, Symbol("o"), () => ({})]) {
    assert.throws(() => summarize(seed, options), /invalid options/, `options = ${typeof options}`);
  }
  // Null and undefined values keep the defaults.
  assert.equal(summarize(seed, { sentences: null, ratio: undefined, weights: null }).summary.length, 3);
  assertStillWorks();
});

function assertNamed(options, name) {
  const label = inspect(options);
  for (const f of [summarize, split]) {
    assert.throws(() => f(seed, options), (error) => {
      assert.ok(error instanceof Error, `${label} threw a non-Error: ${String(error)}`);
      assert.ok(error.message.includes(`\`${name}\``), `${f.name} ${label}: the message does not name \`${name}\`: ${error.message}`);
      return true;
    });
  }
}

test("options that throw when read give an Error, leak nothing, and the module keeps working", () => {
  const throwingKeys = new Proxy({}, { ownKeys() { throw new Error("ownKeys trap"); } });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const throwingWeights = { weights: new Proxy({}, { ownKeys() { throw new Error("ownKeys trap"); } }) };
  for (const options of [throwingKeys, revoked, throwingWeights]) {
    assert.throws(() => summarize(seed, options), /invalid options/);
  }
  // A getter that throws is read as absent (the default applies).
  assert.equal(summarize(seed, { get sentences() { throw new Error("getter"); } }).summary.length, 3);
  // Before the fix each of these unwound through Wasm frames: 20,000 of them grew memory to 1.2 GB.
  assertFlatMemory("throwing options", (i) => assert.throws(() => summarize(seed.slice(0, 300), [throwingKeys, revoked, throwingWeights][i % 3])));
  assertStillWorks();
});

test("JS-only bad input, called over and over, leaves the Wasm memory flat", () => {
  const calls = [
    () => summarize(loneSurrogates[1]),
    () => split(loneSurrogates[2]),
    () => assert.throws(() => summarize(12345)),
    () => assert.throws(() => summarize({ text: seed })),
    () => assert.throws(() => summarize(seed, { sentences: 10n })),
    () => assert.throws(() => summarize(seed, { weights: { position: Symbol("w") } })),
    () => assert.throws(() => summarize(seed, { sentences: "3" })),
  ];
  assertFlatMemory("bad input", (i) => calls[i % calls.length](), 3000);
  assertStillWorks();
});

test("maxInputBytes counts UTF-8 bytes of the string as the .wasm receives it", () => {
  const emoji = "😀".repeat(1000); // 2,000 UTF-16 units, 4,000 bytes
  assert.throws(() => summarize(emoji, { maxInputBytes: 3999 }), /maxInputBytes/);
  assert.doesNotThrow(() => summarize(emoji, { maxInputBytes: 4000 }));
  const lone = "\uD800".repeat(1000); // each becomes U+FFFD: 3,000 bytes
  assert.throws(() => summarize(lone, { maxInputBytes: 2999 }), /maxInputBytes/);
  assert.doesNotThrow(() => summarize(lone, { maxInputBytes: 3000 }));
});

test("a text of more UTF-16 units than maxInputBytes is refused with its UTF-8 length, and memory does not grow", () => {
  // 2,000 × "é" (2 bytes each), 10 × "😀" (2 units, 4 bytes), a lone surrogate (3 bytes as U+FFFD): 2,021 units
  // and 4,043 bytes, counted by hand.
  const mixed = "é".repeat(2000) + "😀".repeat(10) + "\uD800";
  assert.throws(() => summarize(mixed, { maxInputBytes: 1000 }), /too long: 4043 bytes, over the limit of 1000/);
  assert.throws(() => split(mixed, { maxInputBytes: 1000 }), /too long: 4043 bytes, over the limit of 1000/);
  // Options are still checked first, as the core checks them before the length.
  assert.throws(() => summarize(mixed, { maxInputBytes: 0 }), /maxInputBytes/);
  assert.throws(() => summarize(mixed, { maxInputBytes: 1000, sentences: 0 }), /sentences/);
  // 40 million units over the default limit of 32 MiB: refused without three bytes a unit reserved for it.
  const before = exports.memory.buffer.byteLength;
  assert.throws(() => summarize("a".repeat(40_000_000)), /too long: 40000000 bytes, over the limit of 33554432/);
  assert.equal(exports.memory.buffer.byteLength, before, "the Wasm memory grew for a text it refused");
  assertStillWorks();
});
