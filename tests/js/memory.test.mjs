// Memory stays flat: once warmed up, 10,000 more calls do not grow the Wasm linear memory (nothing leaks per
// call, in Rust or in the glue's heap of JS values).

import assert from "node:assert/strict";
import { test } from "node:test";
import { exports, fixture, summarize } from "./load.mjs";

test("10,000 successive calls leave memory.buffer.byteLength flat after warm-up", { timeout: 10 * 60 * 1000 }, () => {
  const { text: seed } = fixture("seed");
  const inputs = [
    seed,
    seed.slice(0, 1200),
    "Mayor Anna Kowalska opened the new bridge on Monday. “It is a great day,” she said.",
    "",
  ];
  const options = [undefined, { sentences: 1 }, { ratio: 0.3 }, { quotes: "avoid" }];
  const call = (i) => summarize(inputs[i % inputs.length], options[i % options.length]);
  // Bad options exercise the error path, which must not leak either.
  const fail = () => assert.throws(() => summarize(seed, { sentences: -1 }));

  for (let i = 0; i < 200; i++) {
    call(i);
    fail();
  }
  const warm = exports.memory.buffer.byteLength;
  for (let i = 0; i < 10_000; i++) {
    call(i);
    if (i % 10 === 0) fail();
  }
  const after = exports.memory.buffer.byteLength;
  assert.equal(after, warm, `linear memory grew from ${warm} to ${after} bytes over 10,000 calls`);
  console.log(`# linear memory after warm-up and after 10,000 calls: ${after} bytes`);
});
