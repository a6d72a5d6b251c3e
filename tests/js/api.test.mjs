// The JavaScript API of the real .wasm: plain objects out, clear errors for bad options, sensible results for
// empty and tiny inputs.

import assert from "node:assert/strict";
import { test } from "node:test";
import { fixture, split, summarize, version } from "./load.mjs";

const { text: seed } = fixture("seed");

test("version() is the package version", async () => {
  const { readFile } = await import("node:fs/promises");
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
  assert.equal(version(), pkg.version);
});

test("the result is a plain object made of plain objects and arrays", () => {
  const result = summarize(seed);
  const isPlain = (value) => Object.getPrototypeOf(value) === Object.prototype;
  assert.ok(isPlain(result), "result");
  assert.ok(Array.isArray(result.sentences) && Array.isArray(result.summary) && Array.isArray(result.people));
  assert.ok(Array.isArray(result.quotes) && Array.isArray(result.removed) && Array.isArray(result.authors));
  assert.ok(isPlain(result.sentences[0]) && isPlain(result.sentences[0].features), "sentence and its features");
  assert.ok(isPlain(result.people[0]) && isPlain(result.people[0].quotes[0] ?? {}), "person and quote");
  assert.ok(isPlain(result.quotes[0]) && isPlain(result.removed[0]), "quote and removed span");
  // A plain object survives structured cloning and JSON unchanged (what a Worker's postMessage does).
  assert.deepEqual(structuredClone(result), result);
  // JSON keeps everything but the sign of a zero.
  assert.equal(JSON.stringify(JSON.parse(JSON.stringify(result))), JSON.stringify(result));
});

test("result fields have the documented types", () => {
  const result = summarize(seed);
  assert.ok(result.title === null || typeof result.title === "string");
  for (const s of result.sentences) {
    for (const key of ["start", "end", "start16", "end16", "paragraph"]) assert.ok(Number.isInteger(s[key]), `sentence.${key}`);
    assert.equal(typeof s.score, "number");
    for (const key of ["position", "quotes", "entities"]) assert.equal(typeof s.features[key], "number", `features.${key}`);
  }
  for (const i of result.summary) assert.ok(Number.isInteger(i) && i >= 0 && i < result.sentences.length);
  for (const p of result.people) {
    assert.equal(typeof p.name, "string");
    assert.ok(Array.isArray(p.aliases) && Number.isInteger(p.mentions) && p.mentions >= 1);
    assert.ok(p.role === null || typeof p.role === "string");
  }
  for (const q of result.quotes) assert.ok(q.speaker === null || (Number.isInteger(q.speaker) && q.speaker < result.people.length));
  for (const r of result.removed) assert.equal(typeof r.reason, "string");
});

test("length options: sentences, ratio, words", () => {
  assert.equal(summarize(seed, { sentences: 1 }).summary.length, 1);
  assert.equal(summarize(seed, { sentences: 5 }).summary.length, 5);
  const all = summarize(seed).sentences.length;
  const byRatio = summarize(seed, { ratio: 0.5 }).summary.length;
  assert.ok(byRatio >= 1 && byRatio <= Math.ceil(all * 0.5), `ratio 0.5 of ${all} sentences gave ${byRatio}`);
  const byWords = summarize(seed, { words: 60 });
  assert.ok(byWords.summary.length >= 1);
  for (const quotes of ["prefer", "allow", "avoid"]) assert.ok(summarize(seed, { quotes }).summary.length >= 1);
});

test("bad options throw an Error that names the option", () => {
  const cases = [
    [{ sentences: -1 }, "sentences"],
    [{ sentences: 0 }, "sentences"],
    [{ sentences: NaN }, "sentences"],
    [{ sentences: 2.5 }, "sentences"],
    [{ sentences: "x" }, "sentences"],
    [{ ratio: 2 }, "ratio"],
    [{ ratio: 0 }, "ratio"],
    [{ ratio: -0.5 }, "ratio"],
    [{ words: -3 }, "words"],
    [{ quotes: "sometimes" }, "quotes"],
    [{ maxInputBytes: -1 }, "maxInputBytes"],
    [{ sentense: 3 }, "sentense"],
  ];
  for (const [options, name] of cases) {
    assert.throws(() => summarize(seed, options), (error) => {
      assert.ok(error instanceof Error, `${JSON.stringify(options)} threw a non-Error: ${error}`);
      assert.ok(error.message.includes(name), `message for ${JSON.stringify(options)} does not name ${name}: ${error.message}`);
      return true;
    });
  }
  assert.throws(() => summarize(seed, 3), Error);
  assert.throws(() => summarize(seed, [1]), Error);
});

test("maxInputBytes refuses a larger input with a clear message", () => {
  assert.throws(() => summarize(seed, { maxInputBytes: 100 }), /maxInputBytes|too (large|long)|bytes/i);
});

test("empty and whitespace-only input give an empty result, not an exception", () => {
  for (const text of ["", "   ", "\n\n\t \r\n"]) {
    const result = summarize(text);
    assert.deepEqual(result.sentences, [], JSON.stringify(text));
    assert.deepEqual(result.summary, []);
    assert.deepEqual(result.people, []);
  }
});

test("a one-sentence input is its own summary", () => {
  const text = "Mayor Anna Kowalska opened the new bridge in Gdansk on Monday.";
  const result = summarize(text, { sentences: 3 });
  assert.equal(result.sentences.length, 1);
  assert.deepEqual(result.summary, [0]);
  assert.equal(result.sentences[0].text, text);
  assert.ok(result.people.some((p) => p.name === "Anna Kowalska"), JSON.stringify(result.people.map((p) => p.name)));
});

test("split() returns the same sentences as summarize()", () => {
  const sentences = split(seed);
  const list = Array.isArray(sentences) ? sentences : sentences.sentences;
  assert.ok(Array.isArray(list), "split returns sentences");
  assert.deepEqual(list.map((s) => s.text), summarize(seed).sentences.map((s) => s.text));
});
