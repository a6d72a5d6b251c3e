// The design's sample article through the real .wasm in Node: the people, the lead, and no chrome in the summary.

import assert from "node:assert/strict";
import { test } from "node:test";
import { fixture, summarize } from "./load.mjs";

const { text, expected } = fixture("seed");
const result = summarize(text, { sentences: 3 });

test("the seed gives exactly the seven expected people", () => {
  const names = result.people.map((p) => p.name).sort();
  const wanted = expected.people.map((p) => p.name).sort();
  assert.deepEqual(names, wanted);
  for (const not of expected.not_people) {
    assert.ok(!result.people.some((p) => p.name === not || p.aliases.includes(not)), `${not} is not a person`);
  }
});

test("the seed's title is the headline", () => {
  assert.equal(result.title, expected.title);
});

test("the 3-sentence summary has three sentences, in article order, and includes the lead", () => {
  assert.equal(result.summary.length, 3);
  assert.deepEqual([...result.summary].sort((a, b) => a - b), result.summary);
  const lead = result.sentences[0];
  assert.match(lead.text, /^U\.S\. negotiators Steve Witkoff and Jared Kushner/);
  assert.ok(result.summary.includes(0), `lead sentence missing from summary ${JSON.stringify(result.summary)}`);
});

test("no summary sentence comes from the title, the section label or the navigation lines", () => {
  const bodyStart = text.indexOf("U.S. negotiators Steve Witkoff");
  const bodyEnd = text.indexOf(expected.body_ends_with) + expected.body_ends_with.length;
  for (const index of result.summary) {
    const sentence = result.sentences[index];
    assert.ok(sentence.start16 >= bodyStart && sentence.end16 <= bodyEnd, `summary sentence outside the body: ${sentence.text}`);
    assert.ok(!sentence.text.includes(expected.title), "summary sentence contains the title");
    assert.ok(!sentence.text.startsWith("Politics"), "summary sentence starts with the section label");
  }
  // The navigation teasers are not sentences at all: none starts after the body.
  for (const sentence of result.sentences) {
    assert.ok(sentence.start16 < bodyEnd, `navigation line kept as a sentence: ${sentence.text}`);
  }
});
