// One expected result, several paths: the .wasm in Node gives the same summary and people as the native CLI.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fixture, repoRoot, summarize } from "./load.mjs";

function cli(args) {
  // `cargo run` rebuilds the binary when the sources changed, so the comparison is never against a stale build.
  const output = execFileSync("cargo", ["run", "--release", "-q", "--", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(output);
}

const people = (result) => result.people.map((p) => ({ name: p.name, mentions: p.mentions, aliases: [...p.aliases].sort() }));

test("seed: the Node result equals the CLI's --json result", { timeout: 15 * 60 * 1000 }, () => {
  const { text } = fixture("seed");
  for (const sentences of [3, 5]) {
    const native = cli(["--json", "--sentences", String(sentences), "tests/fixtures/seed/input.txt"]);
    const wasm = summarize(text, { sentences });
    assert.deepEqual(wasm.summary, native.summary, `summary indices, ${sentences} sentences`);
    assert.deepEqual(people(wasm), people(native), "people names, aliases and mentions");
    assert.deepEqual(wasm.sentences.map((s) => [s.start, s.end, s.start16, s.end16]),
      native.sentences.map((s) => [s.start, s.end, s.start16, s.end16]), "sentence spans");
    // Beyond the required fields, the whole structure is the same (floats may differ in the last digits).
    assert.deepEqual(JSON.parse(JSON.stringify(wasm, round)), JSON.parse(JSON.stringify(native, round)));
    // ... with its fields in the same order: the features that src/records.js receives as numbers, by position,
    // land under their own names.
    assert.equal(JSON.stringify(wasm, round), JSON.stringify(native, round), "the same fields in the same order");
  }
});

function round(_key, value) {
  return typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(9)) : value;
}
