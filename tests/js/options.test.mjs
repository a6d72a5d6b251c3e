// The options' exact error messages, and which of several wrong options is reported: the options object is
// flattened into one string by src/records.js (`flattenOptions`) and set by name in src/wasm.rs, and the messages
// must stay those of src/options.rs, word for word, first wrong option first. Each expected message is written out
// here from src/options.rs and src/score.rs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { split, summarize } from "./load.mjs";

const text = "Hello there. This is a test.";
const known = "(known: sentences, ratio, words, quotes, maxInputBytes, weights)";
const features =
  "(known: position, budget, paragraph, quotes, entities, centrality, coverage, lead, title, length, long, numbers, " +
  "heading, caption, reference, question, speech, chrome)";
const notObject = "invalid options: expected an object such as { sentences: 3 }";
const unreadable = "invalid options: their keys cannot be read";

/** The message `summarize` and `split` both throw for `options`, checked to be the same and an Error's. */
function message(options) {
  const messages = [summarize, split].map((f) => {
    try {
      f(text, options);
    } catch (error) {
      assert.ok(error instanceof Error, `a non-Error thrown: ${error}`);
      return error.message;
    }
    return null;
  });
  assert.equal(messages[0], messages[1]);
  return messages[0];
}

test("each wrong option gives its exact message", () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cases = [
    [{ sentences: 0 }, "invalid option `sentences`: must be a whole number of at least 1, got 0"],
    [{ sentences: -1 }, "invalid option `sentences`: must be a whole number of at least 1, got -1"],
    [{ sentences: 2.5 }, "invalid option `sentences`: must be a whole number of at least 1, got 2.5"],
    [{ sentences: 1 / 3 }, "invalid option `sentences`: must be a whole number of at least 1, got 0.333333"],
    [{ sentences: 1.5e-9 }, "invalid option `sentences`: must be a whole number of at least 1, got 1.5e-9"],
    [{ sentences: NaN }, "invalid option `sentences`: must be a finite number, got NaN"],
    [{ sentences: Infinity }, "invalid option `sentences`: must be a finite number, got inf"],
    [{ sentences: -Infinity }, "invalid option `sentences`: must be a finite number, got -inf"],
    [{ sentences: 2 ** 70 }, "invalid option `sentences`: is too large: 1.18059e+21"],
    [{ sentences: 10001 }, "invalid option `sentences`: must be a whole number from 1 to 10000, got 10001"],
    [{ sentences: "3" }, 'invalid option `sentences`: must be a number, got the string "3"'],
    [{ sentences: 'a"b\\c\nd' }, 'invalid option `sentences`: must be a number, got the string "a\\"b\\\\c\\nd"'],
    [{ sentences: "é😀" }, 'invalid option `sentences`: must be a number, got the string "é😀"'],
    [{ sentences: "\ud800" }, 'invalid option `sentences`: must be a number, got the string "\ufffd"'],
    [{ sentences: true }, "invalid option `sentences`: must be a number, got true"],
    [{ sentences: false }, "invalid option `sentences`: must be a number, got false"],
    [{ sentences: {} }, "invalid option `sentences`: must be a number, got a value of type object"],
    [{ sentences: [3] }, "invalid option `sentences`: must be a number, got a value of type object"],
    [{ sentences: () => 3 }, "invalid option `sentences`: must be a number, got a value of type function"],
    [{ sentences: 3n }, "invalid option `sentences`: must be a number, got a value of type bigint"],
    [{ sentences: Symbol("s") }, "invalid option `sentences`: must be a number, got a value of type symbol"],
    [{ ratio: 0 }, "invalid option `ratio`: must be a number above 0 and at most 1, got 0"],
    [{ ratio: 1.5 }, "invalid option `ratio`: must be a number above 0 and at most 1, got 1.5"],
    [{ ratio: -2.5e20 }, "invalid option `ratio`: must be a number above 0 and at most 1, got -2.5e+20"],
    [{ ratio: "half" }, 'invalid option `ratio`: must be a number, got the string "half"'],
    [{ words: 0 }, "invalid option `words`: must be a whole number of at least 1, got 0"],
    [{ words: 1e7 + 1 }, "invalid option `words`: must be a whole number from 1 to 10000000, got 10000001"],
    [{ quotes: "sometimes" }, 'invalid option `quotes`: must be "prefer", "allow" or "avoid", got the string "sometimes"'],
    [{ quotes: 1 }, 'invalid option `quotes`: must be "prefer", "allow" or "avoid", got 1'],
    [{ quotes: true }, 'invalid option `quotes`: must be "prefer", "allow" or "avoid", got true'],
    [{ maxInputBytes: 0.5 }, "invalid option `maxInputBytes`: must be a whole number of at least 1, got 0.5"],
    [{ maxInputBytes: 2 ** 30 + 1 }, "invalid option `maxInputBytes`: must be a whole number from 1 to 1073741824, got 1073741825"],
    [{ max_input_bytes: 0 }, "invalid option `maxInputBytes`: must be a whole number of at least 1, got 0"],
    [{ weights: 2 }, "invalid option `weights`: must be an object such as { position: 2 }, got 2"],
    [{ weights: "x" }, 'invalid option `weights`: must be an object such as { position: 2 }, got the string "x"'],
    [{ weights: () => 1 }, "invalid option `weights`: must be an object such as { position: 2 }, got a value of type function"],
    [{ weights: { position: "2" } }, 'invalid option `weights.position`: must be a number, got the string "2"'],
    [{ weights: { lead: NaN } }, "invalid option `weights.lead`: must be a finite number, got NaN"],
    [{ weights: { bogus: 1 } }, `invalid option \`weights.bogus\`: is not a feature ${features}`],
    [{ weights: [1] }, `invalid option \`weights.0\`: is not a feature ${features}`],
    [{ weights: { "": 1 } }, `invalid option \`weights.\`: is not a feature ${features}`],
    [{ sentence: 3 }, `invalid option \`sentence\`: is not an option of nutshell ${known}`],
    [{ "": 3 }, `invalid option \`\`: is not an option of nutshell ${known}`],
    [{ "a\nb:3": true }, `invalid option \`a\nb:3\`: is not an option of nutshell ${known}`],
    [{ "\ud800x": 1 }, `invalid option \`\ufffdx\`: is not an option of nutshell ${known}`],
    [{ sentences: 3, ratio: 0.5 }, "invalid option `ratio`: cannot be combined with `sentences`: give one summary length"],
    [{ words: 9, ratio: 0.5, sentences: 3 }, "invalid option `ratio`: cannot be combined with `sentences`: give one summary length"],
    [{ ratio: 0.5, words: 9 }, "invalid option `words`: cannot be combined with `ratio`: give one summary length"],
    // The first wrong option in the object's order is the one reported; range checks come after all are set.
    [{ sentences: 10001, bogus: 1 }, `invalid option \`bogus\`: is not an option of nutshell ${known}`],
    [{ bogus: 1, sentences: "x" }, `invalid option \`bogus\`: is not an option of nutshell ${known}`],
    [{ weights: { bogus: 1 }, sentences: "x" }, `invalid option \`weights.bogus\`: is not a feature ${features}`],
    [{ sentences: "x", weights: revoked.proxy }, 'invalid option `sentences`: must be a number, got the string "x"'],
    [{ weights: revoked.proxy, sentences: "x" }, unreadable],
    [{ weights: { chrome: 1, position: true } }, "invalid option `weights.position`: must be a number, got true"],
    // The options argument itself.
    [3, notObject],
    ["sentences", notObject],
    [true, notObject],
    [3n, notObject],
    [Symbol("o"), notObject],
    [() => ({}), notObject],
    [[1], notObject],
    [new Proxy([], {}), notObject],
    [revoked.proxy, unreadable],
    [new Proxy({}, { ownKeys() { throw new Error("trap"); } }), unreadable],
    [{ weights: new Proxy({}, { ownKeys() { throw new Error("trap"); } }) }, unreadable],
  ];
  for (const [i, [options, expected]] of cases.entries()) {
    assert.equal(message(options), expected, `case ${i}`);
  }
});

test("good options, and options that read as absent, give no error", () => {
  const cases = [
    undefined,
    null,
    {},
    { sentences: null, ratio: undefined, weights: null },
    { sentences: 10000 },
    { ratio: 1 },
    { words: 1e7 },
    { quotes: "prefer" },
    { quotes: "allow" },
    { quotes: "avoid" },
    { maxInputBytes: 2 ** 30 },
    { weights: {} },
    { weights: { position: 2, lead: -0.5, chrome: 0 } },
    { weights: { position: null, lead: undefined } },
    // A weight may also be set by its full name, as the CLI sets it.
    { "weights.position": 2 },
    { [Symbol("x")]: 1 },
    Object.create({ sentences: "inherited, so not read" }),
    Object.assign(Object.create(null), { sentences: 2 }),
    // A getter that throws reads as undefined: the option keeps its default.
    { get sentences() { throw new Error("getter"); } },
    new Proxy({ sentences: 2 }, { get() { throw new Error("get"); } }),
    { weights: { get position() { throw new Error("getter"); } } },
    new Map([["sentences", "x"]]),
    new Date(0),
  ];
  for (const [i, options] of cases.entries()) assert.equal(message(options), null, `case ${i}`);
});

test("options change the result as their values say", () => {
  const article = "The first sentence is here. The second sentence follows. A third one ends it. And a fourth.";
  assert.equal(summarize(article, { sentences: 1 }).summary.length, 1);
  assert.equal(summarize(article, { sentences: 2 }).summary.length, 2);
  const weighted = summarize(article, { weights: { position: 3.25, lead: -1.5 } });
  // The result's numbers are rounded to 4 decimals.
  const weighs = (name, weight) => (s) => Math.abs(s.contributions[name] - s.features[name] * weight) < 1e-3;
  assert.ok(weighted.sentences.every(weighs("position", 3.25)));
  assert.ok(weighted.sentences.some((s) => s.features.lead !== 0) && weighted.sentences.every(weighs("lead", -1.5)));
  assert.throws(() => summarize("x".repeat(200), { maxInputBytes: 100 }), {
    message: "the text is too long: 200 bytes, over the limit of 100 (raise the `maxInputBytes` option to allow it)",
  });
});
